"""Adversarial inputs: does ``extract`` stay linear, and how far from ordinary news?

For each generator in ``tests/strategies.py`` (quote marks only, unclosed quotes,
apostrophes, colons after cue verbs, one giant paragraph, nested marks, cue verbs with
no quote, chains of names and titles) this times ``extract`` on 1 MB and 10 MB of it and
prints:

- ``10MB/1MB``: the ratio of the two times; linear time gives about 10 (target <= 11);
- ``x news``: the 10 MB time divided by the time for 10 MB of ordinary news text built
  from the seed articles, measured in the same run (target <= 5).

Run from the repository root::

    python benchmarks/bench_adversarial.py              # 1 MB and 10 MB (about 8 minutes)
    python benchmarks/bench_adversarial.py --small 0.1 --large 1 --repeat 1   # a quick look
    python benchmarks/bench_adversarial.py --only giant_paragraph --profile

Each measurement runs in a fresh Python process (the heap one input leaves behind must
not slow the next one down, and no memo carries over). Every time is the best of
``--repeat`` runs (default 3), taken in rounds: each round measures every input once, the
small and the large size next to each other. On a shared machine a slow spell then
touches all inputs alike instead of one measurement, which would skew its ratio. The
``gc`` columns give the share of the time spent in CPython's cyclic garbage collector:
it grows with the number of objects alive at once, which for the 10 MB inputs includes
every quote already returned.
The exit status is 1 when a target is missed, so the script can gate a release.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import quotekit  # noqa: E402

if sys.argv[1:2] != ["--worker"]:  # the measuring process holds quotekit alone
    sys.path.insert(0, str(ROOT / "tests"))
    from strategies import GENERATORS, ordinary_news

MB = 1_000_000
MAX_RATIO = 11.0
MAX_VS_NEWS = 5.0


def _time(text: str) -> tuple[float, float]:
    """(CPU seconds, of which in the garbage collector) of one ``extract`` of ``text``."""
    # CPU time of this process: other jobs on a shared machine stretch wall-clock time
    # unevenly between the small and the large run, which would distort the ratios.
    in_gc = [0.0, 0.0]  # collector time so far, start of the running collection

    def on_gc(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            in_gc[1] = time.process_time()
        else:
            in_gc[0] += time.process_time() - in_gc[1]

    gc.collect()
    gc.callbacks.append(on_gc)
    try:
        start = time.process_time()
        quotekit.extract(text)
        elapsed = time.process_time() - start
    finally:
        gc.callbacks.remove(on_gc)
    return elapsed, in_gc[0]


def _worker(path: str) -> None:
    """Measure the text in ``path`` in this (fresh) process and print the result as JSON."""
    text = Path(path).read_text(encoding="utf-8", errors="surrogatepass")
    quotekit.extract('"Warm up," said Ana Lopez.')  # load the lexicons and compile patterns
    seconds, in_gc = _time(text)
    print(json.dumps({"seconds": seconds, "gc": in_gc}))


def _run(path: Path) -> tuple[float, float]:
    """(CPU seconds, share in the collector) of one input, measured in a fresh process.

    The measuring process imports quotekit and nothing else (the test strategies would
    bring hypothesis in), so the collector walks quotekit's objects, not the benchmark's;
    and no memo or heap is left over from an earlier run.
    """
    command = [sys.executable, __file__, "--worker", str(path)]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    seconds = float(result["seconds"])
    return seconds, float(result["gc"]) / seconds if seconds else 0.0


def _measure_all(
    names: list[str], sizes: tuple[int, int], repeat: int, folder: Path
) -> dict[tuple[str, int], tuple[float, float]]:
    """The best of ``repeat`` runs of every input at both sizes, taken in rounds.

    Each round measures every input once, small and large next to each other, so a
    stretch of time when the shared machine runs slow spreads over all inputs and both
    sizes, instead of landing on one measurement and skewing its ratio.
    """
    paths: dict[tuple[str, int], Path] = {}
    for name in names:
        make = ordinary_news if name == "news" else GENERATORS[name]
        for size in sizes:
            path = folder / f"{name}-{size}.txt"
            path.write_text(make(size), encoding="utf-8", errors="surrogatepass")
            paths[name, size] = path
    best: dict[tuple[str, int], tuple[float, float]] = {}
    for round_ in range(repeat):
        print(f"  round {round_ + 1} of {repeat}", file=sys.stderr, flush=True)
        for key, path in paths.items():
            result = _run(path)
            if key not in best or result[0] < best[key][0]:
                best[key] = result
    return best


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--worker"]:  # internal: python bench_adversarial.py --worker PATH
        _worker(argv[1])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=float, default=1.0, help="small size in MB")
    parser.add_argument("--large", type=float, default=10.0, help="large size in MB")
    parser.add_argument(
        "--repeat", type=int, default=3, help="best of N runs, taken in N rounds (default 3)"
    )
    parser.add_argument("--only", action="append", choices=sorted(GENERATORS), help="generator")
    parser.add_argument(
        "--profile", action="store_true", help="print a cProfile of each generator's small run"
    )
    args = parser.parse_args(argv)
    if args.repeat < 1 or not 0 < args.small < args.large:
        parser.error("need --repeat >= 1 and 0 < --small < --large")
    small, large = int(args.small * MB), int(args.large * MB)
    names = args.only or list(GENERATORS)

    if args.profile:
        for name in names:
            text = GENERATORS[name](small)
            print(f"=== {name} ({len(text):,} chars)")
            profile = cProfile.Profile()
            profile.runcall(quotekit.extract, text)
            pstats.Stats(profile).sort_stats("cumulative").print_stats(20)
        return 0

    print(
        f"quotekit {quotekit.__version__}: extract() on {args.small:g} MB and {args.large:g} MB,"
        f" best of {args.repeat}",
        flush=True,
    )
    with tempfile.TemporaryDirectory() as folder:
        best = _measure_all(["news", *names], (small, large), args.repeat, Path(folder))
    header = f"{'input':<22} {'small':>11} {'large':>11} {'gc':>5} {'gc':>5} {'ratio':>7}"
    print(f"  {header} {'x news':>7}")
    news_large = best["news", large][0]
    missed = []
    for name in ["news", *names]:
        (t_small, gc_small), (t_large, gc_large) = best[name, small], best[name, large]
        ratio = t_large / t_small if t_small else float("inf")
        label = "ordinary news" if name == "news" else name
        line = f"  {label:<22} {t_small:9.2f} s {t_large:9.2f} s {gc_small:5.0%} {gc_large:5.0%}"
        if name == "news":
            print(f"{line} {ratio:7.1f}")
            continue
        vs_news = t_large / news_large if news_large else float("inf")
        ok = ratio <= MAX_RATIO * (large / small) / 10 and vs_news <= MAX_VS_NEWS
        print(f"{line} {ratio:7.1f} {vs_news:7.1f}{'' if ok else '  <- missed'}")
        if not ok:
            missed.append(name)
    if missed:
        targets = f"ratio <= {MAX_RATIO:g} per 10x, <= {MAX_VS_NEWS:g}x news"
        print(f"targets missed ({targets}): {missed}")
        return 1
    print("all targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
