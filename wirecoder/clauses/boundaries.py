"""Where a clause starts and ends, and what opens it: the words around a predicate that a reported clause,
an incise or an attribution ("selon X") begins or stops at. Token and character offsets of one parsed article."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import Any

from ..core.text import strip_accents_lower
from .lexicon import ClauseLexicon, Cue
from .marks import Quoted
from .speakers import is_role
from .subjects import pronominal

QUE_WINDOW = 10  # tokens from a speech verb to its "que"
LONG_QUE_WINDOW = 16  # how far a "que" the parse hangs on the speech verb may be
SENTENCE_ENDS = (".", "!", "?", "…")
INCISE_OPENERS = (",", "?", "!")


class Boundaries:
    """Clause boundaries over one parsed article (``Clauses`` hands them on)."""

    def __init__(self, doc: Any, text: str, lex: ClauseLexicon, lang: str, marks: Sequence[Quoted],
                 time_tokens: set[int], dateline: Any) -> None:
        self.doc, self.text, self.lex, self.lang = doc, text, lex, lang
        self.marks, self.time_tokens, self.dateline = marks, time_tokens, dateline
        self._closes = sorted(m.close for m in marks if m.closed)  # bisected: one lookup per clause, not a scan

    def token_at(self, char: int) -> Any:
        """The token at (or, from a space, the first token after) character offset ``char``."""
        while char < len(self.text) and self.text[char].isspace():
            char += 1
        if char >= len(self.text):
            return None
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def attribution_at(self, tok: Any) -> tuple[Cue, tuple[int, int]] | None:
        """An attribution ("selon", "d'après") starting at ``tok``, with the token range of its source."""
        if tok.pos_ not in ("ADP", "VERB", "ADV", "NOUN") and not tok.text[:1].isalpha():
            return None
        rest = strip_accents_lower(self.text[tok.idx:tok.idx + 30])
        for form, cue in self.lex.attributions.items():
            if rest.startswith(form) and (len(rest) == len(form) or not rest[len(form)].isalpha()):
                end_char = tok.idx + len(form)
                first = self.token_at(end_char + 1) if end_char + 1 < len(self.text) else None
                if first is None:
                    return None
                last = first.i
                while last + 1 < len(self.doc) and last + 1 < first.sent.end and \
                        self.doc[last + 1].text not in (",", ".", ";", ":", "»", "«", "\"") and last - first.i < 12:
                    last += 1
                if last + 3 < len(self.doc) and self.doc[last + 1].text == "," and \
                        self.doc[last + 2].ent_type_ == "PER":  # "Selon le maire, Gilles Perret, ..."
                    name_end = last + 2
                    while name_end + 1 < len(self.doc) and self.doc[name_end + 1].ent_iob_ == "I":
                        name_end += 1
                    if name_end + 1 < len(self.doc) and self.doc[name_end + 1].text == ",":
                        last = name_end
                phrase = self.doc[first.i:last + 1]
                named = any(t.ent_type_ in ("PER", "ORG") for t in phrase)
                head = next((t for t in phrase if t.pos_ in ("NOUN", "PROPN")), None)
                names = [t for t in phrase if t.ent_iob_ == "B" and t.ent_type_ in ("PER", "ORG")]
                thing = head is not None and head.pos_ == "NOUN" and not head.ent_type_ and \
                    not is_role(head.text, self.lang) and names and \
                    all(n.i > 0 and self.doc[n.i - 1].pos_ == "ADP" for n in names)  # "pour la maladie de Paget"
                if self.lex.has("named_only_attribution", cue.lemma) and (
                        not named or first.pos_ in ("VERB", "AUX") or self.lex.has("demonstrative", first.text)
                        or self.lex.has("relative_pronoun", first.text) or thing):
                    return None  # "pour" attributes only to a named speaker: not "pour relaxer M. Morin"
                return cue, (first.i, last + 1)
        return None

    def cue_end(self, verb: Any) -> int:
        """Index of the last token of the cue starting at ``verb``: "fait(-elle) savoir" ends at "savoir"."""
        cue = self.lex.verb(verb, any_pos=True)
        rest = cue.lemma.split()[1:] if cue is not None else []
        end = verb.i
        for t in self.doc[verb.i + 1:min(verb.i + 3 + len(rest), verb.sent.end)]:
            if t.text.startswith("-") or strip_accents_lower(t.lemma_) in rest or strip_accents_lower(t.text) in rest:
                end = t.i
            else:
                break
        return end

    def que_after(self, verb: Any) -> int | None:
        """Offset of the first word after the "que" that opens the verb's reported clause: within QUE_WINDOW
        tokens, or further when the parse hangs that clause on the verb ("a annoncé au comité d'entreprise,
        réuni le 6 janvier, qu'il ouvrait"). A time expression between is skipped whole ("nous déclarait il y
        a des mois que": its "a" is no verb of a clause)."""
        if verb is None:
            return None
        first = self.cue_end(verb) + 1
        far_blocked = False
        for t in self.doc[first:min(first + LONG_QUE_WINDOW - 1, verb.sent.end)]:
            if self.lex.has("complementizer", t.text):
                head = self.doc[t.i - 1]
                if self.lex.has("conjunction_head", head.text) and head.i > first and \
                        not (head.dep_ == "advmod" and head.head.i == verb.i):
                    return None  # "depuis qu'il a levé", "alors que": a conjunction (not "rappelait alors que")
                near = t.i - first < QUE_WINDOW - 1
                hung = t.head.dep_ in ("ccomp", "obj") and t.head.head.i == verb.i and not far_blocked
                if not (near or hung):
                    return None
                nxt = self.doc[t.i + 1] if t.i + 1 < len(self.doc) else None
                return nxt.idx if nxt is not None else None
            if t.idx in self.time_tokens or (t.lemma_ == "avoir" and t.i > 0 and self.doc[t.i - 1].lower_ == "y"):
                continue  # "nous déclarait il y a des mois que"
            if "Inf" in t.morph.get("VerbForm") and t.pos_ == "VERB":
                far_blocked = True  # "a annoncé mettre fin à la relation avec l'OMS, qu'il accuse": its own clause
            if (t.pos_ == "VERB" and "Fin" in t.morph.get("VerbForm")) or t.text in (".", ";", "«", "\""):
                return None
        return None

    def says_something(self, verb: Any) -> bool:
        """Active, affirmative and not pronominal: "n'a pas précisé si" and "sans pouvoir dire si" report
        nothing, "a été annoncée le jour même où" has no speaker in its clause, and "s'ajoute" and "ne s'est
        jamais démenti" are not speech."""
        if verb.dep_ in ("acl", "amod") and not any(c.dep_.startswith("aux") for c in verb.children):
            return False  # "la presse écrite :", "la date annoncée où": a participle describing a noun
        holders = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
        if verb.dep_ == "xcomp":
            holders.append(verb.head)  # "sans pouvoir dire si"
        if any(self.lex.has("privative", c.text) for h in holders for c in h.children if c.i < verb.i):
            return False
        return not any("Neg" in c.morph.get("Polarity") for h in holders for c in h.children) and \
            not any(c.dep_ == "aux:pass" for c in verb.children) and not pronominal(verb)

    def colon_after(self, verb: Any) -> int | None:
        """Offset after a colon that follows the verb with at most an adverbial between ("l'ont souligné :
        la seule lueur d'espoir ...", "m'a affirmé, au contraire : ..."): what it says follows."""
        first = self.cue_end(verb) + 1
        for t in self.doc[first:min(first + 5, verb.sent.end)]:
            if t.text == ":":
                return t.idx + 1
            if t.pos_ not in ("ADV", "ADP", "DET", "PUNCT") and not (t.pos_ == "NOUN" and t.dep_ == "fixed"):
                return None
        return None

    def question_after(self, verb: Any) -> int | None:
        """Offset of an indirect question right after the verb ("n'a pas précisé avec quels partenaires il
        entendait", "pour indiquer s'il plaide coupable"): its interrogative word, after a preposition."""
        if not self.says_something(verb):
            return None
        first = self.cue_end(verb) + 1
        for t in self.doc[first:min(first + 6, verb.sent.end)]:
            if self.lex.has("interrogative", t.text):
                elided = t.text.endswith(("'", "’"))  # "s'il", not the reflexive of "s'intéresser"
                nxt = self.doc[t.i + 1] if t.i + 1 < len(self.doc) else None
                return t.idx if not elided or (nxt is not None and self.lex.pronoun(nxt.text)) else None
            to_whom = any(a.dep_ in ("obl:arg", "iobj") and a.head.i == verb.i for a in (t, t.head))
            if t.pos_ not in ("ADP", "ADV") and not to_whom:
                return None  # only "à qui" may stand between: "a expliqué aux parents comment ..."
        return None

    def infinitive_after(self, verb: Any) -> int | None:
        first = self.cue_end(verb) + 1  # after the rest of the cue: "fait(-elle) remarquer"
        past = first
        while past < verb.sent.end and (self.doc[past].idx in self.time_tokens or self.doc[past].text == ","):
            past += 1  # "a annoncé, jeudi 2 juillet, avoir signé" (but not "à préciser, à maintenir")
        if any(t.idx in self.time_tokens for t in self.doc[first:past]):
            first = past
        for t in self.doc[first:min(first + 3, verb.sent.end)]:
            if "Inf" in t.morph.get("VerbForm"):
                start = t
                while start.i - 1 > verb.i and self.doc[start.i - 1].pos_ in ("PRON", "ADV") and \
                        self.doc[start.i - 1].dep_ not in ("nsubj",):
                    start = self.doc[start.i - 1]
                return start.idx
            if t.pos_ in ("VERB", "NOUN", "PROPN", "PUNCT", "ADJ"):
                return None  # "se disent prêts à accueillir": the adjective's infinitive, not the verb's
        return None

    def may_attribute(self, tok: Any) -> bool:
        return strip_accents_lower(tok.text) in self.lex.attribution_starts

    def comma_before(self, tok: Any, sentence_start: int | None = None) -> int | None:
        """The comma that opens an incise just before ``tok`` (", a indiqué", ", a-t-il ajouté", ", selon",
        ", nous indique"), or the question or exclamation mark that ends a reported question ("? rétorque")."""
        start = tok.sent.start if sentence_start is None else sentence_start
        i = tok.i - 1
        while i >= start and (self.doc[i].pos_ == "AUX" or self.doc[i].text.startswith("-") or
                              self.lex.has("object_clitic", self.doc[i].text)):
            i -= 1
        if i >= start and self.doc[i].text in INCISE_OPENERS:
            return self.doc[i].idx
        if i == start - 1 and i >= 0 and self.doc[i].text in ("?", "!") and \
                "\n" not in self.text[self.doc[i].idx:tok.idx]:
            return self.doc[i].idx  # the parser ended the sentence at the question mark
        return None

    def clause_start(self, sentence: Any, before: int) -> int:
        """Where a clause ending at ``before`` starts: the sentence start, after a dateline or a quote."""
        if before < sentence.start_char:  # "Pourquoi ? rétorque X": the question is the sentence before
            sentence = self.doc[self.token_at(before).i].sent
        start = sentence.start_char
        if sentence[0].text == "," and sentence.start > 0:  # the parser cut the sentence at the incise
            previous = self.doc[sentence.start - 1]
            if "\n" not in self.text[previous.idx:start] and previous.text not in SENTENCE_ENDS:
                start = previous.sent.start_char
        dateline = self.dateline
        if dateline is not None and dateline.start <= start < dateline.end:
            start = dateline.end
        # After a quote that closes before the clause (not after the opening mark of a straight-quoted
        # fragment inside it: '... sont " menacées ", a indiqué X').
        closing = self.last_close(start, before)
        if closing >= 0:
            start = closing + 1
        return start

    def last_close(self, start: int, before: int) -> int:
        """The offset of the last closing mark in ``[start, before)``, or -1."""
        last = bisect_left(self._closes, before) - 1
        return self._closes[last] if last >= 0 and self._closes[last] >= start else -1

    def clause_end(self, start: int, sentence: Any) -> int:
        """The end of a reported clause: the sentence's end, or an incise comma before a speech verb."""
        end = sentence.end_char
        first = self.token_at(start)
        if first is None:
            return end
        for t in self.doc[first.i:sentence.end]:
            if t.text == "," and t.i + 1 < sentence.end:
                nxt = self.doc[t.i + 1]
                if self.lex.verb(nxt) or self.attribution_at(nxt) or \
                        (nxt.pos_ == "AUX" and t.i + 2 < sentence.end and self.lex.verb(self.doc[t.i + 2])):
                    return t.idx
            if t.text == ";":
                return t.idx
        return end

    def trim(self, start: int, end: int) -> tuple[int, int] | None:
        while start < end and (self.text[start].isspace() or self.text[start] in ",;:"):
            start += 1
        while end > start and (self.text[end - 1].isspace() or self.text[end - 1] in ".,;:"):
            end -= 1
        return (start, end) if end > start else None

    def words(self, start: int, end: int) -> int:
        return len(self.text[start:end].split())

    def has_finite_verb(self, start: int, end: int, *, main_only: bool = False) -> bool:
        """A finite verb in the span; with ``main_only``, one that is not in a relative clause."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(
            "Fin" in t.morph.get("VerbForm") and not (main_only and _in_relative(t)) for t in span)


def _in_relative(token: Any) -> bool:
    """The token's verb heads a relative clause ("qui compte"), directly or as its auxiliary."""
    verb = token.head if token.dep_.startswith(("aux", "cop")) else token
    return verb.dep_ == "acl:relcl"
