"""HTML pages: the main text extracted offline by trafilatura, title/date/url from the page metadata.

The article text is trafilatura's extraction with one paragraph per block (blank-line separated) and a
leading heading equal to the title removed; offsets point into that text, which is what is stored.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from ..article import Article
from ..core.dates import PublicationDate
from ..errors import InputError
from .base import Reader, Skip, check_text, decode_text
from .encoding import decode_bom

# Only dates the page states (no guessing from file times or loose text): a wrong date is worse
# than an unknown one, because every relative expression is resolved against it.
DATE_PARAMS = {"extensive_search": False, "original_date": True}
# libxml2 stops at 256 nested elements unless told the tree may be huge, and then at 2048: past it, the
# rest of the page is dropped, so a page nested deeper is refused by name rather than read half.
DEPTH_ERROR = "Excessive depth"


def load_tree(raw: str | bytes, *, source: str | None) -> Any:
    """The page's lxml tree, parsed as trafilatura does (its decoding, the same parser options) but with
    ``huge_tree``, so that a page nested more than 256 elements deep keeps its text (templates that wrap
    every block in a few more ``div``s reach that depth). None when lxml can make no tree of it."""
    from lxml.etree import ParserError
    from lxml.html import HTMLParser, fromstring
    from trafilatura.utils import decode_file, is_dubious_html, repair_faulty_html

    parser = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
                        remove_pis=True, huge_tree=True)
    text = decode_file(raw)
    beginning = text[:50].lower()
    text = repair_faulty_html(text, beginning)
    try:
        try:
            tree = fromstring(text, parser=parser)
        except ValueError:  # a str that declares its encoding: lxml wants the bytes
            tree = fromstring(text.encode("utf-8", "surrogatepass"), parser=parser)
    except ParserError:  # no markup at all ("Document is empty"): trafilatura gives its own verdict
        return None
    if tree is None or (is_dubious_html(beginning) and len(tree) < 2):
        return None
    if any(DEPTH_ERROR in entry.message for entry in parser.error_log):
        raise InputError("too-deep", "page nested over 2048 elements deep, more than the HTML parser reads",
                         source=source)
    return tree


def parse_html(raw: str | bytes, *, article_id: str, source: str | None, max_bytes: int) -> Article:
    """One article from an HTML page; InputError when no article text can be found in it."""
    import trafilatura  # imported on use: loading it costs time that text-only runs need not pay

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # lxml element truth-testing inside trafilatura
        tree = load_tree(raw, source=source)
        doc = trafilatura.bare_extraction(raw if tree is None else tree, with_metadata=True, include_comments=False,
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


def page_text(data: bytes, *, source: str | None) -> str | bytes:
    """The page as text when it is UTF-8 or starts with a UTF-16/32 byte-order mark; else its bytes, for
    trafilatura to read in the charset the page declares (more reliable than any guess)."""
    bom = decode_bom(data, source=source)
    if bom is not None:
        return bom.text
    try:
        return decode_text(data, source=source)
    except InputError as err:
        if err.reason != "undecodable":
            raise
        return data


def read_html_file(path: Path, *, max_bytes: int) -> Reader:
    """Yield the article of one ``.html`` page (id: the file name without extension)."""
    source = str(path)
    try:
        # Markup weighs several times its text: allow the page itself more than the text limit.
        size = path.stat().st_size
        if size > max_bytes * 10:
            raise InputError("too-large", f"page of {size:,} bytes is over 10x the text limit of "
                             f"{max_bytes:,}", source=source)
        yield parse_html(page_text(path.read_bytes(), source=source), article_id=path.stem, source=source,
                         max_bytes=max_bytes)
    except InputError as err:
        yield Skip.from_error(err)
    except OSError as exc:
        yield Skip("unreadable", f"{source}: cannot read: {exc.strerror or exc}", source)
