"""The tense of the clause a time expression sits in, read off a spaCy parse (docs/time.md, "Tense").

``past``, ``present`` or ``future`` decides which "mercredi" an article means. The tokens are read by their
attributes only: this module imports no model.
"""

from __future__ import annotations

from typing import Any

from .lexicon import load

AUX_TENSE, AUX_PASS = "aux:tense", "aux:pass"
MAX_HEAD_STEPS = 6  # from an expression up to its verb; deeper means it modifies a noun far from any verb


def clause_tense(token: Any, lang: str) -> str | None:
    """``past``, ``present`` or ``future`` for the verb governing ``token``, None when there is none or it
    is a bare participle ("prévue le 15 septembre")."""
    verb = token
    for _ in range(MAX_HEAD_STEPS):
        if verb.pos_ in ("VERB", "AUX") and "Inf" not in verb.morph.get("VerbForm"):
            break
        if verb.head == verb:
            return None
        verb = verb.head
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    auxiliaries = {child.dep_: child for child in verb.children if child.dep_ in (AUX_TENSE, AUX_PASS)}
    if AUX_TENSE in auxiliaries:  # compound tenses: "a démissionné", "avait été", "aura été"
        return "future" if "Fut" in auxiliaries[AUX_TENSE].morph.get("Tense") else "past"
    finite = auxiliaries.get(AUX_PASS, verb)
    tense, mood = finite.morph.get("Tense"), finite.morph.get("Mood")
    if "Fut" in tense or "Cnd" in mood:
        return "future"
    if "Imp" in tense or ("Past" in tense and "Fin" in finite.morph.get("VerbForm")):
        return "past"
    if "Pres" in tense:
        lexicon = load(lang)
        governs_infinitive = any(c.dep_ == "xcomp" and "Inf" in c.morph.get("VerbForm") for c in verb.children)
        if governs_infinitive and lexicon.value("future_auxiliary", verb.lemma_):
            return "future"  # "va devenir", "doit se rendre"
        return "present"
    return None
