"""Wire text files: an optional ``date YYYY[-MM[-DD]]`` header, then the story.

The header may stand on its own line or share it with the first paragraph
(``date 2023-12 Washington compte ...``). The article text is what follows the header, with the
separating white space removed; nothing else is changed.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..article import Article
from ..core.dates import PublicationDate
from ..errors import InputError
from .base import Reader, Skip, check_text
from .encoding import decode_file

# "date 2023-12 Texte..." or "date <anything>" alone on its line; "Date butoir pour Kiev" is text.
# Lines may end with CR LF, LF or CR alone.
_HEADER = re.compile(r"\A[ \t\ufeff]*date[ \t]*:?[ \t]+(\d\S*|\S+(?=[ \t]*(?:\r\n?|\n)))[ \t]*(?:\r\n?|\n)?\s*",
                     re.IGNORECASE)


def parse_wire_text(raw: str, *, article_id: str, source: str | None, max_bytes: int,
                    encoding: str | None = None) -> Article:
    """One article from the raw text of a wire file; InputError when it cannot be one."""
    date = precision = None
    body = raw
    m = _HEADER.match(raw)
    if m:
        try:
            published = PublicationDate.parse(m.group(1))
            date, precision = published.value, published.precision
        except InputError as err:
            raise err.located(source=source, line=1) from None
        body = raw[m.end():]
    body = body.rstrip()
    check_text(body, max_bytes=max_bytes, source=source)
    return Article(id=article_id, text=body, date=date, date_precision=precision, source=source, origin=source,
                   encoding=encoding)


def read_wire_file(path: Path, *, max_bytes: int) -> Reader:
    """Yield the article of one ``.txt`` wire file (id: the file name without extension)."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes * 4 + 1024:  # cheap guard before reading a huge file into memory
            raise InputError("too-large", f"file of {size:,} bytes is over the text limit of {max_bytes:,}",
                             source=source)
        decoded = decode_file(path.read_bytes(), source=source)
        yield parse_wire_text(decoded.text, article_id=path.stem, source=source, max_bytes=max_bytes,
                              encoding=decoded.encoding)
    except InputError as err:
        yield Skip.from_error(err)
    except OSError as exc:
        yield Skip("unreadable", f"{source}: cannot read: {exc.strerror or exc}", source)
