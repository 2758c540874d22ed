"""Context checks that keep counts, ages and ordinary words from being read as times.

A four-digit number is a year only where a date can stand ("en 2014", not "2500 soldats"); a bare month or
season name needs a word that introduces a date ("en juillet", not "a été"); "N ans" after a person is an
age; "14 heures" after "pendant" is a duration. The words come from the lexicon's context kinds.
"""

from __future__ import annotations

import re
from functools import cache

from ..core.text import lower_keep_accents
from .grammar import Match
from .lexicon import TimeLexicon, load

WINDOW = 40  # characters looked at on each side: enough for two or three words
YEAR_OPENER = re.compile(r"(?:1\d{3}|20\d{2})\s*[/,–-]\s*\Z")  # "1996, 1997", "2002/2003", "1998-1999"
SHORT_OPENER = re.compile(r"(\d{2,4})[/–-]\Z")  # the first year of "98-99", "1998-99"


@cache
def _ends_with(lang: str, kind: str) -> re.Pattern[str]:
    """Text ending with a form of ``kind`` (the words just before a match)."""
    return re.compile(r"(?:^|(?<=[\s(\[«\"'’]))" + load(lang).pattern(kind) + r"\s*$", re.IGNORECASE)


def _preceded_by(text: str, start: int, lang: str, kind: str) -> bool:
    return bool(_ends_with(lang, kind).search(text[max(0, start - WINDOW):start]))


def _preceded_by_punctuation(text: str, start: int, marks: str) -> bool:
    before = text[max(0, start - WINDOW):start].rstrip()
    return not before or before[-1] in marks


def _next_word(text: str, end: int) -> str:
    m = re.match(r"\s*([^\s]+)", text[end:end + WINDOW])
    return m.group(1) if m else ""


def accept(match: Match, text: str, lang: str) -> bool:
    """Whether a grammar match is a time expression in its context."""
    s, lexicon = match.slots, load(lang)
    name = match.rule.name
    if name == "year" and "short" in s:
        return _plausible_short_year(match, text, lang, lexicon)
    if name == "year" and not ({"part", "yearnoun"} & s.keys()):
        return _plausible_year(match, text, lang, lexicon)
    if name == "month" and not ({"part", "monthnoun", "year", "year2", "direction"} & s.keys()):
        return _preceded_by(text, match.start, lang, "date_context")
    if name == "season" and not ({"this", "year", "direction", "months"} & s.keys()) and \
            not lower_keep_accents(match_text(match, text)).startswith("l'"):
        # "a depuis été annulée": the verb, not the season, when a content word follows it
        return (_preceded_by(text, match.start, lang, "date_context") or text[match.start].isupper()) \
            and not _before_a_word(text, match.end, lexicon)
    if name in ("clock_h", "clock_heures", "clock_colon"):
        if _preceded_by(text, match.start, lang, "duration_signal"):
            return False
        if name == "clock_heures":
            return _preceded_by(text, match.start, lang, "clock_context")
    if name == "noon" and text[match.start].isupper():  # "Midi Libre", "le Midi": names
        return _preceded_by(text, match.start, lang, "clock_context") and not _next_word(text, match.end)[:1].isupper()
    if name == "duration" and lexicon.value("unit", s.get("unit", "")) == "P1Y" and "shift" not in s:
        return not _is_age(match, text, lang)
    if name == "duration" and lexicon.value("ambiguous_unit", s.get("unit", "")):
        return not _before_a_word(text, match.end, lexicon)  # "une seconde enquête": an ordinal
    if name == "ref" and match_text(match, text).lower().endswith("ant"):
        return not _preceded_by(text, match.start, lang, "gerund_signal")  # "en maintenant": maintenir
    return True


def generic_present(match: Match, text: str, lang: str) -> str | None:
    """The reference a bare "aujourd'hui" makes where it means "nowadays", not the publication day: "les
    jeunes d'aujourd'hui", "jusqu'à aujourd'hui", "encore aujourd'hui", "aujourd'hui encore" (PRESENT_REF)."""
    lexicon = load(lang)
    if set(match.slots) != {"deictic"} or lexicon.value("deictic_day", match.slots["deictic"]) != "0":
        return None
    before = _ends_with(lang, "generic_today_before").search(text[max(0, match.start - WINDOW):match.start])
    if before:
        return lexicon.value("generic_today_before", before.group(0).strip())
    return lexicon.value("generic_today_after", _next_word(text, match.end).rstrip(",;.:!?"))


def _before_a_word(text: str, end: int, lexicon: TimeLexicon) -> bool:
    """Followed by a lower-case word that is not a function word (a noun or adjective it qualifies); an
    elided word is looked up as written before its apostrophe ("lorsqu'il": "lorsqu'")."""
    word = re.match(r"[\w-]+['’]?", _next_word(text, end))
    if not word or not word.group(0)[0].islower():
        return False
    return lexicon.value("year_follower", word.group(0)) is None and \
        lexicon.value("year_follower", word.group(0).rstrip("'’")) is None


def match_text(match: Match, text: str) -> str:
    return text[match.start:match.end]


def _plausible_year(match: Match, text: str, lang: str, lexicon: TimeLexicon) -> bool:
    if _preceded_by(text, match.start, lang, "count_context"):
        return False
    following = _next_word(text, match.end)
    if following[:1] in ("%", "€", "$", "£") or re.match(r"\d", following):
        return False
    closer = _range_closer(lang).match(text, match.end)  # "de 1500 à 2000 personnes": both are counts
    end = closer.end() if closer else match.end
    if _before_a_word(text, end, lexicon) and not _number_follows(text, end, lang):
        return False  # "2000 manifestants": a count before its noun; "en 1990 trois accidents" is still a year
    if YEAR_OPENER.search(text, max(0, match.start - 8), match.start):
        return True  # the second year of "2002/2003", "1998-1999", "1996, 1997 et 1998"
    return _preceded_by(text, match.start, lang, "date_context") or _preceded_by_punctuation(text, match.start, "(")


def _plausible_short_year(match: Match, text: str, lang: str, lexicon: TimeLexicon) -> bool:
    """A two-digit year: after a noun that takes a year ("la saison 97", "la promotion 98"), after a
    preposition when no noun follows ("réélu en 95.", "depuis 97, le club"), or after a year and a dash or
    a slash ("la saison 98-99", "1998-99")."""
    following = _next_word(text, match.end)
    if following[:1] in ("%", "€", "$", "£") or re.match(r"\d", following):
        return False
    if lexicon.value("unit", following) or lexicon.value("unit", following.rstrip(",;.:")):
        return False  # "en 24 heures"
    start = match.start
    if (pair := SHORT_OPENER.search(text, max(0, start - 5), start)) is not None:
        first = pair.group(1)
        if not ((len(first) == 4 and 1000 <= int(first) <= 2099) or _short_year_before(text, pair.start(1), lang)):
            return False
        start = pair.start(1)
    if _preceded_by(text, start, lang, "short_year_noun"):
        return True
    return _preceded_by(text, start, lang, "short_year_context") and not _before_a_word(text, match.end, lexicon)


def _short_year_before(text: str, start: int, lang: str) -> bool:
    return _preceded_by(text, start, lang, "short_year_noun") or _preceded_by(text, start, lang, "short_year_context")


@cache
def _number_word(lang: str) -> re.Pattern[str]:
    return re.compile(r"\s*" + load(lang).pattern("number") + r"\b", re.IGNORECASE)


def _number_follows(text: str, end: int, lang: str) -> bool:
    return bool(_number_word(lang).match(text, end))


@cache
def _range_closer(lang: str) -> re.Pattern[str]:
    """A range's second number after a word: " à 2000", " et 2000" ("de 1500 à 2000 personnes" counts
    people); a dash or a slash without spaces joins years ("le plan 2018-2028 prévoit")."""
    return re.compile(r"\s+" + load(lang).pattern("range_end") + r"\s+\d{4}(?!\d)", re.IGNORECASE)


def _is_age(match: Match, text: str, lang: str) -> bool:
    """"un homme de 45 ans", "âgé de 30 ans", "les moins de 17 ans", "Marie, 34 ans," and "(34 ans)" give
    ages, not durations; "une peine de dix ans" stays a duration."""
    before = text[max(0, match.start - WINDOW):match.start]
    words = [w.lower() for w in re.findall(r"[\w’'-]+", before)]
    lexicon = load(lang)
    if "approx" in match.slots and words[-1:] and lexicon.value("date_det", words[-1]):
        return True  # "les moins de 17 ans": an age group
    if _preceded_by(text, match.start, lang, "age_link"):
        return not any(lexicon.value("duration_noun", w) for w in words[-3:-1])
    after = text[match.end:match.end + 2]
    stripped = before.rstrip()
    if stripped.endswith("(") and after.startswith(")"):
        return True
    return stripped.endswith(",") and after[:1] in (",", ")", ".")
