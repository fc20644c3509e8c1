"""Fuzz ``quotekit.compare``: any two strs give a score in [0, 1], never an exception.

Also checked on every input: the score is symmetric and identical input scores 1
(when it has any words at all). Run (see ``fuzz/README.md``)::

    python fuzz/fuzz_compare.py -max_total_time=600 /tmp/corpus-compare
"""

from __future__ import annotations

import math
import sys

import atheris

import quotekit

# Instrument every loaded function: an editable install's import hook hides quotekit's
# modules from atheris.instrument_imports(), which then collects almost no coverage.
atheris.instrument_all()

WORDS = (
    "we",
    "will",
    "rebuild",
    "the",
    "bridge",
    "never",
    "forget",
    "victory",
    "1979",
    "don't",
    "co-operation",
    "“",
    "”",
    "'",
    ",",
    ".",
    "…",
    "\u200b",
    "\ud800",
    "\n",
    "İ",
    "ß",
)


def _texts(data: bytes) -> tuple[str, str]:
    fdp = atheris.FuzzedDataProvider(data)
    if fdp.ConsumeBool():
        half = fdp.remaining_bytes() // 2
        return fdp.ConsumeUnicode(half), fdp.ConsumeUnicode(fdp.remaining_bytes())
    pieces: list[list[str]] = [[], []]
    while fdp.remaining_bytes():
        pieces[fdp.ConsumeIntInRange(0, 1)].append(fdp.PickValueInList(list(WORDS)))
    return " ".join(pieces[0]), " ".join(pieces[1])


def test_one_input(data: bytes) -> None:
    a, b = _texts(data)
    forward = quotekit.compare(a, b)
    backward = quotekit.compare(b, a)
    assert 0.0 <= forward.score <= 1.0 and not math.isnan(forward.score), forward
    assert math.isclose(forward.score, backward.score, abs_tol=1e-9), (a, b)
    same = quotekit.compare(a, a)
    assert same.score == 1.0 or not any(c.isalnum() for c in same.a_text), (a, same)
    forward.explain()
    forward.to_dict()


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
