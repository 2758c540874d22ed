"""Who a speech clause's subject is: a named person or body, a pronoun's antecedent, a described person.

The speaker of a quote is reported as the mention in the clause (its offsets, for tracing) and a name: the
fullest form the article gives for a person ("Victoria Nuland" for "Mme Nuland", "elle" or "la numéro deux
du département d'État"), the description as written for an organisation or an anonymous source.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..core.spans import SpanIndex
from ..core.text import strip_accents_lower
from ..document import Actor, Document
from ..langdata import read_tsv, read_words
from .lexicon import ClauseLexicon

MAX_MENTION_TOKENS = 14  # a subject longer than this is a clause, not a name
# How far back a pronoun may find a described person when nobody of its gender is named.
DESCRIBED_ANTECEDENT_CHARS = 1000
RECENT_SPEAKER_CHARS = 800  # a pronoun this close after a quote's speaker is that speaker going on
CUT_DEPS = {"acl:relcl", "acl", "punct", "cc", "conj", "advcl", "parataxis", "ccomp",
            "cop", "expl:subj"}  # "c'est la direction elle-même qui": not its copula


@dataclass(frozen=True)
class Speaker:
    text: str
    start: int
    end: int
    name: str | None
    actor: str | None = None


@cache
def _gender_detector() -> Any:
    import gender_guesser.detector as detector  # data shipped in the package: no download

    return detector.Detector(case_sensitive=False)


def first_name_gender(name: str) -> str | None:
    """'f', 'm' or None from a person's first name ("Marie-Laure" by its first part)."""
    first = name.split()[0].split("-")[0] if name.split() else ""
    answer = _gender_detector().get_gender(first)
    return {"female": "f", "mostly_female": "f", "male": "m", "mostly_male": "m"}.get(answer)


@cache
def _titles(lang: str) -> dict[str, str]:
    return {strip_accents_lower(r["form"]): r["gender"] for r in read_tsv(lang, "person_titles.tsv")}


@cache
def _roles(lang: str) -> frozenset[str]:
    return frozenset(strip_accents_lower(w) for w in read_words(lang, "roles.tsv"))


def is_role(word: str, lang: str) -> bool:
    """A role noun ("président", "porte-parole"): a person's function, in ``roles.tsv``."""
    return strip_accents_lower(word) in _roles(lang)


@cache
def _role_mates(lang: str) -> dict[str, frozenset[str]]:
    """Each role word with the words of its group ("diplomate" -> "ambassadeur", "consul", ...)."""
    groups: dict[str, set[str]] = {}
    for row in read_tsv(lang, "role_groups.tsv"):
        groups.setdefault(row["group"], set()).add(strip_accents_lower(row["form"]))
    return {w: frozenset(g) for g in groups.values() for w in g}


def _role_words(role: str) -> set[str]:
    """The words of a role phrase, elided articles cut off: "l'ambassadeur d'Iran" -> ambassadeur, iran."""
    return {w for w in re.split(r"[\s'’]+", strip_accents_lower(role)) if w}


@dataclass
class Person:
    actor: Actor
    name: str  # the fullest form written in the article
    gender: str | None
    positions: list[int]  # start offsets of its mentions


class Speakers:
    """Speaker resolution for one article (its actors and parse)."""

    def __init__(self, document: Document, spacy_doc: Any, lexicon: ClauseLexicon, lang: str,
                 quoted: list[tuple[int, int]]) -> None:
        """``quoted``: the spans inside quote marks, whose names are no antecedents of a pronoun outside them."""
        self.document, self.doc, self.lexicon, self.lang = document, spacy_doc, lexicon, lang
        self.actor_at: dict[int, Actor] = {}
        by_id = {a.id: a for a in document.actors}
        for e in document.entities:
            if e.actor and e.actor in by_id:
                for i in range(e.start, e.end):
                    self.actor_at[i] = by_id[e.actor]
        self.people = [self._person(a) for a in document.actors if a.type == "person"]
        # The entities indexed once (``doc.ents`` builds them anew from every token at each call: a scan of
        # the whole article per mention).
        self.ents = list(spacy_doc.ents)
        self._ent_starts = [e.start for e in self.ents]
        self.ent_by_start = {e.start: e for e in self.ents}
        self.ent_by_end = {e.end: e for e in self.ents}
        self._ent_of = {i: e for e in self.ents for i in range(e.start, e.end)}
        self._quoted = SpanIndex(quoted)

    def outside_quotes(self, person: Person, before: int, *, in_quotes: bool = False) -> list[int]:
        """Where the person is named before ``before``: outside quote marks, unless ``in_quotes``."""
        return [p for p in person.positions if p < before and (in_quotes or not self._quoted.covers(p))]

    def _person(self, actor: Actor) -> Person:
        titles = _titles(self.lang)
        names, gender = [], None
        for m in actor.mentions:
            words = m.text.split()
            if words and strip_accents_lower(words[0]) in titles:
                gender = gender or {"f": "f", "m": "m"}.get(titles[strip_accents_lower(words[0])])
                words = words[1:]
            names.append(" ".join(words))
        name = max(names, key=lambda n: (len(n.split()), len(n))) if names else actor.name
        if gender is None and len(name.split()) > 1:
            gender = first_name_gender(name)
        if gender is None and actor.role:
            gender = self._role_gender(actor)
        return Person(actor, name, gender, sorted(m.start for m in actor.mentions))

    def _role_gender(self, actor: Actor) -> str | None:
        """"la numéro deux", "la ministre": the determiner before the role says the gender."""
        for m in actor.mentions:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for tok in self.doc[max(0, span.start - 12):span.start]:
                if tok.pos_ == "DET" and tok.morph.get("Gender"):
                    return "f" if tok.morph.get("Gender")[0] == "Fem" else "m"
        return None

    # -- mentions -------------------------------------------------------------------------------------------

    def _second_role(self, conj: Any) -> bool:
        """"le producteur et musicien Quincy Jones": a coordinated role noun without its own determiner,
        then a name, describes the same person (with a determiner, "et son ministre", it is another)."""
        return (conj.dep_ == "conj" and conj.pos_ == "NOUN"
                and not any(c.dep_ == "det" for c in conj.children)
                and (any(t.ent_type_ == "PER" for t in conj.subtree)
                     or (conj.i + 1 < len(self.doc) and self.doc[conj.i + 1].ent_type_ == "PER")))

    def noun_phrase(self, head: Any) -> tuple[int, int]:
        """Token range of the noun phrase headed by ``head``: its subtree without clauses, at most 14 tokens."""
        tokens = [head]
        stack = [c for c in head.children if c.dep_ not in CUT_DEPS or (c.dep_ == "punct" and c.i > head.i
                 and any(a.dep_ == "appos" for a in head.children)) or self._second_role(c)]
        while stack:
            tok = stack.pop()
            if tok.dep_ in ("acl:relcl", "acl", "advcl", "ccomp", "parataxis") or tok.pos_ == "VERB":
                continue
            opener = next((c for c in tok.children if c.dep_ == "case"), None)  # the phrase's first preposition
            if tok.head == head and tok.i > head.i and opener is not None and opener.text.isalpha() and \
                    not self.lexicon.has("name_preposition", opener.text):  # (not "pro-Iran", tagged ADP)
                continue  # "l'Institut ... dans son bulletin", "un responsable sous couvert d'anonymat"
            tokens.append(tok)
            stack.extend(tok.children)
        indices = sorted(t.i for t in tokens)
        lo, hi = head.i, head.i
        for i in sorted(indices, key=lambda i: abs(i - head.i)):  # contiguous around the head
            if i == lo - 1:
                lo = i
            elif i == hi + 1:
                hi = i
        while lo < hi and self.doc[lo].pos_ in ("PUNCT", "ADP", "CCONJ"):
            lo += 1
        while hi > lo and self.doc[hi].pos_ in ("PUNCT", "ADP", "CCONJ"):
            hi -= 1
        if hi - lo + 1 > MAX_MENTION_TOKENS:
            hi = lo + MAX_MENTION_TOKENS - 1
        # Never cut a name ("Le Canard enchaîné", "Météo-France"): only the entities holding the first or the
        # last token can (entities do not overlap).
        for ent in sorted({e.start: e for e in map(self._ent_of.get, (lo, hi)) if e is not None}.values(),
                          key=lambda e: e.start):
            if ent.start <= hi < ent.end - 1 or ent.start < lo <= ent.end - 1:
                lo, hi = min(lo, ent.start), max(hi, ent.end - 1)
        hi = self._with_apposition(hi)
        return lo, hi + 1

    def _with_apposition(self, hi: int) -> int:
        """Extend over ", Victoria Nuland" right after a description."""
        if hi + 2 < len(self.doc) and self.doc[hi + 1].text == ",":
            ent = self.ent_by_start.get(hi + 2)
            if ent is not None and ent.label_ == "PER":
                return int(ent.end) - 1
            if strip_accents_lower(self.doc[hi + 2].text) in _titles(self.lang):  # ", Me Claire Josserand"
                ent = self.ent_by_start.get(hi + 3)
                if ent is not None and ent.label_ == "PER":
                    return int(ent.end) - 1
        return hi

    def speaker(self, first: int, end: int, *, before: int, previous: Speaker | None = None,
                stressed: bool = False, in_quotes: bool = False) -> Speaker:
        """The speaker for the tokens ``first:end`` (a subject or the object of "selon") of a clause at
        character offset ``before``."""
        span = self.doc[first:end]
        root = span.root
        named = next((e for e in self.ents[bisect_left(self._ent_starts, first):bisect_left(self._ent_starts, end)]
                      if e.label_ == "PER" and not _complement(e.root, root)), None)
        if named is not None and named.start > first:  # "le proviseur du lycée, Alain Ferrand": the name
            span = named
        text, start, stop = span.text, span.start_char, span.end_char
        if text.startswith("-"):  # the clitic of "a-t-elle" without its hyphen
            text, start = text.lstrip("-"), start + len(text) - len(text.lstrip("-"))
        for tok in span:  # a named person inside the mention (apposition included)
            actor = self.actor_at.get(tok.idx)
            if actor is not None and actor.type == "person" and not _complement(tok, root):
                return Speaker(text, start, stop, self._fullest(actor), actor.id)
        words = [strip_accents_lower(t.text.lstrip("-")) for t in span]
        # "il", "lui" (after "selon"), and demonstratives such as "ce dernier"
        features = self.lexicon.pronoun(" ".join(words), stressed=stressed) if len(words) <= 2 else None
        if features:
            return self._antecedent(text, start, stop, features, before, previous, in_quotes)
        # a body in a complement is spoken for ("le porte-parole du Kremlin"), a person is not ("l'avocat de X")
        actor = next((self.actor_at[t.idx] for t in span if t.idx in self.actor_at
                      and not (self.actor_at[t.idx].type == "person" and _complement(t, root))), None)
        # "la numéro deux du département d'État": a person described by a role that names a body;
        # "le président français": a person, even where the dictionary knows the office
        head_actor = self.actor_at.get(span.root.idx)
        person = self._described_person(span, before, in_quotes) if head_actor is None or \
            self.lexicon.has("person_noun", span.root.text) else None
        if person is not None:
            return Speaker(text, start, stop, person.name, person.actor.id)
        return Speaker(text, start, stop, _description(span), actor.id if actor else None)

    def _fullest(self, actor: Actor) -> str:
        return next((p.name for p in self.people if p.actor.id == actor.id), actor.name)

    def _antecedent(self, text: str, start: int, stop: int, features: str, before: int,
                    previous: Speaker | None, in_quotes: bool) -> Speaker:
        gender, number = features[0], features[1]
        if number == "p":  # "ils", "elles": the last plural subject before ("les enquêteurs canadiens")
            group = self._plural_subject_before(before)
            if group is not None:
                return Speaker(text, start, stop, group, None)
        if number == "p" or gender == "x":
            if previous is not None:
                return Speaker(text, start, stop, previous.name, previous.actor)
            return Speaker(text, start, stop, None)
        candidates = [(max(self.outside_quotes(person, before, in_quotes=in_quotes)), person)
                      for person in self.people if self.outside_quotes(person, before, in_quotes=in_quotes)
                      and person.gender in (gender, None)]
        if previous is not None and previous.actor and previous.start < before:
            prev = next((p for p in self.people if p.actor.id == previous.actor), None)
            if prev is not None and prev.gender in (gender, None):
                candidates.append((previous.start, prev))
        if not candidates:  # no named person fits: a described one ("la compagne de Radouane Lakdim")
            return Speaker(text, start, stop, self._described_subject_before(before, gender))
        if previous is not None and previous.actor and before - previous.start < RECENT_SPEAKER_CHARS:
            prev = next((p for p in self.people if p.actor.id == previous.actor), None)
            if prev is not None and prev.gender in (gender, None):  # "il" goes on speaking: the current speaker
                return Speaker(text, start, stop, prev.name, prev.actor.id)
        # The most recent compatible person; one of known gender beats one of unknown gender.
        _, person = max(candidates, key=lambda c: (c[1].gender == gender, c[0]))
        return Speaker(text, start, stop, person.name, person.actor.id)

    def _described_subject_before(self, before: int, gender: str) -> str | None:
        """The person a singular pronoun refers to when the article names nobody of its gender: a recent
        subject whose head is a person noun of that gender, the one naming someone first ("la compagne
        de Radouane Lakdim" rather than "la jeune femme de 19 ans")."""
        found = []
        for tok in self.doc:
            if tok.idx >= before:
                break
            if before - tok.idx > DESCRIBED_ANTECEDENT_CHARS or tok.dep_ not in ("nsubj", "nsubj:pass"):
                continue
            if tok.pos_ == "NOUN" and "Plur" not in tok.morph.get("Number") and \
                    self.lexicon.has("person_noun", tok.text) and _gender_of(tok) == gender:
                lo, hi = self.noun_phrase(tok)
                found.append(self.doc[lo:hi])
        if not found:
            return None
        return max(found, key=lambda np: (any(t.pos_ == "PROPN" for t in np), np.start)).text

    def _plural_subject_before(self, before: int) -> str | None:
        for tok in reversed([t for t in self.doc if t.idx < before][-80:]):
            if tok.dep_ in ("nsubj", "nsubj:pass") and tok.pos_ in ("NOUN", "PROPN") and \
                    "Plur" in tok.morph.get("Number"):
                lo, hi = self.noun_phrase(tok)
                return self.doc[lo:hi].text
        return None

    def _described_person(self, span: Any, before: int, in_quotes: bool) -> Person | None:
        """"le premier ministre irakien" -> the person whose role the article gives as such; "la candidate",
        "l'ancien ministre" -> the last person of that gender named before."""
        roles = _roles(self.lang)
        words = [strip_accents_lower(t.text) for t in span if t.pos_ in ("NOUN", "ADJ", "PROPN", "NUM")]
        if not words:
            return None
        head = span.root
        singular_definite = "Plur" not in head.morph.get("Number") and any(
            c.dep_ == "det" and "Def" in c.morph.get("Definite") for c in head.children)
        if singular_definite and self.lexicon.has("person_noun", head.text) and \
                not any(w in roles for w in words):
            return self._last_person(before, _gender_of(head), outside=span, in_quotes=in_quotes)
        if not any(w in roles for w in words):
            return None
        mates = _role_mates(self.lang)
        scored = []
        for person in self.people:
            if not person.actor.role:
                continue
            role_words = _role_words(person.actor.role)
            overlap = sum(1 for w in words if w in role_words or mates.get(w, frozenset()) & role_words)
            if overlap:
                last = max((p for p in person.positions if p < before), default=-1)
                scored.append((overlap, last, person))
        if not scored:
            return self._last_person(before, _gender_of(head), outside=span, in_quotes=in_quotes) \
                if singular_definite else None
        return max(scored, key=lambda s: (s[0], s[1]))[2]

    def _last_person(self, before: int, gender: str | None, outside: Any = None, *,
                     in_quotes: bool = False) -> Person | None:
        """The last person of that gender named before; not one named in the description itself (``outside``:
        "l'avocat de Carlos Ghosn" is not Carlos Ghosn)."""
        def named_in(person: Person) -> bool:
            return outside is not None and any(outside.start_char <= p < outside.end_char for p in person.positions)

        candidates = [(max(self.outside_quotes(person, before, in_quotes=in_quotes)), person)
                      for person in self.people if self.outside_quotes(person, before, in_quotes=in_quotes)
                      and person.gender in (gender, None) and not named_in(person)]
        return max(candidates, key=lambda c: (c[1].gender == gender, c[0]))[1] if candidates else None


def _gender_of(head: Any) -> str | None:
    """The gender of a noun phrase from its head or determiner ("la candidate", "le député")."""
    for tok in (head, *[c for c in head.children if c.dep_ == "det"]):
        gender = tok.morph.get("Gender")
        if gender:
            return "f" if gender[0] == "Fem" else "m"
    return None


def _description(span: Any) -> str:
    """An organisation or anonymous source as written, without a leading preposition."""
    tokens = list(span)
    while tokens and tokens[0].pos_ in ("ADP", "PUNCT"):
        tokens = tokens[1:]
    return span.doc[tokens[0].i:tokens[-1].i + 1].text if tokens else span.text


def _complement(tok: Any, head: Any) -> bool:
    """A word inside the head's "de" complement is not the speaker: "le représentant du groupe Berlusconi",
    "l'avocat de Carlos Ghosn" (but "le proviseur, Alain Ferrand" is Alain Ferrand)."""
    while tok.head != tok and tok != head and tok.head != head:
        tok = tok.head
    return tok != head and tok.head == head and tok.dep_ == "nmod" and \
        any(c.dep_ == "case" for c in tok.children) and tok.left_edge.i > 0 and \
        tok.doc[tok.left_edge.i - 1].text != ","
