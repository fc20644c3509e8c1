"""Large hostile inputs: correct output, and work that grows linearly with the input.

Timing lives in ``benchmarks/bench_adversarial.py``; here the checks are exact: every
generator's output is valid, the characters handed to the tokenizer (the pipeline's
inner loop) per input character stay flat as the input grows fourfold, and every
regular expression of the package keeps the rule written at the top of ``_text.py``.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import re._constants as _sre
import re._parser
from collections.abc import Iterator

import attrs
import pytest
import regex

import quotekit
from quotekit import _analysis, _furniture, _reported
from strategies import GENERATORS, check_quotes, ordinary_news

SIZE = 100_000


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
    for size in (20_000, 80_000):
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


# --- the regex rule (see the top of quotekit/_text.py), checked on every pattern --------


def _patterns() -> dict[str, re.Pattern[str] | regex.Pattern[str]]:
    """Every compiled pattern of the package: module constants, the cue pattern built
    from the lexicon, and the page-furniture rules read from data."""
    found: dict[str, re.Pattern[str] | regex.Pattern[str]] = {}

    def walk(obj: object, path: str) -> None:
        if isinstance(obj, (re.Pattern, regex.Pattern)):
            found[path] = obj
        elif isinstance(obj, (tuple, list)):
            for i, item in enumerate(obj):
                walk(item, f"{path}[{i}]")
        elif attrs.has(type(obj)):
            for field in attrs.fields(type(obj)):
                walk(getattr(obj, field.name), f"{path}.{field.name}")

    for info in pkgutil.iter_modules(quotekit.__path__):
        if info.name == "__main__":
            continue
        module = importlib.import_module(f"quotekit.{info.name}")
        for name, value in vars(module).items():
            walk(value, f"{info.name}.{name}")
    walk(_reported._cue_pattern(quotekit.default_lexicon()), "_reported._cue_pattern()")
    walk(_furniture.default_rules(), "_furniture.default_rules()")
    return found


PATTERNS = _patterns()
# Nested unbounded repeats that cannot backtrack: each repetition starts with a
# character the repeat before it cannot match.
SAFE_NESTED = {
    "_compare._WORD": "each (?:'...)* repetition starts with an apostrophe, outside the class",
}


def _problems(nodes: re._parser.SubPattern, inside_unbounded: bool) -> list[str]:
    problems = []
    for op, arg in nodes:
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            _low, high, sub = arg
            unbounded = high == _sre.MAXREPEAT
            if unbounded and inside_unbounded:
                problems.append("an unbounded repeat inside an unbounded repeat")
            problems += _problems(sub, inside_unbounded or unbounded)
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            _direction, sub = arg
            if sub.getwidth()[1] >= _sre.MAXREPEAT:
                problems.append("a look-around of unbounded width")
            problems += _problems(sub, inside_unbounded)
        elif op is _sre.SUBPATTERN:
            problems += _problems(arg[-1], inside_unbounded)
        elif op is _sre.ATOMIC_GROUP:
            problems += _problems(arg, inside_unbounded)
        elif op is _sre.BRANCH:
            for branch in arg[1]:
                problems += _problems(branch, inside_unbounded)
    return problems


def test_patterns_were_found() -> None:
    assert len(PATTERNS) >= 30
    assert any(name.startswith("_furniture.default_rules()") for name in PATTERNS)


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_follows_the_regex_rule(name: str) -> None:
    """No nested unbounded quantifiers and no unbounded look-arounds (the structure is
    read with the standard library's parser; regex-only classes become ``\\w``)."""
    pattern = PATTERNS[name]
    source = regex.sub(r"\\[pP]\{[^}]{1,40}\}", r"\\w", pattern.pattern)
    flags = pattern.flags & (re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE)
    problems = _problems(re._parser.parse(source, flags), False)
    if name in SAFE_NESTED:
        problems = [p for p in problems if "inside an unbounded" not in p]
    assert problems == [], f"{name}: {problems}"


_HOSTILE_RUNS = [
    GENERATORS[name](20_000)
    for name in ("quote_marks", "apostrophes", "giant_paragraph", "name_chains")
] + [
    "A" * 20_000,
    "a " * 10_000,
    "Mr. " * 5_000,
    ". " * 10_000,
    ": " * 10_000,
    "(" * 20_000,
    "\n" * 20_000,
    "said that " * 2_000,
    "ảnh " * 5_000,
    "| " * 10_000,
]


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_runs_over_hostile_input(name: str) -> None:
    """Each pattern scans 20 KB runs of the characters it is most likely to choke on."""
    pattern = PATTERNS[name]
    for text in _HOSTILE_RUNS:
        for _match in pattern.finditer(text):
            pass


@pytest.mark.parametrize(
    ("source", "bad"),
    [
        (r"(?:a+)+b", True),
        (r"(\w+\s?)*$", True),
        (r"(?<=\s*)x", True),
        (r"(?=[^.]*\.)x", True),
        (r"(?:[ ]\w{1,20}){1,4}", False),
        (r"(?<![\w])x(?=\s{0,3}y)", False),
        (r"[\w]+(?:'[\w]+){0,8}", False),
    ],
)
def test_the_rule_checker_itself(source: str, bad: bool) -> None:
    assert bool(_problems(re._parser.parse(source, 0), False)) is bad
