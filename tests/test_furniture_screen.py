"""The shortcuts that let ``Document.from_text`` skip most lines of an article unread.

``find_furniture`` tries the line rules only on the lines that open (``opening``) or
close (``_may_close``) like one of them. These tests check that the shortcuts never skip
a line a rule matches: the screened path must find exactly what the exhaustive path
(every rule on every line) finds.
"""

from __future__ import annotations

import sys

import attrs
import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from quotekit import Document
from quotekit._furniture import (
    _SPACE_CLASS,
    MAX_LINE,
    OPENING,
    OPENS_RULE,
    OPENS_SHARE_LIST,
    default_rules,
    find_furniture,
    is_title_like,
    load_rules,
    opening,
    text_lines,
)
from quotekit._text import make_view

RULES = default_rules()
# The same rules with every shortcut off: each line is matched against each rule.
EXHAUSTIVE = attrs.evolve(RULES, closings_known=False, openings={})

# One line per line rule of furniture.tsv, recognised by that rule (a new rule needs one).
EXAMPLES = {
    "font-size": "Font Size:     |        Print",
    "pipes": "| | |",
    "rule": "-----",
    "tags": "Tags: floods, Hanoi, weather",
    "advertisement": "ADVERTISEMENT",
    "copyright": "© 2024 The Daily Example",
    "rights": "The Daily Example. All Rights Reserved.",
    "back-to-top": "Back to top",
    "share-this": "Share this article",
    "follow-us": "Follow us on Twitter and Facebook",
    "source": "(Source: VNA)",
    "print": "Comments (12)",
    "breadcrumbs": "Home > World > Asia",
    "calls-to-action": "Subscribe to our daily newsletter",
    "read-more-link": "Read more: Floods hit the north again",
    "photo-credit": "Rescue workers search the river bank. (Photo: AFP)",
    "photo-line": "Photo: Nguyen Van Minh",
    "file-photo": "An archive photo",
    "pipe-cell-right": "Workers repair the dyke on Monday. |",
    "pipe-cell-left": "| Workers repair the dyke",
    "photo-number": "Floods in the north - ảnh 2",
    "gallery": "Photo 3 of 12",
    "enlarge": "Click to enlarge",
    "related": "Related News",
}
PROSE = [
    "The flood waters rose again overnight in the central provinces, officials said.",
    "In a statement, the ministry said it would send more boats to the area.",
    "Farmers who lost their crops will receive help before the new planting season.",
]


def _found(text: str, rules: object = RULES) -> list[tuple[int, str, str]]:
    view = make_view(text).text
    found = find_furniture(view, text_lines(view), rules)  # type: ignore[arg-type]
    return [(i, kind.value, rule) for i, kind, rule in found]


def _furniture_lines(text: str) -> dict[str, str]:
    return {f.span.slice(text): f.rule for f in Document.from_text(text).furniture}


def test_every_line_rule_has_an_example() -> None:
    names = {
        name
        for kind in (RULES.furniture, RULES.caption, RULES.marker, RULES.section)
        for name in kind.names
    }
    assert set(EXAMPLES) == names


@pytest.mark.parametrize("where", ["first", "middle", "last"])
@pytest.mark.parametrize("rule", sorted(EXAMPLES))
def test_one_furniture_line_among_prose_is_found(rule: str, where: str) -> None:
    """An article of ordinary prose but for one furniture line: the line is still
    excluded, by its own rule, wherever it stands."""
    line = EXAMPLES[rule]
    at = {"first": 0, "middle": 2, "last": len(PROSE)}[where]
    text = "\n\n".join([*PROSE[:at], line, *PROSE[at:]])
    assert _furniture_lines(text) == {line: rule}
    assert _found(text) == _found(text, EXHAUSTIVE)


def test_prose_is_read_without_any_rule() -> None:
    text = "\n".join(PROSE[:1] + PROSE[2:])  # no line opens like a rule or a share list
    view = make_view(text).text
    for start, _end in text_lines(view):
        assert opening(RULES, view[start : start + OPENING]) == 0
    assert _found(text) == []


@pytest.mark.parametrize(
    ("line", "flags"),
    [
        ("The minister said so.", 0),
        ("Farmers lost their crops.", 0),
        ("Photo: AFP", OPENS_RULE),
        ("| a cell", OPENS_RULE | OPENS_SHARE_LIST),  # a pipe opens a share list too
        ("In a statement, he said so.", OPENS_SHARE_LIST),  # "in" is a share word
        ("Facebook Twitter", OPENS_SHARE_LIST),
        ("12 shares", OPENS_SHARE_LIST),
        ("Related News", OPENS_RULE),
        ("Fo", OPENS_RULE | OPENS_SHARE_LIST),  # "Font size", "Follow us", "follow"
    ],
)
def test_opening_flags(line: str, flags: int) -> None:
    assert opening(RULES, line[:OPENING]) == flags


def test_the_shipped_rules_end_like_the_shortcut_knows() -> None:
    """Editing a rule anchored at the end of a line in furniture.tsv turns the shortcut
    off (the output stays right, only slower) until _may_close and _KNOWN_CLOSINGS
    learn the new rule; this test says when that happened."""
    assert RULES.closings_known


def test_a_digit_newer_than_python_s_unicode_still_closes_a_marker() -> None:
    """str.isdecimal() may know an older Unicode than the regex module: asked alone, it
    would let _may_close skip a marker ending in a newly encoded digit that the rule's
    \\d matches."""
    digit = "\U00010d41"  # GARAY DIGIT ONE (Unicode 16)
    if regex.match(r"\d", digit) is None:
        pytest.skip("this regex module does not know the digit")
    text = f"A first line of prose here.\n\nStorm damage - ảnh {digit}\n\nMore prose here."
    assert _found(text) == _found(text, EXHAUSTIVE) == [(1, "caption", "photo-number")]


def test_rules_the_shortcut_does_not_know_are_all_tried() -> None:
    base = "month\t1\tjanuary\nweekday\t-\tmonday\ndate_word\t-\tposted\n"
    rules = load_rules(base + "caption\tthe-end\t(?i:the\\send)\\Z\n", "custom.tsv")
    assert not rules.closings_known
    text = "The film was long.\nIt ended, as films do, with THE END\nCredits followed."
    assert _found(text, rules) == [(1, "caption", "the-end")]


_LINE_POOL = st.sampled_from(
    [
        *EXAMPLES.values(),
        *PROSE,
        "Facebook",
        "Twitter | 12",
        "A+ A- Font size",
        "• Facebook • Twitter",
        "Zalo",
        "Storm damage - ảnh 1",
        "A fallen tree in Hue",
        "A caption repeated under the photo",
        "Related articles",
        "Short headline",
        "ALL RIGHTS RESERVED",
        "ſhare this",  # the long s is an s to case-insensitive rules
        "\u212aakao",  # the Kelvin sign is a k
        "Photo ٣ of ١٢",
        "Comments (٣)",
        "(",
        "(Photo",
        "|",
        "¦ x",
        "x ¦",
        "1",
        "In",
        "",
        " ",
    ]
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.one_of(_LINE_POOL, st.text(max_size=24)), max_size=14),
    st.sampled_from(["\n", "\n\n", "\r\n", "\r", "\n \n"]),
)
def test_screened_lines_find_what_every_rule_finds(lines: list[str], sep: str) -> None:
    text = sep.join(lines)
    assert _found(text) == _found(text, EXHAUSTIVE)


def _all_characters() -> str:
    return "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


def test_character_facts_the_shortcuts_rely_on() -> None:
    """_SPACE_CLASS is str.isspace(); each character a closing rule's pattern accepts
    passes the plain string tests of _may_close."""
    every = _all_characters()
    spaces = set(regex.findall(f"[{_SPACE_CLASS}]", every))
    assert spaces == {c for c in every if c.isspace()}
    # photo-number: the regex module may know digits str.isdecimal() does not (a newer
    # Unicode), so _may_close asks it about characters outside ASCII.
    assert all(c.isdecimal() or not c.isascii() for c in regex.findall(r"\d", every))
    assert set(regex.findall("(?i:d)", every)) <= {"d", "D"}  # rights
    for letter in "reserved":
        assert {c.casefold() for c in regex.findall(f"(?i:{letter})", every)} == {letter}


def _reference_lines(text: str) -> list[tuple[int, int]]:
    lines = []
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            lines.append((start, end))
        pos += len(raw) + 1
    return lines


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ab \n\t\r\x0b\x1c\x85\xa0\u2028\u3000\u200b|"), max_size=60)
)
def test_text_lines_are_the_trimmed_non_blank_lines(text: str) -> None:
    assert text_lines(text) == _reference_lines(text)


@pytest.mark.parametrize(
    "text",
    [
        "\n" * 200_000,
        "\r\n" * 100_000,
        "\r" * 100_000,
        "|" * 200_000,
        "In " * 60_000,
        ("-" * 40 + "\n") * 10_000,
        ("(" * 399 + "\n") * 1_000,
        ("Photo 1 of 2\nA caption under it\n") * 5_000,
        ("Related News\nShort headline\n") * 5_000,
        ("Facebook\n12\nTwitter\n") * 5_000,
        ("A caption repeated here\n" * 2 + "\n") * 5_000,
        (". , ; : ! ? " * 40 + "\n") * 500,
    ],
    ids=lambda text: repr(text[:12]),
)
def test_adversarial_shapes_finish(text: str) -> None:
    document = Document.from_text(text)
    for span in [f.span for f in document.furniture] + list(document.paragraphs):
        assert 0 <= span.start < span.end <= len(text)
    assert _found(text) == _found(text, EXHAUSTIVE)


def _title_like_reference(line: str, *, alone: bool = False) -> bool:
    """is_title_like() as written before its one-call test for a line with no upper-case
    letter after its first character."""
    words = line.split(None, 30)
    if len(line) > MAX_LINE or not 0 < len(words) <= 30 or line.endswith((",", ":", ";")):
        return False
    if not line.endswith("."):
        return True
    if not alone or len(words) > 20 or regex.search(r"[.!?]\s{1,3}\p{Lu}", line[:-1]):
        return False
    long_words = [w for w in words if len(w) >= 4 and sum(map(str.isalpha, w)) >= 4]
    capitalised = [w for w in long_words if w.lstrip("'‘\"“(")[:1].isupper()]
    return len(long_words) >= 2 and 2 * len(capitalised) >= len(long_words) + 1


# Words of headlines and sentences, with letters whose case is unusual: upper case with no
# lower-case form (ℂ), title case (ǅ), upper case but not a letter (Ⓐ), no case at all.
_TITLE_WORDS = st.sampled_from(
    [
        "Clinton",
        "Says",
        "Russians",
        "hacked",
        "the",
        "party",
        "Servers",
        "“Plan”",
        "(Photo",
        "ℂompany",
        "ǅemal",
        "Ⓐlpha",
        "ⓐlpha",
        "İstanbul",
        "ßtraße",
        "Ωmega",
        "ωmega",
        "1999",
        "U.S.",
        "Done.",
        "Next",
        "x",
        "'Quote'",
        "日本語",
        "Straße",
        "ﬁnal",
    ]
)


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        st.lists(_TITLE_WORDS, min_size=1, max_size=24).map(" ".join),
        st.text(max_size=40),
    ),
    st.sampled_from(["", ".", ".'", " ."]),
    st.booleans(),
)
def test_title_like_screen_agrees_with_the_full_test(words: str, end: str, alone: bool) -> None:
    line = words + end
    assert is_title_like(line, alone=alone) == _title_like_reference(line, alone=alone)


def test_title_like_screen_character_facts() -> None:
    """The screen reads 'no upper-case letter' from str.islower(), which is false for
    any string holding a character that str.isupper() accepts."""
    for c in _all_characters():
        if c.isupper():
            assert not ("a" + c).islower()
