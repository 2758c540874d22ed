"""The events stage's language data: triggers (``event_triggers.tsv``), mode cues (``event_modes.tsv``)
and the closed lists it needs (``event_words.tsv``), loaded once per language."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from ..core.text import strip_accents_lower
from ..core.wordtable import WordTable
from ..errors import ConfigError
from ..langdata import read_tsv, word_table

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
PLOVER_MODES = {
    "ASSAULT": ("aerial", "drone", "explosives", "firearms", "heavy-weapons", "suicide-attack", "targeted", "beat",
                "abduct", "destroy"),
    "COERCE": ("arrest", "seize", "restrict", "deport", "censor"),
    "CONSULT": ("visit", "phone", "multilateral", "third-party"),
    "PROTEST": ("demo", "riot", "strike", "boycott"),
    "RETREAT": ("withdraw", "release", "ceasefire", "resign"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police"),
}
CONDITIONS = ("gov", "subj", "with", "not", "passive", "noobj", "reflexive", "nonreflexive")
NONE = "-"


@dataclass(frozen=True)
class TriggerRule:
    """One row of the trigger lexicon: an anchor word, the words that must follow it, and the event."""

    anchor: str  # folded lemma of the word that carries the part of speech
    pos: str  # VERB or NOUN
    rest: tuple[str, ...]  # folded lemmas that must follow, in order
    type: str
    mode: str | None
    conditions: tuple[tuple[str, frozenset[str]], ...]  # (gov, subj, with, not, passive or noobj; words)
    line: int  # order in the file: the first matching rule wins


@dataclass(frozen=True)
class EventLexicon:
    rules: dict[tuple[str, str], tuple[TriggerRule, ...]]  # (anchor, pos) -> rules, most specific first
    mode_cues: dict[str, tuple[tuple[tuple[str, ...], str, str], ...]]  # first folded word -> (words, type, mode)
    table: WordTable  # event_words.tsv; a kind it does not have raises UnknownKindError

    def has(self, kind: str, word: str) -> bool:
        return self.table.has(kind, word)

    def value(self, kind: str, word: str) -> str | None:
        return self.table.value(kind, word)

    def words(self, kind: str) -> Mapping[str, str]:
        """Folded form -> value of every word of ``kind``."""
        return self.table.words(kind)


def _rule(row: dict[str, str], line: int, name: str) -> TriggerRule:
    """One lexicon row; ``line`` is its rank among the rows, named in errors with the lemma."""
    words = [strip_accents_lower(w) for w in row["lemma"].split()]
    where = f"{name}: row {line} ({row['lemma']!r})"
    if row["type"] not in PLOVER_TYPES:
        raise ConfigError(f"{where}: unknown PLOVER type {row['type']!r}")
    mode = None if row["mode"] == NONE else row["mode"]
    if mode is not None and mode not in PLOVER_MODES.get(row["type"], ()):
        raise ConfigError(f"{where}: {mode!r} is not a PLOVER mode of {row['type']}")
    conditions: list[tuple[str, frozenset[str]]] = []
    for cell in [] if row["condition"] == NONE else row["condition"].split():  # all must hold
        kind, _, values = cell.partition("=")
        if kind not in CONDITIONS:
            raise ConfigError(f"{where}: unknown condition {cell!r} (known: {', '.join(CONDITIONS)})")
        conditions.append((kind, frozenset(strip_accents_lower(v) for v in values.split("|") if v)))
    if row["pos"] not in ("VERB", "NOUN"):
        raise ConfigError(f"{where}: pos must be VERB or NOUN, not {row['pos']!r}")
    return TriggerRule(words[0], row["pos"], tuple(words[1:]), row["type"], mode, tuple(conditions), line)


@cache
def load(lang: str) -> EventLexicon:
    name = f"data/{lang}/event_triggers.tsv"
    grouped: dict[tuple[str, str], list[TriggerRule]] = defaultdict(list)
    for line, row in enumerate(read_tsv(lang, "event_triggers.tsv"), start=1):
        rule = _rule(row, line, name)
        grouped[(rule.anchor, rule.pos)].append(rule)
    # Longer patterns first (so "tir roquette" beats "tir"), then conditioned rows, then file order.
    rules = {key: tuple(sorted(rs, key=lambda r: (-len(r.rest), not r.conditions, r.line)))
             for key, rs in grouped.items()}
    cues: dict[str, list[tuple[tuple[str, ...], str, str]]] = defaultdict(list)
    for row in read_tsv(lang, "event_modes.tsv"):
        cue = tuple(strip_accents_lower(w) for w in row["lemma"].split())
        cues[cue[0]].append((cue, row["type"], row["mode"]))
    return EventLexicon(rules, {k: tuple(sorted(v, key=lambda c: -len(c[0]))) for k, v in cues.items()},
                        word_table(lang, "event_words.tsv"))
