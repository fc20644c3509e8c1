"""Speaker resolution cost against document length: it should grow linearly.

Usage::

    python benchmarks/bench_speakers.py [--paragraphs N] [--repeat R]

Builds synthetic articles of N and 4N paragraphs, each paragraph introducing a new
titled person (many sharing a family name), quoting them, and referring back with a
short name, a pronoun and a description, then times the resolution stage alone
(``Resolver`` over every background name and speaker mention, as ``extract()`` runs
it) and ``extract()`` end to end. Prints microseconds per paragraph and the 4N/N ratio
of each: a ratio near 4 (per-paragraph cost near 1x) is linear; a quadratic stage would
show about 16 (4x per paragraph). Ratios are measured within one run.
"""

from __future__ import annotations

import argparse
import time

import quotekit
from quotekit._coref import Resolver, background_names

_FAMILY = ["Chea", "Sok", "Nguyen", "Hun", "Kem", "Pham", "Tran", "Heng", "Chan", "Prak"]
_TITLES = ["Minister", "Governor", "General", "Mr.", "Ms.", "Dr.", "Chairman", "Oknha"]


def article(paragraphs: int) -> str:
    """A synthetic article with ``paragraphs`` speakers, reusing ten family names."""
    parts = []
    for k in range(paragraphs):
        family = _FAMILY[k % len(_FAMILY)]
        given = f"Vann{k:05d}"
        title = _TITLES[k % len(_TITLES)]
        parts.append(
            f"{title} {family} {given} visited Kampong Cham province on Monday. "
            f'"The road will open soon," said {title} {family} {given}. '
            f'"We have the money," {given} said. "Work starts in May," she added. '
            f'"It will carry trucks," the {title.lower().rstrip(".")} said.'
        )
    return "\n\n".join(parts)


def resolve_only(text: str, lexicon: quotekit.Lexicon) -> int:
    """Run the resolver over every name of ``text``; return the number of mentions."""
    resolver = Resolver(lexicon, None, text)
    names = background_names(text, [(0, len(text))], lexicon)
    for pos, name in names:
        resolver.observe(pos, name)
        resolver.resolve_name(pos, name)
        resolver.resolve_pronoun(pos + len(name), "she")
        resolver.resolve_description(pos + len(name), "the minister")
    return len(names)


def best_time(func: object, repeat: int) -> float:
    assert callable(func)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    lexicon = quotekit.default_lexicon()
    rows = []
    for n in (args.paragraphs, 4 * args.paragraphs):
        text = article(n)
        resolve = best_time(lambda text=text: resolve_only(text, lexicon), args.repeat)
        full = best_time(lambda text=text: quotekit.extract(text), args.repeat)
        rows.append((n, len(text), resolve, full))
        print(
            f"{n:6d} paragraphs {len(text) / 1e6:6.2f} MB  resolution "
            f"{resolve / n * 1e6:8.1f} us/paragraph  extract {full / n * 1e6:8.1f} us/paragraph"
        )
    (_, _, r1, f1), (_, _, r2, f2) = rows
    print(f"ratio 4N/N: resolution {r2 / r1:.2f}, extract {f2 / f1:.2f} (linear = 4)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
