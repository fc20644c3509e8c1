"""Cutting windows out of token lists: the binary searches give what a plain scan of
every token gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quotekit import default_lexicon
from quotekit._analysis import HUGE_SENTENCE, analyse
from quotekit._extract import _Quoted
from quotekit._marks import MarkedSpan, find_marked_quotes_in
from quotekit._text import find_paragraphs, make_view
from quotekit._tokens import Token, tokenize, tokens_inside
from strategies import news_text, salted


def _inside_plainly(tokens: list[Token], start: int, end: int) -> list[Token]:
    return [t for t in tokens if start <= t.start and t.end <= end]


def _outside_plainly(spans: list[tuple[int, int]], tokens: list[Token]) -> list[Token]:
    """The rule read plainly: a token is left out when the last span starting at or
    before it (in start order) also ends at or after its end."""
    ordered = sorted(spans)
    kept = []
    for tok in tokens:
        owners = [s for s in ordered if s[0] <= tok.start]
        if owners and tok.end <= owners[-1][1]:
            continue
        kept.append(tok)
    return kept


@settings(max_examples=200)
@given(st.one_of(news_text(), salted(news_text())), st.data())
def test_tokens_inside_is_the_plain_filter(text: str, data: st.DataObject) -> None:
    tokens = tokenize(text, 0, len(text), default_lexicon())
    start = data.draw(st.integers(-2, len(text) + 2))
    end = data.draw(st.integers(-2, len(text) + 2))
    assert tokens_inside(tokens, start, end) == _inside_plainly(tokens, start, end)


@settings(max_examples=200)
@given(st.one_of(news_text(), salted(news_text())), st.data())
def test_outside_quotes_is_the_plain_rule(text: str, data: st.DataObject) -> None:
    paragraphs = find_paragraphs(text)
    marked = find_marked_quotes_in(text, [p.start for p in paragraphs], [p.end for p in paragraphs])
    tokens = tokenize(text, 0, len(text), default_lexicon())
    lo = data.draw(st.integers(0, len(tokens)))
    hi = data.draw(st.integers(lo, len(tokens)))
    spans = [(m.content.start, m.content.end) for m in marked]
    window = tokens[lo:hi]
    assert _Quoted(marked).outside(window) == _outside_plainly(spans, window)


def test_outside_quotes_with_nested_and_touching_spans() -> None:
    # Spans nest and share edges; tokens sit before, between, inside and after them.
    text = "a b c d e f g h i j k l m n o p"
    tokens = tokenize(text, 0, len(text), default_lexicon())

    spans = [(2, 9), (4, 6), (9, 13), (20, 20), (24, 31)]
    quoted = _Quoted([MarkedSpan(None, s, e, None, frozenset(), 0, 0, True) for s, e in spans])
    got = [t.text for t in quoted.outside(tokens)]
    assert got == [t.text for t in _outside_plainly(spans, tokens)]
    assert got == ["a", "d", "e", "h", "i", "j", "k", "l"]


# Words and marks of one paragraph with no sentence end, abbreviations and acronyms
# included, sometimes written together: a full stop after "Mr" joins it.
_PIECES = ("word", "Mr", "Mr.", ".", ",", "U.S.", "don't", "“", "”", '"', "said", "Ana")
_PIECES += ("x-ray", "4,000", "'90s", "3.5", "(", ")", "Lopez", "the", "of")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(("", " ", "  "))), min_size=1),
    st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 400)), max_size=30),
)
def test_windows_of_a_huge_sentence_read_as_fresh_tokenization(
    pieces: list[tuple[str, str]], windows: list[tuple[int, int]]
) -> None:
    unit = "".join(piece + gap for piece, gap in pieces) + " "
    text = unit * (HUGE_SENTENCE // len(unit) + 2)
    analysis = analyse(make_view(text), default_lexicon())
    lexicon = default_lexicon()
    for start, length in windows:
        start = min(start, len(text))
        end = min(len(text), start + length)
        assert analysis.tokens(start, end) == tokenize(text, start, end, lexicon)
        sentence = analysis.sentence_at(start)
        # The blocks a window reads stay for the next windows: read one to vary the memo.
        analysis.tokens_within(sentence, max(sentence.start, start - 300), start)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from((*_PIECES, ". The", "! Then")), st.sampled_from(("", " "))),
        min_size=1,
        max_size=60,
    ),
    st.lists(st.tuples(st.integers(0, 400), st.integers(0, 30)), max_size=30),
)
def test_windows_of_a_tokenized_sentence_read_as_fresh_tokenization(
    pieces: list[tuple[str, str]], windows: list[tuple[int, int]]
) -> None:
    text = "".join(piece + gap for piece, gap in pieces)
    analysis = analyse(make_view(text), default_lexicon())
    lexicon = default_lexicon()
    for start, length in windows:
        start = min(start, len(text))
        end = min(len(text), start + length)
        # Once its sentence is tokenized, a window is cut from the sentence's tokens.
        analysis.sentence_tokens(analysis.sentence_at(start))
        assert analysis.tokens(start, end) == tokenize(text, start, end, lexicon)
