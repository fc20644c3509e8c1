"""The tokens read after a closing mark: the short first read gives what the whole
window would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quotekit import default_lexicon
from quotekit._analysis import Analysis, analyse
from quotekit._extract import AFTER_WINDOW, _after_window, _sentence_rest
from quotekit._text import make_view
from quotekit._tokens import Token, tokenize
from strategies import news_text, salted

_STOPS = (".", "!", "?", '"', "“", "”", "«", "»")


def _after_tokens_whole_window(text: str, close_end: int, paragraph_end: int) -> list[Token]:
    """The rule read plainly: tokenize the whole window, stop at the first stop after
    the first token unless it is an abbreviation's full stop ('R-Ky.,')."""
    end = min(paragraph_end, close_end + AFTER_WINDOW)
    tokens = tokenize(text, close_end, end, default_lexicon())
    for i in range(1, len(tokens)):
        if tokens[i].text in _STOPS:
            if tokens[i].text == "." and i + 1 < len(tokens) and tokens[i + 1].text in ",)":
                continue
            return tokens[:i]
    return tokens


def _close_ends(text: str) -> tuple[Analysis, list[int]]:
    """The analysis of ``text`` and every offset just after a closing mark in it."""
    analysis = analyse(make_view(text), default_lexicon())
    view = analysis.text
    return analysis, [end for end in range(1, len(view) + 1) if view[end - 1] in "\"”’»'"]


def _check(text: str) -> None:
    analysis, close_ends = _close_ends(text)
    for close_end in close_ends:
        paragraph = analysis.paragraphs[analysis.paragraph_index(close_end - 1)]
        expected = _after_tokens_whole_window(analysis.text, close_end, paragraph.end)
        assert _after_window(analysis, close_end).tokens == expected


@settings(max_examples=150)
@given(st.one_of(news_text(), salted(news_text())))
def test_the_after_window_reads_as_the_whole_window_does(text: str) -> None:
    _check(text)


def test_a_long_attribution_and_an_abbreviation_at_the_edge_of_the_first_read() -> None:
    long_tail = " ".join(["word"] * 30)
    _check(f'"We will win," said Ana Lopez, a senior official of the {long_tail} party.')
    # The full stop of "R-Ky." lands on the edge of the first read: it is not a stop.
    for pad in range(40, 70):
        lead = "x" * pad
        _check(f'"Yes," said {lead} McConnell, R-Ky., at the hearing. Next one.')
        _check(f'"Yes," said {lead} R-Ky. Then more words follow here.')
        _check(f'"Yes," said {lead} Rubio (R-Fla. ) at the hearing. Next one.')


def _check_sentence_rest(text: str) -> None:
    analysis, close_ends = _close_ends(text)
    for close_end in close_ends:
        window = _after_window(analysis, close_end)
        fresh = analyse(make_view(text), default_lexicon())
        assert _sentence_rest(analysis, close_end, window) == _sentence_rest(fresh, close_end)


@settings(max_examples=150)
@given(st.one_of(news_text(), salted(news_text())))
def test_the_rest_of_the_sentence_read_from_the_after_window_is_read_afresh(text: str) -> None:
    _check_sentence_rest(text)


def test_the_rest_of_a_sentence_ending_inside_the_after_window() -> None:
    long_tail = " ".join(["word"] * 30)
    _check_sentence_rest(f'"We will win," the {long_tail} Sen. Lopez added. Then U.S. more.')
    _check_sentence_rest('"Yes" is what she told the U.S. Army. Next one "here" too.\nNew line "x"')
    for pad in range(40, 70):
        lead = "x" * pad
        _check_sentence_rest(f'"Yes" for {lead} R-Ky. Then more words follow here.')
