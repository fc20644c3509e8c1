"""What ``Document.from_text`` costs per article, and what the furniture screen saves.

Usage::

    python benchmarks/bench_from_text.py [--repeat 7]

Measured in one run, on the seed articles and the golden case texts (``seeds/*.txt``,
``tests/cases/*.json``) and on one-sentence texts:

- microseconds per ``Document.from_text`` call, in total and without the normalised
  view and paragraph spans (``make_view``, ``find_paragraphs``) that it shares with
  ``extract()``, which reads them again from a memo;
- ``find_furniture`` with the shipped rules against the same rules with every shortcut
  off (each line matched against each rule): the ratio is what reading only the lines
  that open or close like a rule saves. Both find the same furniture (checked here too).

Times are the fastest of ``--repeat`` runs of this process's CPU time
(``time.process_time()``): other work on the machine only ever adds time.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from quotekit import Document  # noqa: E402
from quotekit._furniture import default_rules, find_furniture, text_lines  # noqa: E402
from quotekit._text import find_paragraphs, make_view  # noqa: E402


def documents() -> list[str]:
    """The seed articles and the case texts."""
    docs = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for path in sorted((ROOT / "tests" / "cases").glob("*.json")):
        docs.extend(case["text"] for case in json.loads(path.read_text(encoding="utf-8")))
    return [d for d in docs if d.strip()]


def per_call(docs: list[str], repeat: int) -> tuple[float, float]:
    """(µs per from_text call, µs per call without the shared view and paragraphs)."""
    clock = time.process_time
    best_total = best_own = float("inf")
    for _ in range(repeat):
        total = own = 0.0
        for doc in docs:
            start = clock()
            find_paragraphs(make_view(doc).text)
            middle = clock()
            Document.from_text(doc)
            end = clock()
            total += end - start
            own += end - middle
        best_total, best_own = min(best_total, total), min(best_own, own)
    return best_total / len(docs) * 1e6, best_own / len(docs) * 1e6


def fastest(func: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        func()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs of each timing")
    args = parser.parse_args()

    docs = documents()
    sentences = [
        f"The minister said on Monday that prices rose by {i} percent." for i in range(2000)
    ]
    Document.from_text(docs[0])  # read the rules before timing
    for name, texts in (("one sentence", sentences), ("seeds and cases", docs)):
        total, own = per_call(texts, args.repeat)
        size = sum(map(len, texts)) / len(texts)
        print(
            f"from_text, {name} ({len(texts)} texts, {size:.0f} chars on average): "
            f"{total:.1f} µs per call, {own:.1f} µs without the shared view and paragraphs"
        )

    rules = default_rules()
    exhaustive = attrs.evolve(rules, closings_known=False, openings={})
    pairs = [(view, text_lines(view)) for view in (make_view(doc).text for doc in docs)]
    for view, spans in pairs:
        assert find_furniture(view, spans, rules) == find_furniture(view, spans, exhaustive)
    screened = fastest(lambda: [find_furniture(v, s, rules) for v, s in pairs], args.repeat)
    every = fastest(lambda: [find_furniture(v, s, exhaustive) for v, s in pairs], args.repeat)
    count = sum(len(spans) for _view, spans in pairs)
    print(
        f"find_furniture over {count} lines: {screened / count * 1e6:.2f} µs per line "
        f"screened, {every / count * 1e6:.2f} µs with every rule on every line "
        f"({every / screened:.1f}x)"
    )


if __name__ == "__main__":
    main()
