"""Find reported speech in an article, over its clause layer: direct and mixed quotes from the quotation
marks (``direct.py``), then indirect ones from speech cues (``indirect.py``), then, in the speech scope, every
other speech act (``speech_acts.py``). Each finder claims the cues it uses, so a cue gives one quote."""

from __future__ import annotations

from ..clauses import Clauses
from .direct import DirectQuotes
from .indirect import IndirectQuotes
from .model import SCOPES, Quote
from .search import QuoteSearch
from .speech_acts import with_speech_acts


def find_quotes(clauses: Clauses, scope: str = "quotes") -> list[Quote]:
    """``scope`` "quotes": quotes as the guidelines count them; "speech": every speech act (``speech_acts.py``)."""
    if scope not in SCOPES:
        raise ValueError(f"quote scope must be one of {', '.join(SCOPES)}, not {scope!r}")
    search = QuoteSearch(clauses, whole_clauses=scope == "speech")
    direct = DirectQuotes(search).find()
    indirect = IndirectQuotes(search).find(direct)
    # An unclosed mark with no clause of its own, over a sentence that has one: a stray mark, not a quote.
    unclosed = {m.start for m in clauses.marks if not m.closed}
    stray = [q for q in direct if q.start in unclosed and q.cue is None
             and any(q.start <= i.start and i.end <= q.end for i in indirect)]
    quotes = sorted([q for q in direct if q not in stray] + indirect, key=lambda x: x.start)
    if scope == "speech":
        quotes = with_speech_acts(search, quotes)
    return quotes
