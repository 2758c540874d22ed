"""Quotation marks, the speech lexicon, and speaker resolution on small hand-written passages."""

from __future__ import annotations

import pytest

from wirecoder import Pipeline, extract
from wirecoder.clauses.lexicon import KINDS, load
from wirecoder.clauses.marks import quoted_spans
from wirecoder.langdata import read_tsv


def spans(text: str) -> list[str]:
    return [text[q.start:q.end] for q in quoted_spans(text, [(0, len(text))])]


def test_marks_pair_french_curly_and_straight_quotes() -> None:
    assert spans("« Oui », dit-il, “non” et \"peut-être\".") == ["Oui", "non", "peut-être"]
    assert spans("« Il a dit “jamais” hier », a-t-elle ajouté.") == ["Il a dit “jamais” hier"]  # outermost only
    assert spans("Un écran de 12\" et rien d'autre.") == []  # an inch mark


def test_marks_across_paragraphs_and_unbalanced() -> None:
    text = "« Nous avons tout perdu.\n\n« On attend », raconte-t-elle."
    found = quoted_spans(text, [(0, 24), (26, len(text))])
    assert [text[q.start:q.end] for q in found] == ["Nous avons tout perdu.", "On attend"]
    assert spans("il faudra trouver une solution \" , a conclu M. Marchais.") == ["il faudra trouver une solution"]
    assert spans("Il a ajouté : \" Le recours va se transformer") == ["Le recours va se transformer"]


def test_speech_lexicon_is_big_and_well_formed() -> None:
    rows = read_tsv("fr", "speech_words.tsv")
    assert len(rows) >= 300 and sum(r["pos"] == "VERB" for r in rows) >= 250
    assert {r["kind"] for r in rows} <= set(KINDS)
    assert {r["pos"] for r in rows} == {"VERB", "NOUN", "ADP"}
    assert {r["frame"] for r in rows} <= {"que", "inverted", "de", "noun", "attribution"}
    lexicon = load("fr")
    assert lexicon.verbs["souligner"].kind == "assert" and lexicon.verbs["dementir"].kind == "deny"
    assert "selon" in lexicon.attributions and "faire" in lexicon.phrases


@pytest.mark.model
@pytest.mark.parametrize(("text", "quote", "kind", "speaker"), [
    ("Selon le ministère de l'Intérieur, trois policiers ont été blessés dans la nuit.",
     "trois policiers ont été blessés dans la nuit", "indirect", "le ministère de l'Intérieur"),
    ("Trois policiers ont été blessés, selon une source sécuritaire.", "Trois policiers ont été blessés",
     "indirect", "une source sécuritaire"),
    ("La ministre Agnès Roux a reçu son homologue Paul Martin. « Nous avancerons ensemble », a-t-elle déclaré.",
     "Nous avancerons ensemble", "direct", "Agnès Roux"),
    ("Le maire Paul Girard a rencontré la préfète Anne Morel. « Rien n'est réglé », a-t-il déclaré.",
     "Rien n'est réglé", "direct", "Paul Girard"),
    ("Le gouvernement a assuré que les élections auraient lieu à la date prévue.",
     "les élections auraient lieu à la date prévue", "indirect", "Le gouvernement"),
    ("L'opposition a dénoncé un texte « écrit à la hâte et sans concertation ».",
     "écrit à la hâte et sans concertation", "mixed", "L'opposition"),
])
def test_patterns(pipeline: Pipeline, text: str, quote: str, kind: str, speaker: str) -> None:
    found = {q.text: q for q in extract(text, date="2024-03-01", pipeline=pipeline).quotes}
    assert quote in found, list(found)
    got = found[quote]
    assert got.kind == kind and got.speaker is not None and got.speaker.name == speaker


@pytest.mark.model
def test_titles_and_labels_are_not_quotes(pipeline: Pipeline) -> None:
    text = ("L'opération « Barkhane » a pris fin. Le film « Les Misérables » sort mercredi. "
            "Les « gilets jaunes » ont manifesté samedi.")
    assert extract(text, date="2024-03-01", pipeline=pipeline).quotes == []


@pytest.mark.model
def test_a_participle_after_an_incise_makes_no_quote(pipeline: Pipeline) -> None:
    """", interrogé par la presse aux côtés de X": a bare past participle, not a speech clause about the
    incise before it."""
    text = ("« Je maintiens ma confiance », a répondu Hervé Quintin, interrogé par la presse aux côtés de "
            "Paul Durand à l'issue d'une visite à Lille.")
    quotes = extract(text, date="2024-01-15", pipeline=pipeline).quotes
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == \
        [("Je maintiens ma confiance", "Hervé Quintin")]
