"""The analysis hands out slices of a sentence's tokens only where a fresh tokenization
of the window gives exactly the same tokens (windows that cut a word, an abbreviation
or an acronym, or leave the sentence, are tokenized afresh)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quotekit import default_lexicon
from quotekit._analysis import analyse
from quotekit._text import make_view
from quotekit._tokens import tokenize
from strategies import texts

_TRICKY = (
    "Mr. Ana Lopez of the U.S. Navy said on Jan. 7 that the well-being of "
    "O'Brien's crew, 3.5 per cent, was “fine.” She left. J. Smith (R-Fla.) agreed."
)


def _check(text: str, windows: list[tuple[int, int]]) -> None:
    lexicon = default_lexicon()
    analysis = analyse(make_view(text), lexicon)
    view_text = analysis.text
    for sentence in analysis.sentences:
        analysis.sentence_tokens(sentence)
    for start, end in windows:
        assert analysis.tokens(start, end) == tokenize(view_text, start, end, lexicon)


def test_every_window_of_a_tricky_sentence() -> None:
    n = len(_TRICKY)
    _check(_TRICKY, [(a, b) for a in range(0, n + 1, 3) for b in range(a, n + 1, 2)])


@settings(max_examples=60, deadline=None)
@given(texts, st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1)), max_size=20))
def test_slices_equal_a_fresh_tokenization(text: str, cuts: list[tuple[float, float]]) -> None:
    n = len(make_view(text).text)
    windows = [(round(a * n), round(b * n)) for a, b in cuts]
    _check(text, [(min(a, b), max(a, b)) for a, b in windows])


def test_shared_tokens_are_not_changed_by_callers() -> None:
    analysis = analyse(make_view(_TRICKY), default_lexicon())
    sentence = analysis.sentences[0]
    tokens, _starts = analysis.sentence_tokens(sentence)
    before = list(tokens)
    window = analysis.tokens(sentence.start, sentence.end)
    window.clear()  # a caller's list is its own
    assert analysis.sentence_tokens(sentence)[0] == before


def test_the_memo_keeps_recent_sentences_only() -> None:
    # Regression: a 10 MB document kept every sentence's tokens alive until extract()
    # returned, and the garbage collector traversed them again and again.
    from quotekit._analysis import TOKEN_MEMO_SENTENCES

    text = " ".join(f"Sentence number {i} is here." for i in range(TOKEN_MEMO_SENTENCES + 50))
    lexicon = default_lexicon()
    analysis = analyse(make_view(text), lexicon)
    assert len(analysis.sentences) > TOKEN_MEMO_SENTENCES
    for sentence in analysis.sentences:
        analysis.sentence_tokens(sentence)
    first, last = analysis.sentences[0], analysis.sentences[-1]
    # The oldest sentence was dropped and is tokenized afresh, with the same tokens.
    assert analysis.tokens(first.start, first.end) == tokenize(
        analysis.text, first.start, first.end, lexicon
    )
    assert analysis.sentence_tokens(last)[0] == tokenize(
        analysis.text, last.start, last.end, lexicon
    )
    assert len(analysis._token_memo) <= TOKEN_MEMO_SENTENCES
