"""Documents validate against the published JSON Schema, which covers the fields the scorer reads."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from wirecoder import Pipeline
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
