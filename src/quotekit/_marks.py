"""Find quote marks and pair them into quoted spans, paragraph by paragraph.

The scanner is a small state machine over the marks alone (found with one linear
regex), so an odd number of marks, a mismatched pair (``"…”``) or a stray closing
mark never derails it: an unclosed quote is cut at its paragraph's end and flagged,
and the news convention of reopening a quote on each paragraph keeps one quote open
across paragraphs.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from typing import NamedTuple

import attrs
import regex

from ._model import (
    FLAG_MISMATCHED,
    FLAG_MULTI_PARAGRAPH,
    FLAG_NESTED,
    FLAG_UNCLOSED,
    FLAG_UNOPENED,
    Span,
)

DOUBLE_MARKS = '"“”„‟«»'
SINGLE_MARKS = "'‘’‚‛‹›`"
_ANY_MARK = DOUBLE_MARKS + SINGLE_MARKS
# Regexes in this module keep the linear-time rule written at the top of _text.py
# (checked for every pattern by tests/test_adversarial.py).
# Nothing but marks, punctuation and white space ("…", "?!", a run of stray marks).
_WORDLESS = regex.compile(r"[\p{P}\s]*")


def _has_words(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds anything but marks, punctuation and spaces."""
    return _WORDLESS.fullmatch(text, start, end) is None


# Two straight apostrophes (''…'') or two backticks (``…'') stand for a double mark in
# plain-text news archives. A single mark right after a non-space and right before
# ``''`` closes an inner quotation ("…them,'''"), so it is matched on its own first.
# The look-arounds are one and two characters wide: the pattern stays linear.
_MARK = regex.compile("(?<=\\S)'(?='')|''|``|[\"“”„‟«»'‘’‚‛‹›`]")

# What each raw mark stands for: (the mark it behaves as, is it double).
_ALIAS = {"''": ('"', True), "``": ("„", True), "`": ("‚", False)}
# Each mark as matched: (the mark it behaves as, is it double, its length).
_MARK_INFO: dict[str, tuple[str, bool, int]] = {
    raw: (_ALIAS[raw][0], _ALIAS[raw][1], len(raw))
    if raw in _ALIAS
    else (raw, raw in DOUBLE_MARKS, len(raw))
    for raw in [*DOUBLE_MARKS, *SINGLE_MARKS, *_ALIAS]
}
# Marks that can only open or only close (straight marks can do both).
_DOUBLE_CLOSE_ONLY = "»"
_SINGLE_OPEN_ONLY = "‚‛‹"
_CLOSING_PUNCT = ".,;:!?)]}…—–-/"
_OPENING_PUNCT = "([{—–-/"
# How each opening mark is normally closed, to flag mismatched pairs.
_PARTNER = {
    '"': '"',
    "''": "''",
    "``": "''",
    "“": "”",
    "„": "“",
    "‟": "”",
    "«": "»",
    "'": "'",
    "`": "'",
    "‘": "’",
    "‚": "‘",
    "‛": "’",
    "‹": "›",
}


@functools.lru_cache(maxsize=128)
def _flag_set(flags: frozenset[str]) -> frozenset[str]:
    """One shared set per combination of flags: a page of marks makes hundreds of
    thousands of spans, and a set apiece is that many more objects for the collector."""
    return flags


_UNOPENED = frozenset({FLAG_UNOPENED})


class MarkedSpan(NamedTuple):
    """A quoted span of the view: its marks, content and irregularities.

    A named tuple holding the content's offsets rather than a frozen attrs class holding
    a :class:`Span`: a page of marks makes hundreds of thousands of these, and they stay
    alive until their candidates are made, one object each for the garbage collector to
    walk instead of two."""

    open: int | None  # offset of the opening mark (None when unopened)
    start: int  # the text between the marks, in view offsets
    end: int
    close: int | None  # offset of the closing mark (None when unclosed)
    flags: frozenset[str]
    first_paragraph: int
    last_paragraph: int
    double: bool  # quoted with double marks (single marks otherwise)
    open_len: int = 1  # length of the opening mark ('' and `` are two characters)
    close_len: int = 1  # length of the closing mark

    @property
    def content(self) -> Span:
        """The text between the marks, as a span of the view."""
        return Span(self.start, self.end)

    @property
    def close_end(self) -> int | None:
        """Offset just after the closing mark (None when unclosed)."""
        return None if self.close is None else self.close + self.close_len


# A mark after one of these can open a quote; a mark before one of these can close one.
_OPENS_AFTER = frozenset(_OPENING_PUNCT + _ANY_MARK)
_CLOSES_BEFORE = frozenset(_CLOSING_PUNCT + _ANY_MARK)


def _is_apostrophe(prev: str, nxt: str) -> bool:
    """A single mark between ``prev`` and ``nxt`` inside or at the elided start of a
    word: don't, Cambodia's, '90s (``prev`` is a space at a paragraph start)."""
    if prev.isalnum() and nxt.isalpha():
        return True  # don't, Cambodia's, O'Brien
    # '90s, '08: an elided start of a year
    return prev.isspace() and nxt.isdigit()


def _is_plural_possessive(text: str, pos: int, start: int) -> bool:
    """A closing single mark after a plural noun: "the countries' leaders"."""
    return (
        pos - 1 >= start
        and text[pos - 1] in "sS"
        and (pos + 1 >= len(text) or text[pos + 1] == " ")
    )


@attrs.define
class _Open:
    mark_pos: int
    raw: str  # the mark as written
    char: str  # the mark it behaves as
    length: int
    double: bool
    first_paragraph: int
    paragraph: int
    flags: set[str]
    inner_singles: int = 0
    inner_doubles: int = 0


def find_marked_quotes(text: str, paragraphs: Sequence[Span]) -> list[MarkedSpan]:
    """Pair the quote marks of ``text`` into quoted spans that hold at least one word,
    in document order.

    Single marks pair only where they cannot be apostrophes. A quote still open at
    the end of its paragraph continues when the next paragraph opens with a double
    mark (the news convention); otherwise it ends there, flagged ``unclosed``. A
    closing mark with nothing open that ends its paragraph gives a quote from the
    paragraph start, flagged ``unopened``.
    """
    return find_marked_quotes_in(text, [p.start for p in paragraphs], [p.end for p in paragraphs])


def find_marked_quotes_in(
    text: str, starts: Sequence[int], ends: Sequence[int]
) -> list[MarkedSpan]:
    """:func:`find_marked_quotes` for the paragraphs given by their starts and ends (the
    analysis keeps them so: no :class:`Span` is made for each)."""
    if not starts:
        return []
    results: list[MarkedSpan] = []
    current: _Open | None = None
    last_mark_paragraph = -1  # paragraph of the previous mark, to spot a lone closer
    # Where the last quoted span ended (a wordless one too): an unopened quote starts
    # after it. Spans without a word ("…", a run of stray marks) are paired but not
    # returned: a page of marks would otherwise give as many spans as it has marks.
    last_end = -1

    def close_unclosed(state: _Open) -> None:
        nonlocal last_end
        content_start = state.mark_pos + state.length
        end = max(content_start, ends[state.paragraph])
        last_end = end
        if not _has_words(text, content_start, end):
            return
        results.append(
            MarkedSpan(
                state.mark_pos,
                content_start,
                end,
                None,
                _flag_set(frozenset(state.flags | {FLAG_UNCLOSED})),
                state.first_paragraph,
                state.paragraph,
                state.double,
                state.length,
                0,
            )
        )

    p_index = 0
    para_start, para_end = starts[0], ends[0]
    next_start = starts[1] if len(starts) > 1 else len(text) + 1
    for match in _MARK.finditer(text, starts[0], ends[-1]):
        pos = match.start()
        raw = match.group()
        char, is_double, length = _MARK_INFO[raw]
        if pos >= next_start:
            # Marks come in order: the paragraph only moves forward (no search per mark).
            p_index = bisect.bisect_right(starts, pos, p_index) - 1
            para_start, para_end = starts[p_index], ends[p_index]
            next_start = starts[p_index + 1] if p_index + 1 < len(starts) else len(text) + 1
        if pos >= para_end:
            continue  # between paragraphs (cannot happen for trimmed spans)
        seen_paragraph, last_mark_paragraph = last_mark_paragraph, p_index

        if current is not None and p_index != current.paragraph:
            # The open quote reaches a paragraph boundary.
            if (
                current.double
                and is_double
                and p_index == current.paragraph + 1
                and pos == para_start
                and char not in _DOUBLE_CLOSE_ONLY
                and current.inner_doubles == 0
            ):
                current.paragraph = p_index
                current.flags.add(FLAG_MULTI_PARAGRAPH)
                current.inner_singles = 0
                continue
            if current.double or current.char == "‘":
                close_unclosed(current)
            current = None

        # The characters on either side, within the paragraph (a space beyond it).
        prev = text[pos - 1] if pos > para_start else " "
        nxt = text[pos + length] if pos + length < para_end else " "
        if length == 1 and not is_double and _is_apostrophe(prev, nxt):
            continue
        # Left-flanking marks can open, right-flanking ones can close (the inlined test
        # runs once per mark: a page of marks is hundreds of thousands of them).
        prev_space = prev.isspace()
        next_space = nxt.isspace()
        can_open = not next_space and (prev_space or prev in _OPENS_AFTER)
        can_close = not prev_space and (next_space or nxt in _CLOSES_BEFORE)

        if current is None:
            if is_double:
                if char in _DOUBLE_CLOSE_ONLY or char == "”" or (char == '"' and not can_open):
                    if can_close and (
                        _ends_paragraph(text, pos + length, para_end)
                        or (
                            seen_paragraph != p_index
                            and _attribution_tail(text, pos, pos + length, para_end)
                        )
                    ):
                        start = last_end if para_start < last_end <= pos else para_start
                        last_end = pos + length
                        if _has_words(text, start, pos):
                            results.append(
                                MarkedSpan(
                                    None,
                                    start,
                                    pos,
                                    pos,
                                    _UNOPENED,
                                    p_index,
                                    p_index,
                                    True,
                                    0,
                                    length,
                                )
                            )
                    continue
                if can_open:
                    current = _Open(pos, raw, char, length, True, p_index, p_index, set())
            elif can_open and not can_close and char not in "’›":
                current = _Open(pos, raw, char, length, False, p_index, p_index, set())
            continue

        # A quote is open.
        if current.double:
            if is_double:
                if current.inner_doubles and can_close and not can_open:
                    current.inner_doubles -= 1
                    continue
                if (
                    can_close
                    and (char != "“" or current.char == "„" or not can_open)
                    and char not in "„«"
                ):  # “It's unusual,“ said X: a reversed closing mark still closes
                    last_end = pos + length
                    if _has_words(text, current.mark_pos + current.length, pos):
                        results.append(_closed(current, pos, raw, length))
                    current = None
                elif can_open and char in "“„«":
                    current.inner_doubles += 1
                    current.flags.add(FLAG_NESTED)
                continue
            # A single mark inside a double quote: nested quotation or apostrophe.
            if can_open and not can_close and char not in "’›":
                current.inner_singles += 1
                current.flags.add(FLAG_NESTED)
            elif can_close and current.inner_singles and char not in _SINGLE_OPEN_ONLY:
                current.inner_singles -= 1
            continue

        # A single-quoted span is open.
        if is_double:
            # A double mark inside single quotes: treat the single opener as an
            # apostrophe and restart from this mark.
            current = None
            if can_open and char not in _DOUBLE_CLOSE_ONLY and char != "”":
                current = _Open(pos, raw, char, length, True, p_index, p_index, set())
            continue
        if can_close and char not in _SINGLE_OPEN_ONLY and (char != "‘" or current.char == "‚"):
            if (
                char in "'’"
                and _is_plural_possessive(text, pos, para_start)
                and (_later_closer(text, pos + 1, para_end, char))
            ):
                continue  # "the countries’ leaders": wait for the real closing mark
            last_end = pos + length
            if _has_words(text, current.mark_pos + current.length, pos):
                results.append(_closed(current, pos, raw, length))
            current = None

    if current is not None and (current.double or current.char == "‘"):
        close_unclosed(current)
    return results


# A later single closing mark in the paragraph, within this many characters.
_CLOSER_REACH = 300


def _later_closer(text: str, start: int, end: int, char: str) -> bool:
    """Whether a closing ``char`` that is not an apostrophe follows within reach."""
    limit = min(end, start + _CLOSER_REACH)
    pos = text.find(char, start, limit)
    while pos != -1:
        nxt = text[pos + 1] if pos + 1 < end else " "
        prev = text[pos - 1]
        if not prev.isspace() and not nxt.isalnum():
            return True
        pos = text.find(char, pos + 1, limit)
    return False


# The words an attribution after a lone closing mark may hold ("…,” said lawyer Chen Wei.").
MAX_TAIL_WORDS = 12


def _attribution_tail(text: str, pos: int, after: int, end: int) -> bool:
    """A lone closing mark after a comma or terminal punctuation, followed by a short
    rest of the paragraph that ends it: the close of a quote whose opening mark is
    missing ("The verdict is a victory,” said lawyer Chen Wei.")."""
    if pos == 0 or text[pos - 1] not in ",.!?…" or end - after > MAX_TAIL_WORDS * 12:
        return False
    rest = text[after:end]
    return rest.rstrip().endswith(".") and 0 < len(rest.split()) <= MAX_TAIL_WORDS


def _ends_paragraph(text: str, pos: int, end: int) -> bool:
    """Only closing punctuation and spaces remain between ``pos`` and ``end``."""
    return end - pos <= 8 and all(c.isspace() or c in ".,;!?…)" for c in text[pos:end])


def _closed(state: _Open, close_pos: int, close_raw: str, close_len: int) -> MarkedSpan:
    flags = set(state.flags)
    partner = _PARTNER.get(state.raw)
    if partner != close_raw:
        flags.add(FLAG_MISMATCHED)
    return MarkedSpan(
        state.mark_pos,
        state.mark_pos + state.length,
        close_pos,
        close_pos,
        _flag_set(frozenset(flags)),
        state.first_paragraph,
        state.paragraph,
        state.double,
        state.length,
        close_len,
    )


def is_wordless(text: str, span: MarkedSpan) -> bool:
    """Whether the span quotes no word at all: never a quotation."""
    return not _has_words(text, span.start, span.end)


def with_words(text: str, marked: list[MarkedSpan]) -> list[MarkedSpan]:
    """The spans that quote at least one word (:func:`find_marked_quotes` returns no
    others; spans added from markup, a ``<q>…</q>``, may be empty)."""
    return [m for m in marked if not is_wordless(text, m)]
