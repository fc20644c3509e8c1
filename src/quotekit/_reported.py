"""Reported speech: statements credited to a source without quote marks (``indirect``).

Every candidate is anchored on a cue from the lexicon and read in its sentence:

- ``X CUE that CLAUSE``: "Hun Sen affirmed that …", "wrote on March 19, 1989 that …"
  (time and place adjuncts, or a short aside between commas as in "said, however,
  that …", may stand between the cue and "that");
- ``X CUE CLAUSE`` for cues tagged ``bare``: "Mey said time has proved …";
- ``X CUE OBJECT (that) CLAUSE`` for cues tagged ``object``: "told reporters that …";
- source first: "According to X, CLAUSE", "As X noted, CLAUSE";
- source after: "CLAUSE, X said.", "CLAUSE, said X.", "CLAUSE, according to X.";
- complements that are no clause, for cues tagged ``act`` ("criticized the plan",
  "urged residents to stay indoors"), ``to`` ("declined to comment") and ``question``
  ("asked the minister whether …", "Asked whether …, X said");
- findings, for cues tagged ``evidence`` with a source noun as subject ("A state poll
  showed the mayor ahead", "the audit found no record of …");
- transcript and interview labels opening a paragraph ("SMITH: …", "Q: …").

Subjects are names, pronouns and descriptions (``_attribution``), or plain noun phrases
opening a clause ("62 percent of likely voters say", "Lena Ortiz, 34, a nurse, said").

The content is the reported clause: from the word after "that" (or the clause's first
word) to the end of the sentence, cut where the author's own words resume (a colon
opening a quotation, ", according to", ", adding …"), without the final full stop.

Not speech: a cue inside quote marks (part of the quotation), a passive cue ("it is
said that"), a cue with no subject that reads as a speaker (relative clauses such as
"the plan he said would fail" have no clause after the cue), words after a ``bare``
cue that are not a clause ("recalled memories of …"), a cue form that is a noun before
a relative clause ("the weather reports that we read were wrong"), the object of a
participle in an aside between a subject and its verb ("Environmental groups, citing new
studies, said …"), and beliefs in the author's own voice. Cues tagged ``belief``
(think, believe, hope …) report a position, not words: they are kept when a third
party holds the belief ("Analysts believe that …") and dropped in the first person
outside quote marks ("We believe that …").

Quote marks win over reported speech: a clause that is mostly a quotation in marks is
not reported again, and a clause is cut before a direct quotation that follows it in
the same sentence. Fragments in marks inside a longer clause ("affirming that January 7
is the “second birthday” of the Cambodian people") stay partial quotes, and the clause
around them is also returned, covering them: the clause is the statement, the
fragments are the words the source is known to have used.

Speed: the cues are found with one trie-shaped pattern of the standard ``re`` module
(several times faster than an alternation, and than ``regex`` for this pattern), and
only the bounded window around each cue is tokenized, so the stage stays linear.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple, Protocol

from ._analysis import Analysis
from ._attribution import (
    RELATIVE_PRONOUNS,
    CueMatch,
    Found,
    Mention,
    agent_after,
    attribute_before,
    sentence_subject,
    subject_aside,
    subject_before,
)
from ._lexicon import CueEntry, Lexicon
from ._lexicon import in_word_class as _is
from ._model import Attribution, QuoteKind, Span
from ._tokens import Token, in_number, token_start, tokens_inside

# Bounds that keep every candidate's work constant: how far left of a cue its subject
# is looked for, how far right the words up to "that" may run, and the longest clause.
LEFT_CHARS = 240
SHORT_LEFT_CHARS = 90  # tried first; the long window only when an apposition may need it
RIGHT_CHARS = 90
SOURCE_CHARS = 260  # how far "according to X" may run before its comma
MAX_SOURCE_WORDS = 16
# How close before a cue the end of a quotation in marks makes the cue its attribution.
ATTRIBUTION_REACH = 120
MAX_CONTENT_CHARS = 1500
MAX_SENTENCE_CHARS = 2 * MAX_CONTENT_CHARS + 500  # longer is a splitting failure
MAX_GAP_TOKENS = 16  # tokens between a cue and "that" (adjuncts, an object)
MAX_OBJECT_TOKENS = 5
MAX_CLAUSE_SCAN = 14  # tokens read to find a clause's verb
MIN_CONTENT_WORDS = 2

_QUOTE_CHARS = frozenset("\"'“”‘’«»„‚")
_OPENING_MARKS = frozenset("\"“‘«„‚'")
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "'s", "’s"})
_CUT_PUNCT = " \t\n.,;:!—–-"
_TIME_DETERMINERS = frozenset({"this", "last", "next", "early", "late"})
_DEMONSTRATIVES = frozenset({"this", "these", "those"})
_POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my", "your"})


class Reported(NamedTuple):
    """A reported-speech candidate: its clause and who said it (view offsets). (A named
    tuple: cheaper to make than a frozen attrs class, read-only all the same.)"""

    content: Span
    found: Found


_NO_WORDS: frozenset[str] = frozenset()


def _verb_or_relative(lexicon: Lexicon, low: str) -> bool:
    """A finite verb, a form of "be" or a relative pronoun: a word that ends a noun
    phrase being read (a subject, an object, a source)."""
    return _is(lexicon, "finite", low) or low in _BE or low in RELATIVE_PRONOUNS


# --- the cue pattern ---------------------------------------------------------------------


def _trie_pattern(forms: Sequence[str]) -> str:
    """A regex alternation shaped as a character trie (fast in ``re``; no backtracking
    beyond one form's length, so linear)."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for form in forms:
        node = root
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        ends = "" in node
        branches = []
        for char in sorted(k for k in node if k):
            piece = r"\s{1,3}" if char == " " else re.escape(char)
            branches.append(piece + build(node[char]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if ends else body

    return build(root)


@functools.lru_cache(maxsize=8)
def _cue_pattern(lexicon: Lexicon) -> tuple[re.Pattern[str], dict[str, CueEntry]]:
    """The pattern finding every cue form (group 1), and the entry of each (lower-case)
    form. It is run over the text after one added space (see :func:`_cues`)."""
    forms: set[str] = set()
    entries: dict[str, CueEntry] = {}
    for group in lexicon.cues.values():
        for entry in group:
            if "publication" in entry.tags:
                continue  # "ran an editorial" introduces marked quotations only
            form = " ".join(entry.words)
            entries.setdefault(form, entry)
            forms.add(form)
            if "source_first" in entry.tags or "question" in entry.tags:
                forms.add(form[:1].upper() + form[1:])  # "According to X, …", "Asked if …"
    # Other cues open no reported form at a sentence start; headlines are the exception.
    forms.update(h for h in _HEADLINE_CUES if h.lower() in entries)
    # A form opens at a word boundary. When every form starts with a word character,
    # that is a non-word character just before it: the pattern then starts with a
    # character class, which lets ``re`` skip the inside of words without trying a
    # match there (a fifth faster over news text).
    opening = r"\W" if all(_WORD_CHAR.match(form) for form in forms) else r"\b"
    return re.compile(opening + "(" + _trie_pattern(sorted(forms)) + r")\b"), entries


_WORD_CHAR = re.compile(r"\w")


def _cues(text: str, lexicon: Lexicon) -> Iterator[tuple[int, int, str]]:
    """Start, end and form of every cue in ``text``, in order."""
    pattern, _entries = _cue_pattern(lexicon)
    # The space stands before a cue opening the text; offsets shift back by one.
    for match in pattern.finditer(" " + text):
        yield match.start(1) - 1, match.end(1) - 1, match.group(1)


# Regexes in this module keep the linear-time rule written at the top of _text.py
# (checked for every pattern by tests/test_adversarial.py).
# What follows a cue, read before any tokenizing (most cue words are not reported speech).
_AFTER_MARK = re.compile(r"[\"”’'»],?[ \t]{0,3}$")
# "that" within a few words after a cue, with no sentence punctuation before it. (The
# word boundary before "that" is checked behind it: a literal first is faster to try at
# each of the 70 places.)
_THAT_NEAR = re.compile(r"[^.;:!?\"“”\n]{0,70}?that\b(?<=\bthat)")
THAT_REACH = 70 + len("that")  # where the last "that" the pattern may find ends


def _that_near(text: str, pos: int) -> bool:
    """Whether :data:`_THAT_NEAR` matches at ``pos``; a text with no "that" within its
    reach (most cues) is settled by one ``find`` instead of the pattern's 70 tries."""
    return text.find("that", pos, pos + THAT_REACH) >= 0 and _THAT_NEAR.match(text, pos) is not None


# A word read backwards from its last character (see _word_before).
_WORD_REVERSED = re.compile(r"[\w'’]{1,30}")
_AFTER_CUE = re.compile(r"\s{0,3}(?:(that\b)|([.,!?;])|([:\"“”‘’«»])|([\w'’-]{1,40}))")


# --- the stage ---------------------------------------------------------------------------


class Quoted(Protocol):
    """A quotation found in marks, as reported speech reads it: where its content starts
    and ends (view offsets), and its kind."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def kind(self) -> QuoteKind: ...


def _quoted_order(quoted: Quoted) -> tuple[int, int, QuoteKind]:
    return quoted.start, quoted.end, quoted.kind


def find_reported(analysis: Analysis, quoted: Sequence[Quoted] = ()) -> list[Reported]:
    """Reported-speech candidates of a document, in order (view offsets).

    ``quoted`` holds the quotations found in marks (the candidates themselves: no record
    is made for each); cues inside them are skipped and clauses are cut or dropped
    around them (see the module docstring).
    """
    text = analysis.text
    lexicon = analysis.lexicon
    marked = sorted((q for q in quoted if q.kind is not QuoteKind.TERM), key=_quoted_order)
    marked_starts = [q.start for q in marked]
    marked_ends = sorted(q.end for q in marked)
    results: list[Reported] = []
    seen: set[tuple[int, int]] = set()
    entries = _cue_pattern(lexicon)[1]
    cache = _SentenceTokens(analysis)
    for cue_start, cue_end, form in _cues(text, lexicon):
        entry = entries.get(form) or entries.get(" ".join(form.lower().split()))
        if entry is None or (marked and _inside(marked, marked_starts, cue_start)):
            continue
        if not _worth_reading(text, cue_start, cue_end, entry, lexicon):
            continue
        if analysis.is_excluded(cue_start):
            continue
        sentence = analysis.sentence_at(cue_start)
        # A quotation ending earlier in this sentence, not far before the cue.
        reach = max(cue_start - ATTRIBUTION_REACH, sentence.start)
        k = bisect.bisect_left(marked_ends, reach)
        after_quote = k < len(marked_ends) and marked_ends[k] <= cue_start
        if after_quote:
            after = _AFTER_CUE.match(text, cue_end)
            if after is not None and after.group(2) is not None:
                continue  # '"…," he said.': the attribution of that quotation
        found = _read_cue(analysis, sentence, cue_start, cue_end, after_quote, cache)
        if found is None:
            continue
        clause, speaker_found = found
        content = _around_marks(text, clause, marked, marked_starts)
        if content is None or (content.start, content.end) in seen:
            continue
        seen.add((content.start, content.end))
        results.append(Reported(content, speaker_found))
    for content, speaker_found in _labelled_paragraphs(analysis, marked, marked_starts):
        if (content.start, content.end) not in seen:
            seen.add((content.start, content.end))
            results.append(Reported(content, speaker_found))
    results.sort(key=lambda r: (r.content.start, r.content.end))
    return results


# A transcript's or an interview's speaker label opening a paragraph: "SMITH: …",
# "MARIA OKAFOR: …", "Q: …", "A: …" (capitals only, a few words).
_LABEL_BODY = r"(Q|A|[A-Z][A-Z’'.-]{1,24}(?: [A-Z][A-Z’'.-]{1,24}){0,3}):[ \t]{1,3}(?=\S)"
_LABEL = re.compile(r"(?m)^" + _LABEL_BODY)
# The same after a line break: a literal first character lets ``re`` jump from one line
# break to the next, where "^" is tried at every character (see :func:`_labels`).
_LABEL_AFTER_BREAK = re.compile(r"\n" + _LABEL_BODY)


def _labels(text: str) -> Iterator[re.Match[str]]:
    """The matches of :data:`_LABEL` in ``text``, in order (group 1 and the end are the
    same; a match after a line break starts at the break)."""
    first = _LABEL.match(text)
    if first is not None:
        yield first  # no label holds a line break, so the next match starts after it
    yield from _LABEL_AFTER_BREAK.finditer(text)


def _labelled_paragraphs(
    analysis: Analysis, marked: list[Quoted], marked_starts: list[int]
) -> list[tuple[Span, Found]]:
    """The words of paragraphs opened by a speaker label, credited to the label: they
    are the speaker's own words, given without quote marks."""
    text = analysis.text
    found: list[tuple[Span, Found]] = []
    if ":" not in text:
        return found  # every label ends with a colon (most texts have none: one quick look)
    for match in _labels(text):
        label = match.group(1)
        start = match.end()
        if (
            label in analysis.lexicon.label_words
            or text[start] in _OPENING_MARKS
            or analysis.is_excluded(match.start(1))
            or _inside(marked, marked_starts, match.start(1))
        ):
            continue
        paragraph = analysis.paragraphs[analysis.paragraph_index(start)]
        if paragraph.end - start > MAX_CONTENT_CHARS:
            continue
        content = _trim(text, start, paragraph.end)
        content = None if content is None else _around_marks(text, content, marked, marked_starts)
        if content is None:
            continue
        speaker = Mention(match.start(1), match.end(1), "name")
        found.append((content, Found(speaker, None, None, Attribution.ADJACENT)))
    return found


def _worth_reading(
    text: str, cue_start: int, cue_end: int, entry: CueEntry, lexicon: Lexicon
) -> bool:
    """A cheap look at the words around a cue: could any reported form be there?"""
    if _AFTER_MARK.search(text, max(0, cue_start - 6), cue_start) is not None:
        return False  # '"…," said X': the attribution of a quotation in marks
    if text[cue_start].isupper():
        k = cue_start - 1
        while k >= 0 and text[k] in " \t":
            k -= 1
        if k >= 0 and (text[k].isalnum() or text[k] == ",") and not _headline_cue(text, cue_start):
            return False  # "the Party, State and people": a name, not a cue
    before = _word_before(text, cue_start)
    if before is not None and "source_first" not in entry.tags:
        low = before.lower()
        if (
            _is(lexicon, "first_person", low)
            or (low in _BE and "question" not in entry.tags)  # "was asked whether …"
            or (_is(lexicon, "determiner", low) and low not in _NOT_ARTICLES)
            or (low.endswith(("'s", "’s")) and not _is(lexicon, "pronoun_contraction", low))
        ):
            return False  # the author ("I think"), a passive, or a noun ("the report")
        form = text[cue_start:cue_end].lower()
        if (
            (
                low in _DEMONSTRATIVES
                or low == "that"
                or low[:1].isdigit()
                or low in {"two", "three"}
            )
            and not _verb_form(form, entry)
            and (form.endswith("s") or low in _DEMONSTRATIVES or low == "that")
        ):
            return False  # "this point", "10 points", "two reports": nouns ("that said")
    after = _AFTER_CUE.match(text, cue_end)
    if after is None or after.group(3) is not None:
        return False  # a colon or a quote mark: the cue introduces a quotation
    if after.group(1) is not None or after.group(2) is not None:
        return True
    if "source_first" in entry.tags or _that_near(text, cue_end):
        return True
    word = after.group(4)
    if entry.tags & _OBJECT_TAGS and _object_worth_reading(text, cue_start, word, entry, lexicon):
        return True
    if "bare" not in entry.tags:
        return False
    if entry.lemma == "say" and (word in _QUANTITY_OPENERS or word in _SUBORDINATORS):
        return True
    if (
        word in _adjunct_openers(lexicon)
        and word != "by"  # "the facts reported by the government": a passive
        and _verb_form(text[cue_start:cue_end].lower(), entry)
        and _past_adjunct(text, cue_start, cue_end, to_verb="to" in entry.tags)
    ):
        # "said on Friday he met …", "says tonight he is …", "…, NBC announced on Tuesday."
        return True
    return (
        word[:1].isupper()
        or word in _DEMONSTRATIVES
        or not (_is(lexicon, "stop", word) or _is(lexicon, "not_clause", word))
    )


# How far after a cue an adjunct and what follows it are looked at (see _past_adjunct).
_ADJUNCT_REACH = 80
# A sentence or clause ending this close after the cue closes an attribution ("…, X said
# on Friday.").
_SHORT_TAIL = 60
_SUBJECT_AFTER_ADJUNCT = re.compile(r"\b(?:he|she|they|it|we|I|there)\b")
_SENTENCE_STOP = re.compile(r"[.!?;]")
_TAIL_STOP = re.compile(r"[.!?;,]")
_TO_VERB = re.compile(r"\bto [a-z]")


def _past_adjunct(text: str, cue_start: int, cue_end: int, *, to_verb: bool) -> bool:
    """A cheap look past a time or place adjunct after a cue: the sentence ends soon after
    a source given after a comma ("…, NBC announced on Tuesday."), a subject pronoun
    opens a clause ("said on Friday he met …"), or, with ``to_verb``, "to" and a verb
    follow ("vowed last month to take …"). Most cues followed by an adjunct ("said in a
    statement", "spoke at the rally") have none of these and are not read in full."""
    window = text[cue_end : cue_end + _ADJUNCT_REACH]
    tail = _TAIL_STOP.search(window, 0, _SHORT_TAIL)
    if tail is not None and "," in text[max(0, cue_start - _ADJUNCT_REACH) : cue_start]:
        return True  # "…, NBC announced on Tuesday." / "…, the board declared on Monday, …"
    stop = _SENTENCE_STOP.search(window)
    if stop is not None:
        window = window[: stop.start()]
    if to_verb and _TO_VERB.search(window) is not None:
        return True
    return _SUBJECT_AFTER_ADJUNCT.search(window) is not None


def _word_before(text: str, pos: int) -> str | None:
    """The word before one to three spaces or tabs ending at ``pos`` (or at a line break
    there), at most its last 30 characters; None if no word ends there.

    What a search for ``([\\w'’]{1,30})[ \\t]{1,3}$`` finds, read backwards from ``pos``
    instead of tried at each of the 40 places before it (a fifth of the time).
    """
    if text[pos - 1 : pos] == "\n":
        pos -= 1  # "$" matches before a final line break too
    before = text[max(0, pos - 33) : pos]
    word = before.rstrip(" \t")
    if not 0 < len(before) - len(word) <= 3:
        return None
    found = _WORD_REVERSED.match(word[::-1])
    return None if found is None else found.group()[::-1]


def _object_worth_reading(
    text: str, cue_start: int, word: str, entry: CueEntry, lexicon: Lexicon
) -> bool:
    """The cheap look for cues tagged ``act``, ``to``, ``question`` or ``evidence``,
    followed by ``word``."""
    tags = entry.tags
    if not tags & {"act", "question", "evidence"}:
        if "object" in tags:  # "called on Congress to act"
            return " to " in text[cue_start : cue_start + 80]
        return word == "to"  # "declined to comment", not "declined 3 percent"
    if word in _BE or _is(lexicon, "finite", word) or word in _NO_OBJECT:
        return False  # "criticized for …", "described as …", "endorsed by …"
    if text[cue_start - 1 : cue_start] == "-" or _WORD_BEFORE_TO.search(
        text, max(0, cue_start - 4), cue_start
    ):
        return False  # "self-described", "expected to endorse …": no subject of its own
    if "evidence" in tags and not tags & {"act", "question"}:
        # a source of findings not far before: "A county survey last spring showed …"
        words = text[max(0, cue_start - 80) : cue_start].lower().split()
        return any(w.strip(".,;:()'’\"“”") in lexicon.source_nouns for w in words)
    return True


# Words after a cue that take no object, and "to" before it (an infinitive).
_NO_OBJECT = frozenset({"for", "by", "as", "of", "in", "and", "on", "at", "from", "with"})
_WORD_BEFORE_TO = re.compile(r"\bto[ \t]{1,3}$")


# Words that open a reported clause after "said" only when a verb follows soon: a
# quantity ("said more than a million people …") or a subordinate clause ("said if …").
_QUANTITY_OPENERS = frozenset(
    {
        "more",
        "less",
        "fewer",
        "about",
        "much",
        "most",
        "nothing",
        "something",
        "everything",
        "anything",
        "little",
        "none",
    }
)
_SUBORDINATORS = frozenset({"if", "when", "once", "unless", "although", "though", "because"})


# Headline cues written in Title Case ("Rubio Says Abandoning Reform Was A Sign …").
_HEADLINE_CUES = frozenset({"Says", "Said", "Tells", "Told", "Warns", "Insists", "Claims"})
_TITLE_WORD = re.compile(r"\b[A-Z][\w’'-]*|\b[a-z][\w’'-]*")


def _headline_cue(text: str, cue_start: int) -> bool:
    """A cue of a Title Case headline line: most of its words capitalised."""
    word = _WORD_AT.match(text, cue_start)
    if word is None or word.group() not in _HEADLINE_CUES:
        return False
    line_start = text.rfind("\n", max(0, cue_start - 200), cue_start) + 1
    line_end = text.find("\n", cue_start, cue_start + 200)
    line = text[line_start : line_end if line_end >= 0 else cue_start + 200]
    words = _TITLE_WORD.findall(line)
    capitalised = sum(1 for w in words if w[:1].isupper())
    return len(words) >= 4 and capitalised * 4 >= len(words) * 3


def _inside(marked: list[Quoted], starts: list[int], pos: int) -> bool:
    k = bisect.bisect_right(starts, pos) - 1
    # Spans do not nest deeply; look back a few in case a long one started earlier.
    for j in range(k, max(-1, k - 4), -1):
        quoted = marked[j]
        if quoted.start <= pos < quoted.end:
            return True
    return False


class _SentenceTokens:
    """Token windows of the sentence being read.

    The first cues of a sentence tokenize only their windows; from the third on,
    windows are the sentence's own tokens (:meth:`Analysis.tokens_within`: one
    tokenization of the sentence, or of its blocks when it is huge), so a sentence
    dense with cue words ("said that said that …") is not tokenized once per cue.
    """

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.sentence_start = -1
        self.reads = 0

    def window(self, sentence: Span, start: int, end: int) -> list[Token]:
        """The tokens of ``[start, end)``, a window of ``sentence`` (the sentence
        ``start`` is in)."""
        if sentence.start != self.sentence_start:
            self.sentence_start, self.reads = sentence.start, 0
        self.reads += 1
        if self.reads <= 4:  # two cues, a right and a left window each
            return self.analysis.tokens(start, end, sentence)
        return self.analysis.tokens_within(sentence, start, end)


def _read_cue(
    analysis: Analysis,
    sentence: Span,
    cue_start: int,
    cue_end: int,
    after_quote: bool,
    cache: _SentenceTokens,
) -> tuple[Span, Found] | None:
    """The clause and speaker of the cue at ``[cue_start, cue_end)`` in ``sentence``
    (``analysis.sentence_at(cue_start)``), or None.

    ``after_quote``: a quotation in marks ends just before; a cue with nothing but the
    sentence end after it is that quotation's attribution, not reported speech.
    """
    text = analysis.text
    lexicon = analysis.lexicon
    if sentence.end - sentence.start > MAX_SENTENCE_CHARS:
        return None  # no sentence: no clause of it can be reported (see MAX_CONTENT_CHARS)
    # "According to early results of surveys run for …, CLAUSE": a long source
    reach = SOURCE_CHARS if text[cue_start : cue_start + 9].lower() == "according" else RIGHT_CHARS
    right = min(sentence.end, cue_end + reach)
    right_tokens = cache.window(sentence, cue_start, right)
    if not right_tokens or right_tokens[0].start != cue_start:
        return None
    if after_quote and not _clause_follows(right_tokens, lexicon):
        return None
    if not _right_plausible(right_tokens, lexicon):
        return None
    left_tokens = cache.window(
        sentence, _left_bound(text, sentence, cue_start, SHORT_LEFT_CHARS), cue_start
    )
    found = _read_tokens(analysis, sentence, left_tokens + right_tokens, len(left_tokens))
    if (
        found is None
        and left_tokens
        and left_tokens[0].start > sentence.start
        and (
            any(t.text == "," for t in left_tokens)
            or left_tokens[-1].lower in {"and", "but"}  # "… inspected the dam and said"
        )
    ):
        # Both bounds fall after a space, so the tokens before the short window are
        # all the long one adds.
        left = _left_bound(text, sentence, cue_start, LEFT_CHARS)
        if left < left_tokens[0].start:
            left_tokens = cache.window(sentence, left, left_tokens[0].start) + left_tokens
            found = _read_tokens(analysis, sentence, left_tokens + right_tokens, len(left_tokens))
    return found


def _left_bound(text: str, sentence: Span, cue_start: int, chars: int) -> int:
    left = max(sentence.start, cue_start - chars)
    if left > sentence.start:
        space = text.find(" ", left, cue_start)
        left = cue_start if space < 0 else space + 1
    return left


def _read_tokens(
    analysis: Analysis, sentence: Span, tokens: list[Token], index: int
) -> tuple[Span, Found] | None:
    """The reported form around the cue at ``tokens[index]``."""
    lexicon = analysis.lexicon
    cue_start = tokens[index].start
    words = [t.lower for t in tokens[index : index + 6]]
    entry = lexicon.match_cue(words, 0)
    if entry is None:
        return None
    cue_end = tokens[index + len(entry.words) - 1].end
    cue = CueMatch(cue_start, cue_end, index, len(entry.words), entry)
    if index > 0 and _noun_before(tokens[index - 1], lexicon):
        return None  # "her remarks", "the report": a noun, not a cue
    if (
        tokens[index].is_cap
        and not _opens_sentence(tokens, index, sentence, lexicon)
        and not _headline_cue(analysis.text, cue_start)
    ):
        return None  # "Secretary of State", "Demand Progress": part of a name
    if "source_first" in entry.tags:
        return _source_first(analysis, sentence, tokens, cue)
    if (
        "question" in entry.tags
        and index > 0
        and (
            tokens[index - 1].lower in {"when", "after", "if", "once", "before", "being"}
            or _passive(tokens, index, lexicon)
        )
    ):
        # "…, he said when asked whether …", "She was asked about the border."
        return _question_put(analysis, sentence, tokens, cue, index + cue.length)
    if _passive(tokens, index, lexicon):
        return None
    after = index + cue.length
    inverted = (
        index > 0
        and tokens[index - 1].text == ","
        and not _participle(tokens[index])
        and _agent_closes(tokens, after, lexicon)
    )
    found = None if inverted else _clause_after(analysis, sentence, tokens, cue, after)
    found = found or _source_after(analysis, sentence, tokens, cue, after)
    if found is None and "evidence" in entry.tags and not inverted:
        found = _evidence_after(analysis, sentence, tokens, cue, after)
    if found is None and entry.tags & _COMPLEMENT_TAGS and not inverted:
        if _opens_sentence(tokens, index, sentence, lexicon) and "question" in entry.tags:
            return _question_put(analysis, sentence, tokens, cue, after)
        found = _complement_after(analysis, sentence, tokens, cue, after)
    if found is None or _first_person(analysis, found[1].speaker):
        return None
    return found


def _right_plausible(tokens: list[Token], lexicon: Lexicon) -> bool:
    """From the cue at ``tokens[0]`` rightwards only: a clause, a source, or an end."""
    words = [t.lower for t in tokens[:4]]
    entry = lexicon.match_cue(words, 0)
    if entry is None:
        return False
    n = len(entry.words)
    if "source_first" in entry.tags or _that_after(tokens, n, entry, lexicon) is not None:
        return True
    j = _skip_adjuncts(tokens, n, lexicon)
    if j >= len(tokens) or tokens[j].text in {".", ",", "!", "?"}:
        return True
    if entry.tags & _OBJECT_TAGS and _complement_start(tokens, j, entry, lexicon) is not None:
        return True
    if "bare" in entry.tags:
        k = _skip_object(tokens, j, lexicon) if "object" in entry.tags else j
        if k > j:
            k = _skip_adjuncts(tokens, k, lexicon)  # "told The New York Times on Friday."
            if k >= len(tokens) or tokens[k].text in {".", ",", "!", "?"}:
                return True
        return k < len(tokens) and (
            tokens[k].is_cap
            or _clause_at(tokens, k, lexicon, loose=entry.lemma == "say")
            or _agent_closes(tokens, n, lexicon)  # "…, said a spokeswoman for the port"
        )
    return False


def _clause_follows(tokens: list[Token], lexicon: Lexicon) -> bool:
    """Whether more than an attribution's end follows the cue at ``tokens[0]``."""
    words = [t.lower for t in tokens[:4]]
    entry = lexicon.match_cue(words, 0)
    n = len(entry.words) if entry is not None else 1
    return n < len(tokens) and tokens[n].text not in {".", "!", "?", ",", ";", ":"}


def _agent_closes(tokens: list[Token], i: int, lexicon: Lexicon) -> bool:
    """ ", said Jane Doe." / ", said Jane Doe, a doctor, …": a speaker after the cue."""
    agent = agent_after(tokens, i, lexicon)
    if agent is None:
        return False
    k = _agent_tail(tokens, _index_after(tokens, agent, i), lexicon)
    return k >= len(tokens) or tokens[k].text in {".", ",", "!", "?"}


# Words that attach a tail to a speaker named after the cue: "said a spokesman for the
# ministry", "said a group of nurses who work the night shift".
_TAIL_OPENERS = frozenset({"for", "of", "at", "with", "from", "in", "to", "on", "who"})
MAX_TAIL_TOKENS = 14


def _agent_tail(tokens: list[Token], k: int, lexicon: Lexicon) -> int:
    """Past a prepositional phrase or relative clause closing a speaker named after the
    cue, when it runs to a comma or the sentence end; else ``k`` itself."""
    if k >= len(tokens) or tokens[k].lower not in _TAIL_OPENERS:
        return k
    relative = tokens[k].lower == "who"
    j = k + 1
    while j < len(tokens) and j - k <= MAX_TAIL_TOKENS:
        tok = tokens[j]
        if not tok.is_word:
            if tok.text in {".", ",", "!", "?"}:
                return j
            if tok.text not in "'’-":
                return k
        elif tok.lower in {"who", "whose"}:
            relative = True  # "… of nurses who work the night shift"
        elif not relative and (
            tok.lower == "that" or _is(lexicon, "finite", tok.lower) or _cue_at(tokens, j, lexicon)
        ):
            return k  # a clause: "said in Ohio that …", not a speaker's tail
        j += 1
    return j if j >= len(tokens) else k


def _participle(token: Token) -> bool:
    return token.lower.endswith("ing")


def _only_words_between(tokens: list[Token], pos: int, index: int, lexicon: Lexicon) -> bool:
    """No verb or clause break between a subject ending at ``pos`` and the cue."""
    words = [t.lower for t in tokens]
    k = index - 1
    commas = 0
    while k >= 0 and tokens[k].start >= pos:
        tok = tokens[k]
        low = words[k]
        if tok.text == ",":
            commas += 1  # an apposition is opened by one comma and closed by another
        elif (
            (not tok.is_word and tok.text not in "-’'()")
            or _is(lexicon, "finite", low)
            or lexicon.match_cue(words, k) is not None
            or low in {"who", "which", "that", "whose", "whom", "and", "or", "but"}
            or (low.endswith("ed") and not tok.is_cap)
        ):
            return False
        k -= 1
    return commas in (0, 2)


def _mention_text(tokens: list[Token], mention: Mention) -> str:
    """The words of the tokens wholly inside ``mention``, joined by single spaces."""
    return " ".join(t.text for t in tokens_inside(tokens, mention.start, mention.end))


def _fronted_name(tokens: list[Token], index: int, lexicon: Lexicon) -> Mention | None:
    """The name opening the sentence ("Sam Sitha from Kandal province, one of the
    attendants, said"), when nothing but its modifiers stands before the cue."""
    k = 0
    while k < index and tokens[k].is_word and _is(lexicon, "starter", tokens[k].lower):
        k += 1
    if k >= index or not tokens[k].is_cap:
        return None
    agent = agent_after(tokens, k, lexicon)
    if agent is None or agent.form != "name" or agent.end >= tokens[index].start:
        return None
    return Mention(agent.start, agent.end, "name")


def _first_person(analysis: Analysis, mention: Mention | None) -> bool:
    """ "I", "we" outside quote marks: the author's own voice, not a source's."""
    if mention is None:
        return True
    words = analysis.text[mention.start : mention.end].lower().split()
    return len(words) == 1 and _is(analysis.lexicon, "first_person", words[0])


# Determiners that stand before a cue as a subject of their own ("that said", "some
# say", "many believe", "both said"), unlike "the report" or "her remarks".
_NOT_ARTICLES = frozenset(
    {"that", "this", "these", "those", "some", "many", "several", "both", "two", "three"}
)


def _noun_before(previous: Token, lexicon: Lexicon) -> bool:
    low = previous.lower
    if _is(lexicon, "determiner", low) and low not in _NOT_ARTICLES:
        return True
    return low.endswith(("'s", "’s")) and not _is(lexicon, "pronoun_contraction", low)


def _passive(tokens: list[Token], index: int, lexicon: Lexicon) -> bool:
    """ "It is said that", "was told that": no speaker in the subject."""
    i = index - 1
    while i >= 0 and index - i <= 3 and tokens[i].is_word:
        low = tokens[i].lower
        if low in _BE:
            return True
        if not (low.endswith("ly") or low in {"also", "widely", "often", "not", "never"}):
            return False
        i -= 1
    return False


# --- X CUE (that) CLAUSE ----------------------------------------------------------------


def _clause_after(
    analysis: Analysis, sentence: Span, tokens: list[Token], cue: CueMatch, i: int
) -> tuple[Span, Found] | None:
    """ "X CUE [adjuncts|object] that CLAUSE" and "X CUE CLAUSE" (bare cues)."""
    lexicon = analysis.lexicon
    entry = cue.entry
    start = _that_after(tokens, i, entry, lexicon)
    bare = start is None
    if start is None:
        j = _skip_adjuncts(tokens, i, lexicon)
        if "object" in entry.tags and "bare" in entry.tags:
            k = _skip_object(tokens, j, lexicon)
            if k == j:
                return None  # "told" needs its person: "told the mayors who …" is no clause
            j = _skip_adjuncts(tokens, k, lexicon)
        if "bare" not in entry.tags or j >= len(tokens):
            return None
        if not _clause_at(tokens, j, lexicon, loose=entry.lemma == "say"):
            return None
        start = j
    speaker = _speaker_of(tokens, cue, lexicon) or _phrase_speaker(tokens, cue, sentence, lexicon)
    if speaker is None:
        return None
    content = _clause_to_end(analysis, sentence, tokens[start].start)
    if content is None or (bare and not _has_verb(analysis, content)):
        return None  # "said back in the spring of 2019: …" is no clause
    return content, speaker


def _has_verb(analysis: Analysis, content: Span) -> bool:
    """A word that can be a finite verb: from the closed list, or ending in -ed or -s."""
    lexicon = analysis.lexicon
    words = analysis.text[content.start : content.end].split()
    if len(words) >= 2 and _is(lexicon, "subject_pronoun", words[0].lower()):
        return words[1][:1].islower()  # "they want …", "we need …"
    for word in words:
        low = word.strip(".,;:!?\"'“”‘’()").lower()
        if _is(lexicon, "finite", low) or _contraction(lexicon, low):
            return True
        if low.endswith(("ed", "s")) and not low.endswith(("ss", "'s", "’s")):
            return True
    return False


def _that_after(tokens: list[Token], i: int, entry: CueEntry, lexicon: Lexicon) -> int | None:
    """Index of the first word of a "that" clause after the cue, across adjuncts ("on
    March 19, 1989") and, for object cues, an object ("reporters", "him")."""
    j = _skip_adjuncts(tokens, i, lexicon)
    if "object" in entry.tags:
        j = _skip_adjuncts(tokens, _skip_object(tokens, j, lexicon), lexicon)
        if j < len(tokens) and tokens[j].lower != "that":
            j = _that_past_object(tokens, j, i, lexicon)
    if j < len(tokens) and tokens[j].text == "," and _verb_form(tokens[i - 1].lower, entry):
        j = _that_past_aside(tokens, j, i)  # not after a noun: "a recent claim, …, that"
    if j >= len(tokens) or tokens[j].lower != "that" or j - i > MAX_GAP_TOKENS:
        return None
    nxt = j + 1
    if nxt >= len(tokens):
        return None
    tok = tokens[nxt]
    if tok.text in _OPENING_MARKS:
        return nxt
    if not tok.is_word:
        return None
    low = tok.lower
    if _is(lexicon, "time", low) and not tok.is_cap:
        return None  # "announced that day"
    if _is(lexicon, "finite", low) or low in _BE:
        # "a phrase that could …" is a relative clause; after a form that is only a verb
        # ("said that was a mistake", "says that will change …") "that" is the subject.
        return j if _verb_only(tokens[i - 1], entry) and j > 0 else None
    if (
        not tok.is_cap
        and not _is(lexicon, "subject_pronoun", low)
        and not _is(lexicon, "determiner", low)
        and not _is(lexicon, "pronoun_contraction", low)
        and not _is(lexicon, "clause_opener", low)
        and not _finite_within(tokens, nxt + 1, lexicon, 8, commas=True)
    ):
        return None  # "reports that track spending": a relative clause
    if _noun_form(tokens[i - 1], entry) and _gapped_clause(tokens, nxt, lexicon):
        return None  # "The weather reports that we read were wrong": "reports" is a noun
    return nxt


# Finite verbs that only follow another verb as its auxiliary ("has said", "was told"),
# and the plural forms of "be" that show the number of their subject.
_AUXILIARY_VERBS = _BE | frozenset(
    {"has", "have", "had", "will", "would", "can", "could", "may", "might", "must"}
    | {"shall", "should", "do", "does", "did"}
)
_PLURAL_BE = frozenset({"are", "were"})


def _gapped_clause(tokens: list[Token], start: int, lexicon: Lexicon) -> bool:
    """Whether the words after "that" from ``tokens[start]`` read as a relative clause
    that lacks its object or subject, followed at once by the sentence's own verb: the
    cue form before "that" is then a noun ("the election reports that analysts publish
    were ignored", "the news claims that circulate online are false").

    Read on the clause's first words only: a subject (one word, or a determiner and a
    noun), then two verbs in a row. Without part-of-speech tags the first of the two
    must show that it is a verb: a known verb form ("that the minister made were
    false"), the word after a subject pronoun ("that we read were wrong"), or a word
    that cannot be a plural noun before a plural "are"/"were" after a bare subject
    ("that analysts publish were ignored"). A complete clause has none of these shapes
    ("that sales were down", "that farm incomes were falling", "that they both were").
    """
    first = tokens[start]
    det = _is(lexicon, "determiner", first.lower)
    k = start + (2 if det else 1)  # the first verb, after the subject
    if k + 1 >= len(tokens) or first.is_cap or any(c.isdigit() for c in first.text):
        return False
    subject = tokens[start:k]
    verb, second = tokens[k], tokens[k + 1]
    if not all(t.is_word for t in (*subject, verb, second)) or verb.is_cap:
        return False
    low = verb.lower
    if not (_is(lexicon, "finite", second.lower) or second.lower in _BE):
        return False
    if (
        _auxiliary(lexicon, low)
        or low.endswith("ly")
        or low in RELATIVE_PRONOUNS
        or _is(lexicon, "adverb", low)
        or _is(lexicon, "floating", low)
        or _is(lexicon, "preposition", low)
        or _is(lexicon, "stop", low)
        or _is(lexicon, "subject_pronoun", low)
    ):
        return False  # "that he has been", "that they both were", "that he still is"
    if _is(lexicon, "finite", low) or (low.endswith("ed") and not det):
        return True  # "that the minister made were false", "that analysts published were"
    pronoun = _is(lexicon, "subject_pronoun", first.lower)
    if pronoun:
        return True  # "that we read were wrong"
    return (
        second.lower in _PLURAL_BE
        and not det
        and not low.endswith("s")
        and not _is(lexicon, "plural_noun", low)
        and not _is(lexicon, "object_pronoun", low)
    )


def _auxiliary(lexicon: Lexicon, low: str) -> bool:
    """ "has", "would", "didn't", "he's": a verb that takes another one after it."""
    return (
        low in _AUXILIARY_VERBS
        or low.endswith(("n't", "n’t"))
        or _is(lexicon, "pronoun_contraction", low)
    )


MAX_ASIDE_WORDS = 8


def _that_past_aside(tokens: list[Token], comma: int, i: int) -> int:
    """The "that" after an aside between two commas right after a cue ("said, however,
    that", "said, per a translator, that", "warned, citing new studies, that"): words
    only, within the gap allowed after a cue; else ``comma``."""
    k = comma + 1
    while k < len(tokens) and k - comma <= MAX_ASIDE_WORDS + 1 and k - i <= MAX_GAP_TOKENS:
        tok = tokens[k]
        if tok.text == ",":
            if k > comma + 1 and k + 1 < len(tokens) and tokens[k + 1].lower == "that":
                return k + 1
            return comma
        if not tok.is_word or tok.lower in RELATIVE_PRONOUNS:
            return comma  # a quotation, a clause or a list, not an aside
        k += 1
    return comma


def _that_past_object(tokens: list[Token], j: int, i: int, lexicon: Lexicon) -> int:
    """A "that" after a longer object and its adjuncts ("told a chamber of commerce
    breakfast that", "told delegates at the convention on Monday that"): words only,
    no verb, within the gap allowed after a cue; else ``j``."""
    k = j
    while k < len(tokens) and k - i <= MAX_GAP_TOKENS:
        tok = tokens[k]
        low = tok.lower
        if low == "that":
            return k
        if not tok.is_word and not (tok.text in ".’'&-" or in_number(tokens, k)):
            break
        if tok.is_word and (
            _verb_or_relative(lexicon, low)
            or _cue_at(tokens, k, lexicon)  # "cited Hun Sen in affirming that": its own cue
        ):
            break
        k += 1
    return j


def _verb_only(cue_word: Token, entry: CueEntry) -> bool:
    """A cue form that cannot be a noun ("said", "told", "stressed"; not "reports")."""
    return _verb_form(cue_word.lower, entry)


def _noun_form(cue_word: Token, entry: CueEntry) -> bool:
    """A cue form that may also be a noun, plural or singular ("reports", "claims",
    "report"; not "said", "noting", "pointed out")."""
    low = cue_word.lower
    return not _verb_form(low, entry) and (low.endswith("s") or low == entry.lemma)


def _verb_form(low: str, entry: CueEntry) -> bool:
    return entry.lemma in {"say", "tell"} or low.endswith("ed") or low == "wrote"


def _skip_adjuncts(tokens: list[Token], i: int, lexicon: Lexicon) -> int:
    """Past time and place adjuncts: "on Tuesday", "last week", "on March 19, 1989",
    "in a recent interview with CNN", "yesterday". Bounded by ``MAX_GAP_TOKENS``."""
    if i < len(tokens):
        low = tokens[i].lower
        if low not in _adjunct_openers(lexicon) and not low.endswith(("ly", ".")):
            return i  # the common case, settled by one look-up: "said that", "said the"
    j = i
    limit = min(len(tokens), i + MAX_GAP_TOKENS)
    while j < limit:
        tok = tokens[j]
        low = tok.lower
        if low in _TIME_DETERMINERS:
            # "last week", "this morning"; but "said this is …" opens a clause
            if j + 1 < limit and _is(lexicon, "time", tokens[j + 1].lower):
                j += 2
                continue
            break
        if tok.is_word and _time_word(tokens, j, lexicon):
            j += 1
            # "Dec. 6", "March 19, 1989": the day and year of a date
            while (j < limit and tokens[j].text[:1].isdigit()) or (
                j + 1 < limit and tokens[j].text == "," and tokens[j + 1].text[:1].isdigit()
            ):
                j += 1
            continue
        if tok.is_word and _is(lexicon, "adjunct_preposition", low):
            # a preposition phrase up to "that" or a comma (a date may hold one:
            # "on March 19, 1989"); a verb inside means it is no adjunct.
            k = j + 1
            while k < limit:
                nxt = tokens[k]
                if nxt.is_word:
                    if nxt.lower == "that" or _is(lexicon, "subject_pronoun", nxt.lower):
                        break
                    if _is(lexicon, "finite", nxt.lower) or _cue_at(tokens, k, lexicon):
                        return j  # a verb: not an adjunct ("in affirming that")
                elif not (
                    nxt.text == ","
                    and k + 1 < len(tokens)
                    and tokens[k + 1].text[:1].isdigit()
                    and tokens[k - 1].text[:1].isdigit()
                ):
                    break
                k += 1
            if k == j + 1 or k >= limit:
                return j
            j = k
            continue
        break
    return j


_ADJUNCT_WORDS = frozenset({"instead", "again", "also", "repeatedly", "yesterday", "today"})


@functools.lru_cache(maxsize=8)
def _adjunct_openers(lexicon: Lexicon) -> frozenset[str]:
    """Every lower-case word with which ``_skip_adjuncts`` may read past an adjunct,
    except those ending in "ly" or a full stop: any other word ends it at once."""
    words = lexicon.function_words
    return (
        _TIME_DETERMINERS
        | _ADJUNCT_WORDS
        | words.get("time", _NO_WORDS)
        | words.get("abbrev_capital", _NO_WORDS)
        | words.get("adjunct_preposition", _NO_WORDS)
    )


def _cue_at(tokens: list[Token], k: int, lexicon: Lexicon) -> bool:
    return lexicon.match_cue([t.lower for t in tokens[k : k + 4]], 0) is not None


def _time_word(tokens: list[Token], j: int, lexicon: Lexicon) -> bool:
    """ "yesterday", "Tuesday", "recently", "again": an adjunct word of its own."""
    tok = tokens[j]
    low = tok.lower
    if low in _ADJUNCT_WORDS:
        return True
    if not tok.is_cap:
        # "recently", "repeatedly"; not "family" ("citing family reasons")
        return _is(lexicon, "time", low) or (
            low.endswith("ly") and not _is(lexicon, "not_adverb", low)
        )
    # "said Tuesday that", "said Dec. 6", but not "said Tuesday Smith …" nor "May Smith"
    low = low.rstrip(".")
    is_time = _is(lexicon, "time", low) or _is(lexicon, "abbrev_capital", low)
    return is_time and j + 1 < len(tokens) and not tokens[j + 1].text[:1].isupper()


def _skip_object(tokens: list[Token], j: int, lexicon: Lexicon) -> int:
    """Past the person object of a cue like "told": "him", "reporters", "CNN",
    "the committee", "a crowd of supporters"."""
    if j >= len(tokens) or not tokens[j].is_word:
        return j
    tok = tokens[j]
    if _is(lexicon, "object_pronoun", tok.lower) and tok.lower not in {"it", "you"}:
        return j + 1
    if tok.is_cap and not _is(lexicon, "subject_pronoun", tok.lower):
        k = j
        while (
            k < len(tokens)
            and k - j < MAX_OBJECT_TOKENS
            and tokens[k].is_word
            and (tokens[k].is_cap or _is(lexicon, "connector", tokens[k].lower))
        ):
            k += 1
        for extra in (k, k + 1):  # "FBI agents that", "CNN's Jake Tapper that"
            if extra < len(tokens) and tokens[extra].lower == "that" and extra > k:
                return extra
            if extra >= len(tokens) or not tokens[extra].is_word or tokens[extra].is_cap:
                break
            if _is(lexicon, "finite", tokens[extra].lower) or _is(
                lexicon, "stop", tokens[extra].lower
            ):
                break
            if extra + 1 < len(tokens) and tokens[extra + 1].lower == "that":
                return extra + 1
        return k
    if _is(lexicon, "determiner", tok.lower) and tok.lower not in {"that", "this"}:
        k = j + 1
        while k < len(tokens) and k - j < MAX_OBJECT_TOKENS and tokens[k].is_word:
            low = tokens[k].lower
            if low == "that" or _is(lexicon, "finite", low) or _is(lexicon, "stop", low):
                break
            k += 1
        return k
    if (
        tok.lower.endswith("s")
        and not _is(lexicon, "finite", tok.lower)
        and (j + 1 < len(tokens) and tokens[j + 1].lower == "that")
    ):
        return j + 1  # "reporters that", "lawmakers that"
    return j


def _clause_at(tokens: list[Token], j: int, lexicon: Lexicon, *, loose: bool) -> bool:
    """Whether a clause starts at ``tokens[j]``: a subject, then a finite verb.

    ``loose`` (for "say" and "tell", which rarely take a plain object) accepts any word
    that cannot start a non-clause ("said nothing", "said so", "said to be").
    """
    tok = tokens[j]
    low = tok.lower
    if not tok.is_word:
        return False
    if _is(lexicon, "subject_pronoun", low) or _contraction(lexicon, low):
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        return (
            _contraction(lexicon, low)
            or (
                nxt is not None
                and nxt.is_word
                and not nxt.is_cap
                and not _is(lexicon, "preposition", nxt.lower)
                and not _is(lexicon, "stop", nxt.lower)
            )
            or (nxt is not None and _is(lexicon, "finite", nxt.lower))
            or (  # "said he and his wife were", "said they, in turn, had"
                nxt is not None
                and nxt.text in {",", "and"}
                and _finite_within(tokens, j + 2, lexicon, 6, commas=True)
            )
        )
    if _is(lexicon, "finite", low) or low in _BE:
        return False  # "the plan he said would fail": the subject is elsewhere
    if low in _DEMONSTRATIVES:
        return _finite_within(tokens, j + 1, lexicon, 3)  # "said this is", not "said this"
    if loose and low in _QUANTITY_OPENERS:
        if j + 2 < len(tokens) and _is(lexicon, "subject_pronoun", tokens[j + 2].lower):
            return False  # "said more than he meant to": a comparison
        if j >= 2 and tokens[j - 2].lower in RELATIVE_PRONOUNS:
            return False  # "The man who said nothing was arrested": the verb is the main one
        return _finite_within(tokens, j + 1, lexicon, 8)  # "said more than 4,000 runners took"
    if loose and low in _SUBORDINATORS:
        return _finite_within(tokens, j + 1, lexicon, 10, commas=True)  # "said if it fails, …"
    if (
        loose
        and low.endswith("ing")
        and not tok.is_cap
        and not _is(lexicon, "adjunct_preposition", low)  # "during", "following"
    ):
        # a gerund subject: "said closing the plant has been hard"
        return j + 1 < len(tokens) and _finite_within(tokens, j + 1, lexicon, 8)
    if loose:
        return not (
            _is(lexicon, "not_clause", low)
            or _is(lexicon, "preposition", low)
            or _is(lexicon, "adjunct_preposition", low)
            or _is(lexicon, "stop", low)
            or (low.endswith("ing") and not tok.is_cap)
            or (low in {"it", "a", "an"} and not _finite_within(tokens, j + 1, lexicon, 3))
        )
    if _is(lexicon, "preposition", low) or _is(lexicon, "stop", low) or low.endswith("ing"):
        return False  # "reported finding 328 emails": a gerund object, not a clause
    return _finite_within(tokens, j + 1, lexicon, MAX_CLAUSE_SCAN)


def _contraction(lexicon: Lexicon, low: str) -> bool:
    """A subject pronoun fused with an auxiliary: "he's", "they'll", "we're"."""
    if "'" not in low and "’" not in low:
        return False
    if _is(lexicon, "pronoun_contraction", low):
        return True
    base, mark, rest = low.replace("’", "'").partition("'")
    return (
        bool(mark)
        and rest in {"ll", "re", "s", "d", "ve"}
        and _is(lexicon, "subject_pronoun", base)
    )


def _finite_within(
    tokens: list[Token], j: int, lexicon: Lexicon, limit: int, *, commas: bool = False
) -> bool:
    """A finite verb among the next ``limit`` words, before any punctuation."""
    end = min(len(tokens), j + limit)
    for k in range(j, end):
        tok = tokens[k]
        if not tok.is_word:
            if tok.text == "," and (commas or in_number(tokens, k)):
                continue
            if tok.text == "%":
                continue
            return False
        low = tok.lower
        if _is(lexicon, "finite", low):
            return True
        if low in RELATIVE_PRONOUNS and not commas:
            return False  # "the liability that a parent company would carry": a relative clause
        prev = tokens[k - 1]
        if (
            low.endswith("ed")
            and not tok.is_cap
            and prev.is_word
            and not _is(lexicon, "determiner", prev.lower)
            and not _is(lexicon, "preposition", prev.lower)
            and not _is(lexicon, "stop", prev.lower)
        ):
            return True
    return False


def _clause_to_end(analysis: Analysis, sentence: Span, start: int) -> Span | None:
    """The clause from ``start`` to where the reported words end in the sentence."""
    text = analysis.text
    end = sentence.end
    if end - start > MAX_CONTENT_CHARS:
        return None
    end = _cut(analysis, start, end)
    return _trim(text, start, end)


_WORD_AT = re.compile(r"\w{1,30}")
_CUT = re.compile(
    r":\s{0,3}(?=[\"“‘«„']|\Z)"  # a colon that opens a quotation
    r"|,\s{1,3}(?=according\s{1,3}to\b)"  # the source, given after the clause
    r"|,\s{1,3}(?=\w{2,20}ing\b)"  # a participle that may add a new statement
    r"|\s[—–-]{1,2}\s"  # a dash aside
)


def _cut(analysis: Analysis, start: int, end: int) -> int:
    text = analysis.text
    lexicon = analysis.lexicon
    for match in _CUT.finditer(text, start, end):
        if match.group().startswith(",") and text[match.end() : match.end() + 9] != "according":
            found = _WORD_AT.match(text, match.end(), end)
            word = "" if found is None else found.group().lower()
            entry = lexicon.match_cue([word], 0)
            if entry is None or (
                not entry.tags & {"bare", "act"} and word not in {"adding", "saying"}
            ):
                continue
        if match.group().strip() in {"—", "–", "-", "--", "——"}:
            continue  # an aside inside the clause still belongs to it
        return match.start()
    return end


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and (text[start].isspace() or text[start] in ",:;"):
        start += 1
    while end > start and text[end - 1] in _CUT_PUNCT:
        end -= 1
    # (split no further than the words counted: a clause may be long)
    if (
        end - start < 6
        or len(text[start:end].split(None, MIN_CONTENT_WORDS - 1)) < MIN_CONTENT_WORDS
    ):
        return None
    return Span(start, end)


# --- the speaker ---------------------------------------------------------------------------


def _speaker_of(tokens: list[Token], cue: CueMatch, lexicon: Lexicon) -> Found | None:
    """The cue's subject; for a participle with none ("cited X in affirming that",
    "…, saying that"), the speaker of the cue it depends on."""
    subject = subject_before(tokens, cue.index, lexicon)
    if subject is not None and _is(lexicon, "starter", _mention_text(tokens, subject).lower()):
        return None  # "Still, she faces doubts after saying …": no subject found
    if subject is not None:
        if tokens[cue.index - 1].text.isdigit():
            return None  # "The 1968 contest that …": a noun, not a speaker and a cue
        return Found(subject, cue, None, Attribution.ADJACENT)
    if cue.index > 1 and tokens[cue.index - 1].lower in {"and", "but"}:
        # "The court overruled and said …": the subject of the first verb.
        subject = sentence_subject(tokens, cue.index - 1, lexicon)
        if subject is None or _is(lexicon, "starter", _mention_text(tokens, subject).lower()):
            return None
        return Found(subject, cue, None, Attribution.ADJACENT)
    if not _participle(tokens[cue.index]):
        # A long subject: "Sixty-six percent said", "Many speakers at the service said".
        subject = sentence_subject(tokens, cue.index, lexicon) or _fronted_name(
            tokens, cue.index, lexicon
        )
        if subject is None or not _only_words_between(tokens, subject.end, cue.index, lexicon):
            return None
        if _is(lexicon, "starter", _mention_text(tokens, subject).lower()):
            return None  # "Still, she faces doubts after saying …": no subject found
        last = tokens[cue.index - 1]
        if last.is_word and last.end > subject.end and subject.form != "pronoun":
            # no apposition: the whole phrase is the subject ("Sixty percent of voters")
            subject = Mention(subject.start, last.end, "description")
        return Found(subject, cue, None, Attribution.ADJACENT)
    found = attribute_before(tokens[: cue.index + cue.length], lexicon)
    if not found.found or found.cue is None or found.cue.index > cue.index:
        return None
    # Only the cue itself or the one it depends on ("ran an editorial stating that").
    if found.cue.index != cue.index and cue.index - found.cue.index > 16:
        return None
    if found.speaker is None or _is(
        lexicon, "starter", _mention_text(tokens, found.speaker).lower()
    ):
        return None
    # The speaker of the cue depended on, with this cue ("…, adding that …").
    return Found(found.speaker, cue, found.via, Attribution.ADJACENT)


# Words that may stand inside a plain noun phrase subject: "half of the tenants", "a spokesman
# for the mayor", "about two-thirds", "more than 4 in 10".
_PHRASE_LINKS = frozenset(
    {"of", "in", "for", "from", "at", "with", "across", "among", "to", "on", "by"}
)
_QUANTIFIERS = frozenset(
    {
        "about",
        "almost",
        "nearly",
        "roughly",
        "some",
        "only",
        "just",
        "over",
        "under",
        "than",
        "more",
        "less",
        "least",
        "fewer",
        "all",
        "most",
        "many",
        "few",
        "several",
        "both",
    }
)
# What may open the clause whose subject the phrase is.
_CLAUSE_OPENERS = frozenset(
    {
        "and",
        "but",
        "while",
        "whereas",
        "as",
        "though",
        "although",
        "because",
        "since",
        "so",
        "if",
        "when",
        "where",
        "yet",
        "or",
        "that",
        "now",
        "still",
        "meanwhile",
        "however",
    }
)
MAX_PHRASE_TOKENS = 16


def _phrase_speaker(
    tokens: list[Token], cue: CueMatch, sentence: Span, lexicon: Lexicon
) -> Found | None:
    """A plain noun phrase opening a clause as the cue's subject, when the name and
    description rules found none: "62 percent of likely voters say", "water safety
    specialists say", "a representative for the shipping line said", "2,300 nurses
    said"."""
    index = cue.index
    if index == 0 or _participle(tokens[index]):
        return None
    if tokens[index - 1].lower == "who":
        return _relative_speaker(tokens, cue, lexicon)
    end = index - 1
    while end >= 0 and index - end <= 3 and tokens[end].is_word:
        low = tokens[end].lower
        if not (low in {"also", "now", "still", "all"} or (low.endswith("ly") and low != "only")):
            break
        end -= 1
    closed = end > 0 and tokens[end].text == ","
    if closed:
        end -= 1  # "Lena Ortiz, 34, a nurse, said": an apposition closed by its comma
        aside = _aside_opening(tokens, end, lexicon)
        if aside is not None:
            # "Environmental groups, after reading new studies, said": the phrase before
            # an adverbial or participial aside is the subject.
            found = _phrase_before_apposition(tokens, aside, cue, sentence, lexicon)
            if found is not None:
                return found
    if end < 0 or not _phrase_head(tokens, end, lexicon):
        return None
    head = tokens[end].lower
    if not _verb_only(tokens[index + cue.length - 1], cue.entry) and not (
        head.endswith("s") and not tokens[index].lower.endswith("s")
    ):
        return None  # "the 1968 contest that …", "the party's reports": nouns, not a cue
    boundary = _phrase_start(tokens, end, sentence, lexicon)
    if boundary is None:
        return None
    if closed:
        return _apposition_speaker(tokens, boundary, end, cue) or _phrase_before_apposition(
            tokens, boundary, cue, sentence, lexicon
        )
    first = boundary + 1
    while first < end and tokens[first].lower in _CLAUSE_OPENERS:
        first += 1
    opener = tokens[first].lower
    if _is(lexicon, "preposition", opener) or _is(lexicon, "adjunct_preposition", opener):
        return None  # "In rural Ohio said": an adjunct, not a subject
    mention = Mention(tokens[first].start, tokens[end].end, "description")
    return Found(mention, cue, None, Attribution.ADJACENT)


# How long an aside between a subject and its cue may be ("…, citing the heat, said").
MAX_ASIDE_TOKENS = 10


def _aside_opening(tokens: list[Token], end: int, lexicon: Lexicon) -> int | None:
    """The comma opening an aside that ends at ``tokens[end]`` and starts with a
    preposition or a participle ("after the meeting", "citing new studies"); None if
    the words between the commas are not such an aside."""
    k = end
    while k > 0 and end - k < MAX_ASIDE_TOKENS:
        if tokens[k].text == ",":
            first = tokens[k + 1]
            low = first.lower
            if (
                first.is_word
                and not first.is_cap
                and (
                    (low.endswith("ing") and len(low) > 4)
                    or _is(lexicon, "preposition", low)
                    or _is(lexicon, "adjunct_preposition", low)
                )
            ):
                return k
            return None
        if not tokens[k].is_word and tokens[k].text not in "'’-":
            return None
        k -= 1
    return None


def _apposition_speaker(tokens: list[Token], comma: int, end: int, cue: CueMatch) -> Found | None:
    """The name before an apposition ``tokens[comma + 1 : end + 1]`` ("Lena Ortiz, 34, a
    nurse, said"), an age between them allowed, with the apposition as its role."""
    if comma < 1 or tokens[comma].text != ",":
        return None
    k = comma - 1
    if k >= 2 and tokens[k].text.isdigit() and tokens[k - 1].text == ",":
        k -= 2  # the age
    last = k
    while k >= 0 and last - k < 5 and (tokens[k].is_cap or tokens[k].text == "."):
        k -= 1
    if k == last or not tokens[k + 1].is_word:
        return None
    role = (tokens[comma + 1].start, tokens[end].end)
    mention = Mention(tokens[k + 1].start, tokens[last].end, "name", role)
    return Found(mention, cue, None, Attribution.ADJACENT)


def _phrase_before_apposition(
    tokens: list[Token], comma: int, cue: CueMatch, sentence: Span, lexicon: Lexicon
) -> Found | None:
    """A plain phrase before an apposition: "Most of the tenants, 61%, say"."""
    if comma < 1 or tokens[comma].text != "," or not _phrase_head(tokens, comma - 1, lexicon):
        return None
    boundary = _phrase_start(tokens, comma - 1, sentence, lexicon)
    if boundary is None:
        return None
    mention = Mention(tokens[boundary + 1].start, tokens[comma - 1].end, "description")
    return Found(mention, cue, None, Attribution.ADJACENT)


def _relative_speaker(tokens: list[Token], cue: CueMatch, lexicon: Lexicon) -> Found | None:
    """The antecedent of "who" before the cue: "a retired teacher, who said …", "tenants who
    say …" (a noun phrase of a few words, up to its determiner)."""
    j = cue.index - 2
    if j >= 0 and tokens[j].text == ",":
        j -= 1
    if j < 0 or not _phrase_head(tokens, j, lexicon) or _is(lexicon, "time", tokens[j].lower):
        return None
    k = j
    while k > 0 and j - k < 6:
        prev = tokens[k - 1]
        low = prev.lower
        if not prev.is_word or (
            _is(lexicon, "finite", low)
            or low in _BE
            or (_is(lexicon, "stop", low) and low not in _QUANTIFIERS)
            or lexicon.match_cue([low], 0) is not None
        ):
            break
        k -= 1
        if _is(lexicon, "determiner", low):
            break
    mention = Mention(tokens[k].start, tokens[j].end, "description")
    return Found(mention, cue, None, Attribution.ADJACENT)


def _phrase_start(tokens: list[Token], end: int, sentence: Span, lexicon: Lexicon) -> int | None:
    """The index just before a subject phrase ending at ``tokens[end]`` (-1 at the start
    of the sentence), or None when no clause opening is found within reach. "and" may
    join two nouns ("tenants and housing advocates said") or open the clause ("… and
    analysts say"): the longer reading is taken when it reaches a clause opening."""
    joined: int | None = None
    k = end - 1
    while k >= 0 and end - k < MAX_PHRASE_TOKENS:
        tok = tokens[k]
        low = tok.lower
        if tok.is_word:
            if low in {"and", "or"}:
                joined = k if joined is None else joined
            elif low in _CLAUSE_OPENERS or (
                tok.is_cap and _is(lexicon, "starter", low) and not _is(lexicon, "determiner", low)
            ):
                return k
            elif (
                _verb_or_relative(lexicon, low)
                or (_is(lexicon, "stop", low) and low not in _PHRASE_LINKS | _QUANTIFIERS)
                or (
                    lexicon.match_cue([low], 0) is not None
                    and not _reduced_relative(tokens, k, lexicon)
                )
            ):
                return joined  # a verb or a clause of its own: no plain phrase
        elif tok.text == "," and in_number(tokens, k):
            pass  # "2,300 nurses"
        elif tok.text in {",", ";", ":", "—", "–", "("}:
            return k
        elif tok.text not in "%-’'":
            return joined
        k -= 1
    if k < 0 and tokens[0].start <= sentence.start:
        return -1
    return joined  # too long for a subject, or the window starts inside the sentence


def _reduced_relative(tokens: list[Token], k: int, lexicon: Lexicon) -> bool:
    """A participle modifying the noun before it ("a statement posted on the site")."""
    tok = tokens[k]
    if not tok.lower.endswith("ed") or k == 0 or k + 1 >= len(tokens):
        return False
    before, after = tokens[k - 1], tokens[k + 1]
    return (
        before.is_word
        and not _is(lexicon, "determiner", before.lower)
        and not _is(lexicon, "stop", before.lower)
        and (_is(lexicon, "adjunct_preposition", after.lower) or after.lower == "by")
    )


def _phrase_head(tokens: list[Token], k: int, lexicon: Lexicon) -> bool:
    """The last word of a subject phrase: a noun, a number or a percentage."""
    tok = tokens[k]
    low = tok.lower
    if tok.text == "%" or low.isdigit() or low in {"percent", "others", "some", "many", "most"}:
        return True
    if not tok.is_word or (tok.is_cap and _is(lexicon, "starter", low)):
        return False
    if (
        _is(lexicon, "finite", low)
        or _is(lexicon, "stop", low)
        or _is(lexicon, "determiner", low)
        or _is(lexicon, "preposition", low)
        or _is(lexicon, "adjunct_preposition", low)
        or _is(lexicon, "subject_pronoun", low)
        or low in _BE
        or low.endswith("ly")
        or (low.endswith("ing") and not (k > 0 and _is(lexicon, "determiner", tokens[k - 1].lower)))
    ):
        return False  # "-ing" only as a noun: "another study says"
    if low.endswith("ed") and not tok.is_cap:
        # "those surveyed", "farmers polled"; not "the party argued and said"
        prev = tokens[k - 1] if k > 0 else None
        return (
            prev is not None
            and prev.is_word
            and (prev.lower == "those" or prev.lower.endswith("s"))
        )
    return True


# --- other complements: "criticized X for …", "urged X to …", "asked whether …" ----------

# Cue tags whose complement is not a clause: ``act`` (a noun phrase or "to" + verb:
# "criticized the plan", "urged Congress to act", "called for a ban"), ``to`` (only "to"
# + verb: "declined to comment") and ``question`` (a question: "asked whether …", "asked
# him about …"; a request with ``act``: "asked the court to …").
_COMPLEMENT_TAGS = frozenset({"act", "to", "question"})
_OBJECT_TAGS = _COMPLEMENT_TAGS | {"evidence"}  # cues that may take a noun phrase
_QUESTION_WORDS = frozenset(
    {"whether", "if", "why", "how", "what", "who", "whom", "which", "when", "where", "about"}
)
# What ends a noun-phrase complement: a clause break, an aside, or a new verb
# ("criticized the plan and said …", "endorsed her, calling …", "… while …").
_COMPLEMENT_END = re.compile(r",\s|;|:\s|\s[—–]{1,2}\s|\s--\s|\s(?:and|but|while)\s")
_COMPLEMENT_JOINS = frozenset({"and", "but"})


def _complement_start(tokens: list[Token], j: int, entry: CueEntry, lexicon: Lexicon) -> int | None:
    """Index of the first token of the complement of a cue tagged ``act``, ``to`` or
    ``question``, whose words (after adjuncts) start at ``tokens[j]``; None if none."""
    if j >= len(tokens) or not tokens[j].is_word:
        return None
    tags = entry.tags
    if "question" in tags:
        # the question word, after the person asked and adjuncts ("asked the mayor on
        # Friday whether …"): words only, no verb between
        for k in range(j, min(len(tokens) - 1, j + MAX_GAP_TOKENS)):
            tok = tokens[k]
            if tok.lower in _QUESTION_WORDS:
                return k
            if not tok.is_word or _is(lexicon, "finite", tok.lower) or tok.lower == "that":
                break
            if (
                k > j
                and "object" not in tags
                and not _is(lexicon, "adjunct_preposition", tok.lower)
            ):
                break
    low = tokens[j].lower
    if low == "to":
        if "object" in tags and "act" not in tags:
            return None  # "called on Monday to complain": the person asked comes first
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        ok = nxt is not None and nxt.is_word and not nxt.is_cap
        return j if ok and (tags & {"act", "to"}) else None
    if "to" in tags and "object" in tags and _request_to(tokens, j, lexicon):
        return j  # "told the mayor to resign"
    if not tags & {"act", "evidence"}:
        return None
    if "evidence" in tags and low == "that" and j + 1 < len(tokens):
        j += 1  # "the study found that commuters lose …"
    if "question" in tags and not _request_to(tokens, j, lexicon):
        return None  # "asked the crowd, …", "asked him a question": no request
    return j if _object_at(tokens, j, lexicon) else None


def _object_at(tokens: list[Token], j: int, lexicon: Lexicon) -> bool:
    """Whether a noun phrase object may start at ``tokens[j]`` (not a verb, a clause
    or an adjunct)."""
    tok = tokens[j]
    low = tok.lower
    return tok.is_word and not (
        _verb_or_relative(lexicon, low)
        or (_is(lexicon, "subject_pronoun", low) and low not in {"it", "you"})
        or _is(lexicon, "preposition", low)
        or _is(lexicon, "adjunct_preposition", low)
        or (_is(lexicon, "stop", low) and not _is(lexicon, "determiner", low))
        or _is(lexicon, "time", low)
    )


def _evidence_after(
    analysis: Analysis, sentence: Span, tokens: list[Token], cue: CueMatch, i: int
) -> tuple[Span, Found] | None:
    """A finding of a source: "A county survey last spring showed the levy passing …", "the
    study found that …". Only a source noun as the subject makes ``show`` and ``find``
    report anything ("he showed his badge" does not)."""
    lexicon = analysis.lexicon
    source = _evidence_source(tokens, cue.index, lexicon)
    if source is None:
        return None
    j = _skip_adjuncts(tokens, i, lexicon)
    if j < len(tokens) and tokens[j].lower == "that":
        j += 1
    if j >= len(tokens) or not _object_at(tokens, j, lexicon):
        return None
    content = _complement_span(analysis, sentence, tokens[j].start)
    if content is None:
        return None
    return content, Found(source, cue, None, Attribution.ADJACENT)


MAX_SOURCE_REACH = 10  # tokens between a source noun and its cue ("A survey out this week")


def _evidence_source(tokens: list[Token], index: int, lexicon: Lexicon) -> Mention | None:
    """The phrase naming a source of findings that is the subject of the cue at
    ``tokens[index]``: "A University of Lagos survey", "The latest polling"."""
    k = index - 1
    if _participle(tokens[index]):  # "with surveys showing …": the noun just before
        found = k >= 0 and tokens[k].lower in lexicon.source_nouns
        return _source_mention(tokens, k, lexicon) if found else None
    while k >= 0 and index - k <= 3 and tokens[k].is_word:
        low = tokens[k].lower
        if low in _BE or not (_is(lexicon, "adverb", low) or low.endswith("ly")):
            break
        k -= 1
    j = k
    while j >= 0 and k - j < MAX_SOURCE_REACH:
        tok = tokens[j]
        low = tok.lower
        if not tok.is_word:
            if tok.text not in "/-’'&.()":
                return None
        elif low in lexicon.source_nouns:
            return _source_mention(tokens, j, lexicon)
        elif (
            _verb_or_relative(lexicon, low)
            or low in _CLAUSE_OPENERS
            or _is(lexicon, "subject_pronoun", low)
        ):
            return None
        j -= 1
    return None


def _source_mention(tokens: list[Token], noun: int, lexicon: Lexicon) -> Mention:
    """The source noun at ``tokens[noun]`` with its modifiers to the left ("A recent
    county-wide survey"), stopping at a clause break or a preposition."""
    s = noun
    while s > 0 and noun - s < 8:
        prev = tokens[s - 1]
        low = prev.lower
        if prev.is_word:
            starter = prev.is_cap and _is(lexicon, "starter", low)
            if (
                _verb_or_relative(lexicon, low)
                or low in _CLAUSE_OPENERS
                or _is(lexicon, "preposition", low)
                or _is(lexicon, "adjunct_preposition", low)
                or (starter and not _is(lexicon, "determiner", low))
            ):
                break
        elif prev.text not in "/-’'&":
            break
        s -= 1
    return Mention(tokens[s].start, tokens[noun].end, "description")


def _request_to(tokens: list[Token], j: int, lexicon: Lexicon) -> bool:
    """A person then "to" + verb from ``tokens[j]``: "asked the court to block …"."""
    for k in range(j + 1, min(len(tokens) - 1, j + MAX_OBJECT_TOKENS + 1)):
        tok = tokens[k]
        if tok.lower == "to":
            nxt = tokens[k + 1]
            return nxt.is_word and not nxt.is_cap and not _is(lexicon, "determiner", nxt.lower)
        if not tok.is_word or _is(lexicon, "finite", tok.lower):
            return False
    return False


def _complement_after(
    analysis: Analysis, sentence: Span, tokens: list[Token], cue: CueMatch, i: int
) -> tuple[Span, Found] | None:
    """The complement of the cue as its content: "The union accused the company of hiding
    safety reports", "The council urged residents to conserve water"."""
    lexicon = analysis.lexicon
    start = _complement_start(tokens, _skip_adjuncts(tokens, i, lexicon), cue.entry, lexicon)
    if start is None:
        return None
    if (
        _participle(tokens[cue.index])
        and tokens[cue.index - 1].text == ","
        and tokens[start].lower != "to"
        and not _request_to(tokens, start, lexicon)
        and subject_aside(tokens, cue, lexicon)
    ):
        # "Environmental groups, citing new studies, said …": what the subject points
        # to on the way to its statement, not a statement of its own.
        return None
    speaker = _speaker_of(tokens, cue, lexicon) or _phrase_speaker(tokens, cue, sentence, lexicon)
    if speaker is None:
        return None
    content = _complement_span(analysis, sentence, tokens[start].start)
    if content is None or _anaphoric(tokens, start, content, lexicon):
        return None
    return content, speaker


def _anaphoric(tokens: list[Token], start: int, content: Span, lexicon: Lexicon) -> bool:
    """An object that only points back ("reported the figures on Tuesday", "denied
    the claim"): "the" or a demonstrative and one noun, a time adjunct aside."""
    if tokens[start].lower not in {"the", "this", "that", "these", "those"}:
        return False
    k = start + 2
    if k < len(tokens) and tokens[k].start < content.end:
        k = _skip_adjuncts(tokens, k, lexicon)
    return k >= len(tokens) or tokens[k].start >= content.end


def _complement_span(analysis: Analysis, sentence: Span, start: int) -> Span | None:
    """From ``start`` to where a complement ends: the clause's end, cut before a comma,
    an aside or a conjunction that opens a new verb ("… and said", "… but declined")."""
    clause = _clause_to_end(analysis, sentence, start)
    if clause is None:
        return None
    text = analysis.text
    lexicon = analysis.lexicon
    end = clause.end
    for match in _COMPLEMENT_END.finditer(text, clause.start, clause.end):
        word = match.group().strip()
        if word in _COMPLEMENT_JOINS:
            nxt = _WORD_AT.match(text, match.end(), clause.end)
            low = "" if nxt is None else nxt.group().lower()
            if not (
                _is(lexicon, "finite", low)
                or low in _BE
                or lexicon.match_cue([low], 0) is not None
                or (low.endswith("ed") and low not in {"red", "bed"})
            ):
                continue  # "criticized the mayor and her budget": one object
        elif word == "," and text[match.start() - 1 : match.start()].isdigit():
            continue  # "$1,000"
        end = match.start()
        break
    return _trim(text, clause.start, end)


def _question_put(
    analysis: Analysis, sentence: Span, tokens: list[Token], cue: CueMatch, i: int
) -> tuple[Span, Found] | None:
    """ "Asked whether he would run, Smith said …", "When asked about the plan by a
    reporter, …", "She was asked about the border.": the question put, up to its comma
    or the end of the sentence. Its speaker is the one who asked ("by a reporter"),
    unknown when not written."""
    lexicon = analysis.lexicon
    j = _skip_adjuncts(tokens, i, lexicon)
    asker: Mention | None = None
    if j < len(tokens) and tokens[j].lower == "by":
        asker = agent_after(tokens, j + 1, lexicon)
        if asker is None:
            return None
        j = _skip_adjuncts(tokens, _index_after(tokens, asker, j + 1), lexicon)
    if j >= len(tokens) or tokens[j].lower not in _QUESTION_WORDS | {"to"}:
        return None
    comma = _comma_after(tokens, tokens[j].start, lexicon)
    if comma is not None:
        content = _trim(analysis.text, tokens[j].start, tokens[comma].start)
    elif _opens_sentence(tokens, cue.index, sentence, lexicon):
        return None  # "Asked whether …" opening a sentence is closed by a comma
    else:
        content = _clause_to_end(analysis, sentence, tokens[j].start)
    if content is None:
        return None
    return content, Found(asker, cue if asker is not None else None, None, Attribution.ADJACENT)


# --- source first: "According to X, …", "As X noted, …" ---------------------------------


def _source_first(
    analysis: Analysis, sentence: Span, tokens: list[Token], cue: CueMatch
) -> tuple[Span, Found] | None:
    lexicon = analysis.lexicon
    after = cue.index + cue.length
    agent = agent_after(tokens, after, lexicon) or _source_phrase(tokens, after, lexicon)
    if agent is None:
        return None
    found = Found(agent, cue, None, Attribution.ADJACENT)
    before = tokens[cue.index - 1] if cue.index > 0 else None
    if before is not None and before.is_word and _source_ends_sentence(tokens, agent):
        before = None  # "Rents rose 4 percent according to a survey by the agency."
        content = _trim(analysis.text, sentence.start, tokens[cue.index].start)
        if content is not None and _statement(analysis, content):
            return content, found
        return None
    if before is not None and before.text == ",":
        # "CLAUSE, according to X." -- the clause before; "In addition, according to
        # X, CLAUSE" -- the clause after, when the words before are no statement.
        content = _trim(analysis.text, sentence.start, before.start)
        if before.start - sentence.start > MAX_CONTENT_CHARS:
            return None
        if content is not None and _statement(analysis, content):
            return content, found
        comma = _comma_after(tokens, agent.end, lexicon)
        rest = None if comma is None else _clause_to_end(analysis, sentence, tokens[comma].end)
        if rest is not None and _has_verb(analysis, rest):
            return rest, found
        return None
    if not _opens_sentence(tokens, cue.index, sentence, lexicon):
        return None
    comma = _comma_after(tokens, agent.end, lexicon)
    if comma is None:
        return None
    content = _clause_to_end(analysis, sentence, tokens[comma].end)
    if content is None or analysis.text[content.start : content.end].split()[0].endswith("ing"):
        return None  # "According to Tomas Varga, writing for …:": the words come later
    return content, found


def _opens_sentence(tokens: list[Token], index: int, sentence: Span, lexicon: Lexicon) -> bool:
    """Only sentence openers ("But", "And", "Yet") stand before ``tokens[index]``."""
    k = index - 1
    while k >= 0 and tokens[k].start >= sentence.start:
        tok = tokens[k]
        if not (tok.is_word and _is(lexicon, "starter", tok.lower)) and tok.text not in "“\"‘'":
            return False
        k -= 1
    return True


def _comma_after(tokens: list[Token], pos: int, lexicon: Lexicon) -> int | None:
    """The comma that closes a source phrase ending at ``pos`` (a role or an adjunct
    may come first: "According to State Department cables that were later released, …")."""
    k = bisect.bisect_left(tokens, pos, key=token_start)
    limit = min(len(tokens), k + 30)
    while k < limit:
        text = tokens[k].text
        if text == ",":
            return k
        if text in '.;:!?"“”':
            return None
        k += 1
    return None


def _source_phrase(tokens: list[Token], i: int, lexicon: Lexicon) -> Mention | None:
    """ "according to data released Friday", "according to people familiar with …": a
    lower-case source phrase up to the comma or the sentence end (a few words)."""
    k = i
    while k < len(tokens) and k - i < MAX_SOURCE_WORDS and tokens[k].is_word:
        k += 1
    if k == i or (k < len(tokens) and tokens[k].text not in {",", ".", "!", "?"}):
        return None
    return Mention(tokens[i].start, tokens[k - 1].end, "description")


def _source_ends_sentence(tokens: list[Token], agent: Mention) -> bool:
    """Only words of the source phrase ("a count by the agency") close the sentence."""
    k = bisect.bisect_left(tokens, agent.end, key=token_start)
    limit = k + MAX_SOURCE_WORDS
    while k < len(tokens) and k < limit and tokens[k].is_word:
        k += 1
    return k >= len(tokens) or tokens[k].text in {".", "!", "?"}


# --- source after: "CLAUSE, X said." ------------------------------------------------------


def _source_after(
    analysis: Analysis, sentence: Span, tokens: list[Token], cue: CueMatch, i: int
) -> tuple[Span, Found] | None:
    """ "CLAUSE, X said.", "CLAUSE, said X.", "As X noted, CLAUSE"."""
    lexicon = analysis.lexicon
    entry = cue.entry
    before = tokens[cue.index - 1] if cue.index > 0 else None
    subject: Mention | None = None
    if before is not None and before.text == ",":
        if "belief" in entry.tags:
            return None
        if _participle(tokens[cue.index]) or "bare" not in entry.tags:
            return None  # only "…, said X" inverts; "…, claiming X" is no attribution
        agent = agent_after(tokens, i, lexicon)
        if agent is None or (agent.form == "pronoun" and tokens[i].lower not in {"he", "she"}):
            return None
        if tokens[i].lower in _POSSESSIVES and not _is(
            lexicon, "description", analysis.text[agent.end - 30 : agent.end].split()[-1].lower()
        ):
            return None  # ", said their stump speeches" (but ", said his spokesman")
        subject, comma = agent, cue.index - 1
        end = _skip_adjuncts(
            tokens, _agent_tail(tokens, _index_after(tokens, agent, i), lexicon), lexicon
        )
    else:
        # Either form needs punctuation right after the cue (and its object): read the
        # subject only then ("As X noted, …", "…, X said." / "…, X told reporters.").
        j = _skip_adjuncts(tokens, i, lexicon)
        end = j
        if "object" in entry.tags:
            end = _skip_adjuncts(tokens, _skip_object(tokens, end, lexicon), lexicon)
        if not (
            (j < len(tokens) and tokens[j].text == ",")
            or end >= len(tokens)
            or tokens[end].text in {".", ",", "!", "?"}
        ):
            return None
        subject = subject_before(tokens, cue.index, lexicon) or _bare_description(
            tokens, cue.index, lexicon
        )
        if subject is None or ("bare" not in entry.tags and subject.form == "description"):
            return None  # ", the final contest.": a noun phrase, not a source
        k = bisect.bisect_left(tokens, subject.start, key=token_start) - 1
        if k >= 0 and tokens[k].lower == "as":
            # "As the Khmer Times noted, CLAUSE" / "CLAUSE, as X said."
            if tokens[k - 1].text == "," if k > 0 else False:
                comma = k - 1
            elif _opens_sentence(tokens, k, sentence, lexicon):
                j = _skip_adjuncts(tokens, i, lexicon)
                if j < len(tokens) and tokens[j].text == ",":
                    content = _clause_to_end(analysis, sentence, tokens[j].end)
                    if content is not None:
                        return content, Found(subject, cue, None, Attribution.ADJACENT)
                return None
            else:
                return None
        else:
            # ", union leader Tom Reyes said": a lower-case title may come first
            while k > 0 and subject.start - tokens[k].start < 40 and tokens[k].is_word:
                if tokens[k].is_cap or _is(lexicon, "finite", tokens[k].lower):
                    return None
                if tokens[k].lower == "that" and tokens[k - 1].text == ",":
                    return None  # "…, however, that she did chime in": a "that" clause
                if tokens[k].lower in _SUBORDINATE_OPENERS:
                    return None  # "…, when Clinton testified before Congress": no source
                k -= 1
            if k < 0 or tokens[k].text != ",":
                return None
            comma = k
    # The attribution must close the sentence or a parenthetical (", X said, …") that
    # does not open a quotation (", X said, “…”" introduces the quotation instead).
    if end < len(tokens) and tokens[end].text not in {".", ",", "!", "?"}:
        return None
    if end + 1 < len(tokens) and tokens[end].text == "," and tokens[end + 1].text in _QUOTE_CHARS:
        return None
    start = sentence.start
    comma_pos = tokens[comma].start
    if comma_pos - start > MAX_CONTENT_CHARS:
        return None
    found = Found(subject, cue, None, Attribution.ADJACENT)
    content = _trim(analysis.text, start, comma_pos)
    if end < len(tokens) and tokens[end].text == ",":
        # "Tenants, the mayor suggested, need not fear eviction …": the words around the
        # attribution are one statement; the longer piece stands for it.
        rest = _clause_to_end(analysis, sentence, tokens[end].end)
        if rest is not None and (content is None or len(rest) > len(content)):
            words = analysis.text[rest.start : rest.end].split()
            first = words[0].lower() if words else ""
            verb = first[:1].islower() and not (
                first.endswith("ing")
                or _is(lexicon, "adjunct_preposition", first)
                or first in _CLAUSE_JOINERS
                or (_is(lexicon, "number", first) and _time_unit(words[1:2]))
            )  # "… need not"; not "waving a folder", "with games", "and he …", "two days after"
            if len(words) >= 3 and verb:
                return rest, found
    if content is None or not _statement(analysis, content):
        return None
    return content, found


# Words that open a subordinate clause: a subject after one is that clause's, not the
# source of the words before its comma.
_SUBORDINATE_OPENERS = (
    _SUBORDINATORS
    | (RELATIVE_PRONOUNS - {"that"})
    | {"where", "while", "whereas", "after", "before", "since", "until"}
)


def _time_unit(words: list[str]) -> bool:
    """Whether the first of ``words`` is a unit of time ("days", "weeks", "a year")."""
    return bool(words) and words[0].lower().rstrip(",.").removesuffix("s") in _TIME_UNITS


_TIME_UNITS = frozenset({"minute", "hour", "day", "week", "month", "year", "decade"})


# Words that open a clause of its own after an attribution ("…, as X reported on Tuesday,
# and he will …"): the words after it are no part of the statement.
_CLAUSE_JOINERS = frozenset({"and", "but", "or", "so", "yet", "while", "whereas"})


def _bare_description(tokens: list[Token], index: int, lexicon: Lexicon) -> Mention | None:
    """ ", former rival says", ", many think": lower-case words between a comma and the cue."""
    k = index - 1
    while k >= 0 and index - k <= 4 and tokens[k].is_word and not tokens[k].is_cap:
        low = tokens[k].lower
        if _is(lexicon, "finite", low) or _is(lexicon, "stop", low) or low.endswith("ly"):
            return None
        k -= 1
    if k < 0 or k == index - 1 or tokens[k].text != ",":
        return None
    return Mention(tokens[k + 1].start, tokens[index - 1].end, "description")


def _statement(analysis: Analysis, content: Span) -> bool:
    """Whether words before ", X said" make a statement: four words or more, with a
    finite verb or at least not opened like scene-setting ("Waving a folder, Okonkwo
    said", "At a rally in Iowa, Trump said", "Asked about it, she said")."""
    words = analysis.text[content.start : content.end].split()
    if len(words) < 3:
        return False
    lexicon = analysis.lexicon
    for k, word in enumerate(words):
        low = word.strip(".,;:!?\"'“”‘’()").lower()
        if _is(lexicon, "finite", low) or _is(lexicon, "pronoun_contraction", low):
            return True
        if k > 0 and low.endswith("ed") and not _is(lexicon, "determiner", words[k - 1].lower()):
            return True
    first = words[0].strip("\"'“”‘’(").lower()
    return len(words) >= 4 and not (
        first.endswith(("ing", "ed"))
        or _is(lexicon, "adjunct_preposition", first)
        or _is(lexicon, "preposition", first)
        or _is(lexicon, "clause_opener", first)
        or _is(lexicon, "stop", first)
    )


def _index_after(tokens: list[Token], mention: Mention, i: int) -> int:
    end = mention.role[1] if mention.role is not None else mention.end
    k = i
    while k < len(tokens) and tokens[k].start < end:
        k += 1
    if mention.role is not None and k < len(tokens) and tokens[k].text == ",":
        k += 1  # the comma closing the role
    return k


# --- marks ---------------------------------------------------------------------------------


# ", he said," / ", Smith added:" / "when asked whether …, he said" before a quotation.
_TRAILING_ATTRIBUTION = re.compile(
    r"[,;]\s{1,3}(?:and\s{1,3})?(?:when\s{1,3}asked\b[^,]{0,80},\s{1,3})?"
    r"[\w.’'-]{1,30}(?:\s{1,3}[\w.’'-]{1,30}){0,3}\s{1,3}"
    r"(?:said|says|added|adds|asked|asks|told|tells|continued|wrote|writes|replied|explained)"
    r"(?:\s{1,3}[\w’'-]{1,30}){0,2}[\s,:]{0,4}$"
)


def _before_attribution(text: str, start: int, end: int) -> int:
    """Where a clause cut before a quotation really ends: before the attribution of that
    quotation ("she said she had not read it, and when asked …, she said, “I doubt it”")."""
    found = _TRAILING_ATTRIBUTION.search(text, max(start, end - 160), end)
    return found.start() if found is not None else end


def _around_marks(text: str, content: Span, marked: list[Quoted], starts: list[int]) -> Span | None:
    """Cut the clause before a direct quotation in it; drop it when it is mostly marks.

    ``content`` is trimmed already (made by :func:`_trim`), so a clause with no quotation
    in it is returned as it is."""
    lo = bisect.bisect_left(starts, content.start - MAX_CONTENT_CHARS)
    hi = bisect.bisect_right(starts, content.end)
    inside = 0
    end = content.end
    for quoted in marked[lo:hi]:
        q_start, q_end, kind = quoted.start, quoted.end, quoted.kind
        if q_end <= content.start or q_start >= end:
            continue
        opening = q_start
        while opening > content.start and text[opening - 1] in _QUOTE_CHARS:
            opening -= 1
        if opening <= content.start:
            if kind is not QuoteKind.PARTIAL or q_end > end:
                return None  # the clause is (or starts inside) a quotation
            inside += min(q_end, end) - q_start
            continue
        if kind is QuoteKind.PARTIAL and q_end <= end:
            inside += q_end - q_start
            continue
        end = opening  # a direct quotation (or a fragment running past the clause)
        end = _before_attribution(text, content.start, end)
    if end == content.end and not inside:
        return content  # what _trim gives again
    trimmed = _trim(text, content.start, end)
    if trimmed is None or inside * 2 > len(trimmed):
        return None
    return trimmed
