"""The data model: validation at the boundary and an exact JSON round trip."""

from __future__ import annotations

import datetime as dt
import json
import pickle

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import quotekit
from quotekit import Attribution, Cue, Quote, QuoteKind, Resolution, Span, Speaker, SpeakerKind


def _quote(**changes: object) -> Quote:
    base = Quote(
        text="We will rebuild.",
        span=Span(10, 26),
        kind=QuoteKind.DIRECT,
        speaker=Speaker(
            name="Ana Lopez",
            mention="Mayor Ana Lopez",
            span=Span(33, 48),
            titles=("Mayor",),
            role="head of the city council",
            kind=SpeakerKind.PERSON,
            id="Q42",
            resolution=Resolution.NAME,
        ),
        cue=Cue("said", "say", Span(28, 32)),
        via=Speaker(name="Daily Courier", kind=SpeakerKind.ORGANISATION),
        doc_id="doc-1",
        confidence=0.9,
        flags=("unclosed",),
        attribution=Attribution.ADJACENT,
        outlet="Daily Courier",
        published=dt.date(2019, 1, 7),
    )
    return attrs.evolve(base, **changes)


def test_span_validates() -> None:
    assert len(Span(3, 7)) == 4
    with pytest.raises(ValueError):
        Span(5, 4)
    with pytest.raises(ValueError):
        Span(-1, 4)
    with pytest.raises(TypeError):
        Span(1.0, 2)  # type: ignore[arg-type]


def test_models_are_frozen() -> None:
    quote = _quote()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        quote.text = "x"  # type: ignore[misc]


def test_round_trip_is_exact() -> None:
    quote = _quote()
    record = quote.to_dict()
    assert record["schema"] == quotekit.SCHEMA_VERSION
    assert Quote.from_dict(record) == quote
    assert Quote.from_dict(json.loads(json.dumps(record))) == quote


def test_round_trip_with_datetime_and_nones() -> None:
    quote = _quote(
        speaker=None, cue=None, via=None, published=dt.datetime(2019, 1, 7, 11, 7, 54), flags=()
    )
    assert Quote.from_dict(json.loads(json.dumps(quote.to_dict()))) == quote


def test_record_has_the_flat_keys() -> None:
    record = _quote().to_dict()
    for key in ("doc", "start", "end", "text", "kind", "speaker", "speaker_mention", "cue", "via"):
        assert key in record
    assert record["speaker"] == "Ana Lopez"
    assert record["via"] == "Daily Courier"


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda r: r.pop("text"), "text"),
        (lambda r: r.update(start="3"), "start"),
        (lambda r: r.update(start=30, end=3), "end"),
        (lambda r: r.update(kind="quip"), "kind"),
        (lambda r: r.update(confidence=True), "confidence"),
        (lambda r: r.update(flags="unclosed"), "flags"),
        (lambda r: r["speaker_info"].pop("name"), "speaker_info.name"),
        (lambda r: r["cue_info"].update(start=None), "cue_info.start"),
        (lambda r: r.update(published="yesterday"), "published"),
    ],
)
def test_bad_records_name_the_field(mutate: object, field: str) -> None:
    record = _quote().to_dict()
    mutate(record)  # type: ignore[operator]
    with pytest.raises(quotekit.RecordError) as info:
        Quote.from_dict(record)
    assert info.value.field == field
    assert isinstance(info.value, ValueError)


def test_unknown_schema_version() -> None:
    record = _quote().to_dict()
    record["schema"] = 99
    with pytest.raises(quotekit.SchemaVersionError) as info:
        Quote.from_dict(record)
    assert info.value.value == 99


def test_not_a_mapping() -> None:
    with pytest.raises(quotekit.RecordError):
        Quote.from_dict([1, 2])  # type: ignore[arg-type]


def test_confidence_and_flags_validated() -> None:
    with pytest.raises(ValueError):
        _quote(confidence=1.5)
    with pytest.raises(ValueError):
        _quote(flags=("sparkly",))


# --- any JSON-like value: a Quote or a RecordError naming the field ------------------------

_scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.sampled_from(["direct", "unclosed", "person", "name", "adjacent", "2019-01-07"])
)
_json = st.recursive(
    _scalars,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)
_FIELDS = sorted(_quote().to_dict()) + [
    f"{outer}.{inner}"
    for outer in ("speaker_info", "cue_info")
    for inner in _quote().to_dict()[outer]
]
# Keys kept for reading only: from_dict rebuilds the quote from the *_info objects.
_MISSING = object()
_FLAT_ONLY = {"speaker", "speaker_mention", "cue", "via"}


@settings(max_examples=150, deadline=None)
@given(_json)
def test_any_json_value_is_a_quote_or_a_record_error(value: object) -> None:
    try:
        quote = Quote.from_dict(value)  # type: ignore[arg-type]
    except quotekit.RecordError:
        return
    assert Quote.from_dict(json.loads(json.dumps(quote.to_dict()))) == quote


@settings(max_examples=250, deadline=None)
@given(st.sampled_from(_FIELDS), st.one_of(_scalars, _json, st.just(_MISSING)))
@example("confidence", 1.5)  # regression: blamed on "record", not the field
@example("confidence", float("nan"))
@example("flags", ["sparkly"])
@example("schema", 2)
def test_a_bad_field_is_named(field: str, value: object) -> None:
    record = _quote().to_dict()
    *outer, key = field.split(".")
    target = record[outer[0]] if outer else record
    if value is _MISSING:
        del target[key]
    else:
        target[key] = value
    try:
        quote = Quote.from_dict(record)
    except quotekit.RecordError as error:
        if key in ("start", "end"):  # an end before its start may be blamed on either
            assert error.field in {f"{outer[0]}.{k}" if outer else k for k in ("start", "end")}
        else:
            # The field itself, or a key inside it when the value is an object.
            assert error.field == field or error.field.startswith(f"{field}."), error
        return
    # Accepted: a value of the right type and range, which the record keeps.
    assert Quote.from_dict(quote.to_dict()) == quote
    if field not in _FLAT_ONLY and value is not _MISSING:
        written = quote.to_dict()[outer[0]] if outer else quote.to_dict()
        assert json.dumps(written[key]) == json.dumps(value) or key in ("confidence", "flags")


def test_quotes_and_configs_pickle_for_process_pools() -> None:
    # Process pools (quotekit extract --jobs, ProcessPoolExecutor) send these across.
    text = "“We are ready,” said Minister Ana Lopez. She said the bridge will open."
    quotes = quotekit.extract(text)
    assert quotes and pickle.loads(pickle.dumps(quotes)) == quotes
    config = quotekit.ExtractConfig(include_terms=True)
    again = pickle.loads(pickle.dumps(config))
    assert quotekit.extract(text, config=again) == quotekit.extract(text, config=config)
