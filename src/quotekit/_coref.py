"""In-document speaker resolution: one canonical name per person or outlet.

A single pass in document order over every name mention (speakers and the other
capitalised names of the text) builds the document's entities. A speaker mention is
resolved as it comes: a full name to its entity; a short name ("Mey", "Ms. Sam") to the
most recent entity whose name contains it as a contiguous run; a pronoun to the speaker
just quoted, else the most recent compatible person or organisation in reach; a
description ("the minister", "the newspaper", "an editorial") to the most recent entity
carrying that title or publishing it. A :class:`~quotekit.SpeakerRegistry`, when given,
then maps the result to its canonical name and id. Entities are indexed by name word and
kept in order of their latest mention, so every lookup costs what the nearby text holds,
not the whole document.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import sys
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

import attrs
import regex

from ._lexicon import Lexicon
from ._model import Resolution, SpeakerKind
from ._names import ParsedName, name_word, name_word_map, parse_mention
from ._registry import SpeakerRegistry, name_key

# How far back (in characters) a pronoun or description may reach for its antecedent:
# about three paragraphs of news prose.
PRONOUN_REACH = 2500
# How far back "the newspaper" or "an editorial" looks for the outlet: about a paragraph.
OUTLET_REACH = 1000
# How many entities sharing one name word a lookup considers (the newest ones): an
# article has a handful of people sharing a name word at most.
MAX_NAMESAKES = 16
# How many entities one document remembers: past this, the one mentioned least recently
# is forgotten (an article names a few hundred at most; a multi-megabyte dump of names
# must not hold them all alive for the garbage collector). Both bounds are reached
# within the first megabyte of a dump of new names, so its cost per name stays the
# same from there on.
MAX_ENTITIES = 5_000
# A speaker quoted this close before a pronoun is preferred to a name seen in passing.
SPEAKER_WINDOW = 600
# Descriptions longer than this are new entities ("a newspaper of the ... Party").
MAX_DESCRIPTION_WORDS = 4

# Regexes in this module keep the linear-time rule written at the top of _text.py
# (checked for every pattern by tests/test_adversarial.py).
# Runs of 1 to 6 capitalised words: the names a later short form can refer back to, and
# the short forms that keep an entity recent ("Clinton tweeted ...").
_NAME_RUN = regex.compile(
    r"(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’\-]{0,40}"
    r"(?:[ ](?:of |the |van |de |bin )?\p{Lu}[\p{L}'’\-]{0,40}){0,5}"
)
# What _NAME_RUN can match at most (41 characters, then 5 times 46), and more than what
# _POSSESSIVE reads past its start.
_LONGEST_RUN = 41 + 5 * 46
# What may follow a name run and belong to its mention: a parenthetical (a gloss or an
# acronym) and a lower-case descriptor ("Pracheachon (The People) newspaper").
_TRAILER = regex.compile(r"(?:[ ]\(([^()\n]{1,40})\))?(?:[ ](\p{L}{2,20}))?")
# A title abbreviation just before a name run ("Mr. ", "Lt. Gen. "): the run cannot hold
# it, because a full stop usually ends a sentence.
_TITLE_BEFORE = regex.compile(r"(\p{Lu}\p{L}{0,5})\.[ ]$")
_TITLE_REACH = 8  # the longest text _TITLE_BEFORE can match
MAX_TITLES_BEFORE = 3
_NEVER = sys.maxsize  # an offset past any text
_ACRONYM = regex.compile(r"\p{Lu}{2,8}")
# "his"/"her" before a content word, or "he"/"she" before a verb, right after a name in
# the same clause, tells the name's gender ("Clinton tweeted her thanks", "Trump said he
# would"); "her" as an object ("met her on") does not.
_POSSESSIVE = regex.compile(
    r"(?<![\p{L}\p{N}])(?:(?:[Hh]is|[Hh]er)(?=[ ](?!(?:a|an|the|on|in|at|to|for|with|by|"
    r"from|of|and|or|that|this|as|when|after|before|if|about|over|into|up|out|off|down)"
    r"(?![\p{L}]))\p{Ll})|(?:he|she)(?=[ ]\p{Ll}))"
)
# Where _POSSESSIVE may match, found by the standard engine, which scans for a set of
# first letters faster than ``regex`` tries the look-behind at every position (the scan
# and the checks of its few finds take some 40% less): each match of _POSSESSIVE starts
# with one of these. (An ASCII letter or digit before rules the place out as the
# look-behind would; any other letter is left to _POSSESSIVE.)
_POSSESSIVE_START = re.compile(r"[Hhs](?<![a-zA-Z0-9].)(?:is |er |he |e )")
POSSESSIVE_REACH = 40
_GENDERED = {"his": "male", "he": "male", "her": "female", "she": "female"}
# The words right after a name, to find a speech verb ("also affirmed", "said").
_FOLLOWING_WORDS = regex.compile(r"(?:[ ]\p{Ll}{1,20}){1,4}")
MAX_ADVERBS_BEFORE_CUE = 2
_CLAUSE_END = frozenset('.!?;:"“”()')
_DEFINITE = frozenset({"the", "this", "that"})
_INDEFINITE = frozenset({"a", "an"})


class Resolved(NamedTuple):
    """A speaker mention resolved to an entity (a named tuple: one is made per mention,
    and it is cheaper to make than a frozen attrs class)."""

    name: str
    titles: tuple[str, ...]
    role: str | None
    kind: SpeakerKind
    resolution: Resolution
    gender: str
    id: str | None = None


@attrs.define(eq=False)
class _Entity:
    name: str
    words: tuple[str, ...]
    keys: tuple[str, ...]  # the words case-folded, for matching
    kind: SpeakerKind
    titles: tuple[str, ...]
    gender: str  # from a title: certain
    last_pos: int
    made: int  # its place in the order the resolver made its entities (see _forget)
    spoke: bool = False
    spoke_at: int = -1  # where it was last credited with speech
    media: bool = False
    votes: int = 0  # pronouns and possessives so far: + for he/his, - for she/her
    acronyms: tuple[str, ...] = ()  # the acronyms that name it ("CPP")

    @property
    def sex(self) -> str:
        """The gender to match pronouns against: the title's, else the pronouns' majority."""
        if self.gender or not self.votes:
            return self.gender
        return "male" if self.votes > 0 else "female"

    def vote(self, gender: str) -> None:
        if not self.gender and self.kind is not SpeakerKind.ORGANISATION:
            self.votes += 1 if gender == "male" else -1


def background_names(
    text: str,
    spans: Iterable[tuple[int, int]],
    lexicon: Lexicon,
    skip: Sequence[tuple[int, int]] = (),
    until: int | None = None,
) -> list[tuple[int, str]]:
    """Capitalised name runs inside the given view spans, with their offsets, and the
    pronouns ("his", "her", "he", "she") that follow a name closely enough, in the same
    clause, to tell its gender.

    Names inside the ``skip`` spans (the quotations) are left out: a name a speaker
    mentions is not what the next "he said" refers to. With ``until``, so are the names
    starting after it, and the text past it is not read.
    """
    found: list[tuple[int, str]] = []
    # The quotations in order, then one that never comes (so no bounds to check).
    skip = [*_merged(skip), (_NEVER, _NEVER)]
    skip_starts = [s for s, _e in skip]
    # A title before a run moves its start back by at most this much ("Lt. Gen. ").
    last_start = _NEVER if until is None else until + MAX_TITLES_BEFORE * _TITLE_REACH
    descriptors = lexicon.function_words.get("descriptor", frozenset())
    descriptor_starts = _descriptor_starts(lexicon)
    for start, end in spans:
        last_name_end = -1
        # The quotation that could hold the next name: names come in order, so it only
        # moves forward within the span.
        k = max(0, bisect.bisect_right(skip_starts, start) - 1)
        skip_start, skip_end = skip[k]
        # The scans stop where no run or pronoun starting early enough could still be.
        scan_end = min(end, last_start + _LONGEST_RUN)
        names = [m.span() for m in _NAME_RUN.finditer(text, start, scan_end)]
        possessives = _possessives(text, start, scan_end)
        # Both in order: a merge (none to merge, most often).
        for first, last in sorted(names + possessives) if possessives else names:
            if first > last_start:
                break
            while skip_end <= first:
                k += 1
                skip_start, skip_end = skip[k]
            if skip_start <= first:
                continue  # inside a quotation
            if text[first].islower() or text[first : first + 4] in ("His ", "Her "):
                if first - last_name_end <= POSSESSIVE_REACH and not any(
                    c in _CLAUSE_END for c in text[last_name_end:first]
                ):
                    found.append((first, text[first:last].lower()))
                continue
            # Both look-ups need a space next to the run, then a parenthesis or the start
            # of a descriptor: most names have neither.
            trailer = None
            if text[last : last + 1] == " ":
                after = text[last + 1 : last + 3]
                if after[:1] == "(" or not after.isascii() or after.lower() in descriptor_starts:
                    trailer = _TRAILER.match(text, last, end)
            if trailer is not None:
                gloss, descriptor = trailer.group(1), trailer.group(2)
                if descriptor is not None and descriptor.lower() in descriptors:
                    last = trailer.end()  # "Pracheachon (The People) newspaper"
                elif gloss is not None and _ACRONYM.fullmatch(gloss):
                    last = trailer.end(1) + 1  # "... Party (CPP)"
            if text[first - 2 : first] == ". " and first - 2 >= start:
                first = _title_start(text, start, first, lexicon)
            found.append((first, text[first:last]))
            last_name_end = last
    if until is not None:
        return [(pos, name) for pos, name in found if pos <= until]
    return found


def _title_start(text: str, start: int, first: int, lexicon: Lexicon) -> int:
    """Where the title abbreviations just before the run at ``first`` start ("Lt. Gen. "
    before "Sok Chea"); ``first`` if there are none."""
    for _ in range(MAX_TITLES_BEFORE):
        if first - 2 < start or text[first - 2 : first] != ". ":
            break
        window = text[max(start, first - _TITLE_REACH) : first - 2]
        if window.isascii() and window.islower():
            break  # no capital for a title to start with: "said. The", the usual case
        title = _TITLE_BEFORE.search(text, max(start, first - _TITLE_REACH), first)
        if title is None or lexicon.match_title([title.group(1) + "."], 0) is None:
            break
        first = title.start()
    return first


def _possessives(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``_POSSESSIVE.finditer(text, start, end)``.

    Every place _POSSESSIVE matches is one where _POSSESSIVE_START matches, and no
    match of either starts inside a match of _POSSESSIVE_START at another place (the
    letters inside it follow a letter), so checking those places finds them all.
    """
    found = []
    for candidate in _POSSESSIVE_START.finditer(text, start, end):
        match = _POSSESSIVE.match(text, candidate.start(), end)
        if match is not None:
            found.append(match.span())
    return found


@functools.lru_cache(maxsize=8)
def _descriptor_starts(lexicon: Lexicon) -> frozenset[str]:
    """The first two letters of each descriptor: two ASCII characters after a name that
    start none of them rule out a descriptor there without running _TRAILER."""
    return frozenset(w[:2] for w in lexicon.function_words.get("descriptor", ()))


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _runs(keys: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The runs an entity with name ``keys`` is indexed under: each word and each pair of
    adjacent words, once each, in order."""
    runs = [(k,) for k in keys] + [keys[i : i + 2] for i in range(len(keys) - 1)]
    return list(dict.fromkeys(runs))


def _keys(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(map(name_key, words))


@attrs.define
class Resolver:
    """Resolves mentions in document order; holds only this document's entities."""

    lexicon: Lexicon
    registry: SpeakerRegistry | None = None
    text: str = ""  # the document, to see whether a name is the subject of a speech verb
    # Entities by each (case-folded) word and each pair of adjacent words of their name,
    # oldest first: a short form ("Sen", "Hun Sen") finds the names containing it among
    # those sharing its first word or pair. Only the newest MAX_NAMESAKES are ever
    # compared, so older ones are dropped from the lists. A run only one entity has (most
    # pairs) maps to that entity itself: a list apiece would be that many more objects
    # for the garbage collector to traverse on a long document.
    _by_run: dict[tuple[str, ...], _Entity | list[_Entity]] = attrs.Factory(dict)
    _by_acronym: dict[str, _Entity] = attrs.Factory(dict)
    # Entities by their latest mention, oldest first (re-inserting moves an entity to the
    # end): recency without scanning duplicates. Mentions come in document order, so an
    # entity out of pronoun reach at the front is out of reach for good and is dropped:
    # a long document does not keep every name it ever saw alive.
    _recency: OrderedDict[int, _Entity] = attrs.Factory(OrderedDict)
    # Every remembered entity, least recently mentioned first (see MAX_ENTITIES).
    _remembered: OrderedDict[int, _Entity] = attrs.Factory(OrderedDict)
    _made: int = attrs.field(default=0, init=False)  # the entities made so far

    # --- the document's entities ------------------------------------------------------

    @property
    def entities(self) -> list[_Entity]:
        """The entities mentioned within pronoun reach of the latest mention, oldest
        first (older ones are found by name only)."""
        return list(self._recency.values())

    def observe(self, pos: int, mention: str) -> None:
        """Record a name seen in the text (not necessarily a speaker)."""
        if mention in _GENDERED:
            # "Clinton tweeted her thanks", "Trump said he": the name just before learns
            # its gender (a vote: the pronoun may belong to someone else).
            entity = next(reversed(self._recency.values()), None)
            if (
                entity is not None
                and pos - entity.last_pos <= POSSESSIVE_REACH + 40
                and entity.kind is SpeakerKind.PERSON
            ):
                entity.vote(_GENDERED[mention])
            return
        if " " not in mention:
            # One word: only a short form of a known person or an acronym keeps it recent.
            word = mention.removesuffix("'s").removesuffix("’s")
            entity = self._by_acronym.get(word)
            keys = (name_key(word),)
            if entity is None and keys not in self._by_run:
                return  # most capitalised words name no entity ("The", "But", "Monday")
            entity = entity or self._find_containing((word,), keys, "")
            if entity is not None and (
                entity.kind is SpeakerKind.PERSON or word in self._by_acronym
            ):
                self._touch(pos, entity)
                if self._speaks(pos + len(mention)):
                    entity.spoke, entity.spoke_at = True, pos
            return
        parsed = parse_mention(mention, self.lexicon)
        if parsed.title_only or (parsed.kind is SpeakerKind.UNKNOWN and len(parsed.words) < 2):
            return
        is_a = self.lexicon.is_a
        if is_a("starter", parsed.words[0]) and all(is_a("starter", w) for w in parsed.words):
            return  # "But The": the first word tells most often
        self._upsert(pos, parsed, spoke=self._speaks(pos + len(mention)))

    def _speaks(self, end: int) -> bool:
        """Whether a speech verb follows the name ending at ``end`` ("Hun Sen also
        affirmed that ..."): its subject is a speaker, quoted or not."""
        if self.text[end : end + 1] != " ":
            return False  # what _FOLLOWING_WORDS needs first (most names end a clause)
        match = _FOLLOWING_WORDS.match(self.text, end)
        if match is None:
            return False
        words = match.group().lower().split()
        i = 0
        while (
            i < len(words) - 1
            and i < MAX_ADVERBS_BEFORE_CUE
            and (self.lexicon.is_a("adverb", words[i]) or words[i].endswith("ly"))
        ):
            i += 1
        entry = self.lexicon.match_cue(words, i)
        return entry is not None and "belief" not in entry.tags

    def _touch(self, pos: int, entity: _Entity) -> None:
        entity.last_pos = max(entity.last_pos, pos)
        key = id(entity)
        remembered = self._remembered
        if key in remembered:
            remembered.move_to_end(key)
        else:  # a new entity: added at the end
            remembered[key] = entity
            if len(remembered) > MAX_ENTITIES:
                self._forget(remembered.popitem(last=False)[1])
        recency = self._recency
        if key in recency:
            recency.move_to_end(key)
        else:
            recency[key] = entity
        while pos - next(iter(recency.values())).last_pos > PRONOUN_REACH:
            recency.popitem(last=False)

    def _upsert(self, pos: int, parsed: ParsedName, *, spoke: bool) -> _Entity:
        containing = self._find_containing(parsed.words, parsed.keys, parsed.gender)
        return self._upsert_found(pos, parsed, containing, spoke=spoke)

    def _upsert_found(
        self, pos: int, parsed: ParsedName, entity: _Entity | None, *, spoke: bool
    ) -> _Entity:
        """:meth:`_upsert`, given what ``_find_containing`` finds for the name now."""
        if entity is None or len(parsed.words) > len(entity.words):
            entity = self._known_tail(parsed.words, parsed.keys) or entity
        if entity is None or len(parsed.words) > len(entity.words):
            kind = parsed.kind
            if kind is SpeakerKind.UNKNOWN and self.registry is not None:
                known = self.registry.lookup(parsed.name)
                kind = known.kind if known is not None else kind
            self._made += 1
            entity = _Entity(parsed.name, parsed.words, parsed.keys, kind, (), "", pos, self._made)
            self._index(entity)
        if spoke:
            entity.spoke, entity.spoke_at = True, pos
        if parsed.titles:
            entity.titles += tuple(t for t in parsed.titles if t not in entity.titles)
        entity.gender = entity.gender or parsed.gender
        entity.media = entity.media or parsed.media
        if parsed.acronym is not None:
            acronym = parsed.acronym
            if acronym not in self._by_acronym:
                self._by_acronym[acronym] = entity
                entity.acronyms += (acronym,)
        self._touch(pos, entity)
        return entity

    def _forget(self, entity: _Entity) -> None:
        """Drop ``entity`` from every index (it was mentioned least recently of all)."""
        for run in _runs(entity.keys):
            namesakes = self._by_run.get(run)
            if namesakes is entity:
                del self._by_run[run]
            elif isinstance(namesakes, list) and namesakes and namesakes[0].made <= entity.made:
                # A list holds its entities in the order they were made and only loses
                # its oldest (see _index) or a forgotten one: the entity is still there,
                # most often first. (Else it went long ago: no list to search.)
                namesakes.remove(entity)
        for acronym in entity.acronyms:
            del self._by_acronym[acronym]
        self._recency.pop(id(entity), None)

    def _index(self, entity: _Entity) -> None:
        """Index a new entity under each of its runs."""
        by_run = self._by_run
        for run in _runs(entity.keys):
            namesakes = by_run.get(run)
            if namesakes is None:
                by_run[run] = entity
            elif isinstance(namesakes, list):
                namesakes.append(entity)
                if len(namesakes) >= 2 * MAX_NAMESAKES:
                    del namesakes[:-MAX_NAMESAKES]  # never compared again
            else:
                by_run[run] = [namesakes, entity]

    def _namesakes(self, run: tuple[str, ...]) -> Iterable[_Entity]:
        """The newest MAX_NAMESAKES entities indexed under ``run``, newest first."""
        namesakes = self._by_run.get(run)
        if namesakes is None:
            return ()
        if isinstance(namesakes, list):
            return itertools.islice(reversed(namesakes), MAX_NAMESAKES)
        return (namesakes,)

    def _unheld(self, keys: tuple[str, ...]) -> int:
        """The start of the last pair of adjacent ``keys`` that no remembered name holds,
        or -1 if each is held.

        A name is indexed under each pair of its words until it is forgotten (a list of
        namesakes is cut short, never dropped), so no name holds a run of ``keys`` across
        that pair: one look-up tells so for most new names, where comparing the run with
        the namesakes of its first pair would find none after a long search.
        """
        by_run = self._by_run
        for j in range(len(keys) - 2, -1, -1):
            if keys[j : j + 2] not in by_run:
                return j
        return -1

    def _find_containing(
        self, words: tuple[str, ...], keys: tuple[str, ...], gender: str
    ) -> _Entity | None:
        """Most recent entity whose name contains ``words`` (with lookup forms ``keys``)
        as a contiguous run.

        A short form names a person by any part of the name (family names come first
        in Khmer and Vietnamese names); it names an organisation only with the word that
        makes it one ("the Times", not "Cambodia" for "People's Republic of Cambodia").
        """
        if not words:
            return None
        n = len(keys)
        if n > 2 and self._unheld(keys) >= 0:
            return None  # no name holds the whole run
        best: _Entity | None = None
        # The names sharing the run's first word or pair of words, newest first and
        # bounded (a lookup costs the same on a long article as on a short one), that
        # hold the whole run.
        names_organisation: bool | None = None  # whether ``words`` can name one (lazy)
        for entity in self._namesakes(keys[:2]):
            if best is not None and entity.last_pos <= best.last_pos:
                continue  # could not win: the checks below are not needed
            ek = entity.keys
            if n < len(ek):
                kind = entity.kind
                if kind is SpeakerKind.UNKNOWN:
                    continue  # no short forms of what is neither a person nor an organisation
                if kind is SpeakerKind.ORGANISATION:
                    if names_organisation is None:
                        names_organisation = any(
                            w in self.lexicon.org_words or self.lexicon.is_a("media", w)
                            for w in words
                        )
                    if not names_organisation:
                        continue
            if n > 2 and not _holds_run(ek, keys):
                continue
            if gender and entity.sex and gender != entity.sex:
                continue
            best = entity
        return best

    def _known_tail(self, words: tuple[str, ...], keys: tuple[str, ...]) -> _Entity | None:
        """A known person whose full name ends ``words`` ("Democrat Hillary Clinton")."""
        # No name holds a run across a pair no name holds: the tails from the last such
        # pair on are all that can be known.
        for k in range(max(1, self._unheld(keys) + 1), len(words) - 1):
            entity = self._find_containing(words[k:], keys[k:], "")
            if entity is not None and entity.kind is SpeakerKind.PERSON and entity.keys == keys[k:]:
                return entity
        return None

    def _recent(self, pos: int) -> Iterator[_Entity]:
        """Entities mentioned before ``pos`` and within reach, most recent first."""
        for entity in reversed(self._recency.values()):
            if pos - entity.last_pos > PRONOUN_REACH:
                return
            if entity.last_pos < pos:
                yield entity

    # --- mentions -----------------------------------------------------------------------

    def resolve_name(self, pos: int, mention: str) -> Resolved | None:
        """A mention written as a name (with or without titles)."""
        parsed = parse_mention(mention, self.lexicon)
        if parsed.title_only:
            # "Chairman said": the most recent entity carrying that title.
            entity = self._titled(pos, parsed.titles)
            if entity is not None:
                return self._resolved(pos, entity, Resolution.DESCRIPTION, parsed, mention)
            if len(parsed.titles) == 1 and " " not in parsed.titles[0]:
                # "Farmer said" after "Paul Farmer": a family name that is also a title.
                short = self._find_containing(parsed.titles, _keys(parsed.titles), parsed.gender)
                if short is not None and short.kind is SpeakerKind.PERSON:
                    return self._resolved(pos, short, Resolution.SHORT_NAME, parsed, mention)
            # "The article said": a description, whatever the attribution called it.
            return self.resolve_description(pos, mention)
        if len(parsed.words) == 1 and parsed.words[0] in self._by_acronym:
            entity = self._by_acronym[parsed.words[0]]
            return self._resolved(pos, entity, Resolution.SHORT_NAME, parsed, mention)
        existing = self._find_containing(parsed.words, parsed.keys, parsed.gender)
        if existing is not None and len(existing.words) > len(parsed.words):
            existing.gender = existing.gender or parsed.gender
            existing.titles += tuple(t for t in parsed.titles if t not in existing.titles)
            return self._resolved(pos, existing, Resolution.SHORT_NAME, parsed, mention)
        # Nothing has changed since the look-up above: what it found is reused.
        entity = self._upsert_found(pos, parsed, existing, spoke=True)
        return self._resolved(pos, entity, Resolution.NAME, parsed, mention)

    def fuller_name(self, word: str) -> str | None:
        """The one longer name of a person that holds ``word`` ("Ana Ruiz" for "Ruiz"),
        when exactly one does among the names read so far; None otherwise.

        A one-word speaker resolved before the full name appeared ("Ruiz: ‘…’" in a
        headline, "Mayor Ana Ruiz said …" below it) is renamed with it once the whole
        document is read."""
        key = name_key(word)
        namesakes = list(self._namesakes((key,)))
        short = next((e for e in namesakes if len(e.words) == 1), None)
        sex = short.sex if short is not None else ""
        names = {
            entity.name
            for entity in namesakes
            if len(entity.words) > 1
            and entity.kind is SpeakerKind.PERSON
            and entity.keys[-1] == key  # a family name: "Ana Ruiz", not "Ruiz Group"
            and entity.spoke  # someone quoted, not a name seen in passing
            and not (sex and entity.sex and sex != entity.sex)  # not "Ivana" for "Mr. Trump"
        }
        return names.pop() if len(names) == 1 else None

    def resolve_pronoun(self, pos: int, pronoun: str) -> Resolved | None:
        """The speaker quoted just before, else the most recent compatible entity in
        reach; None when there is none.

        Gender comes only from titles and pronouns: an entity of unknown gender is
        compatible with "he" and "she", and each pronoun resolved to it is a vote. A name
        seen only in passing, with no title, gender or speech of its own ("Phnom Penh"),
        is no antecedent for a person pronoun.
        """
        info = self.lexicon.pronouns.get(pronoun.lower())
        if info is None:
            return None
        gender, kind, number = info
        best = self._antecedent(pos, gender, kind, number)
        if best is None:
            return None
        if gender:
            best.vote(gender)  # "he" said so
        return self._resolved(pos, best, Resolution.PRONOUN, None, pronoun)

    def _antecedent(self, pos: int, gender: str, kind: str, number: str) -> _Entity | None:
        """The entity a pronoun of this gender, kind and number at ``pos`` refers to."""
        candidates = [
            e
            for e in self._recent(pos)
            if _compatible(e, gender, kind, number)
            and (e.spoke or e.titles or e.sex or e.kind is SpeakerKind.ORGANISATION)
        ]
        if not candidates:
            return None
        # In a run of quotes ("...," he said) the speaker just quoted goes on speaking.
        # (Preferring a known gender that fits over an unknown one was measured worse.)
        near = sorted(
            (e for e in candidates if 0 <= pos - e.spoke_at <= SPEAKER_WINDOW),
            key=lambda e: -e.spoke_at,
        )
        return (near or candidates)[0]

    def resolve_description(self, pos: int, description: str) -> Resolved | None:
        """ "the minister" -> the most recent entity titled minister; "the newspaper",
        "the article", "an editorial" -> the most recent outlet; otherwise None."""
        words = description.split()
        if not 2 <= len(words) <= MAX_DESCRIPTION_WORDS:
            return self._registered(None, description)
        det, head = words[0].lower(), words[-1].lower()
        modifiers = words[1:-1]
        entity: _Entity | None = None
        if (name_word("publication", head) and det in _DEFINITE | _INDEFINITE) or (
            det in _DEFINITE and self.lexicon.is_a("media", head)
        ):
            # "An editorial voiced ...": a named paper's editorial is the paper speaking;
            # "the newspaper said": the paper named just before.
            entity = next(
                (
                    e
                    for e in self._recent(pos)
                    if _is_outlet(e, self.lexicon) and pos - e.last_pos <= OUTLET_REACH
                ),
                None,
            )
        elif det in _DEFINITE:
            entity = self._titled(pos, (" ".join([*modifiers, head]),))
            if entity is None:
                entity = next(
                    (
                        e
                        for e in self._recent(pos)
                        if e.kind is SpeakerKind.ORGANISATION and head in e.keys
                    ),
                    None,
                )  # "the ministry" -> the Ministry of Defence named before
        if entity is None:
            return self._registered(None, description)
        return self._resolved(pos, entity, Resolution.DESCRIPTION, None, description)

    def _titled(self, pos: int, titles: tuple[str, ...]) -> _Entity | None:
        """The most recent entity in reach carrying one of ``titles`` ("minister")."""
        wanted = [t.split() for t in titles if t.split()]
        for entity in self._recent(pos):
            if any(_has_title(entity, w[-1].lower(), w[:-1]) for w in wanted):
                return entity
        return None

    def _resolved(
        self,
        pos: int,
        entity: _Entity,
        resolution: Resolution,
        parsed: ParsedName | None,
        mention: str,
    ) -> Resolved:
        entity.spoke, entity.spoke_at = True, pos
        self._touch(pos, entity)
        kind = entity.kind
        if parsed is not None and kind is SpeakerKind.UNKNOWN:
            kind = parsed.kind
        result = Resolved(
            entity.name,
            parsed.titles if parsed is not None else (),
            parsed.role if parsed is not None else None,
            kind,
            resolution,
            entity.sex,
        )
        names = (mention,) if parsed is None else (parsed.name, mention)
        return self._registered(result, *names) or result

    def _registered(self, result: Resolved | None, *names: str) -> Resolved | None:
        """The registry's name and id for a result (or for a bare mention), if known."""
        if self.registry is None:
            return result
        candidates = ([result.name] if result is not None else []) + list(names)
        for name in candidates:
            known = self.registry.lookup(name)
            if known is None:
                continue
            if result is None:
                return Resolved(known.name, (), None, known.kind, Resolution.REGISTRY, "", known.id)
            resolution = result.resolution
            if resolution in (Resolution.NAME, Resolution.SHORT_NAME):
                resolution = Resolution.REGISTRY
            kind = known.kind if known.kind is not SpeakerKind.UNKNOWN else result.kind
            return result._replace(name=known.name, id=known.id, kind=kind, resolution=resolution)
        return result


def _holds_run(keys: tuple[str, ...], run: tuple[str, ...]) -> bool:
    """Whether ``run`` occurs in ``keys`` as contiguous words."""
    n = len(run)
    return any(keys[i : i + n] == run for i in range(len(keys) - n + 1) if keys[i] == run[0])


def _compatible(entity: _Entity, gender: str, kind: str, number: str) -> bool:
    if kind == "organisation" or number == "plural":
        return entity.kind is SpeakerKind.ORGANISATION
    if kind == "person":
        if entity.kind is SpeakerKind.ORGANISATION:
            return False
        return not (gender and entity.sex and gender != entity.sex)
    return True


def _is_outlet(entity: _Entity, lexicon: Lexicon) -> bool:
    return entity.media or (
        entity.kind is SpeakerKind.ORGANISATION
        and any(lexicon.is_a("media", w) for w in entity.words)
    )


def _has_title(entity: _Entity, head: str, modifiers: list[str]) -> bool:
    """Whether ``entity`` carries a title with head word ``head`` and these modifiers.

    "the minister" fits "Defence Minister" but not "Prime Minister" (a different office);
    a capitalised modifier ("the Cambodian minister") is a place, not part of the title.
    """
    alias = name_word_map("title_alias")
    head = alias.get(head, head)
    wanted = {alias.get(m.lower(), m.lower()) for m in modifiers}
    for title in entity.titles:
        # "Sen." is "senator", "PM" is "prime minister".
        words = [
            x for w in title.lower().replace("-", " ").split() for x in alias.get(w, w).split()
        ]
        if head not in words:
            continue
        before = words[: words.index(head)]
        if any(name_word("rank_modifier", w) and w not in wanted for w in before):
            continue
        if all(
            alias.get(m.lower(), m.lower()) in words
            or m[:1].isupper()
            or name_word("loose_modifier", m)
            for m in modifiers
        ):
            return True
    return False
