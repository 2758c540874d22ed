"""The tense of the clause a time expression sits in, read off a spaCy parse (docs/time.md, "Tense").

``past``, ``present`` or ``future`` decides which "mercredi" an article means. The tagger's morphology misses
forms a wire uses, so where the tags and the word disagree the word is checked against its lemma: a future or
a conditional is the lemma's future stem plus an ending ("votera" read as a participle, "rendrait" as an
imperfect), a passé simple of a verb in -er its stem plus one ("rencontrèrent" read as a present). "être" +
participle is a compound past only for the verbs that take "être" and for pronominal ones ("est arrivé",
"s'est rendu"); otherwise it is a passive in the tense of "être" ("sont invités"), whatever the parser called
the auxiliary. The tokens are read by their attributes only: this module imports no model.
"""

from __future__ import annotations

from functools import cache
from typing import Any, NamedTuple

from .lexicon import TimeLexicon, load

PAST, PRESENT, FUTURE = "past", "present", "future"
AUX_TENSE, AUX_PASS, COPULA = "aux:tense", "aux:pass", "cop"
MAX_HEAD_STEPS = 6  # from an expression up to its verb; deeper means it modifies a noun far from any verb
# Relations of a participle clause: a word with a participle's ending heading one ("Entamée lundi, ..." tagged
# as a noun) is a participle the tagger missed, and the verb above it is another clause's.
PARTICIPLE_CLAUSES = ("advcl", "acl")


def clause_tense(token: Any, lang: str) -> str | None:
    """``past``, ``present`` or ``future`` for the clause of ``token``, None when it has no finite verb or
    only a bare participle ("prévue le 15 septembre", "interpellé vendredi, le suspect ...")."""
    lexicon = load(lang)
    found = _predicate(token, lexicon)
    return _tense(*found, lexicon) if found is not None else None


class _Parts(NamedTuple):
    """A word's children, read once: spaCy builds a new token object for each child on every walk."""

    children: list[Any]
    auxiliaries: list[Any]  # in text order, the first one finite ("a été", "aura été", "doit être")
    copula: Any


def _parts(word: Any) -> _Parts:
    """The copula of a past participle counts as its auxiliary ("est survenue" parsed as a predicate)."""
    children = list(word.children)  # in text order
    auxiliaries = [c for c in children if c.dep_ in (AUX_TENSE, AUX_PASS)]
    copula = next((c for c in children if c.dep_ == COPULA), None)
    if copula is not None and "Part" in word.morph.get("VerbForm") and "Past" in word.morph.get("Tense"):
        auxiliaries = sorted([*auxiliaries, copula], key=lambda c: c.i)
    return _Parts(children, auxiliaries, copula)


def _predicate(token: Any, lexicon: TimeLexicon) -> tuple[Any, _Parts] | None:
    """The verb, or the noun or adjective with its copula, that carries the clause ``token`` sits in; in a
    cleft ("C'est jeudi que le gouvernement présentera ...") the verb after "que". An infinitive takes the
    tense of the verb above it, unless it is a past one ("disent avoir été agressés samedi")."""
    tok = token
    for _ in range(MAX_HEAD_STEPS):
        verb = tok.pos_ in ("VERB", "AUX")
        # a copula comes before its predicate: a noun without one on its left is read no further
        parts = _parts(tok) if verb or any(c.dep_ == COPULA for c in tok.lefts) else None
        if parts is not None and parts.copula is not None:
            cleft = _cleft(tok, parts)
            if cleft is not None:
                return cleft, _parts(cleft)
        if parts is not None and (not _infinitive(tok, parts) or _compound(tok, parts, lexicon)):
            return tok, parts
        if tok is not token and not verb and tok.dep_ in PARTICIPLE_CLAUSES and \
                any(tok.text.lower().endswith(e) for e in lexicon.forms("participle_ending")):
            return None
        if tok.head == tok:
            return None
        tok = tok.head
    return None


def _cleft(tok: Any, parts: _Parts) -> Any:
    """"C'est lundi que ...", "C'est la diffusion mardi d'une vidéo qui a relancé ...": the verb of the clause
    after "que" or "qui", for a predicate whose subject is "ce" (the parser hangs that clause in several
    places: the first relative word after the focus is followed to its verb)."""
    if not any(c.dep_ in ("expl:subj", "nsubj") and c.lemma_ == "ce" for c in parts.children):
        return None
    end = tok.sent.end
    relative = next((w for w in tok.doc[tok.i + 1:end] if w.lemma_ in ("que", "qui") and w.pos_ in ("SCONJ", "PRON")),
                    None)
    if relative is None:
        return None
    if relative.head.pos_ in ("VERB", "AUX") and relative.head.i > relative.i:
        return relative.head
    return next((w for w in tok.doc[relative.i + 1:end] if w.pos_ in ("VERB", "AUX")), None)  # a parse gone wrong


def _compound(verb: Any, parts: _Parts, lexicon: TimeLexicon) -> bool:
    """A compound tense ("a démissionné", "est arrivé", "s'est rendu", "aura été"), not a passive."""
    auxiliaries = parts.auxiliaries
    return bool(auxiliaries) and (len(auxiliaries) > 1 or auxiliaries[0].lemma_ != "être"
                                  or _takes_etre(verb, parts, lexicon))


def _infinitive(word: Any, parts: _Parts) -> bool:
    """An infinitive, active, passive or with a copula ("être examiné", "être prêt"): it takes the tense of
    the verb above it. A word the tagger called an infinitive but that has a finite auxiliary ("a évacué")
    is not one."""
    head_form = parts.auxiliaries[0] if parts.auxiliaries else parts.copula if parts.copula is not None else word
    return "Inf" in head_form.morph.get("VerbForm")


def _tense(predicate: Any, parts: _Parts, lexicon: TimeLexicon) -> str | None:
    if parts.auxiliaries:
        first = parts.auxiliaries[0]
        if _compound(predicate, parts, lexicon):
            # a compound conditional is the journalistic one ("aurait versé"): reported as past; so is a past
            # infinitive ("avoir été")
            return FUTURE if _form_tense(first, lexicon) == "Fut" else PAST
        finite = first  # a passive: the tense of "être" ("sont invités", "seront proclamés")
    else:
        finite = parts.copula if parts.copula is not None else predicate
    form = _form_tense(finite, lexicon)
    if form in ("Fut", "Cnd"):
        return FUTURE
    if form in ("Past", "Imp"):
        return PAST
    if form == "Pres":
        if finite is predicate and _governs_infinitive(predicate, parts, lexicon, "future_auxiliary"):
            return FUTURE  # "va devenir", "doit se rendre", "doit être examiné"
        if finite is predicate and _governs_infinitive(predicate, parts, lexicon, "recent_past_auxiliary",
                                                       marked=True):
            return PAST  # "vient d'annoncer"
        return PRESENT
    return None


def _takes_etre(verb: Any, parts: _Parts, lexicon: TimeLexicon) -> bool:
    """A verb whose compound past is made with "être": one of the closed list, or a pronominal one (its
    reflexive pronoun under the verb, whatever the relation, or just before the auxiliary: "s'est ... refusé")."""
    if lexicon.table.has("etre_verb", verb.lemma_):
        return True
    auxiliary = parts.auxiliaries[0]
    before = [verb.doc[auxiliary.i - 1]] if auxiliary.i > 0 else []
    return any(c.pos_ == "PRON" and "Yes" in c.morph.get("Reflex") for c in [*parts.children, *before])


def _governs_infinitive(verb: Any, parts: _Parts, lexicon: TimeLexicon, kind: str, *, marked: bool = False) -> bool:
    """``verb`` is of ``kind`` and governs an infinitive (with "de" when ``marked``: "vient d'annoncer")."""
    if not lexicon.table.has(kind, verb.lemma_):
        return False
    for child in parts.children:
        if child.dep_ == "xcomp" and _infinitive(child, _parts(child)):
            if not marked or any(m.dep_ == "mark" and m.lemma_ == "de" for m in child.children):
                return True
    return False


def _form_tense(token: Any, lexicon: TimeLexicon) -> str | None:
    """``Fut``, ``Cnd``, ``Past`` (passé simple), ``Imp`` or ``Pres`` of a finite word: the word's form where
    it settles the question, else the tagger's morphology."""
    word, lemma = token.text.lower(), token.lemma_.lower()
    if word.endswith(_future_tails(lexicon.lang)):
        stems = _future_stems(lemma, lexicon)
        if any(word.startswith(stem) and word[len(stem):] in lexicon.forms("future_ending") for stem in stems):
            return "Fut"
        if any(word.startswith(stem) and word[len(stem):] in lexicon.forms("conditional_ending") for stem in stems):
            return "Cnd"
    if _simple_past(word, lemma, lexicon):
        return "Past"
    tense, mood = token.morph.get("Tense"), token.morph.get("Mood")
    if "Fut" in tense:
        return "Fut"
    if "Cnd" in mood:
        return "Cnd"
    if "Imp" in tense:
        return "Imp"
    if "Past" in tense and "Fin" in token.morph.get("VerbForm"):
        if any(word.endswith(e) for e in lexicon.forms("imperfect_ending")):
            return "Imp"  # "commençaient" tagged as a past
        # a third person plural in "-ent" that is no passé simple ("-rent") is a present ("reprennent")
        return "Pres" if word.endswith("ent") and not word.endswith("rent") else "Past"
    if "Pres" in tense:
        return "Pres"
    return None


@cache
def _future_tails(lang: str) -> tuple[str, ...]:
    """How every future or conditional ends: its stem's "r" and an ending ("-rait"), to skip the rest fast."""
    lexicon = load(lang)
    return tuple("r" + e for kind in ("future_ending", "conditional_ending") for e in lexicon.forms(kind))


def _future_stems(lemma: str, lexicon: TimeLexicon) -> list[str]:
    """The stems a future or conditional of ``lemma`` can start with: "voter", "finir", "rendr", "ser"."""
    stems = [lemma[:-1]] if lemma.endswith("re") else [lemma] if lemma.endswith(("er", "ir")) else []
    irregular = lexicon.value("future_stem", lemma)
    return [irregular, *stems] if irregular else stems


def _simple_past(word: str, lemma: str, lexicon: TimeLexicon) -> bool:
    """A passé simple: a verb in -er on its stem ("annonça", "rencontrèrent", "mangea"), or a form of another
    verb that cannot be a present ("fut", "prirent")."""
    if lexicon.table.has("simple_past_form", word):
        return True
    if not lemma.endswith("er"):
        return False
    stem = lemma[:-2]
    stems = {stem, stem[:-1] + "ç" if stem.endswith("c") else stem, stem + "e" if stem.endswith("g") else stem}
    return any(word.startswith(s) and word[len(s):] in lexicon.forms("simple_past_ending") for s in stems)
