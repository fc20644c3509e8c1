"""The model's one-call validators and converters accept and reject what attrs' own
validators and the enums' calls accept and reject, with the same errors."""

from __future__ import annotations

import datetime

import attrs
import pytest

from quotekit import Attribution, Cue, Quote, QuoteKind, Resolution, Span, Speaker, SpeakerKind

SPAN = Span(0, 3)
OPTIONAL_FIELDS = [
    (Speaker, {"name": "Ana"}, "span", Span),
    (Speaker, {"name": "Ana"}, "role", str),
    (Speaker, {"name": "Ana"}, "id", str),
    (Quote, {"text": "x", "span": SPAN, "kind": "direct"}, "speaker", Speaker),
    (Quote, {"text": "x", "span": SPAN, "kind": "direct"}, "cue", Cue),
    (Quote, {"text": "x", "span": SPAN, "kind": "direct"}, "via", Speaker),
    (Quote, {"text": "x", "span": SPAN, "kind": "direct"}, "doc_id", str),
    (Quote, {"text": "x", "span": SPAN, "kind": "direct"}, "outlet", str),
    (Quote, {"text": "x", "span": SPAN, "kind": "direct"}, "published", datetime.date),
]


@pytest.mark.parametrize(("cls", "given", "field", "type_"), OPTIONAL_FIELDS)
def test_a_wrong_type_raises_what_attrs_raises(
    cls: type, given: dict[str, object], field: str, type_: type
) -> None:
    attribute = attrs.fields_dict(cls)[field]
    reference = attrs.validators.optional(attrs.validators.instance_of(type_))
    with pytest.raises(TypeError) as expected:
        reference(None, attribute, 42)
    with pytest.raises(TypeError) as raised:
        cls(**given, **{field: 42})
    assert raised.value.args[0] == expected.value.args[0]
    assert cls(**given, **{field: None}) == cls(**given)


REQUIRED_FIELDS = [
    (Speaker, {"name": "Ana"}, "name", str),
    (Speaker, {"name": "Ana"}, "mention", str),
    (Cue, {"text": "said", "lemma": "say", "span": SPAN}, "text", str),
    (Cue, {"text": "said", "lemma": "say", "span": SPAN}, "lemma", str),
    (Cue, {"text": "said", "lemma": "say", "span": SPAN}, "span", Span),
    (Quote, {"text": "x", "span": SPAN, "kind": "direct"}, "text", str),
    (Quote, {"text": "x", "span": SPAN, "kind": "direct"}, "span", Span),
]


@pytest.mark.parametrize(("cls", "given", "field", "type_"), REQUIRED_FIELDS)
def test_a_required_field_of_a_wrong_type_raises_what_attrs_raises(
    cls: type, given: dict[str, object], field: str, type_: type
) -> None:
    attribute = attrs.fields_dict(cls)[field]
    for wrong in (None, 42):
        with pytest.raises(TypeError) as expected:
            attrs.validators.instance_of(type_)(None, attribute, wrong)
        with pytest.raises(TypeError) as raised:
            cls(**{**given, field: wrong})
        assert raised.value.args[0] == expected.value.args[0]


def test_enum_fields_take_members_and_values() -> None:
    speaker = Speaker(name="Ana", kind="organisation", resolution="pronoun")
    assert speaker.kind is SpeakerKind.ORGANISATION
    assert speaker.resolution is Resolution.PRONOUN
    quote = Quote(text="x", span=SPAN, kind=QuoteKind.TERM, attribution="continuation")
    assert quote.kind is QuoteKind.TERM
    assert quote.attribution is Attribution.CONTINUATION
    with pytest.raises(ValueError):
        Speaker(name="Ana", kind="robot")
    with pytest.raises(ValueError):
        Quote(text="x", span=SPAN, kind="speech")


def test_flags_are_sorted_and_checked_unless_there_are_none() -> None:
    assert Quote(text="x", span=SPAN, kind="direct", flags=()).flags == ()
    assert Quote(text="x", span=SPAN, kind="direct", flags=frozenset()).flags == ()
    flags = Quote(text="x", span=SPAN, kind="direct", flags=["unclosed", "nested"]).flags
    assert flags == ("nested", "unclosed")
    with pytest.raises(ValueError):
        Quote(text="x", span=SPAN, kind="direct", flags="")


def _span_fault(start: object, end: object) -> tuple[type, str] | None:
    """The error the two offset validators and the order check used to raise, in turn."""
    for name, value in (("start", start), ("end", end)):
        if type(value) is not int:
            return TypeError, f"{name} must be int, not {type(value).__name__}"
        if value < 0:  # type: ignore[operator]
            return ValueError, f"{name} must be >= 0, got {value}"
    if end < start:  # type: ignore[operator]
        return ValueError, f"span end {end} is before its start {start}"
    return None


@pytest.mark.parametrize("start", [0, 3, -1, True, 1.0, "2", None])
@pytest.mark.parametrize("end", [0, 3, 7, -2, False, 2.5, None])
def test_span_checks_both_offsets_then_their_order(start: object, end: object) -> None:
    fault = _span_fault(start, end)
    if fault is None:
        span = Span(start, end)  # type: ignore[arg-type]
        assert (span.start, span.end) == (start, end)
        return
    with pytest.raises(fault[0]) as raised:
        Span(start, end)  # type: ignore[arg-type]
    assert str(raised.value) == fault[1]
    with pytest.raises(fault[0]):
        attrs.evolve(Span(0, 0), start=start, end=end)
