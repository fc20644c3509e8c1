"""Cost of reported speech (``include_indirect``) inside ``extract()``, and its linearity.

Usage::

    python benchmarks/bench_reported.py [--mb 4]

On news-like text built from the seeds and the case corpus (see ``bench_extract.py``),
all figures measured in this one run, CPU time, best of two:

- ``extract()`` with and without reported speech, and the extra time it costs;
- the reported-speech stage alone (``find_reported`` on analysed documents);
- linearity of the stage on one document of 200 KB and of 2 MB (linear: ~10), and on
  text made of nothing but cue words ("He said that He said that …").

No figure is asserted; the numbers are for the report and for spotting regressions.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from bench_extract import corpus, documents, one_document  # noqa: E402

import quotekit  # noqa: E402
from quotekit._analysis import Analysis, analyse  # noqa: E402
from quotekit._reported import find_reported  # noqa: E402
from quotekit._text import make_view  # noqa: E402


def cpu(func: object, *args: object) -> float:
    start = time.process_time()
    func(*args)  # type: ignore[operator]
    return time.process_time() - start


def stage(analyses: list[Analysis]) -> None:
    for analysis in analyses:
        find_reported(analysis, [])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=4.0, help="corpus size in MB")
    args = parser.parse_args()

    docs = documents()
    quotekit.extract(docs[0])  # load the lexicons and compile the patterns first
    big = corpus(docs, int(args.mb * 1_000_000))
    size = sum(len(d.encode("utf-8")) for d in big) / 1e6
    off = quotekit.ExtractConfig(include_indirect=False)
    on = quotekit.ExtractConfig()

    def run(config: quotekit.ExtractConfig) -> None:
        for doc in big:
            quotekit.extract(doc, config=config)

    t_off = min(cpu(run, off) for _ in range(2))
    t_on = min(cpu(run, on) for _ in range(2))
    lexicon = quotekit.default_lexicon()
    analyses = [analyse(make_view(d), lexicon) for d in big]
    t_stage = min(cpu(stage, analyses) for _ in range(2))
    print(f"corpus: {len(big)} documents, {size:.1f} MB")
    print(
        f"extract: {size / t_off:.2f} MB/s without reported speech, {size / t_on:.2f} MB/s "
        f"with it (+{100 * (t_on - t_off) / t_off:.0f}%); the stage alone {size / t_stage:.1f} MB/s"
    )

    for label, small in (
        ("news", one_document(docs, 200_000)),
        ("cue words only", "He said that she stated that according to " * 5_000),
    ):
        large = small * 10 if label != "news" else one_document(docs, 2_000_000)
        a1, a10 = analyse(make_view(small), lexicon), analyse(make_view(large), lexicon)
        t1 = statistics.median(cpu(stage, [a1]) for _ in range(3))
        t10 = statistics.median(cpu(stage, [a10]) for _ in range(3))
        print(
            f"linearity ({label}): 1x = {len(small) / 1000:.0f} KB in {t1:.3f} s, "
            f"10x in {t10:.3f} s, ratio {t10 / max(t1, 1e-9):.1f} (linear: ~10)"
        )


if __name__ == "__main__":
    main()
