"""The "speech" quote scope (setting ``quotes.scope``): speech acts beyond the quotes GUIDELINES.md counts,
table-driven from tests/data/speech_act_cases.tsv (same marks as quote_cases.tsv: ⟦message⟧, ⟨speaker⟩).

Checked as quote_cases.tsv is (``check_case``), a mixed act's phrase as loosely as an indirect clause. Rows
without marks must yield no quote at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder import Pipeline, extract
from wirecoder.errors import ConfigError
from wirecoder.settings import Settings

from .test_quote_cases import check_case, load_cases

pytestmark = pytest.mark.model

TABLE = Path(__file__).parent / "data" / "speech_act_cases.tsv"
KNOWN_LIMITS = {
    5: "'Le constructeur automobile Stellantis': the parser makes the adjective a second subject, so the "
       "speaker's noun phrase stops at 'Le constructeur'",
}
CASES = load_cases(TABLE, KNOWN_LIMITS)


@pytest.fixture(scope="module")
def speech_pipeline() -> Pipeline:
    pipeline = Pipeline(settings=Settings({"quotes.scope": "speech"}))
    pipeline.setup()
    return pipeline


@pytest.mark.parametrize("row", CASES)
def test_case(row: dict[str, str], speech_pipeline: Pipeline) -> None:
    check_case(row, speech_pipeline, loose_kinds=("indirect", "mixed"))  # a phrase's bounds are a judgement call


def test_speech_acts_are_marked_and_only_in_the_speech_scope(pipeline: Pipeline,
                                                              speech_pipeline: Pipeline) -> None:
    text = ("Le maire de Nantes a annoncé lundi la fermeture du pont de Cheviré. « Les travaux dureront six mois », "
            "a précisé l'adjoint chargé des transports.")
    guideline = extract(text, pipeline=pipeline).quotes
    speech = extract(text, pipeline=speech_pipeline).quotes
    assert [(q.text, q.scope) for q in guideline] == [("Les travaux dureront six mois", "quotes")]
    assert [(q.text, q.scope) for q in speech] == [("la fermeture du pont de Cheviré", "speech"),
                                                          ("Les travaux dureront six mois", "quotes")]


def test_a_mixed_quote_is_its_whole_clause_in_the_speech_scope(pipeline: Pipeline,
                                                                speech_pipeline: Pipeline) -> None:
    text = "Le ministre a estimé que la réforme restait « la seule voie possible pour sauver le système »."
    guideline = extract(text, pipeline=pipeline).quotes
    speech = extract(text, pipeline=speech_pipeline).quotes
    assert [q.text for q in guideline] == ["la seule voie possible pour sauver le système"]
    assert [(q.text, q.kind, q.scope) for q in speech] == [
        ("la réforme restait « la seule voie possible pour sauver le système »", "mixed", "speech")]


def test_an_unknown_scope_is_refused_when_the_settings_are_read() -> None:
    with pytest.raises(ConfigError, match=r"quotes\.scope"):
        Settings({"quotes.scope": "everything"})
