"""Actors: named entities linked to canonical actors, people grouped with their role and country,
capital-city metonymy, and nominal actors ("les autorités irakiennes", "des combattants pro-Iran").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, cast

from ..actor_dictionary import ActorDictionary, ActorEntry, load_dictionary
from ..core.spans import inside
from ..core.text import strip_accents_lower
from ..document import Actor, ActorType, Entity, EntityLabel, Mention
from ..langdata import function_words, read_tsv, read_words
from .base import Context, stage

SUBJECT_DEPS = {"nsubj", "nsubj:pass"}
# How far back from "ROLE, NAME" a role word may stand ("la numéro deux du département d'État
# américain, Victoria Nuland" is 8 tokens); beyond that the words belong to the clause, not the role.
MAX_ROLE_TOKENS = 10
# How far after an actor noun its qualifying demonym may come ("forces de sécurité irakiennes").
MAX_NOUN_TO_DEMONYM = 3
_PRO = re.compile(r"^pro-?(.+)$", re.IGNORECASE)


@dataclass(frozen=True)
class _Lexicon:
    titles: dict[str, str]  # courtesy title -> gender
    streets: frozenset[str]  # folded "place", "rue": a country name after them is a street name
    roles: frozenset[str]  # folded role nouns
    nouns: dict[str, tuple[str, str]]  # folded actor noun -> (type, English label)
    not_entities: frozenset[str]  # folded words that are never a name on their own
    not_name_starts: frozenset[str]  # role and actor nouns: a PER/ORG starting so is a description


@cache
def _lexicon(lang: str) -> _Lexicon:
    roles = frozenset(strip_accents_lower(w) for w in read_words(lang, "roles.tsv"))
    nouns = {strip_accents_lower(r["form"]): (r["type"], r["label"]) for r in read_tsv(lang, "actor_nouns.tsv")}
    return _Lexicon(
        titles={row["form"]: row["gender"] for row in read_tsv(lang, "person_titles.tsv")},
        streets=frozenset(strip_accents_lower(w) for w in function_words(lang, "street")),
        roles=roles,
        nouns=nouns,
        not_entities=frozenset(strip_accents_lower(w) for w in read_words(lang, "not_entities.tsv")),
        not_name_starts=roles | nouns.keys())


@dataclass
class _Person:
    tokens: list[str]  # folded name words of the fullest form
    name: str
    mentions: list[Mention] = field(default_factory=list)
    entry: ActorEntry | None = None
    role: str | None = None
    country: str | None = None


class _Actors:
    """Accumulates actors by id, in order of first mention."""

    def __init__(self) -> None:
        self.by_id: dict[str, Actor] = {}

    def add(self, entry: ActorEntry, mention: Mention, *, affiliation: str | None = None) -> str:
        actor = self.by_id.get(entry.id)
        if actor is None:
            actor = self.by_id[entry.id] = Actor(entry.id, entry.name, cast(ActorType, entry.type), entry.country,
                                                 entry.qid, affiliation=affiliation)
        actor.mentions.append(mention)
        return entry.id


def _country_in(tokens: Any, d: ActorDictionary, ent_actor: dict[int, str | None]) -> str | None:
    """The country of a role phrase: its first demonym or actor decides ("numéro deux du département
    d'État américain" -> USA; "coordinateur de l'ONU en Afghanistan" -> none: the UN has no country)."""
    for tok in tokens:
        iso = d.country_of_demonym(tok.text)
        if iso:
            return iso
        actor_id = ent_actor.get(tok.i)
        if actor_id:
            entry = d.entries.get(actor_id)
            return entry.country if entry else None
    return None


def _role_before(ent: Any, roles: frozenset[str]) -> Any:
    """"ROLE, NAME" or "ROLE NAME": the role phrase ending just before the name, or None."""
    doc, sent_start = ent.doc, ent.sent.start
    end = ent.start
    if end - 1 >= sent_start and doc[end - 1].text == ",":
        end -= 1
    elif end - 1 >= sent_start and doc[end - 1].pos_ == "ADP":
        return None  # "l'avocat de Carlos Ghosn": the name is the role's complement, not its holder
    for i in range(end - 1, max(sent_start, end - MAX_ROLE_TOKENS) - 1, -1):
        tok = doc[i]
        if tok.pos_ in {"VERB", "AUX", "PUNCT"} or tok.ent_type_ == "PER":
            return None
        if strip_accents_lower(tok.text) in roles:
            # Extend over a compound role word before it ("premier ministre", "secrétaire général").
            start = i
            while start - 1 >= sent_start and doc[start - 1].pos_ == "ADJ":
                start -= 1
            return doc[start:end] if end > start else None
    return None


def _role_after(ent: Any, roles: frozenset[str]) -> Any:
    """"NAME, ROLE, ...": the role phrase between commas after the name, or None."""
    doc, sent_end = ent.doc, ent.sent.end
    i = ent.end
    if i >= sent_end or doc[i].text != ",":
        return None
    start = i + 1
    j = start
    while j < sent_end and doc[j].pos_ == "DET":
        j += 1
    if j >= sent_end or strip_accents_lower(doc[j].text) not in roles:
        return None
    end = j
    while end < sent_end and doc[end].text not in {",", ".", ";", ":"} and doc[end].pos_ not in {"VERB", "AUX"}:
        end += 1
    return doc[start:end]


def _label(ent: Any, entry: ActorEntry | None, d: ActorDictionary, lex: _Lexicon) -> str | None:
    """The entity's label after correcting the model's typical errors; None to drop it."""
    label = ent.label_
    if entry is not None:
        return label  # a dictionary match is trusted as it is
    words = ent.text.split()
    if strip_accents_lower(ent.text) in lex.not_entities:
        return None
    if label in {"PER", "ORG"} and strip_accents_lower(words[0]) in lex.not_name_starts:
        return None  # "ministre ukrainien des Affaires étrangères": a role, not a name
    if label == "PER" and not words[0][:1].isupper():
        return None  # "malien de la Défense": names start with a capital
    if label == "PER" and len(words) == 1 and (d.country_of_capital(ent.text) or d.country_of_name(ent.text)):
        return "LOC"  # "Washington" tagged as a person
    return label


def _org_entry(text: str, d: ActorDictionary) -> ActorEntry:
    """A dictionary actor for an ORG entity, also when a demonym trails it ("Gardiens de la
    Révolution iraniens"); else an article-local organisation."""
    entry = d.by_alias(text)
    words = text.split()
    if entry is None and len(words) > 1 and d.country_of_demonym(words[-1]):
        entry = d.by_alias(" ".join(words[:-1]))
    return entry or ActorEntry(f"org:{_slug(text)}", text, "other")


def _after_street_word(ent: Any, streets: frozenset[str]) -> bool:
    """"place du Luxembourg", "rue de Syrie": a street word then a preposition/article before the name."""
    doc, i = ent.doc, ent.start - 1
    while i >= 0 and doc[i].pos_ in {"ADP", "DET"} and i >= ent.start - 3:
        i -= 1
    return i >= 0 and i < ent.start - 1 and strip_accents_lower(doc[i].text) in streets


def _is_subject(ent: Any) -> bool:
    """The entity is the subject of a verb: parsed so, or (the parser often mistags "Washington
    compte" as a noun phrase) it opens its sentence and a content word follows directly."""
    if ent.root.dep_ in SUBJECT_DEPS:
        return True
    doc = ent.doc
    # A one-word "sentence" is a segmentation error: look at the next token even across it.
    if ent.start != ent.sent.start or ent.end >= len(doc) or doc[ent.end].is_space:
        return False
    nxt = doc[ent.end]
    return nxt.text[:1].islower() and nxt.pos_ not in {"ADP", "PUNCT", "CCONJ", "DET", "SCONJ", "PRON"}


def _split_title(text: str, titles: dict[str, str]) -> str:
    words = text.split()
    while len(words) > 1 and words[0] in titles:
        words = words[1:]
    return " ".join(words)


def _name_tokens(name: str) -> list[str]:
    return [w for w in re.split(r"[\s]+", strip_accents_lower(name)) if w]


def _group_person(persons: list[_Person], name: str, entry: ActorEntry | None) -> _Person:
    words = _name_tokens(name)
    for p in persons:
        if (entry is not None and p.entry is not None and p.entry.id == entry.id) or (
                words and (set(words) <= set(p.tokens) or set(p.tokens) <= set(words)
                           or words[-1] == p.tokens[-1])):
            if len(words) > len(p.tokens):
                p.tokens, p.name = words, name
            p.entry = p.entry or entry
            return p
    person = _Person(words, name, entry=entry)
    persons.append(person)
    return person


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", strip_accents_lower(name)).strip("-")


@stage("actors", requires=("spacy_doc", "paragraphs"), assigns=("entities", "actors"))
def actors(ctx: Context) -> None:
    lang = ctx.settings["nlp.language"]
    d = load_dictionary(lang)
    lex = _lexicon(lang)
    doc, document = ctx.spacy_doc, ctx.document
    credit_spans = [(p.start, p.end) for p in document.paragraphs if p.kind == "credit"]
    dateline_spans = [(p.dateline.start, p.dateline.end) for p in document.paragraphs if p.dateline]
    repeat_spans = [(p.start, p.end) for p in document.paragraphs if p.repeat_of is not None]

    found = _Actors()
    persons: list[_Person] = []
    person_of_entity: dict[int, _Person] = {}
    ent_actor: dict[int, str | None] = {}
    for ent in doc.ents:
        if inside(ent.start_char, credit_spans) or (ent.label_ != "LOC" and inside(ent.start_char, dateline_spans)):
            continue  # "Agence France-Presse", "(AFP)": credits, not actors of the story
        entry = d.entries.get(ent.id_) if ent.id_ else None
        label = _label(ent, entry, d, lex)
        if label is None:
            continue
        repeat = inside(ent.start_char, repeat_spans)
        mention = Mention(ent.start_char, ent.end_char, ent.text, repeat)
        entity = Entity(ent.start_char, ent.end_char, ent.text, cast(EntityLabel, label), repeat=repeat)
        if label == "PER":
            person = _group_person(persons, _split_title(ent.text, lex.titles), entry)
            person.mentions.append(mention)
            person_of_entity[len(document.entities)] = person
            role = _role_before(ent, lex.roles) or _role_after(ent, lex.roles)
            if role is not None and person.role is None:
                person.role = role.text
                person.country = _country_in(role, d, ent_actor)
        else:
            if label == "LOC" and (entry is None or entry.type == "state"):
                iso = entry.country if entry else d.country_of_name(ent.text)
                capital = None if entry else d.country_of_capital(ent.text)
                if iso and _after_street_word(ent, lex.streets):
                    entry = None  # "place du Luxembourg": a street, neither a country nor an actor
                elif iso:
                    entry, entity.metonymy = d.country(iso), _is_subject(ent)
                elif capital and _is_subject(ent):
                    entry, entity.metonymy = d.government(capital), True
            if entry is None and label == "ORG":
                entry = _org_entry(ent.text, d)
            if entry is not None:
                entity.actor = found.add(entry, mention)
        for tok in ent:
            ent_actor[tok.i] = entity.actor
        document.entities.append(entity)

    for index, person in person_of_entity.items():
        entry = person.entry
        pid = entry.id if entry else f"person:{_slug(person.name)}"
        document.entities[index].actor = pid
    for person in persons:
        entry = person.entry
        actor = Actor(entry.id if entry else f"person:{_slug(person.name)}",
                      entry.name if entry else person.name, "person",
                      person.country or (entry.country if entry else None), entry.qid if entry else None,
                      role=person.role, mentions=person.mentions)
        found.by_id[actor.id] = actor

    _nominal_actors(ctx, d, lex.nouns, found, ent_actor, repeat_spans, credit_spans)
    document.actors = sorted(found.by_id.values(), key=lambda a: a.mentions[0].start)


def _nominal_actors(ctx: Context, d: ActorDictionary, nouns: dict[str, tuple[str, str]], found: _Actors,
                    ent_actor: dict[int, str | None], repeat_spans: list[tuple[int, int]],
                    credit_spans: list[tuple[int, int]]) -> None:
    """"les autorités irakiennes" -> Government of Iraq; "des combattants pro-Iran" -> fighters
    affiliated with Iran. Only where no named entity already covers the words."""
    doc = ctx.spacy_doc
    for tok in doc:
        key = strip_accents_lower(tok.text)
        if key not in nouns or tok.i in ent_actor or inside(tok.idx, credit_spans):
            continue
        actor_type, label = nouns[key]
        limit = min(tok.i + 1 + MAX_NOUN_TO_DEMONYM, tok.sent.end)
        for j in range(tok.i + 1, limit):
            word = doc[j]
            if word.is_punct or word.pos_ in {"VERB", "AUX"}:
                break
            iso = d.country_of_demonym(word.text)
            affiliation = None
            pro = _PRO.match(word.text)
            if iso is None and pro:
                affiliation = d.country_of_demonym(pro.group(1)) or d.country_of_name(pro.group(1))
            if iso is None and affiliation is None:
                continue
            span = doc[tok.i:j + 1]
            entry = d.by_alias(span.text) or d.generic(actor_type, iso, label)
            repeat = inside(span.start_char, repeat_spans)
            found.add(entry, Mention(span.start_char, span.end_char, span.text, repeat),
                      affiliation=affiliation)
            break
