"""Find the words that tell of an event: the trigger lexicon's rules matched on a parsed sentence.

A rule's anchor is matched on the spaCy lemma (or the word itself: the lemmatizer misses some plurals and
participles), its later words within a few tokens after it, then its condition is checked on the parse.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..clauses import pronominal
from ..core.text import strip_accents_lower
from .lexicon import EventLexicon, TriggerRule

WORD_GAP = 3  # a rule's next word may come this many tokens after the previous one ("tirs de roquette")
WITH_WINDOW = 4  # tokens after the anchor in which a ``with=`` word must come ("condamné mardi à 10 ans")
GOVERNOR_STEPS = 3  # nouns climbed through to reach a noun's verb ("la plupart de ces frappes")
VERB_TAGS = {"VERB": "VERB", "NOUN": "NOUN", "PROPN": "NOUN"}
CLAUSE_DEPS = ("advcl", "ccomp", "parataxis", "conj", "acl:relcl")  # clauses of their own
COMPLEMENT_DEPS = ("obl:arg", "obl", "obl:mod", "xcomp", "iobj")  # a verb's own complements


@dataclass
class Trigger:
    first: Any  # the anchor token
    last: Any  # the last token of the pattern
    rule: TriggerRule

    @property
    def verbal(self) -> bool:
        return self.rule.pos == "VERB"


def keys(token: Any) -> list[str]:
    """The forms a token is looked up by: its lemma, the word, the word without a plural ending."""
    word = strip_accents_lower(token.text)
    found = [strip_accents_lower(token.lemma_), word]
    if word.endswith(("s", "x")) and len(word) > 3:
        found.append(word[:-1])
    return list(dict.fromkeys(found))


def anchor_keys(token: Any, lex: EventLexicon) -> list[str]:
    """``keys``, and for a participle the lemmatizer kept as it is, its infinitive ("assigné" -> assigner;
    the endings are in event_words.tsv)."""
    found = keys(token)
    lemma = strip_accents_lower(token.lemma_)
    lemma_failed = token.pos_ == "VERB" and not any(  # "demande" for the verb "(je ne) demande (rien)"
        lemma.endswith(e) for e in lex.words("infinitive_ending"))
    if token.pos_ == "ADJ" or "Part" in token.morph.get("VerbForm") or lemma_failed:  # not "sommes" (être)
        word = strip_accents_lower(token.text)
        for ending, infinitive in sorted(lex.words("participle_ending").items(), key=lambda e: -len(e[0])):
            if word.endswith(ending) and len(word) > len(ending) + 2:
                found.append(word[:-len(ending)] + infinitive)
                break
    return found


def governor(token: Any, lex: EventLexicon) -> tuple[Any, Any]:
    """The verb a noun depends on, climbing through the words of a quantity ("la plupart de ces frappes",
    "une série d'attaques"), with the token directly under that verb (its relation says the noun's role)."""
    below = token
    for _ in range(GOVERNOR_STEPS):
        head = below.head
        if head.i == below.i:
            return None, None
        if head.pos_ in ("VERB", "AUX"):
            return head, below
        if head.pos_ == "ADV" and below.dep_ in ("obl:arg", "obl", "nmod"):
            below = head  # "lors de l'attaque": the parser hangs the noun on the adverb
            continue
        if head.pos_ not in ("NOUN", "PRON", "NUM") or not (head.pos_ == "NUM" or any(
                lex.has("quantity", k) or lex.has("approx_number", k) for k in keys(head))):
            return None, None
        below = head
    return None, None


def _pos(token: Any) -> str | None:
    if token.pos_ == "ADJ" and "Part" in token.morph.get("VerbForm"):
        return "VERB"  # "blessés", "interpellés" tagged as adjectives
    return VERB_TAGS.get(token.pos_)


def _rest(first: Any, words: tuple[str, ...], sentence_end: int) -> Any:
    """The last token of ``words`` found in order after ``first``, each within WORD_GAP tokens; else None.
    A final preposition may also open one of the anchor's own complements further on: "s'était opposée,
    début décembre, à un retour", "appelant sur Twitter chacun à la responsabilité" (then the anchor is the
    whole trigger, so the words in between stay free for other triggers)."""
    doc, last = first.doc, first
    for n, word in enumerate(words):
        for tok in doc[last.i + 1:min(last.i + 1 + WORD_GAP, sentence_end)]:
            if word in keys(tok):
                last = tok
                break
        else:
            if n == len(words) - 1 and _opens_complement(first, word, last):
                return last  # the words matched so far: the anchor alone for "opposer à"
            return None
    return last


def _opens_complement(anchor: Any, word: str, after: Any) -> bool:
    """``word`` is the preposition or infinitive marker of a complement of ``anchor`` after ``after`` (the
    parser may hang it on the object: "appelé chacun à la retenue")."""
    complements = [c for c in anchor.children if c.dep_ in COMPLEMENT_DEPS]
    complements += [n for c in anchor.children if c.dep_ == "obj" for n in c.children if n.dep_ == "nmod"]
    return any(c.i > after.i and any(m.dep_ in ("case", "mark") and m.i > after.i and word in keys(m)
                                     for m in c.children) for c in complements)


def _conditions(rule: TriggerRule, token: Any, lex: EventLexicon) -> bool:
    return all(_condition(kind, words, token, lex) for kind, words in rule.conditions)


def _condition(kind: str, words: frozenset[str], token: Any, lex: EventLexicon) -> bool:
    if kind == "gov":  # also through a modal: "sa peine devrait être fixée"
        verb, _ = governor(token, lex)
        verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp")] if verb is not None else []
        return any(strip_accents_lower(v.lemma_) in words for v in verbs)
    if kind == "subj":  # subj=weapon: the weapon words of event_words.tsv; else the words given
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if token.dep_ in ("acl", "acl:relcl") and not subjects:
            subjects = [token.head]  # "des roquettes qui ont visé", "des tirs visant"
        if token.dep_ == "xcomp" and not subjects:  # "un tribunal a commencé à juger"
            subjects = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if words == {"weapon"}:
            return any(lex.has("weapon", k) for s in subjects for k in keys(s))
        return any(k in words for s in subjects for k in keys(s))
    if kind in ("reflexive", "nonreflexive"):  # "s'est rendu à", not "a rendu"; "réclame", not "se réclame de"
        return pronominal(token) == (kind == "reflexive")
    if kind in ("with", "not"):  # the next words, or the trigger's phrase ("condamné mardi X à 3 ans")
        window = list(token.doc[token.i + 1:min(token.i + 1 + WITH_WINDOW, token.sent.end)])
        window += [t for c in token.children if c.dep_ not in CLAUSE_DEPS and c.i > token.i for t in c.subtree]
        found = any(k in words for t in window for k in keys(t))
        return found if kind == "with" else not found
    if kind == "noobj":  # "manifester contre" is a protest, "manifester son scepticisme" is not
        return not any(c.dep_ == "obj" for c in token.children)
    if kind == "passive":
        return passive(token, lex)
    return False

def passive(verb: Any, lex: EventLexicon) -> bool:
    """"a été interpellé" (the parser may call "été" a copula), or a bare past participle ("Condamné en
    2015, il ...", "les militants arrêtés")."""
    if any(c.dep_.startswith("expl") or "Yes" in c.morph.get("Reflex") for c in verb.children):
        return False  # "il s'est insurgé", "se sont réjouis": pronominal verbs take "être" too
    if any(c.dep_ == "aux:pass" or (c.dep_ in ("cop", "aux:tense") and lex.has("passive_auxiliary", c.lemma_))
           for c in verb.children):
        return True
    participle = "Part" in verb.morph.get("VerbForm") and "Pres" not in verb.morph.get("Tense")
    return participle and not any(c.dep_.startswith("aux") for c in verb.children)


def find_triggers(sentence: Any, lex: EventLexicon) -> list[Trigger]:
    """Every trigger in the sentence, in text order; a token belongs to one trigger at most."""
    found: list[Trigger] = []
    taken: set[int] = set()
    for token in sentence:
        pos = _pos(token)
        if pos is None or token.i in taken:
            continue
        for key in anchor_keys(token, lex):
            match = _match(token, key, pos, lex, sentence.end)
            if match is not None:
                found.append(match)
                taken.update(range(match.first.i, match.last.i + 1))
                break
    return found


def _match(token: Any, key: str, pos: str, lex: EventLexicon, sentence_end: int) -> Trigger | None:
    for rule in lex.rules.get((key, pos), ()):
        last = _rest(token, rule.rest, sentence_end)
        if last is not None and _conditions(rule, token, lex):
            return Trigger(token, last, rule)
    return None

