"""Time: French time expressions with TIMEX3 values, resolved against the publication date (docs/time.md).

The expressions are found on the plain text by ``wirecoder.timex``; this stage adds what only the parse
knows, the tense of the clause each expression sits in, which decides whether "mercredi" is the last
Wednesday or the next one.
"""

from __future__ import annotations

from typing import Any

from ..core.dates import publication_date
from .base import Context, stage

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
        from ..timex.lexicon import load

        lexicon = load(lang)
        governs_infinitive = any(c.dep_ == "xcomp" and "Inf" in c.morph.get("VerbForm") for c in verb.children)
        if governs_infinitive and lexicon.value("future_auxiliary", verb.lemma_):
            return "future"  # "va devenir", "doit se rendre"
        return "present"
    return None


@stage("timex", requires=("spacy_doc",), assigns=("timexes",))
def timex(ctx: Context) -> None:
    from ..timex import Reference, find_timexes

    lang = ctx.settings["nlp.language"]
    doc = ctx.spacy_doc
    article = ctx.article

    def tense_at(start: int, end: int) -> str | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        return clause_tense(span.root, lang) if span is not None else None

    # Without a publication date only absolute expressions get a value (the others keep a null one).
    published = publication_date(article.date, article.date_precision)
    publication = Reference.published(published) if published else None
    ctx.document.timexes = [t.to_record() for t in find_timexes(article.text, publication, tense=tense_at, lang=lang)]
