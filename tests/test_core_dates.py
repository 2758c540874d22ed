"""``core.dates``: the publication date parsed once, with its precision and the days it may be."""

from __future__ import annotations

from datetime import date

import pytest

from wirecoder.core.dates import PublicationDate, publication_date
from wirecoder.errors import InputError
from wirecoder.timex import calendar as cal


@pytest.mark.parametrize(("text", "value", "precision", "first", "last"), [
    ("2023-12-08", "2023-12-08", "day", date(2023, 12, 8), date(2023, 12, 8)),
    ("2023-2-9", "2023-02-09", "day", date(2023, 2, 9), date(2023, 2, 9)),
    (" 2023-12-08T10:30:00+01:00 ", "2023-12-08", "day", date(2023, 12, 8), date(2023, 12, 8)),
    ("2024-02", "2024-02", "month", date(2024, 2, 1), date(2024, 2, 29)),
    ("2023", "2023", "year", date(2023, 1, 1), date(2023, 12, 31)),
])
def test_parse(text: str, value: str, precision: str, first: date, last: date) -> None:
    published = PublicationDate.parse(text)
    assert (published.value, published.precision, published.first, published.last) == (value, precision, first, last)


@pytest.mark.parametrize(("text", "message"), [
    ("2023-02-30", "impossible date"), ("0000", "impossible date"), ("2023-13", "impossible date"),
    ("12/08/2023", "invalid date"), ("", "invalid date")])
def test_bad_dates(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        PublicationDate.parse(text, field="published")
    assert (caught.value.reason, caught.value.field) == ("bad-date", "published")


def test_days_agree_with_the_time_calendar() -> None:
    for month in range(1, 13):
        span = cal.month_span(2024, month)
        published = PublicationDate.parse(f"2024-{month:02d}")
        assert (published.value, published.first.isoformat(), published.last.isoformat()) == \
            (span.value, span.earliest, span.latest)


def test_period_of_an_undated_event() -> None:
    periods = [PublicationDate.parse(d).period for d in ("2023-12-08", "2023-12", "2023")]
    assert periods == ["2023-12", "2023-12", "2023"]


def test_of_the_article_fields() -> None:
    assert publication_date(None, None) is None
    assert publication_date("", "day") is None
    assert publication_date("2023-12-08", None) == PublicationDate.parse("2023-12-08")  # precision from the value
    month = publication_date("2023-12-08", "month")  # a coarser precision keeps what it names
    assert month is not None and (month.value, month.first, month.last) == ("2023-12", date(2023, 12, 1),
                                                                           date(2023, 12, 31))
    year = publication_date("2023-12", "year")
    assert year is not None and year.value == "2023"
    with pytest.raises(InputError, match="cannot have precision 'day'"):
        publication_date("2023-12", "day")
    with pytest.raises(InputError, match="cannot have precision 'week'"):
        publication_date("2023-12", "week")
