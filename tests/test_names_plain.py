"""The fast path for plain names ("Ana Lopez") gives what the full name grammar gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotekit
from quotekit import SpeakerKind
from quotekit._names import (
    _MARKING_FUNCTION_WORDS,
    _MARKING_NAME_WORDS,
    _name_word_table,
    _parsed,
    _plain_name,
    parse_mention,
)

LEXICON = quotekit.default_lexicon()
EXTENDED = LEXICON.extend(titles=[("Bhante", "religious", "male")], org_words=["Collective"])

_ORDINARY = ("Ana", "Lopez", "Sant", "Singh", "Chatwal", "Jean-Pierre", "Nguyễn", "McDonald")
_OTHER = ("NGUYEN", "O'Brien", "Sen's", "Workers'", "Republicans", "7", "A", "X2", "Ǆemal")


def _marking(lexicon: quotekit.Lexicon) -> list[str]:
    words = [w for c in _MARKING_FUNCTION_WORDS for w in lexicon.function_words.get(c, ())]
    words += [w for c in _MARKING_NAME_WORDS for w in _name_word_table().get(c, ())]
    words += [e.words[0] for group in lexicon.titles.values() for e in group]
    words += list(lexicon.org_words)
    return sorted(set(words))


def _word(lexicon: quotekit.Lexicon) -> st.SearchStrategy[str]:
    special = st.sampled_from(_marking(lexicon)).flatmap(
        lambda w: st.sampled_from([w, w.lower(), w.capitalize(), w.upper()])
    )
    return st.one_of(st.sampled_from(_ORDINARY), st.sampled_from(_OTHER), special)


def _agrees(words: list[str], lexicon: quotekit.Lexicon) -> None:
    mention = " ".join(words)
    fast = _plain_name(mention, words, lexicon)
    if fast is not None:
        assert fast == _parsed([words], None, mention, lexicon)


@settings(max_examples=500, deadline=None)
@given(st.lists(_word(LEXICON), min_size=1, max_size=6))
def test_plain_names_parse_as_the_grammar_parses_them(words: list[str]) -> None:
    _agrees(words, LEXICON)


@settings(max_examples=200, deadline=None)
@given(st.lists(_word(EXTENDED), min_size=1, max_size=6))
def test_plain_names_follow_an_extended_lexicon(words: list[str]) -> None:
    _agrees(words, EXTENDED)


@pytest.mark.parametrize(
    ("mention", "kind"),
    [
        ("Ana Lopez", SpeakerKind.PERSON),
        ("Sant Singh Chatwal", SpeakerKind.PERSON),
        ("Jean-Pierre Nguyễn", SpeakerKind.PERSON),
        ("Lopez", SpeakerKind.UNKNOWN),
        ("Ana Maria Lopez Garcia Vega", SpeakerKind.UNKNOWN),
    ],
)
def test_ordinary_names_take_the_fast_path(mention: str, kind: SpeakerKind) -> None:
    fast = _plain_name(mention, mention.split(" "), LEXICON)
    assert fast is not None
    assert fast.kind is kind
    assert fast == _parsed([mention.split(" ")], None, mention, LEXICON)
    assert parse_mention(mention, LEXICON) == fast


@pytest.mark.parametrize(
    "mention",
    ["The Khmer Times", "Mr Lopez", "Ana Lopez Monday", "HUN SEN", "Lopez's", "Republicans"],
)
def test_marked_names_take_the_grammar(mention: str) -> None:
    assert _plain_name(mention, mention.split(" "), LEXICON) is None


def test_a_title_added_to_the_lexicon_is_read() -> None:
    assert _plain_name("Bhante Sujato", ["Bhante", "Sujato"], LEXICON) is not None
    assert _plain_name("Bhante Sujato", ["Bhante", "Sujato"], EXTENDED) is None
    assert parse_mention("Bhante Sujato", EXTENDED).name == "Sujato"
