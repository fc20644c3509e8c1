"""Find the cue and the speaker mention that attribute a quote.

The rules read tokens around a quote: after it (``"…," said X`` / ``"…," X said`` /
``"…" — X``), before it in its sentence (``X, ROLE, said: "…"``, ``according to X``,
``what X described as "…"``, ``X cited Y in affirming that "…"``), and in the
sentences before it in its paragraph. They return plain values; resolving the mention
to a canonical speaker is a later stage.
"""

from __future__ import annotations

from typing import NamedTuple

import attrs

from ._lexicon import CueEntry, Lexicon
from ._lexicon import in_word_class as _is
from ._model import Attribution
from ._tokens import Token, in_number

# Bounds keep every search linear: no rule looks further than this many tokens.
MAX_NAME_TOKENS = 12
MAX_ROLE_TOKENS = 30
MAX_ADVERBS = 4
_PRONOUNS_EXTRA = {"i": "", "we": ""}


class Mention(NamedTuple):
    """A speaker mention found in the text (view offsets).

    A named tuple rather than a frozen attrs class: the rules make thousands of them
    per document (a tuple is several times cheaper to make); read-only all the same."""

    start: int
    end: int
    form: str  # "name", "pronoun" or "description"
    role: tuple[int, int] | None = None


class CueMatch:
    """A cue found in a token window; read-only by convention.

    A plain slotted class (equal, hashed and shown by its fields, as the frozen attrs
    class it replaces was): one is made for every cue read, and a named tuple cannot
    have a field called ``index``."""

    __slots__ = ("end", "entry", "index", "length", "start")

    start: int
    end: int
    index: int  # index of the cue's first token
    length: int  # number of tokens
    entry: CueEntry

    def __init__(self, start: int, end: int, index: int, length: int, entry: CueEntry) -> None:
        self.start = start
        self.end = end
        self.index = index
        self.length = length
        self.entry = entry

    def _fields(self) -> tuple[int, int, int, int, CueEntry]:
        return (self.start, self.end, self.index, self.length, self.entry)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not CueMatch:
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (
            f"CueMatch(start={self.start!r}, end={self.end!r}, index={self.index!r}, "
            f"length={self.length!r}, entry={self.entry!r})"
        )


@attrs.frozen
class Found:
    """The result of attribution for one quote."""

    speaker: Mention | None
    cue: CueMatch | None
    via: Mention | None
    attribution: Attribution

    @property
    def found(self) -> bool:
        return self.speaker is not None


NOT_FOUND = Found(None, None, None, Attribution.NONE)


def find_cues(tokens: list[Token], lexicon: Lexicon) -> list[CueMatch]:
    """Every cue in ``tokens``, longest match first at each position, left to right."""
    words = [t.lower for t in tokens]
    cues: list[CueMatch] = []
    cue_words = lexicon.cues
    # Most words start no cue: only the positions of those that may are visited.
    after = 0  # the first position not inside a cue already read
    for i in [k for k, word in enumerate(words) if word in cue_words]:
        if i < after:
            continue
        entry = lexicon.match_cue(words, i)
        if entry is not None and i > 0:
            # A capitalised cue word inside a sentence is a name ("Secretary of State");
            # one after a possessive or a determiner is a noun ("Trump's call").
            capitalised_inside = tokens[i].is_cap and tokens[i - 1].is_word
            if capitalised_inside or _is_noun_context(tokens[i - 1], lexicon):
                entry = None
            elif (
                words[i] == entry.lemma
                and i > 1
                and not tokens[i - 1].is_cap
                and _is_noun_context(tokens[i - 2], lexicon)
            ):
                entry = None  # a base form after "DET adjective": "the caustic chant"
        if entry is None:
            continue
        n = len(entry.words)
        after = i + n
        if (
            i + n < len(words)
            and words[i + n] == "to"
            and lexicon.is_a("not_before_to", entry.lemma)
        ):
            continue  # "Rubio will continue to be …": not speech
        cues.append(CueMatch(tokens[i].start, tokens[i + n - 1].end, i, n, entry))
    return cues


def _is_noun_context(previous: Token, lexicon: Lexicon) -> bool:
    """The word before a cue form makes it a noun: "Trump's call", "her remarks"."""
    low = previous.lower
    if low == "of":
        return True  # "the secretary of state", "a statement of support"
    return (
        low.endswith(("'s", "’s", "s'", "s’")) and not _is(lexicon, "pronoun_contraction", low)
    ) or (_is(lexicon, "determiner", low) and low not in _NOT_NOUN_DETERMINERS)


# Determiners that may stand right before a verb ("the officials that said", "both said").
_NOT_NOUN_DETERMINERS = frozenset({"that", "both", "each", "some", "many", "several", "one"})


# --- mentions ---------------------------------------------------------------------------


def _is_pronoun(token: Token, lexicon: Lexicon) -> bool:
    return token.lower in lexicon.pronouns or token.lower in _PRONOUNS_EXTRA


def _name_run_left(tokens: list[Token], end: int, lexicon: Lexicon) -> int | None:
    """Start index of the capitalised name run ending at ``tokens[end]`` (inclusive)."""
    i = end
    start: int | None = None
    steps = 0
    while i >= 0 and steps < MAX_NAME_TOKENS:
        steps += 1
        tok = tokens[i]
        if tok.text == ")":
            j = i - 1
            while j >= 0 and i - j < 8 and tokens[j].text != "(":
                j -= 1
            if j < 0 or tokens[j].text != "(":
                break
            i = j - 1
            continue
        if tok.is_word and tok.is_cap and not _is(lexicon, "time", tok.lower):
            start = i
            i -= 1
            continue
        if tok.is_word and start is not None and _is(lexicon, "connector", tok.lower):
            # A connector only joins two capitalised words ("Bank of America").
            if i > 0 and (tokens[i - 1].is_cap or _is(lexicon, "connector", tokens[i - 1].lower)):
                i -= 1
                continue
            break
        if tok.is_word and i == end and _is(lexicon, "descriptor", tok.lower):
            i -= 1  # "the Canberra Times newspaper said"
            continue
        if tok.is_word and start is not None and _in_title(tokens, i, lexicon):
            start = i  # a lower-case word of a title ("Political commissar")
            i -= 1
            continue
        break
    if start is None:
        return None
    # Drop sentence openers and connectors at the front ("Later Hun Sen", "the ...").
    while start <= end and (
        _is(lexicon, "starter", tokens[start].lower) or not tokens[start].is_cap
    ):
        if _is(lexicon, "determiner", tokens[start].lower) and start + 1 <= end:
            break  # keep "the" of "the Khmer Times" for the name grammar
        start += 1
    if start > end:
        return None
    if not _has_name_word(tokens, start, end, lexicon):
        return None
    return start


def _has_name_word(tokens: list[Token], start: int, end: int, lexicon: Lexicon) -> bool:
    """A name run holds a capitalised word that is not a number or a lone determiner."""
    if start == end and _is(lexicon, "determiner", tokens[start].lower):
        return False  # "Another advised, …"
    if start == end and tokens[start].lower.endswith("ly") and len(tokens[start].text) > 5:
        return False  # "Hastily, …": an adverb opening the sentence
    return any(t.text[:1].isupper() for t in tokens[start : end + 1])


def _in_title(tokens: list[Token], i: int, lexicon: Lexicon) -> bool:
    words = [t.text for t in tokens[max(0, i - 3) : i + 3]]
    offset = i - max(0, i - 3)
    for j in range(offset + 1):
        entry = lexicon.match_title(words, j)
        if entry is not None and j + len(entry.words) > offset:
            return True
    return False


def _description_left(tokens: list[Token], end: int, lexicon: Lexicon) -> int | None:
    """Start of a description ending at ``tokens[end]``: "the minister", "sources"."""
    tok = tokens[end]
    if not tok.is_word or not _is(lexicon, "description", tok.lower):
        return None
    i = end - 1
    steps = 0
    while i >= 0 and steps < 4:
        steps += 1
        if _is(lexicon, "determiner", tokens[i].lower):
            return i
        if not tokens[i].is_word:
            break
        i -= 1
    if tok.lower.endswith("s"):
        # a bare plural: "federal prosecutors wrote", "sources said"
        start = end
        while start > 0 and end - start < MAX_MODIFIERS:
            prev = tokens[start - 1]
            if not prev.is_word or prev.is_cap or _is(lexicon, "stop", prev.lower):
                break
            if lexicon.match_cue([prev.lower], 0) is not None:
                break
            start -= 1
        return start
    return None


def subject_before(tokens: list[Token], cue_index: int, lexicon: Lexicon) -> Mention | None:
    """The speaker written before the cue at ``tokens[cue_index]`` (subject position)."""
    i = cue_index - 1
    if (
        i >= 0
        and tokens[cue_index].lower.endswith("ing")
        and _is(lexicon, "aspectual", tokens[i].lower)
    ):
        i -= 1  # "Sen. Ron Johnson kept asking her why …": the subject of "kept"
    skipped = 0
    while i >= 0 and skipped < MAX_ADVERBS and tokens[i].is_word:
        low = tokens[i].lower
        if _is(lexicon, "adverb", low) or (low.endswith("ly") and not tokens[i].is_cap):
            i -= 1
            skipped += 1
            continue
        if _is(lexicon, "time", low):
            # "Trump on Friday described", "Clinton last week said"
            i -= 1
            if i >= 0 and tokens[i].lower in {"on", "last", "this", "next", "early", "late"}:
                i -= 1
            skipped += 1
            continue
        break
    if i < 0:
        return None
    tok = tokens[i]
    if tok.is_word and _is_pronoun(tok, lexicon):
        return Mention(tok.start, tok.end, "pronoun")
    if tok.lower == "who" and i >= 2 and tokens[i - 1].text == ",":
        # "Mike Lee, who declared …": the relative pronoun's antecedent
        start = _name_run_left(tokens, i - 2, lexicon)
        if start is not None:
            return Mention(tokens[start].start, tokens[i - 2].end, "name")
        return None
    if tok.is_word and _is(lexicon, "pronoun_contraction", tok.lower):
        # "he's said", "she'd told": the pronoun without its auxiliary
        base = len(tok.text.replace("’", "'").split("'")[0])
        return Mention(tok.start, tok.start + base, "pronoun")
    if tok.text == ",":
        return _apposition_subject(tokens, i, lexicon)
    if tok.is_word or tok.text == ")":  # "Reid (D-Nev.) told reporters"
        start = _name_run_left(tokens, i, lexicon)
        if start is not None:
            k = start - 1
            if k > 0 and _is(lexicon, "determiner", tokens[k].lower):
                k -= 1  # "... at the Cambodian Defence Ministry"
            before = tokens[k] if k >= 0 else None
            if before is not None and before.is_word and _is(lexicon, "preposition", before.lower):
                # "General X, Secretary of State at the Ministry recalled": a role tail.
                described = _noun_phrase_with_of(tokens, k, i, lexicon)
                if described is not None:
                    return described
                appo = _comma_left(tokens, k)
                if appo is not None:
                    name_start = _name_run_left(tokens, appo - 1, lexicon) if appo > 0 else None
                    if name_start is not None:
                        return Mention(
                            tokens[name_start].start,
                            tokens[appo - 1].end,
                            "name",
                            (tokens[appo + 1].start, tokens[i].end),
                        )
                if before.lower == "with":
                    # "with Senator John McCain telling reporters": an absolute clause
                    return Mention(tokens[start].start, tokens[i].end, "name")
                return None
            return Mention(tokens[start].start, tokens[i].end, "name")
        described = _description_mention(tokens, i, lexicon)
        if described is not None:
            return described
        return _subject_before_relative(tokens, i, lexicon)
    return None


def _head_before_phrase(tokens: list[Token], prep: int, lexicon: Lexicon) -> int | None:
    """The determiner opening "DET noun PREP …", when a noun stands before ``prep``."""
    k = prep - 1
    if k < 1:
        return None
    noun = tokens[k]
    if (
        not noun.is_word
        or noun.is_cap
        or _is(lexicon, "stop", noun.lower)
        or noun.lower.endswith(("ed", "ing", "ly"))
    ):
        return None
    j = k - 1
    while j >= 0 and k - j <= 3 and tokens[j].is_word:
        if _is(lexicon, "determiner", tokens[j].lower):  # "A spokesman for …" opens sentences
            return j if tokens[j].lower not in _DEMONSTRATIVES else None
        if tokens[j].is_cap or _is(lexicon, "stop", tokens[j].lower):
            return None
        j -= 1
    return None


# How far back a relative pronoun may stand from the cue ("an aide who asked not to
# be named because the talks were private said").
MAX_RELATIVE_TOKENS = 14


def _subject_before_relative(tokens: list[Token], i: int, lexicon: Lexicon) -> Mention | None:
    """The subject before a relative clause that separates it from the cue."""
    j = i
    while j > 0 and i - j < MAX_RELATIVE_TOKENS and tokens[j].is_word:
        if tokens[j].lower in {"who", "which"}:
            k = j - 1
            if tokens[k].is_word and _is_pronoun(tokens[k], lexicon):
                return None
            if tokens[k].is_word and tokens[k].is_cap:
                start = _name_run_left(tokens, k, lexicon)
                if start is not None:
                    return Mention(tokens[start].start, tokens[k].end, "name")
            return _description_mention(tokens, k, lexicon)
        j -= 1
    return None


def _description_mention(tokens: list[Token], end: int, lexicon: Lexicon) -> Mention | None:
    """A description ending at ``tokens[end]``: a known head ("the minister") or any
    short noun phrase opened by a determiner ("a longtime aide")."""
    start = _description_left(tokens, end, lexicon)
    if start is None:
        start = _any_description_left(tokens, end, lexicon)
    if start is None:
        return None
    return Mention(tokens[start].start, tokens[end].end, "description")


def _any_description_left(tokens: list[Token], end: int, lexicon: Lexicon) -> int | None:
    """Start of a short noun phrase opened by a determiner: "one unaligned strategist",
    "the party member", "a narrator in the film". The head must look like a noun."""
    head = tokens[end]
    if (
        head.is_cap
        or head.lower.endswith(("ly", "ed", "ing", "n't", "n’t"))
        or head.lower in _AUXILIARIES
        or _is(lexicon, "stop", head.lower)
        or _is(lexicon, "determiner", head.lower)
        or _is_pronoun(head, lexicon)
    ):
        return None
    i = end - 1
    while i >= 0 and end - i <= MAX_DESCRIPTION_WORDS:
        tok = tokens[i]
        if not tok.is_word:
            return None
        if _is(lexicon, "determiner", tok.lower):
            if tok.lower in _DEMONSTRATIVES and i + 1 == end:
                return None  # "that country said": too often a clause
            if i > 0 and _is(lexicon, "preposition", tokens[i - 1].lower):
                # "A spokeswoman for the bank said": the head before the phrase; but
                # "… in the past said": the object of a preposition, no speaker.
                return _head_before_phrase(tokens, i - 1, lexicon)
            return i
        if tok.lower != "of" and (
            _is(lexicon, "stop", tok.lower) or lexicon.match_cue([tok.lower], 0) is not None
        ):
            return None  # "of" may stay: "the secretary of state said"
        i -= 1
    return None


def _noun_phrase_with_of(
    tokens: list[Token], of_index: int, end: int, lexicon: Lexicon
) -> Mention | None:
    """ "a newspaper of the Cambodian People's Party", "the senator from Vermont": a
    description whose head noun takes a prepositional phrase ending in a name."""
    if of_index < 2 or tokens[of_index].lower not in _HEAD_PREPOSITIONS:
        return None
    noun = tokens[of_index - 1]
    if not noun.is_word or noun.is_cap:
        return None
    j = of_index - 2
    while j >= 0 and of_index - j <= 4 and tokens[j].is_word and not tokens[j].is_cap:
        if _is(lexicon, "determiner", tokens[j].lower):
            return Mention(tokens[j].start, tokens[end].end, "description")
        if _is(lexicon, "stop", tokens[j].lower):
            return None
        j -= 1
    return None


# Prepositions that attach a name to a description's head ("the senator from Vermont").
_HEAD_PREPOSITIONS = frozenset({"of", "from", "at", "for", "in"})


def _comma_left(tokens: list[Token], i: int) -> int | None:
    j = i
    while j >= 0 and i - j < MAX_ROLE_TOKENS:
        if tokens[j].text == ",":
            return j
        if tokens[j].text in '.;:!?"“”' and not (
            tokens[j].text == "." and j + 1 < len(tokens) and tokens[j + 1].text == ","
        ):
            return None  # a full stop before a comma ends an abbreviation ("R-Ky.,")
        j -= 1
    return None


# Words that open an aside of the sentence between a name and its cue, not a role.
_ASIDE_OPENERS = frozenset(
    {"after", "before", "during", "amid", "following", "despite", "upon", "when", "while"}
)


def _apposition_subject(tokens: list[Token], comma: int, lexicon: Lexicon) -> Mention | None:
    """ "Mr. Chhay Yi Heang, advisor to the Royal Government of Cambodia, wrote"."""
    open_comma = _comma_left(tokens, comma - 1)
    if open_comma is None or open_comma == 0:
        return None
    role_first = tokens[open_comma + 1]
    low_first = role_first.lower
    name_end = open_comma - 1
    if tokens[name_end].is_word and _is_pronoun(tokens[name_end], lexicon):
        return None
    start = _name_run_left(tokens, name_end, lexicon)
    if start is None and tokens[name_end].is_word and not role_first.is_cap:
        # "A city adviser, who asked not to be named, said"
        described = _description_mention(tokens, name_end, lexicon)
        if described is not None:
            return described
    if start is None and low_first.endswith("ing") and not role_first.is_cap:
        # "Environmental groups, citing new studies, said": a plural noun phrase
        # opening the sentence, its capital only the sentence's.
        opening = _opening_plural(tokens, name_end, lexicon)
        if opening is not None:
            return opening
    if start is None and role_first.is_cap:
        # "Another member of the panel, Ines Haddad, said": the name is inside.
        inner = _name_run_left(tokens, comma - 1, lexicon)
        if inner == open_comma + 1:
            return Mention(role_first.start, tokens[comma - 1].end, "name")
    if start is None or not role_first.is_word:
        return None
    low = role_first.lower
    if (
        low == "who"
        or low in _ASIDE_OPENERS
        or (not role_first.is_cap and low.endswith("ing") and len(low) > 4)
    ):
        # "Ana Lopez, who …", "…, citing the heat,", "…, after the meeting,": an aside
        # of the sentence, not the speaker's role ("…, of the tenants' union," is one).
        return Mention(tokens[start].start, tokens[name_end].end, "name")
    if _name_and_verb(tokens, open_comma + 1, comma, lexicon):
        return None  # "In Salem, New Hampshire, Trump went after Bush, calling …": a clause
    return Mention(
        tokens[start].start,
        tokens[name_end].end,
        "name",
        (role_first.start, tokens[comma - 1].end),
    )


# The words of a clause's subject before its verb, in a clause taken for a role.
MAX_SUBJECT_WORDS = 4
# Relative pronouns: a clause after one is no subject and verb of the sentence.
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})


def _name_and_verb(tokens: list[Token], first: int, end: int, lexicon: Lexicon) -> bool:
    """Whether ``tokens[first:end]`` holds a finite verb ("the governor went after his
    rival") or opens with capitalised words and a verb in -ed ("Clinton pointed to …"):
    a clause, not a role ("Florida's former governor", "a retired teacher")."""
    opener = tokens[first]
    if opener.is_cap or _is(lexicon, "determiner", opener.lower):
        # a subject, then its verb ("the governor went"); not a participle opening the
        # role ("struck by her story") nor a relative clause ("a Republican who is")
        for k in range(first + 1, min(end, first + MAX_SUBJECT_WORDS + 1)):
            low = tokens[k].lower
            if low in RELATIVE_PRONOUNS or not tokens[k].is_word:
                break
            if _is(lexicon, "finite", low):
                return True
    k = first
    while k < end and tokens[k].is_word and tokens[k].is_cap:
        k += 1
    if k == first or k >= end or not tokens[k].is_word:
        return False
    low = tokens[k].lower
    return _is(lexicon, "finite", low) or (low.endswith("ed") and len(low) > 3)


MAX_OPENING_MODIFIERS = 3


def _opening_plural(tokens: list[Token], end: int, lexicon: Lexicon) -> Mention | None:
    """ "Environmental groups", "Local dairy farmers": a capitalised word opening the
    tokens read (the sentence, or the window of it before a cue), then lower-case words
    up to a plural noun at ``tokens[end]``, none of them a verb; None for anything else."""
    if not 1 <= end <= MAX_OPENING_MODIFIERS:
        return None
    first = tokens[0]
    if (
        not first.is_word
        or not first.is_cap
        or _is(lexicon, "starter", first.lower)
        or _is(lexicon, "determiner", first.lower)
        or _is_pronoun(first, lexicon)
    ):
        return None
    for tok in tokens[1 : end + 1]:
        low = tok.lower
        if (
            not tok.is_word
            or tok.is_cap
            or low in _AUXILIARIES
            or low in _NOT_VERBS
            or low.endswith(("ed", "ly", "ing"))
            or _is(lexicon, "finite", low)
            or _is(lexicon, "stop", low)
            or lexicon.match_cue([low], 0) is not None
        ):
            return None
    head = tokens[end].lower
    if not head.endswith("s") or head.endswith(("ss", "us", "'s", "’s")):
        return None
    return Mention(first.start, tokens[end].end, "description")


def agent_after(tokens: list[Token], index: int, lexicon: Lexicon) -> Mention | None:
    """The speaker written after a cue ("said Minister Tea Banh", "according to X")."""
    if index >= len(tokens):
        return None
    tok = tokens[index]
    if tok.is_word and _is_pronoun(tok, lexicon):
        return Mention(tok.start, tok.end, "pronoun")
    if tok.is_word and _is(lexicon, "determiner", tok.lower):
        j = index + 1
        while j < len(tokens) and j - index <= MAX_NAME_TOKENS and tokens[j].is_word:
            if tokens[j].is_cap or _is(lexicon, "stop", tokens[j].lower):
                break
            if _is(lexicon, "description", tokens[j].lower):
                nxt = tokens[j + 1] if j + 1 < len(tokens) else None
                if nxt is None or not nxt.is_cap or not nxt.is_word:
                    return Mention(tok.start, tokens[j].end, "description")
            j += 1
        if tok.lower not in _DEMONSTRATIVES:
            last = _description_right(tokens, index, lexicon)
            if last is not None:
                return Mention(tok.start, tokens[last].end, "description")
    end = _name_run_right(tokens, index, lexicon)
    if end is None:
        end = _premodified_name_right(tokens, index, lexicon)
    if end is None:
        return None
    role = _role_after(tokens, end + 1, lexicon)
    return Mention(tok.start, tokens[end].end, "name", role)


# How many lower-case words may stand before a name ("retired neurosurgeon Ben Carson").
MAX_MODIFIERS = 5


def _premodified_name_right(tokens: list[Token], start: int, lexicon: Lexicon) -> int | None:
    """End of a name led by lower-case modifiers: "election lawyer Joe Birkenstock",
    "former presidential candidate Herman Cain"."""
    j = start
    while j < len(tokens) and j - start < MAX_MODIFIERS:
        tok = tokens[j]
        if not tok.is_word or _is_pronoun(tok, lexicon):
            return None
        if _is(lexicon, "stop", tok.lower) and not (tok.lower == "of" and j > start):
            return None  # "of" may join modifiers: "master of ceremonies Lina Haddad"
        if tok.is_cap:
            break
        j += 1
    if j == start or j >= len(tokens) or not tokens[j].is_cap:
        return None
    return _name_run_right(tokens, j, lexicon)


# Determiners that, right after a cue, open a clause rather than a speaker ("said that").
_DEMONSTRATIVES = frozenset({"that", "this", "these", "those"})
# How many words a description read rightwards may hold ("one unaligned Florida
# Republican strategist").
MAX_DESCRIPTION_WORDS = 7


def _description_right(tokens: list[Token], det: int, lexicon: Lexicon) -> int | None:
    """Last token of a description opened by the determiner at ``det``.

    It runs over words up to punctuation, a relative pronoun or preposition, or a cue
    ("said a longtime aide to the mayor" -> "a longtime aide"). A run of capitalised
    words only is a name ("the Khmer Times"), left to the name grammar.
    """
    j = det + 1
    last: int | None = None
    words = [t.lower for t in tokens[det : det + MAX_DESCRIPTION_WORDS + 2]]
    while j < len(tokens) and j - det <= MAX_DESCRIPTION_WORDS:
        tok = tokens[j]
        if not tok.is_word or _is(lexicon, "stop", tok.lower):
            break
        if lexicon.match_cue(words, j - det) is not None:
            break
        last = j
        j += 1
    if last is None or tokens[last].is_cap:
        return None
    return _before_verb(tokens, det, last, lexicon)


def _name_run_right(tokens: list[Token], start: int, lexicon: Lexicon) -> int | None:
    i = start
    end: int | None = None
    while i < len(tokens) and i - start < MAX_NAME_TOKENS:
        tok = tokens[i]
        if tok.is_word and tok.is_cap and not _is(lexicon, "time", tok.lower):
            end = i
        elif (tok.is_word and _is(lexicon, "determiner", tok.lower) and i == start) or (
            tok.is_word
            and end is not None
            and _is(lexicon, "connector", tok.lower)
            and i + 1 < len(tokens)
            and tokens[i + 1].is_cap
        ):
            pass
        elif tok.text == "(" and end is not None:
            j = i + 1
            while j < len(tokens) and j - i < 8 and tokens[j].text != ")":
                j += 1
            if j >= len(tokens) or tokens[j].text != ")":
                break
            end = j
            i = j
        elif tok.is_word and _in_title(tokens, i, lexicon):
            pass
        else:
            break
        i += 1
    return end


def _role_after(tokens: list[Token], i: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """ ", a doctor," / ", President of the National Assembly," after a name."""
    if i >= len(tokens) or tokens[i].text != ",":
        return None
    j = i + 1
    while j < len(tokens) and j - i <= MAX_ROLE_TOKENS:
        if tokens[j].text in ",.;:":
            break
        j += 1
    if j == i + 1 or j >= len(tokens) or tokens[j].text != ",":
        return None
    first = tokens[i + 1]
    if not (
        _is(lexicon, "determiner", first.lower)
        or lexicon.match_title([t.text for t in tokens[i + 1 : j]], 0) is not None
    ):
        return None
    return (first.start, tokens[j - 1].end)


# --- quote attribution ---------------------------------------------------------------


def attribute_after(tokens: list[Token], lexicon: Lexicon) -> Found:
    """Attribution written right after a quote's closing mark."""
    i = 0
    dash = False
    while i < len(tokens) and i < 3 and not tokens[i].is_word:
        if tokens[i].text in "—–-":
            dash = True
        if tokens[i].text in "\"“”‘’'":
            return NOT_FOUND
        i += 1
    if i < len(tokens) - 2 and tokens[i].lower == "as":
        i += 1  # '“…,” as Cruz said on the radio'
    if i >= len(tokens):
        return NOT_FOUND
    words = [t.lower for t in tokens]
    entry = lexicon.match_cue(words, i)
    if entry is not None and words[i].endswith("ing") and "source_first" not in entry.tags:
        return NOT_FOUND  # '"…," referring to Trump': a participle, not "said X"
    if entry is not None and "belief" not in entry.tags:
        n = len(entry.words)
        cue = CueMatch(tokens[i].start, tokens[i + n - 1].end, i, n, entry)
        agent = agent_after(tokens, i + n, lexicon)
        if agent is not None:
            return Found(agent, cue, None, Attribution.ADJACENT)
        return NOT_FOUND
    found = _subject_then_cue(tokens, i, words, dash, lexicon)
    if found.found:
        return found
    return _phrase_then_cue(tokens, i, words, lexicon)


def _subject_then_cue(
    tokens: list[Token], i: int, words: list[str], dash: bool, lexicon: Lexicon
) -> Found:
    """'"…," Jane Doe said' / '"…," she added' / '"…" — Jane Doe'."""
    subject = _mention_right(tokens, i, lexicon)
    if subject is None:
        return NOT_FOUND
    mention, j = subject
    j += 1
    if j < len(tokens) and tokens[j].text == ",":
        # "…," Jane Doe, legal director for the ACLU of Oregon, said.
        close = _closing_comma(tokens, j)
        if close is not None and close + 1 < len(tokens):
            k = _skip_adverbs(tokens, close + 1, lexicon)
            if k < len(tokens) and _speech_cue(lexicon, words, k) is not None:
                inner = tokens[j + 1]
                if (
                    mention.form == "description"
                    and inner.is_cap
                    and _name_run_right(tokens, j + 1, lexicon) == close - 1
                ):
                    # '“…,” the union's secretary, Ahmed Salim, said': the name is the speaker
                    role = (mention.start, mention.end)
                    mention = Mention(inner.start, tokens[close - 1].end, "name", role)
                else:
                    mention = mention._replace(role=(inner.start, tokens[close - 1].end))
                j = close + 1
    skipped = 0
    while j < len(tokens) and skipped < MAX_ADVERBS and _is(lexicon, "adverb", tokens[j].lower):
        j += 1
        skipped += 1
    if j < len(tokens):
        entry = _speech_cue(lexicon, words, j)
        if entry is not None:
            n = len(entry.words)
            cue = CueMatch(tokens[j].start, tokens[j + n - 1].end, j, n, entry)
            return Found(mention, cue, None, Attribution.ADJACENT)
    if dash and mention.form == "name":
        return Found(mention, None, None, Attribution.ADJACENT)
    return NOT_FOUND


# How many tokens the speaker phrase between a quote and its cue may hold.
MAX_PHRASE_TOKENS = 24
_PHRASE_PREPOSITIONS = frozenset({"of", "at", "for", "from", "in", "with", "on"})


def _phrase_then_cue(tokens: list[Token], i: int, words: list[str], lexicon: Lexicon) -> Found:
    """'"…," the ministry's spokeswoman, Mara Lind, said' / '"…," the mayor's senior
    adviser Omar Haddad conceded': a longer speaker phrase, then the cue.

    The mention is the phrase's name: a part between commas that is a name, or the last
    name before any preposition; a phrase with no name is a description.
    """
    first = tokens[i]
    if first.is_word and not first.is_cap:
        plural = _bare_plural_then_cue(tokens, i, words, lexicon)
        if plural.found:
            return plural
    if (
        not first.is_word
        or _is(lexicon, "stop", first.lower)
        or _is_pronoun(first, lexicon)
        or not (
            first.is_cap
            or _is(lexicon, "determiner", first.lower)
            or _premodified_name_right(tokens, i, lexicon) is not None
        )
    ):
        return NOT_FOUND  # "former Bush speechwriter Noam Neusner wrote" may start lower-case
    j = i + 1
    limit = min(len(tokens), i + MAX_PHRASE_TOKENS)
    while j < limit:
        tok = tokens[j]
        if tok.text in ";:!?\"“”‘’'" or tok.lower == "that":
            return NOT_FOUND
        if tok.text == "." and not (j + 1 < len(tokens) and tokens[j + 1].text == ","):
            return NOT_FOUND
        if tok.is_word and not tok.is_cap:
            entry = _speech_cue(lexicon, words, j)
            if entry is not None and tokens[j - 1].lower in _COORDINATORS:
                return NOT_FOUND  # "…,” denounced her record and said": another clause
            if entry is not None:
                mention = _phrase_mention(tokens, i, j, lexicon)
                if mention is None:
                    return NOT_FOUND
                n = len(entry.words)
                cue = CueMatch(tok.start, tokens[j + n - 1].end, j, n, entry)
                return Found(mention, cue, None, Attribution.ADJACENT)
        j += 1
    return NOT_FOUND


def _bare_plural_then_cue(tokens: list[Token], i: int, words: list[str], lexicon: Lexicon) -> Found:
    """'“…,” federal prosecutors wrote': lower-case words ending in a plural, then a cue."""
    j = i
    while j < len(tokens) and j - i < MAX_MODIFIERS and tokens[j].is_word:
        entry = _speech_cue(lexicon, words, j) if j > i else None
        if entry is not None:
            head = tokens[j - 1]
            if not head.lower.endswith("s"):
                return NOT_FOUND
            n = len(entry.words)
            cue = CueMatch(tokens[j].start, tokens[j + n - 1].end, j, n, entry)
            mention = Mention(tokens[i].start, head.end, "description")
            return Found(mention, cue, None, Attribution.ADJACENT)
        if tokens[j].is_cap or _is(lexicon, "stop", tokens[j].lower):
            return NOT_FOUND
        j += 1
    return NOT_FOUND


def _phrase_mention(tokens: list[Token], start: int, end: int, lexicon: Lexicon) -> Mention | None:
    """The speaker mention inside ``tokens[start:end]`` (see :func:`_phrase_then_cue`)."""
    parts: list[tuple[int, int]] = []
    s = start
    for k in range(start, end + 1):
        if k == end or tokens[k].text == ",":
            if k > s:
                parts.append((s, k))
            s = k + 1
    if not parts:
        return None
    for a, b in parts:
        if tokens[a].is_cap and _name_run_right(tokens, a, lexicon) == b - 1:
            return Mention(tokens[a].start, tokens[b - 1].end, "name")
    a, b = parts[0]
    cut = next((k for k in range(a + 1, b) if tokens[k].lower in _PHRASE_PREPOSITIONS), b)
    last_cap = None
    for k in range(cut - 1, a - 1, -1):
        if tokens[k].is_word and tokens[k].is_cap and not _is(lexicon, "time", tokens[k].lower):
            last_cap = k
            break
    if last_cap is not None and last_cap == cut - 1:
        name_start = _name_run_left(tokens, last_cap, lexicon)
        if name_start is not None and name_start >= a:
            return Mention(tokens[name_start].start, tokens[last_cap].end, "name")
    if _is(lexicon, "determiner", tokens[a].lower):
        return Mention(tokens[a].start, tokens[b - 1].end, "description")
    return None


def _closing_comma(tokens: list[Token], comma: int) -> int | None:
    """Index of the comma closing an apposition opened at ``comma`` (abbreviations such as
    "R-Ky." may hold a full stop), or None."""
    j = comma + 1
    while j < len(tokens) and j - comma <= MAX_ROLE_TOKENS:
        text = tokens[j].text
        if text == ",":
            return j if j > comma + 1 else None
        if text in ';:!?"“”' or (
            text == "." and not (j + 1 < len(tokens) and tokens[j + 1].text == ",")
        ):
            return None
        j += 1
    return None


def _skip_adverbs(tokens: list[Token], j: int, lexicon: Lexicon) -> int:
    skipped = 0
    while j < len(tokens) and skipped < MAX_ADVERBS and _is(lexicon, "adverb", tokens[j].lower):
        j += 1
        skipped += 1
    return j


def _speech_cue(lexicon: Lexicon, words: list[str], j: int) -> CueEntry | None:
    """A speech cue at ``words[j]`` that can follow its subject after a quote: not a
    belief, not a participle ('“…,” a nod to Trump acknowledging that …')."""
    entry = lexicon.match_cue(words, j)
    if entry is None or "belief" in entry.tags or words[j].endswith("ing"):
        return None
    if lexicon.is_a("naming_cue", entry.lemma):
        return None  # '“…,” a blog run by a group called …': naming, not speech
    return entry


def _mention_right(tokens: list[Token], i: int, lexicon: Lexicon) -> tuple[Mention, int] | None:
    tok = tokens[i]
    if tok.is_word and _is_pronoun(tok, lexicon):
        return Mention(tok.start, tok.end, "pronoun"), i
    if tok.is_word and _is(lexicon, "determiner", tok.lower):
        j = i + 1
        while j < len(tokens) and j - i <= 4 and tokens[j].is_word and not tokens[j].is_cap:
            if _is(lexicon, "description", tokens[j].lower):
                return Mention(tok.start, tokens[j].end, "description"), j
            j += 1
        # "…," the RNC member said: any short noun phrase right before a cue.
        words = [t.lower for t in tokens[i : i + MAX_DESCRIPTION_WORDS + 2]]
        j = i + 1
        while j < len(tokens) and j - i <= MAX_DESCRIPTION_WORDS and tokens[j].is_word:
            if j > i + 1 and _speech_cue(lexicon, words, j - i) is not None:
                form = "name" if tokens[j - 1].is_cap else "description"
                return Mention(tok.start, tokens[j - 1].end, form), j - 1
            j += 1
    end = _name_run_right(tokens, i, lexicon)
    if end is None:
        end = _premodified_name_right(tokens, i, lexicon)
    if end is None:
        return None
    return Mention(tok.start, tokens[end].end, "name"), end


def attribute_before(tokens: list[Token], lexicon: Lexicon, *, beliefs: bool = False) -> Found:
    """Attribution in the words before a quote, within its sentence.

    The last cue with a findable speaker wins. A participle cue with no subject of its
    own ("cited Hun Sen in affirming that", "ran an editorial stating that") falls back
    to the cue before it; an object-taking cue there makes its object the speaker and
    its subject the ``via``. Belief cues ("worried that") count only with ``beliefs``.
    """
    cues = find_cues(tokens, lexicon)
    possessive = _possessive_speaker(tokens, lexicon)
    found = _by_cues(tokens, cues, possessive, lexicon, beliefs=False)
    if not found.found:
        found = _without_cue(tokens, possessive, lexicon)
    if not found.found and beliefs:
        # "Paul Ryan worried that the net was becoming “a hammock …”": only when no
        # speech cue or other pattern attributes the quote.
        found = _by_cues(tokens, cues, possessive, lexicon, beliefs=True)
    return found


def _by_cues(
    tokens: list[Token],
    cues: list[CueMatch],
    possessive: Found,
    lexicon: Lexicon,
    *,
    beliefs: bool,
) -> Found:
    """The last cue with a findable speaker (see :func:`attribute_before`)."""
    for k in range(len(cues) - 1, -1, -1):
        cue = cues[k]
        if (
            possessive.speaker is not None
            and possessive.speaker.start > cue.end
            and "bare" not in cue.entry.tags
        ):
            return possessive  # "Critics rejected Lina Park's claim that …"
        if "belief" in cue.entry.tags and not beliefs:
            continue
        if "source_first" in cue.entry.tags:
            agent = agent_after(tokens, cue.index + cue.length, lexicon)
            if agent is not None:
                return Found(agent, cue, None, Attribution.ADJACENT)
            continue
        subject = subject_before(tokens, cue.index, lexicon)
        participle = tokens[cue.index].lower.endswith("ing")
        object_before = (
            participle
            and subject is not None
            and subject.form == "description"
            and _is_object(tokens, subject, lexicon)
        )
        if object_before:
            subject = None  # "released a statement saying": the statement is not the speaker
        if subject is not None and (
            k == 0 or subject.start >= cues[k - 1].end or subject.end <= cues[k - 1].start
        ):
            return Found(subject, cue, None, Attribution.ADJACENT)
        # No subject: a participle depending on an earlier cue?
        if k > 0:
            prev = cues[k - 1]
            between = tokens[prev.index + prev.length : cue.index]
            if len(between) <= MAX_NAME_TOKENS + 4:
                if "object" in prev.entry.tags and lexicon.is_a("source_cue", prev.entry.lemma):
                    # "cited Hun Sen in affirming": the cited person speaks; but in
                    # "told the AP after hinting" the AP only listens.
                    obj = agent_after(tokens, prev.index + prev.length, lexicon)
                    if obj is not None and obj.form != "description":
                        via = subject_before(tokens, prev.index, lexicon)
                        return Found(obj, cue, via, Attribution.ADJACENT)
                prev_subject = subject_before(tokens, prev.index, lexicon)
                if prev_subject is not None:
                    return Found(prev_subject, prev, None, Attribution.ADJACENT)
        before = tokens[cue.index - 1].text if cue.index > 0 else ""
        if cue.index == 0 and tokens[0].is_cap:
            # "Stated Stone: …", "Said the minister: …": an inverted cue opening the sentence.
            agent = agent_after(tokens, cue.length, lexicon)
            if agent is not None:
                return Found(agent, cue, None, Attribution.ADJACENT)
        if before in _CLOSING_MARKS or (
            before == ","
            and cue.index > 1
            and (tokens[cue.index - 2].text in _CLOSING_MARKS or not participle)
        ):
            # '"…," said Jane Doe, "…"': the cue of an interrupted quote.
            agent = agent_after(tokens, cue.index + cue.length, lexicon)
            if agent is not None:
                return Found(agent, cue, None, Attribution.ADJACENT)
        if (participle and (before == "," or object_before or before.lower() in _LEADS)) or (
            before.lower() in _COORDINATORS
        ):
            # "…, saying", "by saying", "before saying", "declined to comment but said":
            # the subject of the clause is the speaker.
            # "Bradley apologized for the columns, saying they …": the clause's subject.
            subject = sentence_subject(tokens, cue.index - 1, lexicon)
            if subject is not None:
                return Found(subject, cue, None, Attribution.ADJACENT)
    return NOT_FOUND


MAX_ASIDE_TOKENS = 16


def subject_aside(tokens: list[Token], cue: CueMatch, lexicon: Lexicon) -> bool:
    """Whether the participle cue ``cue``, after a comma, opens an aside between a
    subject and its verb: "Environmental groups, citing new studies, said …". What
    stands before it is then a noun phrase, not a clause whose subject speaks through
    the participle ("The mayor resigned, citing health reasons")."""
    end = min(len(tokens), cue.index + cue.length + MAX_ASIDE_TOKENS)
    for k in range(cue.index + cue.length, end):
        text = tokens[k].text
        if text in {";", ":", "—", "–", "(", ")"}:
            return False
        if text != ",":
            continue
        j = k + 1
        while j < len(tokens) and j - k <= 2 and _adverb(tokens[j], lexicon):
            j += 1  # "…, also said", "…, have repeatedly said"
        if j >= len(tokens) or not tokens[j].is_word or tokens[j].is_cap:
            return False
        low = tokens[j].lower
        if low.endswith("ing"):
            return False  # "…, citing the budget, saying …": one more participle
        if low in _AUXILIARIES or _is(lexicon, "finite", low):
            return True
        # A cue that can only be a verb: "…, said", "…, warned", not "…, remarks that"
        # (nor "…, distracted from …", a participle of the aside's own).
        cue_after = lexicon.match_cue([t.lower for t in tokens[j : j + 4]], 0)
        return cue_after is not None and (low.endswith("ed") or cue_after.lemma in _SAY_TELL)
    return False


_SAY_TELL = frozenset({"say", "tell"})


def _adverb(token: Token, lexicon: Lexicon) -> bool:
    low = token.lower
    if not token.is_word or token.is_cap or low in _AUXILIARIES or _is(lexicon, "finite", low):
        return False
    return _is(lexicon, "adverb", low) or low.endswith("ly")


def _without_cue(tokens: list[Token], possessive: Found, lexicon: Lexicon) -> Found:
    """Attribution with no cue: a headline, a possessive speech noun, a colon.

    A headline's speaker comes first: in "Graham: Trump’s ‘Incredibly Hateful Rhetoric’"
    Graham speaks of Trump."""
    found = _headline_speaker(tokens, lexicon)
    if found.found:
        return found
    if possessive.found:
        return possessive
    if not tokens or tokens[-1].text != ":":
        return found
    # "The board was conclusive in its findings: “…”": the subject of the introduction
    subject = sentence_subject(tokens, len(tokens) - 1, lexicon)
    if subject is not None:
        return Found(subject, None, None, Attribution.ADJACENT)
    return NOT_FOUND


def _possessive_speaker(tokens: list[Token], lexicon: Lexicon) -> Found:
    """ "Donald Trump's claim that Obama “founded ISIS”", "Romney's “47 percent”
    comment": the owner of a speech noun is the speaker (the last one wins)."""
    last = tokens[-1] if tokens else None
    if last is not None and last.is_cap and last.lower.endswith(("'s", "’s")):
        # "Mitt Romney's “47 percent” comment": the owner right before the quote
        start = _name_run_left(tokens, len(tokens) - 1, lexicon)
        if start is not None:
            mention = Mention(tokens[start].start, last.end - 2, "name")
            return Found(mention, None, None, Attribution.ADJACENT)
    nouns = lexicon.function_words.get("speech_noun", frozenset())
    for k in range(len(tokens) - 2, 0, -1):
        tok = tokens[k]
        if tok.lower not in nouns:
            continue
        after = [t.lower for t in tokens[k + 1 : k + 3]]
        if not (
            after[:1] == ["that"] or (after[:1] in (["was"], ["is"]) and after[1:] == ["that"])
        ):
            continue  # only "X's claim that …", "X's answer was that …" report X's words
        owner = tokens[k - 1]
        if not owner.lower.endswith(("'s", "’s")):
            continue
        if owner.is_cap:
            start = _name_run_left(tokens, k - 1, lexicon)
            if start is not None:
                mention = Mention(tokens[start].start, owner.end - 2, "name")
                return Found(mention, None, None, Attribution.ADJACENT)
            continue
        j = k - 2  # "The Ohio governor's answer was that …"
        while j >= 0 and k - j <= 5 and tokens[j].is_word:
            if _is(lexicon, "determiner", tokens[j].lower):
                mention = Mention(tokens[j].start, owner.end - 2, "description")
                return Found(mention, None, None, Attribution.ADJACENT)
            j -= 1
    return NOT_FOUND


def _is_object(tokens: list[Token], mention: Mention, lexicon: Lexicon) -> bool:
    """The mention follows a verb-like word, so it is an object, not a subject."""
    k = next((j for j, t in enumerate(tokens) if t.start == mention.start), 0) - 1
    if k < 0:
        return False
    prev = tokens[k]
    return prev.is_word and not prev.is_cap and not _is(lexicon, "stop", prev.lower)


# Words before a participle cue whose subject is the clause's ("by saying").
_LEADS = frozenset({"by", "before", "after", "while", "when", "in"})
# Words before a cue that coordinate it with an earlier verb ("declined but said").
_COORDINATORS = frozenset({"and", "but"})
_CLOSING_MARKS = frozenset({'"', "”", "’", "'", "»"})


def headline_colon(tokens: list[Token]) -> int | None:
    """The index of the colon after a headline's speaker, when ``tokens`` (the words
    before a quote) are a headline: "John Bolton: ‘…’", or "Issa: Hillary Clinton’s
    ‘…’" with only Title Case words between the colon and the quote; None otherwise."""
    # The speaker opens the headline, or follows a dash after a section's heading
    # ("JUST TOO EARLY - Mark Blumenthal: “…”").
    dash = max((k for k, t in enumerate(tokens) if t.text in "-–—"), default=-1)
    if dash >= 0 and any(t.text == ":" for t in tokens[:dash]):
        dash = -1
    limit = dash + 1 + MAX_NAME_TOKENS + 1
    colon = next(
        (k for k in range(dash + 1, min(limit, len(tokens))) if tokens[k].text == ":"), None
    )
    if colon is None or colon == dash + 1:
        return None
    if colon + 1 < len(tokens) and tokens[colon + 1].start == tokens[colon].end:
        return None  # "Romans 8:31", "10:30 a.m.": no colon of a headline
    for tok in tokens[colon + 1 :]:
        if tok.is_word:
            if not (tok.is_cap or tok.text[:1].isdigit() or tok.lower in _HEADLINE_MINOR_WORDS):
                return None  # lower-case words: a sentence, not a headline
        elif tok.text not in _HEADLINE_PUNCTUATION:
            return None
    return colon


# Lower-case words and punctuation a Title Case headline may hold.
_HEADLINE_MINOR_WORDS = frozenset(
    {"a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "but", "by", "as"}
    | {"with", "from", "is", "vs", "vs."}
)
_HEADLINE_PUNCTUATION = frozenset({",", "'s", "’s", "-", "–", "—", "&"} | set("\"“”‘’'"))


def _headline_speaker(tokens: list[Token], lexicon: Lexicon) -> Found:
    """ "John Bolton: ‘…’", "Issa: Hillary Clinton’s ‘…’": a name and a colon open the
    headline the quote is in (see :func:`headline_colon`)."""
    colon = headline_colon(tokens)
    if colon is None:
        return NOT_FOUND
    tokens = tokens[: colon + 1]  # (headline_colon bounds the words after a dash)
    start = _name_run_left(tokens, len(tokens) - 2, lexicon)
    if start is None:
        return NOT_FOUND
    lead = tokens[:start]
    dash = max((k for k, t in enumerate(lead) if t.text in "-–—"), default=-1)
    lead = lead[dash + 1 :]
    if len(lead) >= 2 and lead[-1].lower in _HEADLINE_TOPIC_WORDS and lead[-2].is_cap:
        # "Gillibrand on Hillary Releasing Her Speeches: ‘…’", "Obama to Congress: ‘…’":
        # the name before "on" speaks about the one after it.
        first = _name_run_left(tokens, dash + len(lead) - 1, lexicon)
        if first == dash + 1 and _headline_name(tokens[first : dash + len(lead)], lexicon):
            mention = Mention(tokens[first].start, lead[-2].end, "name")
            return Found(mention, None, None, Attribution.ADJACENT)
        return NOT_FOUND
    if lead and lead[-1].lower == "from":
        lead = lead[:-1]  # "More from Jones: “…”"
    if any(not t.is_word for t in lead) or len(lead) > MAX_MODIFIERS:
        return NOT_FOUND
    if any(t.is_cap and not _is(lexicon, "starter", t.lower) for t in lead[1:]):
        return NOT_FOUND  # "Former secretary of state Hillary Clinton: “…”" is fine
    if not _headline_name(tokens[start:-1], lexicon):
        return NOT_FOUND
    mention = Mention(tokens[start].start, tokens[-2].end, "name")
    return Found(mention, None, None, Attribution.ADJACENT)


# A headline's speaker has at most this many words ("McCain Challenger Kelli Ward").
MAX_HEADLINE_NAME_WORDS = 4


def _headline_name(words: list[Token], lexicon: Lexicon) -> bool:
    """Whether the Title Case words before a headline's colon can be a name: a few
    words, none of them a function word or a cue ("Woman Steps Forward With Bombshell
    Claim", "Carly Fiorina Endorses Ted Cruz" are headlines of their own)."""
    names = [t for t in words if t.is_word and not t.text.endswith(".")]  # "Dr.", "Sen."
    if len(names) > MAX_HEADLINE_NAME_WORDS:
        return False
    return not any(
        t.lower in _HEADLINE_MINOR_WORDS or lexicon.match_cue([t.lower], 0) is not None
        for t in names[1:]
    )


# Words between a headline's speaker and its topic ("Trump on Clinton: ‘…’").
_HEADLINE_TOPIC_WORDS = frozenset({"on", "to", "about"})


# Words opening a subordinate clause, whose subject is not the sentence's.
_SUBORDINATORS = frozenset(
    {
        "after",
        "when",
        "while",
        "if",
        "because",
        "although",
        "though",
        "as",
        "since",
        "before",
        "once",
        "until",
        "unless",
        "whether",
        "where",
    }
)


def _before_verb(tokens: list[Token], det: int, last: int, lexicon: Lexicon) -> int:
    """Cut a description read rightwards before the first word that looks like its verb
    ("The billionaire businessman began by …" -> "The billionaire businessman")."""
    for j in range(det + 2, last + 1):
        low = tokens[j].lower
        if low.endswith("ed") or low in _AUXILIARIES or lexicon.match_cue([low], 0) is not None:
            return j - 1
    return last


_AUXILIARIES = frozenset(
    {
        "is",
        "was",
        "are",
        "were",
        "has",
        "had",
        "have",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "should",
        "must",
        "did",
        "does",
        "began",
        "went",
        "made",
        "took",
    }
)


# Lower-case words after a name that show it is not a clause's subject.
_NOT_VERBS = frozenset(
    {
        "and",
        "or",
        "but",
        "who",
        "whose",
        "which",
        "that",
        "of",
        "in",
        "on",
        "at",
        "for",
        "to",
        "from",
        "with",
        "by",
        "as",
        "than",
    }
)


def sentence_subject(tokens: list[Token], end: int, lexicon: Lexicon) -> Mention | None:
    """The subject of the main clause among ``tokens[:end]``: the first name, pronoun or
    description that opens a clause and is followed by a lower-case word (its verb)."""
    i = 0
    clause_start = True
    while i < end:
        tok = tokens[i]
        if not tok.is_word:
            clause_start = tok.text == "," and not in_number(tokens, i)  # not "1,250"
            i += 1
            continue
        if not clause_start:
            i += 1
            continue
        clause_start = False
        if tok.lower in _SUBORDINATORS or _participial_opening(tokens, i, end, lexicon):
            i += 1
            continue  # skip to the next comma
        if (
            _is(lexicon, "starter", tok.lower)
            and not _is(lexicon, "determiner", tok.lower)
            and i + 1 < end
            and tokens[i + 1].is_word
        ):
            clause_start = True
            i += 1
            continue
        last: int | None = None
        form = "name"
        if _is_pronoun(tok, lexicon):
            last, form = i, "pronoun"
        elif _is(lexicon, "determiner", tok.lower):
            last = _description_right(tokens, i, lexicon)
            form = "description"
            if last is not None:
                last = _before_verb(tokens, i, last, lexicon)
            if last is None:
                last = _name_run_right(tokens, i, lexicon)
                form = "name"
        elif tok.is_cap:
            last = _name_run_right(tokens, i, lexicon)
        if last is not None and last + 2 < end and tokens[last + 1].lower in _PHRASE_PREPOSITIONS:
            # "Attorneys for Clinton appeared …": skip one short prepositional phrase
            k = last + 2
            while (
                k < end
                and k - last <= 5
                and tokens[k].is_word
                and (tokens[k].is_cap or _is(lexicon, "determiner", tokens[k].lower))
            ):
                k += 1
            if k < end and k > last + 2:
                verb = tokens[k]
                if verb.is_word and not verb.is_cap and verb.lower not in _NOT_VERBS:
                    return Mention(tok.start, tokens[last].end, form)
        if last is not None and last + 1 < end:
            verb = tokens[last + 1]
            if verb.is_word and not verb.is_cap and verb.lower not in _NOT_VERBS:
                head = _plural_head(tokens, i, last, lexicon) if form == "name" else None
                if head is None:
                    return Mention(tok.start, tokens[last].end, form)
                if head:
                    return Mention(tok.start, verb.end, "description")
                # a plural noun phrase before a comma is no clause's subject: read on
        i += 1
    return None


def _participial_opening(tokens: list[Token], i: int, end: int, lexicon: Lexicon) -> bool:
    """A capitalised participle opening a phrase before the subject ("Facing mounting
    criticism, Mr. Trump released …"), not a name in -ing and its verb ("King said")."""
    tok = tokens[i]
    low = tok.lower
    if not (tok.is_cap and low.endswith("ing") and len(low) > 5 and i + 1 < end):
        return False
    nxt = tokens[i + 1]
    if not nxt.is_word or nxt.is_cap:
        return False
    return not _reads_as_verb(tokens, i + 1, lexicon)


def _plural_head(tokens: list[Token], first: int, last: int, lexicon: Lexicon) -> bool | None:
    """Whether the lower-case word after a one-word name ``tokens[first:last + 1]`` is
    not its verb but a plural noun it modifies ("Environmental groups", "Local
    officials"): True when a verb follows that noun ("Local officials said"), False
    when a comma does ("Environmental groups, citing new studies, said"), None when it
    may be the verb ("Smith wants more money", "Obama says").

    A word capitalised because it opens the sentence reads as a name; the plural ending
    and the verb after it show that it is an adjective. Before a comma and the
    participle being attributed, the word is the verb ("Ortega resigns, citing health
    reasons"): an aside there ("Environmental groups, citing new studies, said …") is
    ruled out before a participle's subject is looked for (:func:`subject_aside`).
    """
    k = last + 1
    if first != last or k + 1 >= len(tokens):
        return None
    noun = tokens[k].lower
    if (
        not noun.endswith("s")
        or noun.endswith(("ss", "us", "'s", "’s"))
        or noun in _AUXILIARIES
        or _is(lexicon, "finite", noun)
        or _is(lexicon, "adverb", noun)
        or _is(lexicon, "linking", noun)
        or lexicon.match_cue([noun], 0) is not None
    ):
        return None  # "Smith has", "Obama always", "Trump says", "Ortega seems pleased"
    after = tokens[k + 1]
    if after.text == ",":
        if (
            k + 3 == len(tokens)
            and tokens[k + 2].lower.endswith("ing")
            and not _is(lexicon, "description", noun)
            and not _is(lexicon, "description", noun[:-1])
        ):
            # The participle whose subject is sought comes next and ends the window: its
            # caller found no verb after an aside there ("…, citing X, said"), so a word
            # that is no group of people ("Veteran lawmakers, citing …, voted") is the
            # clause's verb ("Ortega resigns, citing …").
            return None
        return False
    if not after.is_word or after.is_cap:
        return None
    return True if _reads_as_verb(tokens, k + 1, lexicon) else None


def _reads_as_verb(tokens: list[Token], k: int, lexicon: Lexicon) -> bool:
    """Whether the lower-case word at ``tokens[k]`` reads as a verb: an auxiliary, a
    finite form, a past form in -ed, or the start of a cue."""
    low = tokens[k].lower
    return (
        low in _AUXILIARIES
        or _is(lexicon, "finite", low)
        or (low.endswith("ed") and len(low) > 3)
        or lexicon.match_cue([t.lower for t in tokens[k : k + 4]], 0) is not None
    )


def attribute_tail(tokens: list[Token], lexicon: Lexicon) -> Found:
    """An attribution closing the sentence after a quote, behind a comma: 'Volunteers
    had “turned the whole block around” in a year, she said in a radio interview.'"""
    for i, tok in enumerate(tokens):
        if tok.text == "," and i + 1 < len(tokens):
            found = attribute_after(tokens[i:], lexicon)
            if found.found:
                return found
    return NOT_FOUND


def attribute_in_sentence(tokens: list[Token], lexicon: Lexicon) -> Found:
    """A "X CUE" pair anywhere in an earlier sentence (for quotes it introduces)."""
    found = attribute_before(tokens, lexicon)
    if found.found:
        return attrs.evolve(found, attribution=Attribution.PREVIOUS_SENTENCE)
    return NOT_FOUND
