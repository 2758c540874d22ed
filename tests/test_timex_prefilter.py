"""The grammar's prefilter (wirecoder/timex/prefilter.py) must never lose a match: each rule, run as
``find_matches`` runs it (skipped when the text fails its tests, behind its first-character lookahead),
finds exactly what its plain regex finds."""

from __future__ import annotations

import random
import re

import pytest

from wirecoder.langdata import read_tsv
from wirecoder.timex.grammar import RULES_FILE, _plain_pattern, load_rules
from wirecoder.timex.lexicon import load
from wirecoder.timex.prefilter import FoldedText, first_chars, fold, parse, required_literals

LANG = "fr"

SENTENCES = [
    "Le ministre a annoncé mardi 12 mars 2024, vers 14 h 30, la fermeture du site d'ici deux ans.",
    "Dans la nuit de samedi à dimanche, trois blessés ont été transportés à l'hôpital de Rennes.",
    "Les années 80 ont vu naître le mouvement, né au XIXe siècle ; au début des années 2010 il renaît.",
    "Réélu en 95, il quitte le club à l'issue de la saison 98-99, puis entraîne la promotion 2001.",
    "Le sommet\u00a0aura lieu le 3\u202fjuin à 18:45, puis chaque lundi et tous les ans en octobre.",
    "Aujourd’hui encore, les jeunes d'aujourd'hui s’interrogent ; jusqu'hier, rien n'avait filtré.",
    "Trois ressortissants turcs poursuivisVendredi, un tribunal d'Ankara a prononcé la relaxe.",
    "Il a été condamné à dix ans de prison ; un homme de 45 ans, âgé de 30 ans, a témoigné.",
    "Une demi-heure plus tard, un quart de siècle après la crise de 2002/2003 et celle de 1998-1999.",
    "Le décret du 12/05/2021, publié le 2021-05-12, entre en vigueur à la mi-octobre ou fin 2019.",
    "Ce week-end, cet après-midi et courant de l'année prochaine, la ligne restera fermée.",
    "Actuellement, l'avenir du site reste flou ; pour l'instant, autrefois, prochainement, bientôt.",
    "Lors de la 3e journée puis de la deuxième journée, le premier jour, deux matchs par semaine.",
    "Le lendemain, la veille, ce jour-là et le jour même, dans la soirée, en fin de matinée, à midi.",
    "LE 8 DÉCEMBRE 2023, MERCREDI DERNIER, L'ÉTÉ 2019 ET L’HIVER PROCHAIN, À MINUIT.",
    "İl y a trois jours, la ſemaine dernière, dans deux semaines : des années de travail.",
    "\n\tDepuis le 17 octobre,\r\nles\u2009discussions durent ;\u3000du 3 au 5 mai ; entre 2011 et 2014.",
]


def _plain_rules() -> list[tuple[str, re.Pattern[str]]]:
    lexicon = load(LANG)
    rules = []
    for row in read_tsv(LANG, RULES_FILE):
        fixed = dict(item.split("=", 1) for item in row["fixed"].split(",")) if row["fixed"] != "-" else {}
        rules.append((row["name"], _plain_pattern(row["pattern"], lexicon, row["name"], fixed.get("start"))))
    return rules


def _spans(regex: re.Pattern[str], text: str) -> list[tuple[int, int, dict[str, str | None]]]:
    return [(m.start(), m.end(), m.groupdict()) for m in regex.finditer(text)]


def _assert_same(texts: list[str]) -> None:
    plain = dict(_plain_rules())
    for text in texts:
        literals = FoldedText(text)
        for rule in load_rules(LANG):
            filtered = _spans(rule.regex, text) if literals.passes(rule.needs) else []
            assert filtered == _spans(plain[rule.name], text), (rule.name, text)


def test_filtered_rules_find_what_the_plain_ones_find() -> None:
    _assert_same(SENTENCES)
    assert sum(bool(_spans(r.regex, s)) for s in SENTENCES for r in load_rules(LANG)) > 50  # the texts match


def _noisy_text(rng: random.Random, words: list[str]) -> str:
    separators = [" ", " ", " ", "  ", "\u00a0", "\n", ", ", "-", "‑", "’", "'", "/", ".", ""]
    parts = []
    for _ in range(rng.randint(3, 14)):
        word = rng.choice(words)
        word = rng.choice([word, word, word.upper(), word.title(), word.replace("i", "ı"), word.replace("s", "ſ")])
        parts.append(word + rng.choice(separators))
    return "".join(parts)


def test_random_texts_of_time_words() -> None:
    """Time words, numbers and function words glued by odd spaces, dashes and apostrophes, in odd cases."""
    lexicon = load(LANG)
    words = sorted({form for kind in lexicon.table.kinds for form in lexicon.table.forms(kind)})
    words += ["12", "3", "1998", "2024", "98", "14h30", "18:45", "XXe", "3e", "le", "la", "de", "du", "au", "à"]
    rng = random.Random(20)
    _assert_same([_noisy_text(rng, words) for _ in range(1500)])


@pytest.mark.parametrize(("text", "expected"), [
    ("Le 3 JUIN", "le 3 juin"),
    ("İstanbul", "istanbul"),  # the regex engine reads "İ" as "i"; str.lower() would add a combining dot
    ("ſemaine, ı", "semaine, i"),
    ("aujourd’hui", "aujourd'hui"),
    ("a\u00a0 \n\tb", "a b"),
    ("  bord ", " bord "),
])
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


def test_first_chars_and_required_literals() -> None:
    pattern = parse(r"(?:la\s+|l['’]\s*)?nuit\s+du\s+\d+", re.IGNORECASE)
    assert first_chars(pattern) == "[" + "".join(sorted(f"\\U{ord(c):08x}" for c in "ln")) + "]"
    assert required_literals(pattern) == (frozenset({"nuit du "}),)
    # an optional word proves nothing; a lookbehind's text is in the text too; the most selective test first
    assert required_literals(parse(r"(?:ce\s+)?(?<=par\s)(?:année|mois)", re.IGNORECASE)) == (
        frozenset({"année", "mois"}), frozenset({"par "}))
    assert required_literals(parse(r"[^x]yz?", re.IGNORECASE)) == (frozenset({"y"}),)


@pytest.mark.parametrize("pattern", [r"\d+", r"(?:nuit)?", r"(?:nuit|\d+)", r"(?:[^x]|mois)\w"])
def test_no_literal_test_where_a_match_may_hold_none(pattern: str) -> None:
    assert required_literals(parse(pattern, re.IGNORECASE)) is None


@pytest.mark.parametrize("pattern", [r".nuit", r"[^x]nuit", r"(?:nuit)?", r"\s*"])
def test_no_lookahead_where_any_character_may_begin_a_match(pattern: str) -> None:
    assert first_chars(parse(pattern, re.IGNORECASE)) is None


def test_letters_with_two_lower_cases_prove_nothing() -> None:
    """Under IGNORECASE "σ" also matches the final "ς" that str.lower() writes at a word's end: a test on
    it could skip a text the regex matches, so there is none."""
    regex = re.compile("οδοσ", re.IGNORECASE)
    assert regex.search("ΟΔΟΣ") and "οδοσ" not in fold("ΟΔΟΣ")
    assert required_literals(parse("οδοσ", re.IGNORECASE)) == (frozenset({"οδο"}),)
