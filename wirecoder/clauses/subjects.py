"""Who speaks or acts: the subject of a verb, where the parser put it and where it did not (an inverted
clitic, an incise's subject after its verb, a participle's borrowed subject, a name before an aside, a
subject hung on the wrong word). ``Clauses`` hands it on to the quotes and events stages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..core.spans import SpanIndex
from ..core.text import strip_accents_lower
from .lexicon import ClauseLexicon
from .marks import Quoted
from .speakers import Speaker, Speakers

SUBJECT_DEPS = ("nsubj", "nsubj:pass")
# How many clitics, auxiliaries and commas may stand between a name and its verb when the parser gave
# the verb no subject ("Olivier Faure s'est, lui, dit").
NAME_GAP = 6
DASHES = ("-", "–", "—")
ASIDE_WORDS = 12  # how long an aside between a name and its verb may be ("M. Barre, dans sa lettre mensuelle, a dit")
INVERTED_DEPS = ("nsubj", "nsubj:pass", "obl:mod", "obl", "obl:arg", "appos", "nmod", "dep")
OPENING_MARKS = "«“„\"‹"
CLOSING_MARKS = "»”\"›“"


class Subjects:
    """Subject finding over one parsed article."""

    def __init__(self, doc: Any, text: str, lex: ClauseLexicon, speakers: Speakers, marks: Sequence[Quoted],
                 time_tokens: set[int]) -> None:
        self.doc, self.text, self.lex, self.speakers = doc, text, lex, speakers
        self.marks, self.time_tokens = marks, time_tokens
        self._closed_quotes = SpanIndex((q.start, q.end) for q in marks if q.closed)

    def in_quote(self, offset: int) -> bool:
        """Inside quote marks that close: an unclosed mark may be stray, and the words after it can hold
        their own speech clause ('" Le président de Smer affirme que ...')."""
        return self._closed_quotes.covers(offset)

    def subject(self, verb: Any, *, inverted: bool = False, quoted: bool = False) -> tuple[int, int] | None:
        """The subject of a speech verb: an inverted clitic (a-t-elle), nsubj, an inverted noun phrase, or for
        a participle, gerund or infinitive ("assurant que", "je voulais dire que") its governing verb's.
        Words inside quote marks are quoted, not subjects, unless ``quoted`` (an incise inside the marks)."""
        outside = (lambda offset: True) if quoted else (lambda offset: not self.in_quote(offset))
        auxiliaries = [c for c in verb.children if c.dep_.startswith("aux")]
        for holder in [verb, *auxiliaries]:
            for nxt in self.doc[holder.i + 1:min(holder.i + 3, len(self.doc))]:
                if nxt.text.startswith("-") and self.lex.pronoun(nxt.text):
                    return nxt.i, nxt.i + 1
        for child in [*verb.children, *_aux_children(auxiliaries)]:
            if child.i < verb.i and self.lex.has("stressed_pronoun", child.text) and \
                    not self.lex.pronoun(child.text):
                continue  # "lui a répondu le diplomate": a dative clitic, not the subject
            if inverted and child.i < verb.i:
                continue  # an incise's subject follows its verb; one before it is a parse error
            # "Il a indiqué que": the parser may call a speech verb's "il" expletive (as in "il faut")
            personal_il = child.dep_ == "expl:subj" and self.lex.pronoun(child.text) is not None and \
                not any(a.dep_ == "aux:pass" for a in auxiliaries)
            if any(c.dep_ == "case" for c in child.children):
                continue  # "De son côté, M. Barre a déclaré": a prepositional phrase is no subject
            if (child.dep_ in SUBJECT_DEPS or personal_il) and outside(child.idx):
                if self.lex.has("relative_pronoun", child.text) and _relative(verb, child):
                    return self.speakers.noun_phrase(self._antecedent(child, verb.head))  # "le ministre, qui a dit"
                return self.speakers.noun_phrase(child)
        if not inverted:
            found = self._misplaced_subject(verb)
            if found is not None and outside(self.doc[found[0]].idx):
                return found
        for child in verb.children:  # inverted subject of an incise: "a indiqué mercredi la numéro deux"
            deps = (*INVERTED_DEPS, "obj") if inverted else INVERTED_DEPS  # an incise's verb has no object
            nominal = child.pos_ in ("NOUN", "PROPN", "PRON") or (  # "raconte ce dernier": an adjective as noun
                child.pos_ == "ADJ" and any(c.dep_ == "det" for c in child.children))
            if child.i > verb.i and child.dep_ in deps and nominal \
                    and child.idx not in self.time_tokens and outside(child.idx) \
                    and not any(c.dep_ == "case" for c in child.children):  # "sur Twitter" is not a speaker
                return self.speakers.noun_phrase(child)
        if inverted:  # "a déclaré à l'AFP un responsable de la Croix-Rouge": the first bare noun after the verb
            for tok in self.doc[verb.i + 1:min(verb.i + 12, verb.sent.end)]:
                if tok.text in (".", ";", "«", "\"") or not outside(tok.idx):
                    break
                if tok.pos_ in ("NOUN", "PROPN") and tok.idx not in self.time_tokens and \
                        not any(c.dep_ == "case" for c in tok.children) and \
                        not (tok.i > 0 and self.doc[tok.i - 1].pos_ == "ADP"):
                    return self.speakers.noun_phrase(tok)
        first = min([verb.i, *(a.i for a in auxiliaries)])
        if not inverted:  # "Olivier Faure s'est, lui, dit": a name just before, past clitics and commas
            while first > verb.sent.start and first - verb.i > -NAME_GAP and \
                    self.doc[first - 1].pos_ in ("PRON", "AUX", "ADV", "PUNCT") and \
                    self.doc[first - 1].text not in (".", ";", ":", "«", "»", "\"") and \
                    not self.lex.pronoun(self.doc[first - 1].text):
                first -= 1
        finite = not ({"Part", "Ger", "Inf"} & set(verb.morph.get("VerbForm"))) or \
            any("Fin" in a.morph.get("VerbForm") for a in auxiliaries)
        ends = [first]  # a name just before; for a finite verb, else one before an aside ("M. Barre, dans sa
        if finite and not inverted:  # lettre mensuelle, a déclaré"), a person first
            ends.append(self._before_aside(first, verb.sent.start))
        ending = (self.speakers.ent_by_end.get(end) for end in dict.fromkeys(ends))
        named = [] if inverted else [e for e in ending if e is not None and e.label_ in ("PER", "ORG")
                                     and e.start >= verb.sent.start]
        if named:
            best = min(named, key=lambda e: (e.label_ != "PER", ends.index(e.end)))
            return best.start, best.end
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i < verb.i and not inverted:
            return self.subject(verb.head, quoted=quoted)  # "l'IGPN dédouane ... et écarte": one subject
        form = verb.morph.get("VerbForm")
        infinitive_aux = any("Inf" in a.morph.get("VerbForm") for a in auxiliaries)  # "après avoir déclaré"
        if (auxiliaries and not infinitive_aux) or not ({"Part", "Ger", "Inf"} & set(form)):
            return None  # a finite verb without a subject; participles, gerunds, infinitives borrow one below
        head = verb.head
        for _ in range(2):
            if head == verb:
                break
            head_auxiliaries = [c for c in head.children if c.dep_.startswith("aux")]
            for nxt in self.doc[head.i + 1:min(head.i + 3, len(self.doc))]:  # "a-t-elle dit, ajoutant que"
                if nxt.text.startswith("-") and self.lex.pronoun(nxt.text):
                    return nxt.i, nxt.i + 1
            for child in [*head.children, *_aux_children(head_auxiliaries)]:
                if child.dep_ in SUBJECT_DEPS and outside(child.idx) and \
                        strip_accents_lower(child.text).strip("-") != "t":
                    if self.lex.has("relative_pronoun", child.text) and _relative(head, child):
                        return self.speakers.noun_phrase(self._antecedent(child, head.head))  # "qui ..., en assurant"
                    return self.speakers.noun_phrase(child)
            verb, head = head, head.head
        return None

    def _before_aside(self, closing: int, sentence_start: int) -> int:
        """Where an aside closed at ``closing`` opens: "M. Raymond Barre, dans sa lettre mensuelle, a déclaré",
        "Le représentant du groupe - actionnaire à 25 % - a déclaré" (-1 when there is none)."""
        mark = self.doc[closing].text if closing < len(self.doc) else ""
        if mark not in (",", *DASHES) or (mark in DASHES and not self._spaced(self.doc[closing])):
            return -1
        for i in range(closing - 1, max(sentence_start, closing - ASIDE_WORDS) - 1, -1):
            tok = self.doc[i]
            if tok.text == mark or (mark == "," and tok.text in DASHES and self._spaced(tok)):
                return i
            if "Fin" in tok.morph.get("VerbForm") or tok.text in OPENING_MARKS + CLOSING_MARKS + ".;:":
                return -1
        return -1

    def _spaced(self, tok: Any) -> bool:
        """A dash set off by spaces opens or closes an aside; one inside a word ("Deux-Sèvres") does not."""
        before = self.text[tok.idx - 1] if tok.idx > 0 else " "
        after = self.text[tok.idx + len(tok.text)] if tok.idx + len(tok.text) < len(self.text) else " "
        return before.isspace() and after.isspace()

    def speaker_of(self, verb: Any, previous: Speaker | None, *, inverted: bool = False) -> Speaker | None:
        found = None if inverted else self._agent(verb) or self._described_noun(verb)
        found = found or self.subject(verb, inverted=inverted)
        head = verb.head
        if found is None and not inverted and head != verb and head.i < verb.i and \
                {"Part", "Ger"} & set(verb.morph.get("VerbForm")) and self.lex.verb(head) is not None:
            found = self.subject(head, inverted=True)  # "Oui, répond X, en rappelant que": the incise's X
        if found is None or not any(c.isalpha() for t in self.doc[found[0]:found[1]] for c in t.text):
            return None  # punctuation the parser took for a subject
        return self.speakers.speaker(*found, before=verb.idx, previous=previous)

    def _antecedent(self, pronoun: Any, head: Any) -> Any:
        """What a relative pronoun stands for: the noun its clause hangs on, or, when the parser hung the clause
        on a verb ("contraint de démissionner par le conseil, qui faisait part"), the noun just before it."""
        if head.pos_ in ("NOUN", "PROPN") or pronoun.i == 0:
            return head
        tok = self.doc[pronoun.i - 1]
        while tok.i > tok.sent.start and tok.pos_ == "PUNCT":
            tok = self.doc[tok.i - 1]
        if tok.pos_ not in ("NOUN", "PROPN"):
            return head
        while tok.dep_ in ("appos", "flat:name", "flat", "nmod") and tok.head.pos_ in ("NOUN", "PROPN") and \
                tok.head.i < tok.i:
            tok = tok.head  # "le courtier français Barry Rogliano Salles (BRS), qui": the courtier
        return tok

    def agent_of(self, verb: Any) -> Any:
        """The "par X" after a verb or a participle, which the parser does not always call obl:agent."""
        return next((c for c in verb.children if c.i > verb.i and c.dep_.startswith(("obl", "nmod")) and
                     any(a.dep_ == "case" and self.lex.has("agent_preposition", a.text) for a in c.children)), None)

    def _agent(self, verb: Any) -> tuple[int, int] | None:
        """A passive speech verb's speaker is its agent: "les principes rappelés par le Conseil d'État", "la
        vente avait été annoncée par M. Lagardère" (its subject is what was said)."""
        passive = any(c.dep_ == "aux:pass" for c in verb.children) or \
            ("Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense")
             and not any(c.dep_.startswith("aux") for c in verb.children))
        agent = self.agent_of(verb) if passive else None
        return self.speakers.noun_phrase(agent) if agent is not None and agent.pos_ in ("NOUN", "PROPN") else None

    def _described_noun(self, verb: Any) -> tuple[int, int] | None:
        """A present participle describing a noun speaks for it: "un rapport du Bureau soulignant que"; so
        does an infinitive under it ("des sociétés chargées de certifier que")."""
        if "Inf" in verb.morph.get("VerbForm") and verb.head != verb and verb.head.dep_ == "acl":
            verb = verb.head
        holder = verb.head
        gerund = any(self.lex.has("gerund_marker", c.text) and c.dep_ == "mark" for c in verb.children)  # "en ..."
        if verb.dep_ != "acl" or "Part" not in verb.morph.get("VerbForm") or holder.i > verb.i or gerund or \
                holder.pos_ not in ("NOUN", "PROPN") or self.in_quote(holder.idx):
            return None
        return self.speakers.noun_phrase(holder)

    def _misplaced_subject(self, verb: Any) -> tuple[int, int] | None:
        """A subject the parser hung elsewhere: a finite verb made a modifier of the noun before it ("Le
        communiqué du conseil des ministres relève que"), or a subject hung on the second verb of a
        two-verb cue ("certains font observer que")."""
        head = verb.head
        if "Fin" in verb.morph.get("VerbForm") and verb.dep_ == "amod" and head.pos_ in ("NOUN", "PROPN") and \
                max([head.i, *(c.right_edge.i for c in head.children if c.i < verb.i)]) == verb.i - 1:
            return self.speakers.noun_phrase(head)  # the noun phrase ends right before the verb
        if verb.dep_ == "dep" and head.pos_ == "VERB" and 0 < head.i - verb.i <= 2:
            for child in head.children:
                if child.dep_ in SUBJECT_DEPS and child.i < verb.i and \
                        not self.lex.has("relative_pronoun", child.text):
                    return self.speakers.noun_phrase(child)
        return None

    def subject_before(self, tok: Any, verb_index: int) -> bool:
        """A subject of the verb standing before it: "il annonce" (not the inverted "-t-il", nor the dative
        "lui" of "lui a répondu le diplomate")."""
        return tok.dep_ in SUBJECT_DEPS and tok.head.i == verb_index and not tok.text.startswith("-") and \
            (tok.pos_ in ("NOUN", "PROPN") or self.lex.pronoun(tok.text) is not None)


def _relative(verb: Any, pronoun: Any) -> bool:
    """The verb heads a relative clause that hangs on a noun before it (the parser may call it acl or dep)."""
    return verb.dep_.startswith("acl") or (verb.dep_ == "dep" and verb.head.pos_ in ("NOUN", "PROPN")
                                           and verb.head.i < pronoun.i)


def _aux_children(auxiliaries: list[Any]) -> list[Any]:
    """The parser sometimes hangs the subject on the auxiliary ("La Suède a ... démenti")."""
    return [c for a in auxiliaries for c in a.children if c.dep_ in SUBJECT_DEPS]

def pronominal(verb: Any) -> bool:
    """A pronominal use ("se dit", "s'est rendu"), by the parse: an expletive clitic or a reflexive pronoun."""
    return any(c.dep_.startswith("expl") or "Yes" in c.morph.get("Reflex") for c in verb.children)


def non_finite(verb: Any, lex: ClauseLexicon) -> bool:
    """An infinitive, or a participle without auxiliary ("spécifiant le type", "interrogé par la presse"):
    never an incise's verb, so what follows it is its object, not an inverted subject. The form must agree with the tag,
    which also calls some finite forms infinitives ("rétorque")."""
    form, word = verb.morph.get("VerbForm"), verb.lower_
    if "Inf" in form:
        return word.endswith(lex.endings("infinitive_ending"))
    if "Part" not in form or any(c.dep_.startswith("aux") for c in verb.children):
        return False
    if "Pres" in verb.morph.get("Tense"):
        return word.endswith(lex.endings("present_participle_ending"))
    # A bare past participle ("interrogé par la presse"), if it cannot be a present tense ("dit", "écrit")
    # and the tagger did not just miss its auxiliary ("a tweeté").
    before = verb.i - 1
    while before >= 0 and verb.doc[before].text.startswith("-"):  # "a-t-on appris"
        before -= 1
    return word.endswith(lex.endings("past_participle_ending")) and \
        (before < 0 or not lex.has("auxiliary", verb.doc[before].lemma_))
