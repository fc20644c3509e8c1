"""The tokenizer finds each token's offsets from the texts ``findall`` returns; it must
give exactly the tokens of the match-by-match reading it replaced."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from quotekit import _tokens, default_lexicon
from quotekit._analysis import analyse
from quotekit._lexicon import Lexicon
from quotekit._text import make_view
from quotekit._tokens import _TOKEN, Token, tokenize
from strategies import any_text, texts


def _reference(text: str, start: int, end: int, lexicon: Lexicon) -> list[Token]:
    """The tokens read one match object at a time, offsets from the match."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        s, e = match.span()
        if word == "." and tokens:
            prev = tokens[-1]
            if (
                prev.end == s
                and prev.is_word
                and (
                    prev.lower in lexicon.abbreviations
                    or (len(prev.text) == 1 and prev.text.isupper())
                )
            ):
                tokens[-1] = Token(prev.start, e, prev.text + ".")
                continue
        tokens.append(Token(s, e, word))
    return tokens


def _same(text: str, start: int, end: int) -> None:
    lexicon = default_lexicon()
    got = tokenize(text, start, end, lexicon)
    want = _reference(text, start, end, lexicon)
    assert got == want
    assert all(text[t.start : t.end] == t.text for t in got)


def test_tricky_words_and_white_space() -> None:
    text = (
        "Mr. Ana  Lopez\tof the U.S. Navy said on Jan. 7 that O'Brien's well-being,\n"
        "3.5 per cent, was “fine.” J. Smith (R-Fla.) agreed…  \u00a0 said said. ..."
    )
    for start in range(0, len(text), 5):
        for end in range(start, len(text) + 1, 7):
            _same(text, start, end)


@settings(max_examples=150, deadline=None)
@given(st.one_of(texts, any_text), st.floats(0, 1), st.floats(0, 1))
def test_tokens_equal_the_match_by_match_reading(text: str, a: float, b: float) -> None:
    lo, hi = sorted((round(a * len(text)), round(b * len(text))))
    _same(text, lo, hi)


@settings(max_examples=60, deadline=None)
@given(texts, st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1)), max_size=10))
def test_a_window_given_its_sentence_is_the_same_window(
    text: str, cuts: list[tuple[float, float]]
) -> None:
    # Reported speech hands Analysis.tokens the sentence it looked up already.
    analysis = analyse(make_view(text), default_lexicon())
    n = len(analysis.text)
    for k, sentence in enumerate(analysis.sentences):
        if k % 2:
            analysis.sentence_tokens(sentence)  # half from the memo, half fresh
    for a, b in cuts:
        lo, hi = sorted((round(a * n), round(b * n)))
        sentence = analysis.sentence_at(lo)
        assert analysis.tokens(lo, hi, sentence) == analysis.tokens(lo, hi)


def test_the_ascii_pattern_has_the_classes_of_the_unicode_one() -> None:
    # \p{L}, \p{N} and \s of the regex module, on every ASCII character.
    for code in range(128):
        char = chr(code)
        assert bool(regex.match(r"\p{L}", char)) == (char.isascii() and char.isalpha())
        assert bool(regex.match(r"\p{N}", char)) == char.isdigit()
        assert bool(regex.match(r"\s", char)) == (char in "\t\n\x0b\x0c\r ")
        for text in (char, char + ".", "a" + char + "b", char + "." + char + ".", "ab-" + char):
            assert _tokens._ASCII_TOKEN.findall(text) == _TOKEN.findall(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127)), st.floats(0, 1), st.floats(0, 1))
def test_ascii_text_tokens_equal_the_unicode_reading(text: str, a: float, b: float) -> None:
    lo, hi = sorted((round(a * len(text)), round(b * len(text))))
    _same(text, lo, hi)
    _same(text + "’", lo, hi)  # the window stays ASCII, the text does not
