"""The timex stage: the clause's tense read from the parse decides direction; records follow the schema."""

from __future__ import annotations

import pytest

from wirecoder import Pipeline, extract
from wirecoder.timex.tense import clause_tense

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp(pipeline: Pipeline):
    from wirecoder.stages.parse import load_nlp

    return load_nlp(pipeline.settings["nlp.model"], pipeline.settings["nlp.language"])


@pytest.mark.parametrize(("sentence", "word", "tense"), [
    ("Le président a démissionné mercredi.", "mercredi", "past"),
    ("Il avait été arrêté lundi.", "lundi", "past"),
    ("Il sera installé à Strasbourg demain.", "demain", "future"),
    ("Nuland doit se rendre mercredi à Bagdad.", "mercredi", "future"),
    ("Il va devenir ministre jeudi.", "jeudi", "future"),
    ("Une réunion est prévue le 16 juillet.", "juillet", "present"),
    ("Les manifestants défilent samedi à Paris.", "samedi", "present"),
    ("Le sommet aurait lieu vendredi.", "vendredi", "future"),
])
def test_clause_tense(nlp, sentence: str, word: str, tense: str) -> None:
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == word)
    assert clause_tense(token, "fr") == tense


def test_the_stage_reads_tense_per_clause(pipeline: Pipeline) -> None:
    text = ("Le ministre s'est rendu lundi à Bagdad, où il a rencontré le premier ministre. "
            "Il se rendra vendredi à Erbil.")
    doc = extract(text, date="2023-12-13", pipeline=pipeline)
    assert [(t.text, str(t.value)) for t in doc.timexes] == [("lundi", "2023-12-11"), ("vendredi", "2023-12-15")]
    for t in doc.to_dict()["timexes"]:
        assert {"start", "end", "text", "type", "value", "earliest", "latest", "precision", "mod", "anchor",
                "period"} <= t.keys()


def test_a_month_precision_story_keeps_what_it_knows(pipeline: Pipeline) -> None:
    doc = extract("Des roquettes ont visé l'ambassade vendredi soir, puis de nouveau le 8 décembre.",
                  date="2023-12", pipeline=pipeline)
    friday, december = doc.timexes
    assert (str(friday.value), friday.type, friday.earliest, friday.latest) == \
        ("2023-12", "TIME", "2023-12-01", "2023-12-29")  # 1 December 2023 was itself a Friday
    assert str(december.value) == "2023-12-08"
