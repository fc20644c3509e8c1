"""Accuracy of quotekit on the PolNeAR training split (or any gold JSONL in that format).

Usage::

    python benchmarks/eval_polnear.py PATH/polnear-train.jsonl [--errors N] [--json OUT]

Prints precision, recall and F1 for two views -- quotes in marks (gold ``direct`` +
``mixed`` against predicted direct/partial/block) and every attribution -- then the
largest classes of remaining errors. The article texts are read from PATH and never
written anywhere.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

import quotekit
from quotekit.evaluation import Disagreement, DisagreementKind, GoldDocument

TARGETS = {"marks": {"f1": 0.92, "attribution_f1": 0.85}, "all": {"f1": 0.65}}


def classify(error: Disagreement, terms: dict[str, list[quotekit.Span]]) -> str:
    """A coarse, general error class for one disagreement."""
    if error.kind is DisagreementKind.MISS:
        overlaps_term = any(error.span.overlap(t) for t in terms.get(error.doc_id, []))
        if overlaps_term:
            return f"miss: gold {error.gold_kind}, its marks judged a term"
        if error.gold_kind == "indirect":
            return "miss: gold indirect (reported speech or belief)"
        return f"miss: gold {error.gold_kind}, no quote found"
    if error.kind is DisagreementKind.SPURIOUS:
        who = "credited" if error.predicted_speaker else "no speaker"
        return f"spurious: predicted {error.predicted_kind} ({who})"
    if error.predicted_speaker is None:
        return "wrong speaker: none found"
    gold = (error.gold_speaker or "").lower()
    if gold in {"he", "she", "they", "it", "i", "we", "you"}:
        return "wrong speaker: gold is a pronoun"
    return "wrong speaker: another name"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="gold JSONL (PolNeAR-derived format)")
    parser.add_argument("--errors", type=int, default=0, help="print N examples per class")
    parser.add_argument("--json", type=Path, help="write the figures (no texts) as JSON here")
    args = parser.parse_args(argv)

    documents: list[GoldDocument] = list(quotekit.load_gold(args.path))
    terms: dict[str, list[quotekit.Span]] = {}
    config = quotekit.ExtractConfig(include_terms=True)

    def extractor(doc: GoldDocument) -> list[quotekit.Quote]:
        quotes = quotekit.extract(doc.text, doc_id=doc.doc_id, config=config)
        terms[doc.doc_id] = [q.span for q in quotes if q.kind is quotekit.QuoteKind.TERM]
        return quotes

    started = time.perf_counter()
    result = quotekit.evaluate(documents, extractor=extractor)
    elapsed = time.perf_counter() - started
    chars = sum(len(d.text) for d in documents)
    print(result.table())
    print(f"\nextract + scoring: {elapsed:.1f} s for {chars / 1e6:.1f} M characters")

    figures: dict[str, object] = {"views": {}, "error_classes": {}}
    for view, scores in result.scores.items():
        data = scores.to_dict()
        figures["views"][view.value] = data  # type: ignore[index]
        for key, target in TARGETS[view.value].items():
            status = "met" if data[key] >= target else "NOT met"
            print(f"target {view.value} {key} >= {target}: {data[key]:.3f} ({status})")
    for view, errors in result.errors.items():
        classes = collections.Counter(classify(e, terms) for e in errors)
        figures["error_classes"][view.value] = dict(classes.most_common())  # type: ignore[index]
        print(f"\nlargest error classes, view {view.value}:")
        for name, count in classes.most_common(8):
            print(f"  {count:6d}  {name}")
            if args.errors:
                shown = [e for e in errors if classify(e, terms) == name][: args.errors]
                for e in shown:
                    print(f"          {e.doc_id}: {e.context[:160]}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
