"""The stage mechanism: a named function with declared inputs and outputs, registered by name.

Built-in stages register themselves with ``@stage`` exactly as an extension would. A stage reads the
``Context`` (article, Document so far, spaCy doc) and fills its own fields of the Document; it never
touches the database or the network. ``Pipeline`` checks at start-up that what each stage requires
is assigned by an earlier one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..article import Article
from ..document import Document
from ..settings import Settings


@dataclass
class Context:
    """What a stage sees for one article."""

    article: Article
    document: Document
    settings: Settings
    spacy_doc: Any = None  # spacy.tokens.Doc once the parse stage has run
    clauses: Any = None  # wirecoder.clauses.Clauses once the clauses stage has run
    extras: dict[str, Any] = field(default_factory=dict)  # stage-private data passed downstream
    seconds: float = 0.0  # time the stages spent on this article so far


StageFn = Callable[[Context], None]
BatchFn = Callable[[Sequence[Context]], None]


@dataclass(frozen=True)
class Stage:
    name: str
    run: StageFn
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    batch: BatchFn | None = None  # optional: process many articles at once (spaCy's nlp.pipe)
    setup: Callable[[Settings], None] | None = None  # load models/data once, before the first article


REGISTRY: dict[str, Stage] = {}


def stage(name: str, *, requires: Sequence[str] = (), assigns: Sequence[str] = (),
          batch: BatchFn | None = None, setup: Callable[[Settings], None] | None = None
          ) -> Callable[[StageFn], StageFn]:
    """Register a stage function under ``name`` (the decorator built-ins and extensions share)."""
    def register(fn: StageFn) -> StageFn:
        REGISTRY[name] = Stage(name, fn, tuple(requires), tuple(assigns), batch, setup)
        return fn
    return register
