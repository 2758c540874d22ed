"""An event as the Document holds it: one occurrence, its roles, date, figures and codes, with the evidence
sentence and trigger of every mention (docs/events.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ..core.time_value import TimeValue

Factuality = Literal["asserted", "negated", "hypothetical", "future"]
DateBasis = Literal["expression", "context", "publication"]


@dataclass(slots=True, kw_only=True)
class Offsets:
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Offsets:
        return cls(start=data["start"], end=data["end"])


@dataclass(slots=True, kw_only=True)
class TextSpan:
    """Offsets and the words at them (an evidence sentence, a trigger, a time expression)."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TextSpan:
        return cls(start=data["start"], end=data["end"], text=data["text"])


@dataclass(slots=True, kw_only=True)
class EventTrigger:
    """The word(s) telling of the event, and the lexicon entry they matched."""

    start: int
    end: int
    text: str
    lemma: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "lemma": self.lemma}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventTrigger:
        return cls(start=data["start"], end=data["end"], text=data["text"], lemma=data["lemma"])


@dataclass(slots=True, kw_only=True)
class EventMention:
    """One place the article tells of the occurrence: its trigger and its sentence."""

    trigger: TextSpan
    evidence: Offsets

    def to_dict(self) -> dict[str, Any]:
        return {"trigger": self.trigger.to_dict(), "evidence": self.evidence.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventMention:
        return cls(trigger=TextSpan.from_dict(data["trigger"]), evidence=Offsets.from_dict(data["evidence"]))


@dataclass(slots=True, kw_only=True)
class EventRole:
    """An actor, recipient or location: the words (None for an unidentified actor) and what they stand for.
    The flags and the point are written only when set, as they always were."""

    text: str | None = None
    name: str | None = None
    country: str | None = None  # ISO alpha-3 codes, "; "-joined when several
    start: int | None = None
    end: int | None = None
    actor: str | None = None  # the Document actor's id, when the words name one
    inferred: bool = False  # not said in the evidence: taken from the article
    country_inferred: bool = False  # the country is where the actor acts, not what the article says of it
    unidentified: bool = False  # the article does not say who did it: only a country is inferred
    lat: float | None = None  # a location's point: the geocoded place nearest the trigger
    lon: float | None = None
    geo_precision: int | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"text": self.text, "name": self.name, "country": self.country,
                                "start": self.start, "end": self.end}
        if self.actor is not None:
            data["actor"] = self.actor
        if self.inferred:
            data["inferred"] = True
        if self.country_inferred:
            data["country_inferred"] = True
        if self.unidentified:
            data["unidentified"] = True
        if self.lat is not None:
            data["lat"], data["lon"], data["geo_precision"] = self.lat, self.lon, self.geo_precision
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventRole:
        return cls(text=data.get("text"), name=data.get("name"), country=data.get("country"),
                   start=data.get("start"), end=data.get("end"), actor=data.get("actor"),
                   inferred=data.get("inferred", False), country_inferred=data.get("country_inferred", False),
                   unidentified=data.get("unidentified", False), lat=data.get("lat"), lon=data.get("lon"),
                   geo_precision=data.get("geo_precision"))


def _role(data: dict[str, Any] | None) -> EventRole | None:
    return EventRole.from_dict(data) if data else None


@dataclass(slots=True, kw_only=True)
class Event:
    type: str  # a PLOVER type
    mode: str | None = None
    actor: EventRole | None = None
    recipient: EventRole | None = None
    location: EventRole | None = None
    date: TimeValue | None = None  # a day, month, year or an interval of them
    date_basis: DateBasis | None = None  # where the date comes from; None when undated
    date_source: TextSpan | None = None  # the event's own time expression, if the date comes from one
    count: int | None = None
    killed: int | None = None
    injured: int | None = None
    factuality: Factuality
    evidence: TextSpan  # the sentence that states the occurrence most completely
    trigger: EventTrigger | None = None
    mentions: list[EventMention] = field(default_factory=list)
    cameo: str | None = None
    cameo_label: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type, "mode": self.mode,
            "actor": self.actor.to_dict() if self.actor else None,
            "recipient": self.recipient.to_dict() if self.recipient else None,
            "location": self.location.to_dict() if self.location else None,
            "date": str(self.date) if self.date is not None else None, "date_basis": self.date_basis,
            "date_source": self.date_source.to_dict() if self.date_source else None,
            "count": self.count, "killed": self.killed, "injured": self.injured, "factuality": self.factuality,
            "evidence": self.evidence.to_dict(), "trigger": self.trigger.to_dict() if self.trigger else None,
            "mentions": [m.to_dict() for m in self.mentions],
            "cameo": self.cameo, "cameo_label": self.cameo_label, "acled_event_type": self.acled_event_type,
            "acled_sub_event_type": self.acled_sub_event_type,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        """Also reads the events of older stores, which may lack the later fields (and then factuality)."""
        date, date_source, trigger = data.get("date"), data.get("date_source"), data.get("trigger")
        return cls(type=data["type"], mode=data.get("mode"), actor=_role(data.get("actor")),
                   recipient=_role(data.get("recipient")), location=_role(data.get("location")),
                   date=TimeValue.parse(date) if date else None, date_basis=data.get("date_basis"),
                   date_source=TextSpan.from_dict(date_source) if date_source else None,
                   count=data.get("count"), killed=data.get("killed"), injured=data.get("injured"),
                   factuality=data.get("factuality", "asserted"), evidence=TextSpan.from_dict(data["evidence"]),
                   trigger=EventTrigger.from_dict(trigger) if trigger else None,
                   mentions=[EventMention.from_dict(m) for m in data.get("mentions") or ()],
                   cameo=data.get("cameo"), cameo_label=data.get("cameo_label"),
                   acled_event_type=data.get("acled_event_type"), acled_sub_event_type=data.get("acled_sub_event_type"))
