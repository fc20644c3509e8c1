"""The lexicon: data files, user extensions and their validation."""

from __future__ import annotations

import pytest

import quotekit


def test_default_lexicon_is_large_enough() -> None:
    lexicon = quotekit.default_lexicon()
    lemmas = {e.lemma for group in lexicon.cues.values() for e in group}
    assert len(lemmas) >= 150
    for form in ("said", "emphasised", "emphasized", "recalled", "made it clear", "according to"):
        words = form.split()
        assert lexicon.match_cue(words, 0) is not None, form


def test_a_new_cue_verb_attributes_quotes() -> None:
    text = '"The budget is a disgrace," harrumphed Ana Lopez.'
    assert all(q.speaker is None for q in quotekit.extract(text, include_terms=True))
    lexicon = quotekit.default_lexicon().extend(
        cues=[("harrumph", ["harrumph", "harrumphs", "harrumphed"], [])]
    )
    [quote] = quotekit.extract(text, config=quotekit.ExtractConfig(lexicon=lexicon))
    assert quote.speaker is not None and quote.speaker.name == "Ana Lopez"
    assert quote.cue is not None and quote.cue.lemma == "harrumph"


def test_an_extension_replaces_the_entry_for_an_existing_form() -> None:
    # Regression: the built-in entry used to win over the user's for the same form.
    lexicon = quotekit.default_lexicon().extend(cues=[("affirm", ["stated"], ["belief"])])
    entry = lexicon.match_cue(["stated"], 0)
    assert entry is not None
    assert (entry.lemma, entry.tags) == ("affirm", frozenset({"belief"}))
    assert quotekit.default_lexicon().match_cue(["stated"], 0).lemma == "state"  # type: ignore[union-attr]


def test_extended_titles_are_stripped() -> None:
    lexicon = quotekit.default_lexicon().extend(titles=[("Grand Vizier", "civil", "male")])
    text = '"We stand ready," said Grand Vizier Omar Haddad.'
    [quote] = quotekit.extract(text, config=quotekit.ExtractConfig(lexicon=lexicon))
    assert quote.speaker is not None
    assert quote.speaker.name == "Omar Haddad"
    assert quote.speaker.titles == ("Grand Vizier",)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"cues": [("", ["x"], [])]},
        {"cues": [("quip", ["quipped"], ["sarcastic"])]},
        {"titles": [("Baron", "royal", "unknown")]},
        {"titles": [("", "civil", "")]},
    ],
)
def test_bad_extensions_raise_lexicon_error(kwargs: dict[str, object]) -> None:
    with pytest.raises(quotekit.LexiconError):
        quotekit.default_lexicon().extend(**kwargs)  # type: ignore[arg-type]
