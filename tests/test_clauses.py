"""The clause layer's public API (``wirecoder.clauses.Clauses``) on sentences of our own, and the house rules
it exists for: quotes and events read it and never import each other."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from wirecoder import Article, Pipeline
from wirecoder.clauses import Clauses

PACKAGE = Path(__file__).resolve().parents[1] / "wirecoder"


def clauses_of(pipeline: Pipeline, text: str) -> Clauses:
    context = pipeline.context(Article(id="t", text=text, date="2024-03-05", date_precision="day"))
    assert isinstance(context.clauses, Clauses)
    return context.clauses


def word(clauses: Clauses, text: str) -> object:
    return next(t for t in clauses.doc if t.text == text)


def phrase(clauses: Clauses, found: tuple[int, int] | None) -> str | None:
    return clauses.doc[found[0]:found[1]].text if found is not None else None


@pytest.mark.model
@pytest.mark.parametrize(("text", "verb", "subject"), [
    ("Le ministre de la Défense a annoncé mardi le retrait des troupes.", "annoncé", "Le ministre de la Défense"),
    ("« Nous resterons ici », a-t-elle précisé.", "précisé", "-elle"),  # an inverted clitic
    ("Les soldats maliens qui gardaient le poste ont été attaqués.", "attaqués", "Les soldats maliens"),
    ("Les soldats maliens qui gardaient le poste ont été attaqués.", "gardaient", "Les soldats maliens"),  # relative
    ("« Les rebelles ont attaqué le camp », a affirmé le colonel.", "affirmé", "le colonel"),
])
def test_subject_of_a_verb(pipeline: Pipeline, text: str, verb: str, subject: str) -> None:
    clauses = clauses_of(pipeline, text)
    assert phrase(clauses, clauses.subject(word(clauses, verb))) == subject


@pytest.mark.model
def test_quoted_words_are_what_is_said_unless_the_verb_is_quoted_too(pipeline: Pipeline) -> None:
    clauses = clauses_of(pipeline, "« Les rebelles ont attaqué le camp », a affirmé le colonel.")
    attacked = word(clauses, "attaqué")
    text = clauses.text
    assert [text[s:e] for s, e in clauses.quoted] == ["Les rebelles ont attaqué le camp"]
    assert clauses.in_quote(attacked.idx)
    assert clauses.subject(attacked) is None  # a speech verb's subject is never inside the marks
    assert phrase(clauses, clauses.subject(attacked, quoted=True)) == "Les rebelles"  # an event told in the quote


@pytest.mark.model
def test_passive_agent_and_incise_subject(pipeline: Pipeline) -> None:
    clauses = clauses_of(pipeline, "L'accord a été signé par le président Paul Martin.")
    signed = word(clauses, "signé")
    assert clauses.agent_of(signed).text == "président"
    speaker = clauses.speaker_of(signed, None)  # a passive verb's speaker is its agent
    assert speaker is not None and (speaker.name, speaker.actor) == ("Paul Martin", "person:paul-martin")


@pytest.mark.model
def test_a_pronoun_is_linked_to_the_actor_it_stands_for(pipeline: Pipeline) -> None:
    clauses = clauses_of(pipeline, "Agnès Roux est arrivée à Rome. Elle a rencontré le pape.")
    speaker = clauses.speaker_of(word(clauses, "rencontré"), None)
    assert speaker is not None and (speaker.text, speaker.name) == ("Elle", "Agnès Roux")
    assert clauses.actor_at(0) is not None and clauses.actor_at(0).id == speaker.actor


@pytest.mark.model
def test_noun_phrase_stops_at_its_clauses(pipeline: Pipeline) -> None:
    clauses = clauses_of(pipeline, "Les soldats maliens qui gardaient le poste ont été attaqués.")
    assert phrase(clauses, clauses.noun_phrase(word(clauses, "soldats"))) == "Les soldats maliens"


@pytest.mark.model
def test_clause_bounds_after_a_speech_verb(pipeline: Pipeline) -> None:
    text = "Le gouvernement a assuré que les élections auraient lieu, a indiqué le porte-parole."
    clauses = clauses_of(pipeline, text)
    assured = word(clauses, "assuré")
    que = clauses.que_after(assured)
    assert que == text.index("les élections")
    end = clauses.clause_end(que, assured.sent)  # the incise comma closes the reported clause
    assert text[que:end] == "les élections auraient lieu"


@pytest.mark.model
def test_credit_lines_are_skipped_regions(pipeline: Pipeline) -> None:
    text = "Trois soldats ont été tués lundi à Gao.\n\nAvec AFP et Reuters"
    clauses = clauses_of(pipeline, text)
    assert not clauses.skipped(0) and clauses.skipped(text.index("Avec AFP"))


# -- the house rules -------------------------------------------------------------------------------------------

def imports_of(path: Path) -> list[tuple[str, list[str]]]:
    """(absolute module, imported names) of each ``from X import ...`` in a package file."""
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if path.name == "__init__.py":
        package += ".__init__"
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")[:-node.level] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found.append((module, [a.name for a in node.names]))
        elif isinstance(node, ast.Import):
            found.extend((a.name, []) for a in node.names)
    return found


def test_quotes_and_events_never_import_each_other() -> None:
    for own, other in (("quotes", "events"), ("events", "quotes")):
        for path in (PACKAGE / own).rglob("*.py"):
            modules = [m for m, _ in imports_of(path)]
            assert not [m for m in modules if m.startswith(f"wirecoder.{other}")], path


def test_no_private_name_is_imported_across_modules() -> None:
    for path in PACKAGE.rglob("*.py"):
        for module, names in imports_of(path):
            if module.startswith("wirecoder"):
                private = [n for n in names if n.startswith("_") and not n.startswith("__")]
                assert not private, f"{path.relative_to(PACKAGE)} imports {private} from {module}"


def test_the_clauses_stage_sits_between_places_and_its_readers() -> None:
    from wirecoder.stages import REGISTRY

    assert "clauses" in REGISTRY["quotes"].requires and "clauses" in REGISTRY["events"].requires
    assert {"actors", "timexes", "places"} <= set(REGISTRY["clauses"].requires)


@pytest.mark.model
def test_a_predicate_s_objects_complements_and_agent(pipeline: Pipeline) -> None:
    clauses = clauses_of(pipeline, "L'armée a lancé une offensive contre les rebelles.")
    launched = word(clauses, "lancé")
    assert [t.text for t in clauses.objects(launched)] == ["offensive"]
    offensive = word(clauses, "offensive")
    heads = clauses.complements(launched) + clauses.complements(offensive)
    assert {clauses.preposition(t) for t in heads} >= {"contre"}  # wherever the parser hangs "contre les rebelles"
    passive = clauses_of(pipeline, "Les attaques ont été revendiquées par la Résistance islamique.")
    agent = passive.passive_agent(word(passive, "revendiquées"))
    assert agent is not None and clauses.preposition(agent) == "par"
