"""The three lookup keys of ``wirecoder.core.text``, side by side: where they agree and where they differ."""

from __future__ import annotations

import pytest

from wirecoder.core.text import lower_keep_accents, strip_accents_lower, transliterate_lower

# input -> (strip_accents_lower, lower_keep_accents, transliterate_lower)
TABLE = [
    ("Ça", ("ca", "ça", "ca")),                                      # accents: dropped, kept, dropped
    ("États-Unis", ("etats-unis", "états-unis", "etats-unis")),
    ("Œuvre", ("uvre", "œuvre", "oeuvre")),                          # "œ" has no decomposition: only one spells it
    ("cœur", ("cur", "cœur", "coeur")),
    ("l’Irak", ("l'irak", "l'irak", "lirak")),                        # ’ made ASCII, except by the place key
    ("l'Irak", ("l'irak", "l'irak", "l'irak")),
    ("  Le   Caire ", ("le caire", " le caire ", "  le   caire ")),    # spaces: trimmed, collapsed, untouched
    ("d\u00a0ici", ("d ici", "d ici", "d ici")),                      # a non-breaking space is a space
    ("«Mali»", ("mali", "«mali»", "mali")),                           # other non-ASCII marks dropped
    ("Straße", ("strae", "straße", "strae")),                        # lower(), not casefold(), where accents stay
    ("ﬁn", ("fin", "ﬁn", "fin")),                                    # compatibility ligatures decompose
    ("", ("", "", "")),
]


@pytest.mark.parametrize(("text", "expected"), TABLE)
def test_each_key(text: str, expected: tuple[str, str, str]) -> None:
    assert (strip_accents_lower(text), lower_keep_accents(text), transliterate_lower(text)) == expected


@pytest.mark.parametrize("key", [strip_accents_lower, lower_keep_accents, transliterate_lower])
def test_keys_are_idempotent(key) -> None:
    for text, _ in TABLE:
        assert key(key(text)) == key(text)
