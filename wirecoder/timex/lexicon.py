"""The time vocabulary of one language, read from ``data/<lang>/time_words.tsv``.

Forms are grouped by kind (month, weekday, number, unit, ...) and looked up case-insensitively with
typographic apostrophes folded to ASCII, so the grammar and the resolver never hold a French word.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache

from ..core.text import lower_keep_accents
from ..core.wordtable import WordTable
from ..langdata import word_table

FILE = "time_words.tsv"


@dataclass(frozen=True)
class TimeLexicon:
    lang: str
    table: WordTable  # keyed by lower_keep_accents; a kind it does not have raises UnknownKindError

    def forms(self, kind: str) -> Mapping[str, str]:
        """Folded form -> value of every word of ``kind``."""
        return self.table.words(kind)

    def value(self, kind: str, form: str) -> str | None:
        return self.table.value(kind, form)

    def pattern(self, kind: str) -> str:
        """A regex alternation of every form of ``kind``, longest first, spaces and apostrophes flexible."""
        alternatives = sorted(self.forms(kind), key=len, reverse=True)
        return "(?:" + "|".join(_flexible(f) for f in alternatives) + ")"


def _flexible(form: str) -> str:
    escaped = re.escape(form)
    return escaped.replace(r"\ ", r"\s+").replace("'", "['’]\\s*").replace(r"\-", r"[-‑]")


@lru_cache(maxsize=8192)
def _key(word: str) -> str:
    """``lower_keep_accents``, remembered: the context checks look the same few words up in every text."""
    return lower_keep_accents(word)


@cache
def load(lang: str) -> TimeLexicon:
    return TimeLexicon(lang, word_table(lang, FILE, key=_key))


def parse_number(text: str, lexicon: TimeLexicon) -> float | None:
    """A number written in digits ("30,4", "3 000") or in words ("vingt et un", "quatre-vingt-dix")."""
    compact = re.sub(r"[\s\u202f\u00a0]", "", text).replace(",", ".")
    if re.fullmatch(r"\d+(?:\.\d+)?", compact):
        return float(compact)
    words = [w for w in re.split(r"[\s\-‑]+", lower_keep_accents(text)) if w]
    numbers = lexicon.forms("number")
    total = current = 0
    previous = None
    for word in words:
        if word in lexicon.forms("number_joiner"):  # "vingt et un"
            continue
        if word not in numbers:
            return None
        value = int(numbers[word])
        if value == 1000:
            total += (current or 1) * 1000
            current = 0
        elif value == 100:
            current = (current or 1) * 100
        elif value == 20 and previous == 4:  # quatre-vingt(s) = 80
            current += 76
        else:
            current += value
        previous = value
    return float(total + current) if words else None
