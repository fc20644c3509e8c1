"""Word lists as data: cue verbs, titles, pronouns, abbreviations and friends.

The lists live in ``quotekit/data/`` and are read once with ``importlib.resources``.
A :class:`Lexicon` is an immutable value; :meth:`Lexicon.extend` returns a new one with
the user's additions, to pass in :class:`~quotekit.ExtractConfig`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from importlib import resources

import attrs

from .errors import LexiconError

# act / to / question: a cue whose complement is no clause ("criticized the plan",
# "declined to comment", "asked whether …"); evidence: a cue that reports a finding
# when its subject is a source of findings ("a poll showed …"); see _reported.py.
CUE_TAGS = frozenset(
    {
        "bare",
        "object",
        "belief",
        "source_first",
        "publication",
        "act",
        "to",
        "question",
        "evidence",
    }
)
GENDERS = frozenset({"male", "female", ""})


@attrs.frozen
class CueEntry:
    """One cue form: its words (lower-case), lemma and grammatical tags."""

    words: tuple[str, ...]
    lemma: str
    tags: frozenset[str]


@attrs.frozen
class TitleEntry:
    """One title or honorific: its words as written, category and implied gender."""

    words: tuple[str, ...]
    category: str
    gender: str
    # The words lower-cased once, for matching (titles are matched in any case).
    keys: tuple[str, ...] = attrs.field(init=False, eq=False, repr=False)

    @keys.default
    def _keys(self) -> tuple[str, ...]:
        return tuple(w.lower() for w in self.words)


def _group_by_first(entries: Iterable[CueEntry]) -> dict[str, tuple[CueEntry, ...]]:
    grouped: dict[str, list[CueEntry]] = {}
    for entry in entries:
        grouped.setdefault(entry.words[0], []).append(entry)
    # Longest match first, so "made it clear" wins over "made".
    return {k: tuple(sorted(v, key=lambda e: -len(e.words))) for k, v in grouped.items()}


def _group_titles(entries: Iterable[TitleEntry]) -> dict[str, tuple[TitleEntry, ...]]:
    grouped: dict[str, list[TitleEntry]] = {}
    for entry in entries:
        grouped.setdefault(entry.words[0].lower(), []).append(entry)
    return {k: tuple(sorted(v, key=lambda e: -len(e.words))) for k, v in grouped.items()}


_NOTHING: frozenset[str] = frozenset()


@attrs.frozen(eq=False)
class Lexicon:
    """All word lists the extractor consults. Build with :func:`default_lexicon`."""

    cues: Mapping[str, tuple[CueEntry, ...]]
    titles: Mapping[str, tuple[TitleEntry, ...]]
    abbreviations: frozenset[str]
    pronouns: Mapping[str, tuple[str, str, str]]
    term_cues: tuple[tuple[str, ...], ...]
    org_words: frozenset[str]
    function_words: Mapping[str, frozenset[str]]
    #: nouns for sources of findings ("poll", "study"): the subjects of ``evidence`` cues
    source_nouns: frozenset[str] = frozenset()
    #: capitalised paragraph labels that name no speaker ("UPDATE:", "EDITOR'S NOTE:")
    label_words: frozenset[str] = frozenset()

    def is_a(self, word_class: str, word: str) -> bool:
        """Whether lower-cased ``word`` is in the closed word class ``word_class``."""
        return word.lower() in self.function_words.get(word_class, _NOTHING)

    def match_cue(self, words: list[str], i: int) -> CueEntry | None:
        """The longest cue starting at ``words[i]`` (lower-cased words), or None."""
        for entry in self.cues.get(words[i], ()):
            n = len(entry.words)
            if tuple(words[i : i + n]) == entry.words:
                return entry
        return None

    def match_title(self, words: list[str], i: int) -> TitleEntry | None:
        """The longest title starting at ``words[i]`` (words as written), or None."""
        for entry in self.titles.get(words[i].lower(), ()):
            keys = entry.keys
            n = len(keys)
            # The first word matched the mapping's key already.
            if n == 1 or (
                i + n <= len(words) and all(words[i + k].lower() == keys[k] for k in range(1, n))
            ):
                return entry
        return None

    def extend(
        self,
        *,
        cues: Iterable[tuple[str, Iterable[str], Iterable[str]]] = (),
        titles: Iterable[tuple[str, str, str]] = (),
        org_words: Iterable[str] = (),
        abbreviations: Iterable[str] = (),
    ) -> Lexicon:
        """A new lexicon with extra entries.

        ``cues`` holds ``(lemma, forms, tags)``, ``titles`` holds
        ``(title, category, gender)``; malformed entries raise LexiconError. An entry
        for a form the lexicon already has replaces it (its lemma, tags or gender win).
        """
        added_cues: list[CueEntry] = []
        for lemma, forms, tags in cues:
            added_cues.extend(_cue_entries("extend(cues=...)", lemma, list(forms), list(tags)))
        added_titles = [
            _title_entry("extend(titles=...)", title, category, gender)
            for title, category, gender in titles
        ]
        # The added entries go first: among matches of equal length the first one wins.
        new_cues = added_cues + [e for group in self.cues.values() for e in group]
        new_titles = added_titles + [e for group in self.titles.values() for e in group]
        return attrs.evolve(
            self,
            cues=_group_by_first(new_cues),
            titles=_group_titles(new_titles),
            org_words=self.org_words | frozenset(org_words),
            abbreviations=self.abbreviations
            | frozenset(a.lower().rstrip(".") for a in abbreviations),
        )


def _cue_entries(source: str, lemma: str, forms: list[str], tags: list[str]) -> list[CueEntry]:
    if not isinstance(lemma, str) or not lemma.strip():
        raise LexiconError(source, "a cue needs a non-empty lemma", lemma)
    bad = [t for t in tags if t not in CUE_TAGS]
    if bad:
        raise LexiconError(source, f"unknown cue tag(s) {bad} for {lemma!r}", bad)
    entries = []
    for form in forms or [lemma]:
        words = tuple(form.lower().split())
        if not words:
            raise LexiconError(source, f"empty form for cue {lemma!r}", form)
        entries.append(CueEntry(words, lemma, frozenset(tags)))
    return entries


def _title_entry(source: str, title: str, category: str, gender: str) -> TitleEntry:
    words = tuple(title.split())
    if not words:
        raise LexiconError(source, "empty title", title)
    if gender not in GENDERS:
        raise LexiconError(source, f"gender must be male, female or empty, not {gender!r}", gender)
    return TitleEntry(words, category, gender)


def _rows(name: str) -> Iterable[tuple[int, list[str]]]:
    text = resources.files("quotekit").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    for lineno, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield lineno, line.rstrip("\n").split("\t")


def _load_cues() -> list[CueEntry]:
    entries: list[CueEntry] = []
    for lineno, cols in _rows("cues.tsv"):
        cols += [""] * (3 - len(cols))
        forms = [f for f in cols[1].split("|") if f]
        tags = [t for t in cols[2].split(",") if t]
        entries.extend(_cue_entries(f"cues.tsv:{lineno}", cols[0], forms, tags))
    return entries


def _load_titles() -> list[TitleEntry]:
    entries = []
    for lineno, cols in _rows("titles.tsv"):
        cols += [""] * (3 - len(cols))
        entries.append(_title_entry(f"titles.tsv:{lineno}", cols[0], cols[1], cols[2]))
    return entries


def _load_pronouns() -> dict[str, tuple[str, str, str]]:
    table = {}
    for lineno, cols in _rows("pronouns.tsv"):
        if len(cols) != 4:
            raise LexiconError(f"pronouns.tsv:{lineno}", "expected 4 columns", cols)
        table[cols[0]] = (cols[1], cols[2], cols[3])
    return table


def _words(name: str) -> list[str]:
    return [cols[0].strip() for _, cols in _rows(name)]


def _load_function_words() -> dict[str, frozenset[str]]:
    grouped: dict[str, set[str]] = {}
    for lineno, cols in _rows("function_words.tsv"):
        if len(cols) != 2:
            raise LexiconError(f"function_words.tsv:{lineno}", "expected 2 columns", cols)
        grouped.setdefault(cols[0], set()).add(cols[1].lower())
    return {k: frozenset(v) for k, v in grouped.items()}


def in_word_class(lexicon: Lexicon, word_class: str, low: str) -> bool:
    """:meth:`Lexicon.is_a` for a word already in lower case, such as a token's
    ``lower`` (the attribution rules' hot path: no second ``lower()``)."""
    return low in lexicon.function_words.get(word_class, _NOTHING)


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon shipped with quotekit (read once, then shared: it is immutable)."""
    return Lexicon(
        cues=_group_by_first(_load_cues()),
        titles=_group_titles(_load_titles()),
        abbreviations=frozenset(_words("abbreviations.txt")),
        pronouns=_load_pronouns(),
        term_cues=tuple(tuple(w.lower().split()) for w in _words("term_cues.txt")),
        org_words=frozenset(_words("org_words.txt")),
        function_words=_load_function_words(),
        source_nouns=frozenset(w.lower() for w in _words("source_nouns.txt")),
        label_words=frozenset(_words("label_words.txt")),
    )
