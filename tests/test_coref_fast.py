"""The resolver's short cuts find what a full search finds: a run across a pair of words
no remembered name holds is held by none, so the search for it is skipped."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotekit
from quotekit import SpeakerKind, _coref
from quotekit._coref import Resolver, _Entity, _holds_run, _keys

LEXICON = quotekit.default_lexicon()
# Few words, so names share words and pairs; an organisation word and a title or two.
_WORDS = ("Ana", "Lopez", "Chea", "Sok", "Van", "Dy", "Times", "Party", "Dara", "Mr.", "Senator")


def _all_namesakes(resolver: Resolver, run: tuple[str, ...]) -> Iterable[_Entity]:
    namesakes = resolver._by_run.get(run)
    if namesakes is None:
        return []
    if isinstance(namesakes, list):
        return list(reversed(namesakes[-_coref.MAX_NAMESAKES :]))
    return [namesakes]


def _slow_find(
    resolver: Resolver, words: tuple[str, ...], keys: tuple[str, ...], gender: str
) -> _Entity | None:
    """_find_containing without the short cut: every namesake of the run's first pair
    is compared with the whole run."""
    if not words:
        return None
    best = None
    for entity in _all_namesakes(resolver, keys[:2]):
        if best is not None and entity.last_pos <= best.last_pos:
            continue
        ek = entity.keys
        if len(keys) > 2 and not _holds_run(ek, keys):
            continue
        if gender and entity.sex and gender != entity.sex:
            continue
        if len(keys) < len(ek) and entity.kind is SpeakerKind.UNKNOWN:
            continue
        if (
            len(keys) < len(ek)
            and entity.kind is SpeakerKind.ORGANISATION
            and not any(w in LEXICON.org_words or LEXICON.is_a("media", w) for w in words)
        ):
            continue
        best = entity
    return best


def _slow_known_tail(
    resolver: Resolver, words: tuple[str, ...], keys: tuple[str, ...]
) -> _Entity | None:
    for k in range(1, len(words) - 1):
        entity = _slow_find(resolver, words[k:], keys[k:], "")
        if entity is not None and entity.kind is SpeakerKind.PERSON and entity.keys == keys[k:]:
            return entity
    return None


_names = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6).map(" ".join)
_runs = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6).map(tuple)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_names, min_size=1, max_size=40),
    st.lists(_runs, min_size=1, max_size=20),
    st.sampled_from(["", "male", "female"]),
    st.sampled_from([(2, 6), (_coref.MAX_NAMESAKES, _coref.MAX_ENTITIES)]),
)
def test_a_search_finds_what_the_full_search_finds(
    names: list[str],
    runs: list[tuple[str, ...]],
    gender: str,
    bounds: tuple[int, int],
) -> None:
    # Small bounds cut the lists of namesakes short and forget entities.
    namesakes, entities = bounds
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_coref, "MAX_NAMESAKES", namesakes)
        patch.setattr(_coref, "MAX_ENTITIES", entities)
        resolver = Resolver(LEXICON)
        for k, name in enumerate(names):
            resolver.observe(100 * k, name)
        for entity in resolver._remembered.values():
            # Each remembered name is indexed under all its pairs.
            assert resolver._unheld(entity.keys) == -1
        for indexed in resolver._by_run.values():
            # Only remembered names, in the order they were made (what _forget reads).
            listed = indexed if isinstance(indexed, list) else [indexed]
            assert all(id(e) in resolver._remembered for e in listed)
            assert [e.made for e in listed] == sorted(e.made for e in listed)
        for words in runs:
            keys = _keys(words)
            found = resolver._find_containing(words, keys, gender)
            assert found is _slow_find(resolver, words, keys, gender)
            assert resolver._known_tail(words, keys) is _slow_known_tail(resolver, words, keys)


def test_a_run_across_a_pair_no_name_holds_is_not_searched() -> None:
    resolver = Resolver(LEXICON)
    resolver.observe(0, "Ana Lopez Chea")
    resolver.observe(100, "Sok Dara Van")
    assert resolver._unheld(_keys(("Ana", "Lopez", "Chea"))) == -1
    assert resolver._unheld(_keys(("Lopez", "Chea", "Sok", "Dara"))) == 1
    assert resolver._find_containing(("Lopez", "Chea"), _keys(("Lopez", "Chea")), "") is not None
    assert (
        resolver._find_containing(("Chea", "Sok", "Dara"), _keys(("Chea", "Sok", "Dara")), "")
        is None
    )
