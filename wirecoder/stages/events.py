"""Events: PLOVER events with actor, recipient, place, date, figures, factuality and their evidence."""

from __future__ import annotations

from .base import Context, stage


@stage("events", requires=("clauses", "dateline", "actors", "timexes", "places"), assigns=("events",))
def events(ctx: Context) -> None:
    from ..events import find_events

    found = find_events(ctx.clauses, infer_countries=ctx.settings["events.infer_countries"],
                        home_country=ctx.settings["places.home_country"] or None)
    ctx.document.events = [e.to_record(ctx.document.text) for e in found]
