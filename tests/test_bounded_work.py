"""Bounded work per article: hostile runs and quote-dense text cost linear time, with the same results.

No timings here (``benchmarks/hostile_inputs.py`` measures them): the tests check that the inputs that were
quadratic complete, that offsets stay the article's, and that each index answers as the scan it replaced."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirecoder import Article, Pipeline
from wirecoder.core.spans import SpanIndex, inside
from wirecoder.stages.parse import MAX_RUN_CHARS, long_run_cuts
from wirecoder.stages.tokenizer_fixes import run_together_cuts


def test_long_runs_are_cut_into_pieces_and_words_are_not() -> None:
    text = "Il a dit " + "«" * (2 * MAX_RUN_CHARS + 5) + " puis https://example.org/" + "a" * 100
    cuts = long_run_cuts(text)
    assert cuts == [9 + MAX_RUN_CHARS, 9 + 2 * MAX_RUN_CHARS]  # only inside the run of marks
    assert long_run_cuts("Une phrase ordinaire, avec « des guillemets » et un lien https://lemonde.fr/a/b.") == []


def test_a_long_lower_case_run_is_searched_in_linear_time() -> None:
    # The look-behind keeps the search to word starts (it was quadratic: 20,000 letters took 5 s, 30,000 about 11 s).
    assert run_together_cuts("a" * 30_000) == []
    assert run_together_cuts("x" * 50_000 + " noirePlusieurs") == [50_000 + 6]


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)), max_size=12), st.integers(-2, 95))
def test_span_index_answers_as_inside(raw: list[tuple[int, int]], position: int) -> None:
    spans = [(s, s + n) for s, n in raw]
    assert SpanIndex(spans).covers(position) == inside(position, spans)


@pytest.mark.model
def test_sixteen_thousand_quote_marks_complete_with_article_offsets(pipeline: Pipeline) -> None:
    text = "PARIS (AFP) - Il a dit " + "«" * 16_000 + " puis il est parti."
    ctx = pipeline.context(Article(id="marks", text=text))
    assert ctx.spacy_doc.text == text
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in ctx.spacy_doc)
    assert ctx.document.sentences[-1].end == len(text)


QUOTES = ("« Nous ne céderons pas », a déclaré le ministre. « Le texte est injuste », « bâclé » et « dangereux », "
          "a répondu Mme Dupont. Pour le syndicat, « la grève continue ». Il a dénoncé un geste « contraire à "
          "l'esprit du dialogue ». \"Les chiffres sont clairs\", a expliqué Olivier Martin. ")


@pytest.mark.model
def test_the_quote_finder_indexes_answer_as_the_scans_they_replaced(pipeline: Pipeline) -> None:
    from wirecoder.quotes.direct import DirectQuotes
    from wirecoder.quotes.search import QuoteSearch

    rng = random.Random(7)
    text = "PARIS (AFP) - " + "\n\n".join("".join(rng.sample([QUOTES] * 3, 3)) for _ in range(6))
    ctx = pipeline.context(Article(id="dense", text=text))
    direct = DirectQuotes(QuoteSearch(ctx.clauses, ctx.settings))
    marks = direct.marks
    assert len(marks) > 50
    for q in marks:
        assert direct._listed_before(q) == any(m.close < q.open and direct._joined(m.close + 1, q.open)
                                                for m in marks)
        assert direct._paragraph_start(q.open) == max(
            (p.start for p in ctx.document.paragraphs if p.start <= q.open), default=0)
        for end in (q.open, q.close, q.close + 300, len(text)):
            later = [m for m in marks if q.open < m.open < end]
            assert direct._last_mark_before(q, end) == (later[-1] if later else None)
            closes = [m.close for m in marks if m.closed and q.start <= m.close < end]
            assert ctx.clauses.bounds.last_close(q.start, end) == max(closes, default=-1)


@pytest.mark.model
def test_the_entity_index_answers_as_doc_ents(pipeline: Pipeline) -> None:
    text = ("PARIS (AFP) - Le porte-parole du gouvernement, Olivier Véran, a déclaré que « Le Canard enchaîné » "
            "et Météo-France avaient tort, selon Mme Anne Hidalgo, maire de Paris. " * 4)
    ctx = pipeline.context(Article(id="ents", text=text))
    speakers = ctx.clauses.speakers
    ents = list(ctx.spacy_doc.ents)
    assert speakers.ents == ents and len(ents) > 8
    for tok in ctx.spacy_doc:
        lo, hi = speakers.noun_phrase(tok)
        covering = [e for e in ents if e.start < hi and lo < e.end]
        assert all(lo <= e.start and e.end <= hi for e in covering), (tok.i, lo, hi)  # no name is cut
        assert speakers.ent_by_start.get(tok.i) == next((e for e in ents if e.start == tok.i), None)
        assert speakers.ent_by_end.get(tok.i) == next((e for e in ents if e.end == tok.i), None)
