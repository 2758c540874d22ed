"""TimeValue: every TIMEX3 form the time stage writes, parsed once into its kind, precision and days."""

from __future__ import annotations

from datetime import date

import pytest

from wirecoder.core.time_value import TimeValue

D = date.fromisoformat


@pytest.mark.parametrize("value,kind,precision,earliest,latest,calendar", [
    ("2023-12-08", "date", "day", "2023-12-08", "2023-12-08", True),
    ("2024-02", "date", "month", "2024-02-01", "2024-02-29", True),  # a leap year
    ("2023", "date", "year", "2023-01-01", "2023-12-31", True),
    ("2023-1", "date", "month", "2023-01-01", "2023-01-31", True),  # as the date filters always read it
    ("2019-11-25TEV", "date", "part_of_day", "2019-11-25", "2019-11-25", False),
    ("1999-05-18T21:45", "date", "minute", "1999-05-18", "1999-05-18", False),
    ("2023-W49", "date", "week", "2023-12-04", "2023-12-10", False),
    ("2020-W53", "date", "week", "2020-12-28", "2021-01-03", False),  # across the new year
    ("2003-W05-WE", "date", "week", "2003-02-01", "2003-02-02", False),
    ("2023-SU", "date", "season", "2023-06-21", "2023-09-22", False),
    ("2023-WI", "date", "season", "2023-12-21", "2024-03-20", False),  # winter runs into the next year
    ("2023-Q2", "date", "quarter", "2023-04-01", "2023-06-30", False),
    ("199", "date", "decade", "1990-01-01", "1999-12-31", False),
    ("19", "date", "century", "1900-01-01", "1999-12-31", False),  # the 20th century
    ("196X", "date", "decade", "1960-01-01", "1969-12-31", False),  # French TimeBank's decade
    ("18XX", "date", "century", "1800-01-01", "1899-12-31", False),  # French TimeBank's 19th century
    ("XXXX-XX-XX", "date", "day", None, None, False),  # a day the text does not place
    ("XXXX-XX-XXT10:00", "date", "minute", None, None, False),
    ("XXXX-SU", "date", "season", None, None, False),  # "en été": any summer
    ("XXXX-WXX-1", "set", "day", None, None, False),  # "chaque lundi"
    ("P3D", "duration", None, None, None, False),
    ("PT2H", "duration", None, None, None, False),
    ("P1.5Y", "duration", None, None, None, False),
    ("PXD", "duration", None, None, None, False),  # "plusieurs jours"
    ("PRESENT_REF", "reference", None, None, None, False),
    ("PAST_REF", "reference", None, None, None, False),
    ("2023-02-30", "unknown", None, None, None, False),  # no such day
    ("2023-13", "unknown", None, None, None, False),
    ("2023-W54", "unknown", None, None, None, False),
    ("demain", "unknown", None, None, None, False),
])
def test_forms(value: str, kind: str, precision: str | None, earliest: str | None, latest: str | None,
               calendar: bool) -> None:
    parsed = TimeValue.parse(value)
    assert (parsed.kind, parsed.precision, parsed.calendar) == (kind, precision, calendar)
    assert (parsed.earliest, parsed.latest) == (earliest and D(earliest), latest and D(latest))
    assert str(parsed) == value and not parsed.interval


@pytest.mark.parametrize("value,earliest,latest,bounds", [
    ("2023-10-17/2023-12", "2023-10-17", "2023-12-31", ("2023-10-17", "2023-12-31")),  # "depuis le 17 octobre"
    ("2011/2014", "2011-01-01", "2014-12-31", ("2011-01-01", "2014-12-31")),  # "entre 2011 et 2014"
    # A filter reads calendar dates only: each end answers for itself.
    ("2023-12-08T10:00/2023-12-09", "2023-12-08", "2023-12-09", (None, "2023-12-09")),
    ("2023/", "2023-01-01", "2023-12-31", ("2023-01-01", "2023-12-31")),  # an open end is the start's
])
def test_intervals(value: str, earliest: str, latest: str, bounds: tuple[str | None, str | None]) -> None:
    parsed = TimeValue.parse(value)
    assert parsed.kind == "interval" and parsed.interval and parsed.precision is None
    assert (parsed.earliest, parsed.latest) == (D(earliest), D(latest))
    assert parsed.bounds() == bounds and str(parsed) == value


@pytest.mark.parametrize("value,bounds", [
    ("2023-12-08", ("2023-12-08", "2023-12-08")),
    ("2023-12", ("2023-12-01", "2023-12-31")),
    ("2023-W49", (None, None)),  # a week has days, but no filter is written that way
    ("P3D", (None, None)),
    ("PRESENT_REF", (None, None)),
])
def test_filter_bounds(value: str, bounds: tuple[str | None, str | None]) -> None:
    assert TimeValue.parse(value).bounds() == bounds


@pytest.mark.parametrize("value,day,one_day", [
    ("2019-11-25TEV", "2019-11-25", True),
    ("1999-05-18T21:45", "1999-05-18", True),
    ("2023-12-08", "2023-12-08", True),
    ("2023-12", "2023-12", False),
    ("XXXX-XX-XXT10:00", "XXXX-XX-XX", True),
])
def test_day_of_a_time(value: str, day: str, one_day: bool) -> None:
    parsed = TimeValue.parse(value)
    assert str(parsed.day_of()) == day and parsed.one_day == one_day


def test_one_text_one_value() -> None:
    assert TimeValue.parse("2023-12-08") == TimeValue.parse("2023-12-08") != TimeValue.parse("2023-12")
    assert len({TimeValue.parse("2023-12"), TimeValue.parse("2023-12")}) == 1
