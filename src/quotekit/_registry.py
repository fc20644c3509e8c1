"""``SpeakerRegistry``: the people and outlets a caller already knows, across documents.

A registry maps every alias of an entity ("Samdech Techo Hun Sen", "Hun Sen",
"Prime Minister Hun Sen") to one canonical name and an optional identifier (a Wikidata
id, a database key). It is a frozen value: build it in code or load it from JSON, then
pass it to :func:`quotekit.extract`; with it, every mention of a known entity carries the
registry's name and id.
"""

from __future__ import annotations

import functools
import json
import os
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from ._model import SpeakerKind
from .errors import InputTypeError, RegistryError

#: Version of the JSON form written by :meth:`SpeakerRegistry.to_dict`.
REGISTRY_VERSION = 1
_ENTITY_KEYS = frozenset({"name", "aliases", "id", "kind"})


@functools.lru_cache(maxsize=8192)
def name_key(text: str) -> str:
    """The lookup form of a name: case, accents, curly apostrophes, spacing and a
    leading "the" do not matter ("the Khmer Times" = "Khmer Times", "Nguyễn" = "Nguyen")."""
    if text.isascii():
        plain = text  # nothing to decompose: most names, and cheap to tell
    else:
        decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = plain.replace("’", "'").replace("‘", "'").casefold().split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _name(entity: Any, attribute: attrs.Attribute[str], value: Any) -> None:
    if not isinstance(value, str) or not name_key(value):
        raise RegistryError(f"a speaker's {attribute.name} must be a non-empty string", value)


def _aliases(value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise RegistryError("aliases must be a list of strings, not a single value", value)
    aliases = tuple(value)
    for alias in aliases:
        if not isinstance(alias, str) or not name_key(alias):
            raise RegistryError("every alias must be a non-empty string", alias)
    return aliases


def _identifier(entity: Any, attribute: attrs.Attribute[str | None], value: Any) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise RegistryError("a speaker's id must be a non-empty string or None", value)


def _kind(value: Any) -> SpeakerKind:
    try:
        return SpeakerKind(value)
    except ValueError:
        allowed = ", ".join(k.value for k in SpeakerKind)
        raise RegistryError(f"unknown speaker kind {value!r} (expected {allowed})", value) from None


@attrs.frozen
class SpeakerEntity:
    """One person or organisation a registry knows: its canonical ``name``, the
    ``aliases`` it is written under, an optional ``id`` and its ``kind``."""

    name: str = attrs.field(validator=_name)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_aliases)
    id: str | None = attrs.field(default=None, validator=_identifier)
    kind: SpeakerKind = attrs.field(default=SpeakerKind.PERSON, converter=_kind)

    def names(self) -> tuple[str, ...]:
        """The canonical name followed by the aliases."""
        return (self.name, *self.aliases)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form of this entity."""
        return {
            "name": self.name,
            "aliases": list(self.aliases),
            "id": self.id,
            "kind": self.kind.value,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, where: str = "speaker") -> SpeakerEntity:
        """Rebuild an entity; a malformed one raises RegistryError naming ``where``."""
        if not isinstance(data, Mapping):
            raise RegistryError(f"{where}: expected an object, got {type(data).__name__}", data)
        unknown = sorted(set(data) - _ENTITY_KEYS)
        if unknown:
            allowed = ", ".join(sorted(_ENTITY_KEYS))
            raise RegistryError(f"{where}: unknown key(s) {unknown} (allowed: {allowed})", data)
        if "name" not in data:
            raise RegistryError(f"{where}: missing key 'name'", data)
        try:
            return cls(
                name=data["name"],
                aliases=data.get("aliases", ()),
                id=data.get("id"),
                kind=data.get("kind", SpeakerKind.PERSON.value),
            )
        except RegistryError as exc:
            raise RegistryError(f"{where}: {exc.problem}", exc.value) from None


def _entities(value: Any) -> tuple[SpeakerEntity, ...]:
    if isinstance(value, (str, Mapping)) or not isinstance(value, Iterable):
        raise RegistryError("entities must be a list of SpeakerEntity", value)
    entities = tuple(value)
    for entity in entities:
        if not isinstance(entity, SpeakerEntity):
            raise RegistryError(
                f"entities must be SpeakerEntity values, not {type(entity).__name__}", entity
            )
    return entities


@attrs.frozen
class SpeakerRegistry:
    """Canonical people and outlets with their aliases; pass to ``extract(registry=...)``.

    Raises :class:`~quotekit.RegistryError` when two entities share an alias or an id.
    """

    entities: tuple[SpeakerEntity, ...] = attrs.field(default=(), converter=_entities)
    _index: Mapping[str, SpeakerEntity] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, SpeakerEntity] = {}
        ids: dict[str, SpeakerEntity] = {}
        for entity in self.entities:
            if entity.id is not None:
                if entity.id in ids:
                    raise RegistryError(
                        f"id {entity.id!r} is given to both {ids[entity.id].name!r} "
                        f"and {entity.name!r}",
                        entity.id,
                    )
                ids[entity.id] = entity
            for alias in entity.names():
                key = name_key(alias)
                other = index.get(key)
                if other is not None and other is not entity:
                    raise RegistryError(
                        f"alias {alias!r} names both {other.name!r} and {entity.name!r}", alias
                    )
                index[key] = entity
        object.__setattr__(self, "_index", index)

    def __len__(self) -> int:
        return len(self.entities)

    def __iter__(self) -> Iterator[SpeakerEntity]:
        return iter(self.entities)

    def lookup(self, name: str) -> SpeakerEntity | None:
        """The entity written as ``name`` (any alias; case and accents ignored), or None."""
        if not isinstance(name, str):
            raise InputTypeError("name", "a str", name)
        return self._index.get(name_key(name))

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form: ``{"version": 1, "speakers": [...]}``."""
        return {"version": REGISTRY_VERSION, "speakers": [e.to_dict() for e in self.entities]}

    def to_json(self, *, indent: int | None = 2) -> str:
        """The registry as a JSON document (:meth:`from_json` reads it back)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SpeakerRegistry:
        """Build a registry from :meth:`to_dict` output; a malformed one raises RegistryError."""
        if not isinstance(data, Mapping):
            raise RegistryError(f"expected an object, got {type(data).__name__}", data)
        unknown = sorted(set(data) - {"version", "speakers"})
        if unknown:
            raise RegistryError(f"unknown key(s) {unknown} (allowed: speakers, version)", data)
        version = data.get("version", REGISTRY_VERSION)
        if type(version) is not int or version != REGISTRY_VERSION:
            raise RegistryError(
                f"unsupported registry version {version!r} (this quotekit reads "
                f"{REGISTRY_VERSION})",
                version,
            )
        if "speakers" not in data:
            raise RegistryError("missing key 'speakers'", data)
        speakers = data["speakers"]
        if not isinstance(speakers, list):
            raise RegistryError(
                f"speakers: expected a list, got {type(speakers).__name__}", speakers
            )
        return cls(
            tuple(
                SpeakerEntity.from_dict(s, where=f"speakers[{k}]") for k, s in enumerate(speakers)
            )
        )

    @classmethod
    def from_json(cls, source: str | os.PathLike[str]) -> SpeakerRegistry:
        """Load a registry from a JSON document or the path of a JSON file.

        A string starting with ``{`` or ``[`` is read as JSON text, any other string or path as a
        file name. Malformed JSON or content raises RegistryError; an unreadable file
        raises the ``OSError``.
        """
        if isinstance(source, os.PathLike) or (
            isinstance(source, str) and not source.lstrip().startswith(("{", "["))
        ):
            path = Path(source)
            if not path.is_file():
                raise RegistryError(f"not JSON text and no such file: {str(source)!r}", source)
            text = path.read_text(encoding="utf-8")
            where = str(path)
        elif isinstance(source, str):
            text = source
            where = "JSON text"
        else:
            raise InputTypeError("source", "JSON text or a path", source)
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise RegistryError(
                f"{where}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}", text
            ) from None
        return cls.from_dict(data)
