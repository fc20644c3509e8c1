"""``background_names(..., until=...)`` only drops the names starting after ``until``,
though it stops reading the text soon after it."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quotekit
from quotekit import _coref
from quotekit._coref import background_names
from strategies import news_text

LEXICON = quotekit.default_lexicon()

# Pieces that put titles, pronouns and long runs near the bound.
_PIECES = (
    "His",
    "Her",
    "his",
    "he",
    "she",
    "Hun Sen",
    "Mr.",
    "Lt.",
    "Gen.",
    "O'",
    "van",
    "of",
    "thanks",
    "said",
    "newspaper",
    "Ministry",
    " ",
    " ",
    ".",
    ",",
    "(CPP)",
    "\n",
)
pieces = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)
# Names followed by descriptors, glosses and other words, in any case and script.
_DESCRIBED = (
    "Khmer Times",
    "newspaper",
    "Newspaper",
    "NEWSPAPER",
    "news",
    "daily",
    "dailies",
    "(The People)",
    "(CPP)",
    "(x",
    "said",
    "über",
    "İstanbul",
    "ne",
    "n",
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(pieces, news_text()), st.data())
def test_until_only_drops_later_names(text: str, data: st.DataObject) -> None:
    until = data.draw(st.integers(-1, len(text)))
    skip = [(0, data.draw(st.integers(0, len(text))))] if data.draw(st.booleans()) else []
    every = background_names(text, [(0, len(text))], LEXICON, skip)
    assert background_names(text, [(0, len(text))], LEXICON, skip, until=until) == [
        (pos, name) for pos, name in every if pos <= until
    ]


def test_a_title_before_the_bound_keeps_its_name() -> None:
    text = "He met Lt. Gen. Sok Chea on Monday."
    until = text.index("Lt.")
    assert (until, "Lt. Gen. Sok Chea") in background_names(
        text, [(0, len(text))], LEXICON, until=until
    )


def test_a_run_as_long_as_can_be_is_read_whole() -> None:
    word = "A" + "b" * 40
    run = " ".join([word] + ["van " + word] * 5)
    text = "x " + run + " said."
    found = background_names(text, [(0, len(text))], LEXICON, until=2)
    assert found == [(2, run)]


class _Everything:
    """A set that holds every string: the trailer look-up runs after every name."""

    def __contains__(self, item: object) -> bool:
        return True


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(pieces, news_text(), st.lists(st.sampled_from(_DESCRIBED)).map(" ".join)))
def test_the_descriptor_gate_changes_nothing(text: str) -> None:
    gated = background_names(text, [(0, len(text))], LEXICON)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_coref, "_descriptor_starts", lambda lexicon: _Everything())
        assert background_names(text, [(0, len(text))], LEXICON) == gated


def test_descriptors_and_acronyms_still_close_a_name() -> None:
    text = (
        "the Cambodia Daily newspaper said; the Pracheachon (The People) newspaper; "
        "Party (CPP) said"
    )
    names = [name for _pos, name in background_names(text, [(0, len(text))], LEXICON)]
    assert "Cambodia Daily newspaper" in names
    assert "Pracheachon (The People) newspaper" in names
    assert "Party (CPP)" in names


# Pronouns after every kind of character: letters of any script, digits, marks, spaces.
_AROUND = ("he ", "she ", "his ", "her ", "His ", "Her ", "He ", "Hhe ", "sis ", "se ", "the ")
around = st.lists(
    st.one_of(st.sampled_from(_AROUND), st.characters(), st.sampled_from(("x", "é", "_", "1"))),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(around, pieces, news_text()), st.data())
def test_possessive_places_are_all_found(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    expected = [m.span() for m in _coref._POSSESSIVE.finditer(text, start, end)]
    assert _coref._possessives(text, start, end) == expected


def _title_start_everywhere(text: str, start: int, first: int) -> int:
    """_title_start without its shortcut: the title pattern tried before every run."""
    for _ in range(_coref.MAX_TITLES_BEFORE):
        if first - 2 < start or text[first - 2 : first] != ". ":
            break
        title = _coref._TITLE_BEFORE.search(text, max(start, first - 8), first)
        if title is None or LEXICON.match_title([title.group(1) + "."], 0) is None:
            break
        first = title.start()
    return first


_BEFORE_A_NAME = (
    "Mr. ",
    "Lt. ",
    "Gen. ",
    "said. ",
    "2020. ",
    "U.S. ",
    "Dr. ",
    "Ém. ",
    "x ",
    "Sen. ",
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_BEFORE_A_NAME), max_size=6).map("".join), st.data())
def test_the_title_shortcut_changes_nothing(before: str, data: st.DataObject) -> None:
    text = before + "Sok Chea"
    first = len(before)
    start = data.draw(st.integers(0, first))
    expected = _title_start_everywhere(text, start, first)
    assert _coref._title_start(text, start, first, LEXICON) == expected
