"""Places: every distinct place an article mentions, geocoded offline, with a precision code.

Mentions come from ``wirecoder.places.mentions``; each is resolved against the gazetteer with the
article's country context (the countries of its actors and of its unambiguous places), then the places
are reported once per article, at their first mention, with every mention's offsets.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

from ..actor_dictionary import load_dictionary
from ..annotations import Place as PlaceRecord
from ..core.text import strip_accents_lower
from ..places import Gazetteer, Place, load_gazetteer, place_key
from ..places.capital import CapitalMention, find_capital_mentions
from ..places.mentions import PhraseFinder, PlaceMention, find_mentions, name_parts, place_words
from ..places.resolve import Clues, best
from ..places.words import Seat
from ..settings import Settings
from .base import Context, stage
from .parse import nlp_for

# ACLED-like geo_precision: 1 a town or a site; 2 near a town, part of one, or a region within a country;
# 3 a country, a part of a country, or a larger area; 4 named but not located (no coordinates; its country
# from the article's context).
PRECISION_EXACT, PRECISION_NEAR, PRECISION_AREA, PRECISION_UNLOCATED = 1, 2, 3, 4
# A town this large may be found by an alternate name, or by a part of an unknown name ("Paris" in
# "République de Paris"), or in a country the article does not name; smaller towns bear too many names
# that are also common words or pieces of other names ("San" of "San Siro", "Principal", "Vice").
LARGE_TOWN = 100_000
# How far before a place not located a located town or site still tells its country ("rue de Grenelle,
# dans le VIIe arrondissement de Paris" reads the other way round: the main country covers it).
NEAR_CHARS = 300
# Longer words in capitals are a headline's, not a place's name (acronyms are shorter: "RDC", "USA").
MAX_ACRONYM = 5
# An acronym ("ARS", the health agency) or a name this short matches only curated places.
MIN_TOWN_KEY = 3
# English country names said with "the" ("Embassy of the United States"), for the names of sites.
WITH_THE = ("United ", "Central African", "Czech", "Dominican", "Democratic", "Netherlands", "Philippines",
            "Bahamas", "Gambia", "Maldives", "Comoros", "Seychelles", "Marshall", "Solomon")


def _gazetteer(settings: Settings) -> Gazetteer:
    return load_gazetteer(settings["nlp.language"], settings["places.min_population"],
                          settings["places.cache_dir"] or None)


@cache
def _finder(model: str, lang: str, min_population: int, cache_dir: str) -> PhraseFinder:
    settings = Settings({"nlp.model": model, "nlp.language": lang, "places.min_population": min_population,
                         "places.cache_dir": cache_dir})
    return PhraseFinder(nlp_for(settings), _gazetteer(settings))


def finder_for(settings: Settings) -> PhraseFinder:
    return _finder(settings["nlp.model"], settings["nlp.language"], settings["places.min_population"],
                   settings["places.cache_dir"])


def setup(settings: Settings) -> None:
    finder_for(settings)  # builds or loads the gazetteer, and compiles its phrases


def _precision(place: Place, mention: PlaceMention) -> int:
    if mention.site:
        return PRECISION_EXACT
    if mention.direction:
        return PRECISION_NEAR if place.kind in {"city", "region"} and _one_country(place) else PRECISION_AREA
    if mention.district:
        return PRECISION_NEAR
    if place.kind in {"city", "site"}:
        return PRECISION_EXACT
    if place.kind == "region" and _one_country(place):
        return PRECISION_NEAR
    return PRECISION_AREA


def _one_country(place: Place) -> bool:
    """In one country: not an area shared by several ("Cachemire": India; Pakistan)."""
    return bool(place.country) and "; " not in (place.country or "")


def _country_point(iso3: str | None, gazetteer: Gazetteer) -> tuple[float | None, float | None]:
    if iso3 is None:
        return None, None
    key = place_key(load_dictionary(gazetteer.lang).country(iso3).name, gazetteer.lang)
    country = next((p for p in gazetteer.by_key(key) if p.kind == "country" and p.country == iso3), None)
    return (country.lat, country.lon) if country else (None, None)


def _record(place: Place, mention: PlaceMention, gazetteer: Gazetteer) -> PlaceRecord:
    lang = gazetteer.lang
    name, kind = place.name, place.kind
    lat, lon, precision = place.lat, place.lon, _precision(place, mention)
    if place.division and lat is None:  # no point of its own: its country's, as for "le nord de la Syrie"
        lat, lon = _country_point(place.country, gazetteer)
        precision = PRECISION_AREA if lat is not None else PRECISION_UNLOCATED
    if mention.site:
        owner = load_dictionary(lang).country(mention.owner).name if mention.owner else None
        if owner and owner.startswith(WITH_THE):
            owner = f"the {owner}"
        name = f"{mention.site}{f' of {owner}' if owner else ''}, {place.name}"
        kind = "site"
    elif mention.direction:
        name, kind = f"{mention.direction} {place.name}", "region"
    elif mention.district and mention.named:
        name, kind = mention.named, "region"
    return PlaceRecord(start=mention.start, end=mention.end, text=mention.text, name=name, country=place.country,
                       kind=kind, lat=lat, lon=lon,
                       geonames_id=None if mention.site or mention.direction or mention.district
                       else place.geonames_id,
                       precision=precision, mentions=[(mention.start, mention.end)])


def _seat_record(mention: PlaceMention, seat: Seat) -> PlaceRecord:
    """"à l'Élysée": the building, at its own point."""
    return PlaceRecord(start=mention.start, end=mention.end, text=mention.text, name=seat.name, country=seat.country,
                       kind="site", lat=seat.lat, lon=seat.lon, precision=PRECISION_EXACT,
                       mentions=[(mention.start, mention.end)])


def _owned_site(mention: PlaceMention, owner: Place) -> PlaceRecord:
    """"l'ambassade des États-Unis": the country after the site noun owns it; where it stands is not said
    (its country comes from the context, as for a place not located)."""
    article = "the " if owner.name.startswith(WITH_THE) else ""
    return replace(_unresolved(mention), name=f"{mention.site} of {article}{owner.name}", kind="site")


def _unresolved(mention: PlaceMention) -> PlaceRecord:
    """A place the text names but the gazetteer does not know: kept, with what is known (its country comes
    later, from the context). A site phrase is its own name ("Rue de Grenelle"); a recognised name is too."""
    name = mention.named or (mention.text[mention.name_start - mention.start:mention.name_end - mention.start]
                             if mention.recognised else None)
    return PlaceRecord(start=mention.start, end=mention.end, text=mention.text, name=name, country=None,
                       kind=mention.head_kind or "other", lat=None, lon=None, precision=PRECISION_UNLOCATED,
                       mentions=[(mention.start, mention.end)])


def _only_country(candidates: list[Place]) -> str | None:
    """The country of a name that can only be in one country (whatever place it is there)."""
    countries = {c.country for c in candidates}
    country = candidates[0].country if len(countries) == 1 else None
    return country if country and "; " not in country else None  # "Pyrénées": no one country


def _context(ctx: Context, mentions: list[PlaceMention], gazetteer: Gazetteer) -> set[str]:
    """Countries the article is about: the source's home country, its actors' countries and those of the
    curated names with only one reading. Country actors are left to the names ("Géorgie" made an actor
    must not vote for Georgia itself), and GeoNames' towns do not vote (too many are also common words)."""
    countries = {a.country for a in ctx.document.actors if a.country and a.type != "state"}
    countries.add(ctx.settings["places.home_country"])
    for m in mentions:
        country = _only_country([c for c in gazetteer.by_key(m.key) if c.curated])
        if country:
            countries.add(country)
    return countries


def _leading_article(name: str) -> str:
    """"le" of "Le Havre", "l'" of "L'Étang-la-Ville" (elided, inside the first word)."""
    first = strip_accents_lower(name.split()[0])
    return first[:first.index("'") + 1] if "'" in first else first


def _plausible_town(town: Place, m: PlaceMention, key: str, countries: set[str], lang: str) -> bool:
    """A GeoNames town (not curated) needs more than its name: its own name rather than one of its
    many alternate names (unless it is a large city), no article before it ("le Centre" is no town in
    Ohio) unless its name has one, and a country the article is about, a large population, or "à"."""
    alternate = place_key(town.name) != key
    large = town.population >= LARGE_TOWN
    if alternate and not large:
        return False
    if m.before == "article" and _leading_article(town.name) not in place_words(lang).name_articles:
        return False
    return large or town.country in countries or m.locative


def _plausible_division(division: Place, countries: set[str]) -> bool:
    """An ISO 3166-2 division needs a country the article is about: its names include common words ("Unité",
    "Lacs") and other countries' towns, and an area noun says a region but not whose ("le comté de Santa
    Cruz" in California is no Argentine province)."""
    return division.country in countries


def _candidates(m: PlaceMention, key: str, gazetteer: Gazetteer, countries: set[str]) -> list[Place]:
    lang = gazetteer.lang
    candidates = gazetteer.by_key(key)
    name = m.text[m.name_start - m.start:m.name_end - m.start]
    if len(key) < MIN_TOWN_KEY or (name.isupper() and len(name) > 1):
        return [c for c in candidates if c.curated]
    return [c for c in candidates if c.curated or (_plausible_division(c, countries) if c.division
                                                   else _plausible_town(c, m, key, countries, lang))]


def _with_candidates(m: PlaceMention, gazetteer: Gazetteer, countries: set[str],
                     lang: str) -> tuple[PlaceMention, list[Place]]:
    """The mention and its candidates; a site phrase curated as a whole ("la gare du Nord") is that place;
    for an unknown name, the first of its parts that is known."""
    if m.district:  # "le XVIe arrondissement de Paris": a part of the city
        return m, [c for c in gazetteer.by_key(m.key) if c.kind == "city" and c.country][:1]
    if m.named:
        whole = [c for c in gazetteer.by_key(place_key(m.named, lang)) if c.curated]
        if whole:
            return replace(m, key=place_key(m.named, lang), site=None, before=None), whole
        if not m.site:
            return m, []  # "la rue de Grenelle", "l'usine Lubrizol": a site named by its own words
    candidates = _candidates(m, m.key, gazetteer, countries)
    if candidates:
        return m, candidates
    if m.recognised or m.locative:  # "en Eure-et-Loire": a misspelt name, before its parts ("Loire")
        candidates = gazetteer.misspelt(m.key)
        if candidates:
            return m, candidates
    for part in name_parts(m, lang):
        candidates = [c for c in _candidates(part, part.key, gazetteer, countries)
                      if c.curated or (c.population >= LARGE_TOWN and place_key(c.name) == part.key)]
        if candidates:  # a curated place, or a large town by its own name ("Orléans" of "Orléans-Bricy")
            return part, candidates
    return m, []


def _resolve(m: PlaceMention, candidates: list[Place], clues: Clues, countries: set[str]) -> Place | None:
    place = best(candidates, clues, countries)
    if place is None and m.kinds:  # "la région de Mopti" where only the town is known: the town's area
        place = best(candidates, Clues(m.before, None, clues.sentence_countries), countries)
        if place is not None:
            place = place._replace(name=f"{place.name} {m.area}" if m.area else place.name, kind="region",
                                   geonames_id=None)
    return place


@stage("places", requires=("spacy_doc", "entities", "actors"), assigns=("places",), setup=setup)
def places(ctx: Context) -> None:
    settings, lang = ctx.settings, ctx.settings["nlp.language"]
    gazetteer = _gazetteer(settings)
    mentions = find_mentions(ctx.document, ctx.spacy_doc, finder_for(settings), lang)
    article_countries = _context(ctx, mentions, gazetteer)
    found = [_with_candidates(m, gazetteer, article_countries, lang) for m in mentions]
    # site phrases that are curated places as wholes ("la gare du Nord")
    wholes = [(m.start, m.end) for m, c in found if m.named and c and not m.site and not m.district]
    by_identity: dict[tuple[Any, ...], PlaceRecord] = {}
    for m, candidates in found:
        if m.inner and (not candidates or any(a <= m.start and m.end <= b for a, b in wholes)):
            continue  # "le siège de la SNCF": no town; "la gare du Nord": the whole is the place
        if not candidates and not (m.named or ((m.locative or m.head_kind or _with_a_place(m, found))
                                               and not m.site and not m.direction and _name_like(m))):
            continue  # unknown, and nothing says it is a place: the recogniser's guess is not enough
        others = {_only_country(c) for other, c in found if other.sentence == m.sentence and other is not m}
        container = _only_country(gazetteer.by_key(m.container_key)) if m.container_key else None
        clues = Clues(m.before, m.kinds, frozenset(c for c in others if c), container)
        place = _resolve(m, candidates, clues, article_countries)
        if m.seat is not None:
            record = _seat_record(m, m.seat)
        elif place is not None and m.site in place_words(lang).owned_sites and place.kind == "country":
            record = _owned_site(m, place)
        else:
            record = _record(place, m, gazetteer) if place is not None else _unresolved(m)
        identity = ("?", record.name or m.key) if record.precision == PRECISION_UNLOCATED \
            else (record.name, record.country, record.kind)
        if identity in by_identity:
            by_identity[identity].mentions.append((m.start, m.end))
        else:
            by_identity[identity] = record
    records = sorted(by_identity.values(), key=lambda r: r.start)
    home = ctx.settings["places.home_country"]
    _countries_from_context(records, home, [(x.start_char, x.end_char) for x in ctx.spacy_doc.sents])
    taken = [(m.start, m.end) for m, _ in found]
    capitals = [c for c in find_capital_mentions(ctx.spacy_doc, place_words(lang), lang)
                if not any(a < c.end and c.start < b for a, b in taken)]
    ctx.document.places = _with_capitals(records, capitals, gazetteer, home) if capitals else records


def _with_capitals(records: list[PlaceRecord], capitals: list[CapitalMention], gazetteer: Gazetteer,
                   home: str) -> list[PlaceRecord]:
    """"la capitale": the capital of its demonym's country, else of the country of the place named last
    before it, else of the article's main country; one place with the capital's other mentions."""
    located = sorted((start, r.country) for r in records if r.country and "; " not in r.country
                     and r.precision != PRECISION_UNLOCATED for start, _ in r.mentions)
    main = _main_country(records, home)
    for c in capitals:
        before = [country for start, country in located if start < c.start]
        city = _capital_city(c.country or (before[-1] if before else main), gazetteer)
        if city is None:
            continue
        same = next((r for r in records if (r.name, r.country, r.kind) == (city.name, city.country, "city")), None)
        if same is not None:
            same.mentions.append((c.start, c.end))
            continue
        records.append(PlaceRecord(start=c.start, end=c.end, text=c.text, name=city.name, country=city.country,
                                   kind="city", lat=city.lat, lon=city.lon, geonames_id=city.geonames_id,
                                   precision=PRECISION_EXACT, mentions=[(c.start, c.end)]))
    return sorted(records, key=lambda r: r.start)


def _capital_city(country: str, gazetteer: Gazetteer) -> Place | None:
    """The capital of ``country``: the first of its rows in ``capitals.tsv``, as the gazetteer has it."""
    name = next((capital for capital, iso3 in load_dictionary(gazetteer.lang).capitals.items() if iso3 == country),
                None)  # the first of its rows in capitals.tsv, folded (the key ignores accents anyway)
    if name is None:
        return None
    return next((p for p in gazetteer.by_key(place_key(name, gazetteer.lang))
                 if p.country == country and p.kind == "city"), None)


def _with_a_place(m: PlaceMention, found: list[tuple[PlaceMention, list[Place]]]) -> bool:
    """A recognised name coordinated with a place the gazetteer knows ("du château de Versailles et du Grand
    Trianon") is a place too; coordinated with another unknown name, it may be a people ("les Hans et les
    Ouïghours"), and with a site in a town a service ("le Samu et le centre hospitalier de Rouen")."""
    return m.recognised and any(other is not m and c and not other.site and other.start <= at < other.end
                                for at in m.coordinated for other, c in found)


def _name_like(m: PlaceMention) -> bool:
    """A recognised name the gazetteer does not know is reported if it looks like one: capitalised words
    (or an area head, "le VIIIe arrondissement"), no quote marks, brackets or digits."""
    name = m.text[m.name_start - m.start:m.name_end - m.start]
    if not name[:1].isupper() and m.head_kind is None:
        return False
    if any(len(word) > MAX_ACRONYM and word.isupper() for word in name.split()):
        return False  # a headline in capitals ("VERS LE VEGETARIEN QUOTIDIEN"), not a name
    return not any(c in name for c in '"«»()[]•/:;') and (m.head_kind is not None or not any(c.isdigit() for c in name))


def _main_country(records: list[PlaceRecord], home: str) -> str:
    """The country the article names most (its located places' mentions), else the home country."""
    weight: dict[str, int] = {}
    for r in records:
        if r.country and r.precision != PRECISION_UNLOCATED:
            for code in r.country.split("; "):
                weight[code] = weight.get(code, 0) + len(r.mentions)
    return max(sorted(weight), key=lambda c: (weight[c], c == home)) if weight else home


def _countries_from_context(records: list[PlaceRecord], home: str, sentences: list[tuple[int, int]]) -> None:
    """A place not located takes the country of the nearest located place in its sentence ("Baghouz, dans l'est
    de la Syrie"), else of the located town, site or region mentioned last within ``NEAR_CHARS`` before it, else
    the article's most mentioned country, else the home country: "la rue de Grenelle" in a story about Paris is
    in France."""
    located = sorted((start, r.country, r.kind) for r in records if r.country and "; " not in r.country
                     and r.precision != PRECISION_UNLOCATED for start, _ in r.mentions)
    main = _main_country(records, home)
    for r in records:
        if r.country is not None or r.precision != PRECISION_UNLOCATED:
            continue
        sentence = next(((a, b) for a, b in sentences if a <= r.start < b), (r.start, r.end))
        inside = [(abs(start - r.start), country) for start, country, _ in located
                  if sentence[0] <= start < sentence[1] and not r.start <= start < r.end]  # not its owner
        before = [(start, country) for start, country, kind in located
                  if start < r.start and kind in {"city", "site", "region"}]
        if inside:
            r.country = min(inside)[1]
        elif before and r.start - before[-1][0] < NEAR_CHARS:
            r.country = before[-1][1]
        else:
            r.country = main
