"""The events stage's data files: triggers, mode cues, closed lists and the CAMEO/ACLED table."""

from __future__ import annotations

import pytest

from wirecoder import langdata
from wirecoder.errors import ConfigError
from wirecoder.events import PLOVER_MODES, PLOVER_TYPES
from wirecoder.events import lexicon as event_lexicon
from wirecoder.events.codes import codes_for
from wirecoder.langdata import read_tsv

LANG = "fr"
WORD_KINDS = {"perform", "negation", "restrictive", "condition", "possibility", "plan", "compulsion", "animal", "media", "killed",
              "injured", "without", "approx_number", "weapon", "locative", "recipient_case", "genitive_case",
              "agent_case", "passive_auxiliary", "quantity", "phase", "participle_ending",
              "infinitive_ending", "charge_case", "imperfect_ending", "conditional_ending",
              "generic_determiner", "natural_force", "protester", "time_anaphor", "simultaneous_mark",
              "then_adverb", "since_anaphor", "complementizer", "participation"}


def test_triggers_load_and_cover_every_type() -> None:
    lex = event_lexicon.load(LANG)
    rules = [r for rs in lex.rules.values() for r in rs]
    assert {r.type for r in rules} == set(PLOVER_TYPES)
    assert all(r.mode is None or r.mode in PLOVER_MODES[r.type] for r in rules)
    kinds = [(r, kind, words) for r in rules for kind, words in r.conditions]
    assert all(kind != "gov" or r.pos == "NOUN" for r, kind, _ in kinds), "gov= is for nouns"
    verb_only = ("subj", "passive", "noobj", "reflexive", "nonreflexive")
    assert all(kind not in verb_only or r.pos == "VERB" for r, kind, _ in kinds)
    assert all(kind not in ("gov", "subj", "with", "not") or words for _, kind, words in kinds)


def test_specific_rows_are_tried_first() -> None:
    lex = event_lexicon.load(LANG)
    condamner = [(r.rest, r.type, tuple(k for k, _ in r.conditions)) for r in lex.rules[("condamner", "VERB")]]
    assert condamner[-1] == ((), "ACCUSE", ())  # verbal condemnation only when nothing more specific fits
    assert condamner.index(((), "SANCTION", ("with",))) < condamner.index(((), "SANCTION", ("passive",)))
    tir = [r.rest for r in lex.rules[("tir", "NOUN")]]
    assert tir[-1] == () and ("roquette",) in tir


def test_mode_cues_and_words() -> None:
    for row in read_tsv(LANG, "event_modes.tsv"):
        assert row["mode"] in PLOVER_MODES[row["type"]], row
    kinds = {row["kind"] for row in read_tsv(LANG, "event_words.tsv")}
    assert kinds == WORD_KINDS
    approx = [row for row in read_tsv(LANG, "event_words.tsv") if row["kind"] == "approx_number"]
    assert approx and all(row["value"].isdigit() for row in approx)


def test_codes_table_covers_every_type() -> None:
    for kind in PLOVER_TYPES:
        assert codes_for(kind, None, None)["cameo"], kind
    assert codes_for("ASSAULT", "drone", None)["acled_sub_event_type"] == "Air/drone strike"
    assert codes_for("ASSAULT", None, "military")["acled_event_type"] == "Battles"
    assert codes_for("ASSAULT", None, "person")["acled_event_type"] == "Violence against civilians"
    assert codes_for("CONSULT", "visit", None)["acled_event_type"] is None
    rows = read_tsv("plover", "codes.tsv")
    assert all(row["cameo"].isdigit() and 1 <= int(row["cameo"]) <= 20 for row in rows)


@pytest.fixture
def fake_triggers(tmp_path, monkeypatch):
    real = langdata.data_path

    def path(lang: str, name: str):
        return tmp_path / name if name == "event_triggers.tsv" else real(lang, name)

    monkeypatch.setattr(langdata, "data_path", path)
    read_tsv.cache_clear()
    event_lexicon.load.cache_clear()
    yield tmp_path
    read_tsv.cache_clear()
    event_lexicon.load.cache_clear()


@pytest.mark.parametrize("row,message", [
    ("frapper\tVERB\tATTACK\t-\t-", "row 2 ('frapper'): unknown PLOVER type 'ATTACK'"),
    ("frapper\tVERB\tASSAULT\tarrest\t-", "row 2 ('frapper'): 'arrest' is not a PLOVER mode of ASSAULT"),
    ("frapper\tADJ\tASSAULT\t-\t-", "row 2 ('frapper'): pos must be VERB or NOUN"),
    ("frapper\tVERB\tASSAULT\t-\tsubject=weapon", "row 2 ('frapper'): unknown condition 'subject=weapon'"),
])
def test_bad_trigger_rows_are_named(fake_triggers, row: str, message: str) -> None:
    (fake_triggers / "event_triggers.tsv").write_text(
        f"lemma\tpos\ttype\tmode\tcondition\nattaque\tNOUN\tASSAULT\t-\t-\n{row}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="data/fr/event_triggers.tsv: " + message.replace("(", r"\(")
                       .replace(")", r"\)")):
        event_lexicon.load(LANG)
