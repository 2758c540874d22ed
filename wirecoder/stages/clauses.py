"""Clauses: who speaks and who acts in each clause, for the quotes and events stages (``wirecoder/clauses/``)."""

from __future__ import annotations

from .base import Context, stage


# Places: so that a later rule may tell a place from a participant; today the layer reads actors and times.
@stage("clauses", requires=("spacy_doc", "paragraphs", "dateline", "entities", "actors", "timexes", "places"),
       assigns=("clauses",))
def clauses(ctx: Context) -> None:
    from ..clauses import Clauses  # the rule engine loads with the first article, not on import

    ctx.clauses = Clauses(ctx.document, ctx.spacy_doc, ctx.settings["nlp.language"])
