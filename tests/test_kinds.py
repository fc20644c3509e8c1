"""Kinds of quotes in marks: statements, fragments and terms."""

from __future__ import annotations

import pytest

import quotekit
from quotekit import QuoteKind
from quotekit._kinds import looks_like_title


def kinds(text: str) -> list[tuple[str, QuoteKind]]:
    return [(q.text, q.kind) for q in quotekit.extract(text, include_terms=True)]


@pytest.mark.parametrize(
    ("text", "content", "kind"),
    [
        ("“We will win,” said Mayor Ana Ruiz.", "We will win,", QuoteKind.DIRECT),
        ("Mayor Ana Ruiz said: “We will win the vote.”", "We will win the vote.", QuoteKind.DIRECT),
        (
            "Mayor Ana Ruiz called the vote “a turning point” on Friday.",
            "a turning point",
            QuoteKind.PARTIAL,
        ),
        (
            "The reform is “a long overdue step,” said economist Priya Nair.",
            "a long overdue step,",
            QuoteKind.PARTIAL,
        ),
        ("The so-called “peace dividend” never came.", "peace dividend", QuoteKind.TERM),
        ("They published a report entitled “Water for All”.", "Water for All", QuoteKind.TERM),
        ("A column headlined “Why we fight” ran on Monday.", "Why we fight", QuoteKind.TERM),
        ("The ferry, dubbed “Blue Star”, sails today.", "Blue Star", QuoteKind.TERM),
        ("The law, known as “the data act”, passed.", "the data act", QuoteKind.TERM),
        ("They marched under the slogan “bread and work”.", "bread and work", QuoteKind.TERM),
        ("She spoke on CNN's “Morning Report” about it.", "Morning Report", QuoteKind.TERM),
        ("Nobody believes the “reforms” will last.", "reforms", QuoteKind.TERM),
    ],
)
def test_kind(text: str, content: str, kind: QuoteKind) -> None:
    assert (content, kind) in kinds(text)


def test_a_naming_verb_after_a_speaker_is_speech() -> None:
    # "a website called “X”" names a thing; "what Okafor called “X”" quotes Okafor.
    assert ("Clean Air", QuoteKind.TERM) in kinds("He runs a website called “Clean Air” now.")
    quotes = quotekit.extract("It is what Senator Ada Okafor called “a cash grab.”")
    assert [q.kind for q in quotes] == [QuoteKind.PARTIAL]
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Ada Okafor"


def test_terms_are_left_out_unless_asked() -> None:
    text = "The so-called “peace dividend” never came."
    assert quotekit.extract(text) == []
    assert [q.kind for q in quotekit.extract(text, include_terms=True)] == [QuoteKind.TERM]


def test_a_term_has_no_speaker() -> None:
    [term] = quotekit.extract(
        "Minister Lea Roth presented a plan entitled “Roads for All” on Monday.",
        include_terms=True,
    )
    assert term.kind is QuoteKind.TERM and term.speaker is None


def test_a_short_whole_sentence_is_a_statement() -> None:
    text = "Mayor Ana Ruiz said the accounts were ready. “The budget is balanced.”"
    marked = [q for q in quotekit.extract(text) if q.kind is not QuoteKind.INDIRECT]
    assert [q.kind for q in marked] == [QuoteKind.DIRECT]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("The Art of the Deal", True),
        ("Meet the Press", True),
        ("Water for Every Village", True),
        ("a turning point", False),
        ("We Swiss are tired", False),
        ("Is It Over?", False),
        ("Safety", False),
        ("", False),
    ],
)
def test_looks_like_title(content: str, expected: bool) -> None:
    assert looks_like_title(content) is expected
