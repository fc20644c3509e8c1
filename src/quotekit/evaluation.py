"""Score ``extract()`` against gold annotations: precision, recall, F1 and the errors.

Gold documents are JSON Lines in the PolNeAR-derived format (see
``docs/evaluation.md``): one document per line with ``doc_id``, ``text`` and ``quotes``,
each quote with character offsets of its content (marks included or not), optional
``spans`` for interrupted quotes, ``kind`` (``direct``, ``mixed`` or ``indirect``) and
the speaker mention's offsets. Build them in code with :class:`GoldDocument` and
:class:`GoldQuote` to score your own newsroom's annotations.

Matching rule: a predicted quote matches a gold quote when their spans overlap by at
least half of the shorter one (one-to-one, largest overlaps first). The speaker is right
when the predicted canonical name or mention agrees with the gold mention, or the
predicted speaker span overlaps the gold speaker span.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from ._config import ExtractConfig
from ._extract import extract as _extract
from ._model import Quote, QuoteKind, Span
from .errors import InputTypeError, RecordError

__all__ = [
    "Disagreement",
    "DisagreementKind",
    "Evaluation",
    "GoldDocument",
    "GoldQuote",
    "Scores",
    "View",
    "evaluate",
    "load_gold",
]

GOLD_KINDS = frozenset({"direct", "mixed", "indirect"})
_EDGE = " \t\n\"'“”‘’«»„‚.,;:!?"
CONTEXT_CHARS = 60


class View(str, enum.Enum):
    """Which gold and predicted quotes a score compares."""

    #: gold ``direct`` + ``mixed`` against predicted direct, partial and block quotes
    #: and reported speech that contains quote marks (the counterpart of ``mixed``)
    MARKS = "marks"
    #: every gold attribution against every predicted quote except terms
    ALL = "all"


_VIEW_GOLD = {View.MARKS: frozenset({"direct", "mixed"}), View.ALL: GOLD_KINDS}
_VIEW_PREDICTED = {
    View.MARKS: frozenset({QuoteKind.DIRECT, QuoteKind.PARTIAL, QuoteKind.BLOCK}),
    View.ALL: frozenset({QuoteKind.DIRECT, QuoteKind.PARTIAL, QuoteKind.BLOCK, QuoteKind.INDIRECT}),
}


def _span_list(value: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(value)


def _gold_list(value: Iterable[GoldQuote]) -> tuple[GoldQuote, ...]:
    return tuple(value)


@attrs.frozen
class GoldQuote:
    """One annotated quotation: content span(s), kind and speaker mention."""

    span: Span
    kind: str = attrs.field(validator=attrs.validators.in_(GOLD_KINDS))
    speaker: str | None = None
    speaker_span: Span | None = None
    pieces: tuple[Span, ...] = attrs.field(default=(), converter=_span_list)

    @property
    def parts(self) -> tuple[Span, ...]:
        """The content pieces (the whole span when the quote is not interrupted)."""
        return self.pieces or (self.span,)


@attrs.frozen
class GoldDocument:
    """A document and its gold quotes."""

    doc_id: str
    text: str
    quotes: tuple[GoldQuote, ...] = attrs.field(converter=_gold_list)


class DisagreementKind(str, enum.Enum):
    """The three ways a prediction can disagree with the gold."""

    MISS = "miss"  #: a gold quote nothing matched
    SPURIOUS = "spurious"  #: a predicted quote that matched no gold quote
    WRONG_SPEAKER = "wrong_speaker"  #: matched, but credited to someone else


@attrs.frozen
class Disagreement:
    """One disagreement, with enough context to read it without the article."""

    kind: DisagreementKind
    doc_id: str
    span: Span
    text: str
    context: str
    gold_kind: str | None = None
    predicted_kind: str | None = None
    gold_speaker: str | None = None
    predicted_speaker: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "doc": self.doc_id,
            "start": self.span.start,
            "end": self.span.end,
            "text": self.text,
            "context": self.context,
            "gold_kind": self.gold_kind,
            "predicted_kind": self.predicted_kind,
            "gold_speaker": self.gold_speaker,
            "predicted_speaker": self.predicted_speaker,
        }


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@attrs.frozen
class Scores:
    """Counts and rates for one view."""

    view: View
    gold: int
    predicted: int
    matched: int
    exact: int  # matched with the same boundaries (marks and edge punctuation aside)
    speaker_judged: int  # matched quotes whose gold names a speaker
    speaker_right: int
    attributed: int  # matched and credited right (or no gold speaker)
    by_gold_kind: Mapping[str, tuple[int, int]]  # kind -> (matched, gold)
    by_predicted_kind: Mapping[str, tuple[int, int]]  # kind -> (matched, predicted)

    @property
    def precision(self) -> float:
        return _ratio(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        return _ratio(self.matched, self.gold)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def exact_rate(self) -> float:
        return _ratio(self.exact, self.matched)

    @property
    def speaker_accuracy(self) -> float:
        return _ratio(self.speaker_right, self.speaker_judged)

    @property
    def attribution_precision(self) -> float:
        return _ratio(self.attributed, self.predicted)

    @property
    def attribution_recall(self) -> float:
        return _ratio(self.attributed, self.gold)

    @property
    def attribution_f1(self) -> float:
        return _f1(self.attribution_precision, self.attribution_recall)

    def to_dict(self) -> dict[str, Any]:
        return {
            "view": self.view.value,
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "exact_boundary_rate": round(self.exact_rate, 4),
            "speaker_accuracy": round(self.speaker_accuracy, 4),
            "attribution_precision": round(self.attribution_precision, 4),
            "attribution_recall": round(self.attribution_recall, 4),
            "attribution_f1": round(self.attribution_f1, 4),
            "recall_by_gold_kind": {
                k: {"matched": m, "gold": g, "recall": round(_ratio(m, g), 4)}
                for k, (m, g) in sorted(self.by_gold_kind.items())
            },
            "precision_by_predicted_kind": {
                k: {"matched": m, "predicted": p, "precision": round(_ratio(m, p), 4)}
                for k, (m, p) in sorted(self.by_predicted_kind.items())
            },
        }


@attrs.frozen
class Evaluation:
    """Scores for each view and the errors behind them."""

    scores: Mapping[View, Scores]
    errors: Mapping[View, tuple[Disagreement, ...]]
    documents: int

    def table(self) -> str:
        """The figures as a plain-text table."""
        rows = [
            ("", *(v.value for v in self.scores)),
            ("gold quotes", *(str(s.gold) for s in self.scores.values())),
            ("predicted quotes", *(str(s.predicted) for s in self.scores.values())),
            ("matched", *(str(s.matched) for s in self.scores.values())),
            ("precision", *(f"{s.precision:.3f}" for s in self.scores.values())),
            ("recall", *(f"{s.recall:.3f}" for s in self.scores.values())),
            ("F1", *(f"{s.f1:.3f}" for s in self.scores.values())),
            ("exact boundaries", *(f"{s.exact_rate:.3f}" for s in self.scores.values())),
            ("speaker accuracy", *(f"{s.speaker_accuracy:.3f}" for s in self.scores.values())),
            (
                "attribution P",
                *(f"{s.attribution_precision:.3f}" for s in self.scores.values()),
            ),
            ("attribution R", *(f"{s.attribution_recall:.3f}" for s in self.scores.values())),
            ("attribution F1", *(f"{s.attribution_f1:.3f}" for s in self.scores.values())),
        ]
        kinds = sorted({k for s in self.scores.values() for k in s.by_gold_kind})
        for kind in kinds:
            cells = []
            for s in self.scores.values():
                m, g = s.by_gold_kind.get(kind, (0, 0))
                cells.append(f"{_ratio(m, g):.3f} ({m}/{g})" if g else "-")
            rows.append((f"recall, gold {kind}", *cells))
        pkinds = sorted({k for s in self.scores.values() for k in s.by_predicted_kind})
        for kind in pkinds:
            cells = []
            for s in self.scores.values():
                m, p = s.by_predicted_kind.get(kind, (0, 0))
                cells.append(f"{_ratio(m, p):.3f} ({m}/{p})" if p else "-")
            rows.append((f"precision, {kind}", *cells))
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
        return f"{self.documents} documents\n" + "\n".join(line.rstrip() for line in lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "views": {v.value: s.to_dict() for v, s in self.scores.items()},
            "errors": {v.value: [e.to_dict() for e in errs] for v, errs in self.errors.items()},
        }


# --- loading gold ------------------------------------------------------------------------


def _int(record: Mapping[str, Any], key: str, where: str) -> int:
    value = record.get(key)
    if type(value) is not int or value < 0:
        raise RecordError(f"{where}.{key}", "must be a non-negative integer", value)
    return value


def _span(record: Mapping[str, Any], start: str, end: str, where: str, size: int) -> Span:
    s, e = _int(record, start, where), _int(record, end, where)
    if e < s or e > size:
        raise RecordError(f"{where}.{end}", f"span {s}..{e} outside the text (0..{size})", e)
    return Span(s, e)


def gold_document(record: Mapping[str, Any], *, where: str = "document") -> GoldDocument:
    """Build a :class:`GoldDocument` from one JSON record (PolNeAR-derived format)."""
    if not isinstance(record, Mapping):
        raise RecordError(where, f"expected an object, got {type(record).__name__}", record)
    text = record.get("text")
    if not isinstance(text, str):
        raise RecordError(f"{where}.text", "must be a string", text)
    doc_id = record.get("doc_id", "")
    if not isinstance(doc_id, str):
        raise RecordError(f"{where}.doc_id", "must be a string", doc_id)
    raw_quotes = record.get("quotes", [])
    if not isinstance(raw_quotes, list):
        raise RecordError(f"{where}.quotes", "must be a list", raw_quotes)
    quotes = []
    for i, q in enumerate(raw_quotes):
        at = f"{where}.quotes[{i}]"
        if not isinstance(q, Mapping):
            raise RecordError(at, "must be an object", q)
        kind = q.get("kind", "direct")
        if kind not in GOLD_KINDS:
            raise RecordError(f"{at}.kind", f"must be one of {sorted(GOLD_KINDS)}", kind)
        speaker = q.get("speaker")
        if speaker is not None and not isinstance(speaker, str):
            raise RecordError(f"{at}.speaker", "must be a string or null", speaker)
        speaker_span = None
        if q.get("speaker_start") is not None:
            speaker_span = _span(q, "speaker_start", "speaker_end", at, len(text))
        pieces = []
        for j, piece in enumerate(q.get("spans") or []):
            if not isinstance(piece, Mapping):
                raise RecordError(f"{at}.spans[{j}]", "must be an object", piece)
            pieces.append(_span(piece, "start", "end", f"{at}.spans[{j}]", len(text)))
        quotes.append(
            GoldQuote(
                span=_span(q, "start", "end", at, len(text)),
                kind=kind,
                speaker=speaker,
                speaker_span=speaker_span,
                pieces=tuple(pieces) if len(pieces) > 1 else (),
            )
        )
    return GoldDocument(doc_id, text, tuple(quotes))


def load_gold(source: str | Path | Iterable[str]) -> Iterator[GoldDocument]:
    """Read gold documents from a JSONL file path or an iterable of JSON lines.

    A malformed line raises :class:`~quotekit.errors.RecordError` naming the line.
    """
    if isinstance(source, (str, Path)):
        path = Path(source)
        with path.open(encoding="utf-8") as handle:
            yield from _parse_lines(handle, str(path))
    else:
        yield from _parse_lines(source, "<lines>")


def _parse_lines(lines: Iterable[str], name: str) -> Iterator[GoldDocument]:
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise RecordError(f"{name}:{lineno}", f"not JSON: {exc.msg}", line[:80]) from None
        yield gold_document(record, where=f"{name}:{lineno}")


# --- scoring ---------------------------------------------------------------------------


def _core(text: str, span: Span) -> tuple[int, int]:
    """A span without surrounding marks, whitespace and edge punctuation."""
    start, end = span.start, span.end
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


_MARK_CHARS = frozenset("\"“”‘’«»„‚'")


def _in_view(view: View, quote: Quote, text: str) -> bool:
    if quote.kind in _VIEW_PREDICTED[view]:
        return True
    if view is View.MARKS and quote.kind is QuoteKind.INDIRECT:
        # Reported speech with words in marks inside it: what the gold calls "mixed".
        raw = text[quote.span.start : quote.span.end]
        return any(c in _MARK_CHARS and _is_mark(raw, i) for i, c in enumerate(raw))
    return False


def _is_mark(raw: str, i: int) -> bool:
    # An apostrophe between letters (don't, Cambodia's) is not a quote mark.
    between_letters = 0 < i < len(raw) - 1 and raw[i - 1].isalnum() and raw[i + 1].isalpha()
    return not (raw[i] in "'’" and between_letters)


def _overlap_with(parts: Sequence[Span], span: Span) -> int:
    return sum(p.overlap(span) for p in parts)


def _words(value: str) -> list[str]:
    return [w.strip(".,'’\"“”").lower() for w in value.split() if w.strip(".,'’\"“”")]


def _speaker_right(gold: GoldQuote, quote: Quote) -> bool:
    speaker = quote.speaker
    if speaker is None:
        return False
    if (
        gold.speaker_span is not None
        and speaker.span is not None
        and gold.speaker_span.overlap(speaker.span) > 0
    ):
        return True
    if gold.speaker is None:
        return False
    gold_words = _words(gold.speaker)
    for candidate in (speaker.name, speaker.mention):
        words = _words(candidate)
        if not words:
            continue
        if words == gold_words:
            return True
        # "Mr. Chhay Yi Heang" and "Chhay Yi Heang"; "Trump" and "Donald Trump".
        shorter, longer = sorted((words, gold_words), key=len)
        n = len(shorter)
        if any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1)):
            return True
    return False


def _context(text: str, span: Span) -> str:
    start = max(0, span.start - CONTEXT_CHARS)
    end = min(len(text), span.end + CONTEXT_CHARS)
    return " ".join(
        (
            text[start : span.start]
            + "[["
            + text[span.start : span.end]
            + "]]"
            + text[span.end : end]
        ).split()
    )


@attrs.define
class _Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    exact: int = 0
    speaker_judged: int = 0
    speaker_right: int = 0
    attributed: int = 0
    by_gold_kind: dict[str, list[int]] = attrs.Factory(dict)
    by_predicted_kind: dict[str, list[int]] = attrs.Factory(dict)
    errors: list[Disagreement] = attrs.Factory(list)


def _score_document(view: View, doc: GoldDocument, quotes: Sequence[Quote], tally: _Tally) -> None:
    text = doc.text
    golds = [g for g in doc.quotes if g.kind in _VIEW_GOLD[view]]
    preds = [q for q in quotes if _in_view(view, q, text)]
    pairs: list[tuple[int, int, int]] = []
    for gi, gold in enumerate(golds):
        gold_len = sum(len(p) for p in gold.parts)
        for pi, pred in enumerate(preds):
            if pred.span.end <= gold.span.start or pred.span.start >= gold.span.end:
                continue
            overlap = _overlap_with(gold.parts, pred.span)
            if overlap and overlap * 2 >= min(gold_len, len(pred.span)):
                pairs.append((overlap, gi, pi))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    gold_match: dict[int, int] = {}
    pred_match: dict[int, int] = {}
    for _overlap, gi, pi in pairs:
        if gi in gold_match or pi in pred_match:
            continue
        gold_match[gi] = pi
        pred_match[pi] = gi
    # A prediction that is another piece of a gold quote already matched -- an
    # interrupted quote ("…," he said, "…") or one of several fragments in marks inside
    # one annotated clause -- is neither a match nor an error.
    split_pieces = set()
    for pi, pred in enumerate(preds):
        if pi in pred_match:
            continue
        for gi in gold_match:
            if _overlap_with(golds[gi].parts, pred.span) * 2 >= len(pred.span) > 0:
                split_pieces.add(pi)
                break

    tally.gold += len(golds)
    tally.predicted += len(preds) - len(split_pieces)
    for gi, gold in enumerate(golds):
        entry = tally.by_gold_kind.setdefault(gold.kind, [0, 0])
        entry[1] += 1
        if gi not in gold_match:
            tally.errors.append(
                Disagreement(
                    DisagreementKind.MISS,
                    doc.doc_id,
                    gold.span,
                    text[gold.span.start : gold.span.end],
                    _context(text, gold.span),
                    gold_kind=gold.kind,
                    gold_speaker=gold.speaker,
                )
            )
            continue
        entry[0] += 1
        pred = preds[gold_match[gi]]
        tally.matched += 1
        predicted_core = _core(text, pred.span)
        if any(predicted_core == _core(text, part) for part in (gold.span, *gold.pieces)):
            tally.exact += 1
        right = _speaker_right(gold, pred)
        if gold.speaker is not None or gold.speaker_span is not None:
            tally.speaker_judged += 1
            if right:
                tally.speaker_right += 1
                tally.attributed += 1
            else:
                tally.errors.append(
                    Disagreement(
                        DisagreementKind.WRONG_SPEAKER,
                        doc.doc_id,
                        pred.span,
                        pred.text,
                        _context(text, pred.span),
                        gold_kind=gold.kind,
                        predicted_kind=pred.kind.value,
                        gold_speaker=gold.speaker,
                        predicted_speaker=None if pred.speaker is None else pred.speaker.name,
                    )
                )
        else:
            tally.attributed += 1
    for pi, pred in enumerate(preds):
        if pi in split_pieces:
            continue
        entry = tally.by_predicted_kind.setdefault(pred.kind.value, [0, 0])
        entry[1] += 1
        if pi in pred_match:
            entry[0] += 1
            continue
        tally.errors.append(
            Disagreement(
                DisagreementKind.SPURIOUS,
                doc.doc_id,
                pred.span,
                pred.text,
                _context(text, pred.span),
                predicted_kind=pred.kind.value,
                predicted_speaker=None if pred.speaker is None else pred.speaker.name,
            )
        )


Extractor = Callable[[GoldDocument], Sequence[Quote]]


def evaluate(
    documents: Iterable[GoldDocument],
    *,
    config: ExtractConfig | None = None,
    views: Sequence[View | str] = (View.MARKS, View.ALL),
    extractor: Extractor | None = None,
) -> Evaluation:
    """Run ``extract()`` on each gold document and score it in each view.

    ``extractor`` replaces ``extract()`` (to score another tool or saved predictions):
    it receives a :class:`GoldDocument` and returns its predicted quotes.
    """
    chosen = tuple(View(v) for v in views)
    if not chosen:
        raise InputTypeError("views", "a non-empty sequence of View", views)
    if config is not None and not isinstance(config, ExtractConfig):
        raise InputTypeError("config", "an ExtractConfig or None", config)
    tallies = {v: _Tally() for v in chosen}
    count = 0
    for doc in documents:
        if not isinstance(doc, GoldDocument):
            raise InputTypeError("documents", "an iterable of GoldDocument", doc)
        count += 1
        if extractor is None:
            quotes: Sequence[Quote] = _extract(doc.text, doc_id=doc.doc_id, config=config)
        else:
            quotes = extractor(doc)
        for view in chosen:
            _score_document(view, doc, quotes, tallies[view])
    scores = {
        v: Scores(
            view=v,
            gold=t.gold,
            predicted=t.predicted,
            matched=t.matched,
            exact=t.exact,
            speaker_judged=t.speaker_judged,
            speaker_right=t.speaker_right,
            attributed=t.attributed,
            by_gold_kind={k: (m, g) for k, (m, g) in t.by_gold_kind.items()},
            by_predicted_kind={k: (m, p) for k, (m, p) in t.by_predicted_kind.items()},
        )
        for v, t in tallies.items()
    }
    return Evaluation(scores, {v: tuple(t.errors) for v, t in tallies.items()}, count)
