"""Block quotes: paragraphs introduced by a paragraph ending "X said:".

The block is the next paragraph, with or without marks. When it has no opening mark
but a later paragraph ends with a stray closing mark (and nothing else is quoted in
between), the block runs to that mark.
"""

from __future__ import annotations

import attrs

from ._analysis import Analysis
from ._attribution import Found, attribute_before
from ._marks import MarkedSpan
from ._model import FLAG_UNMARKED, FLAG_UNOPENED, Span

# How many paragraphs an unopened block may run before its stray closing mark.
MAX_BLOCK_PARAGRAPHS = 5
# An unmarked paragraph shorter than this is a heading or caption, not a block.
MIN_BLOCK_WORDS = 6


@attrs.frozen
class Block:
    content: Span  # view offsets
    flags: frozenset[str]
    found: Found
    marked_index: int | None  # the marked span this block reuses, if any


def find_blocks(analysis: Analysis, marked: list[MarkedSpan]) -> list[Block]:
    """Block quotes after each attribution paragraph that ends with a colon."""
    text = analysis.text
    paragraphs = analysis.paragraphs
    by_first: dict[int, list[int]] = {}
    for index, span in enumerate(marked):
        by_first.setdefault(span.first_paragraph, []).append(index)
    blocks: list[Block] = []
    # Only a paragraph ending in a colon introduces a block: its end is read before any
    # Span is made of it.
    for i, end in enumerate(paragraphs.ends[:-1]):
        if text[end - 1] != ":":
            continue
        para = paragraphs[i]
        if analysis.is_excluded(para.start):
            continue
        sentence = analysis.sentence_at(para.end - 1)
        found = attribute_before(analysis.tokens(sentence.start, para.end - 1), analysis.lexicon)
        if not found.found:
            continue
        j = i + 1
        body = paragraphs[j]
        if analysis.is_excluded(body.start):
            continue
        starting = [k for k in by_first.get(j, []) if marked[k].start <= body.start + 2]
        if starting:
            k = starting[0]
            blocks.append(Block(marked[k].content, marked[k].flags, found, k))
            continue
        closer = _stray_closer(analysis, marked, by_first, j)
        if closer is not None:
            k, _last = closer
            flags = frozenset({FLAG_UNOPENED} | set(marked[k].flags))
            blocks.append(Block(Span(body.start, marked[k].end), flags, found, k))
            continue
        if by_first.get(j):
            continue  # quotes inside the paragraph: the marks speak for themselves
        if len(text[body.start : body.end].split()) < MIN_BLOCK_WORDS:
            continue
        if text[body.end - 1] == ":" or text[body.start] == "<":
            continue  # another introduction (the quoted item itself is missing) or markup
        blocks.append(Block(body, frozenset({FLAG_UNMARKED}), found, None))
    return blocks


def _stray_closer(
    analysis: Analysis, marked: list[MarkedSpan], by_first: dict[int, list[int]], first: int
) -> tuple[int, int] | None:
    """An unopened span ending a paragraph within reach, with no other quote before it."""
    last = min(len(analysis.paragraphs), first + MAX_BLOCK_PARAGRAPHS)
    for j in range(first, last):
        if analysis.is_excluded(analysis.paragraphs[j].start):
            return None
        spans = by_first.get(j, [])
        if not spans:
            continue
        k = spans[0]
        if marked[k].open is None:
            return k, j
        return None
    return None
