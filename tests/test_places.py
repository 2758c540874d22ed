"""The gazetteer (built from packages and the curated files), its cache, name keys and candidate ranking."""

from __future__ import annotations

import math
import pickle
from pathlib import Path

import pycountry
import pytest

from wirecoder.langdata import read_tsv
from wirecoder.places import Place, load_gazetteer, place_key
from wirecoder.places import gazetteer as gazetteer_module
from wirecoder.places.resolve import Clues, best

CURATED = ("places_france.tsv", "places_world.tsv")
KINDS = {"country", "region", "city", "site", "other"}
ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
# A French Pacific atoll without an ISO code of its own: far from France's centroid on purpose.
FAR_FROM_ITS_COUNTRY = {"Clipperton Island"}
# Forms in both files on purpose: the resolver decides ("à Vienne" the city, "dans la Vienne" the department).
AMBIGUOUS = {"vienne"}


@pytest.mark.parametrize(("name", "key"), [
    ("l’Irak", "irak"), ("Etats-Unis", "etats unis"), ("États-Unis", "etats unis"), ("St-Denis", "saint denis"),
    ("Le Caire", "caire"), ("Côte d'Ivoire", "cote d ivoire"), ("la bande de Gaza", "bande de gaza"),
    ("Œuf-en-Ternois", "oeuf en ternois"), ("Le", "le"),
])
def test_place_key(name: str, key: str) -> None:
    assert place_key(name) == key


@pytest.mark.parametrize("name", CURATED)
def test_curated_rows_are_sound(name: str) -> None:
    """Kinds and codes valid, coordinates in range and within reach of the country they name (this catches
    a swapped sign or latitude/longitude), each form once across both files."""
    from countryinfo import CountryInfo

    seen: dict[str, str] = {}
    for other in CURATED:
        if other != name:
            seen.update({place_key(f): other for r in read_tsv("fr", other) for f in r["forms"].split("|")})
    for row in read_tsv("fr", name):
        assert row["kind"] in KINDS, row
        assert row["iso3"] == "-" or all(code in ISO3 for code in row["iso3"].split("|")), row
        lat, lon = float(row["lat"]), float(row["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, row
        if row["iso3"] not in {"-", "PSE", "MAF", "BLM"} and "|" not in row["iso3"] and \
                row["name"] not in FAR_FROM_ITS_COUNTRY:
            info = CountryInfo(row["iso3"])
            clat, clon = info.latlng()[:2]
            reach = max(2500.0, 2 * math.sqrt(info.area() or 0))  # km: big countries are wide
            assert _km(lat, lon, clat, clon) <= reach, row
        for form in row["forms"].split("|"):
            key = place_key(form)
            assert seen.get(key, name) == name or key in AMBIGUOUS, f"{form!r} also in {seen[key]}"


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    h = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer("fr", 1000)


def test_french_names_from_packages_and_curated_files(gaz) -> None:
    assert [(p.name, p.country, p.kind) for p in gaz.candidates("Irak")] == [("Iraq", "IRQ", "country")]
    baghdad = gaz.candidates("Bagdad")[0]
    assert (baghdad.country, baghdad.kind, baghdad.geonames_id) == ("IRQ", "city", 98182)
    assert gaz.candidates("Pékin")[0].name == "Beijing"  # a GeoNames alternate name
    assert gaz.candidates("la Cisjordanie")[0].country == "PSE"  # curated, with its article
    assert {p.kind for p in gaz.candidates("Vienne")} == {"city", "region"}  # not the small French town
    assert gaz.candidates("Yonne")[0].kind == "region"
    assert all(p.kind != "city" for p in gaz.candidates("Gaza"))  # the Strip, not Gaza City's namesakes
    paris = gaz.candidates("Paris")
    assert paris[0].country == "FRA" and any(p.country == "USA" for p in paris)  # Paris, Texas stays behind
    assert gaz.candidates("Atlantide") == []


def test_every_country_has_coordinates(gaz) -> None:
    countries = [p for p in gaz.places if p.kind == "country"]
    assert len(countries) > 190
    missing = [p.name for p in countries if p.lat is None]
    assert len(missing) <= 3, missing  # uninhabited: Antarctica, Bouvet Island, ...


def test_divisions_of_countries(gaz) -> None:
    """ISO 3166-2 divisions under their ISO and French names, folded; none under a curated name, nor in the
    phrases searched in running text; a division named after a town has that town's point."""
    [nineveh] = gaz.candidates("Nīnawá")
    assert gaz.candidates("Ninawa") == [nineveh] and (nineveh.country, nineveh.kind) == ("IRQ", "region")
    assert nineveh.division and nineveh.lat is None  # no town so named: no point of its own
    assert {p.country for p in gaz.candidates("Penjab") if p.division} == {"PAK", "IND"}  # the French name
    assert [p.name for p in gaz.candidates("Muthanna")] == ["Al Muthanná"]  # without the Arabic article
    mopti = {p.kind: p for p in gaz.candidates("Mopti") if p.country == "MLI"}
    assert mopti["region"].name == "Mopti Region" and mopti["region"].lat == mopti["city"].lat
    assert not any(p.division for p in gaz.candidates("Bagdad"))  # the capital's governorate: left out
    assert [p.name for p in gaz.candidates("Baloutchistan")] == ["Balochistan, Pakistan"]  # curated: no double
    assert not any(p.division for p in gaz.candidates("Alexandrie"))  # Egypt's city, not Italy's province
    assert gaz.candidates("Est") == []  # Burkina Faso's region "Est": a direction word
    assert gaz.candidates("Erevan") == [p for p in gaz.candidates("Erevan") if not p.division]  # a "City" type
    phrases = set(gaz.phrases)
    assert "Sindh" not in phrases and "Diyala" not in phrases


def test_division_names() -> None:
    from wirecoder.places.divisions import _forms, _urban

    assert _forms("Adygeya, Respublika", arabic=False) == ["Adygeya, Respublika", "Adygeya"]
    assert _forms("Cardiff [Caerdydd GB-CRD]", arabic=False) == ["Cardiff"]
    assert _forms("Guyane (française)", arabic=False) == ["Guyane (française)", "Guyane"]
    assert _forms("Armagh City, Banbridge and Craigavon", arabic=False) == ["Armagh City, Banbridge and Craigavon"]
    assert _forms("An Najaf", arabic=True) == ["An Najaf", "najaf"]
    assert _forms("An Giang", arabic=False) == ["An Giang"]  # a Vietnamese province
    assert _urban("City") and _urban("Rural municipality") and _urban("London borough")
    assert not _urban("Governorate") and not _urban("Province") and not _urban("Autonomous district")


def _place(name: str, country: str | None, kind: str, population: int = 0, curated: bool = True) -> Place:
    return Place(name, country, kind, 0.0, 0.0, None, population, curated)  # type: ignore[arg-type]


GEORGIA = _place("Georgia", "GEO", "country", 3_700_000)
GEORGIA_STATE = _place("Georgia (U.S. state)", "USA", "region")
VIENNA = _place("Vienna", "AUT", "city", 1_700_000)
VIENNE = _place("Vienne (department)", "FRA", "region")
PARIS = _place("Paris", "FRA", "city", 2_100_000)
PARIS_TX = _place("Paris", "USA", "city", 25_000, curated=False)


def test_country_context_decides_between_a_country_and_a_state() -> None:
    assert best([GEORGIA, GEORGIA_STATE], Clues(), set()) is GEORGIA
    assert best([GEORGIA, GEORGIA_STATE], Clues(), {"USA"}) is GEORGIA_STATE


def test_the_article_before_a_name_says_area_or_town() -> None:
    assert best([VIENNA, VIENNE], Clues(before="town_preposition"), {"FRA"}) is VIENNA  # "à Vienne"
    assert best([VIENNA, VIENNE], Clues(before="article"), set()) is VIENNE  # "dans la Vienne"


def test_a_small_namesake_needs_its_container() -> None:
    assert best([PARIS, PARIS_TX], Clues(), {"USA"}) is PARIS  # an American actor is not enough
    assert best([PARIS, PARIS_TX], Clues(container_country="USA"), set()) is PARIS_TX  # "Paris, au Texas"


def test_kinds_restrict_the_candidates() -> None:
    assert best([VIENNA, VIENNE], Clues(kinds=frozenset({"region"})), set()) is VIENNE
    assert best([VIENNA], Clues(kinds=frozenset({"region"})), set()) is None


MENAKA = _place("Ménaka", "MLI", "city", 20_000, curated=False)
MENAKA_REGION = _place("Ménaka Region", "MLI", "region", curated=False)


def test_a_town_named_like_its_division_is_the_town_unless_the_words_say_region() -> None:
    assert MENAKA_REGION.division and not MENAKA.division
    assert best([MENAKA_REGION, MENAKA], Clues(), {"MLI"}) is MENAKA
    assert best([MENAKA_REGION, MENAKA], Clues(before="article"), {"MLI"}) is MENAKA_REGION  # "dans le"
    assert best([MENAKA_REGION, MENAKA], Clues(kinds=frozenset({"region"})), {"MLI"}) is MENAKA_REGION


def test_cache_is_reused_and_a_broken_one_rebuilt(tmp_path: Path, monkeypatch) -> None:
    built = []

    def fake_build(lang: str, min_population: int) -> gazetteer_module.Gazetteer:
        built.append(min_population)
        return gazetteer_module.Gazetteer([VIENNA], {"vienne": (0,)}, ("Vienne",), lang)

    monkeypatch.setattr("wirecoder.places.build.build_gazetteer", fake_build)
    _, path = gazetteer_module.load_or_build("fr", 5000, tmp_path)
    assert path is not None and path.parent == tmp_path and built == [5000]
    again, _ = gazetteer_module.load_or_build("fr", 5000, tmp_path)
    assert built == [5000] and again.candidates("Vienne") == [VIENNA]  # read from the file
    path.write_bytes(b"not a pickle")
    gazetteer_module.load_or_build("fr", 5000, tmp_path)
    assert built == [5000, 5000]
    with path.open("rb") as f:
        assert pickle.load(f)[2] == ("Vienne",)


def test_unknown_population_setting_is_refused(tmp_path: Path) -> None:
    from wirecoder.errors import ConfigError

    with pytest.raises(ConfigError, match=r"places\.min_population"):
        gazetteer_module.load_or_build("fr", 2000, tmp_path)


def test_parts_of_an_unknown_name() -> None:
    from wirecoder.places.mentions import PlaceMention, name_parts

    text = "République de Paris"
    m = PlaceMention(10, 10 + len(text), text, place_key(text), name_start=10, name_end=10 + len(text))
    assert [(p.text, p.start, p.key) for p in name_parts(m, "fr")] == [("Paris", 24, "paris"),
                                                                      ("République", 10, "republique")]
    site = PlaceMention(0, 32, "la base aérienne d'Orléans-Bricy", "orleans bricy", site="Air base",
                        name_start=19, name_end=32)
    assert [(p.text, p.key) for p in name_parts(site, "fr")] == [
        ("la base aérienne d'Orléans-Bricy", "bricy"), ("la base aérienne d'Orléans-Bricy", "orleans")]


def test_a_compound_name_found_with_one_letter_wrong(gaz) -> None:
    assert [p.name for p in gaz.misspelt("eure et loire")] == ["Eure-et-Loir"]  # one letter added
    assert [p.name for p in gaz.misspelt("seine saint denys")] == ["Seine-Saint-Denis"]  # one letter changed
    assert gaz.misspelt("eure et loir") == []  # a known name is no misspelling
    assert gaz.misspelt("capitale") == []  # one word a letter away from a place is often a word of its own
    assert gaz.misspelt("bas rhi") == []  # too short (Bas-Rhin)


def test_overseas_departments_are_in_france(gaz) -> None:
    assert {(p.country, p.kind) for p in gaz.candidates("Guadeloupe")} == {("FRA", "region")}
    assert gaz.candidates("Basse-Terre")[0].country == "FRA"  # its towns too (GeoNames says GP)
    assert gaz.candidates("Nouvelle-Calédonie")[0].country == "NCL"  # a collectivity keeps its code
