"""Documents: what reading an article costs next to extracting its quotes.

Measured in one run, on the seed articles (plain text) and their HTML pages in
``tests/html/``:

- ``from_text / extract``: the time of ``Document.from_text`` (furniture, title, date,
  byline, outlet) as a share of ``extract(text)``, which includes it (target <= 0.15);
- ``from_html / extract``: the same for ``Document.from_html`` against
  ``extract(document)`` of the page (target <= 0.5);
- linearity: ``from_text`` and ``from_html`` on 1x and 10x inputs built from the same
  articles and from hostile shapes (many short lines, deep nesting); the 10x/1x ratio
  should stay near 10 (target <= 12).

Run from the repository root::

    python benchmarks/bench_documents.py            # about two minutes
    python benchmarks/bench_documents.py --scale 4  # smaller linearity inputs (noisier)

The exit status is 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import functools
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import quotekit  # noqa: E402

MAX_TEXT_SHARE = 0.15
MAX_HTML_SHARE = 0.5
MAX_RATIO = 12.0


# A measurement repeats a call until it has run for at least this long (CPU time), so
# that a fast call on a small input is not lost in the clock's and the machine's noise.
MIN_MEASURED = 0.2


def _best(function: Callable[[], object], repeat: int) -> float:
    """CPU seconds per call: the best of ``repeat`` measurements, each of as many calls
    as take ``MIN_MEASURED`` seconds (like ``timeit``'s autorange)."""
    calls = 1
    while True:
        start = time.process_time()
        for _ in range(calls):
            function()
        elapsed = time.process_time() - start
        if elapsed >= MIN_MEASURED:
            break
        calls *= 2
    best = elapsed / calls
    for _ in range(repeat - 1):
        start = time.process_time()
        for _ in range(calls):
            function()
        best = min(best, (time.process_time() - start) / calls)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=2, help="best of this many runs")
    parser.add_argument("--scale", type=int, default=10, help="copies in the 1x input")
    args = parser.parse_args()

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    pages = [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "html").glob("*.html"))
    ]
    failures = []

    from_text = _best(lambda: [quotekit.Document.from_text(t) for t in texts], args.repeat)
    extract_text = _best(lambda: [quotekit.extract(t) for t in texts], args.repeat)
    share = from_text / extract_text
    print(
        f"seeds: from_text {from_text * 1e3:.1f} ms, extract {extract_text * 1e3:.1f} ms, "
        f"share {share:.3f} (target <= {MAX_TEXT_SHARE})"
    )
    if share > MAX_TEXT_SHARE:
        failures.append("from_text share")

    from_html = _best(lambda: [quotekit.Document.from_html(h) for h in pages], args.repeat)
    documents = [quotekit.Document.from_html(h) for h in pages]
    extract_html = _best(lambda: [quotekit.extract(d) for d in documents], args.repeat)
    share = from_html / (from_html + extract_html)
    print(
        f"pages: from_html {from_html * 1e3:.1f} ms, extract {extract_html * 1e3:.1f} ms, "
        f"share {share:.3f} (target <= {MAX_HTML_SHARE})"
    )
    if share > MAX_HTML_SHARE:
        failures.append("from_html share")

    article = "\n\n".join(texts)
    page_body = "".join(f"<p>{line}</p>" for line in article.split("\n") if line.strip())
    shapes: dict[str, tuple[Callable[[str], object], Callable[[int], str]]] = {
        "text: articles": (quotekit.Document.from_text, lambda n: article * n),
        "text: short lines": (
            quotekit.Document.from_text,
            lambda n: "Share | Print\na b c\n" * 2000 * n,
        ),
        "html: articles": (quotekit.Document.from_html, lambda n: page_body * n),
        "html: deep nesting": (
            quotekit.Document.from_html,
            lambda n: "<div><span>" * 2000 * n + "x" + "</b>" * 2000 * n,
        ),
    }
    for name, (read, make) in shapes.items():
        small, large = make(args.scale), make(args.scale * 10)
        t_small = _best(functools.partial(read, small), args.repeat)
        t_large = _best(functools.partial(read, large), args.repeat)
        ratio = t_large / t_small
        print(
            f"{name:20} {len(small) / 1e6:6.2f} MB {t_small:7.3f} s   "
            f"{len(large) / 1e6:6.2f} MB {t_large:7.3f} s   ratio {ratio:5.1f}"
        )
        if ratio > MAX_RATIO:
            failures.append(name)

    if failures:
        print("missed:", ", ".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
