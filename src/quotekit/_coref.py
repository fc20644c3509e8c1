"""In-document speaker resolution: one canonical name per person or outlet.

A single pass in document order over every name mention (speakers and the other
capitalised names of the text) builds the document's entities. A speaker mention is
then resolved to an entity: a full name to itself, a short name ("Mey", "Ms. Sam") to
the most recent entity whose name contains it, a pronoun to the most recent compatible
speaker in reach, a description ("the minister", "the newspaper") to the most recent
entity carrying that title or kind.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
import regex

from ._lexicon import Lexicon
from ._model import Resolution, SpeakerKind
from ._names import ParsedName, parse_mention

# How far back (in characters) a pronoun or description may reach for its antecedent.
PRONOUN_REACH = 2500

# Runs of 2 to 6 capitalised words: the names a later short form can refer back to.
_NAME_RUN = regex.compile(
    r"(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’\-]{0,40}"
    r"(?:[ ](?:of |the |van |de |bin )?\p{Lu}[\p{L}'’\-]{0,40}){1,5}"
)


@attrs.frozen
class Resolved:
    """A speaker mention resolved to an entity."""

    name: str
    titles: tuple[str, ...]
    role: str | None
    kind: SpeakerKind
    resolution: Resolution
    gender: str


@attrs.define
class _Entity:
    name: str
    words: tuple[str, ...]
    kind: SpeakerKind
    titles: tuple[str, ...]
    gender: str
    last_pos: int
    spoke: bool = False
    media: bool = False


# What may follow a name run and belong to its mention: a parenthetical and a
# lower-case descriptor ("Pracheachon (The People) newspaper").
_TRAILER = regex.compile(r"(?:[ ]\([^()\n]{1,40}\))?[ ](\p{Ll}{2,20})")


def background_names(
    text: str, spans: Iterable[tuple[int, int]], lexicon: Lexicon
) -> list[tuple[int, str]]:
    """Capitalised name runs inside the given view spans, with their offsets."""
    found: list[tuple[int, str]] = []
    for start, end in spans:
        for match in _NAME_RUN.finditer(text, start, end):
            mention = match.group()
            trailer = _TRAILER.match(text, match.end(), end)
            if trailer is not None and lexicon.is_a("descriptor", trailer.group(1)):
                mention = text[match.start() : trailer.end()]
            found.append((match.start(), mention))
    return found


@attrs.define
class Resolver:
    """Resolves mentions in document order; holds only this document's entities."""

    lexicon: Lexicon
    entities: list[_Entity] = attrs.Factory(list)

    def observe(self, pos: int, mention: str) -> None:
        """Record a name seen in the text (not necessarily a speaker)."""
        parsed = parse_mention(mention, self.lexicon)
        if not parsed.words or (parsed.kind is SpeakerKind.UNKNOWN and len(parsed.words) < 2):
            return
        if all(self.lexicon.is_a("starter", w) for w in parsed.words):
            return
        self._upsert(pos, parsed, spoke=False)

    def _is_media(self, parsed: ParsedName, mention: str) -> bool:
        return any(self.lexicon.is_a("media", w) for w in mention.split())

    def _upsert(self, pos: int, parsed: ParsedName, *, spoke: bool, mention: str = "") -> _Entity:
        entity = self._find_containing(parsed.words, parsed.gender)
        if entity is not None and len(parsed.words) <= len(entity.words):
            entity.last_pos = pos
            entity.spoke = entity.spoke or spoke
            entity.titles = entity.titles + tuple(
                t for t in parsed.titles if t not in entity.titles
            )
            entity.gender = entity.gender or parsed.gender
            entity.media = entity.media or self._is_media(parsed, mention or parsed.name)
            return entity
        entity = _Entity(
            parsed.name,
            parsed.words,
            parsed.kind,
            parsed.titles,
            parsed.gender,
            pos,
            spoke,
            self._is_media(parsed, mention or parsed.name),
        )
        self.entities.append(entity)
        return entity

    def _find_containing(self, words: tuple[str, ...], gender: str) -> _Entity | None:
        """Most recent entity whose name contains ``words`` as a contiguous run."""
        if not words:
            return None
        best: _Entity | None = None
        n = len(words)
        for entity in self.entities:
            ew = entity.words
            if n > len(ew):
                continue
            if gender and entity.gender and gender != entity.gender:
                continue
            if any(ew[i : i + n] == words for i in range(len(ew) - n + 1)) and (
                best is None or entity.last_pos > best.last_pos
            ):
                best = entity
        return best

    def resolve_name(self, pos: int, mention: str) -> Resolved:
        """A mention written as a name (with or without titles)."""
        parsed = parse_mention(mention, self.lexicon)
        existing = self._find_containing(parsed.words, parsed.gender)
        if existing is not None and len(existing.words) > len(parsed.words):
            existing.last_pos = pos
            existing.spoke = True
            existing.gender = existing.gender or parsed.gender
            return Resolved(
                existing.name,
                parsed.titles,
                parsed.role,
                existing.kind,
                Resolution.SHORT_NAME,
                existing.gender,
            )
        entity = self._upsert(pos, parsed, spoke=True, mention=mention)
        kind = parsed.kind if parsed.kind is not SpeakerKind.UNKNOWN else entity.kind
        return Resolved(
            entity.name, parsed.titles, parsed.role, kind, Resolution.NAME, entity.gender
        )

    def resolve_pronoun(self, pos: int, pronoun: str) -> Resolved | None:
        """The most recent compatible speaker (then any compatible name) in reach."""
        info = self.lexicon.pronouns.get(pronoun.lower())
        if info is None:
            return None
        gender, kind, _number = info
        candidates = [
            e
            for e in self.entities
            if pos - e.last_pos <= PRONOUN_REACH
            and e.last_pos < pos
            and _compatible(e, gender, kind)
        ]
        if not candidates:
            return None
        speakers = [e for e in candidates if e.spoke]
        pool = speakers or [
            e for e in candidates if e.titles or e.gender or e.kind is not SpeakerKind.PERSON
        ]
        if not pool:
            return None
        entity = max(pool, key=lambda e: e.last_pos)
        if gender and not entity.gender and entity.kind is SpeakerKind.PERSON:
            entity.gender = gender
        entity.last_pos = pos
        return Resolved(entity.name, (), None, entity.kind, Resolution.PRONOUN, entity.gender)

    def resolve_description(self, pos: int, description: str) -> Resolved | None:
        """ "the minister" -> the most recent entity titled minister; "the newspaper" -> outlet."""
        words = description.lower().split()
        if not words:
            return None
        head = words[-1]
        if len(words) > 2 or head in {"sources", "source", "officials"}:
            return None
        best: _Entity | None = None
        for entity in self.entities:
            if pos - entity.last_pos > PRONOUN_REACH or entity.last_pos >= pos:
                continue
            title_match = any(head in t.lower().split() for t in entity.titles)
            media_match = entity.media and self.lexicon.is_a("media", head)
            if (title_match or media_match) and (best is None or entity.last_pos > best.last_pos):
                best = entity
        if best is None:
            return None
        best.last_pos = pos
        return Resolved(best.name, (), None, best.kind, Resolution.DESCRIPTION, best.gender)


def _compatible(entity: _Entity, gender: str, kind: str) -> bool:
    if kind == "organisation":
        return entity.kind is SpeakerKind.ORGANISATION
    if kind == "person":
        if entity.kind is not SpeakerKind.PERSON:
            return False
        return not (gender and entity.gender and gender != entity.gender)
    return True
