"""Tokenizer repairs for the text news feeds really send: pre-tokenized copy ("qu' un"), and paragraphs
run together without a space ("a-t-il ajouté.Mais", "la communauté noire.Plusieurs", "noirePlusieurs").

The text itself is never changed (offsets are the article's); only where spaCy cuts tokens.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from ..langdata import function_words

# A full stop between a lower-case letter or a digit and an upper-case letter ends a sentence whose space was
# lost ("réunie.Plusieurs", "en 2003.Les");
# "M.Dupont", "U.S.A." and "lemonde.fr" do not match.
RUN_TOGETHER_STOP = r"(?<=[a-zà-ÿ0-9])\.(?=[A-ZÀ-Ý])"
# Two sentences run together with no stop at all ("la communauté noirePlusieurs artistes"): a word in
# lower case glued to a capitalised one. Only whole lower-case words of three letters or more (checked
# by ``run_together_cuts``), so that "iPhone", "eBay", "McDonald" and "WhatsApp" stay whole.
# The look-behind starts a match only at a word's start: tried at every letter of a long lower-case run, the
# greedy first group made the search quadratic (20,000 letters: 5 s).
RUN_TOGETHER_WORDS = re.compile(r"(?<![a-zà-ÿœA-ZÀ-ÝŒ])([a-zà-ÿœ]{3,})([A-ZÀ-ÝŒ][a-zà-ÿœ]{2,})")

# A list bullet glued to the words around it ("maire de Pau)• Christian Jacob"): a token of its own, else the
# recogniser reads "Pau)•" as a name. Not the middle dot, which French inclusive writing puts inside words.
BULLET = r"[•▪►●◆■]"
BEFORE_BULLET = r"[)\]»\"](?=[•▪►●◆■])"  # "(président des LR)•Olivier Faure": the bracket closes the name


def repair_tokenizer(nlp: Any, lang: str) -> None:
    from spacy.symbols import ORTH

    # As a whole white-space-delimited chunk, an elided word stays one token, as in "qu'un": spaCy would
    # otherwise split "qu' un" into "qu" + "'" and mis-parse the clause.
    for form in function_words(lang, "elided"):
        for variant in {form, form.replace("'", "\u2019")}:
            for cased in (variant, variant[0].upper() + variant[1:]):
                nlp.tokenizer.add_special_case(cased, [{ORTH: cased}])
    infixes = [*nlp.Defaults.infixes, RUN_TOGETHER_STOP, BEFORE_BULLET, BULLET]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.tokenizer.prefix_search = compile_prefix_regex([*nlp.Defaults.prefixes, BULLET]).search
    nlp.tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, BULLET]).search
    nlp.add_pipe("wirecoder_rejoin_clitics", first=True, config={"lang": lang})


@Language.factory("wirecoder_rejoin_clitics", default_config={"lang": "fr"})
def _make_rejoin(nlp: Language, name: str, lang: str) -> Any:
    return RejoinClitics(frozenset(function_words(lang, "inverted_clitic")))


class RejoinClitics:
    """In a chunk the infix rules had to cut ("ajoute-t-il.Mais"), the hyphens come out alone:
    "-", "t", "-", "il". Rejoin them into the usual "-t", "-il" so the parser sees an inverted subject."""

    def __init__(self, clitics: frozenset[str]) -> None:
        self.clitics = clitics

    def __call__(self, doc: Doc) -> Doc:
        spans = [doc[t.i:t.i + 2] for t in doc[1:-1]
                 if t.text == "-" and not t.whitespace_ and not doc[t.i - 1].whitespace_
                 and doc[t.i + 1].lower_ in self.clitics]
        if spans:
            with doc.retokenize() as retokenizer:
                for span in spans:
                    retokenizer.merge(span)
        return doc



def run_together_cuts(text: str) -> list[int]:
    """Where sentences were run together without a space ("noire.Plusieurs", "noirePlusieurs"): the parse
    stage cuts its chunks there, so that the parser sees two sentences (it does not always keep a
    sentence start set before it)."""
    cuts = [m.end() for m in re.finditer(RUN_TOGETHER_STOP, text)]
    cuts += [m.start(2) for m in RUN_TOGETHER_WORDS.finditer(text)
             if m.start() == 0 or not text[m.start() - 1].isalpha()]
    return sorted(cuts)
