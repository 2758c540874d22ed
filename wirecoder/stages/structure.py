"""Article structure: paragraphs, the dateline, agency credit lines and repeated paragraphs.

Pure text work (no model): it runs before parsing so that the parser can respect paragraph breaks.
"""

from __future__ import annotations

import re
from functools import cache

from ..document import Credit, Dateline, Paragraph
from ..langdata import function_words, read_tsv
from .base import Context, stage

# A line ends with CR LF (Windows), LF, or CR alone (classic Mac OS, some newsroom exports).
_EOL = r"(?:\r\n?|\n)"
_BLANK_LINE = re.compile(rf"{_EOL}[ \t\f\v\u00a0]*{_EOL}\s*")
_LINE = re.compile(rf"{_EOL}\s*")
# A dateline in parentheses: "(Bagdad) Les États-Unis ..."
_PAREN_DATELINE = re.compile(r"\((?P<place>[A-ZÀ-ÖØ-Þ][^()\r\n]{1,40}?)\)\s*(?:[-–—]\s*)?")
# Repeats shorter than this are ordinary coincidences ("Photo", a short credit), not a repeated lede.
MIN_REPEAT_CHARS = 40


@cache
def _agencies(lang: str) -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str]]:
    """Credit form -> agency, a credit-line pattern and an agency-dateline pattern."""
    by_form: dict[str, str] = {}
    forms: list[str] = []
    for row in read_tsv(lang, "credits.tsv"):
        for form in row["forms"].split("|"):
            by_form[form.lower()] = row["agency"]
            forms.append(form)
    alt = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    prefixes = "|".join(map(re.escape, function_words(lang, "credit_prefix")))
    joiners = "|".join([",", "/", *map(re.escape, function_words(lang, "credit_joiner"))])
    credit = re.compile(rf"(?:©\s*)?(?:(?:{prefixes})\s*:?\s*)?(?P<first>{alt})"
                        rf"(?:\s*(?:{joiners})\s*(?:{alt}))*\s*\.?", re.IGNORECASE)
    # "KIEV, 12 mars 2024 (AFP) - ..."
    dateline = re.compile(rf"(?P<place>[A-ZÀ-ÖØ-Þ][\w'’. -]{{1,40}}?)(?:,\s*[^()\r\n]{{3,40}}?)?\s*"
                          rf"\((?:{alt})\)\s*[-–—]\s*")
    return by_form, credit, dateline


# A paragraph longer than this is cut at sentence ends (else at a space) into paragraphs of at most this length.
# Real ones are far shorter (the corpus's longest article, all one paragraph, has 20,000 characters), but the work
# of the later stages grows faster than the length of a paragraph (a 1 MB one took two minutes and 4 GB).
MAX_PARAGRAPH_CHARS = 30_000
_SENTENCE_END = re.compile(r"[.!?»\"]\s+(?=[«\"A-ZÀ-Ý])")
_SPACE = re.compile(r"\s+")


def cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span ``start:end`` in pieces of at most ``MAX_PARAGRAPH_CHARS``, cut after the last sentence end (else
    the last space) of each piece's second half."""
    spans = []
    while end - start > MAX_PARAGRAPH_CHARS:
        low, high = start + MAX_PARAGRAPH_CHARS // 2, start + MAX_PARAGRAPH_CHARS
        if sentence_ends := list(_SENTENCE_END.finditer(text, low, high)):
            cut_end, next_start = sentence_ends[-1].start() + 1, sentence_ends[-1].end()
        elif spaces := list(_SPACE.finditer(text, low, high)):
            cut_end, next_start = spaces[-1].start(), spaces[-1].end()
        else:
            cut_end = next_start = high
        spans.append((start, cut_end))
        start = next_start
    spans.append((start, end))
    return spans


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans (trimmed): blank-line separated, or line separated if there is no blank line; an
    over-long one is cut at sentence ends (``cut_long``)."""
    sep = _BLANK_LINE if _BLANK_LINE.search(text) else _LINE
    spans, pos = [], 0
    for m in [*sep.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        lead = len(chunk) - len(chunk.lstrip())
        if chunk.strip():
            spans.extend(cut_long(text, pos + lead, pos + len(chunk.rstrip())))
        if m:
            pos = m.end()
    return spans


def _normalise(s: str) -> str:
    return " ".join(s.replace("’", "'").split()).casefold()


def find_dateline(text: str, start: int, end: int, lang: str) -> Dateline | None:
    chunk = text[start:end]
    m = _PAREN_DATELINE.match(chunk) or _agencies(lang)[2].match(chunk)
    if not m or m.end() >= len(chunk):  # a dateline introduces text; alone it is something else
        return None
    place = m.group("place").strip()
    return Dateline(start, start + m.end(), chunk[:m.end()], place)


@stage("structure", assigns=("paragraphs", "dateline", "credits"))
def structure(ctx: Context) -> None:
    doc, text = ctx.document, ctx.document.text
    lang = ctx.settings["nlp.language"]
    by_form, credit_line, _ = _agencies(lang)
    seen: dict[str, int] = {}
    for start, end in split_paragraphs(text):
        para = Paragraph(start, end)
        chunk = text[start:end]
        m = credit_line.fullmatch(chunk)
        if m:
            para.kind = "credit"
            doc.credits.append(Credit(start, end, chunk, by_form[m.group("first").lower()]))
        else:
            para.dateline = find_dateline(text, start, end, lang)
            if doc.dateline is None and para.dateline is not None:
                doc.dateline = para.dateline
            # Compared without the dateline: a lede repeated at the end often drops it.
            key = _normalise(text[para.dateline.end:end] if para.dateline else chunk)
            if len(key) >= MIN_REPEAT_CHARS:
                if key in seen:
                    para.repeat_of = seen[key]
                else:
                    seen[key] = len(doc.paragraphs)
        doc.paragraphs.append(para)
