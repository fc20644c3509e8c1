"""The name grammar's short cuts read what its long way reads: the titles at each word
once, and the words of a dotted ASCII mention without the tokenizer."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotekit
from quotekit._names import (
    _dotted_words,
    _split,
    _title_entries,
    _without_parentheses,
    parse_mention,
)
from quotekit._tokens import tokenize
from test_names_plain import _ORDINARY, _OTHER, _marking

LEXICON = quotekit.default_lexicon()
EXTENDED = LEXICON.extend(
    titles=[("Bhante", "religious", "male"), ("Vice Prime Minister", "civil", "")],
    abbreviations=["Bh."],
)
_DOTTED = ("Mr.", "Dr.", "Gen.", "Lt.", "Sen.", "Jr.", "A.", "a.", "X2.", "1979.", "Lopez.")
_ODD = ("H.E.", "U.S.", "(CPP)", ",", "O'Brien.", "Sen's", ".", "", "Nguyễn.", "co-op.")


def _word(lexicon: quotekit.Lexicon) -> st.SearchStrategy[str]:
    special = st.sampled_from(_marking(lexicon)).flatmap(
        lambda w: st.sampled_from([w, w.lower(), w.capitalize(), w.upper(), w + "."])
    )
    plain = st.sampled_from(_ORDINARY + _OTHER).flatmap(lambda w: st.sampled_from([w, w + "."]))
    return st.one_of(plain, st.sampled_from(_DOTTED + _ODD), special)


@settings(max_examples=400, deadline=None)
@given(st.lists(_word(LEXICON), min_size=1, max_size=8), st.booleans())
def test_the_titles_at_each_word_are_the_titles_matched_there(
    words: list[str], extended: bool
) -> None:
    lexicon = EXTENDED if extended else LEXICON
    assert _title_entries(words, lexicon) == [
        lexicon.match_title(words, k) for k in range(len(words))
    ]


def _tokenized(mention: str, lexicon: quotekit.Lexicon) -> list[list[str]]:
    tokens, acronym = _without_parentheses(tokenize(mention, 0, len(mention), lexicon), lexicon)
    assert acronym is None
    return _split(tokens)


@settings(max_examples=600, deadline=None)
@given(st.lists(_word(LEXICON), min_size=1, max_size=8), st.booleans())
def test_dotted_words_are_the_words_of_the_tokens(words: list[str], extended: bool) -> None:
    lexicon = EXTENDED if extended else LEXICON
    mention = " ".join(words)
    fast = _dotted_words(mention, mention.split(" "), lexicon)
    if fast is not None:
        assert [fast] == _tokenized(mention, lexicon)


@pytest.mark.parametrize(
    ("mention", "words"),
    [
        ("Mr. Ana Lopez", ["Mr.", "Ana", "Lopez"]),
        ("Dr. Lony Danphetor Nylolo.", ["Dr.", "Lony", "Danphetor", "Nylolo"]),
        ("Ana Lopez Mr.", ["Ana", "Lopez", "Mr"]),  # a name ends a mention, not a title
        ("John F. Kennedy", ["John", "F.", "Kennedy"]),  # an initial keeps its stop
        ("Ana A.", ["Ana", "A."]),
        ("Lopez. Ana", ["Lopez", "Ana"]),  # no abbreviation: the stop is no word
    ],
)
def test_dotted_mentions(mention: str, words: list[str]) -> None:
    assert (
        _dotted_words(mention, mention.split(" "), LEXICON)
        == words
        == _tokenized(mention, LEXICON)[0]
    )


@pytest.mark.parametrize(
    "mention", ["H.E. Hun Sen", "Hun Sen (CPP)", "Mr.  Lopez", "Nguyễn. Ana", "Sen. O'Brien", "."]
)
def test_other_mentions_are_tokenized(mention: str) -> None:
    assert _dotted_words(mention, mention.split(" "), LEXICON) is None


def test_a_dotted_mention_parses_as_before() -> None:
    parsed = parse_mention("Mr. Torchea Misa Senator Dansa Kaphe Samdech", LEXICON)
    assert (parsed.name, parsed.titles) == ("Dansa Kaphe Samdech", ("Mr.", "Senator"))
