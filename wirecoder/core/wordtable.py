"""Word tables: the rows of a language data file (``form``, ``kind``, a value) grouped by kind.

Code asks a table for words of a kind ("negation", "month"); a kind the file does not have is an error
(``UnknownKindError``), never an empty answer, so a misspelt kind cannot silently turn a rule off.
``tests/test_wordtables.py`` ties every kind the code names to its file. ``langdata.word_table`` loads one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from ..errors import ConfigError


class UnknownKindError(ConfigError, KeyError):
    """A kind of word that the table's data file does not have."""

    def __init__(self, kind: str, source: str, known: Iterable[str]) -> None:
        self.kind, self.source = kind, source
        super().__init__(f"{source}: no forms of kind {kind!r} (known kinds: {', '.join(sorted(known))})")

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0])


class WordTable:
    """The forms of each kind of one data file. A word is found when its ``key`` (the table's text
    folding, e.g. ``core.text.strip_accents_lower``) equals the key of a form."""

    __slots__ = ("_by_key", "_forms", "key", "source")

    def __init__(self, source: str, rows: Iterable[tuple[str, str, str]], key: Callable[[str], str]) -> None:
        """``rows``: (kind, form, value) in file order; of two rows of one kind and key, the later value wins.
        ``source`` names the file in errors."""
        self.source = source
        self.key = key
        self._by_key: dict[str, dict[str, str]] = {}
        forms: dict[str, list[str]] = {}
        for kind, form, value in rows:
            self._by_key.setdefault(kind, {})[key(form)] = value
            forms.setdefault(kind, []).append(form)
        self._forms = {kind: tuple(f) for kind, f in forms.items()}

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(self._by_key)

    def words(self, kind: str) -> Mapping[str, str]:
        """Key of each form of ``kind`` -> its value, in file order."""
        try:
            return self._by_key[kind]
        except KeyError:
            raise UnknownKindError(kind, self.source, self._by_key) from None

    def forms(self, kind: str) -> tuple[str, ...]:
        """The forms of ``kind`` as the file writes them, in file order."""
        try:
            return self._forms[kind]
        except KeyError:
            raise UnknownKindError(kind, self.source, self._by_key) from None

    def values(self, kind: str) -> tuple[str, ...]:
        return tuple(self.words(kind).values())

    # has() and value() run for many words of every sentence: one dict lookup, no call, on the way to the words.

    def has(self, kind: str, word: str) -> bool:
        words = self._by_key.get(kind)
        if words is None:
            raise UnknownKindError(kind, self.source, self._by_key)
        return self.key(word) in words

    def value(self, kind: str, word: str) -> str | None:
        words = self._by_key.get(kind)
        if words is None:
            raise UnknownKindError(kind, self.source, self._by_key)
        return words.get(self.key(word))
