"""The refactoring check (benchmarks/compare_outputs.py) finds every difference between two runs' Documents."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "compare_outputs.py"
spec = importlib.util.spec_from_file_location("compare_outputs", SCRIPT)
assert spec is not None and spec.loader is not None
compare_outputs = importlib.util.module_from_spec(spec)
spec.loader.exec_module(compare_outputs)


def test_every_changed_value_is_named_by_its_path() -> None:
    before = {"events": [{"actor": {"name": "Victoria Nuland"}, "date": "2023-12"}], "quotes": []}
    after = {"events": [{"actor": {"name": None}, "date": "2023-12"}], "quotes": [{"text": "x"}]}
    found = list(compare_outputs.differences(before, after))
    assert found == [(".events[0].actor.name", "Victoria Nuland", None), (".quotes", [], [{"text": "x"}])]
    assert list(compare_outputs.differences(before, json.loads(json.dumps(before)))) == []
    assert list(compare_outputs.differences({"n": 1}, {"n": 1.0})) == [(".n", 1, 1.0)]  # a type change counts


def test_sets_are_compared_file_by_file(tmp_path: Path, capsys) -> None:
    for side, name in (("before", "Nuland"), ("after", "Soudani")):
        folder = tmp_path / side
        folder.mkdir()
        (folder / "events.jsonl").write_text(json.dumps({"id": "a", "actor": name}) + "\n" +
                                             json.dumps({"id": "b", "actor": "x"}) + "\n", encoding="utf-8")
    assert compare_outputs.compare(tmp_path / "before", tmp_path / "after", ["events"]) == 1
    out = capsys.readouterr().out
    assert "events a .actor" in out and "events: 2 documents, 1 differences, byte-identical: no" in out
    assert compare_outputs.compare(tmp_path / "before", tmp_path / "before", ["events"]) == 0
