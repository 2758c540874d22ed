"""The curated actor dictionary: institutions and groups from ``actors.json``, countries, their French
names, demonyms and capitals, joined into one lookup.

Country names come from babel (French CLDR names) plus ``country_aliases.tsv``; demonyms and capitals
from their own tables. Countries become ``state`` actors with id ``country:ISO3``; a capital used as a
subject stands for that country's government, id ``government:ISO3``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .core.text import strip_accents_lower
from .langdata import function_words, read_json, read_tsv

# CLDR codes that are not ISO 3166 countries (EU, UN, "outlying" groupings) or user-assigned ones.
EXTRA_ALPHA3 = {"XK": "XKX"}


@dataclass(frozen=True, slots=True)
class ActorEntry:
    id: str
    name: str
    type: str
    country: str | None = None
    qid: str | None = None
    aliases: tuple[str, ...] = ()


def _alpha3(alpha2: str) -> str | None:
    if alpha2 in EXTRA_ALPHA3:
        return EXTRA_ALPHA3[alpha2]
    import pycountry  # here, not at import: the dictionary is built on the first article

    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else None


class ActorDictionary:
    """All actor knowledge of one language, built once per process (``load_dictionary``)."""

    def __init__(self, lang: str) -> None:
        from babel import Locale  # here, not at import: the dictionary is built on the first article

        self.lang = lang
        # "Caire" is the capital "Le Caire": names are compared with and without their article.
        self._articles = ("", *(a if a.endswith("'") else f"{a} " for a in function_words(lang, "article")))
        self.capitals = {strip_accents_lower(row["capital"]): row["iso3"] for row in read_tsv(lang, "capitals.tsv")}
        self.demonyms = {strip_accents_lower(form): row["iso3"] for row in read_tsv(lang, "demonyms.tsv")
                         for form in row["forms"].split("|")}
        self.entries: dict[str, ActorEntry] = {}
        self.country_names: dict[str, list[str]] = {}  # ISO3 -> French names
        english = Locale("en").territories
        for alpha2, name in Locale(lang).territories.items():
            iso3 = _alpha3(alpha2) if alpha2.isalpha() else None
            if iso3:
                self.country_names.setdefault(iso3, []).append(name)
                self.entries[f"country:{iso3}"] = ActorEntry(f"country:{iso3}", english.get(alpha2, name),
                                                             "state", iso3)
        for row in read_tsv(lang, "country_aliases.tsv"):
            self.country_names.setdefault(row["iso3"], []).append(row["alias"])
        for obj in read_json(lang, "actors.json"):
            if obj["type"] == "state":
                self._add_state(obj)
            else:
                entry = ActorEntry(obj["id"], obj["name"], obj["type"], obj.get("country"), obj.get("qid"),
                                   tuple(obj["aliases"]))
                self.entries[entry.id] = entry
        self.countries_by_name = {strip_accents_lower(n): iso3 for iso3, names in self.country_names.items()
                                  for n in names}
        self._by_kind = self._index_by_kind(lang)
        self._by_alias = {strip_accents_lower(a): e for e in self.entries.values() for a in e.aliases}

    def _add_state(self, obj: dict[str, str]) -> None:
        """A curated state enriches ``country:ISO3`` (Wikipedia name, QID, more names). Its capital is
        not a name of the state here: whether "Washington" is a place or an actor is the syntax's call."""
        iso3 = obj["country"]
        self.entries[f"country:{iso3}"] = ActorEntry(f"country:{iso3}", obj["name"], "state", iso3, obj.get("qid"))
        names = self.country_names.setdefault(iso3, [])
        names += [a for a in obj["aliases"] if a not in names and not self._is_capital(a)]

    def _is_capital(self, name: str) -> bool:
        return any(strip_accents_lower(f"{article}{name}") in self.capitals for article in self._articles)

    def _index_by_kind(self, lang: str) -> dict[tuple[str, str], ActorEntry]:
        """(type, country) -> the curated actor named "NOUN DEMONYM" (``gouvernement irakien``), so
        that generic mentions of a country's government or army find the curated entry."""
        nouns = {strip_accents_lower(r["form"]): r["type"] for r in read_tsv(lang, "actor_nouns.tsv")}
        index: dict[tuple[str, str], ActorEntry] = {}
        for entry in self.entries.values():
            for alias in entry.aliases:
                words = strip_accents_lower(alias).split()
                if (entry.country and len(words) == 2 and nouns.get(words[0]) == entry.type
                        and self.demonyms.get(words[1]) == entry.country):
                    index.setdefault((entry.type, entry.country), entry)
        return index

    def country(self, iso3: str) -> ActorEntry:
        return self.entries.get(f"country:{iso3}") or ActorEntry(f"country:{iso3}", iso3, "state", iso3)

    def government(self, iso3: str) -> ActorEntry:
        """The government a capital stands for (``Washington a recensé``)."""
        curated = self._by_kind.get(("government", iso3))
        if curated:
            return curated
        return ActorEntry(f"government:{iso3}", f"Government of {self.country(iso3).name}", "government",
                          iso3)

    def generic(self, actor_type: str, iso3: str | None, label: str) -> ActorEntry:
        """An actor known only by its kind and country ("les forces irakiennes")."""
        curated = self._by_kind.get((actor_type, iso3)) if iso3 else None
        if curated:
            return curated
        where = self.country(iso3).name if iso3 else None
        name = f"{label} of {where}" if where else label
        return ActorEntry(f"{actor_type}:{iso3 or 'XXX'}:{strip_accents_lower(label)}", name, actor_type, iso3)

    def by_alias(self, text: str) -> ActorEntry | None:
        return self._by_alias.get(strip_accents_lower(text))

    def country_of_name(self, text: str) -> str | None:
        return self.countries_by_name.get(strip_accents_lower(text))

    def country_of_demonym(self, word: str) -> str | None:
        return self.demonyms.get(strip_accents_lower(word))

    def country_of_capital(self, text: str) -> str | None:
        return self.capitals.get(strip_accents_lower(text))


@cache
def load_dictionary(lang: str) -> ActorDictionary:
    return ActorDictionary(lang)
