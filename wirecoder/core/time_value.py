"""A TIMEX3 value parsed once: its form, its precision and the days it can denote.

The time stage writes values as strings (``2023-12-08``, ``2023-W49``, ``2023-10-17/2023-12``, ``P3D``,
``PRESENT_REF`` ...); whatever reads one back (event dates, the store's date bounds, the exports) asks a
``TimeValue`` instead of slicing the string. Parsing never fails: a value outside the grammar below is kept
as written, with no precision and no bounds.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Precision = Literal["century", "decade", "year", "season", "quarter", "month", "week", "day", "part_of_day",
                    "minute"]
Kind = Literal["date", "interval", "duration", "set", "reference", "unknown"]

# Astronomical seasons as (start month, start day, end month, end day); winter runs into the next year.
SEASONS = {"SP": (3, 21, 6, 20), "SU": (6, 21, 9, 22), "FA": (9, 23, 12, 20), "WI": (12, 21, 3, 20)}
REFERENCES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
FINE = ("day", "part_of_day", "minute")  # precisions that name one day

_YEAR = re.compile(r"(\d{4})")
_MONTH = re.compile(r"(\d{4})-(\d+)")  # "2023-1" is read as January, as the date filters always did
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MINUTE = re.compile(r"(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})")
_PART_OF_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})T(MO|AF|EV|NI|DT)")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_DECADE = re.compile(r"(\d{3})X?")  # "196X" as French TimeBank writes the 1960s; bare TIMEX3 "196" read too
_CENTURY = re.compile(r"(\d{2})(?:XX)?")  # "18XX" the 19th century; "18" read too
_DURATION = re.compile(r"PT?(?:\d+(?:\.\d+)?|X)[YMWDHS]")
_UNANCHORED = re.compile(r"XXXX-(?:XX-XX(?:T(?:\d{2}:\d{2}|MO|AF|EV|NI|DT))?|SP|SU|FA|WI)")
_SET = re.compile(r"XXXX-WXX-[1-7]")
_UNANCHORED_PRECISION: dict[str, Precision] = {"SP": "season", "SU": "season", "FA": "season", "WI": "season"}


@dataclass(frozen=True, slots=True)
class TimeValue:
    """One TIMEX3 value. ``earliest``/``latest`` are the first and last day it can denote (None where no
    day is known: durations, sets, references, ``XXXX`` values). ``calendar``: written as an ISO calendar
    date, ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, the forms an event's date takes and a date filter reads.
    An interval ``A/B`` keeps its two ends."""

    value: str
    kind: Kind
    precision: Precision | None = None
    earliest: date | None = None
    latest: date | None = None
    calendar: bool = False
    start: TimeValue | None = None  # of an interval
    end: TimeValue | None = None

    @classmethod
    def parse(cls, value: str) -> TimeValue:
        if "/" in value:
            first, _, last = value.partition("/")
            start = cls.parse(first)
            end = cls.parse(last) if last else start
            return cls(value, "interval", None, start.earliest, end.latest, start.calendar and end.calendar,
                       start, end)
        return _date(value) or _other(value)

    def __str__(self) -> str:
        return self.value

    @property
    def interval(self) -> bool:
        return self.start is not None

    @property
    def one_day(self) -> bool:
        """Names a single day (a day, a part of one, a minute), not a longer span or an interval."""
        return self.precision in FINE

    def day_range(self) -> tuple[date | None, date | None]:
        """First and last day where written as calendar dates: what a date-range filter compares
        ("2023-10-17/2023-12" -> 2023-10-17, 2023-12-31). (None, None) for anything else; an interval
        answers for each of its ends."""
        first, last = (self.start, self.end) if self.start is not None and self.end is not None else (self, self)
        return first.earliest if first.calendar else None, last.latest if last.calendar else None

    def bounds(self) -> tuple[str | None, str | None]:
        """``day_range`` as ISO strings, as the store's date columns hold them."""
        first, last = self.day_range()
        return first.isoformat() if first else None, last.isoformat() if last else None

    def day_of(self) -> TimeValue:
        """The day of a time of day ("2019-11-25TEV" -> 2019-11-25); any other value itself."""
        if self.precision in ("part_of_day", "minute") and self.start is None:
            return TimeValue.parse(self.value.split("T", 1)[0])
        return self


def _date(value: str) -> TimeValue | None:
    """A value that names days of the calendar, or None."""
    if m := _DAY.fullmatch(value):
        day = _valid(int(m[1]), int(m[2]), int(m[3]))
        return TimeValue(value, "date", "day", day, day, True) if day else None
    if m := _MONTH.fullmatch(value):
        year, month = int(m[1]), int(m[2])
        if not 1 <= month <= 12 or year == 0:
            return None  # "2023-13"
        return TimeValue(value, "date", "month", date(year, month, 1),
                         date(year, month, calendar.monthrange(year, month)[1]), True)
    if (m := _YEAR.fullmatch(value)) and int(m[1]) > 0:  # Python's calendar has no year 0
        year = int(m[1])
        return TimeValue(value, "date", "year", date(year, 1, 1), date(year, 12, 31), True)
    if (m := _MINUTE.fullmatch(value)) or (m := _PART_OF_DAY.fullmatch(value)):
        day = _valid(*(int(p) for p in m[1].split("-")))
        return TimeValue(value, "date", "minute" if m.re is _MINUTE else "part_of_day", day, day) if day else None
    if m := _WEEK.fullmatch(value):
        try:
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return None  # "2023-W54"
        first = monday + timedelta(days=5) if m[3] else monday
        return TimeValue(value, "date", "week", first, monday + timedelta(days=6))
    if m := _SEASON.fullmatch(value):
        year = int(m[1])
        m1, d1, m2, d2 = SEASONS[m[2]]
        return TimeValue(value, "date", "season", date(year, m1, d1), date(year + (m[2] == "WI"), m2, d2))
    if m := _QUARTER.fullmatch(value):
        year, first_month = int(m[1]), 3 * int(m[2]) - 2
        return TimeValue(value, "date", "quarter", date(year, first_month, 1),
                         date(year, first_month + 2, calendar.monthrange(year, first_month + 2)[1]))
    if m := _DECADE.fullmatch(value):
        first_year = int(m[1]) * 10
        return TimeValue(value, "date", "decade", date(max(first_year, 1), 1, 1), date(first_year + 9, 12, 31))
    if m := _CENTURY.fullmatch(value):  # the 20th century "19XX" (or "19"): 1900-1999
        first_year = int(m[1]) * 100
        return TimeValue(value, "date", "century", date(max(first_year, 1), 1, 1), date(first_year + 99, 12, 31))
    return None


def _other(value: str) -> TimeValue:
    """Values that name no particular days."""
    if value in REFERENCES:
        return TimeValue(value, "reference")
    if _DURATION.fullmatch(value):
        return TimeValue(value, "duration")
    if _SET.fullmatch(value):
        return TimeValue(value, "set", "day")
    if _UNANCHORED.fullmatch(value):  # a day, time or season the text does not place: "XXXX-XX-XXT10:00"
        tail = value.rsplit("-", 1)[1]
        precision: Precision = _UNANCHORED_PRECISION.get(tail) or (
            "day" if "T" not in value else "minute" if ":" in value else "part_of_day")
        return TimeValue(value, "date", precision)
    return TimeValue(value, "unknown")


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None  # "2023-02-30"
