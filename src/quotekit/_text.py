"""A normalised view of the caller's text, with an offset map back to the original.

Every later stage works on :class:`TextView.text`, which differs from the original only
in ways that never move a quote: line endings become ``\\n``, exotic spaces become
``" "``, control characters become ``" "``, lone surrogates become U+FFFD, and invisible
format characters (zero-width, bidi controls, soft hyphen, BOM) are removed. Removal is
the only change that shifts offsets; :meth:`TextView.to_original` undoes it.

Paragraphs and sentences are found here too, as spans of the view.

Regex rule for this package: no nested unbounded quantifiers over overlapping character
classes, every look-around has a fixed or small bounded width, and patterns run over
bounded windows where they could otherwise rescan. Every pattern must stay linear in
the length of its input.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator

import regex

from ._lexicon import Lexicon
from ._model import Span

# Characters replaced one-for-one (offsets unchanged). The two patterns that scan every
# character of every document are plain character sets, which the standard ``re``
# engine checks several times faster than ``regex``.
_SPACE_LIKE = re.compile(
    "[\t\x0b\x0c\x00-\x08\x0e-\x1f\x7f-\x9f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
    "\u2028\u2029\r\ud800-\udfff]"
)
_SINGLE_MAP = {
    **dict.fromkeys("\t\x0b\x0c\xa0\u1680\u202f\u205f\u3000", " "),
    **{chr(c): " " for c in range(0x2000, 0x200B)},
    "\u2028": "\n",
    "\u2029": "\n",
    "\r": "\n",
}
# Characters removed (offsets shift): "\r" before "\n", zero-width and bidi controls.
_REMOVED_CHARS = "\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_REMOVED = re.compile(f"\r(?=\n)|[{_REMOVED_CHARS}]+")
# The alternation above starts with no literal, so ``re`` tries it at every position (about
# 10x slower than a plain set); whether it matches at all is asked with a set and ``in``.
_REMOVED_ANY = re.compile(f"[{_REMOVED_CHARS}]")


def _replace_one(match: re.Match[str]) -> str:
    char = match.group()
    mapped = _SINGLE_MAP.get(char)
    if mapped is not None:
        return mapped
    if "\ud800" <= char <= "\udfff":
        return "\ufffd"
    return " "  # C0/C1 controls, NUL


class TextView:
    """The normalised text and the map from its offsets back to the original; read-only
    by convention.

    A plain ``__slots__`` class rather than a frozen attrs model: one is made per
    document, and for a short document the attrs initialiser was a visible cost.
    """

    __slots__ = ("_removed_upto", "_run_at", "original", "text")

    original: str
    text: str

    def __init__(
        self,
        original: str,
        text: str,
        run_at: tuple[int, ...] = (),
        removed_upto: tuple[int, ...] = (),
    ) -> None:
        self.original = original
        self.text = text
        # For each run of removed characters: the view offset just after it, and the
        # total number of characters removed up to and including that run.
        self._run_at = run_at
        self._removed_upto = removed_upto

    def _key(self) -> tuple[str, str, tuple[int, ...], tuple[int, ...]]:
        return (self.original, self.text, self._run_at, self._removed_upto)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TextView):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"TextView(original={self.original!r}, text={self.text!r}, "
            f"run_at={self._run_at!r}, removed_upto={self._removed_upto!r})"
        )

    def to_original(self, index: int) -> int:
        """Original offset of the view character at ``index`` (a span start)."""
        k = bisect.bisect_right(self._run_at, index)
        return index + (self._removed_upto[k - 1] if k else 0)

    def to_original_end(self, index: int) -> int:
        """Original offset for a span end at view offset ``index`` (exclusive)."""
        if index <= 0:
            return 0
        return self.to_original(index - 1) + 1

    def span_to_original(self, start: int, end: int) -> Span:
        """Map a half-open view span to a span of the original string."""
        if not self._run_at:
            return Span(start, max(start, end))  # nothing was removed: the same offsets
        if end <= start:
            s = self.to_original(start)
            return Span(s, s)
        return Span(self.to_original(start), self.to_original_end(end))


# extract() reads a str twice over (Document.from_text, then the pipeline): a pure
# function of an immutable string, so the last few results are memoised.
@functools.lru_cache(maxsize=4)
def make_view(original: str) -> TextView:
    """Normalise ``original`` for scanning, keeping an exact offset map."""
    # Every character the view removes or replaces is one str.isprintable() refuses (the
    # tests check each), and so is "\n", which the view keeps. Most texts hold no other
    # such character, or only no-break spaces (web text): two scans in C then tell what
    # the patterns below (over 20 ns a character on text that is not ASCII) would do.
    probe = original.replace("\n", " ")
    if probe.isprintable():
        return TextView(original, original)
    if probe.replace("\xa0", " ").isprintable():
        return TextView(original, original.replace("\xa0", " "))
    return _normalised_view(original)


def _normalised_view(original: str) -> TextView:
    """:func:`make_view` with every step run."""
    text = original
    run_at: list[int] = []
    removed_upto: list[int] = []
    if "\r\n" in text or _REMOVED_ANY.search(text) is not None:
        pieces: list[str] = []
        last = 0
        removed = 0
        for match in _REMOVED.finditer(text):
            pieces.append(text[last : match.start()])
            removed += match.end() - match.start()
            run_at.append(match.end() - removed)
            removed_upto.append(removed)
            last = match.end()
        pieces.append(text[last:])
        text = "".join(pieces)
    if _SPACE_LIKE.search(text) is not None:
        text = _SPACE_LIKE.sub(_replace_one, text)
    return TextView(original, text, tuple(run_at), tuple(removed_upto))


# --- paragraphs ---------------------------------------------------------------------------

_SENTENCE_END_CHARS = frozenset('.!?:;…"”’»)]|')


def find_paragraphs(text: str) -> list[Span]:
    """Paragraph spans (whitespace-trimmed) of a view's text.

    A line is a paragraph. A line that ends mid-sentence and is followed by a line
    starting in lower case is a hard-wrapped continuation and joins it.
    """
    starts, ends = paragraph_bounds(text)
    return list(map(Span, starts, ends))


# Memoised for the same reason as make_view (a Document and the pipeline both ask).
@functools.lru_cache(maxsize=4)
def paragraph_bounds(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """:func:`find_paragraphs` as the tuples of their starts and of their ends: the
    analysis keeps paragraphs so, and needs no :class:`Span` made of each."""
    starts: list[int] = []
    ends: list[int] = []
    pending_start = pending_end = -1  # the paragraph read so far, if any
    line_start = 0
    # str.strip() trims exactly the characters trim_whitespace() does (str.isspace).
    for line in text.split("\n"):
        raw_start = line_start
        line_start += len(line) + 1
        kept = line.strip()
        if not kept:
            if pending_start >= 0:
                starts.append(pending_start)
                ends.append(pending_end)
                pending_start = -1
            continue
        start = raw_start + len(line) - len(line.lstrip())
        end = start + len(kept)
        if pending_start >= 0:
            if text[pending_end - 1] not in _SENTENCE_END_CHARS and kept[0].islower():
                pending_end = end  # a hard-wrapped continuation
                continue
            starts.append(pending_start)
            ends.append(pending_end)
        pending_start, pending_end = start, end
    if pending_start >= 0:
        starts.append(pending_start)
        ends.append(pending_end)
    return tuple(starts), tuple(ends)


def trim_whitespace(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` moved inwards past white space at both ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# --- sentences ----------------------------------------------------------------------------

# A sentence may end after terminal punctuation, optionally followed by closing marks.
_BOUNDARY = regex.compile(r"[.!?…]{1,5}[\"'”’»)\]]{0,3}(?=\s)")
_WORD_BEFORE = regex.compile(r"[\p{L}.]{1,20}\Z")


def find_sentences(text: str, paragraph: Span, lexicon: Lexicon) -> list[Span]:
    """Sentence spans inside one paragraph of the view.

    A boundary needs terminal punctuation, whitespace, then an upper-case letter, a
    digit or an opening mark; it is refused after an abbreviation ("Mr.", "Gen.",
    "U.S.", "Jan. 7", "No. 5") or an initial ("J. Smith"), unless the abbreviation can
    also end a sentence and a sentence opener follows ("in the U.S. The next day").
    """
    return [
        Span(start, end)
        for start, end in sentence_bounds(text, paragraph.start, paragraph.end, lexicon)
    ]


def sentence_bounds(text: str, start: int, stop: int, lexicon: Lexicon) -> list[tuple[int, int]]:
    """:func:`find_sentences` for the paragraph ``[start, stop)``, as ``(start, end)``
    pairs: the analysis keeps sentences as offsets, and a long document has too many to
    make a :class:`Span` of each."""
    bounds: list[tuple[int, int]] = []
    for match in _BOUNDARY.finditer(text, start, stop):
        end = match.end()
        nxt = end
        while nxt < stop and text[nxt].isspace():
            nxt += 1
        if nxt >= stop:
            break
        following = text[nxt]
        if not (following.isupper() or following.isdigit() or following in "\"“‘'«„("):
            continue
        if text[match.start()] == "." and _is_abbreviation(text, match.start(), nxt, lexicon):
            continue
        bounds.append((start, end))
        start = nxt
    if start < stop:
        bounds.append((start, stop))
    return bounds


_WORD_AFTER = regex.compile(r"\p{L}{1,20}")


def _is_abbreviation(text: str, dot: int, nxt: int, lexicon: Lexicon) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation rather than the sentence
    (``nxt`` is where the next word starts). The lexicon's word classes say which
    abbreviations hold only before a number ("No. 5"), only capitalised ("Sat." but
    "she sat."), or may also end a sentence ("etc.", "U.S.", "Inc.")."""
    found = _WORD_BEFORE.search(text, max(0, dot - 20), dot)
    if found is None:
        return False
    word = found.group().lstrip(".")
    if not word:
        return False
    low = word.lower()
    if len(word) == 1 and word.isupper():
        return not _opens_sentence(text, nxt, lexicon)  # an initial ("J. Smith")
    if low not in lexicon.abbreviations:
        return False
    if lexicon.is_a("abbrev_number", low):
        return text[nxt].isdigit()
    if lexicon.is_a("abbrev_capital", low) and not word[0].isupper():
        return False
    if lexicon.is_a("abbrev_final", low) or lexicon.is_a("abbrev_capital", low):
        return not _opens_sentence(text, nxt, lexicon)
    return True


def _opens_sentence(text: str, pos: int, lexicon: Lexicon) -> bool:
    """A capitalised function word that opens sentences and never a name ("The", "He")."""
    found = _WORD_AFTER.match(text, pos)
    if found is None or not found.group()[0].isupper():
        return False
    low = found.group().lower()
    return (
        lexicon.is_a("starter", low)
        or lexicon.is_a("determiner", low)
        or lexicon.is_a("subject_pronoun", low)
    )


def iter_words(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Spans of word tokens (letters, digits, inner apostrophes/hyphens) in a window."""
    for match in _WORD.finditer(text, start, end):
        yield match.span()


_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+){0,8}")
