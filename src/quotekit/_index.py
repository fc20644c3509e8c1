"""Finding the same statement across many quotes: ``QuoteIndex`` and ``cluster()``.

Comparing every pair is quadratic, so candidates come from *blocking*: a quote is filed
under pairs of its rarest content stems (stems found in only one quote cannot match
anything and are skipped; stems in too many quotes say nothing), and only quotes sharing a
block are verified with the exact rules of :func:`~quotekit.compare`. Clusters are built
by attaching each quote to its best *longer* match, never by chaining every matching pair,
so a short fragment cannot join two different statements.
"""

from __future__ import annotations

import itertools
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs

from ._compare import (
    FRAGMENT_WORDS,
    Comparison,
    Relation,
    compare,
    judge,
    profile,
    text_of,
)
from ._model import Quote
from .errors import ConfigError, InputTypeError

#: How many of a quote's rarest usable stems form its blocking keys (pairs of them).
RAREST_STEMS = 10
#: A stem in more than this share of the quotes is too common to block on ...
COMMON_SHARE = 0.002
#: ... unless it is in at most this many quotes (small collections block on everything).
COMMON_FLOOR = 200
#: A quote with fewer usable stems than this blocks on its rarest common ones too.
MIN_STEMS = 4
#: A blocking key shared by more quotes than this is skipped (a stock phrase, not a quote).
BLOCK_CAP = 256
#: Buckets the blocking keys are sorted in, to keep the sort lists small.
_BUCKETS = 64
#: Share of a quote's content words its cluster's representative must have, when the
#: quote joins through a member it matches rather than the representative itself.
ROOT_CONTAINMENT = 0.75
#: Relations that attach a quote to a longer one in a cluster.
_ATTACHING = frozenset(
    {Relation.IDENTICAL, Relation.NEAR_IDENTICAL, Relation.VARIANT, Relation.CONTAINED}
)


def _speaker_of(value: Quote | str) -> str | None:
    if isinstance(value, Quote) and value.speaker is not None:
        return value.speaker.name
    return None


def _doc_of(value: Quote | str) -> str | None:
    return value.doc_id if isinstance(value, Quote) else None


def _same_speaker(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a.casefold() == b.casefold()


# --- the incremental index -------------------------------------------------------------


class QuoteIndex:
    """Quotes filed by content stem, to find the quotes that match a new one.

    ``add()`` files a quote (or text) and returns its number; ``query()`` returns the
    matching quotes with their :class:`~quotekit.Comparison`, best first. A query looks
    only at quotes sharing its rarest content stems, so its cost does not grow with
    the size of the index the way an exhaustive scan would.
    """

    def __init__(self, quotes: Iterable[Quote | str] = ()) -> None:
        self._items: list[Quote | str] = []
        self._content: list[frozenset[str]] = []
        self._postings: dict[str, list[int]] = {}
        for quote in quotes:
            self.add(quote)

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, number: int) -> Quote | str:
        return self._items[number]

    def add(self, quote: Quote | str) -> int:
        """File ``quote`` and return its number (0, 1, 2, ... in order of adding)."""
        stems = frozenset(profile(text_of(quote, "quote")).content)
        number = len(self._items)
        self._items.append(quote)
        self._content.append(stems)
        for s in stems:
            self._postings.setdefault(s, []).append(number)
        return number

    def candidates(self, quote: Quote | str) -> list[int]:
        """Numbers of the filed quotes sharing one of ``quote``'s rarest usable stems
        (two of them, for a quote made of common words only)."""
        stems = frozenset(profile(text_of(quote, "quote")).content)
        cap = max(COMMON_FLOOR, int(COMMON_SHARE * len(self._items)))
        ranked = sorted((len(self._postings[s]), s) for s in stems if s in self._postings)
        usable = [s for n, s in ranked if n <= cap][:RAREST_STEMS]
        needed = 1
        if len(usable) < MIN_STEMS:
            usable = [s for _, s in ranked[:MIN_STEMS]]
            needed = min(2, len(usable))
        hits: Counter[int] = Counter()
        for s in usable:
            hits.update(self._postings[s])
        return sorted(n for n, count in hits.items() if count >= needed)

    def query(
        self, quote: Quote | str, *, limit: int | None = 10, include_unrelated: bool = False
    ) -> list[tuple[Quote | str, Comparison]]:
        """The filed quotes that relate to ``quote``, best score first.

        Each candidate is verified with :func:`~quotekit.compare`; unrelated ones are
        left out unless ``include_unrelated``. ``limit=None`` returns them all.
        """
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int)):
            raise InputTypeError("limit", "an int or None", limit)
        if limit is not None and limit < 0:
            raise ConfigError("limit", "must be >= 0", limit)
        found = []
        for number in self.candidates(quote):
            comparison = compare(quote, self._items[number])
            if include_unrelated or comparison.relation is not Relation.UNRELATED:
                found.append((number, comparison))
        found.sort(key=lambda pair: (-pair[1].score, pair[0]))
        if limit is not None:
            found = found[:limit]
        return [(self._items[n], c) for n, c in found]


# --- clusters --------------------------------------------------------------------------


@attrs.frozen
class QuoteCluster:
    """Quotes of one statement: members, who is credited in each, and how they relate.

    ``speakers``, ``documents``, ``relations`` and ``scores`` run parallel to
    ``members``; ``relations``/``scores`` say how each member compares with the
    ``representative`` text (the longest form, most often written that way).
    """

    members: tuple[Quote | str, ...]
    representative: str
    speakers: tuple[str | None, ...]
    documents: tuple[str | None, ...]
    relations: tuple[Relation, ...]
    scores: tuple[float, ...]

    def __len__(self) -> int:
        return len(self.members)

    @property
    def texts(self) -> tuple[str, ...]:
        """The members' texts, in member order."""
        return tuple(text_of(m, "member") for m in self.members)

    @property
    def spans_documents(self) -> bool:
        """Whether the members come from more than one document."""
        return len({d for d in self.documents if d is not None}) > 1

    @property
    def speaker_names(self) -> tuple[str, ...]:
        """The distinct speakers credited, in member order."""
        seen: dict[str, None] = {}
        for name in self.speakers:
            if name is not None:
                seen.setdefault(name, None)
        return tuple(seen)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form: the representative text and one record per member."""
        members = []
        for member, speaker, doc, relation, score in zip(
            self.members, self.speakers, self.documents, self.relations, self.scores, strict=True
        ):
            span = member.span if isinstance(member, Quote) else None
            members.append(
                {
                    "doc": doc,
                    "start": None if span is None else span.start,
                    "end": None if span is None else span.end,
                    "speaker": speaker,
                    "relation": relation.value,
                    "score": score,
                    "text": text_of(member, "member"),
                }
            )
        return {
            "representative": self.representative,
            "size": len(self.members),
            "documents": sorted({d for d in self.documents if d is not None}),
            "speakers": list(self.speaker_names),
            "members": members,
        }

    def explain(self) -> str:
        """The representative text, then one line per member: document, speaker, relation."""
        lines = [f"statement: {self.representative}"]
        for member, speaker, doc, relation, score in zip(
            self.members, self.speakers, self.documents, self.relations, self.scores, strict=True
        ):
            lines.append(
                f"  [{doc or '-'}] {speaker or '(no speaker)'}: {relation.value} "
                f"{score:.2f}: {text_of(member, 'member')}"
            )
        return "\n".join(lines)


@attrs.frozen
class _Unit:
    """Quotes with the same near-identical form, clustered as one (internal).

    Kept lean for million-quote runs: the text and content-stem numbers only; profiles
    are rebuilt (and cached) when a candidate pair is verified.
    """

    members: tuple[int, ...]
    text: str
    content: tuple[int, ...]  # sorted numbers of the distinct content stems
    words: int

    @property
    def rank(self) -> tuple[int, int, str]:
        # "Longer" means more content words, then more words; text breaks ties, so the
        # attach-to-a-longer-quote relation is a strict order and clusters are trees.
        return (len(self.content), self.words, self.text)

    @property
    def fragment(self) -> bool:
        return self.words <= FRAGMENT_WORDS


def _units(items: Sequence[Quote | str]) -> list[_Unit]:
    groups: dict[object, tuple[list[int], list[str], tuple[int, ...], int]] = {}
    numbers: dict[str, int] = {}
    for i, item in enumerate(items):
        text = text_of(item, f"quotes[{i}]")
        p = profile(text)
        key: object
        if p.fragment:
            # Fragments of different speakers never merge; unknown speakers never do.
            speaker = _speaker_of(item)
            key = ("fragment", speaker.casefold(), *p.bare) if speaker else ("alone", i)
        else:
            key = "\x1f".join(p.bare)
        group = groups.get(key)
        if group is None:
            # Members differ at most in articles (stop words), so they share content stems.
            content = tuple(sorted({numbers.setdefault(s, len(numbers)) for s in p.content}))
            groups[key] = ([i], [p.text], content, len(p.keys))
        else:
            group[0].append(i)
            group[1].append(p.text)
    # Stems were numbered as met; renumber them in alphabetical order, so that ties
    # between equally rare stems break the same way whatever the order of the input.
    alphabetical = [0] * len(numbers)
    for rank, s in enumerate(sorted(numbers)):
        alphabetical[numbers[s]] = rank
    units = []
    for members, texts, content, words in groups.values():
        forms = Counter(texts)
        # The representative form: the most frequent text; then one not in capitals,
        # the longest (it keeps its punctuation), the first in sort order.
        text = min(forms, key=lambda t: (-forms[t], t.isupper(), -len(t), t))
        stems = tuple(sorted(alphabetical[n] for n in content))
        units.append(_Unit(tuple(members), text, stems, words))
    return units


def _blocking_pairs(units: Sequence[_Unit]) -> Iterator[tuple[int, int]]:
    """Each unordered pair of units sharing a blocking key, once, in sorted order."""
    df: Counter[int] = Counter()
    for unit in units:
        df.update(unit.content)
    cap = max(COMMON_FLOOR, int(COMMON_SHARE * len(units)))
    # Stems in two or more quotes are renumbered by (frequency, number): deterministic,
    # rarest first; those below ``common`` are in at most ``cap`` quotes.
    usable = sorted((n, s) for s, n in df.items() if n >= 2)
    rank = {s: r for r, (_, s) in enumerate(usable)}
    common = sum(1 for n, _ in usable if n <= cap)
    del df, usable
    width = max(1, len(rank))
    unit_bits = max(1, len(units).bit_length())
    fits = (width * width) << unit_bits < 1 << 64
    keys: list[array[int] | list[int]] = [array("Q") if fits else [] for _ in range(_BUCKETS)]
    for u, unit in enumerate(units):
        ranked = sorted(rank[s] for s in unit.content if s in rank)
        ids = [r for r in ranked if r < common][:RAREST_STEMS]
        if len(ids) < MIN_STEMS:
            # A quote of common words only: its rarest stems anyway, since a pair of
            # common words is still rare enough to block on.
            ids = ranked[:MIN_STEMS]
        for x, y in itertools.combinations(ids, 2):
            key = x * width + y
            keys[key % _BUCKETS].append((key << unit_bits) | u)
    mask = (1 << unit_bits) - 1
    pair_fits = 2 * unit_bits <= 64
    pairs: list[array[int] | list[int]] = [array("Q") if pair_fits else [] for _ in range(_BUCKETS)]
    for b in range(_BUCKETS):
        entries = sorted(keys[b])
        keys[b] = []  # free the bucket as soon as it is sorted
        start = 0
        while start < len(entries):
            key = entries[start] >> unit_bits
            end = start + 1
            while end < len(entries) and entries[end] >> unit_bits == key:
                end += 1
            if 2 <= end - start <= BLOCK_CAP:
                group = [e & mask for e in entries[start:end]]
                for x, y in itertools.combinations(group, 2):
                    pairs[x % _BUCKETS].append((x << unit_bits) | y)
            start = end
    for b in range(_BUCKETS):
        codes = sorted(set(pairs[b]))
        pairs[b] = []
        for code in codes:
            yield code >> unit_bits, code & mask


def _speakers(items: Sequence[Quote | str], unit: _Unit) -> set[str]:
    return {s.casefold() for s in (_speaker_of(items[i]) for i in unit.members) if s}


def _attach_allowed(
    items: Sequence[Quote | str], child: _Unit, parent: _Unit, relation: Relation
) -> bool:
    if relation not in _ATTACHING:
        return False
    if child.fragment or parent.fragment:
        # "second birthday" joins a longer quote only of the same speaker.
        if relation is not Relation.CONTAINED:
            return False
        return bool(_speakers(items, child) & _speakers(items, parent))
    return True


def _cheap_screen(a: _Unit, b: _Unit) -> bool:
    # A necessary condition of every attaching relation, on stem numbers only: most
    # candidate pairs fail here before the word-order work of judge().
    shared = len(set(a.content).intersection(b.content))
    return shared > 0 and 2 * shared >= min(len(a.content), len(b.content))


def _offers(
    items: Sequence[Quote | str], units: Sequence[_Unit], pairs: Iterable[tuple[int, int]]
) -> list[list[tuple[float, int]]]:
    """For each unit, the longer units it may attach to, with scores (verified pairs)."""
    offers: list[list[tuple[float, int]]] = [[] for _ in units]
    for x, y in pairs:
        small, large = (x, y) if units[x].rank < units[y].rank else (y, x)
        child, parent = units[small], units[large]
        if not _cheap_screen(child, parent):
            continue
        verdict = judge(profile(child.text), profile(parent.text))
        if _attach_allowed(items, child, parent, verdict.relation):
            offers[small].append((verdict.score, large))
    return offers


def _assign(
    items: Sequence[Quote | str], units: Sequence[_Unit], pairs: Iterable[tuple[int, int]]
) -> list[int]:
    """The root unit of each unit's cluster.

    Units are placed longest first, so a match's cluster is settled before a shorter
    unit looks at it. A unit joins the cluster of its best match only if it also
    relates to that cluster's root; otherwise the next match is tried. So every member
    relates to the representative, and no chain of small rewordings drifts from one
    statement to another.
    """
    offers = _offers(items, units, pairs)
    root = list(range(len(units)))
    for u in sorted(range(len(units)), key=lambda v: units[v].rank, reverse=True):
        for _, p in sorted(offers[u], key=lambda o: (o[0], units[o[1]].rank), reverse=True):
            top = root[p]
            if top == p or _fits(items, units[u], units[top]):
                root[u] = top
                break
    return root


def _fits(items: Sequence[Quote | str], child: _Unit, root: _Unit) -> bool:
    """Whether ``child`` (matching a member of ``root``'s cluster) belongs with ``root``:
    it relates to it, or most of its content words are the root's too. A trimmed quote
    of a reworded one need not relate to the reworded form directly, but a quote
    sharing only a topic with the root stays out."""
    verdict = judge(profile(child.text), profile(root.text))
    if _attach_allowed(items, child, root, verdict.relation):
        return True
    if child.fragment:
        return False
    shared = len(set(child.content).intersection(root.content))
    return shared >= ROOT_CONTAINMENT * len(child.content)


def cluster(
    quotes: Iterable[Quote | str], *, min_size: int = 2, across_documents: bool = False
) -> list[QuoteCluster]:
    """Group quotes that are one statement (identical, near-identical, variant, or a
    fragment of a longer quote), deterministically.

    Returns clusters of at least ``min_size`` members, largest first; with
    ``across_documents`` only clusters whose members come from two or more documents.
    Any ``str`` member is valid; other types raise :class:`~quotekit.InputTypeError`.
    """
    if isinstance(min_size, bool) or not isinstance(min_size, int):
        raise InputTypeError("min_size", "an int", min_size)
    if min_size < 1:
        raise ConfigError("min_size", "must be >= 1", min_size)
    items = list(quotes)
    units = _units(items)
    roots = _assign(items, units, _blocking_pairs(units))
    trees: dict[int, list[int]] = {}
    for u, r in enumerate(roots):
        trees.setdefault(r, []).append(u)
    clusters = []
    for root, members in trees.items():
        indices = sorted(i for u in members for i in units[u].members)
        if len(indices) < min_size:
            continue
        found = _make_cluster(items, units[root].text, indices)
        if across_documents and not found.spans_documents:
            continue
        clusters.append((min(indices), found))
    clusters.sort(key=lambda c: (-len(c[1]), c[1].representative, c[0]))
    return [c for _, c in clusters]


def _make_cluster(
    items: Sequence[Quote | str], representative: str, indices: Sequence[int]
) -> QuoteCluster:
    rep = profile(representative)
    verdicts = [judge(profile(text_of(items[i], "member")), rep) for i in indices]
    return QuoteCluster(
        members=tuple(items[i] for i in indices),
        representative=representative,
        speakers=tuple(_speaker_of(items[i]) for i in indices),
        documents=tuple(_doc_of(items[i]) for i in indices),
        relations=tuple(v.relation for v in verdicts),
        scores=tuple(v.score for v in verdicts),
    )
