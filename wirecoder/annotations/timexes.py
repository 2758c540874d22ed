"""A time expression as the Document holds it: its words, TIMEX3 value and the interval it denotes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from ..core.time_value import TimeValue

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


def _value(text: str | None) -> TimeValue | None:
    return TimeValue.parse(text) if text else None


@dataclass(slots=True, kw_only=True)
class Timex:
    start: int
    end: int
    text: str
    type: TimexType
    value: TimeValue | None  # None when it needs a publication date the article lacks
    mod: str | None = None  # START, MID, END, APPROX
    earliest: str | None = None  # first day (or minute) the expression can denote, as resolved
    latest: str | None = None
    precision: str | None = None
    anchor: str | None = None  # publication, story, absolute, event
    period: TimeValue | None = None  # the date or interval it gives an event
    rule: str = ""  # the grammar rule that found it

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "type": self.type,
                "value": str(self.value) if self.value is not None else None, "mod": self.mod,
                "earliest": self.earliest, "latest": self.latest, "precision": self.precision,
                "anchor": self.anchor, "period": str(self.period) if self.period is not None else None,
                "rule": self.rule}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Timex:
        return cls(start=data["start"], end=data["end"], text=data["text"], type=data["type"],
                   value=_value(data["value"]), mod=data.get("mod"), earliest=data.get("earliest"),
                   latest=data.get("latest"), precision=data.get("precision"), anchor=data.get("anchor"),
                   period=_value(data.get("period")), rule=data.get("rule", ""))
