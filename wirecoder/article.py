"""The Article: what came in, exactly as given, plus its publication date and that date's precision."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Literal

from .errors import InputError

DatePrecision = Literal["year", "month", "day"]

_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")


@dataclass(frozen=True, slots=True)
class Article:
    """One news article. ``text`` is never altered: every annotation offset points into it."""

    id: str
    text: str
    date: str | None = None  # ISO 8601, possibly partial: "2023", "2023-12", "2023-12-08"
    date_precision: DatePrecision | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = field(default=None, compare=False)  # "file:line" it was read from, for messages

    @property
    def content_hash(self) -> str:
        """Hash of everything that changes the annotations; the store's idempotence key."""
        h = hashlib.sha256()
        for part in (self.text, self.date or "", self.title or ""):
            h.update(part.encode("utf-8"))
            h.update(b"\x00")
        return h.hexdigest()


def parse_pub_date(value: str, *, field: str = "date") -> tuple[str, DatePrecision]:
    """Validate a publication date ``YYYY[-MM[-DD]]`` (a time part is accepted and dropped).

    Returns the normalised ISO string and its precision; raises InputError (``bad-date``) for
    malformed or impossible dates such as ``2023-02-30``.
    """
    m = _DATE.fullmatch(value.strip())
    if not m:
        raise InputError("bad-date", f"invalid date {value!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)",
                         field=field)
    year, month, day = m.group(1), m.group(2), m.group(3)
    try:
        if day is not None:
            d = dt.date(int(year), int(month), int(day))
            return d.isoformat(), "day"
        if month is not None:
            d = dt.date(int(year), int(month), 1)
            return f"{d.year:04d}-{d.month:02d}", "month"
        if int(year) < 1:
            raise ValueError("year 0 does not exist")
        return f"{int(year):04d}", "year"
    except ValueError as exc:
        raise InputError("bad-date", f"impossible date {value!r} ({exc})", field=field) from None
