"""Calendar arithmetic on concrete days: the intervals that TIMEX3 values denote.

Everything here is language-free and works on ``datetime.date``. A ``Span`` is the honest answer to "which
days can this be": its first and last day, the TIMEX3 value naming it, and the precision of that value.
"""

from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..core.time_value import SEASONS, TimeValue

PRECISIONS = ("century", "decade", "year", "season", "quarter", "month", "week", "day", "part_of_day", "minute")



@dataclass(frozen=True)
class Span:
    """A resolved DATE/TIME: value, first and last day (or minute), precision."""

    value: str
    earliest: str
    latest: str
    precision: str
    mod: str | None = None


def last_day(year: int, month: int) -> int:
    return _cal.monthrange(year, month)[1]


def day_span(d: date) -> Span:
    return Span(d.isoformat(), d.isoformat(), d.isoformat(), "day")


def month_span(year: int, month: int) -> Span:
    return Span(f"{year:04d}-{month:02d}", date(year, month, 1).isoformat(),
                date(year, month, last_day(year, month)).isoformat(), "month")


def year_span(year: int) -> Span:
    return Span(f"{year:04d}", f"{year:04d}-01-01", f"{year:04d}-12-31", "year")


def week_span(d: date) -> Span:
    """The ISO week containing ``d`` (Monday to Sunday)."""
    iso = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return Span(f"{iso.year:04d}-W{iso.week:02d}", monday.isoformat(), (monday + timedelta(days=6)).isoformat(), "week")


def weekend_span(d: date) -> Span:
    """The weekend (Saturday and Sunday) of the ISO week containing ``d``."""
    week = week_span(d)
    saturday = date.fromisoformat(week.earliest) + timedelta(days=5)
    return Span(week.value + "-WE", saturday.isoformat(), (saturday + timedelta(days=1)).isoformat(), "week")


def season_span(year: int, season: str) -> Span:
    m1, d1, m2, d2 = SEASONS[season]
    end_year = year + 1 if season == "WI" else year
    return Span(f"{year:04d}-{season}", date(year, m1, d1).isoformat(), date(end_year, m2, d2).isoformat(), "season")


def decade_span(first_year: int) -> Span:
    """The decade as French TimeBank writes it: the 1960s are ``196X``."""
    return Span(f"{first_year // 10:03d}X", f"{first_year:04d}-01-01", f"{first_year + 9:04d}-12-31", "decade")


def century_span(number: int) -> Span:
    """The n-th century, as French TimeBank writes it: the 20th century is ``19XX`` (1900-1999)."""
    first = (number - 1) * 100
    return Span(f"{number - 1:02d}XX", f"{first:04d}-01-01", f"{first + 99:04d}-12-31", "century")


def part_of(span: Span, mod: str) -> Span:
    """The first (START), middle (MID) or last (END) third of a span, keeping its value."""
    first, last = date.fromisoformat(span.earliest[:10]), date.fromisoformat(span.latest[:10])
    if span.precision == "year":  # thirds of a year follow months: Jan-Apr, May-Aug, Sep-Dec
        year = first.year
        bounds = {"START": (date(year, 1, 1), date(year, 4, 30)), "MID": (date(year, 5, 1), date(year, 8, 31)),
                  "END": (date(year, 9, 1), date(year, 12, 31))}[mod]
    elif span.precision == "month":  # 1-10, 11-20, 21-end
        y, m = first.year, first.month
        bounds = {"START": (date(y, m, 1), date(y, m, 10)), "MID": (date(y, m, 11), date(y, m, 20)),
                  "END": (date(y, m, 21), last)}[mod]
    elif span.precision in ("decade", "century"):  # thirds in whole years: "début des années 60" is 1960-1962
        years = last.year - first.year + 1
        third = years // 3
        bounds = {"START": (first, date(first.year + third - 1, 12, 31)),
                  "MID": (date(first.year + third, 1, 1), date(last.year - third, 12, 31)),
                  "END": (date(last.year - third + 1, 1, 1), last)}[mod]
    else:
        length = (last - first).days + 1
        third = max(length // 3, 1)
        bounds = {"START": (first, first + timedelta(days=third - 1)),
                  "MID": (first + timedelta(days=third), last - timedelta(days=third)),
                  "END": (last - timedelta(days=third - 1), last)}[mod]
    return replace(span, earliest=bounds[0].isoformat(), latest=bounds[1].isoformat(), mod=mod)


def shift_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, last_day(year, month + 1)))


def weekday_on_or_before(ref: date, weekday: int) -> date:
    """``weekday`` is ISO (Monday 1 ... Sunday 7)."""
    return ref - timedelta(days=(ref.isoweekday() - weekday) % 7)


def weekday_on_or_after(ref: date, weekday: int) -> date:
    return ref + timedelta(days=(weekday - ref.isoweekday()) % 7)


def unit_span(d: date, unit: str) -> Span:
    """The calendar unit (D, W, M, Y) containing ``d``: "il y a deux semaines" names a week."""
    if unit == "W":
        return week_span(d)
    if unit == "M":
        return month_span(d.year, d.month)
    if unit == "Y":
        return year_span(d.year)
    return day_span(d)


def shift(d: date, amount: int, unit: str) -> date:
    if unit == "W":
        return d + timedelta(weeks=amount)
    if unit == "M":
        return shift_months(d, amount)
    if unit == "Y":
        return shift_months(d, 12 * amount)
    return d + timedelta(days=amount)


def value_bounds(value: str | None) -> tuple[str | None, str | None]:
    """First and last day an ISO date, month or year, or an interval of them, covers ("2023-10-17/2023-12"
    -> 2023-10-17, 2023-12-31): what a date-range filter compares. (None, None) for anything else."""
    return TimeValue.parse(value).bounds() if value else (None, None)
