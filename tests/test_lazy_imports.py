"""Imports do no work: ``import wirecoder``, the commands that annotate nothing and the API's start load no model,
database or file-format library; the stages are registered all the same. Each check runs in a fresh interpreter,
since this test session has long since loaded everything. (The import's time is measured by
benchmarks/import_time.py, not asserted here.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import wirecoder

PROJECT = Path(wirecoder.__file__).resolve().parent.parent
# Libraries that only annotating (spaCy, and the actor dictionary's CLDR and ISO tables), storing, serving,
# exporting, batch runs or HTML input need; and wirecoder's own big rule engines.
HEAVY = ("spacy", "thinc", "pycountry", "babel", "sqlalchemy", "alembic", "fastapi", "uvicorn", "pyarrow", "dask",
         "trafilatura", "tqdm", "wirecoder.clauses.layer", "wirecoder.quotes.finder", "wirecoder.events.coder",
         "wirecoder.timex.tagger")
# What each default stage declares; a stage that changes its inputs or outputs changes this table too.
DECLARED = {
    "structure": ((), ("paragraphs", "dateline", "credits")),
    "parse": (("paragraphs",), ("sentences", "spacy_doc")),
    "actors": (("spacy_doc", "paragraphs"), ("entities", "actors")),
    "timex": (("spacy_doc",), ("timexes",)),
    "places": (("spacy_doc", "entities", "actors"), ("places",)),
    "clauses": (("spacy_doc", "paragraphs", "dateline", "entities", "actors", "timexes", "places"), ("clauses",)),
    "quotes": (("clauses", "paragraphs"), ("quotes",)),
    "events": (("clauses", "dateline", "actors", "timexes", "places"), ("events",)),
}
LIBRARIES = tuple(m for m in HEAVY if not m.startswith("wirecoder."))
REPORT = f"""
import json, sys
print(json.dumps({{"loaded": [m for m in {HEAVY!r} if m in sys.modules], "result": result}}))
"""


def fresh(code: str, cwd: Path) -> dict:
    """Run ``code`` (which sets ``result``) in a new interpreter importing this tree's wirecoder; the heavy
    modules loaded at the end and ``result``."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(PROJECT), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", code + REPORT], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_import_loads_no_heavy_library(tmp_path: Path) -> None:
    report = fresh("import wirecoder\nresult = sorted(wirecoder.__all__)", tmp_path)
    assert report["loaded"] == []
    assert report["result"] == sorted(wirecoder.__all__)


def test_the_registry_knows_every_default_stage_without_loading_it(tmp_path: Path) -> None:
    report = fresh("import wirecoder\n"
                   "from wirecoder.pipeline import DEFAULT_STAGES\n"
                   "from wirecoder.stages import REGISTRY\n"
                   "wirecoder.Pipeline()  # checks that every stage's inputs come from an earlier one\n"
                   "result = {n: [REGISTRY[n].requires, REGISTRY[n].assigns] for n in DEFAULT_STAGES}", tmp_path)
    assert report["loaded"] == []
    declared = {name: (tuple(requires), tuple(assigns)) for name, (requires, assigns) in report["result"].items()}
    assert declared == DECLARED


@pytest.mark.parametrize("args", [["--help"], ["settings"], ["schema"], ["events", "--help"]])
def test_commands_that_annotate_nothing_load_no_heavy_library(tmp_path: Path, args: list[str]) -> None:
    report = fresh("import contextlib, io, sys\n"
                   "from wirecoder.cli import main\n"
                   f"sys.argv = ['wirecoder', *{args!r}]\n"
                   "out = io.StringIO()\n"
                   "with contextlib.redirect_stdout(out):\n"
                   "    try:\n"
                   "        main()\n"
                   "    except SystemExit as exc:\n"
                   "        assert not exc.code, exc.code\n"
                   "result = out.getvalue()", tmp_path)
    # (The CLI imports wirecoder.quotes for the --quote-scope choices: the quotes package loads its finder.)
    assert [m for m in report["loaded"] if m in LIBRARIES] == []
    assert report["result"]  # the command did print its help, settings or schema


def test_the_api_loads_no_model_until_an_extraction(tmp_path: Path) -> None:
    report = fresh("from fastapi.testclient import TestClient\n"
                   "from wirecoder import Settings\n"
                   "from wirecoder.api import create_app\n"
                   "app = create_app(Settings({'store.url': 'sqlite:///api.db'}))\n"
                   "with TestClient(app) as client:\n"
                   "    result = client.get('/api/health').json()\n", tmp_path)
    assert not {"spacy", "thinc"} & set(report["loaded"])  # (the routes do need SQLAlchemy and the event types)
    assert report["result"]["status"] == "ok" and report["result"]["articles"] == 0
