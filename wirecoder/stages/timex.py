"""Time: French time expressions with TIMEX3 values, resolved against the publication date (docs/time.md).

The expressions are found on the plain text by ``wirecoder.timex``; this stage adds what only the parse
knows, the tense of the clause each expression sits in, which decides whether "mercredi" is the last
Wednesday or the next one.
"""

from __future__ import annotations

from ..core.dates import publication_date
from .base import Context, stage


@stage("timex", requires=("spacy_doc",), assigns=("timexes",))
def timex(ctx: Context) -> None:
    from ..timex import Reference, find_timexes
    from ..timex.tense import clause_tense

    lang = ctx.settings["nlp.language"]
    doc = ctx.spacy_doc
    article = ctx.article

    def tense_at(start: int, end: int) -> str | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        return clause_tense(span.root, lang) if span is not None else None

    # Without a publication date only absolute expressions get a value (the others keep a null one).
    published = publication_date(article.date, article.date_precision)
    publication = Reference.published(published) if published else None
    ctx.document.timexes = [t.to_record() for t in find_timexes(article.text, publication, tense=tense_at, lang=lang)]
