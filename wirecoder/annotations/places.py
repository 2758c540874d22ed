"""A place as the Document holds it: once per article, at its first mention, with every mention's offsets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

PlaceKind = Literal["country", "region", "city", "site", "other"]


@dataclass(slots=True, kw_only=True)
class Place:
    start: int
    end: int
    text: str
    name: str | None  # English name; None when the gazetteer does not know the place
    country: str | None  # ISO alpha-3; None for areas across countries
    kind: PlaceKind
    lat: float | None
    lon: float | None
    geonames_id: int | None = None  # None for curated areas, sites and parts ("nord de la Syrie")
    precision: int | None = None  # ACLED-like geo precision, 1 to 3; 4 named but not located; None: unknown
    mentions: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of every mention, its own first

    def spans(self) -> list[tuple[int, int]]:
        """Every mention's offsets; a place without mentions listed is its own span."""
        return self.mentions or [(self.start, self.end)]

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "name": self.name, "country": self.country,
                "kind": self.kind, "lat": self.lat, "lon": self.lon, "geonames_id": self.geonames_id,
                "precision": self.precision, "mentions": [[s, e] for s, e in self.mentions]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Place:
        return cls(start=data["start"], end=data["end"], text=data["text"], name=data["name"],
                   country=data["country"], kind=data["kind"], lat=data["lat"], lon=data["lon"],
                   geonames_id=data.get("geonames_id"), precision=data.get("precision"),
                   mentions=[(s, e) for s, e in data.get("mentions") or ()])
