"""The stage mechanism: start-up checks, and one failing article never stops the batch."""

from __future__ import annotations

import pytest

from wirecoder import Article, Pipeline, PipelineError
from wirecoder.readers import SkipLog
from wirecoder.stages import REGISTRY, stage
from wirecoder.stages.base import Context


def test_stage_order_is_checked_at_start_up() -> None:
    with pytest.raises(PipelineError, match="'actors' requires spacy_doc"):
        Pipeline(stages=["structure", "actors"])


def test_unknown_stage_is_named() -> None:
    with pytest.raises(PipelineError, match=r"unknown stage.*nope"):
        Pipeline(stages=["structure", "nope"])


def test_default_stages_are_registered_in_order() -> None:
    assert Pipeline.__init__.__defaults__[0] == (  # type: ignore[index]
        "structure", "parse", "actors", "timex", "places", "clauses", "quotes", "events")
    assert {"structure", "parse", "actors", "places"} <= REGISTRY.keys()


@pytest.fixture
def exploding_stage():
    @stage("test-explode", requires=("paragraphs",), assigns=())
    def explode(ctx: Context) -> None:
        if "BOUM" in ctx.article.text:
            raise ValueError("cannot cope")
    yield "test-explode"
    del REGISTRY["test-explode"]


def test_a_failing_article_becomes_a_skip(exploding_stage: str) -> None:
    articles = [Article("a", "Premier texte sans histoire."), Article("b", "BOUM fait ce texte."),
                Article("c", "Troisième texte, tout aussi calme.")]
    skips = SkipLog()
    docs = list(Pipeline(stages=["structure", exploding_stage]).process(articles, skips))
    assert [d.id for d in docs] == ["a", "c"]
    assert [s.reason for s in skips.skips] == ["stage-error"]
    assert "'b'" in skips.skips[0].message and "cannot cope" in skips.skips[0].message


def test_without_a_skip_log_errors_are_raised(exploding_stage: str) -> None:
    with pytest.raises(ValueError):
        list(Pipeline(stages=["structure", exploding_stage]).process([Article("b", "BOUM")]))


def test_structure_stage_alone_needs_no_model() -> None:
    lede = "La junte a annoncé mardi un couvre-feu dans la capitale."
    text = f"(Niamey) {lede}\n\nReuters\n\n{lede}"
    doc = next(iter(Pipeline(stages=["structure"]).process([Article("n", text)])))
    assert doc.dateline is not None and doc.dateline.place == "Niamey"
    assert [p.kind for p in doc.paragraphs] == ["body", "credit", "body"]
    assert doc.paragraphs[2].repeat_of == 0  # the repeated lede, compared without its dateline
    assert [c.agency for c in doc.credits] == ["Reuters"]
