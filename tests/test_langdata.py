"""The French language data files are well-formed, and a malformed one is reported by file and line."""

from __future__ import annotations

import re
from collections import defaultdict
from importlib import resources
from pathlib import Path

import pycountry
import pytest

from wirecoder import langdata
from wirecoder.errors import ConfigError
from wirecoder.langdata import read_json, read_tsv, read_words

LANG = "fr"
DATA = resources.files("wirecoder") / "data" / LANG
FILES = sorted(p.name for p in DATA.iterdir() if p.is_file())
TSV_FILES = [n for n in FILES if n.endswith(".tsv")]
ACTOR_TYPES = {"state", "government", "military", "police", "armed_group", "party", "igo", "ngo", "media",
               "company", "person"}
QID = re.compile(r"^Q[0-9]+$")
ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}


def test_every_file_is_a_known_format():
    assert FILES, "no language data found"
    assert all(n.endswith((".tsv", ".json")) for n in FILES), FILES
    assert {"actors.json", "demonyms.tsv", "country_aliases.tsv", "capitals.tsv", "credits.tsv"} <= set(FILES)


@pytest.mark.parametrize("name", TSV_FILES)
def test_tsv_parses(name):
    rows = read_tsv(LANG, name)
    assert rows, f"{name} has no rows"
    columns = list(rows[0])
    assert columns and all(columns)
    assert len(set(columns)) == len(columns), f"{name}: duplicate column names {columns}"
    for row in rows:
        assert list(row) == columns
        assert all(v and v == v.strip() for v in row.values()), row


@pytest.mark.parametrize("name", TSV_FILES)
def test_tsv_raw_lines_match_header(name):
    """Independent of read_tsv: every non-comment line has as many tab-separated cells as the header."""
    lines = [(n, line) for n, line in enumerate((DATA / name).read_text(encoding="utf-8").splitlines(), 1)
             if line.strip() and not line.startswith("#")]
    header = lines[0][1].split("\t")
    for number, line in lines[1:]:
        assert len(line.split("\t")) == len(header), f"{name}:{number}: {line!r}"


@pytest.mark.parametrize("name,column", [("demonyms.tsv", "iso3"), ("country_aliases.tsv", "iso3"),
                                         ("capitals.tsv", "iso3")])
def test_iso3_codes_are_valid(name, column):
    bad = sorted({row[column] for row in read_tsv(LANG, name)} - ISO3)
    assert not bad, f"{name}: unknown ISO 3166 alpha-3 codes {bad}"


def test_demonym_forms():
    seen: dict[str, str] = {}
    for row in read_tsv(LANG, "demonyms.tsv"):
        forms = row["forms"].split("|")
        assert all(f.strip() == f and f for f in forms), row
        assert all(f == f.lower() for f in forms), row
        for form in forms:
            assert seen.setdefault(form, row["iso3"]) == row["iso3"], f"{form!r} under two countries"


def test_credits_forms_non_empty():
    rows = read_tsv(LANG, "credits.tsv")
    for row in rows:
        assert row["agency"].strip()
        forms = row["forms"].split("|")
        assert forms and all(f.strip() == f and f for f in forms), row
    agencies = [r["agency"] for r in rows]
    assert len(agencies) == len(set(agencies))


def test_word_lists_and_small_tables():
    for name in ("roles.tsv", "not_entities.tsv"):
        words = read_words(LANG, name)
        assert words and all(w.strip() == w for w in words)
    assert {r["gender"] for r in read_tsv(LANG, "person_titles.tsv")} <= {"f", "m", "x"}
    assert {r["type"] for r in read_tsv(LANG, "actor_nouns.tsv")} <= ACTOR_TYPES


# -- actors.json ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def actors() -> list[dict]:
    data = read_json(LANG, "actors.json")
    assert isinstance(data, list) and data
    return data


def test_actor_fields(actors):
    problems = []
    for i, a in enumerate(actors):
        where = f"actors.json entry {i} ({a.get('id')!r})"
        if not isinstance(a, dict) or not {"id", "name", "type", "aliases"} <= set(a):
            problems.append(f"{where}: missing fields")
            continue
        if not (isinstance(a["id"], str) and a["id"].strip()):
            problems.append(f"{where}: bad id")
        if not (isinstance(a["name"], str) and a["name"].strip()):
            problems.append(f"{where}: bad name")
        if a["type"] not in ACTOR_TYPES:
            problems.append(f"{where}: type {a['type']!r}")
        if a.get("country") is not None and a["country"] not in ISO3:
            problems.append(f"{where}: country {a['country']!r}")
        if a["type"] == "state" and a.get("country") is None:
            problems.append(f"{where}: a state needs its country")
        if a.get("qid") is not None and not (isinstance(a["qid"], str) and QID.match(a["qid"])):
            problems.append(f"{where}: qid {a['qid']!r}")
        aliases = a["aliases"]
        if not isinstance(aliases, list) or not all(isinstance(x, str) and x.strip() == x and x for x in aliases):
            problems.append(f"{where}: aliases must be non-empty trimmed strings")
    assert not problems, "\n".join(problems)


def test_actor_ids_unique(actors):
    ids = [a["id"] for a in actors]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    assert not dupes, dupes


def test_no_alias_shared_by_two_actors(actors):
    owners: dict[str, set[str]] = defaultdict(set)
    for a in actors:
        for alias in a["aliases"]:
            owners[alias.casefold()].add(a["id"])
    shared = {alias: sorted(ids) for alias, ids in owners.items() if len(ids) > 1}
    assert not shared, shared


# -- malformed files -----------------------------------------------------------------------------

@pytest.fixture
def fake_data(tmp_path, monkeypatch):
    """Point the loader at files in tmp_path; the caches are cleared before and after."""
    monkeypatch.setattr(langdata, "data_path", lambda lang, name: tmp_path / name)
    read_tsv.cache_clear()
    read_json.cache_clear()
    yield tmp_path
    read_tsv.cache_clear()
    read_json.cache_clear()


@pytest.mark.parametrize("content,line", [
    ("# commentaire\nform\tgender\nM.\tm\nMme\n", 4),                  # missing column
    ("form\tgender\nM.\tm\n\nDr\tx\textra\n", 4),                       # extra column
    ("form\tgender\nM.\tm\nMe\t \n", 3),                                # empty cell
])
def test_malformed_tsv_names_file_and_line(fake_data, content, line):
    (fake_data / "bad.tsv").write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"data/{LANG}/bad\.tsv:{line}: expected 2 "):
        read_tsv(LANG, "bad.tsv")


def test_good_fake_tsv_and_missing_file(fake_data):
    (fake_data / "ok.tsv").write_text("# c\nform\tgender\n\nM.\tm\n# fin\nMme\tf\n", encoding="utf-8")
    assert read_tsv(LANG, "ok.tsv") == ({"form": "M.", "gender": "m"}, {"form": "Mme", "gender": "f"})
    with pytest.raises(ConfigError, match=r"missing: data/fr/absent\.tsv"):
        read_tsv(LANG, "absent.tsv")


def test_malformed_json_names_file_and_line(fake_data: Path):
    (fake_data / "actors.json").write_text('[\n  {"id": "x",\n  "name": }\n]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"data/fr/actors\.json:3: invalid JSON"):
        read_json(LANG, "actors.json")


def test_function_words_have_known_kinds():
    kinds = {row["kind"] for row in read_tsv(LANG, "function_words.tsv")}
    assert kinds == {"article", "credit_prefix", "credit_joiner", "street", "elided", "inverted_clitic"}
