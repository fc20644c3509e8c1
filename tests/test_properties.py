"""Invariants of ``extract`` and the data model, checked on generated input.

Any ``str`` is valid input; every quote points at exactly the characters it claims, in
document order; the output is deterministic and does not depend on what comes before
a document; records survive JSON. (``compare`` has its own properties in
``test_compare.py``.)
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quotekit
from quotekit import Cue, Quote, Span, Speaker, normalise_quote_text
from strategies import HOSTILE_CHARS, any_text, check_quotes, hostile_news, news_text, texts

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texts)
def test_any_text_gives_valid_quotes(text: str) -> None:
    check_quotes(text, quotekit.extract(text, include_terms=True))


@settings(max_examples=40, deadline=None)
@given(hostile_news, st.sampled_from(["\r\n", "\r", "\u2028", "\u200b\n", "\n\ufeff"]))
def test_line_endings_do_not_move_quotes(text: str, ending: str) -> None:
    """The same document with other line endings gives the same quote texts."""
    converted = text.replace("\r\n", "\n").replace("\r", "\n")
    other = converted.replace("\n", ending)
    check_quotes(other, quotekit.extract(other, include_terms=True))
    plain = [q.text for q in quotekit.extract(converted, include_terms=True)]
    assert [q.text for q in quotekit.extract(other, include_terms=True)] == plain


@settings(max_examples=50, deadline=None)
@given(texts)
def test_deterministic(text: str) -> None:
    first = quotekit.extract(text, include_terms=True)
    assert quotekit.extract(text, include_terms=True) == first


_SUBPROCESS = """
import json, sys
import quotekit
with open(sys.argv[1], encoding="utf-8", errors="surrogatepass", newline="") as f:
    text = f.read()
print(json.dumps([q.to_dict() for q in quotekit.extract(text, include_terms=True)]))
"""


def test_deterministic_across_processes(tmp_path: Path) -> None:
    """A fresh interpreter (new hash seed) gives the same records."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in seeds)
    text += "\r\n" + "".join(HOSTILE_CHARS) + '"Unclosed, said Ana Lopez.\r\n'
    path = tmp_path / "input.txt"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    here = [q.to_dict() for q in quotekit.extract(text, include_terms=True)]
    outputs = []
    for hash_seed in ("1", "2"):
        result = subprocess.run(
            [sys.executable, "-c", _SUBPROCESS, str(path)],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": hash_seed, "PATH": ""},
        )
        outputs.append(json.loads(result.stdout))
    assert outputs[0] == outputs[1] == json.loads(json.dumps(here))


def test_surrogate_pair_in_a_quote_survives_json() -> None:
    """Regression: two lone surrogates side by side in a quote became one astral
    character after json.dumps/json.loads, so the record no longer matched."""
    text = 'Ana Lopez said: "We are \ud800\udfff ready for the budget vote today."'
    [quote] = quotekit.extract(text)
    assert "\ud800" not in quote.text
    assert Quote.from_dict(json.loads(json.dumps(quote.to_dict()))) == quote
    quote.text.encode("utf-8")


# Paragraphs that say nothing: no quote marks, cue verbs, names or pronouns.
_FILLER = (
    "the weather stayed mild all week and the river was calm in the mornings",
    "markets opened late because of the holiday and trading was thin",
    "the road works on the northern bridge will take another three months",
    "prices of rice and fish were stable at the central market",
)
# A long first line: not a headline, byline or dateline, so the documents after it are
# read as body text both with and without the filler.
_LEAD = "This report was compiled from several wire stories and local newspaper accounts today."


def _shift(q: Quote, delta: int) -> Quote:
    def speaker(s: Speaker | None) -> Speaker | None:
        if s is None or s.span is None:
            return s
        return attrs.evolve(s, span=s.span.shifted(delta))

    cue = None if q.cue is None else attrs.evolve(q.cue, span=q.cue.span.shifted(delta))
    return attrs.evolve(
        q, span=q.span.shifted(delta), speaker=speaker(q.speaker), via=speaker(q.via), cue=cue
    )


@settings(max_examples=50, deadline=None)
@given(
    news_text(),
    st.lists(st.sampled_from(_FILLER), min_size=1, max_size=4),
    st.sampled_from(["\n\n", "\n", "\r\n\r\n"]),
)
def test_unrelated_paragraphs_before_only_shift(doc: str, filler: list[str], sep: str) -> None:
    before = _LEAD + sep
    inserted = sep.join(f"{s.capitalize()}." for s in filler) + sep
    base = quotekit.extract(before + doc, include_terms=True)
    moved = quotekit.extract(before + inserted + doc, include_terms=True)
    assert moved == [_shift(q, len(inserted)) for q in base]


_dates = st.one_of(
    st.none(),
    st.dates(),
    st.datetimes(timezones=st.one_of(st.none(), st.just(dt.timezone.utc))),
)
_spans = st.tuples(st.integers(0, 10**6), st.integers(0, 10**6)).map(lambda p: Span(min(p), max(p)))
_speakers = st.builds(
    Speaker,
    name=any_text,
    mention=any_text,
    span=st.one_of(st.none(), _spans),
    titles=st.lists(any_text, max_size=3).map(tuple),
    role=st.one_of(st.none(), any_text),
    kind=st.sampled_from(quotekit.SpeakerKind),
    id=st.one_of(st.none(), any_text),
    resolution=st.sampled_from(quotekit.Resolution),
)
_quotes = st.builds(
    Quote,
    text=any_text,
    span=_spans,
    kind=st.sampled_from(quotekit.QuoteKind),
    speaker=st.one_of(st.none(), _speakers),
    cue=st.one_of(st.none(), st.builds(Cue, any_text, any_text, _spans)),
    via=st.one_of(st.none(), _speakers),
    doc_id=st.one_of(st.none(), any_text),
    confidence=st.floats(0.0, 1.0),
    flags=st.lists(st.sampled_from(sorted(quotekit._model.KNOWN_FLAGS))).map(tuple),
    attribution=st.sampled_from(quotekit.Attribution),
    outlet=st.one_of(st.none(), any_text),
    published=_dates,
)


@SETTINGS
@given(_quotes)
def test_record_round_trip(quote: Quote) -> None:
    record = quote.to_dict()
    assert Quote.from_dict(record) == quote
    assert Quote.from_dict(json.loads(json.dumps(record))) == quote


@settings(max_examples=40, deadline=None)
@given(texts, st.one_of(st.none(), any_text))
def test_extracted_records_round_trip(text: str, doc_id: str | None) -> None:
    for quote in quotekit.extract(text, doc_id=doc_id, include_terms=True):
        assert Quote.from_dict(json.loads(json.dumps(quote.to_dict()))) == quote


@SETTINGS
@given(st.one_of(any_text, hostile_news, st.lists(st.sampled_from(HOSTILE_CHARS)).map("".join)))
def test_normalise_is_idempotent(raw: str) -> None:
    once = normalise_quote_text(raw)
    assert normalise_quote_text(once) == once


@pytest.mark.parametrize("bad", [None, b"bytes", 42, ["a list"]])
def test_non_str_input_is_a_type_error(bad: object) -> None:
    with pytest.raises(quotekit.InputTypeError):
        quotekit.extract(bad)  # type: ignore[arg-type]
