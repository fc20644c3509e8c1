"""Large hostile inputs: correct output, and work that grows linearly with the input.

Timing lives in ``benchmarks/bench_adversarial.py``; here the checks are exact: every
generator's output is valid, and the characters handed to the tokenizer (the pipeline's
inner loop) per input character stay flat as the input grows fourfold.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import quotekit
from quotekit import _analysis
from strategies import GENERATORS, check_quotes, ordinary_news

SIZE = 120_000


@pytest.fixture(scope="module", params=sorted(GENERATORS))
def generated(request: pytest.FixtureRequest) -> tuple[str, str]:
    name = request.param
    return name, GENERATORS[name](SIZE)


def test_generators_make_what_they_say() -> None:
    for name, make in GENERATORS.items():
        text = make(5000)
        assert len(text) == 5000, name
    assert set(GENERATORS["quote_marks"](5000)) <= set("\"“”„‟«»'‘’‚‛‹› \n")
    assert "\n" not in GENERATORS["giant_paragraph"](5000)
    assert not set("\"“”„«»'‘’‚‹›") & set(GENERATORS["cues_without_quotes"](5000))


def test_valid_quotes_on_hostile_input(generated: tuple[str, str]) -> None:
    name, text = generated
    quotes = quotekit.extract(text, include_terms=True)
    check_quotes(text, quotes)
    if name == "quote_marks":
        assert quotes == []  # marks alone quote nothing
    if name == "cues_without_quotes":
        assert all(q.kind is quotekit.QuoteKind.INDIRECT for q in quotes)


class _CountingTokenizer:
    """Wraps the tokenizer and counts the characters it is asked to read."""

    def __init__(self) -> None:
        self.chars = 0
        self._real = _analysis.tokenize

    def __call__(self, text: str, start: int, end: int, lexicon: object) -> object:
        self.chars += max(0, end - start)
        return self._real(text, start, end, lexicon)  # type: ignore[arg-type]


@pytest.fixture
def counter(monkeypatch: pytest.MonkeyPatch) -> Iterator[_CountingTokenizer]:
    counting = _CountingTokenizer()
    monkeypatch.setattr(_analysis, "tokenize", counting)
    yield counting


@pytest.mark.parametrize("name", [*sorted(GENERATORS), "ordinary_news"])
def test_tokenizer_work_is_linear(name: str, counter: _CountingTokenizer) -> None:
    """Regression: every quote in a giant sentence re-read the whole sentence before it
    (quadratic); the windows are bounded now, so work per character stays flat."""
    make = ordinary_news if name == "ordinary_news" else GENERATORS[name]
    per_char = []
    for size in (25_000, 100_000):
        counter.chars = 0
        quotekit.extract(make(size))
        per_char.append(counter.chars / size)
    assert per_char[1] <= 30, per_char
    assert per_char[1] <= per_char[0] * 1.25 + 0.5, per_char


def test_attribution_still_found_in_a_giant_sentence() -> None:
    filler = "and the council talked about the bridge " * 2000
    text = f'Mayor Ana Lopez said on Monday {filler}that "we will rebuild it next year" {filler}'
    [quote] = [q for q in quotekit.extract(text) if q.text.startswith("we will")]
    assert quote.raw(text) == "we will rebuild it next year"
    text = f'{filler}, and Mayor Ana Lopez said: "We will rebuild it next year" {filler}'
    [quote] = [q for q in quotekit.extract(text) if q.text.startswith("We will")]
    assert quote.speaker is not None and quote.speaker.name == "Ana Lopez"


def test_wordless_marks_are_not_quotes() -> None:
    """Regression: a span of nothing but punctuation was a candidate quote, and each
    one cost a full attribution search."""
    text = 'Ana Lopez said: "…" and then "?!" and “ — ”, and "We will rebuild," she said.'
    quotes = quotekit.extract(text, include_terms=True)
    assert [q.text for q in quotes] == ["We will rebuild,"]
    assert quotekit.extract('He wrote "$100" and "😀".', include_terms=True) != []


def test_quote_inside_a_block_quote_stays_part_of_it() -> None:
    text = (
        "Lieutenant General Pham Van Dy said at the meeting:\n\n"
        "“We will keep our promise. As the old saying goes, ‘a friend in need is a "
        "friend indeed’, and we mean it for both nations.”\n"
    )
    quotes = quotekit.extract(text, include_terms=True)
    assert [q.kind for q in quotes] == [quotekit.QuoteKind.BLOCK]
