"""The Article: what came in, exactly as given, plus its publication date and that date's precision."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from .core.dates import DatePrecision


@dataclass(frozen=True, slots=True)
class Article:
    """One news article. ``text`` is never altered: every annotation offset points into it."""

    id: str
    text: str
    date: str | None = None  # ISO 8601, possibly partial: "2023", "2023-12", "2023-12-08"
    date_precision: DatePrecision | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = field(default=None, compare=False)  # "file:line" it was read from, for messages
    # The file's encoding when it was not UTF-8 ("windows-1252", "utf-16-le"): where the text came from, like
    # ``origin``, not what it says, so it is neither in the content hash nor in the Document.
    encoding: str | None = field(default=None, compare=False)

    @property
    def content_hash(self) -> str:
        """Hash of everything that changes the annotations; the store's idempotence key."""
        h = hashlib.sha256()
        for part in (self.text, self.date or "", self.title or ""):
            h.update(part.encode("utf-8"))
            h.update(b"\x00")
        return h.hexdigest()

