"""Numbered districts of a city: "le XVIe arrondissement de Paris", "dans le 6e arrondissement", "le VIIe
arrondissement de la capitale" (the gazetteer has no arrondissements; they are counted and named here)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..core.text import strip_accents_lower
from .words import PlaceWords

ORDINAL = re.compile(r"^(?:(\d{1,2})|([IVXLC]{1,6}))(?:e|er|ème|eme|è)$")
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


@dataclass(frozen=True, slots=True)
class District:
    start: int  # token span of the words reported ("XVIe arrondissement de Paris": the city only if a name)
    end: int
    number: int
    city: str  # English name of the city


def _roman(numeral: str) -> int:
    values = [ROMAN[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def ordinal_value(text: str) -> int | None:
    found = ORDINAL.match(text)
    if not found:
        return None
    return int(found[1]) if found[1] else _roman(found[2])


def english_ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def find_districts(doc: Any, text: str, words: PlaceWords) -> list[District]:
    cities = words.district_cities
    found: list[District] = []
    if not any(noun in text for noun in words.district_nouns):
        return found
    last_city = next(iter(cities.values()), "Paris")
    for i, tok in enumerate(doc):
        folded = strip_accents_lower(tok.text)
        if folded in cities and tok.text[:1].isupper():  # the city named before a bare "dans le 6e arrondissement"
            last_city = cities[folded]
        if folded not in words.district_nouns or i == 0:
            continue
        number = ordinal_value(doc[i - 1].text)
        if not number:
            continue
        end, city = i + 1, last_city
        if end + 1 < len(doc) and strip_accents_lower(doc[end].text) in ("de", "d'"):
            after = strip_accents_lower(doc[end + 1].text)
            if after in cities and doc[end + 1].text[:1].isupper():
                end, city = end + 2, cities[after]
            elif end + 2 < len(doc) and strip_accents_lower(doc[end + 2].text) in cities:
                city = cities[strip_accents_lower(doc[end + 2].text)]  # "de la capitale": not in the words
        found.append(District(i - 1, end, number, city))
    return found
