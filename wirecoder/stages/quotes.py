"""Quotes: who said what, with the speech cue, the quoted words and the speaker, each with offsets."""

from __future__ import annotations

from .base import Context, stage


@stage("quotes", requires=("clauses", "paragraphs"), assigns=("quotes",))
def quotes(ctx: Context) -> None:
    from ..quotes import find_quotes

    found = find_quotes(ctx.clauses, ctx.settings["quotes.scope"])
    ctx.document.quotes = [q.to_record(ctx.document.text) for q in found]
