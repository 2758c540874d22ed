""""la capitale": a capital named by what it is, not by its name ("des heurts ont éclaté dans la capitale").

The words only say which country when a demonym follows ("la capitale malienne"); otherwise the capital is
that of the country the text was last about (``stages.places`` decides). Not a capital of the country:
"la capitale économique", "la capitale européenne de la culture", "la capitale de la mode" (an adjective
that is no demonym, or a complement).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..actor_dictionary import load_dictionary
from ..core.text import fold_word
from .tokens import tokens_among
from .words import PlaceWords


@dataclass(frozen=True, slots=True)
class CapitalMention:
    start: int  # character offsets of "la capitale (malienne)"
    end: int
    text: str
    country: str | None  # ISO3 of a demonym after the noun ("la capitale malienne"), else None


def find_capital_mentions(doc: Any, words: PlaceWords, lang: str) -> list[CapitalMention]:
    found = []
    demonyms = load_dictionary(lang)
    for tok in (doc[i] for i in tokens_among(doc, words.capital_noun_forms)):
        if tok.pos_ != "NOUN" or tok.i == 0 or tok.dep_ == "appos" or any(c.dep_ == "cop" for c in tok.children):
            continue  # "dont Calcutta est la capitale", "Bamako, la capitale": said of the town named
        article = doc[tok.i - 1]
        if fold_word(article.text) not in words.capital_articles or article.i < tok.sent.start:
            continue  # "une capitale", "sa capitale": not one known place
        end, country = tok.i + 1, None
        after = doc[end] if end < tok.sent.end else None
        if after is not None and after.pos_ == "ADJ":
            country = demonyms.country_of_demonym(after.text)
            if country is None:
                continue  # "la capitale économique": another town
            end += 1
        elif after is not None and fold_word(after.text) in words.part_prepositions:
            continue  # "la capitale de la Syrie" (the name says it), "la capitale de la mode"
        start_char, end_char = article.idx, doc[end - 1].idx + len(doc[end - 1])
        found.append(CapitalMention(start_char, end_char, doc.text[start_char:end_char], country))
    return found
