"""A found quote: its span, kind, speaker and speech cue; and the scopes of what counts as reported speech."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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

    def to_dict(self, text: str) -> dict[str, Any]:
        cue = None
        if self.cue is not None:
            start, end, c = self.cue
            cue = {"start": start, "end": end, "text": text[start:end], "lemma": c.lemma, "kind": c.kind}
        return {"start": self.start, "end": self.end, "text": text[self.start:self.end], "kind": self.kind,
                "speaker": self.speaker.to_dict() if self.speaker else None, "cue": cue, "scope": self.scope}


def cue_ref(token: Any, cue: Cue) -> tuple[int, int, Cue]:
    """Where a cue token is, with what it is (a quote's ``cue``)."""
    return token.idx, token.idx + len(token.text), cue
