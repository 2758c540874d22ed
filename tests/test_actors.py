"""Actor linking on invented wire copy: dictionary, metonymy, people, roles, nominal actors."""

from __future__ import annotations

import pytest

from wirecoder import Document, Pipeline, extract

pytestmark = pytest.mark.model


def run(pipeline: Pipeline, text: str) -> Document:
    return extract(text, date="2024-03-12", id="t", pipeline=pipeline)


def names(doc: Document) -> dict[str, object]:
    return {a.name: a for a in doc.actors}


def test_capital_as_subject_is_its_government(pipeline: Pipeline) -> None:
    doc = run(pipeline, "Moscou a démenti mardi toute implication. Le ministre est arrivé à Moscou dans la soirée.")
    moscou = [e for e in doc.entities if e.text == "Moscou"]
    assert [e.metonymy for e in moscou] == [True, False]
    assert moscou[0].actor is not None and moscou[1].actor is None
    assert doc.place_names() == ["Moscou"]


def test_people_grouped_with_title_role_and_country(pipeline: Pipeline) -> None:
    doc = run(pipeline, "Le ministre malien de la Défense, Amadou Keïta, a démenti mardi. "
                        "« Nous ne céderons pas », a ajouté M. Keïta devant la presse à Bamako.")
    people = [a for a in doc.actors if a.type == "person"]
    assert len(people) == 1
    keita = people[0]
    assert keita.name == "Amadou Keïta"
    assert [m.text for m in keita.mentions] == ["Amadou Keïta", "M. Keïta"]
    assert keita.country == "MLI"
    assert keita.role is not None and "ministre malien" in keita.role


def test_role_after_the_name(pipeline: Pipeline) -> None:
    doc = run(pipeline, "Sophie Lambert, ministre française des Armées, s'est rendue à Dakar jeudi.")
    lambert = names(doc)["Sophie Lambert"]
    assert lambert.country == "FRA"  # type: ignore[attr-defined]


def test_institution_aliases_beat_the_model(pipeline: Pipeline) -> None:
    doc = run(pipeline, "Le Pentagone a confirmé la frappe. Le département d'État a convoqué l'ambassadeur. "
                        "Le Kremlin n'a pas réagi.")
    found = names(doc)
    assert found["United States Department of Defense"].country == "USA"  # type: ignore[attr-defined]
    assert found["United States Department of State"].country == "USA"  # type: ignore[attr-defined]
    assert any(a.country == "RUS" for a in doc.actors if "Russia" in a.name)
    assert not any(e.text == "Pentagone" and e.label == "LOC" for e in doc.entities)


def test_armed_groups_with_aliases(pipeline: Pipeline) -> None:
    doc = run(pipeline, "L'attaque a été revendiquée par Daech. Le Hezbollah libanais a nié toute implication.")
    found = names(doc)
    assert found["Islamic State"].type == "armed_group"  # type: ignore[attr-defined]
    assert found["Hezbollah"].country == "LBN"  # type: ignore[attr-defined]


def test_nominal_actors_from_demonyms(pipeline: Pipeline) -> None:
    doc = run(pipeline, "Les autorités irakiennes ont arrêté trois suspects. Des combattants pro-Iran ont riposté.")
    found = names(doc)
    assert found["Government of Iraq"].country == "IRQ"  # type: ignore[attr-defined]
    fighters = [a for a in doc.actors if a.affiliation == "IRN"]
    assert fighters and fighters[0].type == "armed_group" and fighters[0].country is None


def test_country_name_inside_a_person_name_stays_a_person(pipeline: Pipeline) -> None:
    doc = run(pipeline, "Le député Maurice Lenoir a interpellé le gouvernement mardi à Paris.")
    assert any(e.label == "PER" and e.text == "Maurice Lenoir" for e in doc.entities)
    assert not any(a.id == "country:MUS" for a in doc.actors)


def test_no_entity_or_sentence_crosses_a_paragraph_break(pipeline: Pipeline) -> None:
    text = ("Des tirs ont visé une base près de Kirkouk mardi.\n\nAgence France-Presse\n\n"
            "Illustrant les tensions régionales, Bagdad a convoqué lundi un diplomate iranien.")
    doc = run(pipeline, text)
    breaks = [i for i in range(len(text)) if text.startswith("\n\n", i)]
    for span in [*doc.entities, *doc.sentences]:
        assert not any(span.start <= b < span.end for b in breaks), span
    assert [c.agency for c in doc.credits] == ["Agence France-Presse"]
    assert not any(a.type == "media" for a in doc.actors)  # the credit line is not an actor


def test_country_in_a_street_name_is_neither_country_nor_actor(pipeline: Pipeline) -> None:
    doc = run(pipeline, "Le cortège est parti de la place du Luxembourg vers la gare. La Belgique a protesté.")
    assert not any(a.id == "country:LUX" for a in doc.actors)
    belgium = next(e for e in doc.entities if e.text == "Belgique")
    assert belgium.actor == "country:BEL" and belgium.metonymy  # the state acts: not a place here


def test_role_country_comes_from_the_first_actor_or_demonym(pipeline: Pipeline) -> None:
    doc = run(pipeline, "Le coordinateur humanitaire de l'ONU en Afghanistan, Tomas Berg, a lancé un appel. "
                        "La porte-parole de la diplomatie iranienne, Leila Karimi, a démenti.")
    found = names(doc)
    assert found["Tomas Berg"].country is None  # type: ignore[attr-defined]
    assert found["Leila Karimi"].country == "IRN"  # type: ignore[attr-defined]
