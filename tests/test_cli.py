"""The command line, end to end in-process: extract, ingest (twice), demo, show, stats, strict mode."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from wirecoder.cli import cli

pytestmark = pytest.mark.model

STORY = ("date 2024-02-06\n\n(Niamey) Le Pentagone a annoncé lundi le retrait de ses soldats du Niger, "
         "a indiqué son porte-parole, Mark Reed.\n\nReuters\n")


def invoke(*args: str, input: bytes | None = None):
    result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    return result


def test_extract_jsonl_output(tmp_path: Path, wire_file) -> None:
    path = wire_file("niger.txt", STORY)
    out = tmp_path / "out.jsonl"
    result = invoke("extract", str(path), "-o", str(out))
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["id"] == "niger" and record["date"] == "2024-02-06"
    (event,) = record["events"]  # "a annoncé lundi le retrait de ses soldats du Niger"
    assert (event["type"], event["mode"], event["actor"]["name"], event["location"]["country"], event["date"]) == \
        ("RETREAT", "withdraw", "United States Department of Defense", "NER", "2024-02-05")
    assert [(p["text"], p["country"], p["kind"]) for p in record["places"]] == [("Niamey", "NER", "city"),
                                                                              ("Niger", "NER", "country")]
    (quote,) = record["quotes"]  # "..., a indiqué son porte-parole, Mark Reed."
    assert quote["kind"] == "indirect" and quote["text"].startswith("Le Pentagone a annoncé lundi le retrait")
    assert quote["speaker"]["name"] == "Mark Reed"
    assert [(t["text"], t["value"]) for t in record["timexes"]] == [("lundi", "2024-02-05")]  # Monday before
    assert any(a["name"] == "United States Department of Defense" for a in record["actors"])
    assert "skipped: 0" in result.stderr


def test_extract_from_stdin_pretty() -> None:
    result = invoke("extract", "-", "--format", "pretty", input=STORY.encode())
    assert result.exit_code == 0
    assert "dateline Niamey" in result.stdout and "credit Reuters" in result.stdout


def test_strict_turns_skips_into_failure(wire_file) -> None:
    good = wire_file("in/good.txt", STORY)
    wire_file("in/bad.txt", "date 2024-02-31\nTexte.")
    wire_file("in/empty.txt", "   \n")
    result = invoke("extract", str(good.parent), "--format", "json")
    assert result.exit_code == 0
    assert [d["id"] for d in json.loads(result.stdout)] == ["good"]
    assert "skipped: 2 (bad-date 1, empty-text 1)" in result.stderr
    assert "bad.txt:1: field 'date': impossible date" in result.stderr
    strict = invoke("extract", str(good.parent), "--strict")
    assert strict.exit_code == 1


def test_ingest_is_idempotent_and_show_stats(tmp_path: Path, wire_file) -> None:
    db = f"sqlite:///{tmp_path / 'c.db'}"
    path = wire_file("niger.txt", STORY)
    first = invoke("--db", db, "ingest", str(path))
    assert "1 added, 0 replaced, 0 unchanged" in first.stderr
    second = invoke("--db", db, "ingest", str(path))
    assert "0 added, 0 replaced, 1 unchanged" in second.stderr
    path.write_text(STORY.replace("lundi", "mardi"), encoding="utf-8")
    third = invoke("--db", db, "ingest", str(path))
    assert "0 added, 1 replaced, 0 unchanged" in third.stderr
    shown = invoke("--db", db, "show", "niger")
    assert "Mark Reed" in shown.stdout and "United States Department of Defense" in shown.stdout
    as_json = json.loads(invoke("--db", db, "show", "niger", "--format", "json").stdout)
    assert "mardi" in as_json["text"]
    stats = invoke("--db", db, "stats")
    assert "articles 1" in stats.stdout
    missing = CliRunner().invoke(cli, ["--db", db, "show", "nope"])
    assert missing.exit_code != 0 and "no article with id 'nope'" in missing.output


def test_demo_ingests_the_bundled_samples(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    result = invoke("--db", db, "demo")
    assert result.exit_code == 0
    rows = [line for line in result.stdout.splitlines()[1:] if line.strip()]
    assert len(rows) >= 12
    assert "14 added" in result.stderr and "skipped: 0" in result.stderr
    again = invoke("--db", db, "demo")
    assert "already stored" in again.stdout


def test_settings_file_overrides_the_size_limit(tmp_path: Path, wire_file) -> None:
    config = tmp_path / "w.toml"
    config.write_text("[input]\nmax_text_bytes = 50\n", encoding="utf-8")
    path = wire_file("niger.txt", STORY)
    result = invoke("--config", str(config), "extract", str(path))
    assert "too-large" in result.stderr and "over the limit of 50" in result.stderr
    bad = tmp_path / "bad.toml"
    bad.write_text("[input]\nmax_text_bytes = 'big'\n", encoding="utf-8")
    from wirecoder.errors import ConfigError
    with pytest.raises(ConfigError, match="must be int"):
        invoke("--config", str(bad), "extract", str(path))


def test_gazetteer_command_looks_names_up() -> None:
    result = invoke("gazetteer", "Bagdad", "Atlantide")
    assert result.exit_code == 0, result.output
    assert "gazetteer:" in result.output and "cached in" in result.output
    lines = result.output.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("Bagdad: "))
    assert lines[header + 1].startswith("  Baghdad [city, IRQ]")  # the capital first, its namesakes after
    assert "Atlantide: 0 candidate(s)" in result.output


def _run_wirecoder(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The real ``wirecoder`` entry point in a process of its own: what a user's terminal shows."""
    return subprocess.run([sys.executable, "-c", "from wirecoder.cli import main; main()", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])})


@pytest.mark.parametrize("content,expected", [
    (b"[input]\n# r\xe9glage en Latin-1\nmax_text_bytes = 50\n",
     "w.toml:2: cannot read settings: not UTF-8 (byte 0xe9)"),
    (b"[input]\nmax_text_bytes = -1\n", "setting 'input.max_text_bytes' must be at least 1, got -1"),
    (b"[api]\nmax_page_size = 0\n", "setting 'api.max_page_size' must be at least 1, got 0"),
    (b"[places]\nmin_population = 2000\n",
     "setting 'places.min_population' must be one of 500, 1000, 5000, 15000"),
])
def test_a_bad_settings_file_is_one_line_naming_it(tmp_path: Path, content: bytes, expected: str) -> None:
    (tmp_path / "w.toml").write_bytes(content)
    result = _run_wirecoder("--config", "w.toml", "settings", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"error: {expected}")


def test_a_database_url_without_its_driver_is_one_line(tmp_path: Path) -> None:
    result = _run_wirecoder("--db", "mysql://reader:secret@127.0.0.1/news", "stats", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("error: cannot open database 'mysql://reader:***@127.0.0.1/news': its driver is not "
                           "installed (No module named ")
    assert "secret" not in line
