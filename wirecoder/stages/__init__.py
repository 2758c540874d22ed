"""Pipeline stages. Importing this package registers the built-in stages in ``REGISTRY``."""

from . import actors, clauses, events, parse, places, quotes, structure, timex  # noqa: F401  (registration side effect)
from .base import REGISTRY, Context, Stage, stage

__all__ = ["REGISTRY", "Context", "Stage", "stage"]
