"""Lookup keys for words and names. Three foldings, each named for what it keeps and what it drops:

=====================  =========  ============  ==========  =============  ===================
function               case       accents       "œ"         ’ (apostrophe)  spaces
=====================  =========  ============  ==========  =============  ===================
strip_accents_lower    casefold   dropped       dropped     made '          collapsed, trimmed
lower_keep_accents     lower      kept          kept        made '          collapsed, kept at ends
transliterate_lower    casefold   dropped       made "oe"   dropped         untouched
=====================  =========  ============  ==========  =============  ===================

Each table is keyed with one of them, and a word is looked up with the same one; they are not
interchangeable ("Œuvre": "uvre", "œuvre", "oeuvre").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")


def strip_accents_lower(text: str) -> str:
    """Case, accents, apostrophe style and spacing do not matter: the key of the actor, event and quote
    tables. A character with no ASCII decomposition ("œ", "«") is dropped."""
    plain = unicodedata.normalize("NFKD", text.replace("’", "'")).encode("ascii", "ignore").decode()
    return " ".join(plain.casefold().split())


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """``strip_accents_lower`` of one word, remembered: a text's words repeat, and scanners fold each token."""
    return strip_accents_lower(word)


def lower_keep_accents(text: str) -> str:
    """Lower case with accents kept, the typographic apostrophe made ASCII and each run of white space
    (non-breaking ones too) one space: the key of the time words, whose accents tell words apart."""
    return _SPACES.sub(" ", text.replace("’", "'").lower())


def transliterate_lower(text: str) -> str:
    """Lower case in ASCII with "œ" spelt "oe" (the result may be longer than ``text``); other characters
    with no ASCII decomposition (’, «) are dropped and spacing is left as it is: the place names' key."""
    decomposed = unicodedata.normalize("NFKD", text.replace("œ", "oe").replace("Œ", "Oe"))
    return decomposed.encode("ascii", "ignore").decode().casefold()
