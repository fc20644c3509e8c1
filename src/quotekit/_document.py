"""``Document``: an article's text with its metadata, body paragraphs and page furniture.

Build one with :meth:`Document.from_text` (a plain-text dump, page furniture and all)
or :meth:`Document.from_html` (a saved page), then pass it to :func:`quotekit.extract`:
quotes never start in furniture or captions, and each carries the document's id,
outlet and publication date. Metadata the caller gives always wins over what is
inferred from the text.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import itertools
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple, TypeVar

import attrs

from ._furniture import (
    HEAD_LINES,
    MAX_BYLINE_WORDS,
    TAIL_LINES,
    Furniture,
    FurnitureKind,
    FurnitureRules,
    Line,
    default_rules,
    find_byline,
    find_furniture,
    find_outlet_tag,
    is_title_like,
    parse_date,
    text_lines,
)
from ._html import SourceMap, parse_html
from ._marks import MarkedSpan
from ._model import FLAG_MULTI_PARAGRAPH, FLAG_UNMARKED, Span
from ._text import TextView, find_paragraphs, make_view
from .errors import InputTypeError

_check_str_value = attrs.validators.instance_of(str)
_check_optional_str = attrs.validators.optional(_check_str_value)
_check_all_spans = attrs.validators.deep_iterable(attrs.validators.instance_of(Span))
_check_all_furniture = attrs.validators.deep_iterable(attrs.validators.instance_of(Furniture))


# The validators below pass good values with one quick test (a document is built per
# article) and leave bad ones to the attrs validator, which raises its usual error.
def _str(inst: Any, attr: Any, value: Any) -> None:
    if not isinstance(value, str):
        _check_str_value(inst, attr, value)


def _optional_str(inst: Any, attr: Any, value: Any) -> None:
    if value is not None and not isinstance(value, str):
        _check_optional_str(inst, attr, value)


def _all_spans(inst: Any, attr: Any, value: Any) -> None:
    for item in value:
        if not isinstance(item, Span):
            _check_all_spans(inst, attr, value)


def _all_furniture(inst: Any, attr: Any, value: Any) -> None:
    for item in value:
        if not isinstance(item, Furniture):
            _check_all_furniture(inst, attr, value)


def _spans(value: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(value)


def _furniture(value: Iterable[Furniture]) -> tuple[Furniture, ...]:
    return tuple(value)


def _check_published(_inst: Any, _attr: Any, value: Any) -> None:
    if value is not None and not isinstance(value, _dt.date):
        raise InputTypeError("published", "a datetime.date, datetime.datetime or None", value)


def _check_str(name: str, value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise InputTypeError(name, "a str or None", value)


@attrs.frozen
class Document:
    """An article: its text, metadata, body paragraphs and the spans that are not prose.

    - ``text``: the article text every offset refers to. For :meth:`from_text` it is the
      caller's string, untouched; for :meth:`from_html` it is the page's visible text
      (and ``source`` is the HTML).
    - ``doc_id``, ``title``, ``outlet``, ``published`` (a ``date`` or ``datetime``),
      ``byline``: metadata, given or inferred; ``None`` when unknown.
    - ``paragraphs``: spans of the body paragraphs (no title, furniture or byline).
    - ``furniture``: :class:`Furniture` spans (page furniture, captions, dateline,
      byline) where no quote is searched for.
    - ``quote_evidence``: spans quoted by markup (``<q>``, ``<blockquote>``); extraction
      treats each like a span in quote marks.
    - ``source``: the HTML source of a document read with :meth:`from_html`, else None.
      :meth:`source_span` maps a span of ``text`` to the source.
    """

    text: str = attrs.field(validator=_str)
    doc_id: str | None = attrs.field(default=None, validator=_optional_str)
    title: str | None = attrs.field(default=None, validator=_optional_str)
    outlet: str | None = attrs.field(default=None, validator=_optional_str)
    published: _dt.date | None = attrs.field(default=None, validator=_check_published)
    byline: str | None = attrs.field(default=None, validator=_optional_str)
    paragraphs: tuple[Span, ...] = attrs.field(default=(), converter=_spans, validator=_all_spans)
    furniture: tuple[Furniture, ...] = attrs.field(
        default=(),
        converter=_furniture,
        validator=_all_furniture,
    )
    quote_evidence: tuple[Span, ...] = attrs.field(
        default=(), converter=_spans, validator=_all_spans
    )
    source: str | None = attrs.field(default=None, validator=_optional_str)
    _source_map: SourceMap | None = attrs.field(default=None, repr=False)

    @property
    def excluded(self) -> tuple[Span, ...]:
        """The spans of :attr:`text` where no quote may start (all furniture spans)."""
        return tuple(f.span for f in self.furniture)

    def source_offset(self, index: int) -> int:
        """Offset in :attr:`source` of the character at ``index`` of :attr:`text`.

        For a plain-text document ``text`` is the source, and the index is returned.
        """
        if self._source_map is None:
            return index
        return self._source_map.char_source(index)[0]

    def source_span(self, span: Span) -> Span:
        """The span of :attr:`source` that ``span`` (of :attr:`text`) was read from.

        For an HTML document ``document.source[s.start:s.end]`` is the markup of the
        quote: entities as written and any inline tags inside it. For a plain-text
        document the span itself is returned.
        """
        if not isinstance(span, Span):
            raise InputTypeError("span", "a Span", span)
        if self._source_map is None:
            return span
        return self._source_map.to_source(span.start, span.end)

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        doc_id: str | None = None,
        title: str | None = None,
        outlet: str | None = None,
        published: _dt.date | None = None,
        byline: str | None = None,
    ) -> Document:
        """Read a plain-text article; ``text`` is kept exactly as given.

        Inferred unless given: the title (a headline-like first line), the publication
        date (a dateline such as "Monday, 2019-01-07 11:07:54" near the top or bottom),
        the outlet (a tag opening the body: "NDO - ", "(VOVworld) –",
        "HANOI (Reuters) -") and the byline ("By …", "Translated by …", or a name in
        capitals on a short line: "Major General, Dr. NGUYEN HOANG NHIEN, Director …").
        """
        if not isinstance(text, str):
            raise InputTypeError("text", "a str", text)
        _check_arguments(doc_id, title, outlet, published, byline)
        inferred = _infer(text, default_rules(), ())
        return cls(
            text=text,
            doc_id=doc_id,
            title=title if title is not None else inferred.title,
            outlet=outlet if outlet is not None else inferred.outlet,
            published=published if published is not None else inferred.published,
            byline=byline if byline is not None else inferred.byline,
            paragraphs=inferred.paragraphs,
            furniture=inferred.furniture,
        )

    @classmethod
    def from_html(
        cls,
        html: str,
        *,
        doc_id: str | None = None,
        title: str | None = None,
        outlet: str | None = None,
        published: _dt.date | None = None,
        byline: str | None = None,
    ) -> Document:
        """Read an HTML page with the standard library's parser (no network, no scripts).

        ``text`` becomes the visible text, paragraphs separated by blank lines and
        entities decoded; ``source`` keeps ``html``. Metadata comes from the page
        (``<h1>``, JSON-LD ``NewsArticle``, ``og:``/``article:`` meta tags, ``<time>``,
        byline elements) and then, for what is still missing, from the text as in
        :meth:`from_text`. Navigation, headers, footers, asides, forms, figure captions
        and elements classed as share bars, related links or captions are furniture.
        """
        if not isinstance(html, str):
            raise InputTypeError("html", "a str", html)
        _check_arguments(doc_id, title, outlet, published, byline)
        rules = default_rules()
        page = parse_html(html, rules)
        known = tuple(Furniture(span, kind, rule) for span, kind, rule in page.furniture)
        inferred = _infer(page.text, rules, known)
        return cls(
            text=page.text,
            doc_id=doc_id,
            title=_first(title, page.title, inferred.title),
            outlet=_first(outlet, page.outlet, inferred.outlet),
            published=_first(published, page.published, inferred.published),
            byline=_first(byline, page.byline, inferred.byline),
            paragraphs=inferred.paragraphs,
            furniture=inferred.furniture,
            quote_evidence=page.evidence,
            source=html,
            source_map=page.source_map,
        )


_T = TypeVar("_T")


def _first(*values: _T | None) -> _T | None:
    for value in values:
        if value is not None:
            return value
    return None


def _check_arguments(
    doc_id: object, title: object, outlet: object, published: object, byline: object
) -> None:
    _check_str("doc_id", doc_id)
    _check_str("title", title)
    _check_str("outlet", outlet)
    _check_str("byline", byline)
    _check_published(None, None, published)


# --- inference from text -------------------------------------------------------------------


class TextSource(NamedTuple):
    """What :func:`quotekit.extract` reads of a plain-text article: the fields a
    :class:`Document` from :meth:`Document.from_text` would hold (see :func:`read_text`)."""

    text: str
    doc_id: str | None
    outlet: str | None
    published: _dt.date | None
    furniture: tuple[Furniture, ...]
    quote_evidence: tuple[Span, ...]


def read_text(text: str) -> TextSource:
    """The fields of ``Document.from_text(text)`` that extraction reads, without making
    the Document: a news feed calls extract() on many short texts, and the validated
    Document (eleven checked fields) was a visible part of the cost of each."""
    inferred = _infer(text, default_rules(), (), with_paragraphs=False)
    return TextSource(text, None, inferred.outlet, inferred.published, inferred.furniture, ())


class _Inferred(NamedTuple):
    """What :func:`_infer` read from a text (a plain tuple: one is made per document)."""

    title: str | None
    outlet: str | None
    published: _dt.date | None
    byline: str | None
    paragraphs: tuple[Span, ...]
    furniture: tuple[Furniture, ...]


def view_offset(view: TextView, index: int) -> int:
    """The view offset of original offset ``index`` (the inverse of ``to_original``)."""
    if len(view.text) == len(view.original):  # nothing was removed: the same offsets
        return min(max(index, 0), len(view.text) + 1)
    return bisect.bisect_left(range(len(view.text) + 1), index, key=view.to_original)


def _infer(
    text: str, rules: FurnitureRules, known: Sequence[Furniture], *, with_paragraphs: bool = True
) -> _Inferred:
    """Metadata, body paragraphs and furniture of ``text`` (plus ``known`` furniture);
    with ``with_paragraphs=False`` no paragraphs (extraction finds its own).

    The lines are read in this order: furniture and captions, then the title (the first
    other line), then datelines and bylines among the short lines opening and closing
    the body, then the outlet tag opening the first body paragraph.
    """
    view = make_view(text)
    vtext = view.text
    lines = text_lines(vtext)
    kinds = {i: (kind, rule) for i, kind, rule in find_furniture(vtext, lines, rules)}
    known = _outermost(list(known)) if known else []  # disjoint: the last one before wins
    in_known = _inside(view, known) if known else None

    free: Sequence[int] = range(len(lines))  # the lines that are neither kind of furniture
    if kinds or in_known is not None:
        free = [
            i
            for i in free
            if i not in kinds and not (in_known is not None and in_known(lines[i][0]))
        ]
    title_line = _title_line(vtext, lines, free)
    body = free if title_line is None else free[1:]  # the title is the first free line

    published = None
    byline = None
    for i in _metadata_lines(vtext, lines, body):
        start, end = lines[i]
        if published is None and (found := parse_date(vtext[start:end], rules)) is not None:
            published = found
            kinds[i] = (FurnitureKind.DATELINE, "dateline")
        elif byline is None and (named := find_byline(vtext[start:end], rules)) is not None:
            byline = named[0]
            kinds[i] = (FurnitureKind.BYLINE, named[1])

    outlet = None
    # The tag opens the first body paragraph; the second line is tried too, in case the
    # first was a headline not recognised as one.
    for i in body[:2] if not kinds else itertools.islice((i for i in body if i not in kinds), 2):
        tag = find_outlet_tag(vtext, lines[i][0], rules)
        if tag is not None:
            outlet = tag[0]
            break

    furniture = list(known)
    for i, (kind, rule) in sorted(kinds.items()):
        start, end = lines[i]
        furniture.append(Furniture(view.span_to_original(start, end), kind, rule))
    if known:
        furniture = _outermost(furniture)  # (the lines' own spans are disjoint and sorted)
    title = None
    if title_line is not None:
        start, end = lines[title_line]
        title = " ".join(vtext[start:end].split())
    if not with_paragraphs:
        return _Inferred(title, outlet, published, byline, (), tuple(furniture))
    excluded = {lines[i][0] for i in kinds}
    if title_line is not None:
        excluded.add(lines[title_line][0])
    paragraphs = find_paragraphs(vtext)
    if excluded or in_known is not None:
        paragraphs = [
            p
            for p in paragraphs
            if p.start not in excluded and not (in_known is not None and in_known(p.start))
        ]
    if len(vtext) != len(text):  # characters were removed: map the spans back
        paragraphs = [view.span_to_original(p.start, p.end) for p in paragraphs]
    return _Inferred(title, outlet, published, byline, tuple(paragraphs), tuple(furniture))


def _inside(view: TextView, known: Sequence[Furniture]) -> Callable[[int], bool]:
    """A test of whether a view offset is inside the ``known`` (disjoint) furniture."""
    spans = [(view_offset(view, f.span.start), view_offset(view, f.span.end)) for f in known]
    starts = [start for start, _end in spans]

    def inside(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1  # the last span starting before pos
        return k >= 0 and pos < spans[k][1]

    return inside


def _blank_after(text: str, lines: Sequence[Line], i: int) -> bool:
    """A blank line follows line ``i``."""
    return i + 1 < len(lines) and text.count("\n", lines[i][1], lines[i + 1][0]) > 1


def _title_line(text: str, lines: Sequence[Line], free: Sequence[int]) -> int | None:
    """The first line that is not furniture, if it reads as a headline and more follow."""
    if len(lines) < 2 or not free:
        return None
    first = free[0]
    start, end = lines[first]
    alone = _blank_after(text, lines, first)
    return first if is_title_like(text[start:end], alone=alone) else None


def _metadata_lines(text: str, lines: Sequence[Line], body: Sequence[int]) -> list[int]:
    """The short lines opening the body, then those closing it (last first)."""
    head: list[int] = []
    for i in body[:HEAD_LINES]:
        start, end = lines[i]
        if len(text[start:end].split(None, MAX_BYLINE_WORDS)) > MAX_BYLINE_WORDS:
            break
        head.append(i)
    tail: list[int] = []
    for i in reversed(body[-TAIL_LINES:]):
        start, end = lines[i]
        if i in head or len(text[start:end].split(None, MAX_BYLINE_WORDS)) > MAX_BYLINE_WORDS:
            break
        tail.append(i)
    return head + tail


def _outermost(furniture: list[Furniture]) -> list[Furniture]:
    """The furniture in document order, without spans inside one already listed."""
    kept: list[Furniture] = []
    reach = -1
    for item in sorted(furniture, key=lambda f: (f.span.start, -f.span.end)):
        if item.span.end <= reach:
            continue
        kept.append(item)
        reach = item.span.end
    return kept


# --- what extraction needs ---------------------------------------------------------------


def excluded_in_view(document: Document | TextSource, view: TextView) -> tuple[Span, ...]:
    """The document's furniture spans in offsets of ``view`` (a view of its text), merged
    where they overlap: the analysis looks up only the last span starting before a point.
    """
    if not document.furniture:
        return ()
    merged: list[list[int]] = []
    for span in sorted(f.span for f in document.furniture):
        start, end = view_offset(view, span.start), view_offset(view, span.end)
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple(Span(start, end) for start, end in merged)


def with_quote_evidence(
    document: Document | TextSource,
    view: TextView,
    paragraphs: Sequence[Span],
    marked: list[MarkedSpan],
) -> list[MarkedSpan]:
    """``marked`` plus a span for each quote by markup that holds no quote marks.

    A ``<q>`` or ``<blockquote>`` whose content is already quoted with marks is left to
    the marks. Any other becomes a span flagged ``unmarked`` whose edges stand in for the
    marks, so attribution looks just before and just after it.
    """
    if not document.quote_evidence:
        return marked
    starts = [p.start for p in paragraphs]
    added: list[MarkedSpan] = []
    for evidence in document.quote_evidence:
        start, end = view_offset(view, evidence.start), view_offset(view, evidence.end)
        if end <= start:
            continue
        quoted = sum(m.end - m.start for m in marked if start <= m.start and m.end <= end)
        if 2 * quoted >= end - start:
            continue  # the marks inside speak for themselves
        first = max(0, bisect.bisect_right(starts, start) - 1)
        last = max(0, bisect.bisect_right(starts, end - 1) - 1)
        flags = {FLAG_UNMARKED} | ({FLAG_MULTI_PARAGRAPH} if last > first else set())
        added.append(
            MarkedSpan(
                open=start,
                start=start,
                end=end,
                close=end,
                flags=frozenset(flags),
                first_paragraph=first,
                last_paragraph=last,
                double=True,
                open_len=0,
                close_len=0,
            )
        )
    if not added:
        return marked
    return sorted(marked + added, key=lambda m: (m.start, m.end))
