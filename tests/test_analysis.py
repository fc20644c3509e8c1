"""The analysed document keeps its paragraph and sentence spans as offsets only."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quotekit import Span, default_lexicon
from quotekit._analysis import SpanSequence, analyse
from quotekit._text import find_paragraphs, make_view

_SPANS = st.lists(
    st.tuples(st.integers(0, 10_000), st.integers(0, 500)).map(lambda p: Span(p[0], sum(p))),
    max_size=30,
)


@given(_SPANS, st.integers(-40, 40), st.integers(-40, 40))
def test_a_span_sequence_reads_like_the_tuple_of_its_spans(
    spans: list[Span], index: int, stop: int
) -> None:
    sequence = SpanSequence(spans)
    expected = tuple(spans)
    assert len(sequence) == len(expected)
    assert tuple(sequence) == expected
    assert list(sequence[index:stop]) == list(expected[index:stop])
    if -len(expected) <= index < len(expected):
        assert sequence[index] == expected[index]
    assert sequence == SpanSequence(expected)
    assert (Span(3, 4) in sequence) == (Span(3, 4) in expected)


def test_the_analysis_holds_paragraphs_and_sentences_as_offsets() -> None:
    text = "Ana Lopez spoke first. Then Ben Okafor spoke.\n\nA second paragraph here."
    analysis = analyse(make_view(text), default_lexicon())
    assert list(analysis.paragraphs) == find_paragraphs(text)
    assert [text[s.start : s.end] for s in analysis.sentences] == [
        "Ana Lopez spoke first.",
        "Then Ben Okafor spoke.",
        "A second paragraph here.",
    ]
    assert all(type(x) is int for x in analysis.sentences.starts + analysis.sentences.ends)
    assert analysis.sentence_at(30) == analysis.sentences[1]
