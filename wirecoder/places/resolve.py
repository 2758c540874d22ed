"""Choosing the place a mention means among the gazetteer's candidates.

A candidate's score is a prior (countries first; cities by population; curated regions, sites and seas
in between; ISO 3166-2 divisions last), plus the article's country context, plus what the words before the
name say: French gives countries and regions an article ("dans la Vienne", "en Syrie") and towns none
("à Vienne").
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass
from typing import Literal

from .gazetteer import Place, PlaceKind

# Priors, on the scale of log10(population) + 1 for cities (Paris 7.3, Palaiseau 5.6, a village 4).
COUNTRY_PRIOR = 7.0
CURATED_PRIOR = 6.0  # curated regions, areas, seas and sites
MAX_CITY_PRIOR = 8.0
# An ISO 3166-2 division scores as a town of 1,000 inhabitants: a town named like its division ("Mopti",
# "Kayes") is the town unless the words say a region ("dans le Sindh", "la région de Kayes").
DIVISION_PRIOR = 4.0
# Context: a candidate in a country the article names, or the same sentence names. Smaller than the gap
# between a capital and a small namesake (Paris, France vs Paris, Texas: 7.3 vs 5.4) so that a stray
# American actor does not move Paris to Texas; larger than the gap between Georgia the country and the
# US state, so that Atlanta in the story makes "Géorgie" the state.
ARTICLE_CONTEXT = 1.5
SENTENCE_CONTEXT = 1.0
# "Paris, au Texas", "Alep, dans le nord de la Syrie": the text says where it is, which outweighs a
# population 300 times larger plus the penalty of a shadowed namesake.
CONTAINER_COUNTRY = 5.0
# A GeoNames town that shares its name with a curated place (Paris, Texas) needs the context to win.
SHADOWED = -2.0
# What the word before the name says ("la Vienne" vs "à Vienne").
ARTICLE_BEFORE_CITY = -1.5
ARTICLE_BEFORE_AREA = 1.0
TOWN_PREPOSITION_CITY = 1.5
TOWN_PREPOSITION_AREA = -1.0

Before = Literal["article", "town_preposition"] | None
AREA_KINDS: frozenset[PlaceKind] = frozenset({"country", "region", "other"})


@dataclass(frozen=True, slots=True)
class Clues:
    """What the text around one mention says, for ranking its candidates."""

    before: Before = None  # the word before the name: an article, "à", or neither
    kinds: frozenset[PlaceKind] | None = None  # only these kinds ("la région de Mopti": a region)
    sentence_countries: frozenset[str] = frozenset()
    container_country: str | None = None  # "Paris, au Texas": USA


def prior(place: Place) -> float:
    if place.division:
        return DIVISION_PRIOR
    if place.kind == "country":
        return COUNTRY_PRIOR
    if place.kind == "city":
        return min(math.log10(place.population + 1) + 1, MAX_CITY_PRIOR) if place.population else CURATED_PRIOR
    return CURATED_PRIOR


def score(place: Place, clues: Clues, article_countries: Collection[str], shadowed: bool = False) -> float:
    s = prior(place) + (SHADOWED if shadowed else 0.0)
    if place.country and place.country == clues.container_country:
        s += CONTAINER_COUNTRY
    if place.country and place.country in article_countries:
        s += ARTICLE_CONTEXT
    if place.country and place.country in clues.sentence_countries:
        s += SENTENCE_CONTEXT
    if clues.before == "article":
        s += ARTICLE_BEFORE_CITY if place.kind == "city" else ARTICLE_BEFORE_AREA if place.kind in AREA_KINDS else 0
    elif clues.before == "town_preposition":
        s += TOWN_PREPOSITION_CITY if place.kind == "city" else TOWN_PREPOSITION_AREA if place.kind in AREA_KINDS else 0
    return s


def best(candidates: list[Place], clues: Clues, article_countries: Collection[str]) -> Place | None:
    """The best-scored candidate of an allowed kind (ties: the first, i.e. the most trusted source)."""
    allowed = [c for c in candidates if clues.kinds is None or c.kind in clues.kinds]
    if not allowed:
        return None
    curated = any(c.curated for c in allowed)
    return max(allowed, key=lambda c: score(c, clues, article_countries, shadowed=curated and not c.curated))
