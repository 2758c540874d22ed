"""A quote as the Document holds it: its words, kind, speaker and speech cue, each with offsets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

QuoteKind = Literal["direct", "indirect", "mixed"]
QuoteScope = Literal["quotes", "speech"]


@dataclass(slots=True, kw_only=True)
class QuoteSpeaker:
    """The mention in the speech clause and the speaker's fullest name in the article."""

    text: str
    name: str | None
    start: int
    end: int
    actor: str | None = None  # the Document actor's id, when linked

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "start": self.start, "end": self.end, "actor": self.actor}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> QuoteSpeaker:
        return cls(text=data["text"], name=data["name"], start=data["start"], end=data["end"],
                   actor=data.get("actor"))


@dataclass(slots=True, kw_only=True)
class QuoteCue:
    """The speech verb, noun or attribution, and the lexicon entry it matched."""

    start: int
    end: int
    text: str
    lemma: str
    kind: str  # neutral, assert, deny, accuse, request

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "lemma": self.lemma, "kind": self.kind}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> QuoteCue:
        return cls(start=data["start"], end=data["end"], text=data["text"], lemma=data["lemma"], kind=data["kind"])


@dataclass(slots=True, kw_only=True)
class Quote:
    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: QuoteSpeaker | None
    cue: QuoteCue | None = None
    scope: QuoteScope = "quotes"  # the narrowest scope that counts it

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind,
                "speaker": self.speaker.to_dict() if self.speaker else None,
                "cue": self.cue.to_dict() if self.cue else None, "scope": self.scope}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        speaker, cue = data["speaker"], data.get("cue")
        return cls(start=data["start"], end=data["end"], text=data["text"], kind=data["kind"],
                   speaker=QuoteSpeaker.from_dict(speaker) if speaker else None,
                   cue=QuoteCue.from_dict(cue) if cue else None, scope=data.get("scope", "quotes"))
