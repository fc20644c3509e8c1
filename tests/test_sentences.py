"""Sentence splitting: abbreviations, initials, decimals and quotes that end sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotekit import default_lexicon
from quotekit._model import Span
from quotekit._text import find_sentences


def _split(text: str) -> list[str]:
    spans = find_sentences(text, Span(0, len(text)), default_lexicon())
    return [text[s.start : s.end] for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # titles never end a sentence
        (
            "Mr. Smith met Gen. Lee and Lt. Col. Ray. They talked.",
            ["Mr. Smith met Gen. Lee and Lt. Col. Ray.", "They talked."],
        ),
        (
            "Ms. Sam said she was there. Dr. Ho agreed.",
            ["Ms. Sam said she was there.", "Dr. Ho agreed."],
        ),
        # dates and numbers
        (
            "The vote is on Jan. 7 in Phnom Penh. It is early.",
            ["The vote is on Jan. 7 in Phnom Penh.", "It is early."],
        ),
        (
            "He lives at No. 5 Main Street. She does not.",
            ["He lives at No. 5 Main Street.", "She does not."],
        ),
        (
            "Prices rose 3.5 percent. Wages fell 1.2 percent.",
            ["Prices rose 3.5 percent.", "Wages fell 1.2 percent."],
        ),
        # initials
        (
            "George W. Bush spoke first. Then Obama spoke.",
            ["George W. Bush spoke first.", "Then Obama spoke."],
        ),
        ("J. R. R. Tolkien wrote it.", ["J. R. R. Tolkien wrote it."]),
        # acronyms with dots: inside a sentence, and ending one
        ("The U.S. Army said nothing.", ["The U.S. Army said nothing."]),
        (
            "He moved to the U.S. The next year he left.",
            ["He moved to the U.S.", "The next year he left."],
        ),
        ("Acme Inc. said profits rose.", ["Acme Inc. said profits rose."]),
        (
            "They sell apples, pears, etc. The list goes on.",
            ["They sell apples, pears, etc.", "The list goes on."],
        ),
        ("It starts at 5 p.m. He will be late.", ["It starts at 5 p.m.", "He will be late."]),
        # words that are abbreviations only in some uses
        ("He said no. Then he left.", ["He said no.", "Then he left."]),
        ("She sat. The room was quiet.", ["She sat.", "The room was quiet."]),
        ("They met on Sat. Jan. 5 at noon.", ["They met on Sat. Jan. 5 at noon."]),
        # quotation marks that end sentences
        ("He said, “It is over.” Then he left.", ["He said, “It is over.”", "Then he left."]),
        ('She said, "We won." "Good," he said.', ['She said, "We won."', '"Good," he said.']),
        ("“Is it over?” he asked. Nobody knew.", ["“Is it over?” he asked.", "Nobody knew."]),
        ("It was a “disaster”. Nobody denied it.", ["It was a “disaster”.", "Nobody denied it."]),
        # ellipsis and other terminal punctuation
        (
            "Wait... Then it came! Why? Nobody knows.",
            ["Wait...", "Then it came!", "Why?", "Nobody knows."],
        ),
        # no boundary before lower case
        ("He said the U.S. economy grew. Fine.", ["He said the U.S. economy grew.", "Fine."]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


def test_sentences_stay_inside_their_paragraph() -> None:
    text = "First one. Second one.\n\nThird one."
    paragraph = Span(0, len("First one. Second one."))
    spans = find_sentences(text, paragraph, default_lexicon())
    assert [text[s.start : s.end] for s in spans] == ["First one.", "Second one."]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab AB.!?“”\"'0123\n.Mr.U.S.")), max_size=80))
def test_sentences_tile_the_paragraph(text: str) -> None:
    """Sentences are ordered, disjoint, trimmed and inside the paragraph, for any text."""
    spans = find_sentences(text, Span(0, len(text)), default_lexicon())
    last = 0
    for span in spans:
        assert last <= span.start < span.end <= len(text)
        last = span.end
