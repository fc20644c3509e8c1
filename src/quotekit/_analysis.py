"""The analysed document every candidate stage reads: view, paragraphs, sentences."""

from __future__ import annotations

import bisect

import attrs

from ._lexicon import Lexicon
from ._model import Span
from ._text import TextView, find_paragraphs, find_sentences
from ._tokens import Token, tokenize

# How many tokenized sentences a document keeps for reuse by later stages.
TOKEN_MEMO_SENTENCES = 512


@attrs.frozen
class Analysis:
    """A text view with its paragraph and sentence spans (view offsets)."""

    view: TextView
    lexicon: Lexicon
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]
    excluded: tuple[Span, ...] = ()  # page furniture and captions: no quotes start there
    _sentence_starts: tuple[int, ...] = ()
    _paragraph_starts: tuple[int, ...] = ()
    _excluded_starts: tuple[int, ...] = ()
    # This document's tokenized sentences, by sentence start: (tokens, token starts).
    # Filled on demand by sentence_tokens(); every stage then slices the same tokens.
    _token_memo: dict[int, tuple[list[Token], list[int]]] = attrs.field(
        factory=dict, eq=False, repr=False
    )

    @property
    def text(self) -> str:
        return self.view.text

    def paragraph_index(self, pos: int) -> int:
        """Index of the paragraph containing ``pos`` (or the one before it)."""
        return max(0, bisect.bisect_right(self._paragraph_starts, pos) - 1)

    def sentence_index(self, pos: int) -> int:
        """Index of the sentence containing ``pos`` (or the one before it)."""
        return max(0, bisect.bisect_right(self._sentence_starts, pos) - 1)

    def sentence_at(self, pos: int) -> Span:
        if not self.sentences:
            return Span(0, len(self.text))
        return self.sentences[self.sentence_index(pos)]

    def tokens(self, start: int, end: int) -> list[Token]:
        """The tokens of ``[start, end)``: a slice of its sentence's tokens when that
        sentence is already tokenized and no token crosses either end (the same tokens a
        fresh tokenization of the window gives), else a fresh tokenization."""
        if self.sentences:
            sentence = self.sentence_at(start)
            memo = self._token_memo.get(sentence.start)
            if memo is not None and sentence.start <= start and end <= sentence.end:
                tokens, starts = memo
                lo = bisect.bisect_left(starts, start)
                hi = bisect.bisect_left(starts, end)
                if (lo == 0 or tokens[lo - 1].end <= start) and (
                    hi == lo or tokens[hi - 1].end <= end
                ):
                    return tokens[lo:hi]
        return tokenize(self.view.text, start, end, self.lexicon)

    def sentence_tokens(self, sentence: Span) -> tuple[list[Token], list[int]]:
        """The tokens of ``sentence`` (one of :attr:`sentences`) and their starts, made
        once per document. Shared: read them, slice them, never change them."""
        memo = self._token_memo.get(sentence.start)
        if memo is None:
            tokens = tokenize(self.view.text, sentence.start, sentence.end, self.lexicon)
            memo = (tokens, [t.start for t in tokens])
            if len(self._token_memo) >= TOKEN_MEMO_SENTENCES:
                # Keep the recent sentences only: a huge document must not hold all its
                # tokens alive (the garbage collector would traverse them again and again).
                del self._token_memo[next(iter(self._token_memo))]
            self._token_memo[sentence.start] = memo
        return memo

    def is_excluded(self, pos: int) -> bool:
        k = bisect.bisect_right(self._excluded_starts, pos) - 1
        return k >= 0 and pos < self.excluded[k].end


def analyse(view: TextView, lexicon: Lexicon, excluded: tuple[Span, ...] = ()) -> Analysis:
    """Split a view into paragraphs and sentences."""
    excluded = tuple(sorted(excluded))
    paragraphs = tuple(find_paragraphs(view.text))
    sentences: list[Span] = []
    for paragraph in paragraphs:
        sentences.extend(find_sentences(view.text, paragraph, lexicon))
    return Analysis(
        view,
        lexicon,
        paragraphs,
        tuple(sentences),
        excluded,
        tuple(s.start for s in sentences),
        tuple(p.start for p in paragraphs),
        tuple(s.start for s in excluded),
    )
