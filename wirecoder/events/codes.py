"""CAMEO root codes and ACLED event types for PLOVER events (``data/plover/codes.tsv``), for exports."""

from __future__ import annotations

from functools import cache

from ..langdata import read_tsv

ARMED_TYPES = {"military", "police", "armed_group"}
ANY, NONE = "*", "-"


@cache
def _table() -> tuple[dict[str, str], ...]:
    return read_tsv("plover", "codes.tsv")


def codes_for(event_type: str, mode: str | None, recipient_type: str | None) -> dict[str, str | None]:
    armed = recipient_type in ARMED_TYPES
    for row in _table():
        if row["type"] != event_type or row["mode"] not in (ANY, mode):
            continue
        if row["recipient"] == "armed" and not armed:
            continue
        return {"cameo": row["cameo"], "cameo_label": row["cameo_label"],
                "acled_event_type": None if row["acled_type"] == NONE else row["acled_type"],
                "acled_sub_event_type": None if row["acled_sub_type"] == NONE else row["acled_sub_type"]}
    return {"cameo": None, "cameo_label": None, "acled_event_type": None, "acled_sub_event_type": None}
