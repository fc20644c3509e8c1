"""Normalised quote text: marks removed, whitespace collapsed, typographic variants unified.

The same function serves extraction (``Quote.text``) and comparison, and it is
idempotent: normalising normalised text changes nothing.
"""

from __future__ import annotations

import re

import regex

_TRANSLATE = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "«": '"',
        "»": '"',
        "″": '"',
        "‹": "'",
        "›": "'",
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "−": "-",
        "…": "...",
        "\u00a0": " ",
        "\ufffd": " ",
    }
)
# Regexes in this module keep the linear-time rule written at the top of _text.py
# (checked for every pattern by tests/test_adversarial.py).
# Plain character sets go to the standard ``re`` engine, which scans them faster.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# Lone surrogates (possible in a Python str) cannot be encoded or survive JSON: a space,
# as U+FFFD is.
_SURROGATES = re.compile("[\ud800-\udfff]")
_SPACES = regex.compile(r"\s+")
# A quote mark that reopens a paragraph inside a multi-paragraph quote.
_REOPEN = re.compile("[\n\r\u2028\u2029][ \t]*[\"“„«'‘]")
_EDGE_MARKS = '"“”„‟«»‘’‚‛‹› \t\n'
_EDGE_MARKS_TRANSLATED = _EDGE_MARKS.translate(_TRANSLATE)
# What the edges lose: those marks and whitespace in str.strip's sense, which is wider
# than \s (the separators U+001C-U+001F), at once, so that a mark behind such a separator
# goes too and normalising twice changes nothing.
_EDGES = _EDGE_MARKS_TRANSLATED + "".join(c for c in map(chr, range(0x3001)) if c.isspace())


def normalise_quote_text(raw: str) -> str:
    """Normalise a quote's raw content for display and comparison."""
    if raw.isprintable() and "  " not in raw and "\ufffd" not in raw:
        # Most quotes and names: nothing invisible, no surrogate, no line break and no
        # whitespace but single spaces (every character the patterns below act on is
        # non-printable), and no U+FFFD to become a space. Only the one-for-one
        # translation and the edges are left; ASCII text has nothing to translate.
        text = raw if raw.isascii() else raw.translate(_TRANSLATE)
        return text.strip(_EDGES)
    return _normalise_all(raw)


def _normalise_all(raw: str) -> str:
    """Every step of :func:`normalise_quote_text`, for text that may need any of them."""
    text = _INVISIBLE.sub("", raw)
    text = _SURROGATES.sub(" ", text)
    text = _REOPEN.sub("\n", text)
    text = text.translate(_TRANSLATE)
    text = _SPACES.sub(" ", text)
    return text.strip(_EDGES)
