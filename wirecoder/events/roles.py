"""Who did it and to whom: an event's actor and recipient from the parse, as the article's actors.

The subject of a verb and the actor it refers to come from the clause layer, as a speaker's do (pronouns
resolved, "la numéro deux du département d'État" linked to the person it describes); an object or a
"contre X" is the recipient; in the passive the roles swap ("revendiqués par X"). A noun takes its roles
from its complements ("la visite de X", "des frappes contre Y") or from the verb that carries it out ("le
Pentagone a effectué des frappes").
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..actor_dictionary import ActorDictionary, load_dictionary
from ..clauses import OBJECT_DEPS, Clauses
from ..core.text import strip_accents_lower
from ..document import Actor
from .lexicon import EventLexicon
from .model import Role
from .triggers import governor, keys, passive

SUBJECT_DEPS = ("nsubj", "nsubj:pass")
# Event types whose noun's "de X" is the one it happens to ("l'arrestation de X", "le meurtre de X"); for
# the others "de X" is the doer ("la visite de X", "la démission de X", "la manifestation des X").
PATIENT_GENITIVE = {"COERCE", "SANCTION", "ASSAULT", "ACCUSE"}
PATIENT_GENITIVE_MODES = {("RETREAT", "release")}
PERSON_LIKE = ("PROPN", "PRON")
NOMINAL = ("NOUN", "PROPN", "NUM", "PRON")


class RoleFinder:
    """Actor and recipient resolution for one article."""

    def __init__(self, clauses: Clauses, lex: EventLexicon) -> None:
        self.clauses, self.doc, self.lex = clauses, clauses.doc, lex
        document = clauses.document
        self.actors: dict[str, Actor] = {a.id: a for a in document.actors}
        self.dictionary: ActorDictionary = load_dictionary(clauses.lang)
        # Every actor mention, nominal ones included ("des combattants pro-Iran"), by start offset.
        self.mentions = sorted((m.start, m.end, a) for a in document.actors for m in a.mentions)
        # Places are not participants, except a seat of power that names its holder ("reçus à Matignon": the
        # Prime Minister): a site that is also an actor mention stays a possible participant.
        named = [(m.start, m.end) for a in document.actors for m in a.mentions]
        self.place_chars = {i for p in document.places for s, e in p.spans()
                            if not (p.kind == "site" and any(a <= s and e <= b for a, b in named))
                            for i in range(s, e)}

    # -- one noun phrase -----------------------------------------------------------------------------------

    def role(self, lo: int, hi: int, before: int) -> Role | None:
        span = self.doc[lo:hi]
        if not any(c.isalpha() for c in span.text):
            return None
        # An event told inside a quote has its doer there too, and a pronoun may stand for a person named only
        # in quotes: unlike a speech verb's speaker (on the dev set, excluding quoted words loses 0.016 of actor).
        speaker = self.clauses.speaker(lo, hi, before=before, in_quotes=True)
        actor = self.actors.get(speaker.actor) if speaker.actor else None
        if actor is None or actor.type != "person":  # the phrase's first actor, not one inside it
            first = next((a for s, _, a in self.mentions if speaker.start <= s < speaker.end), None)
            actor = first or actor
            speaker = replace(speaker, actor=actor.id if actor else None)
        country = (actor.country if actor else None) or self._country_in(span)  # "la force française Barkhane"
        name = actor.name if actor is not None and actor.type != "person" else speaker.name
        return Role(speaker.text, speaker.start, speaker.end, name or speaker.text, country, speaker.actor)

    def phrase(self, head: Any) -> Role | None:
        lo, hi = self.clauses.noun_phrase(head)
        return self.role(lo, hi, head.idx)

    def _country_in(self, span: Any) -> str | None:
        """"des soldats maliens", "l'ambassade américaine": a demonym or a country name in the words."""
        for tok in span:
            iso = self.dictionary.country_of_demonym(tok.text) or self.dictionary.country_of_name(tok.text)
            if iso:
                return iso
        return None

    def _is_weapon(self, head: Any) -> bool:
        return any(self.lex.has("weapon", k) for k in keys(head))

    def _usable(self, token: Any) -> bool:
        """A complement that may be a participant: not a time expression, not a place."""
        return not self.clauses.in_time(token.idx) and token.idx not in self.place_chars

    # -- verbs and nouns -----------------------------------------------------------------------------------

    def subject(self, verb: Any) -> Role | None:
        found = self.clauses.subject(verb, quoted=True)  # inside quote marks too (see ``role``)
        if found is not None and found[0] > verb.i and self.doc[found[0]:found[1]].root.dep_ not in SUBJECT_DEPS:
            found = None  # a noun after the verb is its object ("tuant au moins quatre civils"), not an incise's
        if found is None and {"Part", "Ger"} & set(verb.morph.get("VerbForm")) and verb.head.i != verb.i \
                and verb.dep_ in ("advcl", "conj", "xcomp"):
            return self.subject(verb.head)  # "La Russie a lancé une attaque, tuant ...": the main verb's subject
        if found is None:
            return None
        head = self.doc[found[0]:found[1]].root
        if self._is_weapon(head):
            return None  # "des roquettes ont visé": the weapon, not who fired it
        return self.role(found[0], found[1], verb.idx)

    def of_verb(self, verb: Any, event_type: str) -> tuple[Role | None, Role | None]:
        if passive(verb, self.lex) and not any(c.dep_ == "obj" for c in verb.children):
            agent = self.clauses.passive_agent(verb)
            patient = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
            if patient is None and verb.dep_ in ("acl", "acl:relcl"):
                patient = verb.head  # "une femme tuée par", "les militants arrêtés"
            if agent is not None and self._is_weapon(agent):
                agent = None  # "tué par un tir de drone": the weapon, not who fired it
            return (self.phrase(agent) if agent is not None else None,
                    self.phrase(patient) if patient is not None and not self._is_weapon(patient) else None)
        return self.subject(verb), self._recipient(verb, event_type)

    def _recipient(self, verb: Any, event_type: str) -> Role | None:
        for child in self.clauses.objects(verb):
            if child.pos_ != "PRON" and self.clauses.preposition(child) is None \
                    and not self.clauses.in_time(child.idx):  # "visé l'ambassade": an object may be a place
                return self.phrase(child)
        return self._prepositional(verb, event_type)

    def _aims(self, token: Any, event_type: str) -> bool:
        """The token's preposition introduces whom an event of this type is aimed at."""
        types = self.lex.value("recipient_case", self.clauses.preposition(token) or "")
        return types is not None and (types == "-" or event_type in types.split("|"))

    def _prepositional(self, verb: Any, event_type: str) -> Role | None:
        """"contre X", "avec X" on the verb, or on one of its complements ("au téléphone avec X")."""
        level = self.clauses.complements(verb)
        for _ in range(2):
            for child in level:
                if self._usable(child) and self._aims(child, event_type) and child.pos_ != "PRON":
                    return self.phrase(child)
            level = [g for c in level for g in c.children if g.dep_ == "nmod"]
        return None

    def of_noun(self, noun: Any, event_type: str, mode: str | None) -> tuple[Role | None, Role | None]:
        patient_genitive = event_type in PATIENT_GENITIVE or (event_type, mode) in PATIENT_GENITIVE_MODES
        actor, recipient = self._by_verb(noun, patient_genitive, event_type)
        copula = next((c for c in noun.children if c.dep_ == "cop"), None)
        if copula is not None:  # "X est en garde à vue", "ce sont des attaques"
            subject = next((c for c in [*noun.children, *copula.children] if c.dep_ == "nsubj" and c.pos_ != "PRON"),
                           None)
            if subject is not None and patient_genitive:
                recipient = recipient or self.phrase(subject)
            elif subject is not None:
                actor = actor or self.phrase(subject)
        complements = [c for c in noun.children if c.dep_ == "nmod" and self._usable(c) and not self._is_weapon(c)]
        # "contre X" first: "l'attaque d'ampleur contre le réseau", "les frappes de l'armée contre X"
        complements.sort(key=lambda c: not self._aims(c, event_type))
        for child in complements:
            case = self.clauses.preposition(child) or ""
            if self.lex.has("agent_case", case) and actor is None:
                actor = self.phrase(child)
            elif self.lex.has("genitive_case", case) and self._determined(child) and (
                    self._participant(child) or child.pos_ in NOMINAL):
                if patient_genitive and recipient is None:
                    recipient = self.phrase(child)
                elif not patient_genitive and actor is None:  # "les défections de deux de ses colistiers"
                    actor = self.phrase(child)
            elif self._aims(child, event_type) and recipient is None and not self._in_trigger(child, noun):
                recipient = self.phrase(child)
        if actor is None:  # "un hommage national, présidé par Emmanuel Macron"
            agent = next((g for c in noun.children if c.dep_ in ("acl", "amod")
                          for g in c.children if g.dep_ == "obl:agent"), None)
            actor = self.phrase(agent) if agent is not None else None
        if actor is None and not patient_genitive and noun.dep_ in ("nmod", "appos") \
                and noun.head.pos_ in PERSON_LIKE and self._participant(noun.head):
            actor = self.phrase(noun.head)  # "Victoria Nuland, en visite à Bagdad"
        return actor, recipient

    def _by_verb(self, noun: Any, patient_genitive: bool, event_type: str) -> tuple[Role | None, Role | None]:
        """The doer of a noun's event is its verb's subject when the verb carries it out ("le Pentagone a
        effectué des frappes", "a annoncé le retrait de ses soldats"); for events that have no victim, any
        verb will do ("Macron a entamé une visite")."""
        verb, below = governor(noun, self.lex)
        if verb is None or not (self.lex.has("perform", verb.lemma_) or not patient_genitive):
            return None, None
        if below.dep_ == "nsubj:pass":  # "ces frappes ont été revendiquées par X"
            agent = self.clauses.passive_agent(verb)
            return (self.phrase(agent) if agent is not None else None), None
        if below.dep_ in OBJECT_DEPS:
            # "effectué des frappes contre X": the parser hangs X on the verb
            return self.subject(verb), self._prepositional(verb, event_type)
        return None, None

    def _in_trigger(self, child: Any, noun: Any) -> bool:
        """"vue" of "garde à vue": a word of the trigger's own pattern."""
        rules = self.lex.rules.get((strip_accents_lower(noun.lemma_), "NOUN"), ()) + \
            self.lex.rules.get((strip_accents_lower(noun.text), "NOUN"), ())
        return any(k in rule.rest for rule in rules for k in keys(child))

    @staticmethod
    def _determined(token: Any) -> bool:
        """"de X" with a determiner, a number or a name is a participant; "d'ampleur" is a modifier."""
        return token.pos_ in ("PROPN", "PRON", "NUM") or any(c.dep_ in ("det", "nummod") for c in token.children)

    def _participant(self, token: Any) -> bool:
        """A complement that names somebody: an actor of the article or a name."""
        return token.ent_type_ in ("PER", "ORG") or any(
            self.clauses.actor_at(t.idx) is not None for t in token.subtree) or token.pos_ == "PROPN"
