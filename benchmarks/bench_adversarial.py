"""Adversarial inputs: does ``extract`` stay linear, and how far from ordinary news?

For each generator in ``tests/strategies.py`` (quote marks only, unclosed quotes,
apostrophes, colons after cue verbs, one giant paragraph, nested marks, cue verbs with
no quote, chains of names and titles) this times ``extract`` on 1 MB and 10 MB of it and
prints:

- ``10MB/1MB``: the ratio of the two times; linear time gives about 10 (target <= 11);
- ``x news``: the 10 MB time divided by the time for 10 MB of ordinary news text built
  from the seed articles, measured in the same run (target <= 5).

Run from the repository root::

    python benchmarks/bench_adversarial.py              # 1 MB and 10 MB (minutes)
    python benchmarks/bench_adversarial.py --small 0.1 --large 1   # a quick look
    python benchmarks/bench_adversarial.py --only giant_paragraph --profile

Each measurement runs in a fresh Python process (the heap one generator leaves behind
must not slow the next one down) and is the CPU time of the best of ``--repeat`` runs
(default 1: the large runs are slow). The ``gc`` columns give the share of that time
spent in CPython's cyclic garbage collector: it grows with the number of objects alive
at once, which for the 10 MB inputs includes every quote already returned.
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


def _time(text: str, repeat: int) -> tuple[float, float]:
    """(CPU seconds, of which in the garbage collector) of the best of ``repeat`` runs."""
    # CPU time of this process: other jobs on a shared machine stretch wall-clock time
    # unevenly between the small and the large run, which would distort the ratios.
    in_gc = [0.0, 0.0]  # collector time so far, start of the running collection

    def on_gc(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            in_gc[1] = time.process_time()
        else:
            in_gc[0] += time.process_time() - in_gc[1]

    best = (float("inf"), 0.0)
    gc.callbacks.append(on_gc)
    try:
        for _ in range(repeat):
            gc.collect()
            in_gc[0] = 0.0
            start = time.process_time()
            quotekit.extract(text)
            elapsed = time.process_time() - start
            best = min(best, (elapsed, in_gc[0]))
    finally:
        gc.callbacks.remove(on_gc)
    return best


def _worker(path: str, repeat: int) -> None:
    """Measure the text in ``path`` in this (fresh) process and print the result as JSON."""
    text = Path(path).read_text(encoding="utf-8", errors="surrogatepass")
    quotekit.extract('"Warm up," said Ana Lopez.')  # load the lexicons and compile patterns
    seconds, in_gc = _time(text, repeat)
    print(json.dumps({"seconds": seconds, "gc": in_gc}))


def _run(name: str, size: int, repeat: int) -> tuple[float, float]:
    """(CPU seconds, share in the collector) of one input, measured in a fresh process.

    The text is made here and handed over in a file: the measuring process imports
    quotekit and nothing else (the test strategies would bring hypothesis in), so the
    collector walks quotekit's objects, not the benchmark's.
    """
    make = ordinary_news if name == "news" else GENERATORS[name]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{name}.txt"
        path.write_text(make(size), encoding="utf-8", errors="surrogatepass")
        command = [sys.executable, __file__, "--worker", str(path), str(repeat)]
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    seconds = float(result["seconds"])
    return seconds, float(result["gc"]) / seconds if seconds else 0.0


def _measure(name: str, label: str, small: int, large: int, repeat: int) -> tuple[float, float]:
    t_small, gc_small = _run(name, small, repeat)
    t_large, gc_large = _run(name, large, repeat)
    print(
        f"  {label:<22} {t_small:9.2f} s {t_large:9.2f} s {gc_small:5.0%} {gc_large:5.0%}",
        end="",
        flush=True,
    )
    return t_small, t_large


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--worker"]:  # internal: python bench_adversarial.py --worker PATH N
        _worker(argv[1], int(argv[2]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=float, default=1.0, help="small size in MB")
    parser.add_argument("--large", type=float, default=10.0, help="large size in MB")
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs")
    parser.add_argument("--only", action="append", choices=sorted(GENERATORS), help="generator")
    parser.add_argument(
        "--profile", action="store_true", help="print a cProfile of each generator's small run"
    )
    args = parser.parse_args(argv)
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

    print(f"quotekit {quotekit.__version__}: extract() on {args.small:g} MB and {args.large:g} MB")
    header = f"{'input':<22} {'small':>11} {'large':>11} {'gc':>5} {'gc':>5} {'ratio':>7}"
    print(f"  {header} {'x news':>7}")
    _news_small, news_large = _measure("news", "ordinary news", small, large, args.repeat)
    print(f" {_news_small and news_large / _news_small:7.1f}")
    missed = []
    for name in names:
        t_small, t_large = _measure(name, name, small, large, args.repeat)
        ratio = t_large / t_small if t_small else float("inf")
        vs_news = t_large / news_large if news_large else float("inf")
        ok = ratio <= MAX_RATIO * (large / small) / 10 and vs_news <= MAX_VS_NEWS
        print(f" {ratio:7.1f} {vs_news:7.1f}{'' if ok else '  <- missed'}", flush=True)
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
