"""What every reader shares: decoding, text checks, and the record of what was skipped and why."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..article import Article
from ..errors import InputError

# A text file of news has no NUL bytes and very few control characters; more than this share of
# control characters (excluding tab/newline/CR/form feed) means the bytes are not text.
MAX_CONTROL_SHARE = 0.01


@dataclass(frozen=True, slots=True)
class Skip:
    """An input record that was not processed, with where it was and why."""

    reason: str
    message: str
    source: str | None = None
    line: int | None = None
    field: str | None = None

    @classmethod
    def from_error(cls, err: InputError) -> Skip:
        return cls(err.reason, str(err), err.source, err.line, err.field)


@dataclass
class SkipLog:
    """Collects skips during a batch so that the run can end with counts by reason."""

    skips: list[Skip] = field(default_factory=list)

    def add(self, skip: Skip) -> None:
        self.skips.append(skip)

    def counts(self) -> Counter[str]:
        return Counter(s.reason for s in self.skips)

    def __len__(self) -> int:
        return len(self.skips)

    def summary(self) -> str:
        if not self.skips:
            return "skipped: 0"
        parts = ", ".join(f"{reason} {n}" for reason, n in sorted(self.counts().items()))
        return f"skipped: {len(self.skips)} ({parts})"


# A reader yields articles, and skips in their place for records it cannot read.
ReadItem = Article | Skip
Reader = Iterator[ReadItem]


def decode_text(data: bytes, *, source: str | None = None, line: int | None = None) -> str:
    """UTF-8 (with or without BOM) text, or an InputError saying why the bytes are not text."""
    if b"\x00" in data:
        raise InputError("binary", "binary content (NUL bytes), not a text file", source=source, line=line)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("undecodable", f"not valid UTF-8 at byte {exc.start}: {data[exc.start:exc.start + 4]!r}",
                         source=source, line=line) from None
    check_control(text, source=source, line=line)
    return text


def check_control(text: str, *, source: str | None = None, line: int | None = None) -> None:
    """InputError ``binary`` when decoded text holds more control characters than text has."""
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if text and control / len(text) > MAX_CONTROL_SHARE:
        raise InputError("binary", f"binary content ({control} control characters), not a text file",
                         source=source, line=line)


def check_text(text: str, *, max_bytes: int, source: str | None = None, line: int | None = None,
               field: str | None = "text") -> None:
    """Reject empty and oversized texts (the size limit protects memory and the parser)."""
    if not text.strip():
        raise InputError("empty-text", "empty text", source=source, line=line, field=field)
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        raise InputError("too-large", f"text of {size:,} bytes is over the limit of {max_bytes:,} "
                         "(setting input.max_text_bytes)", source=source, line=line, field=field)
