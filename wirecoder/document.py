"""The Document: an Article plus every annotation, each pointing into ``text`` by character offsets.

This is the one output shape (CLI, store, later API and exports); ``schema/document.schema.json``
documents it and a test keeps the two in step. Offsets are Python string indices, end exclusive.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, is_dataclass
from typing import Any, Literal

from .annotations import Event, Place, Quote, Timex
from .article import Article
from .core.dates import DatePrecision

SCHEMA_VERSION = "1.0"

ActorType = Literal["state", "government", "military", "police", "armed_group", "party", "igo", "ngo",
                    "media", "company", "person", "other"]


EntityLabel = Literal["PER", "ORG", "LOC", "MISC"]


@dataclass(slots=True)
class Dateline:
    start: int
    end: int
    text: str
    place: str  # the place name as written, e.g. "Bagdad"


@dataclass(slots=True)
class Credit:
    start: int
    end: int
    text: str
    agency: str  # canonical agency name, e.g. "Agence France-Presse"


@dataclass(slots=True)
class Paragraph:
    start: int
    end: int
    kind: Literal["body", "credit"] = "body"
    repeat_of: int | None = None  # index of the earlier paragraph this one repeats (AFP ledes)
    dateline: Dateline | None = None


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int


@dataclass(slots=True)
class Entity:
    """A named-entity mention (statistical NER corrected by the actor dictionary)."""

    start: int
    end: int
    text: str
    label: EntityLabel
    actor: str | None = None  # id of the Actor this mention refers to, if any
    metonymy: bool = False  # a place name standing for an actor ("Washington a recensé")
    repeat: bool = False  # inside a repeated paragraph: not to be counted again


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    repeat: bool = False


@dataclass(slots=True)
class Actor:
    """A canonical actor of this article, with all its mentions."""

    id: str
    name: str
    type: ActorType
    country: str | None = None  # ISO 3166-1 alpha-3 of the state it belongs to or acts for
    qid: str | None = None  # Wikidata id where known
    role: str | None = None  # for people: the role the text gives ("premier ministre irakien")
    affiliation: str | None = None  # alpha-3 of a state it is aligned with ("pro-iranien")
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Document:
    id: str
    text: str
    date: str | None = None
    date_precision: DatePrecision | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    dateline: Dateline | None = None
    credits: list[Credit] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    # Filled by the time, places, quotes and events stages (``annotations``); empty until then.
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)

    @classmethod
    def from_article(cls, article: Article) -> Document:
        return cls(id=article.id, text=article.text, date=article.date,
                   date_precision=article.date_precision, title=article.title, source=article.source,
                   url=article.url)

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: _json(getattr(self, f.name)) for f in fields(self)}
        data["schema_version"] = SCHEMA_VERSION
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """The inverse of ``to_dict`` (for documents read back from the store or a JSONL file)."""
        data = {k: v for k, v in data.items() if k != "schema_version"}
        dateline = Dateline(**data.pop("dateline")) if data.get("dateline") else None
        paragraphs = [Paragraph(**{**p, "dateline": Dateline(**p["dateline"]) if p.get("dateline") else None})
                      for p in data.pop("paragraphs", [])]
        return cls(**{**data, "dateline": dateline, "paragraphs": paragraphs,
                      "credits": [Credit(**c) for c in data.pop("credits", [])],
                      "sentences": [Sentence(**s) for s in data.pop("sentences", [])],
                      "entities": [Entity(**e) for e in data.pop("entities", [])],
                      "actors": [Actor(**{**a, "mentions": [Mention(**m) for m in a["mentions"]]})
                                 for a in data.pop("actors", [])],
                      "events": [Event.from_dict(e) for e in data.pop("events", [])],
                      "quotes": [Quote.from_dict(q) for q in data.pop("quotes", [])],
                      "places": [Place.from_dict(p) for p in data.pop("places", [])],
                      "timexes": [Timex.from_dict(t) for t in data.pop("timexes", [])]})

    def actors_of_type(self, *types: str) -> list[Actor]:
        return [a for a in self.actors if a.type in types]

    def place_names(self) -> list[str]:
        """Distinct place names mentioned as places (not as actors), in order of appearance: from the
        places stage where it ran, else from the recogniser's places."""
        seen: dict[str, None] = {}
        if self.places:
            return list(dict.fromkeys(p.text for p in self.places))
        for e in self.entities:
            if e.label == "LOC" and not e.metonymy and not e.repeat:
                seen.setdefault(e.text, None)
        return list(seen)


def _json(value: Any) -> Any:
    """A Document field as JSON: the annotation records write their own form (some keys only when set), the
    other parts are plain dataclasses."""
    if isinstance(value, list):
        return [_json(v) for v in value]
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    return value
