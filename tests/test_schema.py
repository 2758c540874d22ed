"""Documents validate against the published JSON Schema, which covers the fields the scorer reads."""

from __future__ import annotations

import dataclasses
import json
from importlib import resources

import jsonschema
import pytest

from wirecoder import Document, Pipeline
from wirecoder.cli import samples_dir
from wirecoder.readers import SkipLog, read_paths

SCHEMA = json.loads((resources.files("wirecoder") / "schema" / "document.schema.json").read_text("utf-8"))


def required(name: str) -> set[str]:
    """Required fields of a definition, with those of the span it extends."""
    definition = SCHEMA["$defs"][name]
    fields = set(definition.get("required", []))
    for part in definition.get("allOf", []):
        fields |= required(part["$ref"].rsplit("/", 1)[1])
    return fields


def test_schema_is_valid_and_covers_the_scored_fields() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert {"id", "events", "quotes", "places", "timexes", "actors", "entities"} <= set(SCHEMA["required"])
    event = SCHEMA["$defs"]["event"]["properties"]
    assert {"type", "mode", "actor", "recipient", "location", "date", "count", "killed", "injured",
            "factuality", "evidence"} <= set(event)
    assert {"start", "end", "text", "kind", "speaker"} <= required("quote")
    assert {"start", "end", "text", "name", "country", "kind", "lat", "lon"} <= required("place")
    assert {"start", "end", "text", "type", "value"} <= required("timex")


@pytest.mark.model
def test_sample_documents_validate(pipeline: Pipeline) -> None:
    skips = SkipLog()
    docs = list(pipeline.process(read_paths([samples_dir()], skips=skips), skips))
    assert len(docs) >= 12 and not skips.skips
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for doc in docs:
        errors = list(validator.iter_errors(json.loads(json.dumps(doc.to_dict()))))
        assert not errors, f"{doc.id}: {errors[0].message} at {list(errors[0].absolute_path)}"


def test_schema_rejects_a_broken_document() -> None:
    validator = jsonschema.Draft202012Validator(SCHEMA)
    assert list(validator.iter_errors({"id": "x", "text": "t", "date": "12/2023"}))


def properties(node: dict) -> dict[str, dict]:
    """The properties of a schema object, with those of the definitions it extends (allOf) and of its
    object branch (oneOf with null)."""
    if "$ref" in node:
        return properties(SCHEMA["$defs"][node["$ref"].rsplit("/", 1)[1]])
    found = dict(node.get("properties", {}))
    for part in node.get("allOf", []) + [b for b in node.get("oneOf", []) if b.get("type") != "null"]:
        found = {**properties(part), **found}
    return found


def _types() -> list[tuple[type, dict]]:
    from wirecoder import annotations as a
    from wirecoder import document as d

    defs = SCHEMA["$defs"]
    event, quote = properties(defs["event"]), properties(defs["quote"])
    return [
        (d.Document, {"properties": {k: v for k, v in SCHEMA["properties"].items() if k != "schema_version"}}),
        (d.Paragraph, defs["paragraph"]), (d.Dateline, defs["dateline"]), (d.Credit, defs["credit"]),
        (d.Sentence, defs["sentence"]), (d.Entity, defs["entity"]), (d.Mention, defs["mention"]),
        (d.Actor, defs["actor"]),
        (a.Event, defs["event"]), (a.EventRole, defs["role"]), (a.TextSpan, event["evidence"]),
        (a.TextSpan, event["date_source"]), (a.EventTrigger, event["trigger"]),
        (a.EventMention, event["mentions"]["items"]),
        (a.TextSpan, event["mentions"]["items"]["properties"]["trigger"]),
        (a.Offsets, event["mentions"]["items"]["properties"]["evidence"]),
        (a.Quote, defs["quote"]), (a.QuoteSpeaker, quote["speaker"]), (a.QuoteCue, quote["cue"]),
        (a.Place, defs["place"]), (a.Timex, defs["timex"]),
    ]


@pytest.mark.parametrize("kind,node", _types(), ids=lambda x: getattr(x, "__name__", ""))
def test_each_record_type_has_the_fields_of_its_schema_object(kind: type, node: dict) -> None:
    """The schema is the contract of the JSON; the dataclasses are what the code reads. A field added to one
    and not the other fails here. The annotation records also take the fields the schema requires as required
    arguments (the others have defaults, so that ``from_dict`` reads the partial records of older stores)."""
    assert {f.name for f in dataclasses.fields(kind)} == set(properties(node)), kind.__name__
    if not kind.__module__.startswith("wirecoder.annotations"):
        return
    required = set(node.get("required", [])) | {r for part in node.get("allOf", []) for r in required_of(part)}
    optional = {f.name for f in dataclasses.fields(kind)
                if f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING}
    assert not required & optional, f"{kind.__name__}: required by the schema but optional in the type"


def required_of(node: dict) -> set[str]:
    return required(node["$ref"].rsplit("/", 1)[1]) if "$ref" in node else set(node.get("required", []))


@pytest.mark.model
def test_documents_round_trip_through_json(pipeline: Pipeline) -> None:
    """``from_dict`` rebuilds every typed record: the JSON of the rebuilt Document is the same, key order too."""
    skips = SkipLog()
    docs = list(pipeline.process(read_paths([samples_dir()], skips=skips), skips))
    assert sum(len(d.events) for d in docs) > 20 and all(d.timexes for d in docs)
    for doc in docs:
        data = json.loads(json.dumps(doc.to_dict()))
        again = Document.from_dict(data)
        assert json.dumps(again.to_dict()) == json.dumps(data), doc.id
        assert again == doc
