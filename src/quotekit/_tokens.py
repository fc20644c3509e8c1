"""Word and punctuation tokens over a window of the view, for the attribution rules."""

from __future__ import annotations

import bisect
import operator
import re

import regex

from ._lexicon import Lexicon

# Regexes in this module keep the linear-time rule written at the top of _text.py
# (checked for every pattern by tests/test_adversarial.py).
# Acronyms with dots (U.S., H.E.) first, then words with inner apostrophes or hyphens,
# then any single non-space character. Every repetition is bounded.
_TOKEN = regex.compile(
    r"(?:\p{L}\.){2,6}|[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+){0,6}|[^\s\p{L}\p{N}]"
)
# The same pattern for ASCII text, where \p{L}, \p{N} and \s are exactly these classes
# (tests/test_tokens.py checks every ASCII character): the standard ``re`` module reads
# it about twice as fast as ``regex`` reads the one above, and most windows are ASCII.
_ASCII_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,6}|[A-Za-z0-9]+(?:['\-][A-Za-z0-9]+){0,6}|[^\t\n\x0b\x0c\r A-Za-z0-9]"
)


class Token:
    """A word or punctuation token; read-only by convention.

    A plain ``__slots__`` class rather than an attrs model: documents make hundreds of
    thousands of tokens, and the fields the attribution rules read again and again
    (``is_word``, ``is_cap``, ``lower``) are computed once here.
    """

    __slots__ = ("end", "is_cap", "is_word", "lower", "start", "text")

    start: int
    end: int
    text: str
    is_word: bool
    is_cap: bool
    lower: str

    def __init__(self, start: int, end: int, text: str) -> None:
        first = text[:1]
        self.start = start
        self.end = end
        self.text = text
        self.is_word = first.isalnum()
        self.is_cap = first.isupper() or first.isdigit()
        self.lower = text.lower()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Token):
            return NotImplemented
        return (self.start, self.end, self.text) == (other.start, other.end, other.text)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.text))

    def __repr__(self) -> str:
        return f"Token(start={self.start!r}, end={self.end!r}, text={self.text!r})"


def tokenize(text: str, start: int, end: int, lexicon: Lexicon) -> list[Token]:
    """Tokens of ``text[start:end]``; an abbreviation keeps its full stop ("Mr.", "Gen.")."""
    tokens: list[Token] = []
    append = tokens.append
    abbreviations = lexicon.abbreviations
    find = text.find
    pos = start
    # ``findall`` makes no match objects (the costly part of ``finditer`` here). Every
    # character that is not white space starts a token, so only white space lies
    # between two tokens and a token's start is where its text next occurs.
    # (``regex`` reads negative offsets from the end, ``re`` does not: never here.)
    ascii_only = start >= 0 and end >= 0 and text[start:end].isascii()
    pattern = _ASCII_TOKEN if ascii_only else _TOKEN
    for word in pattern.findall(text, start, end):
        s = find(word, pos)
        pos = s + len(word)
        if word == "." and tokens:
            prev = tokens[-1]
            if (
                prev.end == s
                and prev.is_word
                and (prev.lower in abbreviations or (len(prev.text) == 1 and prev.text.isupper()))
            ):
                tokens[-1] = Token(prev.start, pos, prev.text + ".")
                continue
        append(Token(s, pos, word))
    return tokens


def in_number(tokens: list[Token], k: int) -> bool:
    """The comma at ``tokens[k]`` groups the digits of a number ("4,000"), so it opens
    no clause and ends no phrase."""
    return (
        0 < k < len(tokens) - 1
        and tokens[k - 1].text[-1:].isdigit()
        and tokens[k + 1].text[:1].isdigit()
        and tokens[k - 1].end == tokens[k].start
        and tokens[k + 1].start == tokens[k].end
    )


def tokens_inside(tokens: list[Token], start: int, end: int) -> list[Token]:
    """The tokens lying wholly inside ``[start, end)``. Tokens come in order and do not
    overlap (their starts and their ends both ascend), so those are one run, found by
    two binary searches: a window may be cut from blocks of a thousand tokens."""
    first = bisect.bisect_left(tokens, start, key=token_start)
    return tokens[first : bisect.bisect_right(tokens, end, first, key=token_end)]


#: Sort keys for binary searches over tokens in order.
token_start = operator.attrgetter("start")
token_end = operator.attrgetter("end")
