"""Pipeline stages. Importing this package registers the built-in stages in ``REGISTRY``.

Registering is cheap: a stage module holds its declaration (``@stage`` with name, requires, assigns) and imports
spaCy and the big rule engines (quotes, events, timex) inside the functions that use them, on the first
article, so that ``import wirecoder`` and the commands that annotate nothing load no model code.
"""

from . import actors, clauses, events, parse, places, quotes, structure, timex  # noqa: F401  (registration side effect)
from .base import REGISTRY, Context, Stage, stage

__all__ = ["REGISTRY", "Context", "Stage", "stage"]
