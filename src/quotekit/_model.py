"""The data model: spans, speakers, cues and quotes, and their JSON record form.

Every class is a frozen attrs class: values, not objects with identity. Use
``attrs.evolve`` to derive a changed copy. Validation happens here, at the boundary,
so the rest of the pipeline can trust what it holds.
"""

from __future__ import annotations

import datetime as _dt
import enum
import math
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs

from .errors import RecordError, SchemaVersionError

#: Version of the JSON record format written by :meth:`Quote.to_dict`.
SCHEMA_VERSION = 1


class QuoteKind(str, enum.Enum):
    """What kind of quotation a :class:`Quote` is."""

    DIRECT = "direct"  #: a statement in quote marks
    PARTIAL = "partial"  #: a fragment in marks inside the author's own sentence
    BLOCK = "block"  #: paragraph(s) introduced by "X said:", with or without marks
    INDIRECT = "indirect"  #: reported speech ("X said that ...", "according to X, ...")
    TERM = "term"  #: marks that are not a statement: scare quotes, titles, names, slogans


class SpeakerKind(str, enum.Enum):
    """What sort of entity a :class:`Speaker` is."""

    PERSON = "person"
    ORGANISATION = "organisation"
    UNKNOWN = "unknown"


class Attribution(str, enum.Enum):
    """Where the speaker of a quote was found, from most to least reliable."""

    ADJACENT = "adjacent"  #: a cue and a name next to the quote, in its sentence
    PREVIOUS_SENTENCE = "previous_sentence"  #: named in an earlier sentence of the paragraph
    CONTINUATION = "continuation"  #: the speaker of the quote just before (a quote run)
    NONE = "none"  #: no speaker found


class Resolution(str, enum.Enum):
    """How a speaker mention was mapped to its canonical name."""

    NAME = "name"  #: the mention contains the full name itself
    SHORT_NAME = "short_name"  #: part of a full name seen earlier ("Mey" -> "Chum Mey")
    PRONOUN = "pronoun"  #: a pronoun ("he", "she", "it", "they")
    DESCRIPTION = "description"  #: a definite description ("the minister", "the newspaper")
    REGISTRY = "registry"  #: an alias in a :class:`SpeakerRegistry`
    UNRESOLVED = "unresolved"  #: nothing to resolve it to; ``name`` is the mention


#: Irregularities a quote can carry in ``Quote.flags``.
FLAG_UNCLOSED = "unclosed"  # the quote was never closed; recovered at a paragraph boundary
FLAG_UNOPENED = "unopened"  # a closing mark with no opening mark
FLAG_MISMATCHED = "mismatched_marks"  # opened and closed with marks of different styles
FLAG_MULTI_PARAGRAPH = "multi_paragraph"  # spans paragraphs (each reopened with a mark)
FLAG_NESTED = "nested"  # contains a quotation inside it
FLAG_UNMARKED = "unmarked"  # a block quote with no quote marks at all
KNOWN_FLAGS = frozenset(
    {
        FLAG_UNCLOSED,
        FLAG_UNOPENED,
        FLAG_MISMATCHED,
        FLAG_MULTI_PARAGRAPH,
        FLAG_NESTED,
        FLAG_UNMARKED,
    }
)


def _span_error(start: Any, end: Any) -> Exception:
    """What is wrong with a span's offsets, the start's faults first."""
    for name, value in (("start", start), ("end", end)):
        if type(value) is not int:
            return TypeError(f"{name} must be int, not {type(value).__name__}")
        if value < 0:
            return ValueError(f"{name} must be >= 0, got {value}")
    return ValueError(f"span end {end} is before its start {start}")


# Every quote the pipeline builds goes through the validators and converters below:
# each does in one plain call what attrs' own validator or the enum's call does.
def _instance_of(type_: type) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """``attrs.validators.instance_of(type_)``, which is left to raise its usual error."""
    full: Callable[[Any, attrs.Attribute[Any], Any], None] = attrs.validators.instance_of(type_)

    def validate(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, type_):
            full(inst, attribute, value)

    return validate


def _optional(type_: type) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """``attrs.validators.optional(attrs.validators.instance_of(type_))``, which is left
    to raise its usual error."""
    full = attrs.validators.optional(attrs.validators.instance_of(type_))

    def validate(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and not isinstance(value, type_):
            full(inst, attribute, value)

    return validate


# Each enum converts its values, and a member it is given is returned as it is: named
# functions, which the attrs plugin of mypy can read.
def _speaker_kind(value: Any) -> SpeakerKind:
    return value if type(value) is SpeakerKind else SpeakerKind(value)


def _resolution(value: Any) -> Resolution:
    return value if type(value) is Resolution else Resolution(value)


def _quote_kind(value: Any) -> QuoteKind:
    return value if type(value) is QuoteKind else QuoteKind(value)


def _attribution(value: Any) -> Attribution:
    return value if type(value) is Attribution else Attribution(value)


@attrs.frozen(order=True)
class Span:
    """Half-open character offsets ``[start, end)`` into the caller's original string."""

    start: int
    end: int

    def __attrs_post_init__(self) -> None:
        # Every stage makes spans: both offsets are checked in this one call.
        start, end = self.start, self.end
        if type(start) is not int or type(end) is not int or not 0 <= start <= end:
            raise _span_error(start, end)

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self, text: str) -> str:
        """Return ``text[start:end]``."""
        return text[self.start : self.end]

    def overlap(self, other: Span) -> int:
        """Number of characters this span shares with ``other``."""
        return max(0, min(self.end, other.end) - max(self.start, other.start))

    def shifted(self, delta: int) -> Span:
        """This span moved by ``delta`` characters."""
        return Span(self.start + delta, self.end + delta)


def _tuple_of_str(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value)


@attrs.frozen
class Speaker:
    """Who a quote is credited to: the canonical name and the mention it came from."""

    name: str = attrs.field(validator=_instance_of(str))
    mention: str = attrs.field(default="", validator=_instance_of(str))
    span: Span | None = attrs.field(default=None, validator=_optional(Span))
    titles: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    role: str | None = attrs.field(default=None, validator=_optional(str))
    kind: SpeakerKind = attrs.field(default=SpeakerKind.PERSON, converter=_speaker_kind)
    id: str | None = attrs.field(default=None, validator=_optional(str))
    resolution: Resolution = attrs.field(default=Resolution.NAME, converter=_resolution)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form of this speaker."""
        return {
            "name": self.name,
            "mention": self.mention,
            "start": None if self.span is None else self.span.start,
            "end": None if self.span is None else self.span.end,
            "titles": list(self.titles),
            "role": self.role,
            "kind": self.kind.value,
            "id": self.id,
            "resolution": self.resolution.value,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, field: str = "speaker_info") -> Speaker:
        """Rebuild a speaker from :meth:`to_dict` output; bad input raises RecordError."""
        _require_mapping(data, field)
        titles = _get(data, "titles", list, field)
        if not all(isinstance(t, str) for t in titles):
            raise RecordError(f"{field}.titles", "every title must be a string", titles)
        return _build(
            field,
            lambda: cls(
                name=_get(data, "name", str, field),
                mention=_get(data, "mention", str, field),
                span=_span_from(data, field),
                titles=tuple(titles),
                role=_get(data, "role", (str, type(None)), field),
                kind=_enum(SpeakerKind, _get(data, "kind", str, field), f"{field}.kind"),
                id=_get(data, "id", (str, type(None)), field),
                resolution=_enum(
                    Resolution, _get(data, "resolution", str, field), f"{field}.resolution"
                ),
            ),
        )


@attrs.frozen
class Cue:
    """The attributing words as written ("said", "made it clear", "according to")."""

    text: str = attrs.field(validator=_instance_of(str))
    lemma: str = attrs.field(validator=_instance_of(str))
    span: Span = attrs.field(validator=_instance_of(Span))

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form of this cue."""
        return {
            "text": self.text,
            "lemma": self.lemma,
            "start": self.span.start,
            "end": self.span.end,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, field: str = "cue_info") -> Cue:
        """Rebuild a cue from :meth:`to_dict` output; bad input raises RecordError."""
        _require_mapping(data, field)
        span = _span_from(data, field)
        if span is None:
            raise RecordError(f"{field}.start", "a cue needs a span", None)
        return _build(
            field,
            lambda: cls(
                text=_get(data, "text", str, field),
                lemma=_get(data, "lemma", str, field),
                span=span,
            ),
        )


def _confidence(_inst: Any, _attribute: attrs.Attribute[float], value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"confidence must be a number, not {type(value).__name__}")
    if not (0.0 <= value <= 1.0) or math.isnan(value):
        raise ValueError(f"confidence must be in [0, 1], got {value!r}")


def _flags(value: Any) -> tuple[str, ...]:
    if type(value) is tuple and not value:
        return ()  # most quotes
    flags = tuple(sorted(set(_tuple_of_str(value))))
    unknown = [f for f in flags if f not in KNOWN_FLAGS]
    if unknown:
        raise ValueError(f"unknown quote flag(s) {unknown!r}; known: {sorted(KNOWN_FLAGS)}")
    return flags


@attrs.frozen
class Quote:
    """One attributed quotation, with offsets into the caller's original string.

    ``text`` is the normalised content (marks removed, whitespace collapsed, typographic
    variants unified); ``span`` covers the raw content in the original string, quote
    marks excluded, so ``original[q.span.start:q.span.end]`` is exactly what was quoted.
    """

    text: str = attrs.field(validator=_instance_of(str))
    span: Span = attrs.field(validator=_instance_of(Span))
    kind: QuoteKind = attrs.field(converter=_quote_kind)
    speaker: Speaker | None = attrs.field(default=None, validator=_optional(Speaker))
    cue: Cue | None = attrs.field(default=None, validator=_optional(Cue))
    via: Speaker | None = attrs.field(default=None, validator=_optional(Speaker))
    doc_id: str | None = attrs.field(default=None, validator=_optional(str))
    confidence: float = attrs.field(default=1.0, validator=_confidence)
    flags: tuple[str, ...] = attrs.field(default=(), converter=_flags)
    attribution: Attribution = attrs.field(default=Attribution.NONE, converter=_attribution)
    outlet: str | None = attrs.field(default=None, validator=_optional(str))
    published: _dt.date | None = attrs.field(
        default=None,
        validator=_optional(_dt.date),
    )

    def raw(self, original: str) -> str:
        """The quote's content exactly as written in ``original``."""
        return self.span.slice(original)

    def to_dict(self) -> dict[str, Any]:
        """The JSON record of this quote (see ``docs/json-format.md``).

        The flat keys (``speaker``, ``cue``, ``via``) are for reading; the ``*_info``
        objects hold everything, so :meth:`from_dict` rebuilds an equal quote.
        """
        return {
            "schema": SCHEMA_VERSION,
            "doc": self.doc_id,
            "start": self.span.start,
            "end": self.span.end,
            "text": self.text,
            "kind": self.kind.value,
            "speaker": None if self.speaker is None else self.speaker.name,
            "speaker_mention": None if self.speaker is None else self.speaker.mention,
            "cue": None if self.cue is None else self.cue.text,
            "via": None if self.via is None else self.via.name,
            "confidence": self.confidence,
            "attribution": self.attribution.value,
            "flags": list(self.flags),
            "outlet": self.outlet,
            "published": None if self.published is None else self.published.isoformat(),
            "speaker_info": None if self.speaker is None else self.speaker.to_dict(),
            "cue_info": None if self.cue is None else self.cue.to_dict(),
            "via_info": None if self.via is None else self.via.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quote:
        """Rebuild a quote from :meth:`to_dict` output.

        Raises :class:`~quotekit.errors.RecordError` naming the field on a malformed
        record and :class:`~quotekit.errors.SchemaVersionError` on an unknown version.
        """
        _require_mapping(data, "record")
        if "schema" not in data:
            raise RecordError("schema", "missing key", None)
        schema = data["schema"]
        if type(schema) is not int or schema != SCHEMA_VERSION:
            raise SchemaVersionError(schema, SCHEMA_VERSION)
        span = _span_from(data, "")
        if span is None:
            raise RecordError("start", "a quote needs a span", None)
        speaker_info = _get(data, "speaker_info", (dict, type(None)), "")
        cue_info = _get(data, "cue_info", (dict, type(None)), "")
        via_info = _get(data, "via_info", (dict, type(None)), "")
        flags = _get(data, "flags", list, "")
        if not all(isinstance(f, str) for f in flags):
            raise RecordError("flags", "every flag must be a string", flags)
        unknown = sorted(set(flags) - KNOWN_FLAGS)
        if unknown:
            raise RecordError("flags", f"unknown flag(s) {unknown}", flags)
        confidence = _get(data, "confidence", (int, float), "")
        if isinstance(confidence, bool):
            raise RecordError("confidence", "must be a number", confidence)
        if not 0.0 <= confidence <= 1.0:  # NaN fails this too
            raise RecordError("confidence", "must be between 0 and 1", confidence)
        return _build(
            "",
            lambda: cls(
                text=_get(data, "text", str, ""),
                span=span,
                kind=_enum(QuoteKind, _get(data, "kind", str, ""), "kind"),
                speaker=None
                if speaker_info is None
                else Speaker.from_dict(speaker_info, field="speaker_info"),
                cue=None if cue_info is None else Cue.from_dict(cue_info, field="cue_info"),
                via=None if via_info is None else Speaker.from_dict(via_info, field="via_info"),
                doc_id=_get(data, "doc", (str, type(None)), ""),
                confidence=float(confidence),
                flags=tuple(flags),
                attribution=_enum(Attribution, _get(data, "attribution", str, ""), "attribution"),
                outlet=_get(data, "outlet", (str, type(None)), ""),
                published=_published_from(_get(data, "published", (str, type(None)), "")),
            ),
        )


# --- record parsing helpers: every failure names its field -------------------------------


def _dotted(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def _require_mapping(data: Any, field: str) -> None:
    if not isinstance(data, Mapping):
        raise RecordError(field, f"expected an object, got {type(data).__name__}", data)


def _get(data: Mapping[str, Any], key: str, types: Any, prefix: str) -> Any:
    name = _dotted(prefix, key)
    if key not in data:
        raise RecordError(name, "missing key", None)
    value = data[key]
    if not isinstance(value, types):
        raise RecordError(name, f"wrong type {type(value).__name__}", value)
    return value


def _span_from(data: Mapping[str, Any], prefix: str) -> Span | None:
    start = _get(data, "start", (int, type(None)), prefix)
    end = _get(data, "end", (int, type(None)), prefix)
    if start is None and end is None:
        return None
    for key, value in (("start", start), ("end", end)):
        if value is None or isinstance(value, bool) or value < 0:
            raise RecordError(_dotted(prefix, key), "must be a non-negative integer", value)
    if end < start:
        raise RecordError(_dotted(prefix, "end"), f"end {end} is before start {start}", end)
    return Span(start, end)


def _enum(enum_cls: Any, value: str, field: str) -> Any:
    try:
        return enum_cls(value)
    except ValueError:
        allowed = ", ".join(member.value for member in enum_cls)
        problem = f"unknown value {value!r} (expected one of: {allowed})"
        raise RecordError(field, problem, value) from None


def _published_from(value: str | None) -> _dt.date | None:
    if value is None:
        return None
    try:
        if len(value) <= 10:
            return _dt.date.fromisoformat(value)
        return _dt.datetime.fromisoformat(value)
    except ValueError:
        raise RecordError("published", "not an ISO 8601 date or datetime", value) from None


_T = TypeVar("_T")


def _build(field: str, make: Callable[[], _T]) -> _T:
    # Validators raise plain TypeError/ValueError; re-raise as RecordError naming the record.
    try:
        return make()
    except RecordError:
        raise
    except (TypeError, ValueError) as exc:
        raise RecordError(field or "record", str(exc), None) from exc
