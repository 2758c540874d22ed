"""The figures of an event: how many occurrences a tally counts ("au moins 102 attaques", "une soixantaine
d'inculpations") and its toll ("13 militaires tués", "blessé 14 autres", "sans faire de blessé" -> 0)."""

from __future__ import annotations

from typing import Any

from ..timex.lexicon import load as time_words
from ..timex.lexicon import parse_number
from .lexicon import EventLexicon
from .triggers import keys

WITHOUT_WINDOW = 3  # "sans faire de blessé": "sans" this many tokens before the toll word gives 0


def number(token: Any, lang: str) -> int | None:
    """The integer a numeral token says ("102", "3 000", "treize"), else None."""
    value = parse_number(token.text, time_words(lang))
    return int(value) if value is not None and value == int(value) else None


def _nummod(token: Any, lang: str) -> int | None:
    for child in token.children:
        if child.dep_ == "nummod" or (child.pos_ == "NUM" and child.dep_ in ("det", "amod")):
            value = number(child, lang)
            if value is not None:
                return value
    return None


def _one(token: Any, lang: str) -> int | None:
    """"un policier a été tué": one, said by the article."""
    if "Sing" not in token.morph.get("Number") or token.pos_ not in ("NOUN", "PROPN"):
        return None
    return next((1 for c in token.children if c.dep_ == "det" and number(c, lang) == 1), None)


def _approximate(token: Any, lex: EventLexicon) -> int | None:
    """"une soixantaine" -> 60; "des dizaines" is no figure."""
    if "Plur" in token.morph.get("Number"):
        return None
    value = next((lex.value("approx_number", k) for k in keys(token) if lex.value("approx_number", k)), None)
    return int(value) if value else None


def count(noun: Any, lex: EventLexicon, lang: str) -> int | None:
    """The number of occurrences a plural event noun counts."""
    value = _nummod(noun, lang)
    if value is not None:
        return value
    if noun.dep_ == "nmod":  # "une soixantaine d'inculpations": the noun hangs from the approximation
        return _approximate(noun.head, lex)
    return next((v for c in noun.children if c.dep_ in ("det", "nmod") and (v := _approximate(c, lex))), None)


def _toll_at(token: Any, lex: EventLexicon, lang: str) -> int | None:
    doc = token.doc
    before = doc[max(token.sent.start, token.i - WITHOUT_WINDOW):token.i]
    if any(lex.has("without", t.text) for t in before):
        return 0
    value = _nummod(token, lang)
    if value is None and token.dep_ in ("amod", "acl") and token.head.pos_ == "NOUN":
        value = _nummod(token.head, lang) or _one(token.head, lang)  # "13 militaires tués", "une femme tuée"
    if value is None:
        # "a tué 10 personnes", "tuant au moins quatre civils", "trois soldats ont été tués"; the subject only
        # when there is no object: "13 militaires sont morts", not the killers of "deux hommes ont tué"
        children = list(token.children)
        objects = [c for c in children if c.dep_ in ("obj", "obl:arg", "nsubj:pass")]
        for child in objects or [c for c in children if c.dep_ == "nsubj"]:
            value = number(child, lang) if child.pos_ == "NUM" else _nummod(child, lang) or _one(child, lang)
            if value is not None:
                break
    return value


def toll(tokens: Any, lex: EventLexicon, lang: str) -> tuple[int | None, int | None]:
    """(killed, injured) stated in these tokens (a sentence or a clause)."""
    killed = injured = None
    for tok in tokens:
        forms = keys(tok)
        if killed is None and any(lex.has("killed", f) for f in forms):
            killed = _toll_at(tok, lex, lang)
        elif injured is None and any(lex.has("injured", f) for f in forms):
            injured = _toll_at(tok, lex, lang)
    return killed, injured
