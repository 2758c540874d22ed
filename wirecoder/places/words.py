"""The words around place names (``place_words.tsv``), by what they say about the name."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache

from ..core.text import strip_accents_lower
from ..langdata import read_tsv, word_table
from .tokens import written_forms


@dataclass(frozen=True, slots=True)
class Seat:
    """A building that names the power it houses ("l'Élysée"): a place only where something happens there."""

    name: str
    country: str
    lat: float
    lon: float


def _seats(lang: str) -> dict[tuple[str, ...], Seat]:
    seats = {}
    for row in read_tsv(lang, "place_seats.tsv"):
        seat = Seat(row["name"], row["country"], float(row["lat"]), float(row["lon"]))
        for form in row["form"].split("|"):
            seats[tuple(strip_accents_lower(form.replace("'", "' ").replace("’", "' ")).split())] = seat
    return seats


@dataclass(frozen=True, slots=True)
class PlaceWords:
    sites: dict[tuple[str, ...], str]  # folded words -> English label
    directions: dict[str, str]
    area_nouns: dict[str, str]
    area_articles: frozenset[str]
    town_prepositions: frozenset[str]
    locatives: frozenset[str]
    name_heads: frozenset[str]
    part_prepositions: frozenset[str]
    site_prepositions: frozenset[str]
    part_determiners: frozenset[str]
    determiners: frozenset[str]
    container_words: frozenset[str]
    name_articles: frozenset[str]
    odonyms: dict[tuple[str, ...], str]  # folded words -> English head
    institutions: dict[tuple[str, ...], str]
    site_locatives: frozenset[str]
    area_heads: frozenset[str]
    false_heads: tuple[tuple[str, ...], ...]  # "à la place de": no site
    figurative_odonyms: frozenset[str]  # "la place de la France": a site unless its name is a country
    town_nouns: frozenset[str]  # "la ville de La Rochelle": the name after it is a town
    seats: dict[tuple[str, ...], Seat]  # folded words -> the seat of power they name ("elysee")
    district_cities: dict[str, str]  # "Paris", "capitale" -> English name of a city with arrondissements
    happening_nouns: frozenset[str]  # "une conférence à l'Élysée": the seat is where it happens
    sites_needing_de: frozenset[str]  # "le camp de Moria" is a site, "le camp Sarkozy" a side
    site_articles: frozenset[str]  # "la place de la Nation": the words of a site start at it
    name_connectors: frozenset[str]  # "place de la Concorde": between the capitalised words of one name
    apposition_words: frozenset[str]  # "Pishan, une petite localité"
    district_nouns: frozenset[str]  # "arrondissement"
    front_locatives: frozenset[str] = frozenset()  # "devant l'hôpital": a site noun after it is a place
    place_verbs: dict[str, str] = field(default_factory=dict)  # lemma -> "site" or "institution": its object
    owned_sites: frozenset[str] = frozenset()  # English labels: "l'ambassade des Etats-Unis" is not in the USA
    body_heads: frozenset[str] = frozenset()  # "le parquet de Créteil": the body, named after its seat
    capital_nouns: frozenset[str] = frozenset()  # "la capitale": a capital named by what it is
    capital_articles: frozenset[str] = frozenset()
    proceeding_verbs: frozenset[str] = frozenset()  # "voté au Sénat": the body, not its building
    judicial_verbs: frozenset[str] = frozenset()  # "comparaître devant le tribunal": the court, not a building
    head_starts: frozenset[str] = frozenset()  # first words of site heads and seats, folded
    head_start_forms: tuple[str, ...] = ()  # the same in lower case as written, and folded: a token prefilter
    site_prepositions_de: frozenset[str] = frozenset()  # the forms of "de" among them ("l'hôpital de Garches")
    longest_false_head: int = 0  # words in the longest false_head locution
    body_head_forms: tuple[str, ...] = ()  # body_heads and capital_nouns in lower case as written and folded
    capital_noun_forms: tuple[str, ...] = ()



@cache
def place_words(lang: str) -> PlaceWords:
    table = word_table(lang, "place_words.tsv", value_column="label")

    def of(kind: str) -> dict[str, str]:
        return dict(table.words(kind))

    words = PlaceWords(sites={tuple(k.split()): v for k, v in of("site").items()}, directions=of("direction"),
                      area_nouns=of("area_noun"), area_articles=frozenset(of("area_article")),
                      town_prepositions=frozenset(of("town_preposition")), locatives=frozenset(of("locative")),
                      name_heads=frozenset(table.forms("name_head")),
                      part_prepositions=frozenset(of("part_preposition")),
                      site_prepositions=frozenset(of("site_preposition")),
                      part_determiners=frozenset(of("part_determiner")), determiners=frozenset(of("determiner")),
                      container_words=frozenset(of("container_word")), name_articles=frozenset(of("name_article")),
                      odonyms={tuple(k.split()): v for k, v in of("odonym").items()},
                      institutions={tuple(k.split()): v for k, v in of("institution").items()},
                      site_locatives=frozenset(of("site_locative")), area_heads=frozenset(of("area_head")),
                      false_heads=tuple(tuple(k.split()) for k in of("false_head")),
                      figurative_odonyms=frozenset(of("figurative_odonym")), town_nouns=frozenset(of("town_noun")),
                      seats=_seats(lang), district_cities=dict(table.words("district_city")),
                      happening_nouns=frozenset(of("happening_noun")),
                      sites_needing_de=frozenset(of("site_needs_de")), site_articles=frozenset(of("site_article")),
                      name_connectors=frozenset(of("name_connector")),
                      apposition_words=frozenset(of("apposition_word")),
                      district_nouns=frozenset(of("district_noun")),
                      front_locatives=frozenset(of("front_locative")), place_verbs=of("place_verb"),
                      judicial_verbs=frozenset(of("judicial_verb")), capital_nouns=frozenset(of("capital_noun")),
                      capital_articles=frozenset(of("capital_article")), body_heads=frozenset(of("body_head")),
                      proceeding_verbs=frozenset(of("proceeding_verb")),
                      owned_sites=frozenset(of("owned_site").values()))
    heads = [*words.odonyms, *words.sites, *words.institutions, *words.seats]
    written = [form for kind in ("odonym", "site", "institution") for form in table.forms(kind)]
    written += [form for row in read_tsv(lang, "place_seats.tsv") for form in row["form"].split("|")]
    starts = {h[0] for h in heads}
    firsts = {form.lower().replace("'", "' ").replace("’", "' ").split()[0] for form in written}
    # "Elysee", "Elysée": a capital often loses its accent, and some writers drop them all
    forms = starts | firsts | {strip_accents_lower(w[0]) + w[1:] for w in firsts}
    return replace(words, head_starts=frozenset(starts), head_start_forms=tuple(sorted(forms)),
                   body_head_forms=written_forms(words.body_heads, table.forms("body_head")),
                   capital_noun_forms=written_forms(words.capital_nouns, table.forms("capital_noun")),
                   site_prepositions_de=frozenset(p for p in words.site_prepositions if p.startswith("d")),
                   longest_false_head=max((len(p) for p in words.false_heads), default=0))

