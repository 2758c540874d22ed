"""Finding the tokens of a parsed text that are one of a few words, at once on spaCy's lower-case column: the
places scanners look for rare head words, and a Python test of every token cost a third of the stage."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from ..core.text import strip_accents_lower


def written_forms(folded: Iterable[str], written: Iterable[str] = ()) -> tuple[str, ...]:
    """The lower-case forms to look for: the words as written and as folded (tables key words without accents,
    texts keep them: "siège", "siege")."""
    return tuple(sorted({*folded, *(w.lower() for w in written), *(strip_accents_lower(w) for w in written)}))


@cache
def _hashes(forms: tuple[str, ...]) -> frozenset[int]:
    """spaCy's hashes of the forms (the same in every vocabulary: a hash of the string)."""
    from spacy.strings import StringStore

    strings = StringStore()
    return frozenset(strings.add(form) for form in forms)


def tokens_among(doc: Any, forms: tuple[str, ...]) -> list[int]:
    """Indices of the tokens whose lower case is one of ``forms``."""
    from spacy.attrs import LOWER

    if not forms or len(doc) == 0:
        return []
    wanted = _hashes(forms)
    return [i for i, h in enumerate(doc.to_array(LOWER).tolist()) if h in wanted]
