"""Extraction options: one frozen object with defaults, like ftfy's ``TextFixerConfig``."""

from __future__ import annotations

import attrs

from ._lexicon import Lexicon, default_lexicon
from .errors import ConfigError, InputTypeError


def _lexicon_type(_inst: object, _attr: object, value: object) -> None:
    if not isinstance(value, Lexicon):
        raise InputTypeError("ExtractConfig.lexicon", "a Lexicon", value)


@attrs.frozen
class ExtractConfig:
    """Options for :func:`quotekit.extract`.

    - ``include_terms``: also return scare quotes, titles and names in marks (kind ``term``).
    - ``include_indirect``: return reported speech ("X said that ...") as ``indirect`` quotes.
    - ``include_blocks``: return block quotes introduced by "X said:".
    - ``min_confidence``: drop quotes whose confidence is below this value.
    - ``lexicon``: cue verbs, titles and word lists; extend with :meth:`Lexicon.extend`.
    """

    include_terms: bool = False
    include_indirect: bool = True
    include_blocks: bool = True
    min_confidence: float = attrs.field(default=0.0)
    lexicon: Lexicon = attrs.field(factory=default_lexicon, validator=_lexicon_type)

    @min_confidence.validator
    def _check_confidence(self, _attr: object, value: float) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise InputTypeError("ExtractConfig.min_confidence", "a number", value)
        if not 0.0 <= value <= 1.0:
            raise ConfigError("ExtractConfig.min_confidence", "must be in [0, 1]", value)
