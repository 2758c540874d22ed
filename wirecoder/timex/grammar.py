"""The time grammar: rules from ``data/<lang>/time_rules.tsv`` compiled to regexes over plain text.

Working on the raw text rather than on spaCy tokens keeps the stage fast (the regexes run in C) and lets
the tagger be used and tested without a model. Each match yields a ``Match`` whose ``slots`` (month, day,
weekday, direction, ...) the resolver turns into a value; the grammar knows no calendar.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from ..core.spans import overlaps
from ..errors import ConfigError
from ..langdata import read_tsv
from .lexicon import TimeLexicon, load
from .prefilter import FoldedText, Test, first_chars, parse, required_literals

RULES_FILE = "time_rules.tsv"

# Language-free building blocks; everything with a word in it comes from the lexicon.
BUILTIN = {
    "day_num": r"(?:0?[1-9]|[12]\d|3[01])(?!\d)",
    "month_num": r"(?:0?[1-9]|1[0-2])(?!\d)",
    "year4": r"(?:1\d{3}|20\d{2})(?![\d,.]\d)",
    "year2d": r"['’]?\d{2}(?![\d,.]\d)(?!\s+[a-zà-ÿ])",
    "year2_bare": r"['’]?\d{2}(?![\d,.]\d)",  # the context checks decide what may follow it
    "year_any": r"(?:\d{4}|\d{2})(?!\d)",
    "hour": r"(?:[01]?\d|2[0-4])(?![\d,.]\d)",
    "minute": r"[0-5]\d(?!\d)",
    "decade_num": r"(?:19|20)?\d0(?!\d)",
    "century_num": r"(?:[IVX]+|\d{1,2})",
}
# A word starts after a non-word character, or at a capital glued to a lower-case letter: wire texts run a
# heading into the next sentence ("ressortissants turcs poursuivisVendredi, un tribunal ..."; the case test
# holds under IGNORECASE). A rule may also start after an elided "de", "le" or "jusque" (``start=elided``:
# "d'aujourd'hui", "l'actuel", "jusqu'hier"; not the "d'" inside "aujourd'hui", nor "plus qu'hier") or at a
# number after a number and a dash (``start=after_number``: the "99" of "1998-99").
WORD_STARTS = (r"(?<![\w’'-])", r"(?-i:(?<=[a-zà-ÿ])(?=[A-ZÀ-Ý]))")
EXTRA_START = {"elided": r"(?<=(?<![\w’'-])[dl]['’])|(?<=(?<![\w’'-])jusqu['’])", "after_number": r"(?<=\d[-–])(?=\d)"}
WORD_END = r"(?![\w])"
MACRO = re.compile(r"<(?:(\w+):)?(\w+)>")


@dataclass(frozen=True)
class Rule:
    name: str
    type: str
    fixed: dict[str, str]
    regex: re.Pattern[str]
    needs: tuple[Test, ...] = ()  # tests every text holding a match passes (``prefilter.required_literals``)


@dataclass(frozen=True)
class Match:
    """One rule's match: where, which rule, and the filled slots (group name -> matched text)."""

    start: int
    end: int
    rule: Rule
    slots: dict[str, str]


def _kind_pattern(kind: str, lexicon: TimeLexicon) -> str:
    if kind in BUILTIN:
        return BUILTIN[kind]
    if kind == "day":
        return "(?:" + lexicon.pattern("first_day") + "|" + BUILTIN["day_num"] + ")"
    if kind == "num":
        word = lexicon.pattern("number")
        joiner = lexicon.pattern("number_joiner")
        return rf"(?:\d+(?:[,.]\d+)?|{word}(?:(?:[\s\-‑]+|\s+{joiner}\s+){word})*)"
    return lexicon.pattern(kind)


def compile_pattern(pattern: str, lexicon: TimeLexicon, where: str, start: str | None = None) -> re.Pattern[str]:
    """Expand ``<kind>`` macros, spaces and apostrophes, and wrap the pattern in word boundaries (``start``:
    one more place a match may begin, from ``EXTRA_START``)."""
    return _with_first_chars(_plain_pattern(pattern, lexicon, where, start))


def _with_first_chars(regex: re.Pattern[str]) -> re.Pattern[str]:
    """The same regex behind a lookahead on the characters a match can begin with: the word-start test is
    slow and would run at every character; the lookahead fails first, at once, everywhere else (same
    matches, scans three to four times faster)."""
    first = first_chars(parse(regex.pattern, regex.flags))
    return re.compile(f"(?={first})" + regex.pattern, regex.flags) if first else regex


def _plain_pattern(pattern: str, lexicon: TimeLexicon, where: str, start: str | None) -> re.Pattern[str]:
    """``compile_pattern`` without the first-character lookahead (what the prefilter analyses)."""
    def expand(m: re.Match[str]) -> str:
        name, kind = m.group(1) or m.group(2), m.group(2)
        try:
            return f"(?P<{name}>{_kind_pattern(kind, lexicon)})"
        except ConfigError as exc:
            raise ConfigError(f"{where}: {exc}") from None

    # Spaces and apostrophes are made flexible before the macros expand (the lexicon does its own).
    body = pattern.replace(" ", r"\s+").replace("'", "['’]\\s*")
    body = MACRO.sub(expand, body)
    try:
        begin = "(?:" + "|".join((*WORD_STARTS, EXTRA_START[start]) if start else WORD_STARTS) + ")"
        return re.compile(begin + "(?:" + body + ")" + WORD_END, re.IGNORECASE)
    except re.error as exc:
        raise ConfigError(f"{where}: invalid pattern: {exc}") from None


@cache
def load_rules(lang: str) -> tuple[Rule, ...]:
    lexicon = load(lang)
    rules = []
    for number, row in enumerate(read_tsv(lang, RULES_FILE), start=1):
        where = f"data/{lang}/{RULES_FILE} rule {row['name']!r} (row {number})"
        fixed = dict(item.split("=", 1) for item in row["fixed"].split(",")) if row["fixed"] != "-" else {}
        if fixed.get("start", "") not in ("", *EXTRA_START):
            raise ConfigError(f"{where}: start must be one of {', '.join(EXTRA_START)}")
        plain = _plain_pattern(row["pattern"], lexicon, where, fixed.get("start"))
        needs = required_literals(parse(plain.pattern, plain.flags)) or ()
        rules.append(Rule(row["name"], row["type"], fixed, _with_first_chars(plain), needs))
    return tuple(rules)


def find_matches(text: str, lang: str, accept: Callable[[Match, str], bool] | None = None) -> list[Match]:
    """All accepted rule matches, overlaps resolved: the longest wins, then the rule listed first.

    ``accept`` (the context checks) runs before overlaps are resolved, so that a rejected long reading
    ("mai 2500 soldats") leaves room for a shorter one.
    """
    candidates = []
    literals = FoldedText(text)
    for order, rule in enumerate(load_rules(lang)):
        if not literals.passes(rule.needs):
            continue  # the text lacks a string every match of the rule holds: no need to scan it
        for m in rule.regex.finditer(text):
            if m.end() > m.start():
                slots = {k: v for k, v in m.groupdict().items() if v is not None}
                match = Match(m.start(), m.end(), rule, slots)
                if accept is None or accept(match, text):
                    candidates.append((m.start(), -(m.end() - m.start()), order, match))
    candidates.sort(key=lambda c: c[:3])
    chosen: list[Match] = []
    taken: list[tuple[int, int]] = []
    for start, negative_length, _, match in candidates:
        end = start - negative_length
        if overlaps(start, end, taken):
            continue
        chosen.append(match)
        taken.append((start, end))
    return sorted(chosen, key=lambda m: m.start)

