"""quotekit.evaluate: matching rule, speaker rule, views, loading and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quotekit
import quotekit.cli
from quotekit import Quote, QuoteKind, Span, Speaker, View
from quotekit.evaluation import (
    DisagreementKind,
    GoldDocument,
    GoldQuote,
    gold_document,
)

TEXT = (
    'Mayor Ana Lopez said the budget was balanced. "We will not raise taxes this year," '
    "she said.\n\nThe so-called \u201cfantasy budget\u201d passed."
)
Q1 = Span(TEXT.index("We will"), TEXT.index(',"') + 1)
SPEAKER = Span(TEXT.index("she said"), TEXT.index("she said") + 3)


def _gold(*quotes: GoldQuote) -> GoldDocument:
    return GoldDocument("d1", TEXT, quotes)


def test_perfect_match_counts_everything() -> None:
    gold = _gold(GoldQuote(Span(Q1.start - 1, Q1.end + 1), "direct", "she", SPEAKER))
    result = quotekit.evaluate([gold], views=["marks"])
    scores = result.scores[View.MARKS]
    assert (scores.gold, scores.predicted, scores.matched) == (1, 1, 1)
    assert scores.precision == scores.recall == scores.f1 == 1.0
    assert scores.exact_rate == 1.0  # marks and edge punctuation aside
    assert scores.speaker_accuracy == 1.0 and scores.attribution_f1 == 1.0
    assert result.errors[View.MARKS] == ()


def test_overlap_below_half_is_a_miss_and_a_spurious() -> None:
    start = TEXT.index("this year")
    gold = _gold(GoldQuote(Span(start, start + 60), "direct", "she", SPEAKER))
    result = quotekit.evaluate([gold], views=[View.MARKS])
    kinds = sorted(e.kind for e in result.errors[View.MARKS])
    assert kinds == [DisagreementKind.MISS, DisagreementKind.SPURIOUS]
    assert result.scores[View.MARKS].f1 == 0.0


def test_wrong_speaker_is_reported_with_context() -> None:
    gold = _gold(GoldQuote(Q1, "direct", "Bob Stone", Span(0, 5)))
    result = quotekit.evaluate([gold], views=["marks"])
    [error] = result.errors[View.MARKS]
    assert error.kind is DisagreementKind.WRONG_SPEAKER
    assert error.gold_speaker == "Bob Stone" and error.predicted_speaker == "Ana Lopez"
    assert "[[We will not raise taxes" in error.context
    scores = result.scores[View.MARKS]
    assert scores.f1 == 1.0 and scores.attribution_f1 == 0.0


def test_speaker_agrees_by_name_words() -> None:
    far = Span(0, 2)  # gold speaker span elsewhere: the name must agree instead
    gold = _gold(GoldQuote(Q1, "direct", "Lopez", far))
    assert quotekit.evaluate([gold], views=["marks"]).scores[View.MARKS].speaker_accuracy == 1.0


def test_views_select_kinds() -> None:
    said = TEXT.index("the budget")
    gold = _gold(
        GoldQuote(Q1, "direct", "she", SPEAKER),
        GoldQuote(Span(said, TEXT.index(" was balanced") + 13), "indirect", "Ana Lopez"),
    )
    result = quotekit.evaluate([gold])
    assert result.scores[View.MARKS].gold == 1
    assert result.scores[View.ALL].gold == 2


def test_interrupted_gold_quote_pieces_are_not_spurious() -> None:
    text = '"We are ready," Lopez said, "and we will win."'
    a = Span(1, 14)
    b = Span(text.index("and we"), len(text) - 1)
    gold = GoldDocument(
        "d2", text, (GoldQuote(Span(0, len(text)), "direct", "Lopez", pieces=(a, b)),)
    )
    scores = quotekit.evaluate([gold], views=["marks"]).scores[View.MARKS]
    assert (scores.gold, scores.predicted, scores.matched) == (1, 1, 1)


def test_custom_extractor() -> None:
    fake = Quote(text="x", span=Q1, kind=QuoteKind.DIRECT, speaker=Speaker("Someone Else"))
    gold = _gold(GoldQuote(Q1, "direct", "she", SPEAKER))
    result = quotekit.evaluate([gold], views=["marks"], extractor=lambda doc: [fake])
    assert result.scores[View.MARKS].speaker_accuracy == 0.0


def test_table_and_dict() -> None:
    result = quotekit.evaluate([_gold(GoldQuote(Q1, "direct", "she", SPEAKER))])
    table = result.table()
    assert "precision" in table and "attribution F1" in table
    data = json.loads(json.dumps(result.to_dict()))
    assert data["views"]["marks"]["f1"] == 1.0


def test_load_gold_from_file_and_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = {
        "doc_id": "d1",
        "text": TEXT,
        "quotes": [
            {
                "start": Q1.start,
                "end": Q1.end,
                "kind": "direct",
                "speaker": "she",
                "speaker_start": SPEAKER.start,
                "speaker_end": SPEAKER.end,
                "spans": [{"start": Q1.start, "end": Q1.end}],
            }
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record) + "\n\n", encoding="utf-8")
    [doc] = list(quotekit.load_gold(path))
    assert doc.quotes[0].speaker == "she"
    assert quotekit.cli.main(["evaluate", str(path), "--view", "marks"]) == 0
    assert "F1" in capsys.readouterr().out
    assert quotekit.cli.main(["evaluate", str(path), "--format", "json", "--errors", "1"]) == 0
    assert json.loads(capsys.readouterr().out)["views"]["marks"]["recall"] == 1.0


@pytest.mark.parametrize(
    ("record", "field"),
    [
        ({"doc_id": "x"}, "document.text"),
        ({"text": "abc", "quotes": [{"start": 0, "end": 9}]}, "document.quotes[0].end"),
        (
            {"text": "abc", "quotes": [{"start": 0, "end": 1, "kind": "odd"}]},
            "document.quotes[0].kind",
        ),
        ({"text": "abc", "quotes": [{"start": -1, "end": 1}]}, "document.quotes[0].start"),
        ({"text": "abc", "quotes": "none"}, "document.quotes"),
    ],
)
def test_bad_gold_names_the_field(record: dict[str, object], field: str) -> None:
    with pytest.raises(quotekit.RecordError) as info:
        gold_document(record)
    assert info.value.field == field


def test_bad_json_line_names_the_line() -> None:
    with pytest.raises(quotekit.RecordError) as info:
        list(quotekit.load_gold(['{"text": "a", "quotes": []}', "{oops"]))
    assert info.value.field == "<lines>:2"


def test_cli_reports_unreadable_gold(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert quotekit.cli.main(["evaluate", str(tmp_path / "missing.jsonl")]) == 1
    assert "missing.jsonl" in capsys.readouterr().err


def test_evaluate_rejects_wrong_types() -> None:
    with pytest.raises(quotekit.InputTypeError):
        quotekit.evaluate(["not a document"])  # type: ignore[list-item]


def test_fragments_inside_one_annotated_clause_are_not_spurious() -> None:
    text = (
        "Okafor wrote on Monday that the plan is a \u201csham,\u201d a \u201ctrap\u201d "
        "and a \u201cmess.\u201d"
    )
    clause = Span(text.index("the plan is"), len(text))
    gold = GoldDocument("d3", text, (GoldQuote(clause, "mixed", "Okafor", Span(0, 6)),))
    scores = quotekit.evaluate([gold], views=["marks"]).scores[View.MARKS]
    assert scores.matched == 1
    assert scores.predicted == 1  # the other fragments are pieces of the matched clause


def test_reported_speech_with_marks_counts_in_the_marks_view() -> None:
    text = (
        "Ana Lopez said that the budget was \u201ca fantasy\u201d. Bob Stone said that it was fine."
    )
    reported = Span(text.index("the budget"), text.index("\u201d") + 1)
    plain = Span(text.index("it was"), len(text) - 1)

    def fake(doc: GoldDocument) -> list[Quote]:
        return [
            Quote(text="x", span=reported, kind=QuoteKind.INDIRECT, speaker=Speaker("Ana Lopez")),
            Quote(text="y", span=plain, kind=QuoteKind.INDIRECT, speaker=Speaker("Bob Stone")),
        ]

    gold = GoldDocument("d4", text, (GoldQuote(reported, "mixed", "Ana Lopez", Span(0, 9)),))
    scores = quotekit.evaluate([gold], views=["marks"], extractor=fake).scores[View.MARKS]
    assert (scores.predicted, scores.matched) == (1, 1)
