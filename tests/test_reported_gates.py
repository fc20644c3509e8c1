"""The cheap looks around a cue before any tokenizing (``_reported._worth_reading``) were
rewritten for speed; each must find exactly what the plain pattern it replaced finds."""

from __future__ import annotations

import re
from collections.abc import Iterable
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotekit import _reported, default_lexicon
from quotekit._lexicon import Lexicon
from quotekit._tokens import tokenize
from strategies import any_text, news_text

# The patterns as first written: the plain reading of each rule.
_WORD_BEFORE = re.compile(r"([\w'’]{1,30})[ \t]{1,3}$")
_THAT_NEAR = re.compile(r"[^.;:!?\"“”\n]{0,70}?\bthat\b")

# Pieces that make words, white space, line breaks and "that" collide often.
_PIECES = (
    "a",
    "B",
    "é",
    "_",
    "'",
    "’",
    " ",
    "\t",
    "  ",
    "\n",
    "\r\n",
    ",",
    ".",
    "“",
    "1",
    "-",
    "\u00a0",
    "\u2028",
    "x" * 29,
    "y" * 35,
    "that",
    "thats",
    "said",
    "athat",
)
_texts = st.one_of(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join), any_text)


def _word_before(text: str, pos: int) -> str | None:
    found = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
    return None if found is None else found.group(1)


@settings(max_examples=400, deadline=None)
@given(_texts, st.floats(0, 1))
def test_word_before_reads_what_the_search_finds(text: str, where: float) -> None:
    pos = round(where * len(text))
    assert _reported._word_before(text, pos) == _word_before(text, pos)


def test_word_before_examples() -> None:
    assert _reported._word_before("Officials  said", 11) == "Officials"
    assert _reported._word_before("Officials \nsaid", 11) == "Officials"
    assert _reported._word_before("Officials    said", 13) is None
    assert _reported._word_before("people, said", 8) is None
    assert _reported._word_before("x" * 40 + " said", 41) == "x" * 30


@settings(max_examples=400, deadline=None)
@given(_texts, st.floats(0, 1))
def test_that_near_finds_what_the_plain_pattern_finds(text: str, where: float) -> None:
    pos = round(where * len(text))
    fast = _reported._THAT_NEAR.match(text, pos)
    plain = _THAT_NEAR.match(text, pos)
    assert (fast is None) == (plain is None)
    if fast is not None and plain is not None:
        assert fast.span() == plain.span()
    assert _reported._that_near(text, pos) == (plain is not None)  # with its "find" gate


class _EveryWord:
    """A word set that holds every word: no early exit is ever taken."""

    def __contains__(self, word: object) -> bool:
        return True


_ADJUNCTS = (
    "said on Tuesday that",
    "said last week that",
    "wrote on March 19, 1989 that",
    "said in a recent interview with CNN that",
    "said yesterday the",
    "told reporters Dec. 6 that",
    "said recently that",
    "said again, that",
    "said in affirming that",
)


@settings(max_examples=150, deadline=None)
@given(st.one_of(news_text(), st.sampled_from(_ADJUNCTS)))
def test_skip_adjuncts_early_exit_changes_nothing(text: str) -> None:
    lexicon = default_lexicon()
    tokens = tokenize(text, 0, len(text), lexicon)
    fast = [_reported._skip_adjuncts(tokens, i, lexicon) for i in range(len(tokens) + 1)]
    with mock.patch.object(_reported, "_adjunct_openers", lambda _lexicon: _EveryWord()):
        slow = [_reported._skip_adjuncts(tokens, i, lexicon) for i in range(len(tokens) + 1)]
    assert fast == slow


def _plain_cues(text: str, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """The cues found by the pattern as first written: word boundaries on both sides."""
    pattern, _entries = _reported._cue_pattern(lexicon)
    body = pattern.pattern.split("(", 1)[1].rsplit(")", 1)[0]
    plain = re.compile(r"\b(" + body + r")\b")
    return [(m.start(1), m.end(1), m.group(1)) for m in plain.finditer(text)]


_CUE_TEXT = st.lists(
    st.sampled_from(
        (
            *("said", "Said", "says", "told reporters", "according to", "According to", "'s"),
            *(
                "s",
                " ",
                "  ",
                "\n",
                ",",
                "-",
                "_",
                "x",
                "é",
                "“",
                "'",
                "1",
                "U.S.",
                "made it clear",
            ),
        )
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_CUE_TEXT, news_text(), any_text))
def test_cues_are_those_of_the_plain_pattern(text: str) -> None:
    lexicon = default_lexicon()
    assert list(_reported._cues(text, lexicon)) == _plain_cues(text, lexicon)


@settings(max_examples=100, deadline=None)
@given(_CUE_TEXT)
def test_cue_forms_opening_with_punctuation_keep_word_boundaries(text: str) -> None:
    # A user's cue that starts with no word character: the pattern opens with \b again.
    lexicon = default_lexicon().extend(cues=[("apostrophe", ["'s said"], ["bare"])])
    assert _reported._cue_pattern(lexicon)[0].pattern.startswith(r"\b")
    assert list(_reported._cues(text, lexicon)) == _plain_cues(text, lexicon)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_CUE_TEXT, news_text(), any_text), st.floats(0, 1), st.floats(0, 1))
def test_a_trimmed_clause_with_no_marks_is_kept_as_it_is(text: str, a: float, b: float) -> None:
    # _around_marks returns a clause with no quotation in it unchanged: _trim would give
    # the same span again.
    lo, hi = sorted((round(a * len(text)), round(b * len(text))))
    content = _reported._trim(text, lo, hi)
    if content is not None:
        assert _reported._trim(text, content.start, content.end) == content
        assert _reported._around_marks(text, content, [], []) == content


@settings(max_examples=200, deadline=None)
@given(st.one_of(news_text(), any_text))
def test_no_label_without_a_colon(text: str) -> None:
    # _labelled_paragraphs skips a text with no colon without searching it.
    if ":" not in text:
        assert _reported._LABEL.search(text) is None


_LABEL_PIECES = ("\n", "\r\n", "Q", "A", "SMITH", "MARIA", " ", "OKAFOR", ":", " \t", "x", "é", "“")


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(_LABEL_PIECES), max_size=30).map("".join), news_text()))
def test_label_scan_finds_what_the_line_start_pattern_finds(text: str) -> None:
    # _labels jumps from line break to line break instead of trying "^" everywhere.
    def read(matches: Iterable[re.Match[str]]) -> list[tuple[int, int, int]]:
        return [(m.start(1), m.end(1), m.end()) for m in matches]

    assert read(_reported._labels(text)) == read(_reported._LABEL.finditer(text))


@pytest.mark.parametrize(
    ("text", "cue", "to_verb", "expected"),
    [
        ("The bridge will close, the mayor said on Friday.", "said", False, True),
        (
            "Ruiz won, the board declared on Monday, two days after the vote.",
            "declared",
            False,
            True,
        ),
        ("Adelson said on Friday he met the candidate this week.", "said", False, True),
        ("The senator vowed last month to take the fight to the floor.", "vowed", True, True),
        # No statement can follow: not read in full.
        (
            "The mayor said in a statement released by her office on Friday night.",
            "said",
            False,
            False,
        ),
        (
            "The senator vowed last month at a rally in the capital city of the state.",
            "vowed",
            True,
            False,
        ),
    ],
)
def test_adjunct_after_cue_is_read_only_when_a_statement_may_follow(
    text: str, cue: str, to_verb: bool, expected: bool
) -> None:
    start = text.index(cue)
    assert _reported._past_adjunct(text, start, start + len(cue), to_verb=to_verb) is expected
