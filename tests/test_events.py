"""The events stage on short wire stories written for these tests: types and modes, roles, figures,
factuality, dates, and one record per occurrence."""

from __future__ import annotations

import pytest

from wirecoder import Document, Pipeline, extract

pytestmark = pytest.mark.model


def events(pipeline: Pipeline, text: str, date: str = "2024-03-15") -> list[dict]:
    """The events as the JSON output gives them."""
    return extract(text, date, pipeline=pipeline).to_dict()["events"]


def only(pipeline: Pipeline, text: str, date: str = "2024-03-15") -> dict:
    found = events(pipeline, text, date)
    assert len(found) == 1, [(e["type"], e["trigger"]["text"]) for e in found]
    return found[0]


def test_passive_with_agent_toll_and_place(pipeline: Pipeline) -> None:
    e = only(pipeline, "Trois soldats maliens ont été tués mardi par des jihadistes près de Gao.")
    assert (e["type"], e["killed"], e["date"]) == ("ASSAULT", 3, "2024-03-12")
    assert "jihadistes" in e["actor"]["text"]
    assert e["recipient"]["country"] == "MLI" and "soldats maliens" in e["recipient"]["text"]
    assert (e["location"]["name"], e["location"]["country"]) == ("Gao", "MLI")


def test_tolls_and_none(pipeline: Pipeline) -> None:
    e = only(pipeline, "L'attentat a fait 13 morts et 20 blessés vendredi à Kaboul.")
    assert (e["type"], e["killed"], e["injured"], e["location"]["country"]) == ("ASSAULT", 13, 20, "AFG")
    e = only(pipeline, "Une roquette a visé jeudi la base de Aïn al-Assad, sans faire de blessé.")
    assert (e["injured"], e["mode"]) == (0, "heavy-weapons")


@pytest.mark.parametrize("text,kind,factuality", [
    ("La police n'a pas interpellé les manifestants.", "COERCE", "negated"),
    ("Le président rencontrera jeudi son homologue sénégalais à Dakar.", "CONSULT", "future"),
    ("S'il est reconnu coupable, l'ancien maire pourrait être condamné à dix ans de prison.", "SANCTION",
     "hypothetical"),
    ("Selon la presse locale, le groupe aurait enlevé deux humanitaires.", "ASSAULT", "asserted"),
    ("Les attaques ne visent pas uniquement les soldats américains.", "ASSAULT", "asserted"),
])
def test_factuality(pipeline: Pipeline, text: str, kind: str, factuality: str) -> None:
    e = only(pipeline, text)
    assert (e["type"], e["factuality"]) == (kind, factuality)


def test_court_sentence_against_verbal_condemnation(pipeline: Pipeline) -> None:
    e = only(pipeline, "Le tribunal de Lyon a condamné mercredi l'ancien élu à trois ans de prison.")
    assert (e["type"], e["mode"]) == ("SANCTION", "convict")
    # the condemnation, and the attack it presupposes
    found = events(pipeline, "Le gouvernement allemand a condamné l'attaque contre le consulat.")
    assert [e["type"] for e in found] == ["ACCUSE", "ASSAULT"]
    assert found[0]["actor"]["country"] == "DEU" and found[0]["factuality"] == found[1]["factuality"] == "asserted"


def test_tally_with_approximate_count(pipeline: Pipeline) -> None:
    e = only(pipeline, "Une soixantaine d'arrestations ont eu lieu depuis le 2 mars dans la capitale.")
    assert (e["type"], e["mode"], e["count"], e["date"]) == ("COERCE", "arrest", 60, "2024-03-02/2024-03-15")


def test_mentions_of_one_protest_are_merged(pipeline: Pipeline) -> None:
    text = ("Des milliers de personnes ont manifesté samedi à Marseille contre la réforme des retraites. "
            "La manifestation s'est déroulée dans le calme, selon la préfecture.")
    e = only(pipeline, text)
    assert (e["type"], e["mode"], e["date"]) == ("PROTEST", "demo", "2024-03-09")
    assert len(e["mentions"]) == 2 and e["evidence"]["text"].startswith("Des milliers")


def test_two_dated_attacks_stay_two(pipeline: Pipeline) -> None:
    text = ("Une attaque a visé le 3 mars un poste de police à Mopti. "
            "Une autre attaque a visé le 10 mars un camp militaire à Ségou.")
    found = events(pipeline, text)
    assert [(e["type"], e["date"]) for e in found] == [("ASSAULT", "2024-03-03"), ("ASSAULT", "2024-03-10")]


@pytest.mark.parametrize("text", [
    "Il est temps de s'attaquer à la pauvreté.",  # an infinitive: no occurrence
    "Les troupes françaises déployées au Sahel sont rentrées.",  # a participle that describes
    "Le ministre a répondu aux questions lors d'une rencontre avec la presse.",  # a media interview
])
def test_no_event(pipeline: Pipeline, text: str) -> None:
    assert events(pipeline, text) == []


def test_what_is_asked_for_has_not_happened(pipeline: Pipeline) -> None:
    e = only(pipeline, "Paris a demandé mardi la libération du journaliste français détenu à Téhéran.")
    assert (e["type"], e["actor"]["country"]) == ("REQUEST", "FRA")


def test_codes_and_store_fields(pipeline: Pipeline) -> None:
    e = only(pipeline, "L'aviation russe a bombardé dimanche la ville d'Idleb.")
    assert (e["type"], e["mode"], e["cameo"], e["acled_event_type"], e["acled_sub_event_type"]) == \
        ("ASSAULT", "aerial", "19", "Explosions/Remote violence", "Air/drone strike")
    assert e["trigger"]["text"] == "bombardé" and e["evidence"]["start"] == 0


def test_evidence_and_trigger_offsets_point_into_the_text(pipeline: Pipeline) -> None:
    text = "(Kiev) Des frappes de drones ont visé lundi des infrastructures énergétiques à Odessa."
    doc: Document = extract(text, "2024-03-15", pipeline=pipeline)
    (e,) = doc.to_dict()["events"]
    for span in (e["evidence"], e["trigger"]):
        assert doc.text[span["start"]:span["end"]] == span.get("text", doc.text[span["start"]:span["end"]])
    assert e["mode"] == "drone" and e["location"]["country"] == "UKR"


@pytest.mark.parametrize("text", [
    # an unmet condition and its main clause: no event
    "Si j'avais été dirigeant d'une entreprise américaine, j'aurais été libéré en 24 heures.",
    "Le maire a manifesté son scepticisme.",  # "manifester" with an object is no protest
    "« J'aurais été libéré en 24 heures », a-t-il assuré.",  # a speaker's conditional past: it did not happen
])
def test_no_event_either(pipeline: Pipeline, text: str) -> None:
    assert events(pipeline, text) == []


def test_a_charge_is_not_an_event(pipeline: Pipeline) -> None:
    e = only(pipeline, "Le suspect a été inculpé pour meurtre mardi à Lille.")
    assert (e["type"], e["date"]) == ("ACCUSE", "2024-03-12")
    assert "suspect" in e["recipient"]["text"] and e["trigger"]["text"] == "inculpé"


def test_unidentified_actor_and_trigger_words(pipeline: Pipeline) -> None:
    e = only(pipeline, "Des obus ont touché lundi un marché de Donetsk.")
    assert e["actor"]["unidentified"] and e["actor"]["text"] is None
    assert (e["actor"]["country"], e["actor"]["country_inferred"]) == ("UKR", True)
    e = only(pipeline, "La victime a porté plainte jeudi au commissariat de Nantes.")
    assert e["type"] == "ACCUSE" and e["recipient"] is None  # "plainte" is the trigger, not whom it aims at


def test_copular_event_noun_and_a_lemma_the_tagger_missed(pipeline: Pipeline) -> None:
    e = only(pipeline, "Un jeune homme de 17 ans est toujours en garde à vue à Carcassonne.")
    assert (e["type"], e["mode"]) == ("COERCE", "arrest") and "jeune homme" in e["recipient"]["text"]
    e = only(pipeline, "« Je ne demande rien », a répondu l'ancien ministre.")
    assert (e["type"], e["factuality"]) == ("REQUEST", "negated")


def test_denying_the_claim_does_not_deny_the_attack(pipeline: Pipeline) -> None:
    e = only(pipeline, "Une roquette a visé mardi la base. L'attaque n'a pas été revendiquée.")
    assert (e["type"], e["factuality"], len(e["mentions"])) == ("ASSAULT", "asserted", 2)
    e = only(pipeline, "Le Pentagone n'a pas effectué de frappes en Syrie.")
    assert (e["type"], e["factuality"]) == ("ASSAULT", "negated")


def test_weapons_places_and_generic_mentions_are_no_actors(pipeline: Pipeline) -> None:
    e = only(pipeline, "Un agriculteur a été tué mardi par un tir de drone près de Nabatiyé, au Liban.")
    assert (e["type"], e["mode"]) == ("ASSAULT", "drone")  # the weapon's noun folded into the verb
    assert e["actor"]["unidentified"] and "agriculteur" in e["recipient"]["text"]
    found = events(pipeline, "« Moscou ment, comme après chaque attaque », a rétorqué le ministre.")
    assert [x["type"] for x in found] == []  # "chaque attaque" is no occurrence in particular


def test_what_a_request_is_for_stays_unrealised(pipeline: Pipeline) -> None:
    e = only(pipeline, "Le ministre a exhorté les alliés à accélérer la livraison de systèmes antiaériens.")
    assert e["type"] == "REQUEST" and "alliés" in e["recipient"]["text"]


def test_a_negative_determiner_negates(pipeline: Pipeline) -> None:
    e = only(pipeline, "Aucun pays n'a reconnu le gouvernement des talibans.")
    assert e["factuality"] == "negated"


def test_contre_is_the_recipient_and_a_modifier_is_not(pipeline: Pipeline) -> None:
    e = only(pipeline, "Il s'agit de la troisième attaque d'ampleur contre le réseau électrique depuis le 8 mars.")
    assert e["recipient"]["text"] == "le réseau électrique" and e["date"] == "2024-03-08/2024-03-15"


def test_disasters_are_not_attacks(pipeline: Pipeline) -> None:
    text = ("Les inondations qui ont frappé le nord du pays ont fait de lourds dégâts : au moins 40 personnes "
            "ont été tuées.")
    assert [e["type"] for e in events(pipeline, text)] == []


def test_a_topic_is_not_a_recipient_and_pronominal_verbs_are_active(pipeline: Pipeline) -> None:
    e = only(pipeline, "Le ministre s'est entretenu mardi au téléphone avec son homologue chinois sur la crise.")
    assert (e["type"], e["mode"]) == ("CONSULT", "phone") and "homologue" in e["recipient"]["text"]
    e = only(pipeline, "Le maire s'est insurgé contre la fermeture de l'usine.")
    assert e["type"] == "ACCUSE" and e["actor"]["text"] == "Le maire"


def test_the_story_day_is_a_day_not_a_week() -> None:
    from wirecoder.annotations import Timex
    from wirecoder.core.dates import PublicationDate
    from wirecoder.core.time_value import TimeValue
    from wirecoder.events.timing import story_day

    timexes = [Timex(start=0, end=1, text="", type="DATE", value=TimeValue.parse(v))
               for v in ("2020-W21", "2020-05-20", "2020-05-20", "2020-05-01")]
    day, month = PublicationDate.parse("2020-05-22"), PublicationDate.parse("2020-05")
    assert str(story_day(timexes, day)) == "2020-05-20"  # named twice, within the week before
    assert story_day(timexes[:1], day) is None
    assert str(story_day(timexes, month)) == "2020-05-20"
    assert story_day(timexes, None) is None


def test_the_stage_declares_what_it_needs() -> None:
    from wirecoder.errors import PipelineError

    Pipeline(stages=["structure", "parse", "actors", "timex", "places", "clauses", "events"])  # no quotes needed
    with pytest.raises(PipelineError, match="'events' requires clauses, timexes, places"):
        Pipeline(stages=["structure", "parse", "actors", "events"])
    with pytest.raises(PipelineError, match="'clauses' requires timexes, places"):
        Pipeline(stages=["structure", "parse", "actors", "clauses", "events"])


def test_one_victim_said_with_an_article(pipeline: Pipeline) -> None:
    e = only(pipeline, "Un policier a été tué mardi dans une attaque au couteau à Kaboul.")
    assert (e["type"], e["killed"]) == ("ASSAULT", 1)  # "une attaque" folds into "tué": one event
    e = only(pipeline, "Deux hommes armés ont tué dix villageois mardi.")
    assert e["killed"] == 10  # the victims, not the killers


def test_a_wound_in_an_attack_already_told_is_that_attack(pipeline: Pipeline) -> None:
    text = ("Une attaque au couteau a fait un mort mardi à Lyon. "
            "Une autre femme avait également été blessée lors de l'attaque.")
    e = only(pipeline, text)
    assert e["type"] == "ASSAULT" and len(e["mentions"]) == 2


def test_violence_by_protesters_is_a_riot(pipeline: Pipeline) -> None:
    e = only(pipeline, "Des manifestants ont incendié samedi un restaurant à Atlanta.")
    assert (e["type"], e["mode"], e["acled_event_type"]) == ("PROTEST", "riot", "Riots")
    e = only(pipeline, "Le policier a utilisé son arme lundi à Atlanta.")
    assert (e["type"], e["mode"]) == ("ASSAULT", "firearms")


def test_reflexive_visits_and_courts_that_judge(pipeline: Pipeline) -> None:
    e = only(pipeline, "Le président s'est rendu jeudi sur la base aérienne d'Orléans.")
    assert (e["type"], e["mode"], e["date"]) == ("CONSULT", "visit", "2024-03-14")
    e = only(pipeline, "Vendredi, un tribunal d'Istanbul a commencé à juger sept ressortissants turcs.")
    assert (e["type"], e["date"]) == ("ACCUSE", "2024-03-15") and "ressortissants" in e["recipient"]["text"]
    assert events(pipeline, "Le ministre a rendu son rapport au Premier ministre.") == []
    assert events(pipeline, "Il s'est rendu compte de son erreur à Paris.") == []


def test_a_sentence_that_goes_on_telling_takes_the_day_just_told(pipeline: Pipeline) -> None:
    text = ("(Paris) Le ministre de l'Intérieur a rencontré mardi 12 mars les syndicats de policiers. Quelques "
            "heures plus tard, des milliers de personnes ont manifesté devant le ministère. Les syndicats ont "
            "réclamé des moyens.")
    found = {e["trigger"]["text"]: e for e in events(pipeline, text, "2024-03-15")}
    assert found["rencontré"]["date"] == "2024-03-12"
    assert found["manifesté"]["date"] == "2024-03-12" and found["manifesté"]["date_basis"] == "context"
    assert found["réclamé"]["date"] == "2024-03"  # no cue: the publication month, as before


def test_a_date_apposed_to_another_event_is_that_event_s(pipeline: Pipeline) -> None:
    text = ("Le 2 février, quatre jours avant les premiers bombardements de l'armée, le 6 février, la "
            "journaliste a rencontré le général à Tripoli.")
    found = {e["type"]: e for e in events(pipeline, text)}
    assert found["CONSULT"]["date"] == "2024-02-02"  # the fronted date is the main clause's
    assert found["ASSAULT"]["date"] == "2024-02-06"  # the date between commas is the bombings'


def test_an_adjunct_shares_its_main_clause_s_date(pipeline: Pipeline) -> None:
    e = next(e for e in events(pipeline, "Accusé de corruption, le maire avait été arrêté à Lyon en janvier 2023.")
             if e["type"] == "ACCUSE")
    assert e["date"] == "2023-01"  # the participle opening the sentence: the arrest's month
    text = ("Ce groupuscule avait fait parler de lui en avril 2022 lorsqu'un homme se revendiquant de cette "
            "idéologie avait tué six passants à Toronto.")
    e = next(e for e in events(pipeline, text) if e["type"] == "ASSAULT")
    assert e["date"] == "2022-04"  # "lorsque": when its main clause happened
    text = ("Le ministre a promis mardi de « faire toute la lumière » sur l'incident, tout en reconnaissant que "
            "« cette soirée reste confuse ».")
    e = next(e for e in events(pipeline, text) if e["type"] == "CONCEDE")
    assert e["date"] == "2024-03-12"  # through the infinitive to "promis mardi"; not the quoted "cette soirée"


def test_a_date_of_a_noun_phrase_sibling(pipeline: Pipeline) -> None:
    text = ("La mort de ces neuf soldats est le plus lourd bilan essuyé par l'armée depuis le début de son "
            "déploiement au Mali en 2013, et l'une des pires pertes depuis l'attentat de Beyrouth en 1983.")
    found = {e["trigger"]["text"]: e["date"] for e in events(pipeline, text)}
    assert found.get("déploiement") == "2013" and found.get("attentat") == "1983"


def test_two_acts_of_one_sentence_on_different_victims_stay_two(pipeline: Pipeline) -> None:
    text = ("Des assaillants ont poignardé quatre passants dans un marché, avant que deux d'entre eux ne soient "
            "abattus par la police.")
    found = [e for e in events(pipeline, text) if e["type"] == "ASSAULT"]
    assert sorted(e["trigger"]["text"] for e in found) == ["abattus", "poignardé"]


def test_going_on_telling_takes_a_month_but_not_a_quoted_day(pipeline: Pipeline) -> None:
    text = ("En février, un tribunal a condamné l'éditeur à dix ans de prison. « Le 11 février, rien n'était "
            "joué », a dit son avocat. Dans le même temps, la Suède a demandé sa libération.")
    found = {e["type"]: e for e in events(pipeline, text, "2024-05-06")}
    assert found["REQUEST"]["date"] == "2024-02" and found["REQUEST"]["date_basis"] == "context"


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]):
    """A hand-made parse, so a rule about a parse shape is tested whatever the model makes of the words."""
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("fr").vocab, words=words, heads=heads, deps=deps, pos=pos,
               sent_starts=[True] + [False] * (len(words) - 1))


def test_a_date_hung_beside_an_event_noun_is_that_noun_s() -> None:
    from wirecoder.annotations import Timex
    from wirecoder.core.time_value import TimeValue
    from wirecoder.events.timing import event_date

    # "bilan depuis le début de leur déploiement au Sahel en 2013 et l' attentat en 1983"
    words = ["bilan", "depuis", "le", "début", "de", "leur", "déploiement", "au", "Sahel", "en", "2013",
             "et", "l'", "attentat", "en", "1983"]
    heads = [0, 3, 3, 0, 6, 6, 3, 8, 6, 10, 3, 13, 13, 0, 15, 0]
    deps = ["ROOT", "case", "det", "nmod", "case", "det", "nmod", "case", "nmod", "case", "nmod",
            "cc", "det", "conj", "case", "nmod"]
    pos = ["NOUN", "ADP", "DET", "NOUN", "ADP", "DET", "NOUN", "ADP", "PROPN", "ADP", "NUM",
           "CCONJ", "DET", "NOUN", "ADP", "NUM"]
    doc = _parsed(words, heads, deps, pos)
    timexes: list[Timex] = []
    for i, value in ((10, "2013"), (15, "1983")):
        start = doc[i].idx
        timexes.append(Timex(start=start, end=start + 4, text=value, type="DATE", value=TimeValue.parse(value)))
    sentence = next(iter(doc.sents))
    # both dates are hung on nouns that are no event; 2013 shares "début" with "déploiement"
    assert str(event_date({6}, {13}, sentence, timexes)[0]) == "2013"
    # "attentat" and 1983 both hang on "bilan": 1983 is the attack's, and 2013 stays the deployment's
    assert str(event_date({13}, {6}, sentence, timexes)[0]) == "1983"


def test_claiming_allegiance_is_no_request(pipeline: Pipeline) -> None:
    assert [e["type"] for e in events(pipeline, "Un homme se réclamant du mouvement a été vu à Lyon.")] == []
    assert only(pipeline, "Les syndicats ont réclamé mardi une hausse des salaires.")["type"] == "REQUEST"


def test_then_and_since_take_the_time_just_told(pipeline: Pipeline) -> None:
    text = ("Les autorités avaient assuré l'avoir relâché en octobre 2021, mais selon sa fille, il s'était alors "
            "retrouvé assigné à résidence à Ningbo.")
    found = {e["type"]: e for e in events(pipeline, text)}
    assert (found["COERCE"]["date"], found["COERCE"]["date_basis"]) == ("2021-10", "context")
    text = "Le ministre a été mis en cause mardi 12 mars. Depuis, les critiques envers le ministre se multiplient."
    found = {e["trigger"]["text"]: e for e in events(pipeline, text)}
    assert found["critiques"]["date"] == "2024-03-12/2024-03-15"  # from then to publication
    e = only(pipeline, "Le suspect a été interpellé lundi, alors que la police le recherchait depuis des mois.")
    assert e["date"] == "2024-03-11"  # "alors que" is no "then"


def test_denying_one_s_part_does_not_deny_the_event(pipeline: Pipeline) -> None:
    text = ("La compagne du tireur n'a pas participé à l'attaque terroriste de Trèbes, mais la soutient. Elle se "
            "félicite de la tuerie de vendredi dernier.")
    attack = next(e for e in events(pipeline, text, "2024-03-18") if e["trigger"]["text"] == "attaque")
    assert attack["factuality"] == "asserted"
    assert attack["date"] == "2024-03-15"  # "l'attaque": the one attack the article dates to a day
    e = only(pipeline, "Les rebelles n'ont pas mené d'attaque mardi à Goma.")
    assert e["factuality"] == "negated"


@pytest.mark.model
def test_a_seat_of_power_is_a_place_and_still_its_holder(pipeline: Pipeline) -> None:
    """"à Matignon" is a place where the meeting happens, and the Prime Minister is whom one meets there."""
    doc = extract("Le porte-parole des manifestants a annoncé qu'il se rendra mardi à Matignon.", date="2024-03-12",
                  pipeline=pipeline)
    assert [(p.text, p.name) for p in doc.places] == [("Matignon", "Hôtel Matignon")]
    (event,) = doc.events
    assert event.type == "CONSULT" and event.recipient is not None
    assert event.recipient.name == "Prime Minister of France"
