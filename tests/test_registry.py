"""SpeakerRegistry: canonical names and ids across documents, built in code or from JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotekit
from conftest import ROOT, seed_text
from quotekit import Resolution, SpeakerEntity, SpeakerKind, SpeakerRegistry
from strategies import texts

REGISTRY = SpeakerRegistry(
    (
        SpeakerEntity("Hun Sen", aliases=("Samdech Techo", "Techo Hun Sen"), id="Q-hun-sen"),
        SpeakerEntity("Sok Chenda Sophea", id="Q-sok-chenda"),
        SpeakerEntity(
            "Khmer Times", aliases=("KT",), id="Q-khmer-times", kind=SpeakerKind.ORGANISATION
        ),
    )
)


def test_lookup_ignores_case_accents_apostrophes_and_the() -> None:
    assert REGISTRY.lookup("hun sen") is REGISTRY.entities[0]
    assert REGISTRY.lookup("SAMDECH  TECHO") is REGISTRY.entities[0]
    assert REGISTRY.lookup("the Khmer Times") is REGISTRY.entities[2]
    accented = SpeakerRegistry((SpeakerEntity("Nguyen Phu Trong"),))
    assert accented.lookup("Nguyễn Phú Trọng") is accented.entities[0]
    assert accented.lookup("Đỗ Mười") is None
    assert REGISTRY.lookup("Hun Manet") is None


def test_every_mention_of_a_known_entity_gets_its_name_and_id() -> None:
    text = (
        "Samdech Techo Hun Sen opened the bridge on Monday. "
        '"This bridge belongs to the people," said Samdech Techo Hun Sen. '
        '"It will carry 5,000 trucks a day," he said. '
        '"Trade will grow," Hun Sen told the Khmer Times.'
    )
    quotes = quotekit.extract(text, registry=REGISTRY)
    speakers = [q.speaker for q in quotes]
    assert all(s is not None for s in speakers)
    assert [(s.name, s.id) for s in speakers if s is not None] == [("Hun Sen", "Q-hun-sen")] * 3
    by_name, by_pronoun, by_short = (s for s in speakers if s is not None)
    assert by_name.resolution is Resolution.REGISTRY
    # A pronoun keeps saying how it was resolved, and still gets the registry's id.
    assert by_pronoun.resolution is Resolution.PRONOUN and by_pronoun.mention == "he"
    assert by_short.resolution is Resolution.REGISTRY


def test_an_alias_alone_resolves_through_the_registry() -> None:
    quotes = quotekit.extract('"We will win," Samdech Techo said.', registry=REGISTRY)
    [quote] = quotes
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.id) == ("Hun Sen", "Q-hun-sen")
    assert quote.speaker.resolution is Resolution.REGISTRY
    assert quote.speaker.mention == "Samdech Techo"


def test_without_a_registry_there_is_no_id() -> None:
    [quote] = quotekit.extract('"We will win," said Samdech Techo Hun Sen.')
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.id) == ("Hun Sen", None)
    assert quote.speaker.resolution is Resolution.NAME


def test_unknown_speakers_are_untouched_by_a_registry() -> None:
    [quote] = quotekit.extract('"Rice is cheap," said farmer Chan Dara.', registry=REGISTRY)
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.id) == ("Chan Dara", None)


def test_a_registry_is_a_frozen_value() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        REGISTRY.entities = ()  # type: ignore[misc]
    again = SpeakerRegistry(REGISTRY.entities)
    assert again == REGISTRY and len(again) == 3 and list(again) == list(REGISTRY.entities)


def test_lookup_rejects_a_name_of_the_wrong_type() -> None:
    with pytest.raises(quotekit.InputTypeError):
        REGISTRY.lookup(42)  # type: ignore[arg-type]


def test_extract_rejects_a_registry_of_the_wrong_type() -> None:
    with pytest.raises(quotekit.InputTypeError):
        quotekit.extract("text", registry={"speakers": []})  # type: ignore[arg-type]


# --- JSON -----------------------------------------------------------------------------------


def test_dict_and_json_round_trip(tmp_path: Path) -> None:
    assert SpeakerRegistry.from_dict(REGISTRY.to_dict()) == REGISTRY
    assert SpeakerRegistry.from_json(REGISTRY.to_json()) == REGISTRY
    path = tmp_path / "speakers.json"
    path.write_text(REGISTRY.to_json(), encoding="utf-8")
    assert SpeakerRegistry.from_json(path) == REGISTRY
    assert SpeakerRegistry.from_json(str(path)) == REGISTRY


def test_optional_fields_have_defaults() -> None:
    registry = SpeakerRegistry.from_json('{"speakers": [{"name": "Chum Mey"}]}')
    [entity] = registry.entities
    assert entity == SpeakerEntity("Chum Mey", (), None, SpeakerKind.PERSON)


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        ("[]", "expected an object"),
        ('{"speakers": {}}', "speakers: expected a list"),
        ("{}", "missing key 'speakers'"),
        ('{"version": 2, "speakers": []}', "unsupported registry version 2"),
        ('{"speakers": [], "people": []}', "unknown key(s) ['people']"),
        ('{"speakers": [{"aliases": []}]}', "speakers[0]: missing key 'name'"),
        ('{"speakers": [{"name": ""}]}', "speakers[0]: a speaker's name must be a non-empty"),
        ('{"speakers": [{"name": 7}]}', "speakers[0]: a speaker's name must be"),
        ('{"speakers": [{"name": "A", "aliases": "B"}]}', "speakers[0]: aliases must be a list"),
        ('{"speakers": [{"name": "A", "aliases": [3]}]}', "speakers[0]: every alias must be"),
        ('{"speakers": [{"name": "A", "kind": "robot"}]}', "speakers[0]: unknown speaker kind"),
        ('{"speakers": [{"name": "A", "id": 42}]}', "speakers[0]: a speaker's id must be"),
        ('{"speakers": [{"name": "A", "alias": ["B"]}]}', "speakers[0]: unknown key(s) ['alias']"),
        ('{"speakers": ["Hun Sen"]}', "speakers[0]: expected an object"),
        (
            '{"speakers": [{"name": "Hun Sen"}, {"name": "Hun Manet", "aliases": ["HUN SEN"]}]}',
            "alias 'HUN SEN' names both 'Hun Sen' and 'Hun Manet'",
        ),
        (
            '{"speakers": [{"name": "A", "id": "Q1"}, {"name": "B", "id": "Q1"}]}',
            "id 'Q1' is given to both 'A' and 'B'",
        ),
        ('{"speakers": [', "invalid JSON at line 1"),
    ],
)
def test_malformed_registries_name_the_problem(document: str, problem: str) -> None:
    with pytest.raises(quotekit.RegistryError) as info:
        SpeakerRegistry.from_json(document)
    assert problem in str(info.value)
    assert isinstance(info.value, ValueError) and isinstance(info.value, quotekit.QuotekitError)


def test_a_missing_file_is_named() -> None:
    with pytest.raises(quotekit.RegistryError, match="no such file"):
        SpeakerRegistry.from_json("no/such/speakers.json")


def test_building_in_code_validates_too() -> None:
    with pytest.raises(quotekit.RegistryError, match="aliases must be a list"):
        SpeakerEntity("Hun Sen", aliases="Samdech Techo")  # type: ignore[arg-type]
    with pytest.raises(quotekit.RegistryError, match="must be SpeakerEntity values"):
        SpeakerRegistry(({"name": "Hun Sen"},))  # type: ignore[arg-type]
    with pytest.raises(quotekit.RegistryError, match="unknown speaker kind"):
        SpeakerEntity("Hun Sen", kind="leader")


_NAME = st.text(st.characters(categories=["Lu", "Ll"]), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            _NAME, st.lists(_NAME, max_size=3), st.none() | _NAME, st.sampled_from(SpeakerKind)
        ),
        max_size=6,
    )
)
def test_any_valid_registry_round_trips(rows: list[tuple[str, list[str], str | None, Any]]) -> None:
    try:
        registry = SpeakerRegistry(tuple(SpeakerEntity(n, tuple(a), i, k) for n, a, i, k in rows))
    except quotekit.RegistryError:
        return  # shared aliases or ids: rejected, as they should be
    assert SpeakerRegistry.from_json(registry.to_json()) == registry
    for entity in registry:
        for alias in entity.names():
            assert registry.lookup(alias) is entity


# --- the example registry of the seeds ------------------------------------------------------


def test_the_seed_registry_names_every_known_speaker_of_the_seeds() -> None:
    registry = SpeakerRegistry.from_json(ROOT / "seeds" / "speakers.json")
    raw = json.loads((ROOT / "seeds" / "speakers.json").read_text(encoding="utf-8"))
    assert len(registry) == len(raw["speakers"])
    ids: dict[str, set[str | None]] = {}
    for seed in ("000", "001", "002", "003", "004"):
        for quote in quotekit.extract(seed_text(seed), registry=registry):
            if quote.speaker is not None and registry.lookup(quote.speaker.name):
                ids.setdefault(quote.speaker.name, set()).add(quote.speaker.id)
    for name in ("Hun Sen", "Heng Samrin", "Tea Banh", "Chum Mey", "Khmer Times"):
        entity = registry.lookup(name)
        assert entity is not None and ids[name] == {entity.id}


@settings(max_examples=60, deadline=None)
@given(texts)
def test_any_string_with_a_registry_never_raises(text: str) -> None:
    for quote in quotekit.extract(text, registry=REGISTRY):
        speaker = quote.speaker
        if speaker is not None and speaker.id is not None:
            entity = REGISTRY.lookup(speaker.name)
            assert entity is not None and entity.id == speaker.id


def test_from_json_rejects_other_types_as_a_type_error() -> None:
    with pytest.raises(quotekit.InputTypeError) as info:
        SpeakerRegistry.from_json(42)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError) and info.value.value == 42
