"""A found quote: its span, kind, speaker and speech cue; and the scopes of what counts as reported speech."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import annotations as records
from ..clauses import Cue, Speaker

# "quotes": direct, indirect and mixed quotes as GUIDELINES.md counts them (clauses and quoted words);
# "speech": also every other speech act, whose message is a noun phrase ("a annoncé 2 000 suppressions
# d'emplois"), a speech noun ("les propos de M. Major") or a commitment ("s'est engagé à racheter").
SCOPES = ("quotes", "speech")


@dataclass
class Quote:
    start: int
    end: int
    kind: str  # direct, indirect, mixed
    speaker: Speaker | None
    cue: tuple[int, int, Cue] | None = None  # where the speech cue is, and what it is
    scope: str = "quotes"  # the narrowest scope that counts it (SCOPES)

    def to_record(self, text: str) -> records.Quote:
        """The Document's record of this quote, with the words at its offsets."""
        cue = None
        if self.cue is not None:
            start, end, c = self.cue
            cue = records.QuoteCue(start=start, end=end, text=text[start:end], lemma=c.lemma, kind=c.kind)
        s = self.speaker
        speaker = records.QuoteSpeaker(text=s.text, name=s.name, start=s.start, end=s.end, actor=s.actor) if s else None
        return records.Quote(start=self.start, end=self.end, text=text[self.start:self.end],
                             kind=self.kind, speaker=speaker, cue=cue, scope=self.scope)  # type: ignore[arg-type]


def cue_ref(token: Any, cue: Cue) -> tuple[int, int, Cue]:
    """Where a cue token is, with what it is (a quote's ``cue``)."""
    return token.idx, token.idx + len(token.text), cue
