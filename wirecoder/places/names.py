"""Normalised place names: the key under which the gazetteer stores a name and looks a mention up.

Case, accents, apostrophe style, hyphens and a leading article do not matter ("l'Irak" = "Irak",
"Etats-Unis" = "États-Unis"), and "St"/"Ste" are "Saint"/"Sainte" ("St-Denis" = "Saint-Denis").
"""

from __future__ import annotations

import re
from functools import cache

from ..core.text import transliterate_lower
from ..langdata import function_words

_SEPARATORS = re.compile(r"[\s\-‐–—'’.,()\"«»“”]+")
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mont"}


@cache
def _articles(lang: str) -> frozenset[str]:
    return frozenset(transliterate_lower(a).rstrip("'") for a in function_words(lang, "article"))


def place_key(name: str, lang: str = "fr") -> str:
    """The lookup key of a place name: folded words, without a leading article."""
    words = [_ABBREVIATIONS.get(w, w) for w in _SEPARATORS.split(transliterate_lower(name.replace("’", "'"))) if w]
    if len(words) > 1 and words[0] in _articles(lang):
        words = words[1:]
    return " ".join(words)
