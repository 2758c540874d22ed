"""wirecoder: French news wires into provenance-linked documents and events, offline.

    >>> from wirecoder import extract
    >>> doc = extract("(Bagdad) Le Pentagone a ...", date="2023-12")
"""

from .article import Article
from .document import Actor, Document, Entity
from .errors import ConfigError, InputError, PipelineError, StoreError, WirecoderError
from .pipeline import Pipeline, extract
from .settings import Settings

__version__ = "0.1.0"

__all__ = [
           "Actor",
           "Article",
           "ConfigError",
           "Document",
           "Entity",
           "InputError",
           "Pipeline",
           "PipelineError",
           "Settings",
           "StoreError",
           "WirecoderError",
           "__version__",
           "extract",
]
