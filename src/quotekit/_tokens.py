"""Word and punctuation tokens over a window of the view, for the attribution rules."""

from __future__ import annotations

import attrs
import regex

from ._lexicon import Lexicon

# Regexes in this module keep the linear-time rule written at the top of _text.py
# (checked for every pattern by tests/test_adversarial.py).
# Acronyms with dots (U.S., H.E.) first, then words with inner apostrophes or hyphens,
# then any single non-space character. Every repetition is bounded.
_TOKEN = regex.compile(
    r"(?:\p{L}\.){2,6}|[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+){0,6}|[^\s\p{L}\p{N}]"
)


@attrs.frozen
class Token:
    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper() or self.text[:1].isdigit()

    @property
    def lower(self) -> str:
        return self.text.lower()


def tokenize(text: str, start: int, end: int, lexicon: Lexicon) -> list[Token]:
    """Tokens of ``text[start:end]``; an abbreviation keeps its full stop ("Mr.", "Gen.")."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text, start, end):
        s, e = match.span()
        word = match.group()
        if (
            word == "."
            and tokens
            and tokens[-1].end == s
            and tokens[-1].is_word
            and (
                tokens[-1].lower in lexicon.abbreviations
                or (len(tokens[-1].text) == 1 and tokens[-1].text.isupper())
            )
        ):
            prev = tokens.pop()
            tokens.append(Token(prev.start, e, prev.text + "."))
            continue
        tokens.append(Token(s, e, word))
    return tokens
