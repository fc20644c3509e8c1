"""Throughput of ``quotekit.extract()`` and how its time grows with input size.

Usage::

    python benchmarks/bench_extract.py [--mb 20] [--linear-kb 200] [--repeat 3]

The corpus is news-like text built from the seed articles (``seeds/*.txt``) and the
golden case corpus (``tests/cases/*.json``), repeated until it holds at least ``--mb``
megabytes (UTF-8). Two figures are printed, both measured in this one run:

- throughput: MB/s of ``extract()`` over the corpus, one call per document, one core;
- linearity: the time of one ``extract()`` call on a document of 10x the size divided by
  the time on 1x (a linear pipeline gives about 10).

Times are CPU time of this process (``time.process_time()``), so other work on the
machine does not count against quotekit (it can still slow it through shared caches:
compare figures taken in the same conditions). No figure is asserted; the numbers are
for the report and for spotting regressions.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import quotekit

ROOT = Path(__file__).resolve().parent.parent


def documents() -> list[str]:
    """The seed articles and the case texts, as separate documents."""
    docs = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for path in sorted((ROOT / "tests" / "cases").glob("*.json")):
        docs.extend(case["text"] for case in json.loads(path.read_text(encoding="utf-8")))
    return [d for d in docs if d.strip()]


def corpus(docs: list[str], min_bytes: int) -> list[str]:
    """Documents repeated in order until they hold at least ``min_bytes`` bytes."""
    out: list[str] = []
    size = 0
    while size < min_bytes:
        for doc in docs:
            out.append(doc)
            size += len(doc.encode("utf-8"))
            if size >= min_bytes:
                break
    return out


def one_document(docs: list[str], min_chars: int) -> str:
    """One long article: the documents joined as paragraphs up to ``min_chars``."""
    parts: list[str] = []
    size = 0
    while size < min_chars:
        for doc in docs:
            parts.append(doc)
            size += len(doc) + 2
            if size >= min_chars:
                break
    return "\n\n".join(parts)


# The throughput the issue tracker asks of extract() on one core, for the summary line.
TARGET_MB_S = 5.0


def timed(func: object, *args: object) -> float:
    start = time.process_time()
    func(*args)  # type: ignore[operator]
    return time.process_time() - start


def throughput(docs: list[str]) -> tuple[float, int, int]:
    """(seconds, bytes, quotes) for one extract() per document."""
    size = sum(len(d.encode("utf-8")) for d in docs)
    quotes = 0
    start = time.process_time()
    for doc in docs:
        quotes += len(quotekit.extract(doc))
    return time.process_time() - start, size, quotes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB")
    parser.add_argument("--linear-kb", type=int, default=200, help="1x document size in KB")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the linearity timing")
    args = parser.parse_args()

    docs = documents()
    quotekit.extract(docs[0])  # load the lexicons before timing
    big = corpus(docs, int(args.mb * 1_000_000))
    seconds, size, quotes = throughput(big)
    print(f"corpus: {len(big)} documents, {size / 1e6:.1f} MB, {quotes} quotes")
    rate = size / 1e6 / seconds
    print(
        f"throughput: {rate:.2f} MB/s ({seconds:.1f} s CPU, one core; "
        f"target {TARGET_MB_S:g} MB/s {'met' if rate >= TARGET_MB_S else 'NOT met'})"
    )

    # The fastest of a few runs: other processes on the machine only ever add time.
    times = {}
    for factor in (1, 2, 5, 10):
        doc = one_document(docs, args.linear_kb * 1000 * factor)
        times[factor] = min(timed(quotekit.extract, doc) for _ in range(args.repeat))
        per_100kb = times[factor] / (len(doc) / 100_000)
        print(
            f"  {factor:2d}x: {len(doc) / 1000:6.0f} KB in {times[factor]:.3f} s "
            f"({per_100kb:.3f} s per 100 KB, {len(doc) / 1e6 / times[factor]:.2f} MB/s)"
        )
    print(f"linearity: 10x / 1x time ratio {times[10] / times[1]:.1f} (linear: ~10)")


if __name__ == "__main__":
    main()
