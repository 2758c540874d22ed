"""An event as the coder builds it: one occurrence, its roles and attributes, and every mention of it."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import annotations as records
from ..core.time_value import TimeValue

Factuality = str  # asserted, negated, hypothetical, future


@dataclass
class Role:
    """An actor, recipient or location: the words in the article and what they stand for."""

    text: str | None  # None for an unidentified actor
    start: int | None
    end: int | None
    name: str | None
    country: str | None  # ISO alpha-3 codes, "; "-joined when several
    actor: str | None = None  # the Document actor's id, when the words name one
    inferred: bool = False  # not said in the evidence: taken from the article (see docs/events.md)
    country_inferred: bool = False  # the country is where the actor acts, not what the article says of it
    unidentified: bool = False  # the article does not say who did it: only a country is inferred (ACLED's way)
    point: tuple[float, float, int | None] | None = None  # a location's lat, lon and geo precision

    def to_record(self) -> records.EventRole:
        lat, lon, precision = self.point if self.point is not None else (None, None, None)
        return records.EventRole(text=self.text, name=self.name, country=self.country, start=self.start,
                                 end=self.end, actor=self.actor, inferred=self.inferred,
                                 country_inferred=self.country_inferred, unidentified=self.unidentified,
                                 lat=lat, lon=lon, geo_precision=precision)


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass
class Mention:
    """Where the article tells of the event: the trigger word(s) and the sentence around them."""

    trigger: Span
    lemma: str
    evidence: Span
    verbal: bool  # a verb ("ont visé"), not a noun ("les attaques")


@dataclass
class Event:
    type: str
    mode: str | None
    mention: Mention  # the mention whose sentence is the evidence
    actor: Role | None = None
    recipient: Role | None = None
    location: Role | None = None
    date: TimeValue | None = None
    date_span: Span | None = None  # the time expression the date comes from, if its own
    date_basis: str = "publication"  # expression (its own), context (the story's day), publication
    count: int | None = None
    killed: int | None = None
    injured: int | None = None
    factuality: Factuality = "asserted"
    aggregate: bool = False  # a tally or a plural of occurrences ("102 attaques", "des frappes")
    anaphoric: bool = False  # points back to an occurrence already told ("ces attaques", "sa garde à vue")
    definite: bool = False  # may point back ("les attaques", "aux attaques")
    mentions: list[Mention] = field(default_factory=list)
    codes: dict[str, str | None] = field(default_factory=dict)

    def weight(self) -> int:
        """How completely this mention states the occurrence (guidelines: the evidence is the sentence that
        states it most completely): who did it to whom counts most, then a verb over a noun ("a rencontré"
        states a meeting, "en visite" names one), then place, date and figures."""
        roles = [self.actor and not self.actor.inferred, self.recipient and not self.recipient.inferred]
        details = [self.location and not self.location.inferred, self.date_span, self.count is not None,
                   self.killed is not None, self.injured is not None]
        return 2 * sum(1 for r in roles if r) + 2 * self.mention.verbal + sum(1 for d in details if d)

    @property
    def day_dated(self) -> bool:
        """Dated to one day by its own time expression: a single occurrence, not a tally."""
        return self.date_span is not None and self.date is not None and self.date.precision == "day"

    def to_record(self, text: str) -> records.Event:
        """The Document's record of this event, with the words at its offsets."""
        ev, tr = self.mention.evidence, self.mention.trigger
        date = self.date
        return records.Event(
            type=self.type, mode=self.mode,
            actor=self.actor.to_record() if self.actor else None,
            recipient=self.recipient.to_record() if self.recipient else None,
            location=self.location.to_record() if self.location else None,
            date=date, date_basis=self.date_basis if date else None,  # type: ignore[arg-type]
            date_source=_words(self.date_span, text) if self.date_span else None,
            count=self.count, killed=self.killed, injured=self.injured,
            factuality=self.factuality,  # type: ignore[arg-type]
            evidence=_words(ev, text),
            trigger=records.EventTrigger(start=tr.start, end=tr.end, text=text[tr.start:tr.end],
                                         lemma=self.mention.lemma),
            mentions=[records.EventMention(trigger=_words(m.trigger, text),
                                           evidence=records.Offsets(start=m.evidence.start, end=m.evidence.end))
                      for m in self.mentions],
            **self.codes,
        )


def _words(span: Span, text: str) -> records.TextSpan:
    return records.TextSpan(start=span.start, end=span.end, text=text[span.start:span.end])
