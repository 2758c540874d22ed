"""The "speech" quote scope (setting ``quotes.scope``): speech acts beyond the quotes GUIDELINES.md counts,
table-driven from tests/data/speech_act_cases.tsv (same marks as quote_cases.tsv: ⟦message⟧, ⟨speaker⟩).

A message must cover at least 80 % of the marked words and be at most 20 % longer; the kind must be the one
given; the speaker mention must overlap the marked one and have the name given. Rows without marks must yield
no quote at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder import Pipeline, extract
from wirecoder.errors import ConfigError
from wirecoder.settings import Settings

from .test_quote_cases import load_cases, overlap, parse

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
    text, spans = parse(row["text"])
    quotes = extract(text, date="2024-01-15", pipeline=speech_pipeline).quotes
    if "quote" not in spans:
        assert quotes == [], f"expected no speech act, found {[q['text'] for q in quotes]}"
        return
    want = spans["quote"]
    best = max(quotes, key=lambda q: overlap((q["start"], q["end"]), want), default=None)
    assert best is not None and overlap((best["start"], best["end"]), want) >= 0.8 * (want[1] - want[0]), \
        f"no speech act over {text[want[0]:want[1]]!r}; found {[q['text'] for q in quotes]}"
    assert best["end"] - best["start"] <= 1.2 * (want[1] - want[0]), f"{best['text']!r} is too long"
    assert best["kind"] == row["kind"]
    speaker = best["speaker"]
    assert speaker is not None, "no speaker"
    assert overlap((speaker["start"], speaker["end"]), spans["speaker"]) > 0, \
        f"speaker mention {speaker['text']!r}, expected {text[slice(*spans['speaker'])]!r}"
    assert speaker["name"] == row["speaker_name"]


def test_speech_acts_are_marked_and_only_in_the_speech_scope(pipeline: Pipeline,
                                                              speech_pipeline: Pipeline) -> None:
    text = ("Le maire de Nantes a annoncé lundi la fermeture du pont de Cheviré. « Les travaux dureront six mois », "
            "a précisé l'adjoint chargé des transports.")
    guideline = extract(text, pipeline=pipeline).quotes
    speech = extract(text, pipeline=speech_pipeline).quotes
    assert [(q["text"], q["scope"]) for q in guideline] == [("Les travaux dureront six mois", "quotes")]
    assert [(q["text"], q["scope"]) for q in speech] == [("la fermeture du pont de Cheviré", "speech"),
                                                          ("Les travaux dureront six mois", "quotes")]


def test_a_mixed_quote_is_its_whole_clause_in_the_speech_scope(pipeline: Pipeline,
                                                                speech_pipeline: Pipeline) -> None:
    text = "Le ministre a estimé que la réforme restait « la seule voie possible pour sauver le système »."
    guideline = extract(text, pipeline=pipeline).quotes
    speech = extract(text, pipeline=speech_pipeline).quotes
    assert [q["text"] for q in guideline] == ["la seule voie possible pour sauver le système"]
    assert [(q["text"], q["kind"], q["scope"]) for q in speech] == [
        ("la réforme restait « la seule voie possible pour sauver le système »", "mixed", "speech")]


def test_an_unknown_scope_is_refused_when_the_settings_are_read() -> None:
    with pytest.raises(ConfigError, match="quotes.scope"):
        Settings({"quotes.scope": "everything"})
