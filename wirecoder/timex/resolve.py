"""From a Frame to a TIMEX3 value and an honest interval, given what is known of the publication date.

A relative expression is resolved twice: for the first and for the last day the publication may be (a
``Reference``). When both give the same value, the value is certain; otherwise it is given at the
publication's own precision and the interval spans both answers. Weekdays and day-month dates take their
direction from the clause's tense.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..core.dates import PublicationDate
from . import calendar as cal
from .calendar import Span
from .frame import Frame

PAST, PRESENT, FUTURE = "past", "present", "future"


@dataclass(frozen=True)
class Reference:
    """A date known to some precision, as the range of days it may be (the publication date, a story day)."""

    first: date
    last: date
    value: str
    precision: str

    @classmethod
    def of(cls, iso: str, precision: str | None = None) -> Reference:
        """``2023-12-13``, ``2023-12`` or ``2023``, read as a publication date (``PublicationDate.of``)."""
        return cls.published(PublicationDate.of(iso, precision))

    @classmethod
    def published(cls, publication: PublicationDate) -> Reference:
        return cls(publication.first, publication.last, publication.value, publication.precision)

    @classmethod
    def between(cls, first: date, last: date) -> Reference:
        value = first.isoformat() if first == last else "XXXX-XX-XX"
        return cls(first, last, value, "day")

    @property
    def exact(self) -> bool:
        return self.first == self.last


@dataclass(frozen=True)
class Resolved:
    value: str | None
    earliest: str | None = None
    latest: str | None = None
    precision: str | None = None
    mod: str | None = None
    anchor: str | None = None  # publication, story, absolute


def resolve(frame: Frame, publication: Reference, story: Reference, tense: str | None) -> Resolved:
    """The value of ``frame``; DURATION and SET need no reference, DATE and TIME are resolved at both ends."""
    if frame.ref:
        return Resolved(frame.ref)
    if frame.type == "SET":
        return Resolved(_set_value(frame))
    if frame.type == "DURATION":
        return Resolved(_duration_value(frame), mod=frame.approx if frame.approx == "APPROX" else None)
    if frame.ago is not None and frame.vague:
        return Resolved("PAST_REF" if frame.ago < 0 else "FUTURE_REF", anchor="publication")
    anchor = _anchor(frame)
    lo = _span_at(frame, publication.first, story.first, tense)
    hi = _span_at(frame, publication.last, story.last, tense)
    if lo is None or hi is None:
        return Resolved(None)
    if lo.value == hi.value:
        earliest, latest = min(lo.earliest, hi.earliest) or None, max(lo.latest, hi.latest) or None
        return Resolved(lo.value, earliest, latest, lo.precision, lo.mod, anchor)
    if frame.clock:  # a clock time on a day we cannot pin
        hhmm = lo.value.split("T", 1)[1]
        return Resolved(f"XXXX-XX-XXT{hhmm}", lo.earliest, hi.latest, "minute", lo.mod, anchor)
    ref = story if anchor == "story" else publication
    return Resolved(ref.value, lo.earliest, hi.latest, ref.precision if ref.value[:1] != "X" else "day", lo.mod, anchor)


def _anchor(frame: Frame) -> str:
    if frame.year is not None or frame.decade is not None or frame.century is not None:
        return "absolute"
    if frame.story is not None or frame.shift is not None:
        return "story"
    if (frame.clock or frame.pod) and not frame.this and frame.deictic is None and frame.weekday is None \
            and frame.month is None:
        return "story"
    return "publication"


def _span_at(frame: Frame, ref: date, story: date, tense: str | None) -> Span | None:
    base = _base_span(frame, ref, story, tense)
    if base is None:
        return None
    if frame.part and base.earliest:  # a generic "début juillet" (XXXX-07) has no days to take a third of
        base = cal.part_of(base, frame.part)
    if frame.clock and base.precision == "day":
        stamp = f"{base.value}T{frame.hour:02d}:{frame.minute or 0:02d}"
        return Span(stamp, stamp, stamp, "minute")
    if frame.pod and base.precision == "day":
        latest = (date.fromisoformat(base.latest) + timedelta(days=1)).isoformat() if frame.overnight else base.latest
        return replace(base, value=f"{base.value}T{frame.pod}", latest=latest, precision="part_of_day")
    return base


def _base_span(frame: Frame, ref: date, story: date, tense: str | None) -> Span | None:
    f = frame
    if f.decade is not None:
        return cal.decade_span(f.decade)
    if f.century is not None:
        return cal.century_span(f.century)
    if f.month is not None and f.generic:  # "chaque année, du 15 juillet au 15 août": any year's
        return Span(f"XXXX-{f.month:02d}" + (f"-{f.day:02d}" if f.day else ""), "", "", "day" if f.day else "month")
    if f.month is not None:
        year = f.year if f.year is not None else _year_for_month(f.month, f.day, ref, tense, f.direction)
        if f.day is not None:
            try:
                return cal.day_span(date(year, f.month, f.day))
            except ValueError:  # "31 avril"
                return None
        return cal.month_span(year, f.month)
    if f.season is not None:
        if f.year is None and not f.this and f.direction is None and tense == PRESENT:
            return Span(f"XXXX-{f.season}", "", "", "season")  # "en été, la demande augmente": any summer
        return cal.season_span(f.year if f.year is not None else _year_for_season(f, ref), f.season)
    if f.year is not None:
        return cal.year_span(f.year)
    if f.deictic is not None:
        return cal.day_span(ref + timedelta(days=f.deictic))
    if f.story is not None:
        return cal.day_span(story + timedelta(days=f.story))
    if f.weekday is not None:
        return cal.day_span(_weekday(f.weekday, ref, tense, f.direction))
    if f.calendar_unit is not None:
        return _calendar_unit(f, ref, tense)
    if f.ago is not None and f.amount is not None and f.unit:
        return _counted(ref, f.ago * f.amount, f.unit)
    if f.shift is not None and f.amount is not None and f.unit:
        return _counted(story, f.shift * f.amount, f.unit)
    if f.clock or f.pod:
        return cal.day_span(ref if f.this else story)
    return None


def _year_for_month(month: int, day: int | None, ref: date, tense: str | None, direction: int | None) -> int:
    """The year of a month named without one, by direction ("dernier"), then tense, else the nearest."""
    year = ref.year
    if direction is not None:  # "le 6 mai dernier" on 27 May is this year's; "mai dernier" is last year's
        named, now = (month, day or 0), (ref.month, ref.day if day else 0)
        if direction < 0:
            return year if named < now else year - 1
        return year if named > now else year + 1
    if tense == PAST:
        return year if month <= ref.month else year - 1
    if tense == FUTURE:
        return year if month >= ref.month else year + 1
    return min((year, year - 1, year + 1), key=lambda y: abs((y * 12 + month) - (year * 12 + ref.month)))


def _year_for_season(f: Frame, ref: date) -> int:
    """"cet été": this year's; "l'été dernier": the last one over before ``ref``; "prochain": the next to begin."""
    season = f.season or ""
    candidates = [cal.season_span(y, season) for y in (ref.year - 2, ref.year - 1, ref.year, ref.year + 1)]
    day = ref.isoformat()
    if f.direction == -1:
        return int([s for s in candidates if s.latest < day][-1].value[:4])
    if f.direction == 1:
        return int(next(s for s in candidates if s.earliest > day).value[:4])
    # "cet été" is this year's; a winter in January to March began the December before
    return ref.year - 1 if season == "WI" and ref.month <= 3 else ref.year


def _weekday(weekday: int, ref: date, tense: str | None, direction: int | None) -> date:
    if direction == -1:
        return cal.weekday_on_or_before(ref - timedelta(days=1), weekday)
    if direction == 1:
        return cal.weekday_on_or_after(ref + timedelta(days=1), weekday)
    if tense in (PRESENT, FUTURE):
        return cal.weekday_on_or_after(ref, weekday)
    return cal.weekday_on_or_before(ref, weekday)


def _calendar_unit(f: Frame, ref: date, tense: str | None) -> Span | None:
    unit = f.calendar_unit or ""
    if unit == "WE":
        saturday = cal.weekday_on_or_before(ref, 6) if tense == PAST or f.direction == -1 \
            else cal.weekday_on_or_after(ref, 6)
        if f.direction == -1 and ref.isoweekday() >= 6:
            saturday -= timedelta(weeks=1)
        if f.direction == 1:
            saturday = cal.weekday_on_or_after(ref + timedelta(days=1), 6) + timedelta(weeks=0)
        return cal.weekend_span(saturday)
    return cal.unit_span(cal.shift(ref, f.direction or 0, unit), unit)


def _counted(ref: date, amount: float, unit: str) -> Span | None:
    """"il y a trois jours", "dans deux semaines": the calendar unit that many units away."""
    designator = unit[-1]
    count = _unit_count(unit) * amount
    if unit.startswith("PT"):  # hours, minutes: still today as far as a day can tell
        return cal.day_span(ref)
    if designator not in "DWMY" or count != int(count):
        return None
    return cal.unit_span(cal.shift(ref, int(count), designator), designator)


def _unit_count(unit: str) -> float:
    return float(unit.strip("PTDWMYSH") or 1)


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def _duration_value(f: Frame) -> str | None:
    if not f.unit:
        return None
    time_part = f.unit.startswith("PT")
    designator = f.unit[-1]
    prefix = "PT" if time_part else "P"
    if f.vague or f.amount is None:
        return f"{prefix}X{designator}"
    count = _unit_count(f.unit) * f.amount
    if count != int(count):  # "un an et demi": 18 months, "une demi-heure": 30 minutes
        smaller = {("P", "Y"): ("P", "M", 12), ("P", "D"): ("PT", "H", 24), ("PT", "H"): ("PT", "M", 60),
                   ("P", "M"): ("P", "D", 30), ("P", "W"): ("P", "D", 7)}.get((prefix, designator))
        if smaller and count * smaller[2] == int(count * smaller[2]):
            prefix, designator, factor = smaller
            count *= factor
    return f"{prefix}{_number(count)}{designator}"


def _set_value(f: Frame) -> str | None:
    if f.weekday is not None:
        return f"XXXX-WXX-{f.weekday}"
    if f.pod:
        return f"XXXX-XX-XXT{f.pod}"
    if f.unit:
        return _duration_value(replace(f, amount=f.amount or 1))
    return None
