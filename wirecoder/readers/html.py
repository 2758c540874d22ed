"""HTML pages: the main text extracted offline by trafilatura, title/date/url from the page metadata.

The article text is trafilatura's extraction with one paragraph per block (blank-line separated) and a
leading heading equal to the title removed; offsets point into that text, which is what is stored.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from ..article import Article
from ..core.dates import PublicationDate
from ..errors import InputError
from .base import Reader, Skip, check_text, decode_text

# Only dates the page states (no guessing from file times or loose text): a wrong date is worse
# than an unknown one, because every relative expression is resolved against it.
DATE_PARAMS = {"extensive_search": False, "original_date": True}


def parse_html(raw: str | bytes, *, article_id: str, source: str | None, max_bytes: int) -> Article:
    """One article from an HTML page; InputError when no article text can be found in it."""
    import trafilatura  # imported on use: loading it costs time that text-only runs need not pay

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # lxml element truth-testing inside trafilatura
        doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False,
                                          include_tables=False, date_extraction_params=DATE_PARAMS)
    if doc is None or isinstance(doc, dict) or not (doc.text or "").strip():
        raise InputError("empty-text", "no article text found in the page", source=source, field="text")
    title = (doc.title or "").strip() or None
    blocks = [b.strip() for b in (doc.text or "").split("\n") if b.strip()]
    if title and blocks and blocks[0] == title:
        blocks = blocks[1:]
    text = "\n\n".join(blocks)
    check_text(text, max_bytes=max_bytes, source=source)
    date = precision = None
    if doc.date:
        try:
            published = PublicationDate.parse(doc.date)
            date, precision = published.value, published.precision
        except InputError as err:
            raise err.located(source=source) from None
    return Article(id=article_id, text=text, date=date, date_precision=precision, title=title,
                   source=source, url=doc.url, origin=source)


def read_html_file(path: Path, *, max_bytes: int) -> Reader:
    """Yield the article of one ``.html`` page (id: the file name without extension)."""
    source = str(path)
    try:
        # Markup weighs several times its text: allow the page itself more than the text limit.
        size = path.stat().st_size
        if size > max_bytes * 10:
            raise InputError("too-large", f"page of {size:,} bytes is over 10x the text limit of "
                             f"{max_bytes:,}", source=source)
        data = path.read_bytes()
        try:
            raw: str | bytes = decode_text(data, source=source)
        except InputError as err:
            if err.reason != "undecodable":
                raise
            raw = data  # not UTF-8: trafilatura reads the page's declared charset
        yield parse_html(raw, article_id=path.stem, source=source, max_bytes=max_bytes)
    except InputError as err:
        yield Skip.from_error(err)
    except OSError as exc:
        yield Skip("unreadable", f"{source}: cannot read: {exc.strerror or exc}", source)
