"""The public API is exactly what ``__all__`` says, and nothing private leaks."""

from __future__ import annotations

import quotekit

EXPECTED = {
    "AlignmentOp",
    "Comparison",
    "QuoteCluster",
    "QuoteIndex",
    "Relation",
    "cluster",
    "compare",
    "SCHEMA_VERSION",
    "Attribution",
    "ConfigError",
    "Cue",
    "Document",
    "Furniture",
    "FurnitureKind",
    "Evaluation",
    "ExtractConfig",
    "InputTypeError",
    "Lexicon",
    "LexiconError",
    "Quote",
    "QuoteKind",
    "QuotekitError",
    "RecordError",
    "RegistryError",
    "Resolution",
    "SchemaVersionError",
    "Span",
    "Speaker",
    "SpeakerEntity",
    "SpeakerKind",
    "SpeakerRegistry",
    "View",
    "__version__",
    "default_lexicon",
    "evaluate",
    "extract",
    "load_gold",
    "normalise_quote_text",
}


def test_all_is_exactly_the_public_api() -> None:
    assert set(quotekit.__all__) == EXPECTED
    assert len(quotekit.__all__) == len(set(quotekit.__all__))


def test_every_name_in_all_exists() -> None:
    for name in quotekit.__all__:
        assert hasattr(quotekit, name), name


def test_errors_subclass_builtins() -> None:
    assert issubclass(quotekit.InputTypeError, TypeError)
    assert issubclass(quotekit.RecordError, ValueError)
    assert issubclass(quotekit.ConfigError, ValueError)
    for name in ("InputTypeError", "RecordError", "SchemaVersionError", "LexiconError"):
        assert issubclass(getattr(quotekit, name), quotekit.QuotekitError)


def test_version_is_a_string() -> None:
    assert isinstance(quotekit.__version__, str) and quotekit.__version__[0].isdigit()
