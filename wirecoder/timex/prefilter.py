"""Cheap tests, read off a rule's regex, that let the grammar skip text a rule cannot match.

Every rule begins with a word-start test (lookbehinds) that Python's regex engine tries at every character
of the text: unlike a pattern that begins with a letter, it gives the engine nothing to skip ahead with, so
each of the ~40 rules cost a full, slow scan of each text. Two facts about a rule, computed once from the
parse tree of its regex (CPython's own parser, ``re._parser``, read only), remove most of that work:

- ``first_chars``: the characters a match can begin with. A lookahead on them, put before the word-start
  test, fails at once at any other character (scans three to four times faster).
- ``required_literals``: up to three tests, each a set of strings one of which every match contains
  ("nuit d", " siècle", the month names ...). A text whose folded form (``fold``) fails a test cannot
  match, and the rule does not run on it at all (``FoldedText.passes``, once per text and test).

Both are conservative: a construct the analysis does not model gives no restriction (None), never a
wrong one, so no match is ever lost; ``tests/test_timex_prefilter.py`` checks this on real rules.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from re import _casefix  # type: ignore[attr-defined]
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

MAX_COMBINATIONS = 64  # strings a run of alternatives may spell out ("[dl]['’]" is 4) before it is cut
MAX_STRINGS = 200  # a test of more strings than this costs about what it saves (each is one "in")
MAX_TESTS = 3  # tests kept per rule: each more one rarely skips a text the first ones let through


_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_SPACE: r"\s",
               sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W"}
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (sre.ASSERT, sre.ASSERT_NOT, sre.AT)

Node = tuple[Any, Any]  # (opcode, argument) of re._parser's tree
Test = frozenset[str]  # passed by a text that holds one of these (folded) strings


def fold(text: str) -> str:
    r"""The text as the literals are spelt: lower case as the regex engine sees it under IGNORECASE, the
    typographic apostrophe made ASCII and each run of white space one space (so "il y a" and " an" can be
    literals although the rules write ``\s+``).

    The engine compares single characters by their simple lower case ("İ" is "i", where str.lower() gives
    two characters) and takes a dotless i for an i and a long s for an s; split() knows the white space
    ``\s`` knows. str.replace and split are several times faster here than str.translate or re.sub."""
    lowered = text.replace("İ", "i").lower().replace("ı", "i").replace("ſ", "s").replace("’", "'")
    return " ".join(("\0" + lowered + "\0").split())[1:-1]  # \0 keeps white space at either end


class FoldedText:
    """One text folded once, with the answer to each test remembered: rules share tests (a dozen need a
    time unit), and a text is asked about each only once."""

    __slots__ = ("_answers", "folded")

    def __init__(self, text: str) -> None:
        self.folded = fold(text)
        self._answers: dict[Test, bool] = {}

    def passes(self, tests: tuple[Test, ...]) -> bool:
        """Whether the text passes every test (holds one string of each): a match is possible."""
        for test in tests:
            answer = self._answers.get(test)
            if answer is None:
                answer = self._answers[test] = any(s in self.folded for s in test)
            if not answer:
                return False
        return True


def parse(pattern: str, flags: int) -> list[Node]:
    return list(sre_parse.parse(pattern, flags).data)


# --- the characters a match can begin with -------------------------------------------------------------


def first_chars(nodes: list[Node]) -> str | None:
    """A character class (``[...]``) holding every first character of a non-empty match, or None when
    any character may come first or the pattern can match the empty string."""
    items, nullable = _first(nodes)
    if items is None or nullable or not items:
        return None
    return "[" + "".join(sorted(items)) + "]"


def _first(nodes: list[Node]) -> tuple[set[str] | None, bool]:
    """(class items of the first consumed character or None for any, whether the sequence can be empty)."""
    found: set[str] = set()
    for op, av in nodes:
        items, nullable = _first_of(op, av)
        if items is None:
            return None, False
        found |= items
        if not nullable:
            return found, False
    return found, True


def _first_of(op: Any, av: Any) -> tuple[set[str] | None, bool]:
    if op is sre.LITERAL:
        return {_char(av)}, False
    if op is sre.IN:
        return _class_items(av), False
    if op in _ZERO_WIDTH:  # consumes nothing: the next node gives the first character
        return set(), True
    if op is sre.SUBPATTERN:
        return _first(av[-1])
    if op is sre.ATOMIC_GROUP:
        return _first(av)
    if op is sre.BRANCH:
        found: set[str] = set()
        nullable = False
        for alternative in av[1]:
            items, empty = _first(alternative)
            if items is None:
                return None, False
            found |= items
            nullable = nullable or empty
        return found, nullable
    if op in _REPEATS:
        low, _, body = av
        items, empty = _first(body)
        return items, empty or low == 0
    return None, False  # ANY, NOT_LITERAL, back references ...: anything may come first


def _class_items(members: list[Node]) -> set[str] | None:
    items = set()
    for op, av in members:
        if op is sre.LITERAL:
            items.add(_char(av))
        elif op is sre.RANGE:
            items.add(_char(av[0]) + "-" + _char(av[1]))
        elif op is sre.CATEGORY and av in _CATEGORIES:
            items.add(_CATEGORIES[av])
        else:  # NEGATE and the rest: not modelled
            return None
    return items


def _char(code: int) -> str:
    return f"\\U{code:08x}"  # safe inside a class whatever the character


# --- strings every match contains ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Strings:
    """What a piece of pattern tells about the text: ``exact``, every string it can match (folded), when
    they are few; ``needed``, tests that all hold wherever it matches."""

    exact: frozenset[str] | None
    needed: tuple[Test, ...] = ()


_NOTHING = _Strings(None)
_EMPTY = _Strings(frozenset({""}))


def required_literals(nodes: list[Node]) -> tuple[Test, ...] | None:
    """Tests that every text holding a match passes, the most selective first (at most ``MAX_TESTS``), or
    None when the analysis finds none (the rule must then run on every text)."""
    kept: list[Test] = []
    for test in sorted({_minimal(t) for t in _all(_sequence(nodes))}, key=_selectivity, reverse=True):
        if not any(_implies(k, test) for k in kept):
            kept.append(test)
    return tuple(kept[:MAX_TESTS]) or None


def _implies(a: Test, b: Test) -> bool:
    """A text passing ``a`` passes ``b``: each string of ``a`` holds one of ``b`` ("mars" holds "m")."""
    return all(any(t in s for t in b) for s in a)


def _minimal(strings: Test) -> Test:
    """Drop a string that holds another of the set ("années" holds "an"): the same test, fewer scans."""
    return frozenset(s for s in strings if not any(t != s and t in s for t in strings))


def _all(strings: _Strings) -> tuple[Test, ...]:
    """The piece's tests, its exact strings being one more."""
    exact = _useful(strings.exact)
    return (*strings.needed, exact) if exact is not None else strings.needed


def _useful(strings: frozenset[str] | None) -> Test | None:
    """A set is a test only when the empty string is not in it and it stays small."""
    if strings is None or "" in strings or len(strings) > MAX_STRINGS:
        return None
    return strings


def _selectivity(test: Test) -> tuple[int, int]:
    """How rarely a text passes, roughly: a test whose shortest string has more letters (spaces are in every
    text) passes less often, then one of fewer strings."""
    return min(len(s.replace(" ", "")) for s in test), -len(test)


def _sequence(nodes: list[Node]) -> _Strings:
    """Runs of exact pieces concatenate ("l" + "'" + "an"); every piece's tests hold for the whole."""
    needed: list[Test] = []
    run: frozenset[str] = frozenset({""})
    exact: frozenset[str] | None = frozenset({""})
    for op, av in nodes:
        piece = _node(op, av)
        needed.extend(piece.needed)
        if piece.exact is None:
            needed.extend(_all(_Strings(run)))
            run, exact = frozenset({""}), None
            continue
        exact = _concat(exact, piece.exact) if exact is not None else None
        longer = _concat(run, piece.exact)
        if longer is None:  # too many combinations: keep what the run gave so far, start a new one
            needed.extend(_all(_Strings(run)))
            longer = piece.exact
        run = longer
    if exact is None:
        needed.extend(_all(_Strings(run)))
    return _Strings(exact, tuple(needed))


def _concat(left: frozenset[str] | None, right: frozenset[str]) -> frozenset[str] | None:
    """Every string of ``left`` followed by one of ``right``; white space next to white space is one run of
    it in the text, one space once folded."""
    if left is None or len(left) * len(right) > MAX_COMBINATIONS:
        return None
    return frozenset((a[:-1] if a.endswith(" ") and b.startswith(" ") else a) + b
                     for a, b in itertools.product(left, right))


def _literal(code: int) -> str | None:
    """A pattern character as ``fold`` spells it, or None where IGNORECASE lets it match a character that
    ``fold`` does not make equal to it (Greek and Cyrillic letters with two lower cases, the micro sign;
    the engine's own list, ``re._casefix``): such a character proves nothing here."""
    char = fold(chr(code))
    return None if len(char) == 1 and ord(char) in _casefix._EXTRA_CASES and char not in "is" else char


def _node(op: Any, av: Any) -> _Strings:
    if op is sre.LITERAL:
        char = _literal(av)
        return _Strings(frozenset({char})) if char is not None else _NOTHING
    if op is sre.IN:
        chars = [" " if (o, a) == (sre.CATEGORY, sre.CATEGORY_SPACE) else _literal(a) if o is sre.LITERAL else None
                 for o, a in av]
        if None in chars or len(chars) > MAX_COMBINATIONS:
            return _NOTHING
        return _Strings(frozenset(c for c in chars if c is not None))
    if op is sre.SUBPATTERN:
        return _sequence(av[-1])
    if op is sre.ATOMIC_GROUP:
        return _sequence(av)
    if op is sre.BRANCH:
        return _branch(av[1])
    if op in _REPEATS:
        low, high, body = av
        inner = _sequence(body)
        if inner.exact == {" "}:  # "\s+", "\s*": one space in the folded text, or none
            return _Strings(frozenset({" "} if low else {"", " "}))
        if low == 0:  # optional: may be absent, so it proves nothing, but "x?" is still one of two strings
            return _Strings(inner.exact | {""} if high == 1 and inner.exact is not None else None)
        return _Strings(inner.exact, inner.needed) if low == high == 1 else _Strings(None, _all(inner))
    if op is sre.ASSERT:  # a lookaround's text is in the text too, and it consumes nothing
        return _Strings(frozenset({""}), _all(_sequence(av[1])))
    if op in (sre.ASSERT_NOT, sre.AT):
        return _EMPTY
    return _NOTHING


def _branch(alternatives: list[list[Node]]) -> _Strings:
    """Exact when every alternative is; else one test, the union of each alternative's best test."""
    parts = [_sequence(a) for a in alternatives]
    exact: frozenset[str] | None = frozenset()
    union: frozenset[str] | None = frozenset()
    for part in parts:
        exact = exact | part.exact if exact is not None and part.exact is not None else None
        tests = _all(part)
        best: Test | None = max(tests, key=_selectivity) if tests else None
        union = union | best if union is not None and best is not None else None
    if exact is not None and len(exact) > MAX_COMBINATIONS:
        exact = None
    test = _useful(union)
    return _Strings(exact, (test,) if exact is None and test is not None else ())
