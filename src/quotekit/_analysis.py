"""The analysed document every candidate stage reads: view, paragraphs, sentences."""

from __future__ import annotations

import bisect
import operator
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from ._lexicon import Lexicon
from ._model import Span
from ._text import TextView, paragraph_bounds, sentence_bounds
from ._tokens import Token, token_start, tokenize, tokens_inside

# How many tokens of recent sentences a document keeps for reuse by later stages (about
# 70 sentences of news prose: the stages reread a sentence soon or not at all). Counted
# in tokens, not sentences, and kept small: every token held is an object the garbage
# collector moves to its oldest generation and walks on every full collection, so a
# larger memo made huge documents slower without saving any tokenization (measured on
# the adversarial inputs, the seeds and the case corpus).
TOKEN_MEMO_TOKENS = 2_000
# A "sentence" longer than this (a paragraph with no sentence end) is never tokenized
# whole, but in blocks of about TOKEN_BLOCK characters cut at white space.
HUGE_SENTENCE = 4_000
TOKEN_BLOCK = 2_000
# How far past a block's nominal start to look for the white space that starts it.
BOUNDARY_REACH = 200


class SpanSequence(Sequence[Span]):
    """Spans kept as two tuples of offsets, made into :class:`Span` objects on access.

    A 10 MB document has some 100,000 sentences: as ``Span`` objects they would stay
    alive through the whole of ``extract()`` and be walked by every full run of the
    garbage collector; tuples of ints are not walked at all. The span last read is
    kept: the stages ask for the same sentence many times in a row.
    """

    __slots__ = ("_recent", "ends", "starts")

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self._set(_unzip([(span.start, span.end) for span in spans]))

    def _set(self, offsets: tuple[tuple[int, ...], tuple[int, ...]]) -> None:
        self.starts: tuple[int, ...]
        self.ends: tuple[int, ...]
        self.starts, self.ends = offsets
        self._recent: tuple[int, Span] | None = None

    @classmethod
    def from_bounds(cls, bounds: Iterable[tuple[int, int]]) -> SpanSequence:
        """The spans of ``(start, end)`` pairs, made without a :class:`Span` each."""
        return cls.from_offsets(_unzip(list(bounds)))

    @classmethod
    def from_offsets(cls, offsets: tuple[tuple[int, ...], tuple[int, ...]]) -> SpanSequence:
        """The spans of the tuple of their starts and the tuple of their ends."""
        sequence = cls.__new__(cls)  # (no empty sequence made first: one per document)
        sequence._set(offsets)
        return sequence

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Span: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Span]: ...

    def __getitem__(self, index: int | slice) -> Span | Sequence[Span]:
        if isinstance(index, slice):
            return list(map(Span, self.starts[index], self.ends[index]))
        recent = self._recent
        if recent is not None and recent[0] == index:
            return recent[1]
        span = Span(self.starts[index], self.ends[index])
        self._recent = (index, span)
        return span

    def __iter__(self) -> Iterator[Span]:
        return map(Span, self.starts, self.ends)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SpanSequence):
            return self.starts == other.starts and self.ends == other.ends
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.starts, self.ends))

    def __repr__(self) -> str:
        return f"SpanSequence({list(self)!r})"


_first = operator.itemgetter(0)
_second = operator.itemgetter(1)


def _unzip(pairs: list[tuple[int, int]]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The first and the second items of ``pairs``, as two tuples."""
    # Not zip(*pairs): that makes an iterator per pair, 100,000 of them at once for the
    # sentences of a 10 MB document, enough to set off runs of the garbage collector.
    return tuple(map(_first, pairs)), tuple(map(_second, pairs))


class Analysis:
    """A text view with its paragraph and sentence spans (view offsets); read-only by
    convention.

    A plain ``__slots__`` class rather than a frozen attrs model: one is made per
    document, and for the short documents of a news feed the attrs initialiser (one
    ``object.__setattr__`` per field, three factories) was a visible part of the cost.
    """

    __slots__ = (
        "_excluded_starts",
        "_memo_size",
        "_peeked",
        "_token_memo",
        "excluded",
        "lexicon",
        "paragraphs",
        "sentences",
        "text",
        "view",
    )

    view: TextView
    lexicon: Lexicon
    paragraphs: SpanSequence
    sentences: SpanSequence
    excluded: tuple[Span, ...]  # page furniture and captions: no quotes start there
    text: str  # the view's text (read by every stage)

    def __init__(
        self,
        view: TextView,
        lexicon: Lexicon,
        paragraphs: SpanSequence,
        sentences: SpanSequence,
        excluded: tuple[Span, ...] = (),
        excluded_starts: tuple[int, ...] = (),
    ) -> None:
        self.view = view
        self.text = view.text
        self.lexicon = lexicon
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.excluded = excluded
        self._excluded_starts = excluded_starts
        # This document's tokenized sentences, by sentence start: (tokens, token
        # starts). Filled on demand by sentence_tokens(); every stage then slices the
        # same tokens.
        self._token_memo: dict[int, tuple[list[Token], list[int]]] = {}
        self._memo_size = 0  # how many tokens the memo holds
        # Sentences a window was tokenized from on its own (see tokens_within).
        self._peeked: set[int] = set()

    def __repr__(self) -> str:
        return (
            f"Analysis(view={self.view!r}, lexicon={self.lexicon!r}, "
            f"paragraphs={self.paragraphs!r}, sentences={self.sentences!r}, "
            f"excluded={self.excluded!r})"
        )

    def paragraph_index(self, pos: int) -> int:
        """Index of the paragraph containing ``pos`` (or the one before it)."""
        return max(0, bisect.bisect_right(self.paragraphs.starts, pos) - 1)

    def sentence_index(self, pos: int) -> int:
        """Index of the sentence containing ``pos`` (or the one before it)."""
        return max(0, bisect.bisect_right(self.sentences.starts, pos) - 1)

    def sentence_at(self, pos: int) -> Span:
        # (The offsets are read directly: the stages ask for sentences very often, and
        # the sequence's own len() and sentence_index() are Python calls.)
        starts = self.sentences.starts
        if not starts:
            return Span(0, len(self.text))
        return self.sentences[max(0, bisect.bisect_right(starts, pos) - 1)]

    def tokens(self, start: int, end: int, sentence: Span | None = None) -> list[Token]:
        """The tokens of ``[start, end)``: a slice of its sentence's tokens when that
        sentence is already tokenized and no token crosses either end (the same tokens a
        fresh tokenization of the window gives), else a fresh tokenization.

        ``sentence``: ``sentence_at(start)`` when the caller has it already.

        In a huge sentence (a paragraph with no sentence end) the slice is cut from the
        sentence's blocks: the windows after its quotation marks would otherwise
        tokenize most of it a second time."""
        if self.sentences.starts:
            sentence = self.sentence_at(start) if sentence is None else sentence
            if sentence.start <= start and end <= sentence.end:
                memo = self._token_memo.get(sentence.start)
                if memo is not None:
                    tokens, starts = memo
                    lo = bisect.bisect_left(starts, start)
                    cut = self._cut(tokens, lo, bisect.bisect_left(starts, end, lo), start, end)
                    if cut is not None:
                        return cut
                elif sentence.end - sentence.start > HUGE_SENTENCE:
                    block = self._block_tokens(sentence, start, end)
                    if block is not None:
                        # (Blocks start after white space: no token crosses into one.)
                        lo = bisect.bisect_left(block, start, key=token_start)
                        hi = bisect.bisect_left(block, end, lo, key=token_start)
                        cut = self._cut(block, lo, hi, start, end)
                        if cut is not None:
                            return cut
        return tokenize(self.view.text, start, end, self.lexicon)

    def _cut(
        self, tokens: list[Token], lo: int, hi: int, start: int, end: int
    ) -> list[Token] | None:
        """``tokens[lo:hi]`` (those starting in ``[start, end)`` of a longer stretch's
        tokenization) as a fresh tokenization of ``[start, end)`` gives them, or None
        when a token crosses ``start``. A last token running past ``end`` is read afresh
        from its own start, where it is cut as a fresh read of the window cuts it: the
        tokens before it end before ``end``, so they read the same either way."""
        if lo > 0 and tokens[lo - 1].end > start:
            return None
        if hi == lo or tokens[hi - 1].end <= end:
            return tokens[lo:hi]
        return tokens[lo : hi - 1] + tokenize(
            self.view.text, tokens[hi - 1].start, end, self.lexicon
        )

    def sentence_tokens(self, sentence: Span) -> tuple[list[Token], list[int]]:
        """The tokens of ``sentence`` (one of :attr:`sentences`) and their starts, made
        once per document. Shared: read them, slice them, never change them."""
        memo = self._token_memo.get(sentence.start)
        if memo is None:
            tokens = tokenize(self.view.text, sentence.start, sentence.end, self.lexicon)
            memo = self._remember(sentence.start, tokens)
        return memo

    def _remember(self, key: int, tokens: list[Token]) -> tuple[list[Token], list[int]]:
        """Keep ``tokens`` for reuse, dropping the oldest kept beyond the budget: a huge
        document must not hold all its tokens alive (a dict keeps insertion order)."""
        memo = (tokens, [t.start for t in tokens])
        while self._token_memo and self._memo_size + len(tokens) > TOKEN_MEMO_TOKENS:
            oldest = next(iter(self._token_memo))
            self._memo_size -= len(self._token_memo.pop(oldest)[0])
        self._token_memo[key] = memo
        self._memo_size += len(tokens)
        return memo

    def tokens_within(self, sentence: Span, start: int, end: int) -> list[Token]:
        """The tokens of ``sentence`` lying wholly inside ``[start, end)``: exactly the
        tokens of the whole sentence's tokenization that fall there.

        A huge sentence (a paragraph with no sentence end) is tokenized block by block,
        the blocks cut at white space, so a window costs its own blocks and the
        document never holds all of such a sentence's tokens at once.
        """
        if sentence.end - sentence.start > HUGE_SENTENCE:
            tokens = self._block_tokens(sentence, start, end)
            if tokens is not None:
                return tokens_inside(tokens, start, end)
        elif (
            sentence.start not in self._token_memo
            and sentence.start not in self._peeked
            and 2 * (end - start) < sentence.end - sentence.start
        ):
            # The first short window of a sentence ("X said:" before a long quotation):
            # tokenize the window alone, from white space to white space. A second
            # window of the same sentence tokenizes the whole sentence, once.
            self._peeked.add(sentence.start)
            lo = self._space_before(start, sentence.start)
            hi = self._space_after(end, sentence.end)
            if lo is not None and hi is not None:
                return tokens_inside(tokenize(self.view.text, lo, hi, self.lexicon), start, end)
        tokens, starts = self.sentence_tokens(sentence)
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end)
        while hi > lo and tokens[hi - 1].end > end:
            hi -= 1
        return tokens[lo:hi]

    def _block_tokens(self, sentence: Span, start: int, end: int) -> list[Token] | None:
        """The tokens of the blocks of a huge ``sentence`` that cover ``[start, end)``,
        or None where no block edge is near enough (a huge run with no white space)."""
        first = (max(start, sentence.start) - sentence.start) // TOKEN_BLOCK
        lo = self._block_edge(sentence, first)
        while lo is None or lo > start:
            first -= 1
            if first < 0 or (first + 2) * TOKEN_BLOCK < start - sentence.start:
                return None
            lo = self._block_edge(sentence, first)
        tokens: list[Token] = []
        k = first
        while lo < min(end, sentence.end):
            nxt = k + 1
            hi = self._block_edge(sentence, nxt)
            while hi is None:
                nxt += 1
                if nxt - k > 2:
                    return None
                hi = self._block_edge(sentence, nxt)
            key = -1 - lo  # block keys are negative: sentence keys are offsets
            memo = self._token_memo.get(key)
            if memo is None:
                block = tokenize(self.view.text, lo, hi, self.lexicon)
                memo = self._remember(key, block)
            tokens.extend(memo[0])
            k, lo = nxt, hi
        return tokens

    def _space_before(self, pos: int, floor: int) -> int | None:
        """The nearest offset at or before ``pos`` that follows white space (or is
        ``floor``), within reach; None if there is none."""
        text = self.view.text
        for p in range(max(pos, floor), max(floor, pos - BOUNDARY_REACH) - 1, -1):
            if p == floor or text[p - 1].isspace():
                return p
        return None

    def _space_after(self, pos: int, ceiling: int) -> int | None:
        """The nearest offset at or after ``pos`` where white space is (or ``ceiling``),
        within reach; None if there is none."""
        text = self.view.text
        for p in range(min(pos, ceiling), min(ceiling, pos + BOUNDARY_REACH) + 1):
            if p == ceiling or text[p].isspace():
                return p
        return None

    def _block_edge(self, sentence: Span, k: int) -> int | None:
        """Where block ``k`` of a huge sentence starts: the first offset after white space
        at or past ``k * TOKEN_BLOCK`` into it (within reach), the sentence's start for
        block 0 and its end past the last; None if no white space is in reach. Edges
        depend on the text alone, so every window cuts the sentence the same way."""
        pos = sentence.start + k * TOKEN_BLOCK
        if k <= 0:
            return sentence.start
        if pos >= sentence.end:
            return sentence.end
        text = self.view.text
        for p in range(pos, min(sentence.end, pos + BOUNDARY_REACH) + 1):
            if p == sentence.end or text[p - 1].isspace():
                return p
        return None

    def is_excluded(self, pos: int) -> bool:
        k = bisect.bisect_right(self._excluded_starts, pos) - 1
        return k >= 0 and pos < self.excluded[k].end


def analyse(view: TextView, lexicon: Lexicon, excluded: tuple[Span, ...] = ()) -> Analysis:
    """Split a view into paragraphs and sentences."""
    text = view.text
    paragraphs = paragraph_bounds(text)
    sentences: list[tuple[int, int]] = []
    for start, end in zip(*paragraphs, strict=True):
        sentences += sentence_bounds(text, start, end, lexicon)
    if excluded:
        excluded = tuple(sorted(excluded))
    return Analysis(
        view,
        lexicon,
        SpanSequence.from_offsets(paragraphs),
        SpanSequence.from_bounds(sentences),
        excluded,
        tuple([s.start for s in excluded]),
    )
