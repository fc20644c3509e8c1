"""HTML to visible text, with a map from every text character back to the HTML source.

Only the standard library's :mod:`html.parser` is used: nothing is fetched and no
script runs. The visible text keeps one blank line between blocks (paragraphs,
headings, list items, quotations) and collapses other whitespace as a browser does;
entities are decoded. Scripts, styles, templates and hidden elements are not visible
and leave nothing. Navigation, page headers and footers, asides, forms, figure captions
and elements whose class or id names them furniture ("share", "related", "caption")
stay in the text, so it reads as the page does, but are reported as furniture spans.

``<q>`` is shown with quote marks, as browsers render it (“…”, and ‘…’ inside another
``<q>``), so the marks in the text stand for the element; each maps back to its tag.
A ``<blockquote>`` is a quotation by markup alone: its span is recorded as quote
evidence, which extraction treats like a span in quote marks.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import html
import json
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import attrs
import regex

from ._furniture import FurnitureKind, FurnitureRules, find_byline, normalise_name, parse_date
from ._model import Span
from ._text import trim_whitespace


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Elements that start and end a block: a paragraph break around them.
_BLOCK = _names(
    "address article aside blockquote body center dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main "
    "menu nav ol p pre section summary table tbody tfoot thead ul"
)
# Elements whose content is never shown.
_INVISIBLE = _names(
    "script style template noscript svg math iframe object canvas head audio video datalist"
)
_VOID = _names("area base br col embed hr img input keygen link meta param source track wbr")
# Always furniture, wherever they are.
_FURNITURE = _names("nav footer aside form button select textarea menu dialog")
# Roles of page regions that are not the article.
_FURNITURE_ROLES = _names("navigation banner contentinfo complementary search menu menubar toolbar")
# A start tag of one of these closes an open <p> (HTML's implied end tags).
_CLOSES_P = _BLOCK - {"body", "html"}
# Regexes in this module keep the linear-time rule written at the top of _text.py
# (checked for every pattern by tests/test_adversarial.py).
# HTML white space that a visible text does not keep as it is: a run of two or more
# characters, or one that is not a plain space. (A single space between two words
# stays, so the words around it are written as one stretch.)
_BREAKING_SPACE = regex.compile(r"[ \t\n\r\f]{2,}|[\t\n\r\f]")
_CLASS_WORD = regex.compile(r"[a-z0-9]+")
_HIDDEN_STYLE = regex.compile(r"(?i:display\s{0,3}:\s{0,3}none|visibility\s{0,3}:\s{0,3}hidden)")
_ENTITY = regex.compile(r"&#?[0-9A-Za-z]{1,32};?")
# How far up the open elements an implied end tag or an end tag is looked for: deeper
# mismatches are ignored, which keeps adversarial nesting linear.
MAX_SCAN = 64
# A container with this many prose paragraphs is the article, whatever its class says.
PROSE_PARAGRAPHS = 3
PROSE_WORDS = 20

_META_TITLE = ("og:title", "twitter:title", "headline", "dc.title")
_META_OUTLET = ("og:site_name", "application-name", "publisher", "dc.publisher", "cxenseparse:site")
_META_PUBLISHED = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
)
_META_AUTHOR = (
    "author",
    "article:author",
    "dc.creator",
    "byl",
    "parsely-author",
    "sailthru.author",
)


@attrs.frozen
class SourceMap:
    """Where each character of a visible text came from in the HTML source.

    The text is cut into segments. In a linear segment character ``k`` came from
    source offset ``src + k``; in any other segment (a decoded entity, a line break
    standing for a tag) every character came from the whole source range
    ``[src, src_end)``.
    """

    out_starts: tuple[int, ...]
    src_starts: tuple[int, ...]
    src_ends: tuple[int, ...]  # -1 marks a linear segment
    text_length: int
    source_length: int

    def char_source(self, index: int) -> tuple[int, int]:
        """The source range of the text character at ``index``."""
        if not self.out_starts or index >= self.text_length:
            return self.source_length, self.source_length
        k = max(0, bisect.bisect_right(self.out_starts, index) - 1)
        if self.src_ends[k] < 0:
            pos = self.src_starts[k] + index - self.out_starts[k]
            return pos, pos + 1
        return self.src_starts[k], self.src_ends[k]

    def to_source(self, start: int, end: int) -> Span:
        """The source span covering text ``[start, end)``."""
        if end <= start:
            pos = self.char_source(start)[0]
            return Span(pos, pos)
        return Span(self.char_source(start)[0], self.char_source(end - 1)[1])


@attrs.frozen
class HtmlPage:
    """What the parser read from a page: visible text, map, furniture and metadata."""

    text: str
    source_map: SourceMap
    furniture: tuple[tuple[Span, FurnitureKind, str], ...]
    evidence: tuple[Span, ...]
    title: str | None
    outlet: str | None
    published: _dt.date | None
    byline: str | None


@attrs.define
class _Frame:
    tag: str
    start: int  # text length when the element opened
    src: int  # source offset of the start tag
    skip: bool = False
    furniture: tuple[FurnitureKind, str] | None = None
    candidate: tuple[FurnitureKind, str] | None = None  # furniture by class, unless prose
    prose: int = 0  # prose paragraphs closed before the element opened
    evidence: bool = False
    byline: bool = False
    datetime: str | None = None
    articles: int = 0  # <article>/<main> elements opened before this one
    words: int = 0  # words written before the element opened
    script: list[str] | None = None  # the text of a JSON-LD script, collected
    cut: int | None = None  # where a blockquote's credit (<cite>, <footer>) begins


class _Parser(HTMLParser):
    """Builds the visible text and its source map while the stdlib parser walks the page."""

    def __init__(self, source: str, rules: FurnitureRules) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.rules = rules
        self.line_starts = [0] + [m.end() for m in regex.finditer("\n", source)]
        self.parts: list[str] = []
        self.length = 0
        self.words = 0
        self.out_starts: list[int] = []
        self.src_starts: list[int] = []
        self.src_ends: list[int] = []
        self.pending_space: int | None = None
        self.newlines = 0
        self.break_src = (0, 0)
        self.stack: list[_Frame] = []
        # Counts kept as the stack changes, so no callback walks the whole stack.
        self.depth: dict[str, int] = {}
        self.furniture_depth = 0
        self.prose = 0
        self.articles = 0
        self.skip_depth = 0
        self.pre_depth = 0
        self.furniture: list[tuple[int, int, FurnitureKind, str]] = []
        self.evidence: list[tuple[int, int]] = []
        self.meta: dict[str, str] = {}
        self.head_title: list[str] = []
        self.ld_json: list[str] = []
        self.headline: tuple[int, int] | None = None
        self.bylines: list[tuple[int, int]] = []
        self.times: list[tuple[str, int, int]] = []

    # --- positions and output ---------------------------------------------------------

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col if line - 1 < len(self.line_starts) else 0

    def _segment(self, chunk: str, src: int, src_end: int) -> None:
        self.out_starts.append(self.length)
        self.src_starts.append(src)
        self.src_ends.append(src_end)
        self.parts.append(chunk)
        self.length += len(chunk)

    def _emit(self, chunk: str, src: int, src_end: int = -1) -> None:
        """Append visible characters, first writing any pending break or space."""
        if not chunk:
            return
        if self.length:
            if self.newlines:
                self._segment("\n" * self.newlines, *self.break_src)
            elif self.pending_space is not None:
                self._segment(" ", self.pending_space, -1)
        self.newlines = 0
        self.pending_space = None
        self._segment(chunk, src, src_end)

    def _break(self, count: int, src: int, src_end: int) -> None:
        if count > self.newlines:
            self.newlines = count
            self.break_src = (src, src_end)
        self.pending_space = None

    def _space(self, src: int) -> None:
        if self.length and not self.newlines and self.pending_space is None:
            self.pending_space = src

    # --- the parser's callbacks ---------------------------------------------------------

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs_, void=tag in _VOID)

    def handle_startendtag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs_, void=True)

    def _start(self, tag: str, attrs_: list[tuple[str, str | None]], *, void: bool) -> None:
        src = self._pos()
        raw = self.get_starttag_text() or ""
        src_end = src + len(raw)
        attributes = {k.lower(): (v or "") for k, v in attrs_}
        if tag == "meta":
            self._meta(attributes)
        if tag in _CLOSES_P:
            self._close_open("p", stop_at={"blockquote", "td", "th", "li", "div", "section"})
        if tag == "li":
            self._close_open("li", stop_at={"ul", "ol", "menu"})
        if tag in ("dt", "dd"):
            self._close_open("dt", stop_at={"dl"})
            self._close_open("dd", stop_at={"dl"})
        if self.skip_depth == 0:
            if tag == "br":
                self._break(min(2, self.newlines + 1), src, src_end)
            elif tag in _BLOCK:
                self._break(2, src, src_end)
            elif tag == "tr":
                self._break(max(1, self.newlines), src, src_end)
            elif tag in ("td", "th", "img"):
                self._space(src)
        if void:
            return
        frame = _Frame(
            tag, self.length, src, words=self.words, prose=self.prose, articles=self.articles
        )
        hidden = (
            "hidden" in attributes
            or attributes.get("aria-hidden", "").lower() == "true"
            or _HIDDEN_STYLE.search(attributes.get("style", "")[:500]) is not None
        )
        if tag in _INVISIBLE or hidden:
            frame.skip = True
            self.skip_depth += 1
            if tag == "script" and "ld+json" in attributes.get("type", "").lower():
                frame.script = []
        elif self.skip_depth == 0:
            self._classify(frame, tag, attributes)
        if tag == "pre":
            self.pre_depth += 1
        if tag == "q" and self.skip_depth == 0:
            self._emit(self._q_marks(self._open("q"))[0], src, src_end)
        self._push(frame)

    def _push(self, frame: _Frame) -> None:
        self.stack.append(frame)
        self.depth[frame.tag] = self.depth.get(frame.tag, 0) + 1
        if frame.furniture is not None:
            self.furniture_depth += 1
        if frame.tag in ("article", "main"):
            self.articles += 1

    def _open(self, tag: str) -> int:
        """How many ``tag`` elements are open."""
        return self.depth.get(tag, 0)

    def _classify(self, frame: _Frame, tag: str, attributes: dict[str, str]) -> None:
        in_article = self._open("article") + self._open("main") > 0
        role = attributes.get("role", "").lower()
        words = set(
            _CLASS_WORD.findall(
                (attributes.get("class", "") + " " + attributes.get("id", "")).lower()[:500]
            )
        )
        if tag in _FURNITURE or role in _FURNITURE_ROLES:
            frame.furniture = (FurnitureKind.FURNITURE, tag if tag in _FURNITURE else role)
        elif tag == "header" and not in_article:
            frame.furniture = (FurnitureKind.FURNITURE, "header")
        elif tag == "figcaption":
            frame.furniture = (FurnitureKind.CAPTION, "figcaption")
        elif words & self.rules.html_caption:
            frame.candidate = (
                FurnitureKind.CAPTION,
                "class:" + min(words & self.rules.html_caption),
            )
        elif words & self.rules.html_furniture:
            frame.candidate = (
                FurnitureKind.FURNITURE,
                "class:" + min(words & self.rules.html_furniture),
            )
        if tag == "blockquote":
            frame.evidence = True
        elif tag in ("cite", "footer") and self._open("blockquote"):
            self._cut_quotation()
        if (
            words & self.rules.html_byline
            or attributes.get("rel", "").lower() == "author"
            or attributes.get("itemprop", "").lower() == "author"
        ):
            frame.byline = True
        if tag == "time" or attributes.get("itemprop", "").lower() == "datepublished":
            frame.datetime = attributes.get("datetime") or attributes.get("content") or ""

    def _cut_quotation(self) -> None:
        """A credit inside a blockquote ("— <cite>Ana Lopez</cite>") is not quoted."""
        for k in range(len(self.stack) - 1, max(-1, len(self.stack) - 1 - MAX_SCAN), -1):
            frame = self.stack[k]
            if frame.tag == "blockquote":
                if frame.cut is None:
                    frame.cut = self.length
                return

    def _close_open(self, tag: str, stop_at: set[str]) -> None:
        if not self._open(tag):
            return
        for k in range(len(self.stack) - 1, max(-1, len(self.stack) - 1 - MAX_SCAN), -1):
            if self.stack[k].tag == tag:
                while len(self.stack) > k:
                    self._pop()
                return
            if self.stack[k].tag in stop_at:
                return

    def handle_endtag(self, tag: str) -> None:
        src = self._pos()
        end = self.source.find(">", src)
        src_end = len(self.source) if end < 0 else end + 1
        if tag == "br":  # "</br>" is read as <br> by browsers
            self._start("br", [], void=True)
            return
        if not self._open(tag):
            return
        for k in range(len(self.stack) - 1, max(-1, len(self.stack) - 1 - MAX_SCAN), -1):
            if self.stack[k].tag == tag:
                while len(self.stack) > k + 1:
                    self._pop()
                if tag == "q" and self.skip_depth == 0:
                    self._close_quote(src, src_end)
                self._pop()
                break
        else:
            return
        if self.skip_depth == 0:
            if tag in _BLOCK:
                self._break(2, src, src_end)
            elif tag == "tr":
                self._break(max(1, self.newlines), src, src_end)
            elif tag in ("td", "th"):
                self._space(src)

    def _pop(self) -> None:
        frame = self.stack.pop()
        self.depth[frame.tag] -= 1
        if frame.furniture is not None:
            self.furniture_depth -= 1
        if frame.tag == "pre":
            self.pre_depth -= 1
        if frame.skip:
            self.skip_depth -= 1
            if frame.script is not None:
                self.ld_json.append("".join(frame.script))
            return
        if self.skip_depth:
            return
        start, end = frame.start, self.length
        if frame.tag == "p" and self.words - frame.words >= PROSE_WORDS:
            self.prose += 1
        furniture = frame.furniture
        if (
            furniture is None
            and frame.candidate is not None
            and self.prose - frame.prose < PROSE_PARAGRAPHS
            and self.articles == frame.articles  # no <article> or <main> inside
        ):
            furniture = frame.candidate
        if end > start:
            if furniture is not None:
                self.furniture.append((start, end, furniture[0], furniture[1]))
            elif frame.evidence:
                self.evidence.append((start, end if frame.cut is None else frame.cut))
            if frame.byline:
                self.bylines.append((start, end))
            if frame.datetime is not None:
                self.times.append((frame.datetime, start, end))
            if frame.tag == "h1" and self.headline is None and not self.furniture_depth:
                self.headline = (start, end)
        elif frame.datetime:
            self.times.append((frame.datetime, start, start))

    def handle_data(self, data: str) -> None:
        src = self._pos()
        top = self.stack[-1] if self.stack else None
        if self.skip_depth:
            if top is not None and top.tag == "title" and not self._open("svg"):
                self.head_title.append(data)
            elif top is not None and top.script is not None:
                top.script.append(data)
            return
        if top is not None and top.tag == "title" and not self._open("svg"):
            self.head_title.append(data)
            return
        if self.pre_depth:
            self._emit(data, src)
            self.words += len(data.split())
            return
        start = 0
        for match in _BREAKING_SPACE.finditer(data):
            self._words(data, start, match.start(), src)
            self._space(src + match.start())
            start = match.end()
        self._words(data, start, len(data), src)

    def _words(self, data: str, start: int, end: int, src: int) -> None:
        """Write the words of ``data[start:end]``, which are apart by single spaces (it may
        also open or end with one), as one stretch: a word, a space and the next word
        come from consecutive source characters, so one linear segment maps them all.
        """
        if start < end and data[start] == " ":
            self._space(src + start)
            start += 1
        if start >= end:
            return
        trailing = data[end - 1] == " "
        if trailing:
            end -= 1
        self._emit(data[start:end], src + start)
        self.words += data.count(" ", start, end) + 1
        if trailing:
            self._space(src + end)

    @staticmethod
    def _q_marks(depth: int) -> tuple[str, str]:
        """The marks a browser shows around a ``<q>`` nested ``depth`` deep."""
        return ("“", "”") if depth % 2 == 0 else ("‘", "’")

    def _close_quote(self, src: int, src_end: int) -> None:
        """Write the closing mark of the ``<q>`` on top of the stack."""
        # The mark hugs the quoted words: "<q>words </q>" shows "words” ".
        space = self.pending_space
        self.pending_space = None
        self.newlines = 0
        self._segment(self._q_marks(self._open("q") - 1)[1], src, src_end)
        self.pending_space = space

    def _reference(self, raw_name: str) -> None:
        src = self._pos()
        match = _ENTITY.match(self.source, src)
        src_end = match.end() if match is not None else src + len(raw_name) + 1
        raw = self.source[src:src_end]
        decoded = html.unescape(raw)
        top = self.stack[-1] if self.stack else None
        if top is not None and top.tag == "title" and not self._open("svg"):
            self.head_title.append(decoded)
            return
        if self.skip_depth:
            if top is not None and top.script is not None:
                top.script.append(raw)
            return
        if decoded.strip(" \t\n\r\f") == "" and not self.pre_depth:
            self._space(src)
            return
        self._emit(decoded, src, src_end)

    def handle_entityref(self, name: str) -> None:
        self._reference("&" + name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#" + name)

    def _meta(self, attributes: dict[str, str]) -> None:
        key = (
            attributes.get("property")
            or attributes.get("name")
            or attributes.get("itemprop")
            or attributes.get("http-equiv")
            or ""
        ).lower()
        content = attributes.get("content")
        if key and content and key not in self.meta:
            self.meta[key] = html.unescape(content)

    def close_all(self) -> None:
        self.close()
        while self.stack:
            self._pop()


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(html.unescape(value).split())
    return text or None


def _ld_objects(blobs: list[str]) -> Iterator[dict[str, Any]]:
    """The article objects of the page's JSON-LD (``NewsArticle`` and kin)."""
    for blob in blobs:
        try:
            data = json.loads(blob)
        except (ValueError, RecursionError):
            continue
        todo = [data]
        seen = 0
        while todo and seen < 200:
            seen += 1
            item = todo.pop(0)
            if isinstance(item, list):
                todo.extend(item)
            elif isinstance(item, dict):
                kinds = item.get("@type")
                names = kinds if isinstance(kinds, list) else [kinds]
                if any(
                    isinstance(k, str) and k.endswith(("Article", "BlogPosting")) for k in names
                ):
                    yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    todo.extend(graph)


def _ld_name(value: Any) -> str | None:
    if isinstance(value, list):
        names = [n for n in (_ld_name(v) for v in value[:5]) if n]
        return " and ".join(names) if names else None
    if isinstance(value, dict):
        return _clean(value.get("name"))
    return _clean(value)


def parse_timestamp(value: str, rules: FurnitureRules) -> _dt.date | None:
    """A date or datetime from an ISO 8601 string, or from a written-out dateline."""
    value = value.strip()
    if not value or len(value) > 100:
        return None
    iso = value[:-1] + "+00:00" if value.endswith(("Z", "z")) else value
    try:
        if len(iso) == 10:
            return _dt.date.fromisoformat(iso)
        return _dt.datetime.fromisoformat(iso)
    except ValueError:
        return parse_date(value, rules)


def _without_site_name(title: str, outlet: str | None) -> str:
    """A tab title without the site's name after it ("Storm hits Hue | The Times")."""
    if outlet:
        for separator in (" | ", " - ", " – ", " — ", " :: ", " · "):
            suffix = separator + outlet
            if title.lower().endswith(suffix.lower()) and len(title) > len(suffix):
                return title[: -len(suffix)].strip()
    return title


def _byline_text(text: str, rules: FurnitureRules) -> str | None:
    """The name in a byline element or author tag ("By JOHN SMITH" -> "John Smith")."""
    text = " ".join(text.split())
    if not text or len(text) > 120:
        return None
    found = find_byline(text, rules)
    return found[0] if found is not None else normalise_name(text)


def parse_html(source: str, rules: FurnitureRules) -> HtmlPage:
    """Read an HTML page: its visible text, source map, furniture, quotes and metadata."""
    parser = _Parser(source, rules)
    try:
        parser.feed(source)
        parser.close_all()
    except (AssertionError, ValueError, IndexError):  # pragma: no cover - stdlib edge cases
        # Old html.parser versions raise on some malformed declarations; keep what was read.
        while parser.stack:
            parser._pop()
    text = "".join(parser.parts)
    source_map = SourceMap(
        tuple(parser.out_starts),
        tuple(parser.src_starts),
        tuple(parser.src_ends),
        len(text),
        len(source),
    )

    def span(start: int, end: int) -> Span | None:
        s, e = trim_whitespace(text, start, end)
        return Span(s, e) if s < e else None

    furniture = []
    for start, end, kind, rule in parser.furniture:
        found = span(start, end)
        if found is not None:
            furniture.append((found, kind, rule))
    evidence = [s for s in (span(a, b) for a, b in parser.evidence) if s is not None]

    articles = list(_ld_objects(parser.ld_json))
    meta = parser.meta
    title = None
    if parser.headline is not None:
        title = _clean(text[parser.headline[0] : parser.headline[1]])
    for candidate in [a.get("headline") for a in articles] + [meta.get(k) for k in _META_TITLE]:
        title = title or _clean(candidate)
    tab_title = None if title else _clean("".join(parser.head_title))

    outlet = None
    for candidate in [_ld_name(a.get("publisher")) for a in articles] + [
        meta.get(k) for k in _META_OUTLET
    ]:
        outlet = outlet or _clean(candidate)
    if tab_title is not None:
        title = _without_site_name(tab_title, outlet)

    published = None
    stamps = [a.get("datePublished") for a in articles] + [meta.get(k) for k in _META_PUBLISHED]
    for stamp in stamps:
        if published is None and isinstance(stamp, str):
            published = parse_timestamp(stamp, rules)
    for stamp, start, end in parser.times:
        within = span(start, end)
        if within is not None:
            furniture.append((within, FurnitureKind.DATELINE, "time"))
        if published is None and not any(
            s.start <= start < s.end for s, _k, _r in furniture if _k is not FurnitureKind.DATELINE
        ):
            published = parse_timestamp(stamp, rules) or (
                parse_date(text[within.start : within.end], rules) if within else None
            )

    byline = None
    for start, end in parser.bylines:
        within = span(start, end)
        if within is None:
            continue
        furniture.append((within, FurnitureKind.BYLINE, "byline"))
        byline = byline or _byline_text(text[within.start : within.end], rules)
    for candidate in [_ld_name(a.get("author")) for a in articles] + [
        meta.get(k) for k in _META_AUTHOR
    ]:
        if byline is None and candidate and not candidate.startswith(("http://", "https://")):
            byline = _byline_text(candidate, rules)

    return HtmlPage(
        text=text,
        source_map=source_map,
        furniture=tuple(sorted(furniture, key=lambda f: (f[0].start, f[0].end))),
        evidence=tuple(sorted(evidence)),
        title=title,
        outlet=outlet,
        published=published,
        byline=byline,
    )
