"""The reference AFP story (../shared/samples): what the foundation must find in it."""

from __future__ import annotations

import pytest

from wirecoder import Document, Pipeline
from wirecoder.annotations import Quote, QuoteSpeaker, Timex
from wirecoder.places import place_key
from wirecoder.readers import SkipLog, read_paths

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def doc(shared_dir, pipeline: Pipeline) -> Document:
    skips = SkipLog()
    articles = list(read_paths([str(shared_dir / "samples" / "afp-2023-12-bagdad.txt")], skips=skips))
    assert not skips.skips
    return next(iter(pipeline.process(articles)))


def actor(doc: Document, name: str):
    found = [a for a in doc.actors if a.name == name]
    assert found, f"no actor {name!r} among {[a.name for a in doc.actors]}"
    return found[0]


def test_date_dateline_credit(doc: Document) -> None:
    assert (doc.date, doc.date_precision) == ("2023-12", "month")
    assert doc.dateline is not None and doc.dateline.place == "Bagdad"
    assert doc.text[doc.dateline.start:doc.dateline.end].startswith("(Bagdad)")
    assert [c.agency for c in doc.credits] == ["Agence France-Presse"]
    assert doc.text.startswith("Washington compte")  # the header is not part of the text


def test_repeated_lede_is_marked(doc: Document) -> None:
    last = doc.paragraphs[-1]
    assert last.repeat_of == 0
    assert doc.text[last.start:last.end] == doc.text[doc.paragraphs[0].start:doc.paragraphs[0].end]
    in_repeat = [e for e in doc.entities if e.start >= last.start]
    assert in_repeat and all(e.repeat for e in in_repeat)
    assert not any(e.repeat for e in doc.entities if e.end <= doc.paragraphs[0].end)


def test_people_with_country_and_grouped_mentions(doc: Document) -> None:
    nuland = actor(doc, "Victoria Nuland")
    assert (nuland.type, nuland.country) == ("person", "USA")
    assert {m.text for m in nuland.mentions} == {"Victoria Nuland", "Mme Nuland"}
    assert "département" in (nuland.role or "")
    soudani = next(a for a in doc.actors if a.type == "person" and "Soudani" in " ".join(m.text for m in a.mentions))
    assert soudani.country == "IRQ"
    assert "premier ministre" in (soudani.role or "")


def test_organisations_and_armed_groups(doc: Document) -> None:
    pentagon = actor(doc, "United States Department of Defense")
    assert pentagon.country == "USA" and pentagon.mentions[0].text == "Pentagone"
    hachd = actor(doc, "Popular Mobilization Forces")
    assert (hachd.type, hachd.country) == ("armed_group", "IRQ")
    assert actor(doc, "Islamic State").type == "armed_group"
    assert actor(doc, "Hamas").type == "armed_group"
    assert actor(doc, "Islamic Resistance in Iraq").country == "IRQ"


def test_model_misses_are_fixed(doc: Document) -> None:
    labels = {e.text: e.label for e in doc.entities}
    assert labels["Pentagone"] == "ORG"  # the model says LOC
    assert labels["Hachd al-Chaabi"] == "ORG"  # the model says LOC
    assert all("\n" not in e.text for e in doc.entities)  # no entity swallows a paragraph break
    for s in doc.sentences:
        assert "\n\n" not in doc.text[s.start:s.end]


def test_washington_is_an_actor_not_a_place(doc: Document) -> None:
    washington = [e for e in doc.entities if e.text == "Washington"]
    assert washington and all(e.metonymy and e.actor for e in washington)
    assert "Washington" not in doc.place_names()
    government = actor(doc, "Federal government of the United States")
    assert government.country == "USA"
    assert {"Bagdad", "Irak", "Syrie"} <= set(doc.place_names())


def test_offsets_point_into_the_text(doc: Document) -> None:
    for e in doc.entities:
        assert doc.text[e.start:e.end] == e.text
    for a in doc.actors:
        for m in a.mentions:
            assert doc.text[m.start:m.end] == m.text


def timex(doc: Document, text: str, nth: int = 0) -> Timex:
    found = [t for t in doc.timexes if t.text == text]
    assert len(found) > nth, f"no timex {text!r} among {[t.text for t in doc.timexes]}"
    return found[nth]


def test_dates_resolved_against_a_month_precision_publication(doc: Document) -> None:
    assert str(timex(doc, "le 8 décembre").value) == "2023-12-08"
    since = timex(doc, "le 17 octobre")
    assert (str(since.value), str(since.period)) == ("2023-10-17", "2023-10-17/2023-12")  # "depuis le 17 octobre"
    mid = timex(doc, "mi-octobre")
    assert (str(mid.value), mid.mod, mid.earliest, mid.latest) == ("2023-10", "MID", "2023-10-11", "2023-10-20")
    assert str(timex(doc, "2014").value) == "2014"
    wednesday = timex(doc, "mercredi")  # some Wednesday of December 2023, not a made-up day
    assert (str(wednesday.value), wednesday.precision) == ("2023-12", "month")
    assert (wednesday.earliest, wednesday.latest) == ("2023-11-29", "2023-12-27")


def test_counts_are_not_dates_and_event_relative_durations_are_not_resolved(doc: Document) -> None:
    texts = [t.text for t in doc.timexes]
    assert not any(("2500" in t or "102" in t or "900" in t) for t in texts), texts
    ten_days = timex(doc, "dix jours")  # "soit dix jours après le début de la guerre"
    assert (ten_days.type, str(ten_days.value), ten_days.anchor) == ("DURATION", "P10D", "event")
    for t in doc.timexes:
        assert doc.text[t.start:t.end] == t.text


def quote(doc: Document, start_of_text: str) -> Quote:
    found = [q for q in doc.quotes if q.text.startswith(start_of_text)]
    assert found, f"no quote starting {start_of_text!r} among {[q.text[:40] for q in doc.quotes]}"
    return found[0]


def speaker(q: Quote) -> QuoteSpeaker:
    assert q.speaker is not None, f"no speaker for {q.text!r}"
    return q.speaker


def test_nulands_quotes_are_attributed_to_her(doc: Document) -> None:
    lead = quote(doc, "Les États-Unis préfèrent la coopération")  # "..., a indiqué mercredi la numéro deux ..."
    assert lead.kind == "indirect" and speaker(lead).name == "Victoria Nuland"
    first = quote(doc, "Ces attaques ne visent pas uniquement les États-Unis")  # "», a souligné Mme Nuland"
    assert first.kind == "direct" and speaker(first).text == "Mme Nuland"
    assert speaker(first).name == "Victoria Nuland" and first.cue is not None and first.cue.lemma == "souligner"
    clitic = quote(doc, "Nous avons eu une bonne conversation")  # "», a-t-elle précisé"
    assert clitic.kind == "direct" and speaker(clitic).text == "elle"
    assert speaker(clitic).name == "Victoria Nuland"
    mixed = quote(doc, "l’Irak et les forces de sécurités irakiennes")
    assert mixed.kind == "mixed" and speaker(mixed).name == "Victoria Nuland"


def test_the_iraqi_authorities_mixed_quote(doc: Document) -> None:
    links = quote(doc, "des liens avec certains services de sécurité")
    assert links.kind == "mixed" and speaker(links).actor == "irq-gov"
    assert "autorités irakiennes" in speaker(links).text
    for q in doc.quotes:
        assert doc.text[q.start:q.end] == q.text


def test_places_geocoded(doc: Document) -> None:
    places = {p.text: p for p in doc.places}
    assert (places["Irak"].country, places["Irak"].kind) == ("IRQ", "country")
    assert (places["Syrie"].country, places["Syrie"].kind) == ("SYR", "country")
    baghdad = places["Bagdad"]
    assert (baghdad.name, baghdad.country, baghdad.kind, baghdad.precision) == ("Baghdad", "IRQ", "city", 1)
    assert baghdad.lat is not None and baghdad.lon is not None
    assert abs(baghdad.lat - 33.34) < 0.1 and abs(baghdad.lon - 44.40) < 0.1 and baghdad.geonames_id == 98182
    assert (places["Gaza"].country, places["Gaza"].kind) == ("PSE", "region")
    embassy = places["l’ambassade américaine à Bagdad"]
    assert (embassy.kind, embassy.country, embassy.name) == ("site", "IRQ", "Embassy of the United States, Baghdad")
    assert (embassy.lat, embassy.lon) == (baghdad.lat, baghdad.lon)
    assert "Washington" not in places and all(p.name != "Washington" for p in doc.places)
    for p in doc.places:  # once per article, every mention pointing at words that name it
        assert doc.text[p.start:p.end] == p.text
        assert {place_key(doc.text[a:b]) for a, b in p.mentions} == {place_key(p.text)}
    assert len(baghdad.mentions) >= 3


def event(doc: Document, kind: str, word: str) -> dict:
    """The event of this type whose evidence sentence holds ``word``, as the JSON output gives it."""
    found = [e.to_dict() for e in doc.events if e.type == kind and word in e.evidence.text]
    assert len(found) == 1, f"{kind} with {word!r}: {[(e.type, e.evidence.text[:50]) for e in doc.events]}"
    return found[0]


def test_five_events_and_no_more(doc: Document) -> None:
    """The visit, the tally, the strikes, the embassy attack, the arrests; nothing from the repeated lede
    ("2500 soldats") nor from the quotes' "attaques", which are the tally told again."""
    assert sorted(e.type for e in doc.events) == ["ASSAULT", "ASSAULT", "ASSAULT", "COERCE", "CONSULT"]
    lede_end = doc.paragraphs[0].end
    assert all(e.evidence.start > lede_end for e in doc.events)


def test_consult_visit(doc: Document) -> None:
    e = event(doc, "CONSULT", "rencontré")
    assert e["mode"] == "visit"  # from "en visite à Bagdad", merged into the meeting
    assert (e["actor"]["name"], e["actor"]["country"]) == ("Victoria Nuland", "USA")
    assert e["recipient"]["actor"] == "p-sudani" and e["recipient"]["country"] == "IRQ"
    assert e["location"]["name"] == "Baghdad" and not e["location"].get("inferred")
    assert len(e["mentions"]) == 2


def test_the_tally_is_one_aggregate_record(doc: Document) -> None:
    e = event(doc, "ASSAULT", "102 attaques")
    assert (e["count"], e["date"], e["date_basis"]) == (102, "2023-10-17/2023-12", "expression")
    assert e["actor"]["name"] == "Islamic Resistance in Iraq" and e["actor"]["country"] == "IRQ"
    assert e["recipient"]["country"] == "USA"
    assert e["location"]["country"] == "IRQ; SYR"
    assert e["mode"] == "drone"
    # "des dizaines d'attaques depuis la mi-octobre", "ces frappes de drones", "Ces attaques" ... all of it
    words = {doc.text[m["trigger"]["start"]:m["trigger"]["end"]] for m in e["mentions"]}
    assert {"attaques", "frappes de drones"} <= words and len(e["mentions"]) >= 5
    assert doc.text[e["evidence"]["start"]:e["evidence"]["end"]] == e["evidence"]["text"]


def test_strikes_rockets_and_arrests(doc: Document) -> None:
    strikes = event(doc, "ASSAULT", "Pentagone")
    assert (strikes["mode"], strikes["actor"]["name"]) == ("aerial", "United States Department of Defense")
    assert "combattants pro-Iran" in strikes["recipient"]["text"] and strikes["count"] is None
    rockets = event(doc, "ASSAULT", "salves de roquettes")
    assert (rockets["mode"], rockets["date"], rockets["injured"]) == ("heavy-weapons", "2023-12-08", 0)
    assert rockets["location"]["name"] == "Baghdad" and rockets["recipient"]["country"] == "USA"
    arrests = event(doc, "COERCE", "interpellations")
    assert (arrests["mode"], arrests["actor"]["name"], arrests["date"]) == ("arrest", "Government of Iraq", "2023-12")
    assert arrests["factuality"] == "asserted"
    assert (arrests["cameo"], arrests["acled_sub_event_type"]) == ("17", "Arrests")
