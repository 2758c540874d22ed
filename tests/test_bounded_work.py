"""Bounded work per article: hostile runs and quote-dense text cost linear time, with the same results.

No timings here (``benchmarks/hostile_inputs.py`` measures them): the tests check that the inputs that were
quadratic complete, that offsets stay the article's, and that each index answers as the scan it replaced."""

from __future__ import annotations

import random
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirecoder import Article, Pipeline
from wirecoder.core.spans import SpanIndex, inside
from wirecoder.stages.parse import MAX_BATCH_CHARS, MAX_RUN_CHARS, char_bounded, long_run_cuts
from wirecoder.stages.structure import MAX_PARAGRAPH_CHARS, split_paragraphs
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


WIRE = ("Le ministre a reçu mardi ses homologues à Paris. « Nous avons avancé », a-t-il déclaré devant la presse. "
        "Les discussions reprendront la semaine prochaine à Bruxelles, selon son cabinet. ")


def test_an_over_long_paragraph_is_cut_at_sentence_ends() -> None:
    text = WIRE * (3 * MAX_PARAGRAPH_CHARS // len(WIRE))
    spans = split_paragraphs(text)
    assert len(spans) >= 3 and all(b - a <= MAX_PARAGRAPH_CHARS for a, b in spans)
    assert all(text[b - 1] == "." and text[b] == " " for a, b in spans[:-1])  # after a sentence end
    assert all(text[a] in "L«" for a, b in spans)
    assert all(not text[b:a2].strip() for (_, b), (a2, _) in pairwise(spans))


def test_a_paragraph_without_sentence_ends_is_cut_at_spaces_or_at_the_limit() -> None:
    spaced = "mot " * MAX_PARAGRAPH_CHARS
    assert all(b - a <= MAX_PARAGRAPH_CHARS for a, b in split_paragraphs(spaced))
    solid = "x" * (2 * MAX_PARAGRAPH_CHARS + 5)
    assert split_paragraphs(solid) == [(0, MAX_PARAGRAPH_CHARS), (MAX_PARAGRAPH_CHARS, 2 * MAX_PARAGRAPH_CHARS),
                                       (2 * MAX_PARAGRAPH_CHARS, 2 * MAX_PARAGRAPH_CHARS + 5)]


def test_a_normal_paragraph_is_left_whole() -> None:
    text = WIRE * (MAX_PARAGRAPH_CHARS // len(WIRE))
    assert split_paragraphs(text) == [(0, len(text.rstrip()))]


def test_spacy_batches_are_bounded_in_characters_and_keep_the_order() -> None:
    texts = ["a" * 30_000, "b" * 30_000, "c" * 10, "d" * 60_000, *(["e" * 100] * 200)]
    groups = char_bounded(texts, 64)
    assert [t for g in groups for t in g] == texts
    assert all(len(g) <= 64 for g in groups)
    assert all(sum(map(len, g)) <= MAX_BATCH_CHARS or len(g) == 1 for g in groups)
    assert [len(g) for g in groups[:3]] == [1, 2, 1]  # 30k, then 30k + 10, then the 60k alone


@pytest.mark.model
def test_a_long_article_in_one_paragraph_is_annotated_in_bounded_paragraphs(pipeline: Pipeline) -> None:
    text = QUOTES * (100_000 // len(QUOTES))
    document = pipeline.extract(Article(id="flat", text=text))
    assert len(document.paragraphs) >= 4
    assert all(p.end - p.start <= MAX_PARAGRAPH_CHARS for p in document.paragraphs)
    assert len(document.quotes) > 500
    assert all(text[q.start:q.end] == q.text for q in document.quotes)
    assert {q.speaker.name for q in document.quotes if q.speaker} >= {"Olivier Martin"}
