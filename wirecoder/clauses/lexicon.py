"""The clause layer's words: speech cues (``data/<lang>/speech_words.tsv``: verbs, nouns and attributions with
their kind and frame) and the function words of clauses and reported speech (``quote_words.tsv``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from ..core.text import strip_accents_lower
from ..core.wordtable import WordTable
from ..langdata import read_tsv, word_table

KINDS = ("neutral", "assert", "deny", "accuse", "request")


@dataclass(frozen=True)
class Cue:
    lemma: str
    pos: str  # VERB, NOUN, ADP
    kind: str  # neutral, assert, deny, accuse, request
    frame: str  # que, inverted, de, noun, attribution


@dataclass(frozen=True)
class ClauseLexicon:
    verbs: dict[str, Cue]
    phrases: dict[str, list[tuple[tuple[str, ...], Cue]]]  # first word -> (rest of the lemma, cue): "faire valoir"
    nouns: dict[str, Cue]
    attributions: dict[str, Cue]  # folded multi-word forms: "selon", "d'après", "de l'avis de"
    table: WordTable  # quote_words.tsv; a kind it does not have raises UnknownKindError

    @property
    def attribution_starts(self) -> frozenset[str]:
        """First words of the attributions ("selon", "d'" of "d'après"): a cheap filter before matching."""
        return _starts(tuple(self.attributions))

    def verb(self, token: Any, *, any_pos: bool = False) -> Cue | None:
        """The cue for a verb token, by lemma; the lemmatizer's misses ("indique") by the -er infinitive.
        ``any_pos``: where only a verb can stand (right after a quote and its comma), trust the form even
        if the tagger said NOUN ("soupire")."""
        nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if nxt is not None and nxt.text.startswith("-") and \
                (strip_accents_lower(nxt.text) == "-t" or self.pronoun(nxt.text)):
            any_pos = True  # "note-t-elle": only a verb takes an inverted clitic
        if token.i >= 2 and self.has("neuter_object", token.doc[token.i - 1].text) and \
                self.has("as_conjunction", token.doc[token.i - 2].text):
            any_pos = True  # "comme le note X": the tagger reads "le note" as a noun
        if token.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in token.children) and \
                not any(c.dep_ in ("det", "cop") for c in token.children):
            any_pos = True  # "Le président de la FITCA note que": a noun with a subject is a verb
        if token.pos_ not in ("VERB", "AUX") and not (any_pos and token.pos_ in ("NOUN", "ADJ", "PROPN", "X")):
            return None
        lemma = strip_accents_lower(token.lemma_)
        if token.pos_ not in ("VERB", "AUX"):  # "comme le fait remarquer X": "fait" tagged as the noun
            lemma = self.table.words("verb_form").get(strip_accents_lower(token.text), lemma)
        for rest, phrase in self.phrases.get(lemma, ()):  # "a fait valoir", "a mis en garde"
            after = [t for t in token.doc[token.i + 1:token.i + 3 + len(rest)]
                     if not t.text.startswith("-")][:len(rest)]  # "fait-elle remarquer"
            following = [strip_accents_lower(t.lemma_) for t in after]
            followers = [strip_accents_lower(t.text) for t in after]
            if tuple(following) == rest or tuple(followers) == rest:
                return phrase
        cue = self.verbs.get(lemma)
        if cue is None:
            form = strip_accents_lower(token.text)
            for ending in ("", "nt", "s", "e", "es"):  # "indique(nt)", "precise(e)(s)" -> "-er" infinitive
                cue = self.verbs.get(form.removesuffix(ending) + "r")
                if cue is not None:
                    break
        if cue is None:  # pronominal and multi-word lemmas: "s'exclamer" is listed as "exclamer"
            cue = self.verbs.get(lemma.removeprefix("se ").removeprefix("s'"))
        return cue

    def pronoun(self, form: str, *, stressed: bool = False) -> str | None:
        """Gender and number of a subject pronoun ("il", "-t-elle"); with ``stressed`` also "lui", "eux"
        (after "selon")."""
        key = strip_accents_lower(form).lstrip("-").removeprefix("t-")  # "-t-il" of "ajoute-t-il"
        found = self.table.words("subject_pronoun").get(key)
        return found or (self.table.words("stressed_pronoun").get(key) if stressed else None)

    def endings(self, kind: str) -> tuple[str, ...]:
        """Word endings of a kind, with their accents ("past_participle_ending": "é", "ée"), for
        ``str.endswith`` on a lower-case word."""
        return self.table.values(kind)

    def has(self, kind: str, form: str) -> bool:
        return self.table.has(kind, form)


@cache
def _starts(forms: tuple[str, ...]) -> frozenset[str]:
    return frozenset(f.replace("'", "' ").split()[0] for f in forms) | frozenset(f.split()[0] for f in forms)


@cache
def load(lang: str) -> ClauseLexicon:
    verbs: dict[str, Cue] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], Cue]]] = {}
    nouns: dict[str, Cue] = {}
    attributions: dict[str, Cue] = {}
    for row in read_tsv(lang, "speech_words.tsv"):
        cue = Cue(strip_accents_lower(row["lemma"]), row["pos"], row["kind"], row["frame"])
        if cue.pos == "VERB" and " " in cue.lemma:
            first, *rest = cue.lemma.replace("'", "' ").split()
            phrases.setdefault(first, []).append((tuple(rest), cue))
            continue
        {"VERB": verbs, "NOUN": nouns, "ADP": attributions}[row["pos"]][cue.lemma] = cue
    return ClauseLexicon(verbs, phrases, nouns, attributions, word_table(lang, "quote_words.tsv"))
