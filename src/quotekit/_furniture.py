"""Page furniture and photo captions in scraped article text, and the metadata lines.

Scrapers leave the page around the article in the text: "Font Size: | Print", share
buttons, lines of pipes from layout tables, photo captions, "Related News" lists. None
of it is the article's own prose, so no quote may start there. The rules are data
(``data/furniture.tsv``); this module applies them line by line and returns spans, so
offsets into the caller's string are never lost. Most lines of an article are prose, so
the rules are tried only on a line that opens like one of them (its first characters,
asked once per distinct opening) or ends like one; the others cost a few string tests.

It also reads the lines that carry metadata rather than prose: datelines
("Monday, 2019-01-07 11:07:54"), bylines and translator lines, and the outlet tag that
opens a body ("NDO - ", "(VOVworld) –").
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import re
from collections.abc import Iterable, Sequence
from importlib import resources

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
#: How many opening characters of a line decide whether it could open like a rule.
OPENING = 3
# The line rules.
_LINE_KINDS = ("furniture", "caption", "marker", "section")
# The rules anchored at the end of a line (rule name, pattern) that _may_close knows;
# rules with any other such rule skip that shortcut. Edit both together (the tests
# check each rule against _may_close).
_KNOWN_CLOSINGS = frozenset(
    {
        ("rights", r"(?i:all\srights\sreserved)\.?\Z"),
        (
            "photo-credit",
            r"\((?:(?i:(?:a\s|an\s)?(?:file|archive|stock|illustrative|illustration|handout)"
            r"\s(?:photo|image|picture|pic)s?|photos?|images?|pictures?|pics?|ảnh|photo\scourtesy"
            r"|courtesy\sphoto|courtesy\sof)\b|(?i:credit)\s{0,2}:)[^()\n]{0,80}\)?[\s|.]{0,5}\Z",
        ),
        ("pipe-cell-right", r"(?<=\S\s{0,5})[|¦]\Z"),
        ("photo-number", r"\s[-–—]\s{0,3}(?i:ảnh|photo|image)\s{0,3}\d{1,3}\Z"),
    }
)

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

    def first(self, line: str, head: bool = True, tail: bool = True) -> str | None:
        """The name of a rule matching ``line`` (start-anchored rules first), or None.

        ``head=False`` (``tail=False``) skips the rules anchored at the start (the end)
        of the line, for a line known to open (close) like none of them.
        """
        match = self.head.match(line) if head and self.head is not None else None
        if match is None and tail and self.tail is not None:
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
    #: Every start of a share word (the word included).
    share_prefixes: frozenset[str] = frozenset()
    #: Whether :func:`_may_close` knows every rule anchored at the end of a line (true
    #: for the shipped rules); when false every line is matched against every rule.
    closings_known: bool = False
    #: :func:`opening` flags of the line openings met so far (a bounded memo).
    openings: dict[str, int] = attrs.field(factory=dict, repr=False)


#: :func:`opening` flags: a line could match a rule anchored at its start, or be a list
#: of share buttons.
OPENS_RULE = 1
OPENS_SHARE_LIST = 2


# At most this many line openings are remembered (then the memo starts again).
_MAX_OPENINGS = 4096


def opening(rules: FurnitureRules, key: str) -> int:
    """What a line opening with ``key`` (its first :data:`OPENING` characters, or all of
    a shorter line) could be: :data:`OPENS_RULE` and :data:`OPENS_SHARE_LIST` flags.

    The start-anchored rules are asked with the regex engine's partial matching, which
    reports a pattern that could still match once more characters follow. Remembered
    in ``rules.openings``, as articles repeat few distinct openings.
    """
    flags = rules.openings.get(key)
    if flags is None:
        flags = _opening(rules, key)
        if len(rules.openings) >= _MAX_OPENINGS:
            rules.openings.clear()
        rules.openings[key] = flags
    return flags


def _opening(rules: FurnitureRules, key: str) -> int:
    flags = 0
    for kind in (rules.section, rules.furniture, rules.marker, rules.caption):
        if kind.head is not None and kind.head.match(key, partial=True) is not None:
            flags |= OPENS_RULE
            break
    # The first token of a share list is a share word or a number (see _is_share_list);
    # a token reaching the end of the key may go on past it.
    lowered = key.lower()
    token = _SHARE_TOKEN.match(lowered)
    if (
        token is None  # it opens with a separator
        or token.group()[:1].isdigit()
        or (token.group() in rules.share)
        or (token.end() == len(lowered) and token.group() in rules.share_prefixes)
    ):
        flags |= OPENS_SHARE_LIST
    return flags


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
        share_prefixes=frozenset(w[:k] for w in word_set("share") for k in range(1, len(w) + 1)),
        byline=tuple((r, _compile(s, p)) for s, r, p in by_kind["byline"]),
        outlet=tuple((r, _compile(s, p)) for s, r, p in by_kind["outlet"]),
        dateline=_compile(name, _dateline_pattern(months, weekdays, date_words)),
        months=months,
        html_furniture=word_set("html_furniture"),
        html_caption=word_set("html_caption"),
        html_byline=word_set("html_byline"),
        closings_known={
            (rule, pattern)
            for kind in _LINE_KINDS
            for _s, rule, pattern in by_kind[kind]
            if not pattern.startswith("\\A")
        }
        <= _KNOWN_CLOSINGS,
    )


@functools.lru_cache(maxsize=1)
def default_rules() -> FurnitureRules:
    """The rules shipped with quotekit (read once; immutable)."""
    return load_rules()


# --- lines ------------------------------------------------------------------------------

# The characters str.isspace() accepts (the tests check this against every code point).
_SPACE_CLASS = "\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# A line ("\n" ends one) from its first to its last non-space character: one match per
# non-blank line, already trimmed.
# (The standard library's engine runs this simple pattern faster.)
_TRIMMED_LINE = re.compile(f"[^{_SPACE_CLASS}](?:[^\\n]*[^{_SPACE_CLASS}])?")
_QUOTE_MARK = regex.compile("[\"“”„‟«»]|''|``")
# A sentence ending inside a line ("Done. Next"), which a headline does not have.
_INNER_STOP = regex.compile(r"[.!?]\s{1,3}\p{Lu}")
# A token of a share-button list: the text between separators.
_SHARE_TOKEN = regex.compile(r"[^\s|•·/,:;]+")


Line = tuple[int, int]
"""A trimmed non-blank line of a text: its (start, end) offsets (a plain tuple: texts
can have many lines)."""


def text_lines(text: str) -> list[Line]:
    """The non-blank lines of a (normalised) text, trimmed of whitespace."""
    return [match.span() for match in _TRIMMED_LINE.finditer(text)]


def _word_count(line: str, limit: int) -> int:
    """The number of words of ``line``, or ``limit + 1`` if it has more than ``limit``
    (counting stops there: a long line is not read to its end)."""
    return len(line.split(None, limit))


def _adjacent(text: str, first: Line, second: Line) -> bool:
    """The two lines follow each other with no blank line in between."""
    return text.count("\n", first[1], second[0]) == 1


def _is_share_list(line: str, share: frozenset[str]) -> bool:
    """At most 16 tokens, each a share-button word or a number, and at least one word.

    Read token by token, so a line of prose is rejected at its first word.
    """
    named = 0
    for count, match in enumerate(_SHARE_TOKEN.finditer(line.lower()), 1):
        token = match.group()
        if count > 16:
            return False
        if token in share:
            named += 1
        elif not token.isdigit():
            return False
    return named > 0


def _headline_like(line: str) -> bool:
    """Short and not ending in a full stop (inside closing marks too: '… said: "Yes."')."""
    if _word_count(line, MAX_HEADLINE_WORDS) > MAX_HEADLINE_WORDS:
        return False
    return not line.rstrip("\"'”’»)").endswith(".")


# The regex module's digits: it may know a newer Unicode than str.isdecimal() does.
_DIGIT = regex.compile(r"\d")


def _may_close(text: str, start: int, end: int) -> bool:
    """Whether a shipped rule anchored at the end of a line could match the line
    ``text[start:end]``.

    Each test is what one rule cannot do without: "pipe-cell-right" ends in a pipe,
    "photo-number" in a digit, "photo-credit" opens a bracket in the window searched,
    and "rights" ends in "reserved" and an optional full stop.
    """
    last = text[end - 1]
    if last in "|¦" or last.isdecimal() or (not last.isascii() and _DIGIT.match(last)):
        return True
    if text.find("(", max(start, end - TAIL_WINDOW), end) >= 0:
        return True
    if last in "dD" or (last == "." and end - start > 1 and text[end - 2] in "dD"):
        return text[max(start, end - 10) : end].casefold().endswith(("reserved", "reserved."))
    return False


def find_furniture(
    text: str, lines: Sequence[Line], rules: FurnitureRules
) -> list[tuple[int, FurnitureKind, str]]:
    """(line index, kind, rule) for each line of ``text`` that is furniture or a caption.

    ``lines`` comes from :func:`text_lines`. A line is judged on its own (furniture
    patterns, share lists, captions), then by its neighbours: the caption under an
    image marker, a caption repeated on the next line (alt text and caption), and the
    headlines listed under a "Related News" heading. Most lines of an article open and
    close like no rule (:func:`opening`, :func:`_may_close`): only their neighbours are
    looked at.
    """
    found: dict[int, tuple[FurnitureKind, str]] = {}
    in_section = False
    count = len(lines)
    check_all = not rules.closings_known
    openings = rules.openings
    for i, (start, end) in enumerate(lines):
        if end - start > MAX_LINE:
            in_section = False
            continue
        if in_section:
            if _headline_like(text[start:end]):
                found[i] = (FurnitureKind.FURNITURE, "section-list")
                continue
            in_section = False
        key = text[start : start + OPENING] if end - start >= OPENING else text[start:end]
        flags = openings.get(key)
        if flags is None:
            flags = opening(rules, key)
        opens = check_all or flags & OPENS_RULE != 0
        closes = check_all or _may_close(text, start, end)
        if flags or closes or check_all:
            line = text[start:end]
            rule = rules.section.first(line, opens, closes)
            if rule is not None:
                found[i] = (FurnitureKind.FURNITURE, rule)
                in_section = True
                continue
            rule = rules.furniture.first(line, opens, closes)
            if rule is not None:
                found[i] = (FurnitureKind.FURNITURE, rule)
                continue
            if (check_all or flags & OPENS_SHARE_LIST) and _is_share_list(line, rules.share):
                found[i] = (FurnitureKind.FURNITURE, "share-buttons")
                continue
            rule = rules.marker.first(line, opens, closes)
            if rule is not None:
                found[i] = (FurnitureKind.CAPTION, rule)
                if i + 1 < count:
                    nxt = lines[i + 1]
                    if (
                        _adjacent(text, (start, end), nxt)
                        and _word_count(text[nxt[0] : nxt[1]], MAX_MARKED_CAPTION_WORDS)
                        <= MAX_MARKED_CAPTION_WORDS
                    ):
                        found.setdefault(i + 1, (FurnitureKind.CAPTION, f"{rule}-caption"))
                continue
            if i in found:
                continue
            if (opens or closes) and _word_count(line, MAX_CAPTION_WORDS) <= MAX_CAPTION_WORDS:
                rule = rules.caption.first(line, opens, closes)
                if rule is not None:
                    found[i] = (FurnitureKind.CAPTION, rule)
                    continue
        elif i in found:
            continue
        # The same caption twice (the image's alt text, then the caption).
        if i + 1 < count:
            next_start, next_end = lines[i + 1]
            if next_end - next_start == end - start and _repeated(text, start, end, next_start):
                found[i] = (FurnitureKind.CAPTION, "repeated-caption")
                found[i + 1] = (FurnitureKind.CAPTION, "repeated-caption")
    if not found:
        return []
    # A button the word list does not know, in the middle of a share-button list. (Only
    # lines right after a share list qualify, and marking one enables no other.)
    share = (FurnitureKind.FURNITURE, "share-buttons")
    for i in sorted(i + 1 for i, found_as in found.items() if found_as == share and i + 1 < count):
        start, end = lines[i]
        if (
            i not in found
            and end - start <= 20
            and _word_count(text[start:end], 2) <= 2
            and found.get(i - 1) == share
            and _adjacent(text, lines[i - 1], lines[i])
            and (
                i + 1 == count
                or (found.get(i + 1) == share and _adjacent(text, lines[i], lines[i + 1]))
            )
        ):
            found[i] = share
    return sorted((i, kind, rule) for i, (kind, rule) in found.items())


def _repeated(text: str, start: int, end: int, next_start: int) -> bool:
    """The line ``text[start:end]`` is a caption repeated by the next line, which starts
    at ``next_start`` and is as long: the same words (a few), no blank line between,
    and no quote marks (a repeated quotation is prose)."""
    line = text[start:end]
    return (
        text.startswith(line, next_start)
        and MIN_REPEATED_WORDS
        <= _word_count(line, MAX_MARKED_CAPTION_WORDS)
        <= MAX_MARKED_CAPTION_WORDS
        and text.count("\n", end, next_start) == 1
        and _QUOTE_MARK.search(line) is None
    )


# --- metadata lines ----------------------------------------------------------------------


def is_title_like(line: str, *, alone: bool = False) -> bool:
    """A headline: at most 30 words, not ending like a sentence or a clause.

    A line standing ``alone`` (a blank line after it) that ends in a full stop is still
    a headline when it is one sentence of at most 20 words in title case ("Clinton Says
    Russians Hacked DNC."), as some archives and corpora store headlines.
    """
    words = line.split(None, 30)  # (more than 30 words is no headline)
    if len(line) > MAX_LINE or not 0 < len(words) <= 30 or line.endswith((",", ":", ";")):
        return False
    if not line.endswith("."):
        return True
    if not alone or len(words) > MAX_TITLE_CASE_WORDS:
        return False
    # Title case needs two capitalised words, so an upper-case letter after the first
    # character: a sentence with none ("It was late.") is told in one call. (islower()
    # is false as soon as any character is upper case.)
    if line[1:].islower() or _INNER_STOP.search(line[:-1]):
        return False
    long_words = [w for w in words if len(w) >= 4 and sum(map(str.isalpha, w)) >= 4]
    capitalised = [w for w in long_words if w.lstrip("'‘\"“(")[:1].isupper()]
    return len(long_words) >= 2 and 2 * len(capitalised) >= len(long_words) + 1


def parse_date(line: str, rules: FurnitureRules) -> _dt.date | None:
    """The date (or date and time) a dateline states, or None if ``line`` is not one.

    Numeric day/month dates are read day first unless that is impossible
    (``01/13/2019`` is 13 January), the international and Vietnamese convention.
    """
    if len(line) > MAX_DATELINE or _YEAR.search(line) is None:
        return None
    match = rules.dateline.match(line)  # the pattern is anchored at the start
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


# Every dateline has a year (see _dateline_pattern): a line without four digits in a row
# is not one, and saying so is quicker than trying the whole pattern.
_YEAR = regex.compile(r"\d{4}")


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
        line.endswith((".", "!", "?", ":"))
        or len(line) > MAX_LINE
        or _QUOTE_MARK.search(line) is not None
        or _word_count(line, MAX_BYLINE_WORDS) > MAX_BYLINE_WORDS
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
