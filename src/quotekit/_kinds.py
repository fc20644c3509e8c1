"""Decide what a span in quote marks is: a statement, a fragment, or a term."""

from __future__ import annotations

import functools

from ._attribution import Found, headline_colon
from ._lexicon import Lexicon
from ._marks import MarkedSpan
from ._model import QuoteKind
from ._tokens import Token

# A fragment this short with nobody credited is a scare quote or a name, not speech.
MAX_TERM_WORDS = 5
# A quote this long that starts with a capital letter reads as a full statement.
MIN_STATEMENT_WORDS = 6


# Naming verbs: a term cue after a noun ("a website called"), speech after a speaker
# ("what Okafor called", "what he termed").
_NAMING_VERBS = frozenset(
    {"called", "named", "dubbed", "labelled", "labeled", "branded", "termed", "nicknamed"}
)


def after_term_cue(before: list[Token], lexicon: Lexicon) -> bool:
    """The words right before the opening mark announce a term ("so-called", "entitled")."""
    tail = [t for t in before[-5:] if t.is_word]
    while tail and tail[-1].lower in {"a", "an", "the", "as"}:
        tail.pop()
    if not tail:
        return () in lexicon.term_cues  # only an empty cue matches no words
    words = [t.lower for t in tail]
    for cue in _term_cues_ending(lexicon).get(words[-1], ()):
        n = len(cue)
        if len(words) >= n and tuple(words[-n:]) == cue:
            if n == 1 and cue[0] in _NAMING_VERBS and len(tail) > n:
                speaker = tail[-n - 1]
                if speaker.lower in lexicon.pronouns or speaker.is_cap:
                    return False  # "what Okafor called “a cash grab”"
            return True
    return False


@functools.lru_cache(maxsize=8)
def _term_cues_ending(lexicon: Lexicon) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The lexicon's term cues by their last word, each list in lexicon order (a cue
    can only match words ending in its own last word, so the first match is the same)."""
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for cue in lexicon.term_cues:
        if cue:
            by_last.setdefault(cue[-1], []).append(cue)
    return {word: tuple(cues) for word, cues in by_last.items()}


# A title has at most this many words.
MAX_TITLE_WORDS = 8
# Short words a title leaves in lower case ("The Art of the Deal"), and the longer
# prepositions it often does ("The Nightly Show with Larry Wilmore").
_MINOR_LENGTH = 3
_MINOR_WORDS = frozenset({"with", "from", "into", "onto", "upon", "over", "than"})


def looks_like_title(content: str, *, single_word: bool = False) -> bool:
    """Title Case words and no sentence inside: the name of a show, book or event.

    One capitalised word counts only with ``single_word`` (after "NBC's", say)."""
    words = content.strip(" ,.;:!?…").split()
    if not words or len(words) > MAX_TITLE_WORDS or content.rstrip().endswith(("?", "!")):
        return False
    major = [
        w for w in words if len(w.strip("'’\"“”()-")) > _MINOR_LENGTH and w not in _MINOR_WORDS
    ] or words  # a title of short words only: "New Day", "Fox and Friends"
    if len(words) == 1 and not single_word:
        return False
    if words[0] in {"I", "We", "You", "It"}:
        return False  # "We Swiss are …": a statement
    return all(w[:1].isupper() or w[:1].isdigit() for w in major) and words[0][:1].isupper()


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s"))


def _names_a_work(before: list[Token], lexicon: Lexicon) -> bool:
    """The words before a title show it names a work, not a speaker's words: a
    possessive ("CNN's"), a preposition ("on", "in") or no words at all."""
    if not before or not before[-1].is_word:
        return True
    last = before[-1].lower
    return last.endswith(("'s", "’s")) or lexicon.is_a("preposition", last)


def classify_marked(
    text: str,
    span: MarkedSpan,
    before: list[Token],
    content_words: int,
    found_after: Found,
    found: Found,
    lexicon: Lexicon,
) -> QuoteKind:
    """Kind of a quote in marks, from its position in the sentence and its attribution."""
    if span.open is not None and after_term_cue(before, lexicon):
        return QuoteKind.TERM
    content = text[span.start : span.end].strip()
    starts_upper = content[:1].isupper() or content[:1] in "\"'“‘" or content[:1].isdigit()
    last = before[-1].text if before else ""
    # In a Title Case headline credited to its speaker ("Issa: Hillary Clinton’s ‘Honesty
    # Is In Question.’") every quote looks like a title: none is one.
    headline = found.found and found.cue is None and headline_colon(before) is not None
    if (
        not headline
        and before
        and before[-1].is_word
        and _possessive(before[-1].lower)
        and looks_like_title(content, single_word=True)
    ):
        return QuoteKind.TERM  # MSNBC's “Morning Joe,” NBC's “Today”
    if (
        not headline
        and not found_after.found
        and last != ":"
        and looks_like_title(content)
        and (not found.found or _names_a_work(before, lexicon))
    ):
        return QuoteKind.TERM  # on NBC's “Meet the Press”, the book “The Art of the Deal”
    sentence_initial = not any(t.is_word for t in before)
    if sentence_initial and (found.found or content_words >= MAX_TERM_WORDS):
        return QuoteKind.DIRECT
    if last in (":", ",") and found.found:
        return QuoteKind.DIRECT
    if (
        found_after.found
        and content.endswith((",", ".", "!", "?", "…"))
        and (sentence_initial or starts_upper or last in (":", ","))
    ):
        return QuoteKind.DIRECT  # not 'The reform is “a long overdue step,” said X'
    if sentence_initial and starts_upper and content.endswith((".", "!", "?", ",")):
        return QuoteKind.DIRECT  # a whole short sentence: “The budget is balanced.”
    if (
        starts_upper
        and content_words >= MIN_STATEMENT_WORDS
        and (found.found or last in (":", ",") or (before[-1:] and before[-1].lower == "that"))
    ):
        return QuoteKind.DIRECT
    if found.found:
        return QuoteKind.PARTIAL
    if content_words <= MAX_TERM_WORDS:
        return QuoteKind.TERM
    return QuoteKind.DIRECT if starts_upper or sentence_initial else QuoteKind.PARTIAL
