"""Events as flat rows, for CSV and for the terminal: one line per event, every figure with its evidence."""

from __future__ import annotations

from typing import Any

from .annotations import Event, EventRole


def _who(role: EventRole | None) -> str | None:
    return (role.name or role.text) if role else None


def flat(event: Event, article_id: str | None = None, article_date: str | None = None) -> dict[str, Any]:
    """One event (and the article it is stored with, if any) as a flat row: who, what, where, when, figures,
    codes, trigger and evidence (the exports add their own columns, ``export/records.py``)."""
    actor, recipient, location = event.actor, event.recipient, event.location
    evidence = event.evidence
    return {
        "article_id": article_id, "article_date": article_date,
        "type": event.type, "mode": event.mode, "factuality": event.factuality,
        "date": str(event.date) if event.date is not None else None,
        "actor": _who(actor), "actor_country": actor and actor.country,
        "recipient": _who(recipient), "recipient_country": recipient and recipient.country,
        "location": _who(location), "location_country": location and location.country,
        "count": event.count, "killed": event.killed, "injured": event.injured,
        "cameo": event.cameo, "acled_event_type": event.acled_event_type,
        "acled_sub_event_type": event.acled_sub_event_type,
        "trigger": event.trigger.text if event.trigger else None,
        "evidence_start": evidence.start, "evidence_end": evidence.end, "evidence": evidence.text,
    }


def line(event: Event, article_id: str | None = None, width: int = 90) -> str:
    """A readable line: what, who to whom, where, when, figures, then the evidence and its offsets."""
    row = flat(event, article_id)
    kind = row["type"] + (f"/{row['mode']}" if row["mode"] else "")
    if row["factuality"] != "asserted":
        kind += f" ({row['factuality']})"
    actor = row["actor"] or (f"unidentified ({row['actor_country']})" if row["actor_country"] else "?")
    who = f"{actor} -> {row['recipient'] or '?'}"
    figures = " ".join(f"{k} {row[k]}" for k in ("count", "killed", "injured") if row[k] is not None)
    where = f"{row['location'] or '?'} [{row['location_country'] or '?'}]"
    evidence = row["evidence"] if len(row["evidence"]) <= width else row["evidence"][:width - 1] + "…"
    head = (f"{row['article_id']}  " if row["article_id"] else "") + \
        f"{row['date'] or '?':<21} {kind:<24} {who}  @ {where}" + (f"  {figures}" if figures else "")
    return f"{head}\n    {evidence!r} [{row['evidence_start']}:{row['evidence_end']}]"
