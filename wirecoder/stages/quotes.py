"""Quotes: who said what, with the speech cue, the quoted words and the speaker, each with offsets."""

from __future__ import annotations

from ..quotes import find_quotes
from .base import Context, stage


@stage("quotes", requires=("spacy_doc", "actors", "timexes"), assigns=("quotes",))
def quotes(ctx: Context) -> None:
    found = find_quotes(ctx.document, ctx.spacy_doc, ctx.settings["nlp.language"], ctx.settings["quotes.scope"])
    ctx.document.quotes = [q.to_record(ctx.document.text) for q in found]
