"""The article's publication date, parsed once into a value that knows its precision and its days.

An article may be dated to the day (``2023-12-08``), the month (``2023-12``) or the year (``2023``); the
time stage resolves "mercredi" against the days it may be, and the event stage dates an undated event
by its month. Both read the one ``PublicationDate`` made here from the article's fields.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from ..errors import InputError

DatePrecision = Literal["year", "month", "day"]

_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
_FINENESS: dict[str, int] = {"year": 0, "month": 1, "day": 2}


@dataclass(frozen=True, slots=True)
class PublicationDate:
    """``value`` is the normalised ISO date at ``precision``; ``first`` and ``last`` are the first and last
    day the article may have been published on (the same day for a day)."""

    value: str
    precision: DatePrecision
    first: dt.date
    last: dt.date

    @classmethod
    def parse(cls, text: str, *, field: str = "date") -> PublicationDate:
        """Validate a publication date ``YYYY[-MM[-DD]]`` (a time part is accepted and dropped); InputError
        (``bad-date``) for a malformed or impossible date such as ``2023-02-30``."""
        m = _DATE.fullmatch(text.strip())
        if not m:
            raise InputError("bad-date", f"invalid date {text!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)",
                             field=field)
        year, month, day = m.group(1), m.group(2), m.group(3)
        try:
            if day is not None:
                return cls._at(dt.date(int(year), int(month), int(day)), "day")
            if month is not None:
                return cls._at(dt.date(int(year), int(month), 1), "month")
            if int(year) < 1:
                raise ValueError("year 0 does not exist")
            return cls._at(dt.date(int(year), 1, 1), "year")
        except ValueError as exc:
            raise InputError("bad-date", f"impossible date {text!r} ({exc})", field=field) from None

    @classmethod
    def of(cls, value: str, precision: str | None = None) -> PublicationDate:
        """From an Article's (or Document's) ``date`` and ``date_precision``. A precision coarser than the
        value's keeps what it names (``2023-12-08`` at ``month`` is December 2023); a finer one is an error."""
        parsed = cls.parse(value)
        if precision is None or precision == parsed.precision:
            return parsed
        if precision not in _FINENESS or _FINENESS[precision] > _FINENESS[parsed.precision]:
            raise InputError("bad-date", f"date {value!r} cannot have precision {precision!r}",
                             field="date_precision")
        return cls._at(parsed.first, "month" if precision == "month" else "year")

    @classmethod
    def _at(cls, day: dt.date, precision: DatePrecision) -> PublicationDate:
        """The publication date of precision ``precision`` that contains ``day``."""
        if precision == "day":
            return cls(day.isoformat(), "day", day, day)
        if precision == "month":
            last = dt.date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
            return cls(f"{day.year:04d}-{day.month:02d}", "month", day.replace(day=1), last)
        return cls(f"{day.year:04d}", "year", dt.date(day.year, 1, 1), dt.date(day.year, 12, 31))

    @property
    def period(self) -> str:
        """What an undated event's date can be said to be: the publication month (or year)."""
        return self.value[:4] if self.precision == "year" else self.value[:7]


def publication_date(value: str | None, precision: str | None = None) -> PublicationDate | None:
    """The publication date of an article's fields; None for an undated article."""
    return PublicationDate.of(value, precision) if value else None
