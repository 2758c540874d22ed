"""One stored event as the record of each export format. A function returns, instead of a record, the reason
why the format has no place for the event: ACLED codes political violence, protests and a few strategic
developments only, and, like GDELT, only what happened (not denied, hypothetical or announced events)."""

from __future__ import annotations

from typing import Any

import pycountry

from ..event_rows import flat
from ..timex.calendar import value_bounds

# GDELT's QuadClass of a CAMEO root code (GDELT event codebook): verbal and material cooperation, verbal and
# material conflict.
QUAD_CLASS = {**dict.fromkeys(("01", "02", "03", "04", "05"), 1), **dict.fromkeys(("06", "07", "08"), 2),
              **dict.fromkeys(("09", "10", "11", "12", "13"), 3),
              **dict.fromkeys(("14", "15", "16", "17", "18", "19", "20"), 4)}
DAY_CHARS, YEAR_CHARS = 10, 4

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


def _bounds(event: dict[str, Any]) -> tuple[str | None, str | None]:
    return value_bounds(event.get("date"))


def _location(event: dict[str, Any]) -> dict[str, Any]:
    return event.get("location") or {}


def table_row(event: dict[str, Any]) -> dict[str, Any]:
    """The flat row of ``wirecoder events --format csv`` with the event's id, day range and point."""
    start, end = _bounds(event)
    location = _location(event)
    return {"id": event.get("id"), **flat(event), "date_start": start, "date_end": end,
            "latitude": location.get("lat"), "longitude": location.get("lon"),
            "geo_precision": location.get("geo_precision")}


def plover_record(event: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER-style record (the fields of the PLOVER specification and POLECAT), with the evidence spans."""
    def actor(role: dict[str, Any] | None) -> dict[str, Any] | None:
        if not role:
            return None
        return {"name": role.get("name"), "text": role.get("text"), "country": role.get("country"),
                "actor_id": role.get("actor"), "span": [role.get("start"), role.get("end")],
                "country_inferred": bool(role.get("country_inferred"))}

    location = _location(event)
    return {
        "event_id": event.get("id"), "story_id": event.get("article_id"), "story_date": event.get("article_date"),
        "event_date": event.get("date"), "event_type": event["type"], "event_mode": event.get("mode"),
        "factuality": event.get("factuality"), "event_text": event["evidence"]["text"],
        "actor": actor(event.get("actor")), "recipient": actor(event.get("recipient")),
        "location": ({"name": location.get("name"), "text": location.get("text"), "country": location.get("country"),
                      "lat": location.get("lat"), "lon": location.get("lon"),
                      "geo_precision": location.get("geo_precision"), "inferred": bool(location.get("inferred"))}
                     if location else None),
        "count": event.get("count"), "killed": event.get("killed"), "injured": event.get("injured"),
        "cameo": event.get("cameo"),
        "evidence": {"start": event["evidence"]["start"], "end": event["evidence"]["end"]},
        "trigger": event.get("trigger"), "mentions": event.get("mentions", []),
    }


def _country_name(codes: str | None) -> str | None:
    if not codes:
        return None
    names = []
    for code in codes.split("; "):
        country = pycountry.countries.get(alpha_3=code)
        names.append(country.name if country else code)
    return "; ".join(names)


def _time_precision(date: str | None) -> int:
    """ACLED: 1 the day is known, 2 a week or a few days, 3 a month or more."""
    if not date or "/" in date or len(date) < DAY_CHARS:
        return 3
    return 1


NOT_ASSERTED = "not asserted (negated, hypothetical or future)"


def acled_row(event: dict[str, Any]) -> dict[str, Any] | str:
    """An ACLED-like row for events ACLED codes; the date is the first day the event may fall on."""
    if event.get("factuality", "asserted") != "asserted":
        return NOT_ASSERTED
    if not event.get("acled_event_type"):
        return "without an ACLED event type (verbal and diplomatic events)"
    row = flat(event)
    start, _ = _bounds(event)
    location = _location(event)
    country = (location.get("country") or "").split("; ")[0] or None
    return {
        "event_id_cnty": f"{country or 'XXX'}{event.get('id')}", "event_date": start,
        "year": start[:YEAR_CHARS] if start else None, "time_precision": _time_precision(event.get("date")),
        "event_type": event["acled_event_type"], "sub_event_type": event.get("acled_sub_event_type"),
        "actor1": row["actor"] or (f"Unidentified ({row['actor_country']})" if row["actor_country"] else None),
        "actor2": row["recipient"], "iso3": country, "country": _country_name(country),
        "location": row["location"], "latitude": location.get("lat"), "longitude": location.get("lon"),
        "geo_precision": location.get("geo_precision"), "source": event.get("article_title") or event.get("article_id"),
        "source_url": event.get("article_url"), "notes": row["evidence"],
        # ACLED writes 0 when no death is reported.
        "fatalities": event.get("killed") or 0, "plover_type": event["type"], "plover_mode": event.get("mode"),
        "article_id": event.get("article_id"), "evidence_start": row["evidence_start"],
        "evidence_end": row["evidence_end"],
    }


def gdelt_row(event: dict[str, Any]) -> dict[str, Any] | str:
    """A GDELT 2.0 event-table subset (same column names) with CAMEO root codes only. Country codes are ISO
    alpha-3, not GDELT's FIPS codes; ActionGeo_Type is 1 country, 4 a town or place (as in GDELT)."""
    cameo = event.get("cameo")
    start, _ = _bounds(event)
    if event.get("factuality", "asserted") != "asserted":
        return NOT_ASSERTED
    if not cameo or not start:
        return "without a CAMEO code or a date"
    row = flat(event)
    location = _location(event)
    day = start.replace("-", "")
    ordinal = int(start[5:7]) * 30 + int(start[8:10])
    return {
        "GLOBALEVENTID": event.get("id"), "SQLDATE": day, "MonthYear": day[:6], "Year": day[:4],
        "FractionDate": round(int(day[:4]) + ordinal / 365, 4), "Actor1Name": row["actor"],
        "Actor1CountryCode": row["actor_country"], "Actor2Name": row["recipient"],
        "Actor2CountryCode": row["recipient_country"], "IsRootEvent": 1, "EventCode": cameo,
        "EventBaseCode": cameo, "EventRootCode": cameo, "QuadClass": QUAD_CLASS.get(cameo),
        "NumMentions": len(event.get("mentions") or []) or 1, "NumSources": 1, "NumArticles": 1,
        "ActionGeo_Type": (1 if location.get("geo_precision") == 3 else 4) if location.get("lat") is not None else 0,
        "ActionGeo_FullName": row["location"], "ActionGeo_CountryCode": row["location_country"],
        "ActionGeo_Lat": location.get("lat"), "ActionGeo_Long": location.get("lon"),
        "SOURCEURL": event.get("article_url") or event.get("article_id"), "EvidenceText": row["evidence"],
    }
