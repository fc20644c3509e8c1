"""``compare()``: score, relation and word alignment of two quotes."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotekit
from quotekit import Relation

# The 1989 editorial line in the two translations of seeds 001 and 002.
LINE_A = (
    "During extremely tragic years under the Pol Pot genocide regime, there are so many "
    "strong and rich powers in this world, but only the poor neighbour of Vietnam came to "
    "save our nation"
)
LINE_B = (
    "During the extremely tragic years under the Pol Pot genocidal regime, although there "
    "were many powerful and wealthy countries in the world, only our neighbour Vietnam came "
    "to our rescue."
)


def _quote(text: str, speaker: str | None = None, doc: str | None = None) -> quotekit.Quote:
    return quotekit.Quote(
        text=text,
        span=quotekit.Span(0, len(text)),
        kind=quotekit.QuoteKind.DIRECT,
        speaker=None if speaker is None else quotekit.Speaker(speaker),
        doc_id=doc,
    )


def test_the_two_translations_are_one_statement() -> None:
    result = quotekit.compare(LINE_A, LINE_B)
    assert result.relation is Relation.VARIANT
    assert 0.6 < result.score < 1.0
    assert {"pol", "pot", "vietnam"} <= set(result.shared)


@pytest.mark.parametrize(
    "other",
    [
        # Topical neighbours written for this test: same subject, different statements.
        "The Pol Pot genocidal regime was the enemy of the Cambodian people and of humankind.",
        "We consider that the Vietnamese volunteer troops came to save our people.",
        "Vietnamese soldiers came to help liberate Cambodians from the genocidal regime.",
        "The victory of January 7 opened a new era for the Cambodian nation.",
    ],
)
def test_topical_overlap_is_not_sameness(other: str) -> None:
    assert quotekit.compare(LINE_A, other).relation is Relation.UNRELATED
    assert quotekit.compare(LINE_B, other).relation is Relation.UNRELATED


def test_identical_text_scores_one() -> None:
    result = quotekit.compare(LINE_A, LINE_A)
    assert result.relation is Relation.IDENTICAL
    assert result.score == 1.0
    assert all(op.op == "equal" for op in result.alignment)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Our neighbours organised the programme.", "our neighbors organized the program!"),
        ("We will rebuild the harbour", "We will rebuild harbor."),
        ("“It is over,” he wrote", '"it is over", he wrote'),
        ("The centre will open in autumn.", "THE CENTER WILL OPEN IN AUTUMN"),
    ],
)
def test_near_identical_differs_only_in_form(a: str, b: str) -> None:
    result = quotekit.compare(a, b)
    assert result.relation is Relation.NEAR_IDENTICAL
    assert result.score == 1.0


def test_a_fragment_relates_only_by_containment() -> None:
    long = "The January 7th, 1979 victory is the second birthday of all Cambodians."
    assert quotekit.compare("second birthday", long).relation is Relation.CONTAINED
    assert quotekit.compare(long, "second birthday").relation is Relation.CONTAINS
    # Two or three words that are not a run of the longer quote relate to nothing,
    # however many of its words they share.
    assert quotekit.compare("birthday second", long).relation is Relation.UNRELATED
    assert quotekit.compare("all Cambodians victory", long).relation is Relation.UNRELATED


def test_a_partial_quote_is_contained_in_the_full_one() -> None:
    full = (
        "The contribution of the volunteer soldiers has been recorded by history and "
        "will be remembered by every family in the province."
    )
    part = "has been recorded by history and will be remembered"
    assert quotekit.compare(part, full).relation is Relation.CONTAINED
    assert quotekit.compare(full, part).relation is Relation.CONTAINS


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Regression: reported speech on one topic read as one statement (seeds 001, 002
        # and 004 have this shape); the shared words are not in the same order.
        (
            "the volunteer nurses helped to rebuild the flooded northern villages",
            "without the help of volunteer nurses, the flooded northern villages and the army "
            "would not be able to rebuild the province that fast",
        ),
        # Regression: a few words scattered over a long quote are not a fragment of it.
        (
            "the city council out of housing",
            "That is probably something the city council should do, he said. I am not against "
            "the housing office, but it has never been the job of the council to run housing.",
        ),
        # Regression: a headline sharing a phrase with a much longer statement.
        (
            "Action On Rail Fares In First 100 Days In Office",
            "she would present a rail fares plan to the assembly within her first 100 days in "
            "office and that she thinks it would pass",
        ),
    ],
)
def test_shared_phrases_are_not_one_statement(a: str, b: str) -> None:
    assert quotekit.compare(a, b).relation is Relation.UNRELATED


def test_a_run_of_the_longer_quote_is_contained_not_a_variant() -> None:
    long = "former city treasurer Anna Berg has the best experience"
    assert quotekit.compare("former city treasurer Anna Berg", long).relation is (
        Relation.CONTAINED
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The mayor is qualified to lead the city council",
            "Mayor is not qualified to lead city council",
        ),
        ("We will never close the northern hospital", "We will close the northern hospital soon"),
        (
            "The new rail line isn't ready for passengers yet",
            "The new rail line is ready for passengers",
        ),
    ],
)
def test_a_negated_statement_is_another_statement(a: str, b: str) -> None:
    assert quotekit.compare(a, b).relation is Relation.UNRELATED


def test_short_quotes_need_the_same_content_words() -> None:
    assert quotekit.compare("We will win.", "We will not win.").relation is Relation.UNRELATED
    assert quotekit.compare("Taxes will rise.", "Taxes will fall.").relation is Relation.UNRELATED


def test_alignment_spans_point_into_the_compared_texts() -> None:
    result = quotekit.compare(LINE_A, LINE_B)
    pieces = result.pieces()
    assert ("replace", "genocide", "genocidal") in pieces
    assert any(op == "insert" and b == "although" for op, _a, b in pieces)
    # Equal runs cover the same words on both sides (up to case and spelling).
    for op in result.alignment:
        if op.op == "equal":
            a_part = op.a_span.slice(result.a_text).casefold()
            b_part = op.b_span.slice(result.b_text).casefold()
            assert len(a_part.split()) == len(b_part.split())
        if op.op == "insert":
            assert len(op.a_span) == 0
        if op.op == "delete":
            assert len(op.b_span) == 0


def test_render_and_explain_say_what_changed() -> None:
    result = quotekit.compare("We will rebuild the old bridge.", "We will rebuild the bridge.")
    assert result.render() == "We will rebuild the [-old-] bridge"
    text = result.explain()
    assert "relation:" in text and "score:" in text and "[-old-]" in text


def test_to_dict_holds_the_alignment_words() -> None:
    data = quotekit.compare("We will win", "We shall win").to_dict()
    assert data["relation"] in {r.value for r in Relation}
    assert {"op": "replace", "a": "will", "b": "shall"}.items() <= data["alignment"][1].items()


def test_quotes_are_compared_on_their_text() -> None:
    a = _quote(LINE_A, "Pracheachon", "001")
    b = _quote(LINE_B, "a newspaper", "002")
    assert quotekit.compare(a, b) == quotekit.compare(LINE_A, LINE_B)
    assert quotekit.compare(a, LINE_A).relation is Relation.IDENTICAL


@pytest.mark.parametrize("bad", [None, 3, b"bytes", ["a list"]])
def test_other_types_raise_input_type_error(bad: object) -> None:
    with pytest.raises(quotekit.InputTypeError) as info:
        quotekit.compare(bad, "text")  # type: ignore[arg-type]
    assert info.value.value is bad
    with pytest.raises(TypeError):
        quotekit.compare("text", bad)  # type: ignore[arg-type]


def test_edge_texts_do_not_raise() -> None:
    assert quotekit.compare("", "").relation is Relation.IDENTICAL
    assert quotekit.compare("", "words here").relation is Relation.UNRELATED
    assert quotekit.compare("!!!", "???").score == 1.0
    assert quotekit.compare("a " * 2000, "the " * 2000).relation is Relation.NEAR_IDENTICAL


def test_alignment_op_validates_its_op() -> None:
    span = quotekit.Span(0, 1)
    with pytest.raises(ValueError):
        quotekit.AlignmentOp("swap", span, span)  # type: ignore[arg-type]
    assert attrs.evolve(quotekit.AlignmentOp("equal", span, span), op="delete").op == "delete"


def test_relation_swapped() -> None:
    assert Relation.CONTAINS.swapped() is Relation.CONTAINED
    assert Relation.VARIANT.swapped() is Relation.VARIANT
    assert Relation.VARIANT.same_statement and not Relation.CONTAINED.same_statement


# --- properties -----------------------------------------------------------------------

WORDS = st.sampled_from(
    [
        "the",
        "a",
        "we",
        "will",
        "not",
        "rebuild",
        "bridge",
        "harbour",
        "neighbour",
        "neighbor",
        "city",
        "our",
        "people",
        "said",
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
    ]
)
SENTENCES = st.lists(WORDS, min_size=0, max_size=14).map(" ".join)
PUNCT = st.sampled_from([",", ".", "!", "?", ";", ":", "", "", ""])


@settings(max_examples=150, deadline=None)
@given(SENTENCES, SENTENCES)
def test_symmetric_and_in_range(a: str, b: str) -> None:
    ab, ba = quotekit.compare(a, b), quotekit.compare(b, a)
    assert 0.0 <= ab.score <= 1.0
    assert ab.score == ba.score
    assert ab.relation.swapped() is ba.relation
    assert ab.containment == ba.containment and ab.order == ba.order


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_identity_on_any_text(a: str) -> None:
    result = quotekit.compare(a, a)
    assert result.relation is Relation.IDENTICAL and result.score == 1.0


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60))
def test_any_strings_compare(a: str, b: str) -> None:
    result = quotekit.compare(a, b)
    assert 0.0 <= result.score <= 1.0
    for op in result.alignment:
        assert op.a_span.end <= len(result.a_text) and op.b_span.end <= len(result.b_text)


@settings(max_examples=100, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=14), st.data(), SENTENCES)
def test_stable_under_punctuation_and_case(words: list[str], data: st.DataObject, b: str) -> None:
    a = " ".join(words)
    marks = data.draw(st.lists(PUNCT, min_size=len(words), max_size=len(words)))
    upper = data.draw(st.lists(st.booleans(), min_size=len(words), max_size=len(words)))
    changed = " ".join(
        (w.upper() if up else w) + mark for w, mark, up in zip(words, marks, upper, strict=True)
    )
    before, after = quotekit.compare(a, b), quotekit.compare(changed, b)
    assert before.score == after.score
    same_text = {Relation.IDENTICAL, Relation.NEAR_IDENTICAL}
    assert (before.relation in same_text) == (after.relation in same_text)
    if before.relation not in same_text:
        assert before.relation is after.relation
    assert quotekit.compare(a, changed).relation in same_text


def _clear_caches() -> None:
    from quotekit import _compare

    for cached in (_compare.stem, _compare._word, _compare.profile):
        cached.cache_clear()


def test_the_translations_match_without_the_synonym_table(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The seed pair must not depend on synonyms.tsv (rich/wealthy, save/rescue): the
    # shared word forms and their order carry it.
    from quotekit import _compare

    plain = attrs.evolve(_compare._tables(), synonyms={})
    monkeypatch.setattr(_compare, "_tables", lambda: plain)
    _clear_caches()
    try:
        result = quotekit.compare(LINE_A, LINE_B)
        assert result.relation is Relation.VARIANT
        assert result.containment < 1.0  # the synonyms did count before
    finally:
        monkeypatch.undo()
        _clear_caches()
