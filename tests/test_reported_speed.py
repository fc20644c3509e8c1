"""Fast paths of the reported-speech stage (``_reported``) against the plain readings
they replace: each must give exactly what the plain code gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quotekit import _reported, default_lexicon
from quotekit._attribution import Mention
from quotekit._tokens import Token, tokenize
from strategies import any_text, news_text

_LEXICON = default_lexicon()


def _plain_mention_text(tokens: list[Token], mention: Mention) -> str:
    return " ".join(t.text for t in tokens if mention.start <= t.start and t.end <= mention.end)


@settings(max_examples=300, deadline=None)
@given(st.one_of(news_text(), any_text), st.floats(0, 1), st.floats(0, 1), st.floats(0, 1))
def test_mention_text_is_the_words_inside_the_mention(
    text: str, window: float, a: float, b: float
) -> None:
    # _mention_text bisects to the mention's first token instead of filtering them all;
    # mentions may start or end inside a token, or outside the tokens read.
    tokens = tokenize(text, round(window * len(text)), len(text), _LEXICON)
    lo, hi = sorted((round(a * len(text)), round(b * len(text))))
    mention = Mention(lo, hi, "name")
    assert _reported._mention_text(tokens, mention) == _plain_mention_text(tokens, mention)
    for tok in tokens[:20]:  # mentions on token edges, as the rules make them
        mention = Mention(tok.start, max(tok.end, hi), "name")
        assert _reported._mention_text(tokens, mention) == _plain_mention_text(tokens, mention)
