"""extract(): input types, offsets into the caller's string, options."""

from __future__ import annotations

import pytest

import quotekit
from quotekit import QuoteKind


def test_non_str_raises_a_type_error_naming_the_type() -> None:
    with pytest.raises(quotekit.InputTypeError) as info:
        quotekit.extract(b"bytes")  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)
    assert "bytes" in str(info.value)
    assert info.value.value == b"bytes"


def test_bad_config_type() -> None:
    with pytest.raises(quotekit.InputTypeError):
        quotekit.extract("x", config={"include_terms": True})  # type: ignore[arg-type]


def test_bad_min_confidence() -> None:
    with pytest.raises(quotekit.ConfigError):
        quotekit.ExtractConfig(min_confidence=2)


@pytest.mark.parametrize("text", ["", " ", "\n\n", '"', "“", "”", "'", "a'b", "\ud800", "\x00"])
def test_degenerate_inputs_do_not_raise(text: str) -> None:
    for quote in quotekit.extract(text, include_terms=True):
        assert 0 <= quote.span.start <= quote.span.end <= len(text)


def test_offsets_survive_crlf_and_invisible_characters() -> None:
    text = "Intro line.\r\n\u200bHun\u00a0Sen said: \u201cWe\u200b will win.\u201d\r\n"
    [quote] = quotekit.extract(text)
    assert text[quote.span.start : quote.span.end] == "We\u200b will win."
    assert quote.text == "We will win."
    assert quote.speaker is not None and quote.speaker.name == "Hun Sen"
    assert quote.speaker.span is not None
    assert text[quote.speaker.span.start : quote.speaker.span.end] == "Hun\u00a0Sen"


def test_terms_are_left_out_unless_asked() -> None:
    text = "The regime set up the so-called \u201cDemocratic Kampuchea\u201d in 1975."
    assert quotekit.extract(text) == []
    [term] = quotekit.extract(text, include_terms=True)
    assert term.kind is QuoteKind.TERM
    assert term.text == "Democratic Kampuchea"


def test_min_confidence_filters() -> None:
    text = '"This was never about money, and it never will be."'
    assert quotekit.extract(text)
    assert quotekit.extract(text, config=quotekit.ExtractConfig(min_confidence=0.95)) == []


def test_doc_id_is_carried() -> None:
    [quote] = quotekit.extract('"We are ready," said Ana Lopez.', doc_id="a1")
    assert quote.doc_id == "a1"


def test_speaker_mention_excludes_the_sentence_full_stop() -> None:
    # Regression: "Sen." is an abbreviation for the tokenizer, so the sentence's full
    # stop used to end up inside the mention and its span.
    text = '"We will not give up on the reforms," said Hun Sen.'
    [quote] = quotekit.extract(text)
    assert quote.speaker is not None and quote.speaker.span is not None
    assert text[quote.speaker.span.start : quote.speaker.span.end] == "Hun Sen"
    assert quote.speaker.mention == "Hun Sen"


def test_name_suffix_keeps_a_family_name_that_is_a_title() -> None:
    # Regression: "King" is a royal title; before "Jr." it is part of the name.
    text = '"We are ready," said Martin Luther King Jr. at the rally.'
    [quote] = quotekit.extract(text)
    assert quote.speaker is not None
    assert quote.speaker.mention == "Martin Luther King Jr."
    assert quote.speaker.name.startswith("Martin Luther King")
    assert quote.speaker.titles == ()
