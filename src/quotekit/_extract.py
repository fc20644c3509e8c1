"""``extract()``: the pipeline, top to bottom.

text -> normalised view (offset map) -> paragraphs and sentences -> candidates (quote
marks, block quotes) -> attribution (cue and speaker mention) -> speaker resolution
-> :class:`Quote` objects with offsets into the caller's string.
"""

from __future__ import annotations

import bisect
import datetime
import functools
from operator import itemgetter
from typing import NamedTuple

import attrs

from ._analysis import Analysis, analyse
from ._attribution import (
    NOT_FOUND,
    Found,
    Mention,
    attribute_after,
    attribute_before,
    attribute_in_sentence,
    attribute_tail,
)
from ._blocks import Block, find_blocks
from ._config import ExtractConfig
from ._coref import Resolved, Resolver, background_names
from ._document import Document, TextSource, excluded_in_view, read_text, with_quote_evidence
from ._kinds import classify_marked
from ._marks import MarkedSpan, find_marked_quotes_in, with_words
from ._model import (
    FLAG_UNCLOSED,
    FLAG_UNOPENED,
    Attribution,
    Cue,
    Quote,
    QuoteKind,
    Resolution,
    Span,
    Speaker,
    SpeakerKind,
)
from ._normalise import normalise_quote_text
from ._registry import SpeakerRegistry
from ._reported import find_reported
from ._text import make_view, trim_whitespace
from ._tokens import Token, token_end, token_start, tokens_inside
from .errors import InputTypeError

# How far after a closing mark the attribution ("…," said X) is looked for.
AFTER_WINDOW = 200
# The first stretch of that window read on its own (see _after_window).
AFTER_PREFIX = 60
# How many earlier sentences of the paragraph may name a direct quote's speaker.
PREVIOUS_SENTENCES = 2
# How far back in its sentence the attribution before a quote is looked for: a bound,
# so a giant sentence full of quotes is not re-read for each of them (linear time).
BEFORE_WINDOW = 1000
# Content with no letter, digit or symbol: skipped before any attribution work, which
# also keeps a page of nothing but quote marks fast.


_NO_FLAGS: frozenset[str] = frozenset()


# A speaker mention as a plain tuple: Mention's fields (start, end, form, role).
_MentionFields = tuple[int, int, str, "tuple[int, int] | None"]
# A cue as a plain tuple: its start, end and lemma.
_CueFields = tuple[int, int, str]


class Candidate(NamedTuple):
    """A quote before speaker resolution (view offsets) and who is credited with it.

    Its speaker, source and cue are kept as plain tuples of ints and strings, not as
    the :class:`Found`, :class:`Mention` and cue objects attribution made: CPython
    stops tracking such tuples, so a candidate is one object for the garbage collector
    to walk instead of five. A 10 MB page holds some 60,000 candidates at once.
    """

    start: int
    end: int
    kind: QuoteKind
    flags: frozenset[str]
    speaker: _MentionFields | None
    via: _MentionFields | None
    cue: _CueFields | None
    attribution: Attribution

    @property
    def attributed(self) -> bool:
        """Whether someone is credited with the quote."""
        return self.speaker is not None

    def continuing(self, earlier: Candidate) -> Candidate:
        """This quote credited as a continuation of ``earlier``'s speaker."""
        return self._replace(
            speaker=earlier.speaker,
            via=earlier.via,
            cue=earlier.cue,
            attribution=Attribution.CONTINUATION,
        )


def _candidate(
    start: int, end: int, kind: QuoteKind, flags: frozenset[str], found: Found
) -> Candidate:
    """A candidate credited as ``found`` says."""
    cue = found.cue
    return Candidate(
        start,
        end,
        kind,
        flags,
        _mention_fields(found.speaker),
        _mention_fields(found.via),
        None if cue is None else (cue.start, cue.end, cue.entry.lemma),
        found.attribution,
    )


def _mention_fields(mention: Mention | None) -> _MentionFields | None:
    if mention is None:
        return None
    return mention.start, mention.end, mention.form, mention.role


def _span_order(candidate: Candidate) -> tuple[int, int]:
    return candidate.start, candidate.end


def extract(
    text: str | Document,
    *,
    doc_id: str | None = None,
    config: ExtractConfig | None = None,
    include_terms: bool | None = None,
    registry: SpeakerRegistry | None = None,
) -> list[Quote]:
    """Find the quotations in ``text`` and who made them, in document order.

    Any ``str`` is valid input; it is read as :meth:`Document.from_text` reads it, so
    page furniture and captions are skipped. Give a :class:`Document` (for example
    from :meth:`Document.from_html`) to set metadata: each quote carries its
    ``doc_id`` (unless ``doc_id`` is given here), ``outlet`` and ``published``, and
    offsets refer to ``document.text``. ``include_terms`` overrides ``config.include_terms``.
    With a ``registry``, every speaker it knows gets the registry's name and id.
    Raises :class:`~quotekit.errors.InputTypeError` (a ``TypeError``) for anything else.
    """
    document: Document | TextSource
    if isinstance(text, Document):
        document = text
    elif isinstance(text, str):
        document = read_text(text)  # what Document.from_text(text) holds, unvalidated
    else:
        raise InputTypeError("text", "a str or a Document", text)
    if doc_id is not None and not isinstance(doc_id, str):
        raise InputTypeError("doc_id", "a str or None", doc_id)
    if config is None:
        config = _default_config()
    elif not isinstance(config, ExtractConfig):
        raise InputTypeError("config", "an ExtractConfig or None", config)
    if registry is not None and not isinstance(registry, SpeakerRegistry):
        raise InputTypeError("registry", "a SpeakerRegistry or None", registry)
    if include_terms is not None:
        config = attrs.evolve(config, include_terms=bool(include_terms))

    view = make_view(document.text)
    analysis = analyse(view, config.lexicon, excluded=excluded_in_view(document, view))
    paragraphs = analysis.paragraphs
    marked = find_marked_quotes_in(analysis.text, paragraphs.starts, paragraphs.ends)
    if document.quote_evidence:
        # (Only spans quoted by markup may hold no word: find_marked_quotes drops those.)
        marked = with_quote_evidence(document, view, paragraphs, marked)
        marked = with_words(analysis.text, marked)
    blocks = find_blocks(analysis, marked) if config.include_blocks else []
    candidates = marked_candidates(analysis, marked, blocks) + block_candidates(blocks)
    # The spans are in the candidates now; dropping them early keeps fewer objects alive
    # for the garbage collector to traverse while a huge document is read.
    del marked, blocks
    candidates = sorted(candidates, key=_span_order)
    candidates = continue_quote_runs(analysis, candidates)
    if config.include_indirect:
        candidates = sorted(
            candidates + reported_candidates(analysis, candidates),
            key=_span_order,
        )
    quotes = resolve_quotes(
        analysis,
        candidates,
        doc_id if doc_id is not None else document.doc_id,
        registry,
        outlet=document.outlet,
        published=document.published,
    )
    return [
        q
        for q in quotes
        if (config.include_terms or q.kind is not QuoteKind.TERM)
        and q.confidence >= config.min_confidence
    ]


@functools.lru_cache(maxsize=1)
def _default_config() -> ExtractConfig:
    """The default options, made once (the config is frozen, so sharing it is safe)."""
    return ExtractConfig()


# --- candidates ----------------------------------------------------------------------


_AFTER_STOPS = frozenset((".", "!", "?", '"', "“", "”", "«", "»"))


class _AfterWindow(NamedTuple):
    """What :func:`_after_window` read: the tokens up to the first stop, and the tokens
    of the whole window ending at ``end`` when they were read (else None)."""

    tokens: list[Token]
    whole: list[Token] | None
    end: int


def _after_window(analysis: Analysis, close_end: int) -> _AfterWindow:
    """The tokens after a closing mark up to the first sentence end or quote mark
    (bounded by :data:`AFTER_WINDOW` and the paragraph), with the whole window's tokens
    when it was read whole (the rest of the sentence is then a part of them: see
    :func:`_sentence_rest`)."""
    paragraph_end = analysis.paragraphs.ends[analysis.paragraph_index(close_end - 1)]
    end = min(paragraph_end, close_end + AFTER_WINDOW)
    # Most attributions stop within a few words ('," she said.'): the window is read up
    # to the first white space past AFTER_PREFIX first, and whole only when no stop is
    # found there. Tokens never hold white space, so that prefix tokenizes exactly as
    # the same stretch of the whole window does, and the rest of the window after it.
    cut = analysis.text.find(" ", close_end + AFTER_PREFIX, end)
    if cut >= 0:
        tokens = analysis.tokens(close_end, cut)
        stop = _after_stop(tokens, whole=False)
        if stop is not None:
            return _AfterWindow(tokens[:stop], None, end)
        tokens += analysis.tokens(cut, end)
    else:
        tokens = analysis.tokens(close_end, end)
    stop = _after_stop(tokens, whole=True)
    return _AfterWindow(tokens if stop is None else tokens[:stop], tokens, end)


def _after_stop(tokens: list[Token], *, whole: bool) -> int | None:
    """Index of the first stop after the first token, if it can be told from ``tokens``
    (in a part of the window, a full stop read last may be an abbreviation's: 'R-Ky.,')."""
    for i in range(1, len(tokens)):
        text = tokens[i].text
        if text in _AFTER_STOPS:
            if text == ".":
                if i + 1 == len(tokens):
                    return i if whole else None
                if tokens[i + 1].text in ",)":
                    continue  # "McConnell, R-Ky., said", "Rubio (R-Fla.) said": abbreviations
            return i
    return None


def marked_candidates(
    analysis: Analysis, marked: list[MarkedSpan], blocks: list[Block]
) -> list[Candidate]:
    """Candidates from quote marks (the ones a block quote did not take); ``marked``
    holds only spans with words in them (:func:`with_words`).

    ``marked`` is consumed (left empty): each span is dropped as its candidate is made,
    so a huge document does not hold both at once for the garbage collector to walk.
    """
    if not marked:
        return []
    taken = {b.marked_index for b in blocks if b.marked_index is not None}
    in_block = _Containment([b.content for b in blocks])
    text = analysis.text
    lexicon = analysis.lexicon
    candidates: list[Candidate] = []
    quoted = _Quoted(marked)
    marked.reverse()  # popped from the end, in document order
    index = -1
    while marked:
        span = marked.pop()
        index += 1
        if index in taken:
            continue
        anchor = span.open if span.open is not None else span.start
        if analysis.is_excluded(anchor):
            continue
        if in_block.contains(span.start, span.end):
            continue  # a quotation inside a block quote stays part of it
        start, end = trim_whitespace(text, span.start, span.end)
        sentence = analysis.sentence_at(anchor)
        before = (
            quoted.outside(
                analysis.tokens_within(
                    sentence, _window_start(text, sentence.start, anchor), anchor
                )
            )
            if span.open is not None
            else []
        )
        found_after = NOT_FOUND
        window = None
        if span.close_end is not None:
            window = _after_window(analysis, span.close_end)
            after = window.tokens
            found_after = attribute_after(after, lexicon)
            if found_after.found and _new_sentence_after(text, start, end, after, found_after):
                found_after = NOT_FOUND
        found = found_after
        if not found.found and span.close_end is not None:
            # '… a “winter of discontent” for the city, said Ana Ruiz.': the sentence's own
            # attribution comes before any cue inside the clause.
            found = attribute_tail(_sentence_rest(analysis, span.close_end, window), lexicon)
        if not found.found:
            # Belief cues ("worried that … “a hammock”") count for quotes in marks.
            found = attribute_before(before, lexicon, beliefs=True)
        words = len(text[start:end].split())
        kind = classify_marked(text, span, before, words, found_after, found, lexicon)
        if kind is QuoteKind.PARTIAL and not found.found and _joins_a_term(text, candidates, span):
            kind = QuoteKind.TERM  # known as ''pocket parks'' or ''green corners''
        if kind is QuoteKind.TERM:
            found = NOT_FOUND  # a term is nobody's statement
        if kind is QuoteKind.TERM or found.found:
            candidate = _candidate(start, end, kind, span.flags, found)
        else:
            uncredited = _candidate(start, end, kind, span.flags, NOT_FOUND)
            candidate = _earlier_speaker(analysis, quoted, candidates, sentence, uncredited)
        candidates.append(candidate)
    return candidates


def _window_start(text: str, start: int, end: int) -> int:
    """Where to start reading the words before ``end``: the sentence start ``start``, or
    the first word boundary within ``BEFORE_WINDOW`` characters of ``end``."""
    if end - start <= BEFORE_WINDOW:
        return start
    cut = end - BEFORE_WINDOW
    while cut < end and not text[cut - 1].isspace():
        cut += 1
    return cut


# Words that join a term in marks to the next one ("“X” or “Y”", "“X”, “Y” and “Z”").
_TERM_JOINERS = frozenset({"or", "and", ",", "/"})


def _joins_a_term(text: str, candidates: list[Candidate], span: MarkedSpan) -> bool:
    """The quote follows a term, joined to it by "or", "and" or a comma only."""
    if not candidates or span.open is None or candidates[-1].kind is not QuoteKind.TERM:
        return False
    if span.open - candidates[-1].end >= 12:
        return False
    gap = text[candidates[-1].end : span.open]
    words = [w.strip("\"“”‘’'«»") for w in gap.replace(",", " , ").split()]
    return all(not w or w in _TERM_JOINERS for w in words)


def _sentence_rest(
    analysis: Analysis, close_end: int, window: _AfterWindow | None = None
) -> list[Token]:
    """The tokens after a closing mark up to the end of its sentence (bounded).

    ``window``: what :func:`_after_window` read after that mark. When it read the whole
    window, the rest of the sentence is a part of it: both start at the mark, and the
    rest ends where the window does or at white space inside it (a sentence ends
    before white space or at its paragraph's end), where no token of the window
    crosses: its tokens there are those a fresh reading gives."""
    sentences = analysis.sentences
    sentence_end = (
        sentences.ends[analysis.sentence_index(close_end - 1)]
        if sentences.starts
        else len(analysis.text)
    )
    end = min(sentence_end, close_end + AFTER_WINDOW)
    if end <= close_end:
        return []
    if window is not None and window.whole is not None and end <= window.end:
        whole = window.whole
        if end == window.end:
            return list(whole)
        if analysis.text[end].isspace():
            return tokens_inside(whole, close_end, end)
    return analysis.tokens(close_end, end)


# A tail longer than this after a sentence-ending quote is a new sentence, not the
# quote's attribution ('“… done.” He warns that the party …').
MAX_TAIL_AFTER_FULL_STOP = 8


def _ends_with_full_stop(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends with a full stop, closing quote marks aside (read
    from the end: no copy of a long quotation is made)."""
    last = end
    while last > start and text[last - 1] in "'’\"”":
        last -= 1
    return last > start and text[last - 1] == "."


def _new_sentence_after(text: str, start: int, end: int, after: list, found: Found) -> bool:  # type: ignore[type-arg]
    """'“… done.” He warns that …': the quote (its content from ``start`` to ``end``)
    ended its sentence and what follows is a new sentence, not its attribution ('“…
    done.” Trump said.' still counts)."""
    if not _ends_with_full_stop(text, start, end):
        return False
    first = after[0]
    if not (first.is_word and first.is_cap):
        return False
    if found.cue is not None:
        # '“….” Fiorina said Ted Cruz …': the cue takes an object or a clause
        k = found.cue.index + found.cue.length
        nxt = after[k] if k < len(after) else None
        if nxt is not None and nxt.is_word and (nxt.is_cap or nxt.lower == "that"):
            return True
    return len(after) > MAX_TAIL_AFTER_FULL_STOP or any(t.lower == "that" for t in after)


def _earlier_speaker(
    analysis: Analysis,
    quoted: _Quoted,
    candidates: list[Candidate],
    sentence: Span,
    candidate: Candidate,
) -> Candidate:
    """``candidate``, a quote with no attribution of its own, credited to the speaker of
    the quote just before it in the paragraph, when that one is in this or the previous
    sentence; otherwise to a cue and speaker in the previous sentences; otherwise to
    that earlier quote anyway."""
    index = analysis.sentence_index(sentence.start)
    p_index = analysis.paragraph_index(sentence.start)
    last = candidates[-1] if candidates else None
    if last is not None and (
        not last.attributed
        or last.kind is QuoteKind.TERM
        or analysis.paragraph_index(last.start) != p_index
    ):
        last = None
    continued = candidate if last is None else candidate.continuing(last)
    if last is not None and analysis.sentence_index(last.end) >= index - 1:
        return continued
    if candidate.kind is not QuoteKind.DIRECT:
        return candidate
    found = _previous_sentences(analysis, quoted, sentence)
    if not found.found:
        return continued
    before = candidates[-1] if candidates else None
    if (
        before is not None
        and before.speaker == found.speaker
        and analysis.paragraph_index(before.end) == p_index - 1
    ):
        # The quote ending the paragraph before has the same speaker: a run of quotes.
        found = attrs.evolve(found, attribution=Attribution.CONTINUATION)
    return _candidate(candidate.start, candidate.end, candidate.kind, candidate.flags, found)


class _Containment:
    """Whether a span lies inside any of a set of spans, in logarithmic time (a linear
    scan per quote was quadratic on pages with many block quotes)."""

    def __init__(self, spans: list[Span]) -> None:
        ordered = sorted(spans)
        self._starts = [s.start for s in ordered]
        self._max_ends: list[int] = []
        for s in ordered:
            self._max_ends.append(max(s.end, self._max_ends[-1] if self._max_ends else 0))

    def contains(self, start: int, end: int) -> bool:
        k = bisect.bisect_right(self._starts, start) - 1
        return k >= 0 and self._max_ends[k] >= end


class _Quoted:
    """The quoted contents of a document, to leave their words out of attribution."""

    def __init__(self, marked: list[MarkedSpan]) -> None:
        spans = sorted((m.start, m.end) for m in marked)
        self._starts = [s for s, _ in spans]
        self._ends = [e for _, e in spans]

    def outside(self, tokens: list[Token]) -> list[Token]:
        """The tokens that are not inside quote marks (``tokens`` in order).

        A token belongs to the last quoted span starting at or before it, and is left
        out when that span also ends at or after it. The tokens belonging to one span
        are a run, and those it holds are that run's head: both are found by binary
        search, so a window costs the spans reaching into it, not its tokens.
        """
        if not tokens:
            return []
        starts, ends = self._starts, self._ends
        first = bisect.bisect_right(starts, tokens[0].start) - 1
        last = bisect.bisect_right(starts, tokens[-1].start) - 1
        if first == last and (first < 0 or ends[first] <= tokens[0].start):
            # No quoted span reaches into the window: the usual case, one look-up.
            return list(tokens)
        n = len(tokens)
        pos = 0
        result: list[Token] = []
        if first < 0:  # the tokens before the first span are nobody's
            pos = bisect.bisect_left(tokens, starts[0], key=token_start)
            result += tokens[:pos]
            first = 0
        for k in range(first, last + 1):
            run_end = (
                bisect.bisect_left(tokens, starts[k + 1], pos, key=token_start)
                if k + 1 < len(starts)
                else n
            )
            held = bisect.bisect_right(tokens, ends[k], pos, run_end, key=token_end)
            result += tokens[held:run_end]
            pos = run_end
        return result


def _previous_sentences(analysis: Analysis, quoted: _Quoted, sentence: Span) -> Found:
    index = analysis.sentence_index(sentence.start)
    paragraph = analysis.paragraphs[analysis.paragraph_index(sentence.start)]
    for k in range(index - 1, max(-1, index - 1 - PREVIOUS_SENTENCES), -1):
        previous = analysis.sentences[k]
        if previous.start < paragraph.start:
            if k == index - 1 and sentence.start <= paragraph.start + 2:
                # A quote opening its paragraph, after a paragraph that ends by naming a
                # speaker ("Trump told supporters the fight goes on.¶“We are not done.”")
                start = _window_start(analysis.text, previous.start, previous.end)
                found = attribute_in_sentence(
                    quoted.outside(analysis.tokens(start, previous.end)), analysis.lexicon
                )
                if found.found:
                    return found
            break
        start = _window_start(analysis.text, previous.start, previous.end)
        found = attribute_in_sentence(
            quoted.outside(analysis.tokens(start, previous.end)), analysis.lexicon
        )
        if found.found:
            return found
    return NOT_FOUND


def block_candidates(blocks: list[Block]) -> list[Candidate]:
    """Candidates from block quotes."""
    return [
        _candidate(b.content.start, b.content.end, QuoteKind.BLOCK, b.flags, b.found)
        for b in blocks
    ]


def reported_candidates(analysis: Analysis, candidates: list[Candidate]) -> list[Candidate]:
    """Candidates from reported speech ("X said that …"), around the quotes in marks."""
    return [
        _candidate(r.content.start, r.content.end, QuoteKind.INDIRECT, _NO_FLAGS, r.found)
        for r in find_reported(analysis, candidates)
    ]


def continue_quote_runs(analysis: Analysis, candidates: list[Candidate]) -> list[Candidate]:
    """A direct quote opening a paragraph with nobody credited continues the speaker of
    the quote in the paragraph just before (the usual run of quote paragraphs)."""
    result: list[Candidate] = []
    previous: Candidate | None = None
    for cand in candidates:
        if (
            not cand.attributed
            and cand.kind in (QuoteKind.DIRECT, QuoteKind.BLOCK)
            and previous is not None
            and previous.attributed
            and previous.kind in (QuoteKind.DIRECT, QuoteKind.BLOCK)
        ):
            p_prev = analysis.paragraph_index(previous.start)
            p_this = analysis.paragraph_index(cand.start)
            if p_this == p_prev + 1 and cand.start - 2 <= analysis.paragraphs.starts[p_this]:
                cand = cand.continuing(previous)
        result.append(cand)
        if cand.kind is not QuoteKind.TERM:
            previous = cand
    return result


# --- speakers and quotes ---------------------------------------------------------------

_CONFIDENCE = {
    Attribution.ADJACENT: 0.9,
    Attribution.PREVIOUS_SENTENCE: 0.75,
    Attribution.CONTINUATION: 0.65,
    Attribution.NONE: 0.3,
}


def resolve_quotes(
    analysis: Analysis,
    candidates: list[Candidate],
    doc_id: str | None,
    registry: SpeakerRegistry | None = None,
    *,
    outlet: str | None = None,
    published: datetime.date | None = None,
) -> list[Quote]:
    """Resolve every speaker mention in document order and build the quotes (each
    carrying ``doc_id``, ``outlet`` and ``published``).

    ``candidates`` is consumed (left empty): each is dropped as its quote is built, so a
    huge document does not hold both at once for the garbage collector to traverse.
    """
    speakers = _resolve_speakers(analysis, candidates, registry)
    view = analysis.view
    original = view.original
    quotes = []
    candidates.reverse()  # popped from the end, in document order
    while candidates:
        cand = candidates.pop()
        speaker = None if cand.speaker is None else speakers[_speaker_key(cand.speaker)]
        via = None if cand.via is None else speakers[_speaker_key(cand.via)]
        attribution = cand.attribution if speaker is not None else Attribution.NONE
        confidence = _CONFIDENCE[attribution]
        if speaker is not None and speaker.resolution in _INDIRECT_RESOLUTIONS:
            confidence = min(confidence, 0.6)
        if speaker is not None and speaker.resolution is Resolution.UNRESOLVED:
            confidence = min(confidence, 0.4)
        if not cand.flags.isdisjoint(_BROKEN_MARKS):
            confidence -= 0.1
        if cand.kind is QuoteKind.TERM:
            confidence = min(confidence, 0.5)
        span = view.span_to_original(cand.start, cand.end)
        cue = None
        if cand.cue is not None and speaker is not None:
            cue_start, cue_end, lemma = cand.cue
            cue_span = view.span_to_original(cue_start, cue_end)
            cue = Cue(cue_span.slice(original), lemma, cue_span)
        quotes.append(
            Quote(
                text=normalise_quote_text(span.slice(original)),
                span=span,
                kind=cand.kind,
                speaker=speaker,
                cue=cue,
                via=via,
                doc_id=doc_id,
                outlet=outlet,
                published=published,
                confidence=round(max(0.0, confidence), 2),
                flags=tuple(cand.flags),
                attribution=attribution,
            )
        )
    return quotes


_INDIRECT_RESOLUTIONS = frozenset({Resolution.PRONOUN, Resolution.DESCRIPTION})
_BROKEN_MARKS = frozenset({FLAG_UNCLOSED, FLAG_UNOPENED})


# What a candidate's Speaker is made of: its mention's start and end, and its role.
_SpeakerKey = tuple[int, int, "tuple[int, int] | None"]


def _speaker_key(mention: _MentionFields) -> _SpeakerKey:
    start, end, _form, role = mention
    return start, end, role


def _resolve_speakers(
    analysis: Analysis, candidates: list[Candidate], registry: SpeakerRegistry | None
) -> dict[_SpeakerKey, Speaker]:
    """The Speaker of every speaker mention of the candidates, by :func:`_speaker_key`,
    each mention resolved in document order among the other names of the text.

    A mention credited with several quotes ("…," she said. "…") is one speaker: its
    Speaker (an immutable value) is shared by those quotes. Each is made as soon as its
    mention is resolved, so no record of the resolution outlives this stage.
    """
    mentions: dict[tuple[int, int], _MentionFields] = {}
    roles: dict[tuple[int, int], dict[tuple[int, int] | None, None]] = {}
    for cand in candidates:
        for fields in (cand.speaker, cand.via):
            if fields is not None:
                mentions[fields[0], fields[1]] = fields
                roles.setdefault((fields[0], fields[1]), {})[fields[3]] = None
    if not mentions:
        return {}  # nobody to resolve: the names of the text are not even looked for
    text = analysis.text
    resolver = Resolver(analysis.lexicon, registry, text)
    # Names after the last mention cannot change how any mention resolves (everything is
    # read in document order): the text past it is not read at all.
    ordered = sorted(mentions.values(), key=itemgetter(0))
    last = ordered[-1][0]
    paragraphs = analysis.paragraphs
    names = background_names(
        text,
        (
            (start, end)
            for start, end in zip(paragraphs.starts, paragraphs.ends, strict=True)
            if start <= last and not analysis.is_excluded(start)
        ),
        analysis.lexicon,
        skip=[
            (c.start, c.end) for c in candidates if c.kind in (QuoteKind.DIRECT, QuoteKind.BLOCK)
        ],
        until=last,
    )
    # Popped from the end in document order: each name is released once read, so a long
    # document's names do not all stay alive for the collector. A name read at a
    # mention's own position comes before it.
    names.sort(key=itemgetter(0))
    names.reverse()
    speakers: dict[_SpeakerKey, Speaker] = {}
    for start, end, form, _role in ordered:
        while names and names[-1][0] <= start:
            resolver.observe(*names.pop())
        mention_text = text[start:end]
        if form == "pronoun":
            result = resolver.resolve_pronoun(start, mention_text)
        elif form == "description":
            result = resolver.resolve_description(start, mention_text)
        else:
            result = resolver.resolve_name(start, mention_text)
        for role in roles[start, end]:
            speakers[start, end, role] = _speaker(analysis, Mention(start, end, form, role), result)
    return _with_fuller_names(speakers, resolver)


def _with_fuller_names(
    speakers: dict[_SpeakerKey, Speaker], resolver: Resolver
) -> dict[_SpeakerKey, Speaker]:
    """``speakers``, each one-word name that was resolved before a full name holding it
    appeared renamed with that name ("Ruiz" as "Ana Ruiz"; see
    :meth:`Resolver.fuller_name`). A one-word name already known as a person (by a title,
    say: "Mr. Trump") is left as it is: the full name may be a relative's."""
    fuller: dict[str, str | None] = {}
    for key, speaker in speakers.items():
        if (
            speaker.resolution is not Resolution.NAME
            or speaker.kind is not SpeakerKind.UNKNOWN  # a known person keeps the name
            or " " in speaker.name
        ):
            continue
        if speaker.name not in fuller:
            fuller[speaker.name] = resolver.fuller_name(speaker.name)
        name = fuller[speaker.name]
        if name is not None:
            speakers[key] = attrs.evolve(
                speaker, name=name, kind=SpeakerKind.PERSON, resolution=Resolution.SHORT_NAME
            )
    return speakers


# Name endings whose full stop belongs to the name ("Martin Luther King Jr.").
_DOTTED_NAME_ENDINGS = frozenset({"jr", "sr", "inc", "co", "corp", "ltd", "bros"})


def _mention_end(text: str, mention: Mention) -> int:
    """The end of a mention without a sentence's full stop ("said Hun Sen." -> "Hun Sen").

    The tokenizer keeps the stop of an abbreviation ("Sen.", "Gen."); at the end of a
    mention it is the sentence's, unless the word is an initial or an acronym.
    """
    end = mention.end
    if end - mention.start < 2 or text[end - 1] != ".":
        return end
    word_start = end - 1
    while word_start > mention.start and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start : end - 1]
    if len(word) < 2 or "." in word or word.lower() in _DOTTED_NAME_ENDINGS:
        return end
    return end - 1


def _speaker(analysis: Analysis, mention: Mention, result: Resolved | None) -> Speaker:
    """The Speaker of ``mention``, resolved as ``result`` (None: unresolved)."""
    original = analysis.view.original
    span = analysis.view.span_to_original(mention.start, _mention_end(analysis.text, mention))
    mention_text = normalise_quote_text(span.slice(original))
    role = None
    if mention.role is not None:
        role_span = analysis.view.span_to_original(*mention.role)
        role = normalise_quote_text(role_span.slice(original))
    if result is None:
        kind = SpeakerKind.UNKNOWN
        if any(analysis.lexicon.is_a("media", w) for w in mention_text.split()):
            kind = SpeakerKind.ORGANISATION
        return Speaker(
            name=mention_text,
            mention=mention_text,
            span=span,
            role=role,
            kind=kind,
            resolution=Resolution.UNRESOLVED,
        )
    return Speaker(
        name=result.name,
        mention=mention_text,
        span=span,
        titles=result.titles,
        role=role or result.role,
        kind=result.kind,
        id=result.id,
        resolution=result.resolution,
    )
