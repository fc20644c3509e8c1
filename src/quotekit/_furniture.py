"""Page furniture and photo captions in scraped article text, and the metadata lines.

Scrapers leave the page around the article in the text: "Font Size: | Print", share
buttons, lines of pipes from layout tables, photo captions, "Related News" lists. None
of it is the article's own prose, so no quote may start there. The rules are data
(``data/furniture.tsv``); this module applies them line by line and returns spans, so
offsets into the caller's string are never lost.

It also reads the lines that carry metadata rather than prose: datelines
("Monday, 2019-01-07 11:07:54"), bylines and translator lines, and the outlet tag that
opens a body ("NDO - ", "(VOVworld) –").
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
from collections.abc import Iterable, Sequence
from importlib import resources
from typing import NamedTuple

import attrs
import regex

from ._model import Span
from .errors import LexiconError

#: Lines longer than this are prose, never furniture (this also bounds every match).
MAX_LINE = 400
#: A caption is a short line; a longer one is a paragraph that happens to credit a photo.
MAX_CAPTION_WORDS = 60
#: The caption under an image marker, and a repeated caption, are at most this long.
MAX_MARKED_CAPTION_WORDS = 40
#: A caption repeated on the next line (alt text, then caption) has at least this many
#: words and no quote marks.
MIN_REPEATED_WORDS = 3
#: A headline in a "Related News" list is at most this long.
MAX_HEADLINE_WORDS = 25
#: A headline ending in a full stop (title case) is at most this long.
MAX_TITLE_CASE_WORDS = 20
#: A byline or translator line is at most this long.
MAX_BYLINE_WORDS = 20
#: How many lines at the start (after the title) and at the end hold metadata.
HEAD_LINES = 6
TAIL_LINES = 3
#: Rules anchored at the end of a line are searched in this many final characters.
TAIL_WINDOW = 200
#: The longest dateline considered.
MAX_DATELINE = 100

_KINDS = frozenset(
    {
        "furniture",
        "caption",
        "marker",
        "section",
        "share",
        "byline",
        "outlet",
        "month",
        "weekday",
        "date_word",
        "html_furniture",
        "html_caption",
        "html_byline",
    }
)


class FurnitureKind(str, enum.Enum):
    """What a stretch of page text that is not the article's prose is."""

    FURNITURE = "furniture"  #: navigation, share buttons, "Font Size", link lists, rules
    CAPTION = "caption"  #: a photo caption, credit or image marker
    DATELINE = "dateline"  #: the line giving the publication date
    BYLINE = "byline"  #: the author or translator line


@attrs.frozen
class Furniture:
    """A span of the document that is not article prose, and the rule that said so.

    ``span`` is in offsets of :attr:`Document.text`; ``rule`` names the row of
    ``furniture.tsv`` (or the HTML element) that recognised it, so results explain
    themselves.
    """

    span: Span = attrs.field(validator=attrs.validators.instance_of(Span))
    kind: FurnitureKind = attrs.field(converter=FurnitureKind)
    rule: str = attrs.field(validator=attrs.validators.instance_of(str))


@attrs.frozen
class _Rules:
    """One kind of line rule, joined into two alternations: the rules anchored at the
    start of the line (tried there only) and those anchored at its end (searched in its
    last :data:`TAIL_WINDOW` characters). Two short matches per line, whatever its length.
    """

    names: tuple[str, ...]
    head: regex.Pattern[str] | None
    tail: regex.Pattern[str] | None

    def first(self, line: str) -> str | None:
        """The name of a rule matching ``line`` (start-anchored rules first), or None."""
        match = self.head.match(line) if self.head is not None else None
        if match is None and self.tail is not None:
            match = self.tail.search(line, max(0, len(line) - TAIL_WINDOW))
        if match is None or match.lastgroup is None:
            return None
        return self.names[int(match.lastgroup[1:])]


@attrs.frozen(eq=False)
class FurnitureRules:
    """The furniture, caption and metadata rules read from ``furniture.tsv``."""

    furniture: _Rules
    caption: _Rules
    marker: _Rules
    section: _Rules
    share: frozenset[str]
    byline: tuple[tuple[str, regex.Pattern[str]], ...]
    outlet: tuple[tuple[str, regex.Pattern[str]], ...]
    dateline: regex.Pattern[str]
    months: dict[str, int]
    html_furniture: frozenset[str]
    html_caption: frozenset[str]
    html_byline: frozenset[str]


def _compile(source: str, pattern: str) -> regex.Pattern[str]:
    try:
        return regex.compile(pattern)
    except regex.error as exc:
        raise LexiconError(source, f"bad regex: {exc}", pattern) from exc


def _joined(rows: Sequence[tuple[str, str, str]], name: str) -> _Rules:
    head: list[str] = []
    tail: list[str] = []
    for i, (source, _rule, pattern) in enumerate(rows):
        _compile(source, pattern)  # each row on its own first, so errors name the line
        if pattern.startswith("\\A"):
            head.append(f"(?P<r{i}>{pattern})")
        elif pattern.endswith("\\Z"):
            tail.append(f"(?P<r{i}>{pattern})")
        else:
            raise LexiconError(source, "a line rule must start with \\A or end with \\Z", pattern)
    return _Rules(
        tuple(rule for _s, rule, _p in rows),
        _compile(name, "|".join(head)) if head else None,
        _compile(name, "|".join(tail)) if tail else None,
    )


def _words(value: str) -> list[str]:
    return [w.strip().lower() for w in value.split("|") if w.strip()]


def _alternation(words: Iterable[str]) -> str:
    # Longest first, so "thurs" is tried before "thu".
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w).replace("\\ ", r"\s{1,3}") for w in ordered)


def _dateline_pattern(
    months: Iterable[str], weekdays: Iterable[str], date_words: Iterable[str]
) -> str:
    month = f"(?i:{_alternation(months)})"
    day_suffix = r"(?:st|nd|rd|th)?"
    date = (
        r"(?:(?P<y1>\d{4})[-/.](?P<m1>\d{1,2})[-/.](?P<d1>\d{1,2})"
        r"|(?P<d2>\d{1,2})[-/.](?P<m2>\d{1,2})[-/.](?P<y2>\d{4})"
        rf"|(?P<d3>\d{{1,2}}){day_suffix}\s{{1,3}}(?P<mon3>{month})\.?,?\s{{1,3}}(?P<y3>\d{{4}})"
        rf"|(?P<mon4>{month})\.?\s{{1,3}}(?P<d4>\d{{1,2}}){day_suffix},?\s{{1,3}}(?P<y4>\d{{4}}))"
    )
    clock = (
        r"(?P<H>\d{1,2})[:h](?P<M>\d{2})(?::(?P<S>\d{2}))?(?:\.\d{1,6})?"
        r"(?:\s{0,2}(?P<ampm>[AaPp])\.?[Mm]\.?)?"
    )
    zone = r"(?:\s{0,3}\(?(?i:GMT|UTC|ICT)?\s{0,2}(?P<tz>[+-]\d{1,2}(?::?\d{2})?|Z)?\)?)?"
    sep = r"[\s,|·\-–T]{0,4}(?i:at\s{1,3})?"
    return (
        rf"\A(?:(?i:{_alternation(date_words)})(?:\s(?i:on|at))?\s{{0,3}}:?\s{{0,3}})?"
        rf"(?:(?i:{_alternation(weekdays)})\.?,?\s{{1,3}})?"
        rf"(?:{clock}{zone}{sep})?"
        rf"{date}"
        rf"(?:{sep}(?P<clock2>{clock.replace('?P<', '?P<x')}))?{zone.replace('?P<tz>', '?P<xtz>')}"
        r"[\s|]{0,10}\Z"
    )


def _rows(text: str, name: str) -> Iterable[tuple[str, list[str]]]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield f"{name}:{lineno}", line.split("\t")


def load_rules(text: str | None = None, name: str = "furniture.tsv") -> FurnitureRules:
    """Compile rules from ``text`` in the format of ``furniture.tsv`` (by default, the
    shipped file); a malformed row raises :class:`LexiconError` naming its line."""
    if text is None:
        data = resources.files("quotekit").joinpath("data").joinpath(name)
        text = data.read_text(encoding="utf-8")
    by_kind: dict[str, list[tuple[str, str, str]]] = {k: [] for k in _KINDS}
    for source, cols in _rows(text, name):
        if len(cols) != 3:
            raise LexiconError(source, "expected 3 tab-separated columns", cols)
        kind, rule, value = cols
        if kind not in _KINDS:
            raise LexiconError(source, f"unknown kind {kind!r}", kind)
        if not value:
            raise LexiconError(source, "empty value", cols)
        by_kind[kind].append((source, rule, value))
    months: dict[str, int] = {}
    for source, number, value in by_kind["month"]:
        if not number.isdigit() or not 1 <= int(number) <= 12:
            raise LexiconError(source, "a month row needs a number 1..12", number)
        months.update(dict.fromkeys(_words(value), int(number)))
    weekdays = [w for _s, _n, v in by_kind["weekday"] for w in _words(v)]
    date_words = [w for _s, _n, v in by_kind["date_word"] for w in _words(v)]
    if not months or not weekdays or not date_words:
        raise LexiconError(name, "month, weekday and date_word rows are required", None)
    for source, _rule, pattern in by_kind["byline"]:
        if "(?P<name>" not in pattern:
            raise LexiconError(source, "a byline rule needs a group named 'name'", pattern)
    for source, _rule, pattern in by_kind["outlet"]:
        if "(?P<outlet>" not in pattern:
            raise LexiconError(source, "an outlet rule needs a group named 'outlet'", pattern)

    def word_set(kind: str) -> frozenset[str]:
        return frozenset(w for _s, _n, v in by_kind[kind] for w in _words(v))

    return FurnitureRules(
        furniture=_joined(by_kind["furniture"], name),
        caption=_joined(by_kind["caption"], name),
        marker=_joined(by_kind["marker"], name),
        section=_joined(by_kind["section"], name),
        share=word_set("share"),
        byline=tuple((r, _compile(s, p)) for s, r, p in by_kind["byline"]),
        outlet=tuple((r, _compile(s, p)) for s, r, p in by_kind["outlet"]),
        dateline=_compile(name, _dateline_pattern(months, weekdays, date_words)),
        months=months,
        html_furniture=word_set("html_furniture"),
        html_caption=word_set("html_caption"),
        html_byline=word_set("html_byline"),
    )


@functools.lru_cache(maxsize=1)
def default_rules() -> FurnitureRules:
    """The rules shipped with quotekit (read once; immutable)."""
    return load_rules()


# --- lines ------------------------------------------------------------------------------

_LINE = regex.compile(r"[^\n]+")
_QUOTE_MARK = regex.compile("[\"“”„‟«»]|''|``")
# A sentence ending inside a line ("Done. Next"), which a headline does not have.
_INNER_STOP = regex.compile(r"[.!?]\s{1,3}\p{Lu}")
_SHARE_SPLIT = regex.compile(r"[\s|•·/,:;]+")


class Line(NamedTuple):
    """A trimmed non-blank line of a text (a plain tuple: texts can have many lines)."""

    start: int
    end: int


def text_lines(text: str) -> list[Line]:
    """The non-blank lines of a (normalised) text, trimmed of whitespace."""
    lines = []
    for match in _LINE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            lines.append(Line(start, end))
    return lines


def _word_count(line: str) -> int:
    return len(line.split())


def _adjacent(text: str, first: Line, second: Line) -> bool:
    """The two lines follow each other with no blank line in between."""
    return text.count("\n", first.end, second.start) == 1


def _is_share_list(line: str, share: frozenset[str]) -> bool:
    tokens = [t for t in _SHARE_SPLIT.split(line.lower()) if t]
    if not tokens or len(tokens) > 16:
        return False
    named = 0
    for token in tokens:
        if token in share:
            named += 1
        elif not token.isdigit():
            return False
    return named > 0


def _headline_like(line: str) -> bool:
    """Short and not ending in a full stop (inside closing marks too: '… said: "Yes."')."""
    return _word_count(line) <= MAX_HEADLINE_WORDS and not line.rstrip("\"'”’»)").endswith(".")


def find_furniture(
    text: str, lines: Sequence[Line], rules: FurnitureRules
) -> list[tuple[int, FurnitureKind, str]]:
    """(line index, kind, rule) for each line of ``text`` that is furniture or a caption.

    ``lines`` comes from :func:`text_lines`. A line is judged on its own (furniture
    patterns, share lists, captions), then by its neighbours: the caption under an
    image marker, a caption repeated on the next line (alt text and caption), and the
    headlines listed under a "Related News" heading.
    """
    found: dict[int, tuple[FurnitureKind, str]] = {}
    in_section = False
    for i, span in enumerate(lines):
        line = text[span.start : span.end]
        if len(line) > MAX_LINE:
            in_section = False
            continue
        if in_section:
            if _headline_like(line):
                found[i] = (FurnitureKind.FURNITURE, "section-list")
                continue
            in_section = False
        rule = rules.section.first(line)
        if rule is not None:
            found[i] = (FurnitureKind.FURNITURE, rule)
            in_section = True
            continue
        rule = rules.furniture.first(line)
        if rule is not None:
            found[i] = (FurnitureKind.FURNITURE, rule)
            continue
        if _is_share_list(line, rules.share):
            found[i] = (FurnitureKind.FURNITURE, "share-buttons")
            continue
        words = _word_count(line)
        rule = rules.marker.first(line)
        if rule is not None:
            found[i] = (FurnitureKind.CAPTION, rule)
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if (
                nxt is not None
                and _adjacent(text, span, nxt)
                and _word_count(text[nxt.start : nxt.end]) <= MAX_MARKED_CAPTION_WORDS
            ):
                found.setdefault(i + 1, (FurnitureKind.CAPTION, f"{rule}-caption"))
            continue
        if i in found:
            continue
        if words <= MAX_CAPTION_WORDS:
            rule = rules.caption.first(line)
            if rule is not None:
                found[i] = (FurnitureKind.CAPTION, rule)
                continue
        if i + 1 < len(lines) and MIN_REPEATED_WORDS <= words <= MAX_MARKED_CAPTION_WORDS:
            nxt = lines[i + 1]
            if (
                _adjacent(text, span, nxt)
                and text[nxt.start : nxt.end] == line
                and _QUOTE_MARK.search(line) is None  # a repeated quotation is prose
            ):
                found[i] = (FurnitureKind.CAPTION, "repeated-caption")
                found[i + 1] = (FurnitureKind.CAPTION, "repeated-caption")
    # A button the word list does not know, in the middle of a share-button list.
    share = (FurnitureKind.FURNITURE, "share-buttons")
    for i in range(1, len(lines)):
        span = lines[i]
        if (
            i not in found
            and span.end - span.start <= 20
            and _word_count(text[span.start : span.end]) <= 2
            and found.get(i - 1) == share
            and _adjacent(text, lines[i - 1], span)
            and (
                i + 1 == len(lines)
                or (found.get(i + 1) == share and _adjacent(text, span, lines[i + 1]))
            )
        ):
            found[i] = share
    return sorted((i, kind, rule) for i, (kind, rule) in found.items())


# --- metadata lines ----------------------------------------------------------------------


def is_title_like(line: str, *, alone: bool = False) -> bool:
    """A headline: at most 30 words, not ending like a sentence or a clause.

    A line standing ``alone`` (a blank line after it) that ends in a full stop is still
    a headline when it is one sentence of at most 20 words in title case ("Clinton Says
    Russians Hacked DNC."), as some archives and corpora store headlines.
    """
    words = line.split()
    if len(line) > MAX_LINE or not 0 < len(words) <= 30 or line.endswith((",", ":", ";")):
        return False
    if not line.endswith("."):
        return True
    if not alone or len(words) > MAX_TITLE_CASE_WORDS or _INNER_STOP.search(line[:-1]):
        return False
    long_words = [w for w in words if sum(c.isalpha() for c in w) >= 4]
    capitalised = [w for w in long_words if w.lstrip("'‘\"“(")[:1].isupper()]
    return len(long_words) >= 2 and 2 * len(capitalised) >= len(long_words) + 1


def parse_date(line: str, rules: FurnitureRules) -> _dt.date | None:
    """The date (or date and time) a dateline states, or None if ``line`` is not one.

    Numeric day/month dates are read day first unless that is impossible
    (``01/13/2019`` is 13 January), the international and Vietnamese convention.
    """
    if len(line) > MAX_DATELINE:
        return None
    match = rules.dateline.search(line)
    if match is None:
        return None
    groups = match.groupdict()
    try:
        if groups["y1"]:
            year, month, day = int(groups["y1"]), int(groups["m1"]), int(groups["d1"])
        elif groups["y2"]:
            year, first, second = int(groups["y2"]), int(groups["d2"]), int(groups["m2"])
            day, month = (second, first) if second > 12 and first <= 12 else (first, second)
        elif groups["y3"]:
            year, day = int(groups["y3"]), int(groups["d3"])
            month = rules.months[groups["mon3"].lower()]
        else:
            year, day = int(groups["y4"]), int(groups["d4"])
            month = rules.months[groups["mon4"].lower()]
        if not 1800 <= year <= 2200:
            return None
        date = _dt.date(year, month, day)
        hour_text, minute_text = groups["H"] or groups["xH"], groups["M"] or groups["xM"]
        if hour_text is None or minute_text is None:
            return date
        hour, minute = int(hour_text), int(minute_text)
        second = int(groups["S"] or groups["xS"] or 0)
        ampm = (groups["ampm"] or groups["xampm"] or "").lower()
        if ampm and 1 <= hour <= 12:
            hour = hour % 12 + (12 if ampm == "p" else 0)
        tzinfo = _zone(groups["tz"] or groups["xtz"])
        return _dt.datetime(year, month, day, hour, minute, second, tzinfo=tzinfo)
    except (ValueError, KeyError, OverflowError):
        return None


def _zone(text: str | None) -> _dt.timezone | None:
    if not text:
        return None
    if text == "Z":
        return _dt.timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours = int(digits[:-2]) if len(digits) > 2 else int(digits)
    minutes = int(digits[-2:]) if len(digits) > 2 else 0
    return _dt.timezone(sign * _dt.timedelta(hours=hours, minutes=minutes))


def normalise_name(name: str) -> str:
    """A byline name with whitespace collapsed and upper-case words in title case."""
    words = []
    for word in name.split():
        if sum(c.isupper() for c in word) > 1 and not any(c.islower() for c in word):
            word = "-".join(_title_part(part) for part in word.split("-"))
        words.append(word)
    return " ".join(words)


def _title_part(part: str) -> str:
    pieces = regex.split("(['’])", part.lower())
    # "O'BRIEN" -> "O'Brien", but "NHIEN'S" -> "Nhien's".
    return "".join(
        p if p in "'’" or (k > 0 and len(p) < 2) else p[:1].upper() + p[1:]
        for k, p in enumerate(pieces)
    )


def find_byline(line: str, rules: FurnitureRules) -> tuple[str, str] | None:
    """(normalised name, rule) if ``line`` is a byline or translator line."""
    if (
        len(line) > MAX_LINE
        or _word_count(line) > MAX_BYLINE_WORDS
        or _QUOTE_MARK.search(line) is not None
        or line.endswith((".", "!", "?", ":"))
    ):
        return None
    for rule, pattern in rules.byline:
        match = pattern.search(line)
        if match is not None:
            return normalise_name(match.group("name")), rule
    return None


def find_outlet_tag(text: str, start: int, rules: FurnitureRules) -> tuple[str, Span] | None:
    """(outlet, span of the tag) if the paragraph at ``start`` opens with an outlet tag."""
    window = text[start : start + 120]
    for _rule, pattern in rules.outlet:
        match = pattern.search(window)
        if match is not None:
            outlet = " ".join(match.group("outlet").split())
            return outlet, Span(start + match.start(), start + match.end())
    return None
