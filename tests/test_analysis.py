"""The analysed document keeps its paragraph and sentence spans as offsets only."""

from __future__ import annotations

import sys

from hypothesis import given
from hypothesis import strategies as st

from quotekit import Span, default_lexicon
from quotekit._analysis import SpanSequence, analyse
from quotekit._text import (
    _REMOVED_ANY,
    _SPACE_LIKE,
    _normalised_view,
    find_paragraphs,
    make_view,
)

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


def _paragraphs_line_by_line(text: str) -> list[Span]:
    """The paragraph rule written plainly: trimmed lines, a blank line ends a paragraph,
    a line starting in lower case continues one that ends mid-sentence."""
    spans: list[Span] = []
    open_paragraph = False
    offset = 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            open_paragraph = False
        elif (
            open_paragraph
            and text[spans[-1].end - 1] not in '.!?:;…"”’»)]|'
            and text[start].islower()
        ):
            spans[-1] = Span(spans[-1].start, end)
        else:
            spans.append(Span(start, end))
            open_paragraph = True
    return spans


@given(st.text(st.sampled_from("ab A.:\n\t\u00a0 x"), max_size=80))
def test_paragraphs_follow_the_line_rule(text: str) -> None:
    view = make_view(text)
    assert find_paragraphs(view.text) == _paragraphs_line_by_line(view.text)


@given(st.text(st.sampled_from("ab \r\n\u200b\u00ad\ufeff."), max_size=60))
def test_a_view_removes_only_invisible_characters_and_carriage_returns(text: str) -> None:
    view = make_view(text)
    expected = text.replace("\r\n", "\n")
    for char in "\u200b\u00ad\ufeff":
        expected = expected.replace(char, "")
    assert view.text == expected.replace("\r", "\n")
    for i, char in enumerate(view.text):
        if char not in "\n":
            assert text[view.to_original(i)] == char


def test_every_character_a_view_changes_is_not_printable() -> None:
    """make_view() returns a printable text (once "\\n" is set aside) as it is, and one
    whose only other such characters are no-break spaces with those replaced: sound
    because every character the full normalisation removes or replaces is refused by
    str.isprintable()."""
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    changed = set(_SPACE_LIKE.findall(every)) | set(_REMOVED_ANY.findall(every)) | {"\r"}
    assert changed and all(not c.isprintable() for c in changed)
    assert "\n" not in changed


_VIEW_CHARS = st.sampled_from(
    [
        "a",
        "B",
        " ",
        "\n",
        "\r",
        "\r\n",
        "\t",
        "\u00a0",
        "\u200b",
        "\u00ad",
        "\ufeff",
        "“",
        "é",
        "\u2028",
        "\x00",
        "\x85",
        "\ud800",
        "\u202f",
        "\u3000",
        "\u0600",
        "\ue000",
        "\U0001f600",
    ]
)


@given(st.one_of(st.lists(_VIEW_CHARS, max_size=40).map("".join), st.text(max_size=40)))
def test_a_view_made_in_one_scan_is_the_full_normalisation(text: str) -> None:
    fast, full = make_view.__wrapped__(text), _normalised_view(text)
    assert fast == full
    assert [fast.to_original(i) for i in range(len(fast.text) + 1)] == [
        full.to_original(i) for i in range(len(full.text) + 1)
    ]
