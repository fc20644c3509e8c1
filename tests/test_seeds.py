"""The five seed articles: the quotes they are known to contain (see seeds/README.md).

The seeds are examples of general phenomena; every rule exercised here is also
covered by sentences of our own in the case corpus.
"""

from __future__ import annotations

import pytest

import quotekit
from quotekit import QuoteKind

Seeds = dict[str, tuple[str, list[quotekit.Quote]]]


def _find(seeds: Seeds, seed: str, start: str) -> quotekit.Quote:
    _text, quotes = seeds[seed]
    matches = [q for q in quotes if q.text.startswith(start)]
    assert len(matches) == 1, [q.text[:40] for q in quotes]
    return matches[0]


def test_offsets_point_at_the_raw_content(seed_quotes: Seeds) -> None:
    for text, quotes in seed_quotes.values():
        for quote in quotes:
            raw = text[quote.span.start : quote.span.end]
            assert quotekit.normalise_quote_text(raw) == quote.text
            assert raw == raw.strip()
            if quote.speaker is not None and quote.speaker.span is not None:
                span = quote.speaker.span
                assert quotekit.normalise_quote_text(text[span.start : span.end]) == (
                    quote.speaker.mention
                )


@pytest.mark.parametrize(
    ("seed", "start", "kind", "speaker", "via"),
    [
        ("000", "precious bilateral relationship", QuoteKind.PARTIAL, "Khmer Times", None),
        ("000", "second birthday", QuoteKind.PARTIAL, "Hun Sen", "Khmer Times"),
        ("000", "has been recorded by history", QuoteKind.PARTIAL, "Hun Sen", "Khmer Times"),
        ("001", "We consider that", QuoteKind.DIRECT, "Tea Banh", None),
        ("001", "During extremely tragic years", QuoteKind.DIRECT, "Pracheachon", None),
        (
            "002",
            "During the extremely tragic years",
            QuoteKind.DIRECT,
            "a newspaper of the Cambodian People's Revolutionary Party",
            None,
        ),
        ("003", "Based on the political", QuoteKind.DIRECT, "Hun Sen", None),
        ("003", "The Pol Pot genocidal regime", QuoteKind.DIRECT, "Chhay Yi Heang", None),
        ("004", "We should continue", QuoteKind.DIRECT, "Pham Van Dy", None),
        ("004", "The January 7th, 1979 victory saved", QuoteKind.BLOCK, "Heng Samrin", None),
        ("004", "The January 7th, 1979 victory is", QuoteKind.BLOCK, "Sam Sitha", None),
        ("004", "I understand the relationship", QuoteKind.DIRECT, "Chum Mey", None),
    ],
)
def test_seed_quotes(
    seed_quotes: Seeds,
    seed: str,
    start: str,
    kind: QuoteKind,
    speaker: str,
    via: str | None,
) -> None:
    quote = _find(seed_quotes, seed, start)
    assert quote.kind is kind
    assert quote.speaker is not None
    assert quote.speaker.name == speaker
    assert (quote.via.name if quote.via else None) == via
    assert quote.cue is not None


@pytest.mark.parametrize(
    ("seed", "start"),
    [
        ("003", "Democratic Kampuchea"),
        ("003", "helping others is helping ourselves"),
        ("003", "national animosity"),
        ("004", "The victory song"),
    ],
)
def test_seed_terms(seed_quotes: Seeds, seed: str, start: str) -> None:
    assert _find(seed_quotes, seed, start).kind is QuoteKind.TERM


def test_seed_irregular_marks_are_flagged(seed_quotes: Seeds) -> None:
    assert "mismatched_marks" in _find(seed_quotes, "001", "During extremely").flags
    assert "unopened" in _find(seed_quotes, "004", "The January 7th, 1979 victory saved").flags
    assert "unmarked" in _find(seed_quotes, "004", "The January 7th, 1979 victory is").flags


def test_ellipsis_and_nbsp_inside_quotes(seed_quotes: Seeds) -> None:
    hun_sen = _find(seed_quotes, "003", "Based on the political")
    assert "at the time... the only country" in hun_sen.text
    block = _find(seed_quotes, "004", "The January 7th, 1979 victory saved")
    assert "\u00a0" not in block.text and "victory saved" in block.text


def test_no_quote_from_captions_or_furniture(seed_quotes: Seeds) -> None:
    for text, quotes in seed_quotes.values():
        for quote in quotes:
            line_start = text.rfind("\n", 0, quote.span.start) + 1
            line = text[line_start : text.find("\n", quote.span.end) % (len(text) + 1)]
            assert "Font Size" not in line
            assert "(Photo:" not in line
