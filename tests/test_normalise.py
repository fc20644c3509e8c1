"""normalise_quote_text: its fast path (printable text with single spaces) gives what
every step would."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotekit import normalise_quote_text
from quotekit._normalise import _TRANSLATE, _normalise_all
from strategies import HOSTILE_CHARS, any_text, hostile_news

# Text that takes the fast path often: printable characters, the ones translated one for
# one, quote marks at the edges and single spaces, with a hostile character now and then.
_PRINTABLE = st.lists(
    st.sampled_from(
        (
            *("a", "Z", " ", "'", '"', "“", "”", "‘", "’", "«", "»", "…", "–", "é", "\ufffd"),
            *(chr(k) for k in _TRANSLATE),
            *HOSTILE_CHARS,
        )
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_PRINTABLE, any_text, hostile_news))
def test_fast_path_agrees_with_every_step(raw: str) -> None:
    assert normalise_quote_text(raw) == _normalise_all(raw)


def test_fast_path_cases() -> None:
    for raw in ("Mayor Ana Lopez", " “We will win.” ", "It’s … fine", "a\ufffd b", "a  b"):
        assert normalise_quote_text(raw) == _normalise_all(raw)
    assert normalise_quote_text("“It’s fine…”") == "It's fine..."


def test_a_mark_behind_a_separator_goes_at_once() -> None:
    # U+001F is whitespace to str.strip but not to \s: the mark before it used to stay
    # until a second normalisation removed it.
    for raw in ("0'\x1f", "\x1c“We will.”\x1d", "x\x1e'\x1f "):
        once = normalise_quote_text(raw)
        assert normalise_quote_text(once) == once
    assert normalise_quote_text("0'\x1f") == "0"
