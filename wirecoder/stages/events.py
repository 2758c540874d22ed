"""Events: PLOVER events with actor, recipient, place, date, figures, factuality and their evidence."""

from __future__ import annotations

from ..events import find_events
from .base import Context, stage


@stage("events", requires=("spacy_doc", "actors", "timexes", "places"), assigns=("events",))
def events(ctx: Context) -> None:
    found = find_events(ctx.document, ctx.spacy_doc, ctx.settings["nlp.language"],
                        infer_countries=ctx.settings["events.infer_countries"],
                        home_country=ctx.settings["places.home_country"] or None)
    ctx.document.events = [e.to_record(ctx.document.text) for e in found]
