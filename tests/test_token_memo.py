"""The analysis hands out slices of a sentence's tokens only where a fresh tokenization
of the window gives exactly the same tokens (windows that cut a word, an abbreviation
or an acronym, or leave the sentence, are tokenized afresh)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quotekit import Span, default_lexicon
from quotekit._analysis import Analysis, analyse
from quotekit._text import make_view
from quotekit._tokens import Token, tokenize
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
    from quotekit._analysis import TOKEN_MEMO_TOKENS

    count = TOKEN_MEMO_TOKENS // 6 + 50  # each sentence is six tokens
    text = " ".join(f"Sentence number {i} is here." for i in range(count))
    lexicon = default_lexicon()
    analysis = analyse(make_view(text), lexicon)
    assert len(analysis.sentences) == count
    for sentence in analysis.sentences:
        analysis.sentence_tokens(sentence)
    first, last = analysis.sentences[0], analysis.sentences[-1]
    # The oldest sentence was dropped and is tokenized afresh, with the same tokens.
    assert first.start not in analysis._token_memo
    assert analysis.tokens(first.start, first.end) == tokenize(
        analysis.text, first.start, first.end, lexicon
    )
    assert analysis.sentence_tokens(last)[0] == tokenize(
        analysis.text, last.start, last.end, lexicon
    )
    assert sum(len(t) for t, _ in analysis._token_memo.values()) <= TOKEN_MEMO_TOKENS


def test_the_memo_is_bounded_in_tokens_for_huge_sentences() -> None:
    # Regression: the bound counted sentences, and one paragraph with no sentence end is
    # a few huge sentences: 512 of them kept 1.9 million tokens alive on 10 MB.
    from quotekit._analysis import TOKEN_MEMO_TOKENS

    clause = "the committee met again and nobody said anything new, "
    text = "\n\n".join(clause * 400 for _ in range(12))  # 12 paragraphs, no full stop
    lexicon = default_lexicon()
    analysis = analyse(make_view(text), lexicon)
    for sentence in analysis.sentences:
        tokens, _starts = analysis.sentence_tokens(sentence)
        assert tokens == tokenize(analysis.text, sentence.start, sentence.end, lexicon)
    kept = sum(len(t) for t, _ in analysis._token_memo.values())
    assert 0 < kept <= max(TOKEN_MEMO_TOKENS, max(len(t) for t, _ in analysis._token_memo.values()))
    assert kept < sum(
        len(tokenize(analysis.text, s.start, s.end, lexicon)) for s in analysis.sentences
    )


_PIECES = st.sampled_from(
    ["Mr.", "Ana", "U.S.", "O'Brien's", "well-being", "3.5", ",", "“fine”", "—", "said", "x"]
)
_GAPS = st.lists(st.sampled_from([" ", "  ", "\t", ""]), min_size=1, max_size=40)


def _joined(pieces: list[str], gaps: list[str]) -> str:
    return "".join(p + gaps[k % len(gaps)] for k, p in enumerate(pieces))


def _window_of_longest_sentence(
    analysis: Analysis, offset: int, width: int
) -> tuple[Span, int, int, list[Token]]:
    """The longest sentence, a window ``[start, end)`` in it, and the tokens that the
    whole sentence's tokenization has inside that window."""
    sentence = max(analysis.sentences, key=lambda s: s.end - s.start)
    start = sentence.start + offset % max(1, sentence.end - sentence.start)
    end = min(sentence.end, start + width)
    whole = tokenize(analysis.text, sentence.start, sentence.end, analysis.lexicon)
    return sentence, start, end, [t for t in whole if t.start >= start and t.end <= end]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(_PIECES, min_size=1, max_size=40),
    _GAPS,
    st.integers(0, 10_000),
    st.integers(0, 5_000),
)
def test_windows_of_a_huge_sentence_are_its_tokens(
    pieces: list[str], gaps: list[str], offset: int, width: int
) -> None:
    # A paragraph with no sentence end is one huge sentence: its windows are tokenized
    # on their own, and must hold exactly the tokens the whole sentence's
    # tokenization has there (including windows that cut a word or an abbreviation).
    from quotekit._analysis import HUGE_SENTENCE

    unit = _joined(pieces, gaps) + " "
    text = unit * (3 * HUGE_SENTENCE // len(unit) + 2)  # several blocks
    analysis = analyse(make_view(text), default_lexicon())
    sentence, start, end, expected = _window_of_longest_sentence(analysis, offset, width)
    assert analysis.tokens_within(sentence, start, end) == expected


@settings(max_examples=80, deadline=None)
@given(
    st.lists(_PIECES, min_size=4, max_size=60),
    _GAPS,
    st.integers(0, 2_000),
    st.integers(0, 300),
)
def test_a_first_short_window_is_tokenized_alone_with_the_same_tokens(
    pieces: list[str], gaps: list[str], offset: int, width: int
) -> None:
    # The first window read in a sentence is tokenized on its own (from white space to
    # white space); it must hold the tokens the whole sentence's tokenization has there.
    analysis = analyse(make_view(_joined(pieces, gaps)), default_lexicon())
    if not analysis.sentences:
        return
    sentence, start, end, expected = _window_of_longest_sentence(analysis, offset, width)
    assert analysis.tokens_within(sentence, start, end) == expected  # first: alone
    assert analysis.tokens_within(sentence, start, end) == expected  # then: the memo
