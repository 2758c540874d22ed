"""One stored event as the record of each export format. A function returns, instead of a record, the reason
why the format has no place for the event: ACLED codes political violence, protests and a few strategic
developments only, and, like GDELT, only what happened (not denied, hypothetical or announced events)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pycountry

from ..annotations import Event, EventRole
from ..core.time_value import TimeValue
from ..event_rows import flat
from ..store.event_query import StoredEvent

# GDELT's QuadClass of a CAMEO root code (GDELT event codebook): verbal and material cooperation, verbal and
# material conflict.
QUAD_CLASS = {**dict.fromkeys(("01", "02", "03", "04", "05"), 1), **dict.fromkeys(("06", "07", "08"), 2),
              **dict.fromkeys(("09", "10", "11", "12", "13"), 3),
              **dict.fromkeys(("14", "15", "16", "17", "18", "19", "20"), 4)}

TABLE_COLUMNS = ("id", "article_id", "article_date", "type", "mode", "factuality", "date", "date_start", "date_end",
                 "actor", "actor_country", "recipient", "recipient_country", "location", "location_country",
                 "latitude", "longitude", "geo_precision", "count", "killed", "injured", "cameo", "acled_event_type",
                 "acled_sub_event_type", "trigger", "evidence_start", "evidence_end", "evidence")
TABLE_INTEGERS = ("id", "geo_precision", "count", "killed", "injured", "evidence_start", "evidence_end")
TABLE_FLOATS = ("latitude", "longitude")

ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
                 "actor1", "actor2", "iso3", "country", "location", "latitude", "longitude", "geo_precision",
                 "source", "source_url", "notes", "fatalities", "plover_type", "plover_mode", "article_id",
                 "evidence_start", "evidence_end")

GDELT_COLUMNS = ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Name",
                 "Actor1CountryCode", "Actor2Name", "Actor2CountryCode", "IsRootEvent", "EventCode",
                 "EventBaseCode", "EventRootCode", "QuadClass", "NumMentions", "NumSources", "NumArticles",
                 "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat",
                 "ActionGeo_Long", "SOURCEURL", "EvidenceText")


def _first_day(event: Event) -> dt.date | None:
    """The first day the event may fall on, where its date is written as calendar dates."""
    return event.date.day_range()[0] if event.date is not None else None


def _flat(stored: StoredEvent) -> dict[str, Any]:
    return flat(stored.event, stored.article_id, stored.article_date)


def table_row(stored: StoredEvent) -> dict[str, Any]:
    """The flat row of ``wirecoder events --format csv`` with the event's id, day range and point."""
    event = stored.event
    start, end = event.date.bounds() if event.date is not None else (None, None)
    location = event.location or EventRole()
    return {"id": stored.id, **_flat(stored), "date_start": start, "date_end": end,
            "latitude": location.lat, "longitude": location.lon, "geo_precision": location.geo_precision}


def _plover_actor(role: EventRole | None) -> dict[str, Any] | None:
    if not role:
        return None
    return {"name": role.name, "text": role.text, "country": role.country, "actor_id": role.actor,
            "span": [role.start, role.end], "country_inferred": role.country_inferred}


def plover_record(stored: StoredEvent) -> dict[str, Any]:
    """A PLOVER-style record (the fields of the PLOVER specification and POLECAT), with the evidence spans."""
    event, location = stored.event, stored.event.location
    return {
        "event_id": stored.id, "story_id": stored.article_id, "story_date": stored.article_date,
        "event_date": str(event.date) if event.date is not None else None, "event_type": event.type,
        "event_mode": event.mode, "factuality": event.factuality, "event_text": event.evidence.text,
        "actor": _plover_actor(event.actor), "recipient": _plover_actor(event.recipient),
        "location": ({"name": location.name, "text": location.text, "country": location.country,
                      "lat": location.lat, "lon": location.lon, "geo_precision": location.geo_precision,
                      "inferred": location.inferred}
                     if location else None),
        "count": event.count, "killed": event.killed, "injured": event.injured, "cameo": event.cameo,
        "evidence": {"start": event.evidence.start, "end": event.evidence.end},
        "trigger": event.trigger.to_dict() if event.trigger else None,
        "mentions": [m.to_dict() for m in event.mentions],
    }


def _country_name(codes: str | None) -> str | None:
    if not codes:
        return None
    names = []
    for code in codes.split("; "):
        country = pycountry.countries.get(alpha_3=code)
        names.append(country.name if country else code)
    return "; ".join(names)


def _time_precision(date: TimeValue | None) -> int:
    """ACLED: 1 the day is known, 2 a week or a few days, 3 a month or more."""
    return 1 if date is not None and date.one_day else 3


NOT_ASSERTED = "not asserted (negated, hypothetical or future)"


def acled_row(stored: StoredEvent) -> dict[str, Any] | str:
    """An ACLED-like row for events ACLED codes; the date is the first day the event may fall on."""
    event = stored.event
    if event.factuality != "asserted":
        return NOT_ASSERTED
    if not event.acled_event_type:
        return "without an ACLED event type (verbal and diplomatic events)"
    row = _flat(stored)
    start = _first_day(event)
    location = event.location or EventRole()
    country = (location.country or "").split("; ")[0] or None
    return {
        "event_id_cnty": f"{country or 'XXX'}{stored.id}", "event_date": start.isoformat() if start else None,
        "year": f"{start.year:04d}" if start else None, "time_precision": _time_precision(event.date),
        "event_type": event.acled_event_type, "sub_event_type": event.acled_sub_event_type,
        "actor1": row["actor"] or (f"Unidentified ({row['actor_country']})" if row["actor_country"] else None),
        "actor2": row["recipient"], "iso3": country, "country": _country_name(country),
        "location": row["location"], "latitude": location.lat, "longitude": location.lon,
        "geo_precision": location.geo_precision, "source": stored.article_title or stored.article_id,
        "source_url": stored.article_url, "notes": row["evidence"],
        # ACLED writes 0 when no death is reported.
        "fatalities": event.killed or 0, "plover_type": event.type, "plover_mode": event.mode,
        "article_id": stored.article_id, "evidence_start": row["evidence_start"],
        "evidence_end": row["evidence_end"],
    }


def gdelt_row(stored: StoredEvent) -> dict[str, Any] | str:
    """A GDELT 2.0 event-table subset (same column names) with CAMEO root codes only. Country codes are ISO
    alpha-3, not GDELT's FIPS codes; ActionGeo_Type is 1 country, 4 a town or place (as in GDELT)."""
    event = stored.event
    cameo = event.cameo
    start = _first_day(event)
    if event.factuality != "asserted":
        return NOT_ASSERTED
    if not cameo or not start:
        return "without a CAMEO code or a date"
    row = _flat(stored)
    location = event.location or EventRole()
    day = f"{start.year:04d}{start.month:02d}{start.day:02d}"
    ordinal = start.month * 30 + start.day
    return {
        "GLOBALEVENTID": stored.id, "SQLDATE": day, "MonthYear": day[:6], "Year": day[:4],
        "FractionDate": round(start.year + ordinal / 365, 4), "Actor1Name": row["actor"],
        "Actor1CountryCode": row["actor_country"], "Actor2Name": row["recipient"],
        "Actor2CountryCode": row["recipient_country"], "IsRootEvent": 1, "EventCode": cameo,
        "EventBaseCode": cameo, "EventRootCode": cameo, "QuadClass": QUAD_CLASS.get(cameo),
        "NumMentions": len(event.mentions) or 1, "NumSources": 1, "NumArticles": 1,
        "ActionGeo_Type": (1 if location.geo_precision == 3 else 4) if location.lat is not None else 0,
        "ActionGeo_FullName": row["location"], "ActionGeo_CountryCode": row["location_country"],
        "ActionGeo_Lat": location.lat, "ActionGeo_Long": location.lon,
        "SOURCEURL": stored.article_url or stored.article_id, "EvidenceText": row["evidence"],
    }
