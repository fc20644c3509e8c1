"""``compare()``: are two quotes one statement, and how do they differ?

Both texts go through :func:`~quotekit.normalise_quote_text`, are cut into words and
each word is reduced three ways: a *key* (case-folded, British and American spellings
unified) for the word alignment and the near-identical test; a *stem* (key, synonym head
word, suffix stripping) for scoring; and content words (stems of words that are not on
the stop list). The field measurements behind the design: containment of stemmed content
words (normalised by the shorter quote) separates a translated pair from merely topical
pairs best, and the order the shared words come in confirms it.
"""

from __future__ import annotations

import difflib
import enum
import functools
import itertools
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any, Literal

import attrs
import regex

from ._model import Quote, Span
from ._normalise import normalise_quote_text
from .errors import InputTypeError, LexiconError

# Regexes in this module keep the linear-time rule written at the top of _text.py
# (checked for every pattern by tests/test_adversarial.py).
# A word: letters, digits and marks, with inner apostrophes ("don't", "people's"). The
# optional group must start with an apostrophe, so matching is unambiguous and linear.
_WORD = regex.compile(r"[\p{L}\p{N}\p{M}]+(?:'[\p{L}\p{N}\p{M}]+)*")
#: Words dropped before the near-identical test: outlets add and drop articles freely.
ARTICLES = frozenset({"a", "an", "the"})
#: A quote of at most this many words is a fragment: it relates only by containment.
FRAGMENT_WORDS = 3
# Relation thresholds, measured on the seed quotes and the planted variants of
# benchmarks/bench_cluster.py (see docs/compare.md for the reasoning).
VARIANT_CONTAINMENT = 0.75  # share of the shorter quote's content words found in the other
VARIANT_DICE = 0.45  # overlap relative to both quotes, so a short quote cannot dominate
VARIANT_ORDER = 0.75  # shared content words in the same order (LCS / shorter length)
# Fewer shared content words than this is a shared phrase or topic, not one statement;
# quotes with fewer content words than this are variants only with the same content words.
VARIANT_MIN_SHARED = 4
CONTAINS_RATIO = 0.6  # the contained quote has at most this share of the other's content
CONTAINS_CONTAINMENT = 0.8
CONTAINS_COVERAGE = 0.8  # share of the contained quote's words aligned in order
# The contained quote's words lie within this many times its length in the other (plus
# two words): a dropped middle clause passes, words scattered over a speech do not.
CONTAINS_WINDOW = 2.0
# The score blends the three symmetric measures; containment weighs most because it
# separated translations from topical neighbours best.
_W_CONTAINMENT = 0.4
_W_DICE = 0.4
_W_ORDER = 0.2
#: Highest score a pair gets unless it is identical or near-identical.
MAX_NON_IDENTICAL_SCORE = 0.99

OpName = Literal["equal", "replace", "insert", "delete"]
_OPS = ("equal", "replace", "insert", "delete")


class Relation(str, enum.Enum):
    """How quote ``a`` relates to quote ``b`` in a :class:`Comparison`."""

    IDENTICAL = "identical"  #: the same normalised text
    NEAR_IDENTICAL = "near_identical"  #: differs only in punctuation, case, spelling, articles
    VARIANT = "variant"  #: the same statement reworded or translated differently
    CONTAINS = "contains"  #: ``b`` is a fragment of ``a``
    CONTAINED = "contained"  #: ``a`` is a fragment of ``b``
    UNRELATED = "unrelated"  #: different statements (possibly on the same topic)

    def swapped(self) -> Relation:
        """The relation of ``b`` to ``a``."""
        if self is Relation.CONTAINS:
            return Relation.CONTAINED
        if self is Relation.CONTAINED:
            return Relation.CONTAINS
        return self

    @property
    def same_statement(self) -> bool:
        """Whether the relation makes both quotes one statement (not containment)."""
        return self in (Relation.IDENTICAL, Relation.NEAR_IDENTICAL, Relation.VARIANT)


def _op_name(_inst: object, _attr: object, value: object) -> None:
    if value not in _OPS:
        raise ValueError(f"op must be one of {_OPS}, got {value!r}")


@attrs.frozen
class AlignmentOp:
    """One run of the word alignment: ``a[a_span]`` becomes ``b[b_span]``.

    ``op`` is ``equal`` (same words up to case and spelling variant), ``replace``,
    ``insert`` (only in ``b``; ``a_span`` is empty) or ``delete`` (only in ``a``).
    Spans index the compared texts, :attr:`Comparison.a_text` and ``b_text``.
    """

    op: OpName = attrs.field(validator=_op_name)
    a_span: Span = attrs.field(validator=attrs.validators.instance_of(Span))
    b_span: Span = attrs.field(validator=attrs.validators.instance_of(Span))


@attrs.frozen
class Comparison:
    """The result of :func:`compare`: a score, a relation and the word alignment.

    - ``score``: in [0, 1], symmetric; 1.0 only for identical and near-identical text.
    - ``containment``: share of the shorter quote's content words found in the other.
    - ``order``: share of the shorter quote's content words shared *in the same order*.
    - ``shared``: the content-word stems both quotes have, sorted.
    """

    a_text: str
    b_text: str
    score: float
    relation: Relation
    containment: float
    order: float
    shared: tuple[str, ...]
    alignment: tuple[AlignmentOp, ...]

    def pieces(self) -> list[tuple[OpName, str, str]]:
        """The alignment as ``(op, words of a, words of b)`` triples."""
        return [
            (op.op, op.a_span.slice(self.a_text), op.b_span.slice(self.b_text))
            for op in self.alignment
        ]

    def render(self) -> str:
        """``a`` rewritten into ``b`` inline: ``[-deleted-]``, ``{+inserted+}``,
        ``[-old-]{+new+}`` for replacements; equal runs as they are in ``a``."""
        out = []
        for op, a_part, b_part in self.pieces():
            if op == "equal":
                out.append(a_part)
            elif op == "delete":
                out.append(f"[-{a_part}-]")
            elif op == "insert":
                out.append(f"{{+{b_part}+}}")
            else:
                out.append(f"[-{a_part}-]{{+{b_part}+}}")
        return " ".join(out)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form: measures, relation and the alignment with its words."""
        return {
            "a": self.a_text,
            "b": self.b_text,
            "score": self.score,
            "relation": self.relation.value,
            "containment": self.containment,
            "order": self.order,
            "shared": list(self.shared),
            "alignment": [
                {
                    "op": op.op,
                    "a_start": op.a_span.start,
                    "a_end": op.a_span.end,
                    "b_start": op.b_span.start,
                    "b_end": op.b_span.end,
                    "a": op.a_span.slice(self.a_text),
                    "b": op.b_span.slice(self.b_text),
                }
                for op in self.alignment
            ],
        }

    def explain(self) -> str:
        """A few lines saying what was decided and why, then the rendered alignment."""
        lines = [
            f"relation: {self.relation.value}  score: {self.score:.3f}",
            f"content words shared: {len(self.shared)} "
            f"(containment {self.containment:.2f}, in order {self.order:.2f})",
            f"reason: {_REASONS[self.relation]}",
            f"alignment: {self.render()}",
        ]
        return "\n".join(lines)


_REASONS = {
    Relation.IDENTICAL: "the normalised texts are equal",
    Relation.NEAR_IDENTICAL: "the words are equal up to case, punctuation, spelling variants "
    "and articles",
    Relation.VARIANT: "most content words of the shorter quote recur in the other, largely in "
    "the same order",
    Relation.CONTAINS: "b's words occur, in order, inside the longer a",
    Relation.CONTAINED: "a's words occur, in order, inside the longer b",
    Relation.UNRELATED: "too few content words in common, or not in the same order "
    "(a fragment relates only by containment)",
}


# --- word tables (data files) --------------------------------------------------------------


def _rows(name: str) -> Iterable[tuple[int, list[str]]]:
    text = resources.files("quotekit").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    for lineno, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield lineno, line.split("\t")


@attrs.frozen
class _Tables:
    """The matching word lists: stop words, spelling variants, synonyms, suffix rules."""

    stopwords: frozenset[str]
    negations: frozenset[str]
    spelling: Mapping[str, str]
    synonyms: Mapping[str, str]
    suffixes: tuple[tuple[str, str], ...]  # longest suffix first


@functools.lru_cache(maxsize=1)
def _tables() -> _Tables:
    stopwords = frozenset(cols[0].strip().casefold() for _, cols in _rows("stopwords.txt"))
    spelling: dict[str, str] = {}
    for lineno, cols in _rows("spelling_variants.tsv"):
        if len(cols) != 2 or not cols[0] or not cols[1]:
            raise LexiconError(f"spelling_variants.tsv:{lineno}", "expected 2 columns", cols)
        variant, form = cols[0].casefold(), cols[1].casefold()
        spelling[variant] = form
        spelling.setdefault(variant + "s", form + "s")
    synonyms: dict[str, str] = {}
    for lineno, cols in _rows("synonyms.tsv"):
        if len(cols) != 2 or not cols[0]:
            raise LexiconError(f"synonyms.tsv:{lineno}", "expected 2 columns", cols)
        head = cols[0].casefold()
        for word in cols[1].split("|"):
            word = word.strip().casefold()
            if word in synonyms and synonyms[word] != head:
                raise LexiconError(f"synonyms.tsv:{lineno}", f"{word!r} is in two groups", word)
            synonyms[word] = head
    suffixes = []
    for lineno, cols in _rows("stem_suffixes.tsv"):
        if len(cols) != 2 or not cols[0]:
            raise LexiconError(f"stem_suffixes.tsv:{lineno}", "expected 2 columns", cols)
        suffixes.append((cols[0], cols[1]))
    suffixes.sort(key=lambda rule: -len(rule[0]))
    negations = frozenset(cols[0].strip().casefold() for _, cols in _rows("negations.txt"))
    return _Tables(stopwords, negations, spelling, synonyms, tuple(suffixes))


# --- words, keys and stems ---------------------------------------------------------------


# British -ise/-yse endings ("organised", "analysing") are written the American way in
# keys; at least three letters must come before them, so "rise" and "raised" stay.
_ISE_ENDINGS = tuple(
    (stem + end, stem[0] + "z" + end)
    for end in ("ations", "ation", "ing", "ed", "es", "e")
    for stem in ("is", "ys")
)


def _key(word: str, spelling: Mapping[str, str]) -> str:
    folded = word.casefold()
    if folded in spelling:
        return spelling[folded]
    for british, american in _ISE_ENDINGS:
        if folded.endswith(british) and len(folded) - len(british) >= 3:
            return folded[: len(folded) - len(british)] + american
    return folded


@functools.lru_cache(maxsize=1 << 16)
def stem(key: str) -> str:
    """The matching stem of a word key: synonym head word, then suffix stripping.

    Deliberately crude and only ever compared, never shown: it makes "genocide" and
    "genocidal", "organise" and "organized", "rescued" and "save" meet.
    """
    tables = _tables()
    word = tables.synonyms.get(key, key)
    if word.endswith("'s"):
        word = word[:-2]
    for _ in range(4):  # rules repeat to a fixed point; four rounds bound the work
        new = word
        for suffix, replacement in tables.suffixes:
            if word.endswith(suffix):
                base = word[: len(word) - len(suffix)]
                if len(base) >= 3:
                    new = base + replacement
                    break
        if new == word:
            break
        word = new
    return word


@attrs.frozen
class Profile:
    """A text prepared for comparison (internal; shared with the index)."""

    text: str
    keys: tuple[str, ...]  # case-folded, spelling-unified words
    bare: tuple[str, ...]  # keys without articles: the near-identical form
    stems: tuple[str, ...]  # one stem per word
    content: tuple[str, ...]  # stems of content words, in order
    negated: bool = False  # has a word such as "not", "never", "isn't"

    @property
    def fragment(self) -> bool:
        """A quote of two or three words ("second birthday")."""
        return len(self.keys) <= FRAGMENT_WORDS

    def spans(self) -> list[tuple[int, int]]:
        """Each word's offsets in ``text`` (found again: only alignments need them)."""
        return [m.span() for m in _WORD.finditer(self.text)]


@functools.lru_cache(maxsize=1 << 18)
def _word(word: str) -> tuple[str, str, bool, bool, bool]:
    """(key, stem, is a content word, is an article, is a negation) of one word."""
    tables = _tables()
    key = _key(word, tables.spelling)
    negation = key in tables.negations or key.endswith("n't")
    return key, stem(key), key not in tables.stopwords, key in ARTICLES, negation


@functools.lru_cache(maxsize=1 << 14)
def profile(text: str) -> Profile:
    """Normalise ``text`` (already-normalised text is unchanged) and cut it into words."""
    norm = normalise_quote_text(text)
    words = list(map(_word, _WORD.findall(norm)))
    if not words:
        return Profile(norm, (), (), (), ())
    keys, stems, is_content, is_article, is_negation = zip(*words, strict=True)
    content = tuple(itertools.compress(stems, is_content))
    if not content:
        # A quote of function words only ("It is what it is") is compared on all of them.
        content = stems
    bare = tuple(itertools.compress(keys, [not a for a in is_article]))
    return Profile(norm, keys, bare, stems, content, any(is_negation))


def lcs_length(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """Length of the longest common subsequence (bit-parallel; symmetric and exact)."""
    if len(a) < len(b):
        a, b = b, a
    if not b:
        return 0
    masks: dict[str, int] = {}
    for i, item in enumerate(a):
        masks[item] = masks.get(item, 0) | (1 << i)
    full = (1 << len(a)) - 1
    row = full
    for item in b:
        match = row & masks.get(item, 0)
        row = ((row + match) | (row - match)) & full
    return len(a) - row.bit_count()


def _core(p: Profile) -> tuple[str, ...]:
    """Stems of all words but the articles (which outlets add and drop freely)."""
    return tuple(stem(k) for k in p.bare)


def _inside(a: Profile, b: Profile) -> bool:
    """Whether the shorter quote's words recur in order within a compact stretch of the
    longer one: a trimmed quote, not the same words scattered over a long statement."""
    short, long = sorted((_core(a), _core(b)), key=lambda c: (len(c), c))
    if not short:
        return False
    matcher = difflib.SequenceMatcher(None, short, long, autojunk=False)
    blocks = [m for m in matcher.get_matching_blocks() if m.size]
    matched = sum(m.size for m in blocks)
    if matched < CONTAINS_COVERAGE * len(short):
        return False
    window = blocks[-1].b + blocks[-1].size - blocks[0].b
    return window <= CONTAINS_WINDOW * len(short) + 2


def longest_run(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """Length of the longest run of words the two sequences share (symmetric)."""
    if len(a) > len(b):
        a, b = b, a
    where: dict[str, list[int]] = {}
    for j, item in enumerate(b):
        where.setdefault(item, []).append(j)
    best = 0
    previous: dict[int, int] = {}
    for item in a:
        current = {j: previous.get(j - 1, 0) + 1 for j in where.get(item, ())}
        if current:
            best = max(best, max(current.values()))
        previous = current
    return best


def _contiguous(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    n = len(short)
    if n == 0 or n >= len(long):
        return False
    first = short[0]
    return any(long[i] == first and long[i : i + n] == short for i in range(len(long) - n + 1))


@attrs.frozen
class Judgement:
    """Score and relation of two profiles, without the alignment (internal)."""

    relation: Relation
    score: float
    containment: float
    order: float
    shared: frozenset[str]


def judge(a: Profile, b: Profile) -> Judgement:
    """Decide how ``a`` relates to ``b``; every measure is symmetric by construction."""
    if a.text == b.text:
        return Judgement(Relation.IDENTICAL, 1.0, 1.0, 1.0, frozenset(a.content))
    if a.bare == b.bare:
        return Judgement(Relation.NEAR_IDENTICAL, 1.0, 1.0, 1.0, frozenset(a.content))
    set_a, set_b = frozenset(a.content), frozenset(b.content)
    shared = set_a & set_b
    if not shared:
        return Judgement(Relation.UNRELATED, 0.0, 0.0, 0.0, shared)
    small, big = sorted((len(set_a), len(set_b)))
    containment = len(shared) / small
    dice = 2 * len(shared) / (small + big)
    order = lcs_length(a.content, b.content) / min(len(a.content), len(b.content))
    score = _W_CONTAINMENT * containment + _W_DICE * dice + _W_ORDER * order
    score = min(MAX_NON_IDENTICAL_SCORE, round(score, 6))
    relation = _relation(a, b, len(shared), small, big, containment, dice, order)
    return Judgement(relation, score, containment, order, shared)


def _relation(
    a: Profile,
    b: Profile,
    shared: int,
    small: int,
    big: int,
    containment: float,
    dice: float,
    order: float,
) -> Relation:
    if a.fragment or b.fragment:
        # A fragment is never a variant: only its exact words, in a run, inside a longer quote.
        if len(a.bare) < len(b.bare) and _contiguous(a.bare, b.bare):
            return Relation.CONTAINED
        if len(b.bare) < len(a.bare) and _contiguous(b.bare, a.bare):
            return Relation.CONTAINS
        return Relation.UNRELATED
    if shared < min(VARIANT_MIN_SHARED, small):
        return Relation.UNRELATED
    if small <= CONTAINS_RATIO * big:
        # Much shorter: a fragment of the other quote, or a different statement.
        if containment >= CONTAINS_CONTAINMENT and _inside(a, b):
            a_longer = len(frozenset(a.content)) > len(frozenset(b.content))
            return Relation.CONTAINS if a_longer else Relation.CONTAINED
        return Relation.UNRELATED
    core_a, core_b = _core(a), _core(b)
    if len(core_a) != len(core_b) and longest_run(core_a, core_b) == min(len(core_a), len(core_b)):
        # All of the shorter quote's words, as one run of the longer: a fragment of it.
        return Relation.CONTAINS if len(core_a) > len(core_b) else Relation.CONTAINED
    same_words = shared == big  # short quotes: the same content words, reworded around
    if a.negated != b.negated:
        return Relation.UNRELATED  # one says it is so, the other that it is not
    if order >= VARIANT_ORDER and (
        same_words
        or (
            shared >= VARIANT_MIN_SHARED
            and containment >= VARIANT_CONTAINMENT
            and dice >= VARIANT_DICE
        )
    ):
        return Relation.VARIANT
    return Relation.UNRELATED


def _offsets(spans: list[tuple[int, int]], lo: int, hi: int) -> Span:
    """The span of words ``lo..hi`` (exclusive); an empty span where a run is empty."""
    if lo < hi:
        return Span(spans[lo][0], spans[hi - 1][1])
    if lo < len(spans):
        return Span(spans[lo][0], spans[lo][0])
    end = spans[-1][1] if spans else 0
    return Span(end, end)


def align(a: Profile, b: Profile) -> tuple[AlignmentOp, ...]:
    """Word-level edit runs turning ``a`` into ``b`` (keys compared, so neighbour = neighbor)."""
    matcher = difflib.SequenceMatcher(None, a.keys, b.keys, autojunk=False)
    spans_a, spans_b = a.spans(), b.spans()
    ops = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        ops.append(AlignmentOp(tag, _offsets(spans_a, i1, i2), _offsets(spans_b, j1, j2)))
    return tuple(ops)


def text_of(value: object, name: str) -> str:
    """The text a Quote or a str stands for; anything else raises InputTypeError."""
    if isinstance(value, Quote):
        return value.text
    if isinstance(value, str):
        return value
    raise InputTypeError(name, "a Quote or a str", value)


def compare(a: Quote | str, b: Quote | str) -> Comparison:
    """Compare two quotes (or two texts): score, relation and word alignment.

    Quotes are compared on ``Quote.text``; strings are normalised first with
    :func:`~quotekit.normalise_quote_text`. Any ``str`` is valid input; anything that is
    neither a ``str`` nor a :class:`~quotekit.Quote` raises
    :class:`~quotekit.InputTypeError`.
    """
    pa = profile(text_of(a, "a"))
    pb = profile(text_of(b, "b"))
    verdict = judge(pa, pb)
    return Comparison(
        a_text=pa.text,
        b_text=pb.text,
        score=verdict.score,
        relation=verdict.relation,
        containment=round(verdict.containment, 6),
        order=round(verdict.order, 6),
        shared=tuple(sorted(verdict.shared)),
        alignment=align(pa, pb),
    )
