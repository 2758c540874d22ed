"""Verb forms the tense reader settles from the word and its lemma, whatever the tagger said (timex/tense.py).

Every row of the tense kinds of time_words.tsv has an example here (the last test checks it), so a row added
without one fails. The tokens are stand-ins with the attributes the reader uses: no model is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from wirecoder.timex.lexicon import load
from wirecoder.timex.tense import _form_tense, _parts, _tense

LEX = load("fr")


@dataclass
class Morph:
    features: dict[str, str] = field(default_factory=dict)

    def get(self, key: str) -> list[str]:
        return [self.features[key]] if key in self.features else []


@dataclass
class Tok:
    text: str
    lemma_: str
    morph: Morph = field(default_factory=Morph)
    dep_: str = "ROOT"
    pos_: str = "VERB"
    i: int = 1
    children: list[Any] = field(default_factory=list)
    doc: list[Any] = field(default_factory=list)


# (form, lemma, tense): the tagger gave no tense, the form decides
FUTURES = [
    ("sera", "être", "Fut"), ("serait", "être", "Cnd"), ("aura", "avoir", "Fut"), ("aurait", "avoir", "Cnd"),
    ("ira", "aller", "Fut"), ("fera", "faire", "Fut"), ("pourra", "pouvoir", "Fut"), ("devra", "devoir", "Fut"),
    ("voudra", "vouloir", "Fut"), ("saura", "savoir", "Fut"), ("verra", "voir", "Fut"),
    ("enverra", "envoyer", "Fut"), ("viendra", "venir", "Fut"), ("reviendra", "revenir", "Fut"),
    ("deviendra", "devenir", "Fut"), ("interviendra", "intervenir", "Fut"), ("tiendra", "tenir", "Fut"),
    ("obtiendra", "obtenir", "Fut"), ("maintiendra", "maintenir", "Fut"), ("soutiendrait", "soutenir", "Cnd"),
    ("faudra", "falloir", "Fut"), ("vaudrait", "valoir", "Cnd"), ("mourra", "mourir", "Fut"),
    ("courra", "courir", "Fut"), ("recevra", "recevoir", "Fut"), ("acquerra", "acquérir", "Fut"),
    ("appellera", "appeler", "Fut"), ("rappellera", "rappeler", "Fut"), ("jettera", "jeter", "Fut"),
    ("rejettera", "rejeter", "Fut"), ("achètera", "acheter", "Fut"), ("lèvera", "lever", "Fut"),
    ("mènera", "mener", "Fut"), ("amènera", "amener", "Fut"), ("paiera", "payer", "Fut"),
    ("payera", "payer", "Fut"), ("emploiera", "employer", "Fut"),
    # regular stems, every ending
    ("voterai", "voter", "Fut"), ("voteras", "voter", "Fut"), ("votera", "voter", "Fut"),
    ("voterons", "voter", "Fut"), ("voterez", "voter", "Fut"), ("voteront", "voter", "Fut"),
    ("finiront", "finir", "Fut"), ("rendra", "rendre", "Fut"),
    ("voterais", "voter", "Cnd"), ("voterait", "voter", "Cnd"), ("voterions", "voter", "Cnd"),
    ("voteriez", "voter", "Cnd"), ("voteraient", "voter", "Cnd"), ("rendrait", "rendre", "Cnd"),
    # not futures: an imperfect and a passé simple on the bare stem, a present
    ("déclarait", "déclarer", None), ("ouvrait", "ouvrir", None), ("espèrent", "espérer", None),
]
SIMPLE_PASTS = [
    ("votai", "voter"), ("votas", "voter"), ("vota", "voter"), ("votâmes", "voter"), ("votâtes", "voter"),
    ("votèrent", "voter"), ("rencontrèrent", "rencontrer"), ("annonça", "annoncer"), ("mangea", "manger"),
    ("déclara", "déclarer"),
    ("fut", "être"), ("furent", "être"), ("eut", "avoir"), ("eurent", "avoir"), ("fit", "faire"),
    ("firent", "faire"), ("prit", "prendre"), ("prirent", "prendre"), ("mit", "mettre"), ("mirent", "mettre"),
    ("vint", "venir"), ("vinrent", "venir"), ("devint", "devenir"), ("devinrent", "devenir"),
    ("obtint", "obtenir"), ("obtinrent", "obtenir"), ("reçut", "recevoir"), ("reçurent", "recevoir"),
    ("put", "pouvoir"), ("purent", "pouvoir"), ("voulut", "vouloir"), ("voulurent", "vouloir"),
    ("naquit", "naître"), ("naquirent", "naître"), ("mourut", "mourir"), ("moururent", "mourir"),
]
# participles of the verbs whose compound past takes "être"
ETRE_VERBS = [
    ("allé", "aller"), ("venu", "venir"), ("revenu", "revenir"), ("devenu", "devenir"), ("parvenu", "parvenir"),
    ("intervenu", "intervenir"), ("survenu", "survenir"), ("arrivé", "arriver"), ("parti", "partir"),
    ("reparti", "repartir"), ("entré", "entrer"), ("rentré", "rentrer"), ("sorti", "sortir"), ("monté", "monter"),
    ("descendu", "descendre"), ("tombé", "tomber"), ("retombé", "retomber"), ("resté", "rester"),
    ("retourné", "retourner"), ("né", "naître"), ("mort", "mourir"), ("décédé", "décéder"), ("passé", "passer"),
    ("apparu", "apparaître"),
]


@pytest.mark.parametrize(("word", "lemma", "tense"), FUTURES)
def test_futures_and_conditionals_from_the_stem(word: str, lemma: str, tense: str | None) -> None:
    assert _form_tense(Tok(word, lemma), LEX) == tense


@pytest.mark.parametrize(("word", "lemma"), SIMPLE_PASTS)
def test_passe_simple_read_as_a_present(word: str, lemma: str) -> None:
    present = Morph({"Tense": "Pres", "Mood": "Ind", "VerbForm": "Fin"})
    assert _form_tense(Tok(word, lemma, present), LEX) == "Past"


IMPERFECTS = [("commençaient", "commencer"), ("commençait", "commencer"), ("commençais", "commencer")]


def test_a_present_tagged_as_a_past_stays_a_present() -> None:
    past = Morph({"Tense": "Past", "Mood": "Ind", "VerbForm": "Fin"})
    assert _form_tense(Tok("reprennent", "reprendre", past), LEX) == "Pres"
    assert _form_tense(Tok("conclurent", "conclure", past), LEX) == "Past"


@pytest.mark.parametrize(("word", "lemma"), IMPERFECTS)
def test_an_imperfect_tagged_as_a_past_is_an_imperfect(word: str, lemma: str) -> None:
    past = Morph({"Tense": "Past", "Mood": "Ind", "VerbForm": "Fin"})
    assert _form_tense(Tok(word, lemma, past), LEX) == "Imp"


def _with_etre(participle: str, lemma: str, dep: str, *, reflexive: str = "") -> Tok:
    """"il est arrivé", or with a reflexive pronoun before the auxiliary, "il s'est rendu"."""
    words = [Tok("il", "il", dep_="nsubj", pos_="PRON", i=0)]
    if reflexive:
        words.append(Tok(reflexive, "se", Morph({"Reflex": "Yes"}), "expl:comp", "PRON", 1))
    auxiliary = Tok("est", "être", Morph({"Tense": "Pres", "Mood": "Ind", "VerbForm": "Fin"}), dep, "AUX", len(words))
    verb = Tok(participle, lemma, Morph({"Tense": "Past", "VerbForm": "Part"}), i=len(words) + 1)
    words += [auxiliary, verb]
    for word in words:
        word.doc = words
    verb.children = [w for w in words if w is not verb]
    return verb


def _tense_of(verb: Tok) -> str | None:
    return _tense(verb, _parts(verb), LEX)


@pytest.mark.parametrize(("participle", "lemma"), ETRE_VERBS)
@pytest.mark.parametrize("dep", ["aux:tense", "aux:pass"])
def test_etre_makes_the_compound_past_of_its_verbs(participle: str, lemma: str, dep: str) -> None:
    assert _tense_of(_with_etre(participle, lemma, dep)) == "past"


@pytest.mark.parametrize("dep", ["aux:tense", "aux:pass"])
def test_etre_with_another_verb_is_a_passive_in_its_own_tense(dep: str) -> None:
    assert _tense_of(_with_etre("invité", "inviter", dep)) == "present"
    assert _tense_of(_with_etre("rendu", "rendre", dep, reflexive="s'")) == "past"
    detached = _with_etre("refusé", "refuser", dep, reflexive="s'")  # the parser hung "s'" elsewhere
    detached.children = [w for w in detached.children if w.pos_ != "PRON" or w.text == "il"]
    assert _tense_of(detached) == "past"


def test_every_row_of_the_tense_kinds_has_an_example() -> None:
    lemmas = {lemma for _, lemma, _ in FUTURES}
    words = {w for w, _, _ in FUTURES} | {w for w, _ in SIMPLE_PASTS}
    assert set(LEX.forms("future_stem")) <= lemmas
    assert set(LEX.forms("simple_past_form")) <= words
    assert set(LEX.forms("etre_verb")) == {lemma for _, lemma in ETRE_VERBS}
    endings = {w[len("voter"):] for w in words | {w for w, _, _ in FUTURES} if w.startswith("voter")}
    assert set(LEX.forms("future_ending")) | set(LEX.forms("conditional_ending")) <= endings
    assert set(LEX.forms("imperfect_ending")) <= {w[len("commenç"):] for w, _ in IMPERFECTS}
    assert set(LEX.forms("simple_past_ending")) <= {w[len("vot"):] for w, _ in SIMPLE_PASTS if w.startswith("vot")}
