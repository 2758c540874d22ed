"""What a run cost per article: the pipeline times each article, ingest names the slowest and the peak memory."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from wirecoder.article import Article
from wirecoder.cli import cli
from wirecoder.costs import ArticleCosts
from wirecoder.pipeline import Pipeline


def test_merge_keeps_the_slowest_article_and_the_highest_peak() -> None:
    costs = ArticleCosts()
    costs.record("a", 0.2)
    costs.record("b", 0.9)
    costs.record("c", 0.4)
    worker = ArticleCosts(peak_mb=700.0)
    worker.record("d", 0.5)
    costs.merge(worker)
    assert (costs.articles, costs.slowest_id, costs.slowest_seconds, costs.peak_mb) == (4, "b", 0.9, 700.0)
    later = ArticleCosts(peak_mb=650.0)
    later.record("e", 1.5)
    costs.merge(later)
    assert (costs.slowest_id, costs.peak_mb) == ("e", 700.0)
    assert costs.summary() == "slowest article: 'e' 1.50 s (of 5); peak memory per process: 700 MB"
    assert ArticleCosts().summary() == "slowest article: none annotated"


@pytest.mark.model
def test_the_pipeline_times_each_article_and_the_longest_costs_most() -> None:
    sentence = "Le ministre a rencontré mardi à Paris son homologue allemand, a indiqué son cabinet. "
    articles = [Article(id="brève", text=sentence), Article(id="longue", text=sentence * 150),
                Article(id="moyenne", text=sentence * 5)]
    costs = ArticleCosts()
    documents = list(Pipeline().process(articles, costs=costs))
    assert [d.id for d in documents] == ["brève", "longue", "moyenne"]
    assert costs.articles == 3 and costs.slowest_id == "longue" and costs.slowest_seconds > 0
    assert costs.peak_mb > 100  # this process holds the French model


@pytest.mark.model
def test_ingest_names_the_slowest_article_and_says_nothing_when_nothing_was_annotated(tmp_path: Path,
                                                                                   wire_file) -> None:
    db = f"sqlite:///{tmp_path / 'c.db'}"
    wire_file("in/courte.txt", "date 2024-03-01\n\nLe gouvernement a démissionné vendredi.\n")
    wire_file("in/longue.txt", "date 2024-03-01\n\n" + "Des manifestants ont défilé samedi à Lyon. " * 200)
    folder = tmp_path / "in"
    first = CliRunner().invoke(cli, ["--db", db, "ingest", str(folder)])
    assert first.exit_code == 0, first.output
    found = re.search(r"slowest article: '(\w+)' (\d+\.\d\d) s \(of 2\); peak memory per process: (\d+) MB",
                      first.output)
    assert found, first.output
    assert found[1] == "longue" and int(found[3]) > 100
    again = CliRunner().invoke(cli, ["--db", db, "ingest", str(folder)])
    assert "0 added, 0 replaced, 2 unchanged" in again.output and "slowest article" not in again.output
