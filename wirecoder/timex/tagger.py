"""Find and resolve the time expressions of one text: grammar, context checks, resolution, signals.

Expressions are resolved in reading order so that a clock time or "le lendemain" can count from the
story's current day (the last day-precision date before it), as French TimeBank does.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import date
from functools import cache, lru_cache

from .. import annotations as records
from ..core.time_value import TimeValue
from .context import accept, generic_present
from .frame import Frame, frame_of
from .grammar import Match, find_matches
from .lexicon import load
from .resolve import PRESENT, Reference, Resolved, resolve

Tense = str | None
TenseAt = Callable[[int, int], Tense]  # (start, end) of an expression -> its clause's tense

FINE = ("day", "part_of_day", "minute")
UNKNOWN = Reference.between(date(2000, 1, 1), date(2000, 1, 1))  # any day: only absolute values are kept


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str | None
    mod: str | None
    earliest: str | None
    latest: str | None
    precision: str | None
    anchor: str | None
    period: str | None
    rule: str

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    def to_record(self) -> records.Timex:
        """The Document's record, its value and period parsed."""
        return records.Timex(start=self.start, end=self.end, text=self.text, type=self.type,  # type: ignore[arg-type]
                             value=_time_value(self.value) if self.value else None, mod=self.mod,
                             earliest=self.earliest, latest=self.latest, precision=self.precision,
                             anchor=self.anchor, period=_time_value(self.period) if self.period else None,
                             rule=self.rule)


def find_timexes(text: str, publication: Reference | str | None, *, tense: Tense | TenseAt = None,
                 lang: str = "fr") -> list[Timex]:
    """The time expressions of ``text`` resolved against ``publication`` (``2023-12``, ``2023-12-13`` ...).

    ``tense`` is the tense of every clause (``past``, ``present``, ``future``) or a function giving the
    tense at an expression's span; None is unknown. Without a publication date, expressions that need one
    are kept with a null value.
    """
    pub = publication if isinstance(publication, Reference) or publication is None else Reference.of(publication)
    tense_at: TenseAt = tense if callable(tense) else (lambda s, e, t=tense: t)  # type: ignore[misc]
    lexicon = load(lang)
    story = pub
    found: list[Timex] = []
    matches = find_matches(text, lang, lambda m, t: accept(m, t, lang))
    frames = [_generic(m, frame_of(m, lexicon, pub.last.year if pub else date.today().year), text, lang)
              for m in matches]
    frames = _years_carried(text, matches, frames)
    habit: int | None = None  # end of a generic date in the current sentence ("en été", "les mois d'été")
    for i, (match, frame) in enumerate(zip(matches, frames, strict=True)):
        if habit is not None and SENTENCE_END.search(text, habit, match.start):
            habit = None
        if pub is None or story is None:
            resolved = resolve(frame, UNKNOWN, UNKNOWN, None)
            if resolved.anchor != "absolute":
                resolved = Resolved(resolved.value if frame.type in ("DURATION", "SET") or frame.ref else None)
        else:
            tense_here = tense_at(match.start, match.end)
            frame = _habitual(frame, tense_here, habit is not None)
            if _day_follows(text, matches, frames, i):  # "vers 15 h 30, hier": the clock's day comes after it
                ahead = resolve(frames[i + 1], pub, story, tense_at(matches[i + 1].start, matches[i + 1].end))
                story = _story_day(ahead) or story
            resolved = resolve(frame, pub, story, tense_here)
        if resolved.value is None and pub is not None:
            continue
        anchor = "event" if frame.type == "DURATION" and _before_event(text, match.end, lang) else resolved.anchor
        found.append(Timex(match.start, match.end, text[match.start:match.end], frame.type, resolved.value,
                           resolved.mod or frame.part, resolved.earliest, resolved.latest, resolved.precision,
                           anchor, resolved.value if _is_date(resolved.value) else None, match.rule.name))
        story = _story_day(resolved) or story
        if frame.type == "DATE" and (resolved.value or "").startswith("XXXX"):
            habit = match.end
    if pub is not None:
        _add_periods(text, found, pub, lang)
    return found


SENTENCE_END = re.compile(r"[.!?]\s")


def _generic(match: Match, frame: Frame, text: str, lang: str) -> Frame:
    """"les jeunes d'aujourd'hui": a reference to the present, not the publication day."""
    ref = generic_present(match, text, lang)
    return replace(frame, type="TIME", ref=ref, deictic=None) if ref else frame


def _habitual(frame: Frame, tense: Tense, habit: bool) -> Frame:
    """In a present-tense clause "le lundi" is every Monday (a set; in a story told in the past or the future
    it is the Monday just named), and after a generic date in the same sentence ("en été", "pendant les mois
    d'été") a day or month of no stated year is any year's ("entre le 15 juillet et le 15 août" → XXXX-07-15)."""
    if tense != PRESENT:
        return frame
    if frame.definite and frame.day is None and frame.direction is None and frame.pod is None:
        return replace(frame, type="SET")
    if habit and frame.month is not None and frame.year is None and frame.direction is None \
            and frame.deictic is None and not frame.this:
        return replace(frame, generic=True)
    return frame


def _years_carried(text: str, matches: list[Match], frames: list[Frame]) -> list[Frame]:
    """"Le 15 mars 2011, quatre jours avant ..., le 19 mars": a day and month without a year take the year
    of a full date written earlier in the same sentence."""
    carried: list[Frame] = []
    year: tuple[int, int] | None = None  # (year, end offset of the date that gave it)
    for match, frame in zip(matches, frames, strict=True):
        if year is not None and SENTENCE_END.search(text, year[1], match.start):
            year = None
        if frame.year is None and frame.month is not None and frame.day is not None and year is not None \
                and frame.deictic is None and frame.direction is None:
            frame = replace(frame, year=year[0])
        if frame.year is not None and frame.month is not None:
            year = (frame.year, match.end)
        carried.append(frame)
    return carried


@lru_cache(maxsize=4096)
def _time_value(value: str) -> TimeValue:
    """``TimeValue.parse``, remembered (a TimeValue is immutable): each value is parsed up to five times."""
    return TimeValue.parse(value)


def _is_date(value: str | None) -> bool:
    """A value that names known days (not a duration, a reference or an unplaced "XXXX" day)."""
    return value is not None and _time_value(value).earliest is not None


def _day_follows(text: str, matches: list[Match], frames: list[Frame], i: int) -> bool:
    """A bare clock time directly followed by its day ("vers 0 h 40, jeudi")."""
    if not frames[i].clock or i + 1 >= len(matches) or not _anchor_free(frames[i]):
        return False
    following = frames[i + 1]
    gap = text[matches[i].end:matches[i + 1].start]
    return len(gap) <= 3 and not gap.strip(" ,") and not following.clock and \
        (following.deictic is not None or following.weekday is not None or following.day is not None)


def _anchor_free(frame: Frame) -> bool:
    return frame.deictic is None and frame.weekday is None and frame.month is None and frame.story is None


def _story_day(resolved: Resolved) -> Reference | None:
    """A day-precision answer becomes the story's current day (possibly a range of days): the running day
    "le lendemain" counts from, not the events' one story day of the article (``events.timing.story_day``)."""
    if resolved.precision not in FINE or not resolved.earliest or not resolved.latest:
        return None
    if resolved.value and not _is_date(resolved.value):
        return None  # "XXXX-XX-XXT10:00": a clock time on a day we cannot pin
    first, last = date.fromisoformat(resolved.earliest[:10]), date.fromisoformat(resolved.latest[:10])
    return Reference.between(first, last) if (last - first).days < 40 else None


@cache
def _signal(lang: str, kind: str) -> re.Pattern[str]:
    return re.compile(r"(?:^|(?<=\W))" + load(lang).pattern(kind) + r"\s*$", re.IGNORECASE)


def _before_event(text: str, end: int, lang: str) -> bool:
    """"dix jours après le début de la guerre": a duration counted from an event, not from publication."""
    following = text[end:end + 30]
    return bool(re.match(r"\s+" + load(lang).pattern("event_relation") + r"\s+(?!\d)\w", following, re.IGNORECASE))


def _add_periods(text: str, found: list[Timex], pub: Reference, lang: str) -> None:
    """ISO intervals for the event stage: "depuis le 17 octobre", "du 3 au 5 mai", "entre 2011 et 2014"."""
    dated = [t for t in found if t.type in ("DATE", "TIME") and _is_date(t.value)]
    for first, second in itertools.pairwise(dated):
        between = text[first.end:second.start]
        if len(between) <= 12 and _signal(lang, "range_end").search(between) \
                and _signal(lang, "range_start").search(text[max(0, first.start - 12):first.start]):
            first.period = second.period = f"{first.value}/{second.value}"
    for t in dated:
        if "/" not in (t.period or "") and _signal(lang, "since").search(text[max(0, t.start - 16):t.start]):
            t.period = f"{t.value}/{pub.value}"

