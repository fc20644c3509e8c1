"""quotekit: source-attributed quotation handling for news text.

Find the quotations in an article and who made them, with exact offsets into the
caller's string::

    >>> import quotekit
    >>> [q] = quotekit.extract('"We will rebuild," said Mayor Ana Lopez.')
    >>> q.text, q.speaker.name
    ('We will rebuild,', 'Ana Lopez')
"""

from ._compare import AlignmentOp, Comparison, Relation, compare
from ._config import ExtractConfig
from ._document import Document
from ._extract import extract
from ._furniture import Furniture, FurnitureKind
from ._index import QuoteCluster, QuoteIndex, cluster
from ._lexicon import Lexicon, default_lexicon
from ._model import (
    SCHEMA_VERSION,
    Attribution,
    Cue,
    Quote,
    QuoteKind,
    Resolution,
    Span,
    Speaker,
    SpeakerKind,
)
from ._normalise import normalise_quote_text
from ._registry import SpeakerEntity, SpeakerRegistry
from ._version import __version__
from .errors import (
    ConfigError,
    InputTypeError,
    LexiconError,
    QuotekitError,
    RecordError,
    RegistryError,
    SchemaVersionError,
)
from .evaluation import Evaluation, View, evaluate, load_gold

__all__ = [
    "SCHEMA_VERSION",
    "AlignmentOp",
    "Attribution",
    "Comparison",
    "ConfigError",
    "Cue",
    "Document",
    "Evaluation",
    "ExtractConfig",
    "Furniture",
    "FurnitureKind",
    "InputTypeError",
    "Lexicon",
    "LexiconError",
    "Quote",
    "QuoteCluster",
    "QuoteIndex",
    "QuoteKind",
    "QuotekitError",
    "RecordError",
    "RegistryError",
    "Relation",
    "Resolution",
    "SchemaVersionError",
    "Span",
    "Speaker",
    "SpeakerEntity",
    "SpeakerKind",
    "SpeakerRegistry",
    "View",
    "__version__",
    "cluster",
    "compare",
    "default_lexicon",
    "evaluate",
    "extract",
    "load_gold",
    "normalise_quote_text",
]
