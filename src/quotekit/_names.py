"""Name grammar: split a speaker mention into titles, the name itself and a role.

"Cambodian Prime Minister Hun Sen" -> titles ("Prime Minister",), name "Hun Sen";
"President of the Cambodian National Assembly Heng Samrin" -> name "Heng Samrin";
"Major General, Dr. NGUYEN HOANG NHIEN" -> name "Nguyen Hoang Nhien";
"Australia's Canberra Times newspaper" -> organisation "Canberra Times".
Names are never assumed to be "first last": the words kept are the words written.
"""

from __future__ import annotations

import attrs

from ._lexicon import Lexicon
from ._model import SpeakerKind
from ._tokens import Token, tokenize


@attrs.frozen
class ParsedName:
    """What the name grammar made of one mention."""

    name: str
    words: tuple[str, ...]  # the name's words, for matching short forms
    titles: tuple[str, ...]
    role: str | None
    kind: SpeakerKind
    gender: str  # "male", "female" or "" (unknown)


def _title_case(word: str) -> str:
    if len(word) > 1 and word.isupper() and word.isalpha():
        return word[0] + word[1:].lower()
    return word


def _strip_parentheses(tokens: list[Token]) -> list[Token]:
    kept: list[Token] = []
    depth = 0
    for tok in tokens:
        if tok.text == "(":
            depth += 1
        elif tok.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            kept.append(tok)
    return kept


def _segments(tokens: list[Token]) -> list[list[Token]]:
    segments: list[list[Token]] = [[]]
    for tok in tokens:
        if tok.text == ",":
            segments.append([])
        else:
            segments[-1].append(tok)
    return [s for s in segments if s]


def parse_mention(mention: str, lexicon: Lexicon) -> ParsedName:
    """Parse a name mention (capitalised words, titles, apposition) into its parts."""
    tokens = _strip_parentheses(tokenize(mention, 0, len(mention), lexicon))
    segments = _segments(tokens)
    if not segments:
        return ParsedName(mention.strip(), (), (), None, SpeakerKind.UNKNOWN, "")
    titles: list[str] = []
    gender = ""
    role_parts: list[str] = []
    # Earlier comma segments are titles ("Major General, Dr. X") or a role
    # ("Political commissar of Military Zone 7, Lieutenant General X").
    main = segments[-1]
    for seg in segments[:-1]:
        words = [t.text for t in seg]
        seg_titles, rest, seg_gender = _leading_titles(words, lexicon)
        titles.extend(seg_titles)
        gender = gender or seg_gender
        if rest or len(seg_titles) != 1 or seg_titles[0] != " ".join(words):
            role_parts.append(" ".join(words))
    words = [t.text for t in main]
    determiner = bool(words) and lexicon.is_a("determiner", words[0])
    if determiner:
        words = words[1:]
    if not determiner and len(words) > 1 and (words[0].endswith("'s") or words[0].endswith("’s")):
        words = words[1:]  # "Australia's Canberra Times", but not "the People's Army"
    main_titles, rest, main_gender = _leading_titles(words, lexicon)
    titles.extend(main_titles)
    gender = gender or main_gender
    descriptor = False
    while rest and not rest[-1][:1].isupper() and lexicon.is_a("descriptor", rest[-1]):
        rest = rest[:-1]
        descriptor = True
    if descriptor and len(rest) > 1 and _is_demonym(rest[0]):
        rest = rest[1:]  # "Cambodian Pracheachon newspaper"
    if not rest:
        # Only titles: "the minister", "Chairman". Keep the mention as the name.
        name = " ".join(words) or mention.strip()
        return ParsedName(name, tuple(words), tuple(titles), None, SpeakerKind.UNKNOWN, gender)
    name_words = tuple(_title_case(w) for w in rest) if _all_upper(rest) else tuple(rest)
    kind = _kind(name_words, titles, determiner or descriptor, lexicon)
    role = ", ".join(role_parts) or None
    return ParsedName(" ".join(name_words), name_words, tuple(titles), role, kind, gender)


def _all_upper(words: list[str]) -> bool:
    letters = [w for w in words if any(c.isalpha() for c in w)]
    return len(letters) >= 2 and all(w.isupper() for w in letters)


def _is_demonym(word: str) -> bool:
    return word[:1].isupper() and word.endswith(("an", "ese", "ish", "i")) and len(word) > 4


def _leading_titles(words: list[str], lexicon: Lexicon) -> tuple[list[str], list[str], str]:
    """Split leading titles (with demonyms and "of ORG" tails) from the rest."""
    titles: list[str] = []
    gender = ""
    i = 0
    n = len(words)
    while i < n:
        entry = lexicon.match_title(words, i)
        if entry is not None:
            titles.append(" ".join(words[i : i + len(entry.words)]))
            gender = gender or entry.gender
            i += len(entry.words)
            # "President of the Cambodian National Assembly Heng Samrin"
            if i < n and words[i].lower() == "of":
                j = i + 1
                last_org = None
                while j < n and j - i <= 10:
                    if words[j] in lexicon.org_words or words[j].isdigit():
                        last_org = j
                    j += 1
                if last_org is not None:
                    i = last_org + 1
            continue
        # An adjective before a title: "Cambodian Prime Minister", "Defence Minister".
        if words[i][:1].isupper() and any(
            lexicon.match_title(words, k) is not None for k in range(i + 1, min(n, i + 3))
        ):
            ahead = next(k for k in range(i + 1, min(n, i + 3)) if lexicon.match_title(words, k))
            if ahead < n - 1:
                i += 1
                continue
        break
    return titles, words[i:], gender


def _kind(
    words: tuple[str, ...], titles: list[str], org_hint: bool, lexicon: Lexicon
) -> SpeakerKind:
    if any(w in lexicon.org_words for w in words):
        return SpeakerKind.ORGANISATION
    if titles:
        return SpeakerKind.PERSON
    if org_hint:
        return SpeakerKind.ORGANISATION
    if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
        return SpeakerKind.PERSON
    return SpeakerKind.UNKNOWN
