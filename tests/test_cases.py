"""The golden case corpus: every ``tests/cases/*.json`` case, checked quote by quote.

Each case is a short piece of news text written for this project, with the quotes
``extract()`` must return: exact offsets, kind, canonical speaker, ``via`` and flags
(see ``tests/cases/README.md``). Known failures carry an ``xfail`` reason and run as
strict expected failures, so a fix shows up as an unexpected pass.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import quotekit
from quotekit import QuoteKind

CASES_DIR = Path(__file__).resolve().parent / "cases"


# The flags a case may expect (``Quote.flags`` values; see docs/json-format.md).
FLAGS = {"unclosed", "unopened", "mismatched_marks", "multi_paragraph", "nested", "unmarked"}


# The corpora about reported speech: their cases list every quote, indirect ones
# included, so a case that expects none fails on any quote (a negative case).
REPORTED_FILES = ("reported.json", "reported_more.json")


def _load(*, with_xfail: bool) -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            case["all_kinds"] = path.name in REPORTED_FILES
            marks = []
            if with_xfail and case.get("xfail"):
                marks.append(pytest.mark.xfail(reason=case["xfail"], strict=True))
            params.append(pytest.param(case, id=f"{path.stem}:{case['id']}", marks=marks))
    return params


CASES = _load(with_xfail=True)
ALL_CASES = _load(with_xfail=False)


def _describe(quotes: list[quotekit.Quote]) -> list[tuple[Any, ...]]:
    return [
        (
            q.span.start,
            q.span.end,
            q.kind.value,
            q.speaker.name if q.speaker else None,
            q.via.name if q.via else None,
            q.flags,
        )
        for q in quotes
    ]


def test_the_corpus_is_not_empty() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", ALL_CASES)
def test_case_is_well_formed(case: dict[str, Any]) -> None:
    """The expected offsets point at the expected text (a check on the corpus itself)."""
    text = case["text"]
    assert isinstance(case["id"], str) and isinstance(text, str)
    for quote in case["quotes"]:
        start = quote["start"]
        end = quote.get("end", start + len(quote["text"]))
        assert text[start:end] == quote["text"]
        assert QuoteKind(quote["kind"])  # a known kind
        assert set(quote.get("flags", ())) <= FLAGS


@pytest.mark.parametrize("case", CASES)
def test_case(case: dict[str, Any]) -> None:
    text = case["text"]
    expected = case["quotes"]
    quotes = quotekit.extract(text, include_terms=bool(case.get("include_terms", False)))
    if not case["all_kinds"] and not any(e["kind"] == "indirect" for e in expected):
        # Cases about quote marks say nothing about reported speech around them.
        quotes = [q for q in quotes if q.kind is not QuoteKind.INDIRECT]
    got = _describe(quotes)
    assert len(quotes) == len(expected), got
    for want in expected:
        start = want["start"]
        end = want.get("end", start + len(want["text"]))
        matches = [q for q in quotes if (q.span.start, q.span.end) == (start, end)]
        assert matches, (want["text"], got)
        quote = matches[0]
        assert text[quote.span.start : quote.span.end] == want["text"]
        assert quote.kind.value == want["kind"], (want["text"], got)
        assert (quote.speaker.name if quote.speaker else None) == want["speaker"], got
        assert (quote.via.name if quote.via else None) == want.get("via"), got
        assert set(want.get("flags", ())) <= set(quote.flags), got
