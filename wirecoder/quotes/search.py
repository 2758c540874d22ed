"""What the quote finders of one article share: the clause layer, and the speech cues already claimed."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..clauses import Clauses, quoted_spans

MIN_FRAGMENT_WORDS = 3  # guidelines: a shorter quoted fragment makes the whole reported clause the quote
MIN_CLAUSE_WORDS = 3  # an attributed clause shorter than this is not reported speech


@dataclass
class QuoteSearch:
    clauses: Clauses
    # speech scope: a quoted fragment inside reported speech gives the whole reported clause, and a
    # verbless clause before an incise ("Oui, répond X") is reported speech too
    whole_clauses: bool = False
    used_cues: set[int] = field(default_factory=set)  # token indices of cues a quote has claimed

    def holds_long_fragment(self, start: int, end: int) -> bool:
        """Whether a clause quotes three words or more somewhere: that fragment is then the quote."""
        text = self.clauses.text
        for q in quoted_spans(text, [(start, end)]):
            if len(text[q.start:q.end].split()) >= MIN_FRAGMENT_WORDS:
                return True
        return False
