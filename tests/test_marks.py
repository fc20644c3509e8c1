"""The quote-mark scanner: pairing, apostrophes, irregular marks and their flags."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotekit
from quotekit._marks import MarkedSpan, find_marked_quotes
from quotekit._text import find_paragraphs


def scan(text: str) -> list[MarkedSpan]:
    return find_marked_quotes(text, find_paragraphs(text))


def contents(text: str) -> list[str]:
    return [text[m.content.start : m.content.end] for m in scan(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will win" today.', ["we will win"]),
        ("He said “we will win” today.", ["we will win"]),
        ("He said ‘we will win’ today.", ["we will win"]),
        ("He said 'we will win' today.", ["we will win"]),
        ("He said «we will win» today.", ["we will win"]),
        ("Er sagte „wir gewinnen“ heute.", ["wir gewinnen"]),
        ("Er sagte ‚wir gewinnen‘ heute.", ["wir gewinnen"]),
        ("He said ''we will win'' today.", ["we will win"]),
        ("He said ``we will win'' today.", ["we will win"]),
    ],
)
def test_every_mark_style_pairs(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Cambodia's farmers don't plant in the '90s style any more.",
        "The countries' leaders met in O'Brien's office.",
        "It's the ministers' decision, isn't it?",
    ],
)
def test_apostrophes_are_not_quotes(text: str) -> None:
    assert scan(text) == []


def test_apostrophes_inside_a_single_quoted_quote() -> None:
    text = "She said: ‘We don't sell the countries’ land to anyone.’ Then she left."
    assert contents(text) == ["We don't sell the countries’ land to anyone."]


def test_plural_possessive_does_not_close_a_straight_single_quote() -> None:
    text = "He replied: 'The ministers' offices are working on it.' Then he left."
    assert contents(text) == ["The ministers' offices are working on it."]


def test_mismatched_pair_is_one_quote_and_flagged() -> None:
    text = 'The paper wrote: "Our years were hard and long.” It was 1989.'
    [span] = scan(text)
    assert text[span.content.start : span.content.end] == "Our years were hard and long."
    assert "mismatched_marks" in span.flags


def test_nested_single_quote_stays_inside_the_outer_quote() -> None:
    text = "“When he told me ‘you cannot pass’, I turned back,” she said."
    [span] = scan(text)
    assert text[span.content.start : span.content.end] == (
        "When he told me ‘you cannot pass’, I turned back,"
    )
    assert "nested" in span.flags


def test_inner_closer_before_double_apostrophes() -> None:
    text = "''Voters are not satisfied with 'we will win,''' said the senator."
    assert contents(text) == ["Voters are not satisfied with 'we will win,'"]


def test_multi_paragraph_quote_reopened_on_each_paragraph() -> None:
    text = "“First paragraph of the quote.\n\n“Second paragraph, which closes it.”\n\nNext."
    [span] = scan(text)
    assert text[span.content.start : span.content.end] == (
        "First paragraph of the quote.\n\n“Second paragraph, which closes it."
    )
    assert "multi_paragraph" in span.flags


def test_unclosed_quote_stops_at_its_paragraph_and_is_flagged() -> None:
    text = "He said: “We will rebuild the town.\n\nThe council met later. “Yes,” it said."
    spans = scan(text)
    assert [text[s.content.start : s.content.end] for s in spans] == [
        "We will rebuild the town.",
        "Yes,",
    ]
    assert "unclosed" in spans[0].flags and spans[0].close is None
    assert "unclosed" not in spans[1].flags


def test_stray_closing_mark_at_paragraph_end_is_an_unopened_quote() -> None:
    text = "Intro.\n\nThe victory saved the nation from disaster.”\n\nNext paragraph."
    [span] = scan(text)
    assert text[span.content.start : span.content.end] == (
        "The victory saved the nation from disaster."
    )
    assert span.open is None and "unopened" in span.flags


def test_stray_closing_mark_before_an_attribution() -> None:
    text = "Intro.\n\nThe verdict is a victory for workers,” said lawyer Chen Wei.\n\nNext."
    [span] = scan(text)
    assert text[span.content.start : span.content.end] == "The verdict is a victory for workers,"
    assert "unopened" in span.flags


def test_stray_closing_mark_in_running_text_is_ignored() -> None:
    text = "She says,” there are a lot of riders who never get a seat and more."
    assert scan(text) == []


def test_an_odd_number_of_marks_never_swallows_the_document() -> None:
    paragraphs = ['He said "we will win.'] + [
        f'Paragraph {i} has "a quote" in it.' for i in range(5)
    ]
    text = "\n\n".join(paragraphs)
    found = contents(text)
    assert found[0] == "we will win."
    assert found[1:] == ["a quote"] * 5


def test_close_end_covers_two_character_marks() -> None:
    text = "''Done,'' he said."
    [span] = scan(text)
    assert span.open_len == 2 and span.close_len == 2
    assert span.close_end == text.index(" he")


def test_extract_flags_reach_the_quote() -> None:
    text = "“We will stay,” said Mayor Ana Ruiz. She added: “We will rebuild.\n\nNext topic."
    quotes = quotekit.extract(text)
    assert "unclosed" in quotes[-1].flags


_MARKS = st.sampled_from([*"\"“”‘’'«»„‚‹›`", "''", "``"])
_PIECES = st.one_of(
    _MARKS,
    st.sampled_from([" ", "\n", "\n\n", "a", "said", ".", ",", "X", "don't", "s'"]),
    st.text(max_size=4),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_spans_are_ordered_and_inside_the_text(text: str) -> None:
    paragraphs = find_paragraphs(text)
    spans = find_marked_quotes(text, paragraphs)
    previous_end = -1
    for span in spans:
        assert 0 <= span.content.start <= span.content.end <= len(text)
        assert span.content.start >= previous_end
        previous_end = span.content.end
        if span.open is not None:
            assert span.content.start == span.open + span.open_len
        if span.close is not None:
            assert span.content.end == span.close
        if "multi_paragraph" not in span.flags:
            # Without the reopening convention a quote never crosses a paragraph.
            assert "\n\n" not in text[span.content.start : span.content.end]


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_extract_never_raises_and_offsets_are_exact(text: str) -> None:
    for quote in quotekit.extract(text, include_terms=True):
        raw = text[quote.span.start : quote.span.end]
        assert quotekit.normalise_quote_text(raw) == quote.text


def test_spans_without_a_word_are_paired_but_not_returned() -> None:
    # A page of stray marks pairs into as many empty spans as it has marks; they are
    # never quotations, so the scanner keeps none of them (later stages and the garbage
    # collector would pay for each).
    text = 'Stray " " " marks, “…” and ‘?!’ then "a real quote" here.'
    spans = find_marked_quotes(text, find_paragraphs(text))
    assert [text[s.content.start : s.content.end] for s in spans] == ["a real quote"]


def test_an_unopened_quote_starts_after_a_wordless_one() -> None:
    # The dropped span still marks where the next unopened quote may start.
    text = 'He paused: "..." The plan is dead.”'
    [span] = find_marked_quotes(text, find_paragraphs(text))
    assert text[span.content.start : span.content.end] == " The plan is dead."
    assert span.flags == {"unopened"}
