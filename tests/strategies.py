"""Shared test inputs: hypothesis strategies and deterministic adversarial generators.

The strategies build news-like text from sentence fragments written for these tests
(names, titles, cue verbs, quote marks of every style) and salt it with hostile
characters. The generators build large pathological inputs of a requested size; the
adversarial tests and ``benchmarks/bench_adversarial.py`` share them.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

from hypothesis import strategies as st

from quotekit import Quote, normalise_quote_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# --- vocabulary (written for these tests; not taken from any corpus) ------------------------

FIRST_NAMES = ("Ana", "Tomas", "Mei", "Kofi", "Ingrid", "Rahul", "Sokha", "Pham", "Jean-Luc")
LAST_NAMES = ("Lopez", "Varga", "Chen", "Mensah", "Olsen", "Iyer", "Chea", "Van Dy", "O'Brien")
TITLES = (
    "Mr.",
    "Ms.",
    "Dr.",
    "Prime Minister",
    "Lieutenant General",
    "Mayor",
    "Senator",
    "Chairman",
    "President of the National Assembly",
    "Samdech",
)
ORGS = ("the Daily Courier", "the ministry", "Reuters", "the Harbour Times newspaper")
CUES = ("said", "told reporters", "added", "insisted", "recalled", "wrote", "noted", "warned")
PRONOUNS = ("he", "she", "they", "it")
WORDS = (
    "the",
    "budget",
    "will",
    "rebuild",
    "bridge",
    "council",
    "never",
    "forget",
    "victory",
    "we",
    "are",
    "ready",
    "for",
    "peace",
    "and",
    "cooperation",
    "of",
    "both",
    "nations",
    "1979",
    "don't",
    "Cambodia's",
    "'90s",
    "co-operation",
    "U.S.",
    "Jan.",
)
# (opening, closing) pairs, matched and mismatched, plus lone marks.
MARK_PAIRS = (
    ('"', '"'),
    ("“", "”"),
    ("‘", "’"),
    ("'", "'"),
    ("«", "»"),
    ("„", "“"),
    ("‚", "‘"),
    ("‹", "›"),
    ('"', "”"),
    ("“", '"'),
    ("“", ""),
    ("", "”"),
)
ALL_MARKS = "\"“”„‟«»'‘’‚‛‹›"
HOSTILE_CHARS = (
    "\ud800",  # lone high surrogate
    "\udfff",  # lone low surrogate
    "\x00",
    "\x01",
    "\x07",
    "\x1b",
    "\x7f",
    "\x85",  # NEL (C1)
    "\x9f",
    "\u200b",  # zero-width space
    "\u200c",
    "\u200d",
    "\u2060",  # word joiner
    "\ufeff",  # BOM
    "\u00ad",  # soft hyphen
    "\u200e",  # LRM
    "\u200f",  # RLM
    "\u202a",
    "\u202e",  # RLO
    "\u2066",
    "\u2069",
    "\u00a0",  # NBSP
    "\u202f",
    "\u3000",
    "\u2028",  # line separator
    "\u2029",
    "\r\n",
    "\r",
    "\n",
    "\n\n",
    "\t",
    "\ufffd",
    "\U0001f600",
    "\u0301",  # combining accent
    "İ",  # lower-cases to two characters
    "ß",
    "…",
    "—",
)
LINE_ENDINGS = ("\n", "\r\n", "\r", "\u2028")


# --- the invariants every extraction result holds ----------------------------------------------


def check_quotes(text: str, quotes: list[Quote]) -> None:
    """Every invariant a list of quotes extracted from ``text`` must hold."""
    last = (-1, -1)
    for q in quotes:
        assert 0 <= q.span.start <= q.span.end <= len(text)
        assert (q.span.start, q.span.end) >= last, "quotes out of document order"
        last = (q.span.start, q.span.end)
        raw = text[q.span.start : q.span.end]
        assert raw == q.raw(text)
        assert normalise_quote_text(raw) == q.text
        assert raw == raw.strip(), "a quote's span starts or ends with white space"
        for speaker in (q.speaker, q.via):
            if speaker is None or speaker.span is None:
                continue
            assert 0 <= speaker.span.start <= speaker.span.end <= len(text)
            assert normalise_quote_text(speaker.span.slice(text)) == speaker.mention
        if q.cue is not None:
            assert 0 <= q.cue.span.start <= q.cue.span.end <= len(text)
            assert q.cue.span.slice(text) == q.cue.text
        assert 0.0 <= q.confidence <= 1.0


# --- hypothesis strategies ---------------------------------------------------------------------

names = st.builds(
    lambda first, last: f"{first} {last}", st.sampled_from(FIRST_NAMES), st.sampled_from(LAST_NAMES)
)
speakers = st.one_of(
    names,
    st.builds(lambda t, n: f"{t} {n}", st.sampled_from(TITLES), names),
    st.builds(lambda n, t: f"{n}, {t} of the council,", names, st.sampled_from(TITLES)),
    st.sampled_from(ORGS),
    st.sampled_from(PRONOUNS),
)
contents = st.lists(st.sampled_from(WORDS), min_size=0, max_size=14).map(" ".join)
marks = st.sampled_from(MARK_PAIRS)


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """One news-like sentence: a quote with attribution before or after, reported
    speech, a plain sentence, or a scare quote."""
    shape = draw(st.integers(0, 6))
    speaker = draw(speakers)
    cue = draw(st.sampled_from(CUES))
    opening, closing = draw(marks)
    content = draw(contents)
    if shape == 0:
        return f"{opening}{content},{closing} {cue} {speaker}."
    if shape == 1:
        return f"{opening}{content},{closing} {speaker} {cue}."
    if shape == 2:
        return f"{speaker} {cue}: {opening}{content}.{closing}"
    if shape == 3:
        return f"{speaker} {cue} that {content}."
    if shape == 4:
        return f"The so-called {opening}{content}{closing} was {content}."
    if shape == 5:
        return f"According to {speaker}, {content}."
    return f"{content.capitalize()}."


@st.composite
def news_text(draw: st.DrawFn, max_paragraphs: int = 6) -> str:
    """Paragraphs of news-like sentences, with block quotes after "X said:" lines."""
    paragraphs = []
    for _ in range(draw(st.integers(0, max_paragraphs))):
        if draw(st.integers(0, 5)) == 0:
            paragraphs.append(f"{draw(speakers)} {draw(st.sampled_from(CUES))}:")
        paragraphs.append(" ".join(draw(st.lists(sentences(), min_size=1, max_size=4))))
    ending = draw(st.sampled_from(LINE_ENDINGS))
    separator = ending * draw(st.integers(1, 2))
    return separator.join(paragraphs)


@st.composite
def salted(draw: st.DrawFn, base: st.SearchStrategy[str]) -> str:
    """``base`` text with hostile characters inserted at arbitrary positions."""
    text = draw(base)
    inserts = draw(
        st.lists(st.tuples(st.integers(0, max(0, len(text))), st.sampled_from(HOSTILE_CHARS)))
    )
    for pos, char in sorted(inserts, reverse=True):
        text = text[:pos] + char + text[pos:]
    return text


# Any str at all: every code point, lone surrogates included.
any_chars = st.characters(codec=None, exclude_categories=())
any_text = st.text(alphabet=any_chars, max_size=300)
# Short text over a small hostile alphabet, so marks, names and boundaries collide often.
dense_text = st.lists(
    st.sampled_from(
        tuple(ALL_MARKS) + HOSTILE_CHARS + (" ", ".", ",", ":", "-", "said", "Ana Lopez", "Mr.")
    ),
    max_size=120,
).map("".join)
hostile_news = salted(news_text())
#: Every kind of input the extractor must survive.
texts = st.one_of(news_text(), hostile_news, any_text, dense_text)


# --- deterministic adversarial generators ------------------------------------------------------


def _fill(unit: Callable[[random.Random], str], size: int, seed: int = 7) -> str:
    """Concatenate ``unit(rng)`` pieces until ``size`` characters, then cut there."""
    rng = random.Random(seed)
    pieces: list[str] = []
    total = 0
    while total < size:
        piece = unit(rng)
        pieces.append(piece)
        total += len(piece)
    return "".join(pieces)[:size]


def _name(rng: random.Random) -> str:
    syllables = ("ka", "lo", "mi", "ren", "sa", "tor", "vu", "phe", "dan", "ny", "chea", "os")
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).capitalize()


def gen_quote_marks(size: int) -> str:
    """Nothing but quote marks, spaces and the odd newline."""
    alphabet = ALL_MARKS + "  "
    return _fill(lambda r: r.choice(alphabet) + ("\n" if r.random() < 0.01 else ""), size)


_OPENERS = '"“„«‘'


def gen_unclosed(size: int) -> str:
    """Quotes that open and never close, in short and in very long paragraphs."""

    def unit(r: random.Random) -> str:
        words = " ".join(r.choice(WORDS) for _ in range(r.randint(3, 40)))
        sep = "\n\n" if r.random() < 0.3 else " "
        return f"{r.choice(TITLES)} {_name(r)} said: {r.choice(_OPENERS)}{words}{sep}"

    return _fill(unit, size)


def gen_apostrophes(size: int) -> str:
    """Apostrophes in every position a quote mark could be mistaken for one."""
    pieces = (
        "Cambodia's ",
        "don't ",
        "'90s ",
        "'em ",
        "O'Brien's ",
        "rock 'n' roll ",
        "countries' ",
        "the Smiths' ",
        "’tis ",
        "can’t ",
        "'",
        "’ ",
        "‘ ",
    )
    return _fill(lambda r: r.choice(pieces) + ("\n" if r.random() < 0.02 else ""), size)


def gen_colons_after_cues(size: int) -> str:
    """ "X said:" over and over, as sentences, as paragraphs and with no quote after."""

    def unit(r: random.Random) -> str:
        cue = r.choice(CUES)
        end = "\n" if r.random() < 0.5 else " "
        return f"{r.choice(TITLES)} {_name(r)} {_name(r)} {cue}:{end}"

    return _fill(unit, size)


def gen_giant_paragraph(size: int) -> str:
    """One paragraph of ordinary words, names, cues and quotes with no sentence end."""

    def unit(r: random.Random) -> str:
        choice = r.random()
        if choice < 0.05:
            return f'"{r.choice(WORDS)} {r.choice(WORDS)}," {r.choice(CUES)} {_name(r)} '
        if choice < 0.1:
            return f"{r.choice(TITLES)} {_name(r)} {r.choice(CUES)} "
        return r.choice(WORDS).rstrip(".") + (", " if r.random() < 0.1 else " ")

    return _fill(unit, size)


def gen_nested_marks(size: int) -> str:
    """Quotes nested deeper and deeper inside each other, then closed."""

    def unit(r: random.Random) -> str:
        depth = r.randint(1, 60)
        opens = [r.choice(('"', "“", "‘", "«", "'")) for _ in range(depth)]
        closes = {'"': '"', "“": "”", "‘": "’", "«": "»", "'": "'"}
        inner = " ".join(f"{o}{r.choice(WORDS)}" for o in opens)
        tail = "".join(closes[o] for o in reversed(opens)) if r.random() < 0.7 else ""
        return f"{_name(r)} said: {inner}{tail} {'.' if r.random() < 0.5 else ''}\n"

    return _fill(unit, size)


def gen_cues_without_quotes(size: int) -> str:
    """Cue verbs everywhere and not a single quote mark."""

    def unit(r: random.Random) -> str:
        return f"{r.choice(CUES)} {r.choice(PRONOUNS)} {r.choice(CUES)} that according to " + (
            "\n" if r.random() < 0.05 else ""
        )

    return _fill(unit, size)


def gen_name_chains(size: int) -> str:
    """Long runs of capitalised names and titles, each name new, with quotes among them."""

    def unit(r: random.Random) -> str:
        chain = " ".join(
            f"{r.choice(TITLES)} {_name(r)} {_name(r)}" if r.random() < 0.5 else _name(r)
            for _ in range(r.randint(2, 30))
        )
        if r.random() < 0.3:
            return f'"{r.choice(WORDS)} {r.choice(WORDS)}," said {chain}. '
        return chain + (".\n" if r.random() < 0.2 else ", ")

    return _fill(unit, size)


#: name -> generator(size) -> str, for the adversarial tests and the benchmark.
GENERATORS: dict[str, Callable[[int], str]] = {
    "quote_marks": gen_quote_marks,
    "unclosed": gen_unclosed,
    "apostrophes": gen_apostrophes,
    "colons_after_cues": gen_colons_after_cues,
    "giant_paragraph": gen_giant_paragraph,
    "nested_marks": gen_nested_marks,
    "cues_without_quotes": gen_cues_without_quotes,
    "name_chains": gen_name_chains,
}


def ordinary_news(size: int) -> str:
    """The seed articles repeated (as separate paragraphs) to ``size`` characters."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    body = "\n\n".join(seeds)
    copies = size // (len(body) + 2) + 1
    return "\n\n".join([body] * copies)[:size]
