"""The world's sub-national divisions (ISO 3166-2, from pycountry) as gazetteer entries.

Each division is indexed under its ISO name and, where pycountry's ``iso3166-2`` catalogue has one, its
name in the language ("Baloutchistan" for Balochistan). Its names are not searched in running text: a
division only resolves a name the recogniser or a locative already marks, so common words ("Unité",
"Lacs") and other countries' towns do not become places.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from .names import place_key

# Types of towns, not of regions: the town is GeoNames' (Bakı, Birmingham, the communes of Latvia); as a
# region it would only compete with it.
URBAN_TYPE_WORDS = frozenset({"city", "town", "municipality", "borough", "commune", "council", "quarter", "ward",
                              "capital", "urban", "administration", "sector", "precinct"})
URBAN_TYPES = frozenset({"Metropolitan district", "Federal entity", "Federal district"})
# The Arabic article of names in Arabic-speaking countries, which French news usually drops
# ("Al Muthanná" is "Muthanna", "An Najaf" "Najaf"): its romanised forms, sun letters assimilated.
ARABIC_ARTICLES = frozenset({"al", "an", "ar", "as", "ash", "ad", "adh", "at", "ath", "az", "el"})
_BRACKETS = re.compile(r"\s*\[[^\]]*\]")  # "Cardiff [Caerdydd GB-CRD]": another language's name and code
_PARENTHESES = re.compile(r"\s*\([^)]*\)")  # "Guyane (française)", "Svalbard (Arctic Region)"
_LIST = re.compile(r"\s(?:and|et|y|e)\s|,.*,")  # "Armagh City, Banbridge and Craigavon": several names


@dataclass(frozen=True, slots=True)
class Division:
    code: str  # ISO 3166-2 ("IQ-NI")
    country: str  # ISO 3166-1 alpha-3
    type: str  # pycountry's English type ("Governorate")
    name: str  # the ISO name, cleaned ("Nīnawá")
    names: tuple[str, ...]  # every form to index it under


def _urban(division_type: str) -> bool:
    return division_type in URBAN_TYPES or bool(URBAN_TYPE_WORDS & set(division_type.lower().split()))


def _forms(name: str, arabic: bool) -> list[str]:
    """The forms a name is written in: as given, without its parenthesis, without an inverted type word
    ("Adygeya, Respublika", "Murcia, Región de"), and in an Arabic-speaking country without the article."""
    name = _BRACKETS.sub("", name).strip()
    forms = [name, _PARENTHESES.sub("", name).strip()]
    if "," in name and not _LIST.search(name):
        forms.append(name.split(",")[0].strip())
    if arabic:
        for form in list(forms):
            words = place_key(form).split()
            if len(words) > 1 and words[0] in ARABIC_ARTICLES:
                forms.append(" ".join(words[1:]))
    return list(dict.fromkeys(f for f in forms if f))


@cache
def _arabic_speaking(alpha2: str) -> bool:
    from babel.languages import get_official_languages

    return "ar" in get_official_languages(alpha2, de_facto=True)


def divisions(lang: str) -> Iterator[Division]:
    """Every division but the towns, with its ISO name and, where translated, its name in ``lang``."""
    import pycountry

    translation = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
    for sub in pycountry.subdivisions:
        if _urban(sub.type):
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None:
            continue
        arabic = _arabic_speaking(sub.country_code)
        names = _forms(sub.name, arabic) + _forms(translation.gettext(sub.name), arabic)
        yield Division(sub.code, country.alpha_3, sub.type, _BRACKETS.sub("", sub.name).strip(),
                       tuple(dict.fromkeys(names)))
