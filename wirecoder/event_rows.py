"""Events as flat rows, for CSV and for the terminal: one line per event, every figure with its evidence."""

from __future__ import annotations

from typing import Any


def _role(role: dict[str, Any] | None, field: str) -> Any:
    return (role or {}).get(field)


def flat(event: dict[str, Any]) -> dict[str, Any]:
    """One event (with ``article_id`` and ``article_date``) as a flat row: who, what, where, when, figures,
    codes, trigger and evidence (the exports add their own columns, ``export/records.py``)."""
    actor, recipient, location = event.get("actor"), event.get("recipient"), event.get("location")
    evidence = event["evidence"]
    return {
        "article_id": event.get("article_id"), "article_date": event.get("article_date"),
        "type": event["type"], "mode": event.get("mode"), "factuality": event.get("factuality"),
        "date": event.get("date"),
        "actor": _role(actor, "name") or _role(actor, "text"), "actor_country": _role(actor, "country"),
        "recipient": _role(recipient, "name") or _role(recipient, "text"),
        "recipient_country": _role(recipient, "country"),
        "location": _role(location, "name") or _role(location, "text"), "location_country": _role(location, "country"),
        "count": event.get("count"), "killed": event.get("killed"), "injured": event.get("injured"),
        "cameo": event.get("cameo"), "acled_event_type": event.get("acled_event_type"),
        "acled_sub_event_type": event.get("acled_sub_event_type"),
        "trigger": (event.get("trigger") or {}).get("text"),
        "evidence_start": evidence["start"], "evidence_end": evidence["end"], "evidence": evidence["text"],
    }


def line(event: dict[str, Any], width: int = 90) -> str:
    """A readable line: what, who to whom, where, when, figures, then the evidence and its offsets."""
    row = flat(event)
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
