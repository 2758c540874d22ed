"""What a grammar match says, as typed slots: the bridge between the language's words and the calendar."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .grammar import Match
from .lexicon import TimeLexicon, parse_number


@dataclass(frozen=True)
class Frame:
    type: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    season: str | None = None
    decade: int | None = None
    century: int | None = None
    pod: str | None = None  # TIMEX3 part of day: MO, AF, EV, NI, DT
    hour: int | None = None
    minute: int | None = None
    direction: int | None = None  # -1 "dernier", +1 "prochain"
    deictic: int | None = None  # day offset from publication ("hier" -1)
    story: int | None = None  # day offset from the story's current day ("le lendemain" +1)
    this: bool = False  # "ce", "cette": the publication's own week, month, evening
    calendar_unit: str | None = None  # W, M, Y, WE
    part: str | None = None  # START, MID, END
    amount: float | None = None  # a counted number of units
    unit: str | None = None  # one unit as an ISO duration: P1D, PT1H, P10Y
    vague: bool = False  # "plusieurs jours": an unknown number of units
    approx: str | None = None
    ago: int | None = None  # -1 "il y a", +1 "dans"
    shift: int | None = None  # -1 "plus tôt", +1 "plus tard": counted from the story's day
    each: bool = False  # a set: "chaque", "tous les"
    ref: str | None = None  # PRESENT_REF, PAST_REF, FUTURE_REF
    overnight: bool = False  # "la nuit de mercredi à jeudi" ends the next day
    definite: bool = False  # "le lundi": a habit in a clause that is not past ("fermé le lundi")
    generic: bool = False  # a day or month of no year in particular ("chaque année, le 15 août")

    @property
    def clock(self) -> bool:
        return self.hour is not None


def _int(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() else None


def _roman(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for i, ch in enumerate(text.upper()):
        v = values[ch]
        total += -v if i + 1 < len(text) and values[text[i + 1].upper()] > v else v
    return total or None


def two_digit_year(text: str, pivot_year: int) -> int:
    """'98' in a 1999 story is 1998; '05' in a 2023 story is 2005 (at most ten years ahead of the story)."""
    yy = int(re.sub(r"\D", "", text))
    year = pivot_year // 100 * 100 + yy
    return year - 100 if year > pivot_year + 10 else year


def frame_of(match: Match, lexicon: TimeLexicon, pivot_year: int) -> Frame:
    s = {**match.rule.fixed, **match.slots}
    value = lexicon.value
    year = _int(s.get("year"))
    if year is None and "year" in s and len(re.sub(r"\D", "", s["year"])) == 2:
        year = two_digit_year(s["year"], pivot_year)
    if "year2" in s or "short" in s:  # "mai 98", "la saison 97"
        year = two_digit_year(s.get("year2") or s["short"], pivot_year)
    month = _int(s.get("month")) or _int(value("month", s.get("month", "")))
    day = s.get("day")
    day_number = _int(value("first_day", day)) if day and value("first_day", day) else _int(day)
    amount = parse_number(s["num"], lexicon) if "num" in s else None
    if "half" in s:
        half = float(value("half_word", s["half"]) or s["half"])
        amount = (amount or 0) + half
    decade = s.get("decade")
    if "decade_words" in s:  # "les années soixante-dix"
        decade_number = parse_number(s["decade_words"], lexicon)
        decade = str(int(decade_number)) if decade_number and decade_number % 10 == 0 else None
    unit = value("unit", s["unit"]) if "unit" in s else None
    if "term" in s or "set_adjective" in s:  # "quinquennat", "annuel": one unit of their own length
        unit = value("term_noun", s.get("term", "")) or value("set_adjective", s.get("set_adjective", ""))
        amount = 1.0
    noon = _int(value("noon_word", s["noon"])) if "noon" in s else None
    hour = _int(s.get("hour")) if "hour" in s else noon
    kind = match.rule.type
    if (s.get("pod") and kind == "DATE") or (hour is not None and kind == "DATE"):
        kind = "TIME"
    return Frame(
        type=kind,
        year=year,
        month=month,
        day=day_number,
        weekday=_int(value("weekday", s.get("weekday", ""))),
        season=value("season", s["season"]) if "season" in s else None,
        decade=(int(decade) if len(decade) == 4 else 1900 + int(decade)) if decade else None,
        century=_roman(s["century"]) if "century" in s else None,
        pod=s.get("pod") if "pod" in match.rule.fixed else (value("part_of_day", s["pod"]) if "pod" in s else None),
        hour=hour,
        minute=_int(s.get("minute")) or 0 if hour is not None else None,
        direction=_int_signed(value("direction", s.get("direction", ""))),
        deictic=_int_signed(value("deictic_day", s.get("deictic", ""))),
        story=_int_signed(value("story_day", s.get("story", ""))),
        this="this" in s,
        calendar_unit=value("calendar_unit", s["cunit"]) if "cunit" in s else None,
        part=value("period_part", s["part"]) if "part" in s else None,
        amount=amount,
        unit=unit,
        vague="vague" in s,
        approx=value("approx", s["approx"]) if "approx" in s else None,
        ago=_int_signed(s.get("ago")),
        shift=_int_signed(value("story_shift", s.get("shift", ""))),
        each="each" in s,
        ref=value("ref", s["ref"]) if "ref" in s else value("signalled_ref", s.get("signalled", "")),
        overnight="overnight" in s,
        definite="definite" in s,
    )


def _int_signed(text: str | None) -> int | None:
    return int(text) if text and re.fullmatch(r"[+-]?\d+", text) else None
