"""Clustering at corpus scale: time, peak memory, and planted-pair recall and precision.

Builds N quotes: base statements made from real sentences (the seed articles and
sentences written for this benchmark, spliced and with content words swapped for words of
a large Zipf-distributed vocabulary, so every base is a different statement) plus planted
variants made by realistic edits (word swaps, synonyms, dropped clauses, punctuation and
case, British/American spelling, articles, a paraphrase of several edits together) and
a few two- or three-word fragments credited to someone else. Each quote knows its base,
so a planted pair is two quotes of one base.

Measured for each N (each size in a fresh process, so peak memory is per size):
- time of ``quotekit.cluster`` and the peak resident memory of the process;
- planted-pair recall and precision of the clusters (pair counts within clusters);
- fragments of another speaker that joined a cluster (should be 0).
On a 20k sample it also compares blocking with exhaustive comparison: every pair of
quotes sharing two or more content stems (found with bit sets, exact) is verified, and the
clusters built from those pairs are scored the same way.

    python benchmarks/bench_cluster.py                      # N = 10k and 100k, 20k sample
    python benchmarks/bench_cluster.py --sizes 10000,100000,1000000
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import quotekit
from quotekit import _compare, _index

ROOT = Path(__file__).resolve().parent.parent

# Sentences written for this benchmark: the kinds of statements news quotes carry.
OWN_SENTENCES = """
We will not raise taxes on working families while I am the governor of this state.
The new bridge will open to traffic next spring if the weather allows the crews to finish.
Our hospital has treated more than four hundred patients since the flood began last week.
The council organised the programme to help small businesses recover from the storm.
I have never seen the river this high in my forty years as a fisherman in this valley.
The ministry will publish the full report on the accident before the end of the month.
Our players showed real character in the second half and deserved to win the match.
The company plans to cut about two thousand jobs across its European factories this year.
We are asking every neighbour to check on elderly residents during the heatwave.
The investigation found no evidence that the mayor knew about the contracts in advance.
Farmers in the northern provinces have lost most of their harvest to the drought.
The central bank expects inflation to fall below three percent by the autumn.
Our teachers deserve a fair wage and the respect of the government they serve.
The police have arrested two men in connection with the robbery at the jewellery shop.
This agreement opens a new chapter in the friendship between our two nations.
The vaccine was tested on thousands of volunteers and proved safe and effective.
We defended our neighbourhood against the developers for more than ten years.
The railway line between the two cities will be closed for repairs until March.
Nobody should have to choose between paying the rent and buying medicine.
The museum received a rare collection of paintings from a private donor in Lisbon.
The fire spread quickly through the dry forest and forced hundreds of families to leave.
We must protect the coral reefs before rising temperatures destroy them completely.
The talks ended without an agreement, but both sides promised to meet again in June.
The minister said the airport expansion would create thousands of jobs in the region.
Our soldiers came to help the people of the village when nobody else would.
The court ruled that the election results in three districts must be counted again.
The storm damaged the harbour and sank several fishing boats on Tuesday night.
Young people are leaving the countryside because there is no work for them there.
The government will spend more on the defence of the border over the next five years.
The union called the strike after the management refused to discuss the pension plan.
""".strip().splitlines()

STOP = {
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by",
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "we", "our", "i", "it",
    "this", "that", "they", "their", "will", "would", "not", "as", "from", "there",
}  # fmt: skip

# Synonym and spelling edits of the variant generator (its own lists: some pairs are in
# quotekit's tables, many are not, like real rewording).
SYNONYMS = {
    "help": "assist", "rich": "wealthy", "save": "rescue", "big": "large", "many": "numerous",
    "began": "started", "end": "finish", "people": "citizens", "country": "nation",
    "said": "stated", "new": "fresh", "week": "seven days", "quickly": "rapidly",
    "families": "households", "jobs": "positions", "spring": "springtime", "report": "study",
    "important": "crucial", "strong": "powerful", "years": "decades", "village": "hamlet",
    "forced": "compelled", "promised": "pledged", "agreement": "deal", "river": "stream",
    "tragic": "terrible", "victory": "triumph", "enemy": "foe", "friendship": "ties",
    "soldiers": "troops", "nations": "countries", "region": "area", "expects": "predicts",
}  # fmt: skip
SPELLING = {
    "neighbour": "neighbor", "neighbours": "neighbors", "neighbourhood": "neighborhood",
    "organised": "organized", "programme": "program", "defence": "defense",
    "harbour": "harbor", "jewellery": "jewelry", "centre": "center", "honour": "honor",
    "labour": "labor", "favour": "favor", "recognised": "recognized", "colour": "color",
}  # fmt: skip
SPELLING.update({us: uk for uk, us in list(SPELLING.items())})
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]


def seed_sentences() -> list[str]:
    """Sentences of 8 to 60 words from the seed articles (page furniture left out)."""
    found = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for line in text.splitlines():
            if "|" in line or len(line.split()) < 8:
                continue
            for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", line):
                sentence = sentence.strip().strip('"“”')
                if 8 <= len(sentence.split()) <= 60:
                    found.append(sentence)
    return found


def pseudo_word(rank: int) -> str:
    """A made-up word for each rank (the vocabulary of names, places and rare nouns)."""
    out = []
    rank += 1
    while rank:
        rank, digit = divmod(rank, len(_SYLLABLES))
        out.append(_SYLLABLES[digit])
    return "".join(out)


class Generator:
    """Deterministic corpus builder (one random.Random, seeded)."""

    def __init__(self, seed: int, vocabulary: int = 400_000) -> None:
        self.rng = random.Random(seed)
        self.pool = [s.split() for s in seed_sentences() + OWN_SENTENCES]
        self.vocabulary = vocabulary

    def rare_word(self) -> str:
        # Zipf-like: rank = V ** u is log-uniform, as word frequencies in news roughly are.
        rank = int(self.vocabulary ** self.rng.random()) - 1
        word = pseudo_word(rank)
        return word.capitalize() if self.rng.random() < 0.3 else word

    def base(self) -> list[str]:
        # Three pieces of three random sentences, most content words swapped for words of
        # the large vocabulary: distinct statements that still share topic words.
        rng = self.rng
        words: list[str] = []
        for piece in range(3):
            sentence = rng.choice(self.pool)
            third = max(1, len(sentence) // 3)
            words += sentence[piece * third : (piece + 1) * third if piece < 2 else None]
        out = []
        for word in words:
            bare = word.strip(",.;:!?\"“”'’()").lower()
            editable = bare in SYNONYMS or bare in SPELLING
            if bare and bare not in STOP and rng.random() < (0.3 if editable else 0.7):
                tail = word[len(word.rstrip(",.;:!?")) :]
                out.append(self.rare_word() + tail)
            else:
                out.append(word)
        return out

    def variant(self, words: list[str]) -> tuple[list[str], str]:
        """A planted variant and the names of the edits made."""
        rng = self.rng
        edits = rng.sample(
            ["swap", "synonym", "drop", "punct", "case", "spelling", "article", "paraphrase"],
            k=rng.choice([1, 1, 2, 2, 3]),
        )
        out = list(words)
        for edit in edits:
            out = getattr(self, "_" + edit)(out)
        return out, "+".join(sorted(edits))

    def _swap(self, w: list[str]) -> list[str]:
        if len(w) > 3:
            i = self.rng.randrange(len(w) - 1)
            w[i], w[i + 1] = w[i + 1], w[i]
        return w

    def _synonym(self, w: list[str], share: float = 1.0) -> list[str]:
        out = []
        for word in w:
            core = word.rstrip(",.;:!?")
            if core.lower() in SYNONYMS and self.rng.random() < share:
                out.append(SYNONYMS[core.lower()] + word[len(core) :])
            else:
                out.append(word)
        return out

    def _drop(self, w: list[str]) -> list[str]:
        # Drop a clause: from a comma to the next comma or the end, else the last quarter.
        commas = [i for i, word in enumerate(w[:-1]) if word.endswith(",")]
        if commas:
            start = self.rng.choice(commas) + 1
            nxt = [i for i in commas if i >= start]
            end = nxt[0] + 1 if nxt else len(w)
            if end - start < len(w) // 2:
                return w[:start] + w[end:]
        return w[: max(4, len(w) - len(w) // 4)]

    def _punct(self, w: list[str]) -> list[str]:
        out = [word.rstrip(",;:") if self.rng.random() < 0.5 else word for word in w]
        out[-1] = out[-1].rstrip(".!?") + self.rng.choice([".", "!", "", "..."])
        return out

    def _case(self, w: list[str]) -> list[str]:
        if self.rng.random() < 0.5:
            return [word.lower() for word in w]
        return [w[0].upper(), *w[1:]]

    def _spelling(self, w: list[str]) -> list[str]:
        return [SPELLING.get(word.lower().rstrip(",."), word) if word.lower().rstrip(
            ",.") in SPELLING else word for word in w]  # fmt: skip

    def _article(self, w: list[str]) -> list[str]:
        articles = [i for i, word in enumerate(w) if word.lower() in ("the", "a", "an")]
        if articles and self.rng.random() < 0.6:
            i = self.rng.choice(articles)
            return w[:i] + w[i + 1 :]
        i = self.rng.randrange(len(w))
        return [*w[:i], "the", *w[i:]]

    def _paraphrase(self, w: list[str]) -> list[str]:
        # A different translation: synonyms, a reworded function word or two, an extra word.
        w = self._synonym(w, share=0.8)
        fillers = ["indeed", "also", "then", "really", "all"]
        for _ in range(2):
            w.insert(self.rng.randrange(len(w) + 1), self.rng.choice(fillers))
        return self._swap(w)


def build(n: int, seed: int) -> tuple[list[quotekit.Quote], list[int], list[bool]]:
    """N quotes, the base number of each, and whether each is a foreign-speaker fragment."""
    gen = Generator(seed)
    quotes: list[quotekit.Quote] = []
    origin: list[int] = []
    foreign: list[bool] = []
    base_no = 0
    while len(quotes) < n:
        words = gen.base()
        speaker = quotekit.Speaker(f"{gen.rare_word().capitalize()} {gen.rare_word()}")
        copies = [words]
        for _ in range(gen.rng.choice([0, 0, 0, 1, 1, 2, 3])):
            copies.append(gen.variant(words)[0])
        for i, copy in enumerate(copies):
            text = " ".join(copy)
            credited = speaker if i == 0 or gen.rng.random() < 0.8 else quotekit.Speaker("an aide")
            quotes.append(_quote(text, credited, f"doc{gen.rng.randrange(n // 8 + 1)}"))
            origin.append(base_no)
            foreign.append(False)
        if gen.rng.random() < 0.02 and len(words) > 6:
            i = gen.rng.randrange(len(words) - 3)
            fragment = " ".join(words[i : i + gen.rng.choice([2, 3])])
        else:
            fragment = ""
        # Two or three words as quotekit counts them ("Vietnam-Cambodia" is two).
        if 2 <= len(_compare.profile(fragment).keys) <= 3:
            quotes.append(_quote(fragment, quotekit.Speaker(f"someone else {base_no}"), "frag"))
            origin.append(-1 - base_no)  # never a planted partner
            foreign.append(True)
        base_no += 1
    return quotes[:n], origin[:n], foreign[:n]


def _quote(text: str, speaker: quotekit.Speaker, doc: str) -> quotekit.Quote:
    return quotekit.Quote(
        text=text,
        span=quotekit.Span(0, len(text)),
        kind=quotekit.QuoteKind.DIRECT,
        speaker=speaker,
        doc_id=doc,
    )


def pair_scores(groups: Sequence[Sequence[int]], origin: Sequence[int]) -> dict[str, float]:
    """Planted-pair recall and precision of a partition given as lists of quote numbers."""
    per_origin = Counter(origin)
    planted = sum(c * (c - 1) // 2 for o, c in per_origin.items() if o >= 0)
    predicted = correct = 0
    for group in groups:
        predicted += len(group) * (len(group) - 1) // 2
        inside = Counter(origin[i] for i in group)
        correct += sum(c * (c - 1) // 2 for o, c in inside.items() if o >= 0)
    return {
        "planted_pairs": planted,
        "predicted_pairs": predicted,
        "recall": correct / planted if planted else 1.0,
        "precision": correct / predicted if predicted else 1.0,
    }


def groups_of(clusters: Sequence[quotekit.QuoteCluster], index: dict[int, int]) -> list[list[int]]:
    return [[index[id(m)] for m in c.members] for c in clusters]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_size(n: int, seed: int) -> dict[str, object]:
    started = time.perf_counter()
    quotes, origin, foreign = build(n, seed)
    built = time.perf_counter() - started
    before = peak_mb()
    started, cpu = time.perf_counter(), time.process_time()
    clusters = quotekit.cluster(quotes)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    index = {id(q): i for i, q in enumerate(quotes)}
    groups = groups_of(clusters, index)
    joined = sum(1 for g in groups for i in g if foreign[i])
    result: dict[str, object] = {
        "n": n,
        "build_s": round(built, 1),
        "cluster_s": round(seconds, 1),
        "cluster_cpu_s": round(cpu, 1),  # CPU time: a fair figure on a shared machine
        "peak_rss_mb": round(peak_mb()),
        "rss_before_cluster_mb": round(before),
        "clusters": len(clusters),
        "foreign_fragments_joined": joined,
    }
    result.update(pair_scores(groups, origin))
    return result


def exhaustive_pairs(units: Sequence[_index._Unit]) -> list[tuple[int, int]]:
    """Every pair of units sharing two or more content stems (bit sets; exact)."""
    masks: dict[int, int] = {}
    for u, unit in enumerate(units):
        for s in unit.content:
            masks[s] = masks.get(s, 0) | (1 << u)
    pairs = []
    for u, unit in enumerate(units):
        once = twice = 0
        for s in unit.content:
            m = masks[s]
            twice |= once & m
            once |= m
        twice >>= u + 1
        v = u + 1
        while twice:
            low = twice & -twice
            step = low.bit_length() - 1
            v += step
            pairs.append((u, v))
            twice >>= step + 1
            v += 1
    return pairs


def run_sample(n: int, seed: int) -> dict[str, object]:
    quotes, origin, _ = build(n, seed)
    units = _index._units(quotes)
    blocked = sorted(_index._blocking_pairs(units))
    started = time.perf_counter()
    exhaustive = exhaustive_pairs(units)
    exhaustive_s = time.perf_counter() - started

    def attachable(pairs: Sequence[tuple[int, int]]) -> set[tuple[int, int]]:
        found = set()
        for x, y in pairs:
            small, large = (x, y) if units[x].rank < units[y].rank else (y, x)
            if not _index._cheap_screen(units[small], units[large]):
                continue
            verdict = _index.judge(
                _index.profile(units[small].text), _index.profile(units[large].text)
            )
            if _index._attach_allowed(quotes, units[small], units[large], verdict.relation):
                found.add((x, y))
        return found

    truth = attachable(exhaustive)
    found = attachable(blocked)

    def partition(pairs: Sequence[tuple[int, int]]) -> list[list[int]]:
        trees: dict[int, list[int]] = {}
        for u, r in enumerate(_index._assign(quotes, units, pairs)):
            trees.setdefault(r, []).extend(units[u].members)
        return list(trees.values())

    return {
        "n": n,
        "units": len(units),
        "exhaustive_candidate_pairs": len(exhaustive),
        "blocked_candidate_pairs": len(blocked),
        "exhaustive_s": round(exhaustive_s, 1),
        "matching_pairs_exhaustive": len(truth),
        "matching_pairs_found_by_blocking": len(found & truth),
        "blocking_recall": len(found & truth) / len(truth) if truth else 1.0,
        "planted_blocked": pair_scores(partition(blocked), origin),
        "planted_exhaustive": pair_scores(partition(exhaustive), origin),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated N values")
    parser.add_argument("--sample", type=int, default=20_000, help="exhaustive sample (0: none)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--child", choices=["size", "sample"], help=argparse.SUPPRESS)
    parser.add_argument("--n", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child == "size":
        print(json.dumps(run_size(args.n, args.seed)))
        return 0
    if args.child == "sample":
        print(json.dumps(run_sample(args.n, args.seed)))
        return 0
    results = []
    for n in [int(x) for x in args.sizes.split(",") if x]:
        results.append(_child("size", n, args.seed))
        print(json.dumps(results[-1]), flush=True)
    by_n = {r["n"]: r for r in results}
    if 100_000 in by_n and 1_000_000 in by_n:
        for key in ("cluster_s", "cluster_cpu_s"):
            growth = by_n[1_000_000][key] / max(by_n[100_000][key], 1e-9)
            print(json.dumps({f"growth_100k_to_1M_{key}": round(growth, 2)}), flush=True)
    if args.sample:
        print(json.dumps(_child("sample", args.sample, args.seed)), flush=True)
    return 0


def _child(kind: str, n: int, seed: int) -> dict[str, float]:
    # A fresh process per measurement, so peak memory belongs to that size alone.
    cmd = [sys.executable, __file__, "--child", kind, "--n", str(n), "--seed", str(seed)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    result: dict[str, float] = json.loads(out)
    return result


if __name__ == "__main__":
    sys.exit(main())
