"""``background_names(..., until=...)`` only drops the names starting after ``until``,
though it stops reading the text soon after it."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quotekit
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
