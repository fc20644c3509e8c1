"""``QuoteIndex`` and ``cluster()``: the same statement across documents."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotekit
from quotekit import QuoteKind, Relation
from quotekit.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

Seeds = dict[str, tuple[str, list[quotekit.Quote]]]


def _quote(text: str, speaker: str | None = None, doc: str | None = None) -> quotekit.Quote:
    return quotekit.Quote(
        text=text,
        span=quotekit.Span(0, len(text)),
        kind=QuoteKind.DIRECT,
        speaker=None if speaker is None else quotekit.Speaker(speaker),
        doc_id=doc,
    )


def _statements(seeds: Seeds) -> list[quotekit.Quote]:
    return [q for _text, quotes in seeds.values() for q in quotes if q.kind is not QuoteKind.TERM]


def test_the_seeds_hold_exactly_one_cross_article_statement(seed_quotes: Seeds) -> None:
    clusters = quotekit.cluster(_statements(seed_quotes), across_documents=True)
    assert len(clusters) == 1
    [found] = clusters
    assert {d[:3] for d in found.documents if d} == {"001", "002"}
    assert set(found.speaker_names) == {
        "Pracheachon",
        "a newspaper of the Cambodian People's Revolutionary Party",
    }
    assert all(t.startswith("During") for t in found.texts)
    assert set(found.relations) <= {Relation.IDENTICAL, Relation.VARIANT}
    assert "Pracheachon" in found.explain()


def test_a_fragment_never_joins_another_speakers_statement() -> None:
    quotes = [
        _quote("second birthday", "Hun Sen", "a"),
        _quote("The January 7th victory is the second birthday of all Cambodians.", "Sam", "b"),
    ]
    assert quotekit.cluster(quotes) == []
    # The same speaker's fragment does join the full quote.
    quotes.append(_quote("second birthday", "Sam", "c"))
    [found] = quotekit.cluster(quotes)
    assert found.speakers == ("Sam", "Sam")
    assert Relation.CONTAINED in found.relations


def test_fragments_without_a_speaker_stay_alone() -> None:
    quotes = ["second birthday", "second birthday", "It was the second birthday of us all."]
    assert quotekit.cluster(quotes) == []


def test_identical_and_reworded_quotes_cluster_across_documents() -> None:
    base = "The council will spend four million on the new harbour before the winter storms."
    quotes = [
        _quote(base, "Mayor Lund", "d1"),
        _quote(base.upper(), "the mayor", "d2"),
        _quote(base.replace("harbour", "harbor").rstrip("."), "Lund", "d3"),
        _quote("The council will spend four million on the new harbour.", "Lund", "d4"),
        _quote("Ferries will run every hour during the summer season.", "Lund", "d4"),
    ]
    [found] = quotekit.cluster(quotes)
    assert len(found) == 4
    assert found.representative == base
    assert found.spans_documents
    assert set(found.documents) == {"d1", "d2", "d3", "d4"}


def test_no_chaining_through_a_middle_quote() -> None:
    # b is a variant of the longer a, and c of b, but a and c are different statements:
    # c must not be pulled into a's cluster through b.
    a = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima"
    b = "alpha bravo charlie delta echo foxtrot golf hotel mike november"
    c = "echo foxtrot golf hotel mike november oscar"
    assert quotekit.compare(a, b).relation is Relation.VARIANT
    assert quotekit.compare(b, c).relation is Relation.VARIANT
    assert quotekit.compare(a, c).relation is Relation.UNRELATED
    [found] = quotekit.cluster([c, b, a])
    assert found.texts == (b, a)
    assert found.representative == a


def test_min_size_and_input_checks() -> None:
    assert [len(c) for c in quotekit.cluster(["We won the cup."], min_size=1)] == [1]
    with pytest.raises(quotekit.InputTypeError):
        quotekit.cluster([3])  # type: ignore[list-item]
    with pytest.raises(quotekit.ConfigError):
        quotekit.cluster([], min_size=0)
    with pytest.raises(TypeError):
        quotekit.cluster([], min_size=True)
    assert quotekit.cluster([]) == []


def test_to_dict_is_json_ready(seed_quotes: Seeds) -> None:
    [found] = quotekit.cluster(_statements(seed_quotes), across_documents=True)
    data = json.loads(json.dumps(found.to_dict()))
    assert data["size"] == 2
    assert [m["relation"] for m in data["members"]] == [r.value for r in found.relations]


def test_index_finds_the_variant(seed_quotes: Seeds) -> None:
    statements = _statements(seed_quotes)
    index = quotekit.QuoteIndex(statements)
    assert len(index) == len(statements)
    [line] = [
        q for q in statements if q.text.startswith("During") and (q.doc_id or "")[:3] == "001"
    ]
    found = index.query(line)
    assert [c.relation for _q, c in found] == [Relation.IDENTICAL, Relation.VARIANT]
    assert found[1][0].doc_id.startswith("002")  # type: ignore[union-attr]
    assert index.query(line, limit=1)[0][1].relation is Relation.IDENTICAL
    assert len(index.query("Nothing like any of these quotes at all.")) == 0


def test_index_add_returns_numbers() -> None:
    index = quotekit.QuoteIndex()
    assert index.add("The bridge will open in May.") == 0
    assert index.add(_quote("The bridge will open in May!")) == 1
    assert index[0] == "The bridge will open in May."
    [(_item, comparison)] = index.query("the bridge will open in may", limit=None)[:1]
    assert comparison.relation is Relation.NEAR_IDENTICAL
    with pytest.raises(quotekit.InputTypeError):
        index.add(None)  # type: ignore[arg-type]
    with pytest.raises(quotekit.ConfigError):
        index.query("x", limit=-1)


# --- properties -----------------------------------------------------------------------

WORDS = st.sampled_from(
    [
        "we",
        "will",
        "rebuild",
        "the",
        "bridge",
        "harbour",
        "city",
        "our",
        "people",
        "victory",
        "regime",
        "soldiers",
        "came",
        "to",
        "save",
        "help",
        "years",
        "tragic",
        "world",
        "only",
        "never",
        "forget",
        "council",
        "spend",
        "million",
        "winter",
    ]
)
TEXTS = st.lists(st.lists(WORDS, min_size=1, max_size=12).map(" ".join), max_size=12)


@settings(max_examples=60, deadline=None)
@given(TEXTS, st.randoms(use_true_random=False))
def test_clusters_are_deterministic_and_independent_of_order(
    texts: list[str], rng: random.Random
) -> None:
    first = quotekit.cluster(texts)
    assert quotekit.cluster(texts) == first
    shuffled = list(texts)
    rng.shuffle(shuffled)
    assert sorted(sorted(c.texts) for c in quotekit.cluster(shuffled)) == sorted(
        sorted(c.texts) for c in first
    )


@settings(max_examples=60, deadline=None)
@given(TEXTS)
def test_every_member_is_close_to_the_representative(texts: list[str]) -> None:
    seen = 0
    for found in quotekit.cluster(texts):
        seen += len(found)
        for text, relation in zip(found.texts, found.relations, strict=True):
            comparison = quotekit.compare(text, found.representative)
            assert comparison.relation is relation
            # A member joined through another member still shares most content words.
            assert relation is not Relation.UNRELATED or comparison.containment >= 0.75
    assert seen <= len(texts)


# --- command line -----------------------------------------------------------------------


def test_cli_compare_prints_the_cross_document_cluster(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["compare", str(SEEDS), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == 1 and data[0]["size"] == 2
    assert main(["compare", str(SEEDS)]) == 0
    out = capsys.readouterr().out
    assert "Pracheachon" in out and "1 statement(s)" in out


def test_cli_compare_two_texts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "--text", "We will win.", "--text", "we will WIN"]) == 0
    assert "near_identical" in capsys.readouterr().out
    assert main(["compare", "--text", "a b c", "--text", "a b", "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["relation"] == "contains"
    assert main(["compare", "--text", "only one"]) == 2
    assert main(["compare"]) == 2
