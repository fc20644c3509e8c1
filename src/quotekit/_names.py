"""Name grammar: split a speaker mention into titles, the name itself and a role.

"Cambodian Prime Minister Hun Sen" -> titles ("Prime Minister",), name "Hun Sen";
"President of the Cambodian National Assembly Heng Samrin" -> name "Heng Samrin", role
"President of the Cambodian National Assembly"; "Mr. Chhay Yi Heang, advisor to the
Royal Government of Cambodia" -> name "Chhay Yi Heang" and that role; "Major General,
Dr. NGUYEN HOANG NHIEN" -> "Nguyen Hoang Nhien"; "Australia's Canberra Times newspaper"
-> organisation "Canberra Times". Names are never assumed to be "first last": the words
kept are the words written, in their order.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from importlib import resources
from typing import NamedTuple

import regex

from ._lexicon import Lexicon, TitleEntry
from ._model import SpeakerKind
from ._registry import name_key
from ._tokens import Token, tokenize

# How far the "of ..." part of a title may run before the name starts.
MAX_OF_TAIL = 10
# How many words may stand between a modifier and its title ("White House press secretary").
MAX_MODIFIER_REACH = 3
# Punctuation that separates the parts of an apposition ("X, advisor to Y").
_SEPARATORS = frozenset({",", ";", ":", "—", "–"})
_APOSTROPHES = ("'", "’")
# Regexes in this module keep the linear-time rule written at the top of _text.py
# (checked for every pattern by tests/test_adversarial.py).
_ROMAN = regex.compile(r"[IVXLCDM]{1,6}")
_CASE_PARTS = regex.compile(r"([\-'’])")
# A word the tokenizer keeps whole: letters and digits, inner apostrophes and hyphens.
_PLAIN_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+){0,6}")


_NOTHING: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1)
def _name_word_table() -> Mapping[str, frozenset[str]]:
    text = (
        resources.files("quotekit").joinpath("data").joinpath("name_words.tsv").read_text("utf-8")
    )
    grouped: dict[str, set[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cls, _, word = line.partition("\t")
        grouped.setdefault(cls.strip(), set()).add(word.strip().lower())
    return {k: frozenset(v) for k, v in grouped.items()}


@functools.lru_cache(maxsize=16)
def name_word_map(word_class: str) -> Mapping[str, str]:
    """The ``key=value`` entries of a class of ``data/name_words.tsv`` as a mapping."""
    entries = _name_word_table().get(word_class, frozenset())
    return dict(tuple(e.split("=", 1)) for e in entries if "=" in e)  # type: ignore[misc]


def name_word(word_class: str, word: str) -> bool:
    """Whether ``word`` (any case) is in the class of ``data/name_words.tsv``."""
    return word.lower() in _name_word_table().get(word_class, _NOTHING)


class ParsedName(NamedTuple):
    """What the name grammar made of one mention (a named tuple: one is made for every
    new name, and it is cheaper to make than a frozen attrs class). Made by
    :func:`_parsed_name`, which fills in ``keys``."""

    name: str  # the canonical form of the name (or the titles, for a title-only mention)
    words: tuple[str, ...]  # the name's words, for matching short forms; () if title only
    titles: tuple[str, ...]  # titles and honorifics as written, in order
    role: str | None  # an apposition or "of ..." role, as written
    kind: SpeakerKind
    gender: str  # "male", "female" or "" (unknown): from titles only
    acronym: str | None = None  # "(CPP)" after an organisation's name
    media: bool = False  # the mention names an outlet ("Times", "newspaper")
    # The words' lookup forms (name_key), for matching: made once with the (memoised)
    # parse rather than at every look-up.
    keys: tuple[str, ...] = ()

    @property
    def title_only(self) -> bool:
        """A mention made only of titles ("Chairman", "the minister")."""
        return not self.words


class _Segment(NamedTuple):
    titles: tuple[str, ...]
    gender: str
    name: tuple[str, ...]
    role: str | None
    text: str
    determiner: bool
    descriptor: bool
    media: bool  # the name or its closing descriptor marks an outlet


def _parsed_name(
    name: str,
    words: tuple[str, ...],
    titles: tuple[str, ...],
    role: str | None,
    kind: SpeakerKind,
    gender: str,
    acronym: str | None = None,
    media: bool = False,
) -> ParsedName:
    """A ParsedName with its words' lookup forms."""
    keys = tuple(map(name_key, words))
    return ParsedName(name, words, titles, role, kind, gender, acronym, media, keys)


def parse_mention(mention: str, lexicon: Lexicon) -> ParsedName:
    """Parse a name mention (capitalised words, titles, apposition) into its parts."""
    return _parse_cached(mention, lexicon)


# Names repeat within and across articles; a parse depends only on the mention and the
# (immutable) lexicon, so it is memoised. The memo is small on purpose: a document of
# thousands of new names would otherwise cycle every parse through the garbage
# collector's oldest generation (1,024 entries ran as fast as 8,192 on news).
@functools.lru_cache(maxsize=1024)
def _parse_cached(mention: str, lexicon: Lexicon) -> ParsedName:
    plain = mention.split(" ")
    if (mention.isascii() and all(map(str.isalnum, plain))) or all(
        _PLAIN_WORD.fullmatch(w) for w in plain
    ):
        # Plain words and single spaces, as most name runs are: each word is one token,
        # and there is no parenthesis, separator or full stop to read. (ASCII letters
        # and digits alone make a plain word: told without the regex, most often.)
        return _plain_name(mention, plain, lexicon) or _parsed([plain], None, mention, lexicon)
    words = _dotted_words(mention, plain, lexicon)
    if words is not None:
        return _parsed([words], None, mention, lexicon)
    tokens, acronym = _without_parentheses(tokenize(mention, 0, len(mention), lexicon), lexicon)
    return _parsed(_split(tokens), acronym, mention, lexicon)


def _dotted_words(mention: str, plain: list[str], lexicon: Lexicon) -> list[str] | None:
    """The words :func:`_split` makes of the tokens of an ASCII mention whose words
    (``plain``, split at single spaces) are letters and digits, some with a full stop
    after them ("Mr. Ana Lopez", "Dr. Lony Danphetor"); None for any other mention.

    Such a mention has no parenthesis, separator or apostrophe, and each word is a token
    but for its full stop, which the tokenizer keeps on an abbreviation or an initial
    ("Mr.", "A.") and otherwise makes a token of its own that is no word. Told without
    the tokenizer's regex and tokens: most mentions with a title abbreviation are such.
    """
    if not mention.isascii():
        return None  # beyond ASCII, str.isalnum's letters are not quite the tokenizer's
    words: list[str] = []
    abbreviations = lexicon.abbreviations
    for word in plain:
        if word.isalnum():
            words.append(word)
            continue
        stem = word[:-1]
        if word[-1:] != "." or not stem.isalnum():
            return None
        if stem.lower() in abbreviations or (len(stem) == 1 and stem.isupper()):
            words.append(word)
        else:
            words.append(stem)
    _drop_final_stop(words)
    return words


def _parsed(
    parts: list[list[str]], acronym: str | None, mention: str, lexicon: Lexicon
) -> ParsedName:
    """The grammar over the mention's comma-separated parts (as words)."""
    segments = [_segment(part, lexicon, k == 0) for k, part in enumerate(parts)]
    if not segments:
        return _parsed_name(mention.strip(), (), (), None, SpeakerKind.UNKNOWN, "", acronym)
    main = next((k for k, s in enumerate(segments) if s.name), None)
    titles: list[str] = []
    roles: list[str] = []
    gender = ""
    for k, seg in enumerate(segments):
        titles.extend(t for t in seg.titles if t not in titles)
        gender = gender or seg.gender
        if k == main:
            if seg.role:
                roles.append(seg.role)
        elif main is not None and k > main:
            roles.append(seg.text)  # "Hun Sen, Cambodia's prime minister"
        elif seg.role:
            roles.append(seg.role)  # "Political commissar of Military Zone 7, Gen. X"
    role = ", ".join(roles) or None
    if main is None:
        # Only titles: "the minister", "Chairman". The name is the titles as written.
        name = " ".join(titles) or segments[0].text or mention.strip()
        media = any(s.media for s in segments)
        return _parsed_name(
            name, (), tuple(titles), role, SpeakerKind.UNKNOWN, gender, acronym, media
        )
    seg = segments[main]
    org_hint = seg.determiner or seg.descriptor or acronym is not None
    words, kind = _cased(seg.name, titles, org_hint, lexicon)
    # One spelling across articles: "People’s Army" and "People's Army" are one name.
    if "’" in mention or "‘" in mention:  # the words hold no character the mention has not
        words = tuple(w.replace("’", "'").replace("‘", "'") for w in words)
    if kind is SpeakerKind.PERSON and "of" in words[1:]:
        words = words[: words.index("of", 1)]  # "Sen. Dianne Feinstein of California"
    return _parsed_name(
        " ".join(words), words, tuple(titles), role, kind, gender, acronym, seg.media
    )


# --- plain names ----------------------------------------------------------------------------


# The name-word classes the grammar reads (other classes it reads only after a title, an
# "of" or an apostrophe, which a plain name has not).
_MARKING_FUNCTION_WORDS = (
    "determiner",
    "starter",
    "preposition",
    "media",
    "descriptor",
    "connector",
)
_MARKING_NAME_WORDS = (
    "not_name",
    "affiliation",
    "org_head",
    "weekday",
    "headline_word",
    "calendar",
)


@functools.lru_cache(maxsize=8)
def _marking_words(lexicon: Lexicon) -> frozenset[str]:
    """Every lower-cased word some rule of the grammar gives a meaning to in a run of
    capitalised words: openers, determiners, title words, organisation words, ..."""
    table = _name_word_table()
    return frozenset().union(
        *(lexicon.function_words.get(c, _NOTHING) for c in _MARKING_FUNCTION_WORDS),
        *(table.get(c, _NOTHING) for c in _MARKING_NAME_WORDS),
        lexicon.titles,  # keyed by the first word of each title, lower-cased
        (w.lower() for w in lexicon.org_words),
    )


def _plain_name(mention: str, words: list[str], lexicon: Lexicon) -> ParsedName | None:
    """The parse of ``mention``, plain words (one token each), when every word is an ordinary
    capitalised word: "Ana Lopez", "Sant Singh Chatwal". None for any other mention.

    On such words every rule of the grammar leaves the words as they are (no opener,
    title, possessive, descriptor or organisation word to act on, no upper-case word to
    recase), so the name is the words and only their number tells the kind: two to four
    make a person (see ``_kind``). Most names in the news are such names.
    """
    marking = _marking_words(lexicon)
    for word in words:
        if (
            not word[:1].isupper()
            or word.isupper()  # an upper-case word may be recased ("NGUYEN")
            or "'" in word
            or "’" in word
            or word.lower() in marking
        ):
            return None
    if len(words) == 1 and name_word("affiliation", words[0].removesuffix("s")):
        return None  # "Republicans"
    kind = SpeakerKind.PERSON if 2 <= len(words) <= 4 else SpeakerKind.UNKNOWN
    return _parsed_name(mention, tuple(words), (), None, kind, "")


# --- tokens to segments -------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _opening_words(lexicon: Lexicon) -> frozenset[str]:
    """The lower-cased words _segment may drop in front of a name: determiners,
    sentence openers, prepositions and other words that are no name."""
    return frozenset().union(
        *(
            lexicon.function_words.get(c, _NOTHING)
            for c in ("determiner", "starter", "preposition")
        ),
        _name_word_table().get("not_name", _NOTHING),
    )


def _without_parentheses(tokens: list[Token], lexicon: Lexicon) -> tuple[list[Token], str | None]:
    """Drop parentheticals ("(The People)", "(CPP)"), keeping an acronym if there is one."""
    kept: list[Token] = []
    acronym: str | None = None
    depth = 0
    inside: list[Token] = []
    after_parenthesis = False
    for tok in tokens:
        if tok.text == "(":
            depth += 1
            inside = []
        elif tok.text == ")":
            depth = max(0, depth - 1)
            if len(inside) == 1 and _is_acronym(inside[0].text):
                acronym = acronym or inside[0].text
            after_parenthesis = True
        elif depth == 0:
            if after_parenthesis and lexicon.is_a("descriptor", tok.text):
                # "Nhan Dan (People) Newspaper": the descriptor after a gloss is not the name.
                tok = Token(tok.start, tok.end, tok.text.lower())
            kept.append(tok)
            after_parenthesis = False
        else:
            inside.append(tok)
    return kept, acronym


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def _split(tokens: list[Token]) -> list[list[str]]:
    """Comma-separated parts, as words; a possessive apostrophe stays on its word."""
    parts: list[list[str]] = [[]]
    previous: Token | None = None
    for tok in tokens:
        if tok.text in _SEPARATORS:
            parts.append([])
        elif (
            tok.text in _APOSTROPHES
            and previous is not None
            and previous.end == tok.start
            and previous.text[-1:] in ("s", "S")
            and parts[-1]
        ):
            parts[-1][-1] += tok.text  # "Workers' Party"
        elif tok.is_word:
            parts[-1].append(tok.text)
        previous = tok
    if parts[-1]:
        _drop_final_stop(parts[-1])
    return [p for p in parts if p]


def _drop_final_stop(words: list[str]) -> None:
    """Drop the full stop of a mention's last word: a mention ends with a name, not a
    title, so "Hun Sen." is "Hun Sen" at a full stop, even though "Sen." abbreviates
    Senator."""
    last = words[-1]
    if len(last) > 2 and last.endswith(".") and last[-2].isalpha():
        words[-1] = last[:-1]


def _segment(words: list[str], lexicon: Lexicon, first: bool) -> _Segment:
    text = " ".join(words)
    determiner = False
    # Sentence openers and determiners in front of a name ("Despite Hun Sen's", "the Khmer Times").
    # (A word in none of their classes ends the loop: most words, told by one look-up.)
    opening = _opening_words(lexicon)
    while len(words) > 1 and words[0].lower() in opening:
        if lexicon.is_a("determiner", words[0]):
            determiner = True
        elif not (
            name_word("not_name", words[0])
            or (first and lexicon.is_a("starter", words[0]))
            or (first and words[0][:1].isupper() and lexicon.is_a("preposition", words[0]))
        ):
            break
        words = words[1:]
    cut = _owner_end(words) if "'" in text or "’" in text else 0
    if cut:
        words = words[cut:]  # "Australia's Canberra Times", "Hun Sen's spokesman X"
        determiner = False
    while (
        len(words) > 2
        and name_word("affiliation", words[0])
        and all(w[:1].isupper() for w in words[1:3])
        and not any(w in lexicon.org_words for w in words)
    ):
        words = words[1:]  # "Republican Donald Trump"; not "Republican National Committee"
    titles, i, gender, role = _leading_titles(words, lexicon)
    rest = words[i:]
    media_words = lexicon.function_words.get("media", _NOTHING)
    media = not media_words.isdisjoint(map(str.lower, rest))
    descriptor = False
    while rest and not rest[-1][:1].isupper() and lexicon.is_a("descriptor", rest[-1]):
        rest = rest[:-1]  # "the Canberra Times newspaper"
        descriptor = True
    if descriptor and len(rest) > 1 and _is_demonym(rest[0]):
        rest = rest[1:]  # "Cambodian Pracheachon newspaper"
    if rest and not rest[0][:1].isupper():
        described = _described_name(rest, lexicon)
        if described is not None:
            # "farmer Chan Dara", "opposition leader Kem Sokha": a descriptor, then the name.
            name = _name_run(rest[described:], lexicon)
            role = role or " ".join(rest[:described])
            return _Segment(tuple(titles), gender, name, role, text, determiner, False, False)
        # Starts with a lower-case word: a role ("advisor to the Royal Government").
        return _Segment(
            tuple(titles), gender, (), " ".join(words), text, determiner, descriptor, False
        )
    name = _name_run(rest, lexicon)
    if len(name) == 1 and len(rest) > 2 and not rest[1][:1].isupper():
        described = _described_name(rest[1:], lexicon)
        if described is not None:
            # "Opposition leader Kem Sokha", "Obama adviser David Axelrod".
            name = _name_run(rest[1 + described :], lexicon)
            role = role or " ".join(rest[: 1 + described])
    return _Segment(tuple(titles), gender, name, role, text, determiner, descriptor, media)


def _described_name(words: list[str], lexicon: Lexicon) -> int | None:
    """Start of the capitalised run closing ``words`` when a bare noun stands before it.

    "farmer Chan Dara" -> 1; "advisor to the Royal Government" -> None, because a
    preposition or determiner before the run makes it the object of a role.
    """
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper():
        k -= 1
    if k == 0 or k == len(words):
        return None
    before = words[k - 1]
    if (
        lexicon.is_a("determiner", before)
        or lexicon.is_a("preposition", before)
        or lexicon.is_a("connector", before)
        or not before.isalpha()
        or any(w in lexicon.org_words for w in words[k:])
    ):
        return None
    return k


def _owner_end(words: list[str]) -> int:
    """Index just after the last owner possessive ("Australia's") before a capital."""
    cut = 0
    for k, word in enumerate(words[:-1]):
        stem = _possessive_stem(word)
        if (
            stem is not None
            and not name_word("possessive_part", stem)
            and any(w[:1].isupper() for w in words[k + 1 :])
        ):
            cut = k + 1
    return cut


def _possessive_stem(word: str) -> str | None:
    if "'" not in word and "’" not in word:
        return None  # most words: no apostrophe at all
    for apostrophe in _APOSTROPHES:
        if word.endswith(apostrophe + "s") and len(word) > 2:
            return word[:-2]
        if word.endswith("s" + apostrophe) and len(word) > 2:
            return word[:-1]
    return None


def _leading_titles(words: list[str], lexicon: Lexicon) -> tuple[list[str], int, str, str | None]:
    """Leading titles (with their modifiers and "of ..." parts): titles, end, gender, role."""
    titles: list[str] = []
    if lexicon.titles.keys().isdisjoint(map(str.lower, words[: 1 + MAX_MODIFIER_REACH])):
        # No title, nor one a modifier could reach, starts within reach of the first
        # word (the titles are keyed by their lower-cased first word): most mentions.
        return titles, 0, "", None
    entries = _title_entries(words, lexicon)
    gender = ""
    role_start: int | None = None
    role_end: int | None = None
    i = 0
    n = len(words)
    while i < n:
        entry = entries[i]
        if (
            entry is not None
            and i == n - 1
            and titles
            and _category(titles[-1], lexicon) in _HONORIFIC_CATEGORIES
        ):
            # "Mr. King", "Dr. Major": after Mr. or Dr. comes a name, even one that is
            # also a title.
            break
        if entry is not None:
            if role_start is None:
                role_start = i
            titles.append(" ".join(words[i : i + len(entry.words)]))
            gender = gender or entry.gender
            i += len(entry.words)
            while i < n and words[i].lower() == "of":
                end = _of_tail(words, i, lexicon)
                if end <= i + 1:
                    break
                i = role_end = end
            continue
        if _modifies_title(words, i, entries):
            if role_start is None:
                role_start = i
            i += 1
            continue
        break
    role = None
    if role_end is not None and role_start is not None:
        role = " ".join(words[role_start:role_end])  # "President of the National Assembly"
    return titles, i, gender, role


def _title_entries(words: list[str], lexicon: Lexicon) -> list[TitleEntry | None]:
    """``lexicon.match_title(words, k)`` for every ``k``, asked only where a title can
    start: the grammar reads the title at a word and at the few words after it again
    and again, and most words start none."""
    table = lexicon.titles
    return [
        lexicon.match_title(words, k) if key in table else None
        for k, key in enumerate(map(str.lower, words))
    ]


_HONORIFIC_CATEGORIES = frozenset({"honorific", "academic"})


def _category(title: str, lexicon: Lexicon) -> str:
    entry = lexicon.match_title(title.split(), 0)
    return entry.category if entry is not None else ""


_NAME_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV"})


def _modifies_title(words: list[str], i: int, entries: list[TitleEntry | None]) -> bool:
    """ "Cambodian" in "Cambodian Defence Minister X", "former" in "former minister X".

    ``entries`` holds the title starting at each word (see :func:`_title_entries`)."""
    n = len(words)
    for k in range(i + 1, min(n, i + 1 + MAX_MODIFIER_REACH)):
        entry = entries[k]
        if entry is None:
            continue
        after = k + len(entry.words)
        end = after
        while end < n and words[end].rstrip(".") in _NAME_SUFFIXES:
            end += 1  # "Martin Luther King Jr.": a suffix still ends the name
        if (
            end >= n
            and len(entry.words) == 1
            and entry.category != "civil"
            and words[i][:1].isupper()
            and not _is_demonym(words[i])
        ):
            return False  # "Paul Farmer", "John Major": a family name that is also a title
        # Only if the title then ends the part or is followed by a name or "of":
        # "Phay Siphan spokesman for the government" keeps Phay Siphan as the name.
        return after >= n or words[after][:1].isupper() or words[after].lower() == "of"
    return False


def _of_tail(words: list[str], i: int, lexicon: Lexicon) -> int:
    """End of the "of ..." part of a title starting at ``words[i] == "of"``."""
    n = len(words)
    last_marker: int | None = None
    j = i + 1
    while j < n and j - i <= MAX_OF_TAIL:
        word = words[j]
        if (
            word in lexicon.org_words
            or name_word("org_tail", word)
            or word.isdigit()
            or (not word[:1].isupper() and not lexicon.is_a("connector", word))
        ):
            last_marker = j
        j += 1
    if last_marker is not None:
        return last_marker + 1
    # No word says where the organisation ends ("President of Vietnam Nguyen Xuan Phuc"):
    # take the first capitalised word after "of" when at least one more follows.
    k = i + 1
    while k < n and lexicon.is_a("connector", words[k]):
        k += 1
    if k < n - 1:
        return k + 1
    return n


def _name_run(words: list[str], lexicon: Lexicon) -> tuple[str, ...]:
    """The capitalised run opening ``words``; connectors only between capitals."""
    run: list[str] = []
    for k, word in enumerate(words):
        if word[:1].isupper() or word[:1].isdigit():
            run.append(word)
            continue
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if run and lexicon.is_a("connector", word) and nxt[:1].isupper():
            run.append(word)
            continue
        break
    if "and" in run and not any(w in lexicon.org_words for w in run):
        run = run[: run.index("and")]  # two people, not one name
    if run:
        stem = _possessive_stem(run[-1])
        if stem is not None and not run[-1].endswith(("s'", "s’")):
            run[-1] = stem  # "Hun Sen's" -> "Hun Sen"
    while run and (
        not (run[-1][:1].isupper() or run[-1][:1].isdigit())
        or ((len(run) > 2 or len(run) == 1) and name_word("calendar", run[-1]))
    ):
        run.pop()  # a dangling connector; "Ted Cruz Saturday"; "Friday" alone
    return tuple(run)


def _is_demonym(word: str) -> bool:
    return word[:1].isupper() and word.endswith(("an", "ese", "ish", "i")) and len(word) > 4


# --- case and kind ------------------------------------------------------------------------


def _title_word(word: str) -> str:
    """ "NGUYEN" -> "Nguyen", "O'BRIEN" -> "O'Brien", "JEAN-PIERRE" -> "Jean-Pierre"."""
    return "".join(p[:1] + p[1:].lower() for p in _CASE_PARTS.split(word))


def _upper_word(word: str) -> bool:
    if not word.isupper():
        return False  # a lower-case letter, or no cased letter at all: most words
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _cased(
    words: tuple[str, ...], titles: list[str], org_hint: bool, lexicon: Lexicon
) -> tuple[tuple[str, ...], SpeakerKind]:
    """The name's words in normal case, and what kind of entity it names."""
    first = words[0]
    if (
        len(words) >= 2
        and (first.isupper() or not first.isalpha())  # else not all upper: most names
        and all(_upper_word(w) for w in words if any(c.isalpha() for c in w))
    ):
        words = tuple(_title_word(w) for w in words)  # upper-case byline
    kind = _kind(words, titles, org_hint, lexicon)
    if (
        titles
        and kind is not SpeakerKind.ORGANISATION
        and any(map(_upper_word, words))  # else no word to recase: most names
        and any(any(c.islower() for c in w) for w in words)
    ):
        # "H.E. HUN Sen", "Mr. NGUYEN Van A": the family name in capitals, as official lists
        # write it; only after a title, so "Priorities USA" keeps its acronym.
        words = tuple(
            _title_word(w) if _upper_word(w) and not _ROMAN.fullmatch(w) else w for w in words
        )
    return words, kind


def _kind(
    words: tuple[str, ...], titles: list[str], org_hint: bool, lexicon: Lexicon
) -> SpeakerKind:
    if (
        not lexicon.org_words.isdisjoint(words)
        or (len(words) > 1 and name_word("org_head", words[-1]))
        or (len(words) > 1 and name_word("affiliation", words[-1]))
        or (len(words) == 1 and name_word("affiliation", words[0].removesuffix("s")))
    ):
        # "Right Wing Watch", "South Carolina Republican", "Republicans": not a person.
        return SpeakerKind.ORGANISATION
    if not _name_word_table().get("weekday", _NOTHING).isdisjoint(map(str.lower, words)):
        return SpeakerKind.UNKNOWN  # "Monday Night Baseball"
    if titles:
        return SpeakerKind.PERSON  # "Sen. Dianne Feinstein of California"
    if len(words) > 2 and any(w in ("of", "for") for w in words[1:-1]):
        return SpeakerKind.ORGANISATION  # "Republic of Korea", "Centre for Peace"
    if org_hint:
        return SpeakerKind.ORGANISATION
    if (
        2 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and not any(name_word("headline_word", w) for w in words[1:])
    ):
        return SpeakerKind.PERSON
    return SpeakerKind.UNKNOWN
