"""The exceptions quotekit raises: one base class, each subclass also a built-in error.

Catch :class:`QuotekitError` to handle anything quotekit reports; catch the built-in
(``TypeError``, ``ValueError``) where existing code already does.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ConfigError",
    "InputTypeError",
    "LexiconError",
    "QuotekitError",
    "RecordError",
    "RegistryError",
    "SchemaVersionError",
]


class QuotekitError(Exception):
    """Base class of every error quotekit raises on purpose."""


class InputTypeError(QuotekitError, TypeError):
    """An argument had the wrong type; ``value`` is what was received."""

    def __init__(self, what: str, expected: str, value: Any) -> None:
        self.what = what
        self.expected = expected
        self.value = value
        super().__init__(f"{what} must be {expected}, not {type(value).__name__}")


class RecordError(QuotekitError, ValueError):
    """A serialised record (for example a JSON quote) is malformed.

    ``field`` names the offending key (dotted for nested keys) and ``value`` keeps
    what was found there.
    """

    def __init__(self, field: str, problem: str, value: Any = None) -> None:
        self.field = field
        self.problem = problem
        self.value = value
        super().__init__(f"bad record field {field!r}: {problem}")


class SchemaVersionError(RecordError):
    """A record was written with a schema version this quotekit does not read."""

    def __init__(self, value: Any, supported: int) -> None:
        self.supported = supported
        super().__init__(
            "schema",
            f"unsupported schema version {value!r} (this quotekit reads {supported})",
            value,
        )


class LexiconError(QuotekitError, ValueError):
    """A lexicon data file or user-supplied lexicon entry is malformed."""

    def __init__(self, source: str, problem: str, value: Any = None) -> None:
        self.source = source
        self.problem = problem
        self.value = value
        super().__init__(f"{source}: {problem}")


class RegistryError(QuotekitError, ValueError):
    """A speaker registry (built in code or loaded from JSON) is malformed."""

    def __init__(self, problem: str, value: Any = None) -> None:
        self.problem = problem
        self.value = value
        super().__init__(problem)


class ConfigError(QuotekitError, ValueError):
    """An option has a value of the right type but outside its allowed range."""

    def __init__(self, option: str, problem: str, value: Any = None) -> None:
        self.option = option
        self.problem = problem
        self.value = value
        super().__init__(f"{option}: {problem} (got {value!r})")
