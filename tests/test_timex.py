"""The time tagger's parts: grammar and lexicon files, numbers, calendar, story time, signals, the API."""

from __future__ import annotations

from datetime import date

import pytest

from wirecoder.errors import ConfigError
from wirecoder.timex import Reference, event_date, find_timexes
from wirecoder.timex import calendar as cal
from wirecoder.timex.grammar import compile_pattern, load_rules
from wirecoder.timex.lexicon import load, parse_number

LEX = load("fr")


def only(text: str, pub: str, tense: str | None = "past") -> dict[str, object]:
    found = find_timexes(text, pub, tense=tense)
    return {t.text: t for t in found}


# -- data files -------------------------------------------------------------------------------------------

def test_every_rule_compiles_and_every_kind_the_code_reads_exists() -> None:
    rules = load_rules("fr")
    assert len(rules) >= 30 and len({r.name for r in rules}) == len(rules)
    assert {r.type for r in rules} <= {"DATE", "TIME", "DURATION", "SET"}
    for kind in ("month", "weekday", "number", "number_joiner", "unit", "part_of_day", "season", "deictic_day",
                 "story_day", "ref", "period_part", "direction", "approx", "vague_quantity", "set_head",
                 "age_adjective", "age_noun", "age_link", "duration_noun", "date_context", "count_context",
                 "clock_context", "duration_signal", "year_follower", "calendar_unit", "story_shift",
                 "event_relation", "since", "range_start", "range_end", "future_auxiliary", "ambiguous_unit",
                 "first_day", "half_word", "noon_word", "this_det", "date_det", "term_noun", "set_adjective"):
        assert LEX.forms(kind), kind


def test_lexicon_values_are_well_formed() -> None:
    assert sorted(int(v) for v in set(LEX.forms("weekday").values())) == list(range(1, 8))
    assert sorted({int(v) for v in LEX.forms("month").values()}) == list(range(1, 13))
    assert set(LEX.forms("part_of_day").values()) <= {"MO", "AF", "EV", "NI", "DT"}
    assert set(LEX.forms("season").values()) == {"SP", "SU", "FA", "WI"}
    assert all(v[0] == "P" and v[-1] in "SMHDWY" for v in LEX.forms("unit").values())


def test_a_bad_rule_is_reported_with_its_place() -> None:
    with pytest.raises(ConfigError, match=r"rule 'broken'.*no forms of kind 'nonsense'"):
        compile_pattern("<nonsense>", LEX, "data/fr/time_rules.tsv rule 'broken'")
    with pytest.raises(ConfigError, match=r"rule 'unbalanced'.*invalid pattern"):
        compile_pattern("(?:le", LEX, "data/fr/time_rules.tsv rule 'unbalanced'")


# -- numbers and calendar -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "value"), [
    ("vingt et un", 21), ("dix-huit", 18), ("soixante-dix", 70), ("soixante et onze", 71), ("quatre-vingts", 80),
    ("quatre-vingt-dix-neuf", 99), ("deux cents", 200), ("mille neuf cent quatre-vingt-dix-neuf", 1999),
    ("3 000", 3000), ("30,4", 30.4), ("une", 1)])
def test_numbers_in_words_and_digits(text: str, value: float) -> None:
    assert parse_number(text, LEX) == value


def test_not_a_number() -> None:
    assert parse_number("plusieurs", LEX) is None


def test_calendar_spans() -> None:
    assert cal.part_of(cal.month_span(2024, 2), "END").latest == "2024-02-29"
    assert (cal.part_of(cal.year_span(2019), "END").earliest, cal.part_of(cal.year_span(2019), "END").mod) == \
        ("2019-09-01", "END")
    winter = cal.season_span(2023, "WI")
    assert (winter.value, winter.earliest, winter.latest) == ("2023-WI", "2023-12-21", "2024-03-20")
    assert (cal.century_span(20).value, cal.century_span(21).earliest) == ("19XX", "2000-01-01")
    assert cal.week_span(date(2021, 1, 1)).value == "2020-W53"
    assert cal.weekend_span(date(2003, 2, 1)).value == "2003-W05-WE"


def test_reference_covers_the_publication_precision() -> None:
    month = Reference.of("2024-02")
    assert (month.first, month.last, month.precision) == (date(2024, 2, 1), date(2024, 2, 29), "month")
    assert Reference.of("2023").last == date(2023, 12, 31)
    assert Reference.of("2023-12-08").exact


# -- story time, signals, anchors ---------------------------------------------------------------------------

def test_clock_times_and_next_day_count_from_the_story_day() -> None:
    text = "Il a été blessé mardi vers 21 h 45. Il est décédé le lendemain à l'hôpital."
    t = only(text, "1999-05-20")
    assert t["21 h 45"].value == "1999-05-18T21:45" and t["21 h 45"].anchor == "story"
    assert t["le lendemain"].value == "1999-05-19" and t["le lendemain"].anchor == "story"


def test_a_clock_time_takes_the_day_written_after_it() -> None:
    t = only("Vers 0 h 40, jeudi, une voiture a percuté un arbre.", "2003-02-22")
    assert t["0 h 40"].value == "2003-02-20T00:40"


def test_tense_decides_the_direction_of_a_weekday() -> None:
    text = "Le ministre se rend mercredi à Bagdad."
    assert only(text, "2023-12-11", "past")["mercredi"].value == "2023-12-06"
    assert only(text, "2023-12-11", "future")["mercredi"].value == "2023-12-13"
    assert only(text, "2023-12-11", "present")["mercredi"].value == "2023-12-13"


def test_tense_can_vary_by_clause() -> None:
    text = "Il est arrivé lundi et repartira vendredi."
    found = find_timexes(text, "2023-12-13", tense=lambda start, end: "past" if start < 20 else "future")
    assert [(t.text, t.value) for t in found] == [("lundi", "2023-12-11"), ("vendredi", "2023-12-15")]


def test_event_dates() -> None:
    t = only("Au moins 102 attaques ont eu lieu depuis le 17 octobre, soit dix jours après le début de la guerre.",
             "2023-12")
    assert event_date(t["le 17 octobre"]) == "2023-10-17/2023-12"
    assert t["dix jours"].anchor == "event" and event_date(t["dix jours"]) is None
    assert event_date(only("La conférence se tiendra du 3 au 5 mai à Genève.", "2024-04", "future")["5 mai"]) \
        == "2024-05-03/2024-05-05"
    assert event_date(only("Des roquettes ont visé l'ambassade le 8 décembre.", "2023-12")["le 8 décembre"]
                      .to_dict()) == "2023-12-08"
    assert event_date(only("Il a parlé mercredi.", "2023-12")["mercredi"]) == "2023-12"
    assert event_date(only("Il a parlé pendant deux heures.", "2023-12")["deux heures"]) is None


def test_without_a_publication_date_only_absolute_values_are_given() -> None:
    found = {t.text: t for t in find_timexes("Hier, il a rappelé l'attentat du 8 décembre 2023.", None)}
    assert found["Hier"].value is None
    assert found["8 décembre 2023"].value == "2023-12-08"


def test_counts_in_a_dense_paragraph_are_not_dates() -> None:
    text = ("Selon le ministère, 1500 policiers et près de 2000 gendarmes ont été mobilisés ; 1200 personnes "
            "ont été interpellées, 4037 verbes ont été analysés et les 35 propositions adoptées par 1998 voix "
            "contre 402. Le bilan fait état de 102 blessés, dont 14 graves.")
    assert find_timexes(text, "2023-12-13", tense="past") == []


def test_offsets_point_at_the_text() -> None:
    text = "Ces dernières semaines, l’ONU a recensé, depuis début 2019 et jusqu’au 3 mai, des centaines d’attaques."
    for t in find_timexes(text, "2019-06-01", tense="past"):
        assert text[t.start:t.end] == t.text
    assert [t.text for t in find_timexes(text, "2019-06-01")] == ["Ces dernières semaines", "début 2019", "3 mai"]


WEEKDAY_ORDINALS = [
    ("Les permanences ont lieu les premiers et troisièmes jeudis du mois.", "les premiers et troisièmes jeudis"),
    ("Les permanences ont lieu les deuxièmes et quatrièmes jeudis du mois.", "les deuxièmes et quatrièmes jeudis"),
    ("Le conseil siège les second et quatrième mardis.", "les second et quatrième mardis"),
    ("Le marché aux puces se tient les derniers dimanches de l'été.", "les derniers dimanches"),
    ("Les vaccinations ont lieu les 1er et 3e mercredis.", "les 1er et 3e mercredis"),
    ("Les vaccinations ont lieu les 2e et 4e mercredis.", "les 2e et 4e mercredis"),
    ("Le club se réunit le premier lundi du mois.", "le premier lundi"),
    ("La collecte a lieu le deuxième mardi de chaque mois.", "le deuxième mardi"),
    ("Le comité se réunit le troisième jeudi du mois.", "le troisième jeudi"),
    ("Le marché nocturne a lieu le dernier vendredi du mois.", "le dernier vendredi"),
]


@pytest.mark.parametrize(("sentence", "expression"), WEEKDAY_ORDINALS)
def test_a_weekday_counted_in_its_month_recurs(sentence: str, expression: str) -> None:
    found = only(sentence, "2023-12-13", "present")
    assert found[expression].type == "SET" and found[expression].value.startswith("XXXX-WXX-")


def test_every_weekday_ordinal_has_an_example() -> None:
    used = {w for _, expression in WEEKDAY_ORDINALS for w in expression.split()}
    assert set(LEX.forms("weekday_ordinal")) <= used
