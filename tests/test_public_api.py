"""The narrow public API is pinned: changing it is a decision, not an accident."""

from __future__ import annotations

import pytest

import wirecoder
from wirecoder import InputError


def test_exported_members() -> None:
    assert sorted(wirecoder.__all__) == sorted([
        "Actor", "Article", "ConfigError", "Document", "Entity", "InputError", "Pipeline", "PipelineError",
        "Settings", "StoreError", "WirecoderError", "extract", "__version__"])
    for name in wirecoder.__all__:
        assert hasattr(wirecoder, name)


def test_extract_rejects_bad_dates_and_empty_text_before_loading_anything() -> None:
    with pytest.raises(InputError, match="impossible date"):
        wirecoder.extract("Un texte.", date="2023-02-30")
    with pytest.raises(InputError, match="empty text"):
        wirecoder.extract("   ")


@pytest.mark.model
def test_extract_returns_a_document(pipeline: wirecoder.Pipeline) -> None:
    doc = wirecoder.extract("(Kaboul) Les talibans ont libéré deux otages.", date="2024-05", id="k",
                            pipeline=pipeline)
    assert isinstance(doc, wirecoder.Document)
    assert (doc.id, doc.date, doc.date_precision) == ("k", "2024-05", "month")
    assert any(a.name == "Taliban" for a in doc.actors)
