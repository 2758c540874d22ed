"""Whether the article reports an event as real, denied, possible or planned (PLOVER's factuality).

The guidelines keep the journalistic conditional ("Kadhafi aurait versé") asserted: it is reported, and
the attribution lives in the quotes. Hypothetical is a genuine possibility or condition ("pourrait valoir
des sanctions", "s'il est reconnu coupable").
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from .lexicon import EventLexicon

HEAD_STEPS = 2  # how far up a modal or a condition may govern the trigger's verb


def _negated(verb: Any, lex: EventLexicon) -> bool:
    """"n'a pas frappé": a negative "ne" with its second word; not "ne ... pas uniquement" / "ne ... que"."""
    children = list(verb.children)
    holders = [verb, *(c for c in children if c.dep_.startswith("aux"))]
    words = [c for h in holders for c in h.children] + children
    has_ne = any("Neg" in c.morph.get("Polarity") and not lex.has("negation", c.text) for c in words)
    if has_ne and any(d.dep_ == "det" and lex.has("negation", d.text)
                      for c in children if c.dep_ in ("nsubj", "nsubj:pass", "obj") for d in c.children):
        return True  # "aucun pays n'a reconnu", "n'a fait aucune victime"
    for c in words:
        if lex.has("negation", c.text) and has_ne:
            nxt = c.doc[c.i + 1] if c.i + 1 < len(c.doc) else None
            return not (nxt is not None and lex.has("restrictive", nxt.text))
    return False


def _ancestors(token: Any) -> list[Any]:
    found, tok = [], token
    for _ in range(HEAD_STEPS):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        found.append(tok)
    return found


def _finite(verb: Any) -> Any:
    """The word that carries tense and mood: the auxiliary of a compound form, else the verb."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux:tense", "aux:pass")]
    return auxiliaries[0] if auxiliaries else verb


def _ends(token: Any, lex: EventLexicon, kind: str) -> bool:
    word = token.text.lower()
    return any(word.endswith(e) for e in lex.words(kind))


def conditional(token: Any, lex: EventLexicon) -> bool:
    """The tagger's mood, or the form ("aurais": the tagger calls some first persons indicative)."""
    return "Cnd" in token.morph.get("Mood") or _ends(token, lex, "conditional_ending")


def _imperfect(token: Any, lex: EventLexicon) -> bool:
    return "Imp" in token.morph.get("Tense") or (_ends(token, lex, "imperfect_ending")
                                                 and not conditional(token, lex))


def _irrealis_condition(verb: Any, lex: EventLexicon) -> bool:
    """"si" with an imperfect or pluperfect: a condition that is not met ("si j'avais été président")."""
    marked = any(c.dep_ == "mark" and lex.has("condition", c.text) for c in verb.children)
    finite = next((c for c in verb.children if c.dep_ in ("aux:tense", "aux:pass", "cop")), verb)
    return marked and _imperfect(finite, lex)


def counterfactual(verb: Any | None, lex: EventLexicon) -> bool:
    """The trigger's clause is an unmet condition, or the main clause of one ("si j'avais été dirigeant
    d'une entreprise américaine, j'aurais été libéré"; "s'il était libéré, il continuerait"): no event."""
    if verb is None:
        return False
    chain = [verb, *_ancestors(verb)]
    if any(tok.pos_ in ("VERB", "AUX") and _irrealis_condition(tok, lex) for tok in chain):
        return True
    auxiliary = next((c for c in verb.children if c.dep_ == "aux:tense"), None)
    speaker = any(c.dep_ in ("nsubj", "nsubj:pass") and {"1", "2"} & set(c.morph.get("Person"))
                  for c in verb.children)
    if auxiliary is not None and conditional(auxiliary, lex) and speaker:
        return True  # "j'aurais été libéré en 24 heures": what the speaker says did not happen
    return conditional(_finite(verb), lex) and any(
        c.dep_ == "advcl" and _irrealis_condition(c, lex) for c in verb.children)


def _told_of(trigger: Any, verb: Any) -> bool:
    """An event noun that is what its verb's clause is about ("L'attaque n'a pas été revendiquée"): denying
    the claim does not deny the attack."""
    below = trigger
    while below.head.i != verb.i and below.head.i != below.i:
        below = below.head
    return trigger.i != verb.i and below.dep_ in ("nsubj", "nsubj:pass")


def _taken_part_in(trigger: Any, verb: Any, lex: EventLexicon) -> bool:
    """An event noun someone took part in ("n'a pas participé à l'attaque", "n'a pas pris part aux
    attaques"): denying one's part does not deny the event."""
    if trigger.i == verb.i:
        return False
    words = [verb.lemma_, *(f"{verb.lemma_} {c.lemma_}" for c in verb.children if c.dep_ == "obj")]
    return any(lex.has("participation", w) for w in words)


def factuality(trigger: Any, verb: Any | None, lex: EventLexicon) -> str:
    """asserted, negated, hypothetical or future for a trigger and the verb that carries it."""
    if any(lex.has("negation", c.text) and c.dep_ == "det" for c in trigger.children):
        return "negated"  # "aucune attaque"
    if verb is None:
        planned = [c for c in trigger.children if c.dep_ in ("acl", "amod") and lex.has("plan", c.lemma_)]
        return "future" if planned else "asserted"  # "une audience prévue le 27 octobre"
    if _negated(verb, lex) and not _told_of(trigger, verb) and not _taken_part_in(trigger, verb, lex):
        return "negated"
    chain = [verb, *_ancestors(verb)]
    for tok in chain:
        if any(c.dep_ == "mark" and lex.has("condition", c.text) for c in tok.children):
            return "hypothetical"  # "s'il est reconnu coupable"
        if tok.pos_ in ("VERB", "AUX") and lex.has("possibility", tok.lemma_) and \
                "Cnd" in _finite(tok).morph.get("Mood"):
            return "hypothetical"  # "pourrait valoir des sanctions"
    finite = _finite(verb)
    if "Cnd" in finite.morph.get("Mood") and any(
            c.dep_ == "advcl" and any(m.dep_ == "mark" and lex.has("condition", m.text) for m in c.children)
            for c in verb.children):
        return "hypothetical"  # "s'il est reconnu coupable, il serait condamné"
    if "Fut" in finite.morph.get("Tense"):
        return "future"
    for below, tok in pairwise(chain):
        if below.dep_ == "xcomp" and lex.has("plan", tok.lemma_):
            return "future"  # "doit être jugé", "va déployer", "devrait être fixée"
    return "asserted"
