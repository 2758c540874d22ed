"""Indirect quotes: reported clauses found from a speech cue.

A que-clause, an infinitive, an indirect question or a clause after a colon that follows a speech verb; a
clause before or around an incise ("..., a indiqué X"; "comme le rappelle X, ..."); an attribution ("selon X",
"d'après X").
"""

from __future__ import annotations

from typing import Any

from ..clauses import OPENING_MARKS, SENTENCE_ENDS, Cue, Speaker, non_finite, quoted_spans
from .direct import INCISE_ADJUNCT, INCISE_WINDOW
from .model import Quote, cue_ref
from .search import MIN_CLAUSE_WORDS, QuoteSearch


class IndirectQuotes:
    """The reported clauses of one article that quotation marks do not delimit."""

    def __init__(self, search: QuoteSearch) -> None:
        self.search, self.clauses = search, search.clauses
        self.doc, self.text, self.lex = self.clauses.doc, self.clauses.text, self.clauses.lex
        self.marks, self.used_cues, self.whole_clauses = self.clauses.marks, search.used_cues, search.whole_clauses

    def find(self, existing: list[Quote]) -> list[Quote]:
        """The indirect quotes that do not overlap ``existing`` (the direct ones)."""
        found: list[Quote] = []
        unclosed = {m.start for m in self.marks if not m.closed}
        taken = [(q.start, q.end) for q in existing if q.start not in unclosed or q.cue is not None]
        previous = existing[-1].speaker if existing else None
        for sentence in self.doc.sents:
            if self.clauses.skipped(sentence.start_char):
                continue
            # Only cue words are candidates; incises first: in "A souhaite que B, a indiqué C" the quote is C's.
            candidates = [t for t in sentence if self.lex.verb(t) is not None or self.clauses.may_attribute(t)]
            for tok in sorted(candidates, key=lambda t: self.clauses.comma_before(t, sentence.start) is None):
                quote = self._attribution_quote(tok, sentence, previous)
                if quote is None:
                    cue = self.lex.verb(tok)
                    if cue is None or tok.i in self.used_cues or cue.frame == "noun":
                        continue
                    quote = self._verb_quote(tok, cue, sentence, previous)
                if quote is None or quote.end - quote.start < 2:
                    continue
                if any(min(e, quote.end) - max(s, quote.start) > 0.5 * (quote.end - quote.start) for s, e in taken):
                    continue
                if self.search.holds_long_fragment(quote.start, quote.end):
                    continue  # its quoted fragment is the (mixed) quote
                quote.kind = self._kind_of(quote)
                found.append(quote)
                taken.append((quote.start, quote.end))
                previous = quote.speaker or previous
        return found

    def _kind_of(self, quote: Quote) -> str:
        """indirect, or mixed when it holds quoted words (long fragments were reported by the marks pass)."""
        return "mixed" if quoted_spans(self.text, [(quote.start, quote.end)]) else "indirect"

    def _verb_quote(self, verb: Any, cue: Cue, sentence: Any, previous: Speaker | None) -> Quote | None:
        as_quote = self._as_quote(verb, cue, sentence, previous)
        if as_quote is not None:
            return as_quote
        que = self.clauses.que_after(verb)
        if que is not None and cue.frame != "inverted":
            span = self.clauses.trim(que, self.clauses.clause_end(que, sentence))
            if span and self.clauses.words(*span) >= MIN_CLAUSE_WORDS:
                self.used_cues.add(verb.i)
                return Quote(span[0], span[1], "indirect", self.clauses.clause_speaker(verb, previous, span[0]),
                             cue_ref(verb, cue))
        says = cue.frame in ("que", "inverted") and self.clauses.says_something(verb)
        colon = self.clauses.colon_after(verb) if says else None
        if colon is not None:
            span = self.clauses.trim(colon, self.clauses.clause_end(colon, sentence))
            if span and self.clauses.words(*span) >= MIN_CLAUSE_WORDS and self.clauses.has_finite_verb(*span) and \
                    self.text[span[0]] not in OPENING_MARKS:
                self.used_cues.add(verb.i)
                return Quote(span[0], span[1], "indirect", self.clauses.clause_speaker(verb, previous, span[0]),
                             cue_ref(verb, cue))
        question = self.clauses.question_after(verb) if cue.frame in ("que", "de") else None
        if question is not None:
            span = self.clauses.trim(question, self.clauses.clause_end(question, sentence))
            if span and self.clauses.words(*span) >= MIN_CLAUSE_WORDS and self.clauses.has_finite_verb(*span):
                self.used_cues.add(verb.i)
                return Quote(span[0], span[1], "indirect", self.clauses.clause_speaker(verb, previous, span[0]),
                             cue_ref(verb, cue))
        infinitive = self.clauses.infinitive_after(verb)
        if infinitive is not None and cue.frame == "que":
            span = self.clauses.trim(infinitive, self.clauses.clause_end(infinitive, sentence))
            if span and self.clauses.words(*span) >= MIN_CLAUSE_WORDS:
                self.used_cues.add(verb.i)
                return Quote(span[0], span[1], "indirect", self.clauses.clause_speaker(verb, previous, span[0]),
                             cue_ref(verb, cue))
        comma = self.clauses.comma_before(verb, sentence.start)
        found = self.clauses.subject(verb, inverted=True) if not non_finite(verb, self.lex) else None
        if comma is not None and found is not None and \
                (found[0] > verb.i or self.doc[found[0]].text.startswith("-")):  # an incise: subject after
            start = self.clauses.clause_start(sentence, comma)
            span = self._around_incise(start, verb, found, sentence)  # the clause goes on after the incise
            if span is None:
                span = self.clauses.trim(start, comma)
                speaker = self.clauses.speaker_of(verb, previous, inverted=True)
                if span and self.whole_clauses and speaker and found[0] > verb.i and \
                        not self.clauses.has_finite_verb(*span, main_only=True) and \
                        not self._holds_subject_of(verb, span):
                    self.used_cues.add(verb.i)  # "Oui, répond X", "Une région atypique, rétorqueront-ils"
                    return Quote(span[0], span[1], "indirect", speaker, cue_ref(verb, cue), scope="speech")
                if not (span and self.clauses.words(*span) >= MIN_CLAUSE_WORDS and
                        self.clauses.has_finite_verb(*span, main_only=True)):
                    span = None  # "Le royaume, qui compte ..., observe un pic": a subject awaiting its verb
            if span is not None:
                self.used_cues.add(verb.i)
                speaker = self.clauses.speaker_of(verb, previous, inverted=True)
                return Quote(span[0], span[1], "indirect", speaker, cue_ref(verb, cue))
        return None

    def _as_quote(self, verb: Any, cue: Cue, sentence: Any, previous: Speaker | None) -> Quote | None:
        """"Comme le rappelle X, CLAUSE" / "CLAUSE, comme l'a dit X": the clause around the incise is X's."""
        first = min([verb.i, *(c.i for c in verb.children if c.dep_.startswith("aux"))])
        if first - 1 <= sentence.start or not self.lex.has("neuter_object", self.doc[first - 1].text):
            return None
        conj = next((t for t in reversed(self.doc[max(sentence.start, first - 6):first - 1])
                     if self.lex.has("as_conjunction", t.text)), None)
        if conj is None:
            return None
        # "comme le ministre l'a dit": the words between are the subject (the parser often misses it)
        found = (conj.i + 1, first - 1) if conj.i + 1 < first - 1 else self.clauses.subject(verb, inverted=True)
        if found is None:
            return None
        last = max(verb.i, found[1] - 1)
        before = self.clauses.trim(self.clauses.clause_start(sentence, conj.idx), conj.idx)
        after = None
        comma = next((t for t in self.doc[last + 1:min(last + INCISE_WINDOW, sentence.end)] if t.text == ","), None)
        if comma is not None:  # "comme le note X dans son rapport, CLAUSE"
            after = self.clauses.trim(comma.idx + 1, self.clauses.clause_end(comma.idx + 1, sentence))
        parts = [p for p in (before, after) if p is not None]
        if not parts or sum(self.clauses.words(*p) for p in parts) < MIN_CLAUSE_WORDS or \
                not any(self.clauses.has_finite_verb(*p) for p in parts):
            return None
        self.used_cues.add(verb.i)
        speaker = self.clauses.speaker(*found, before=verb.idx, previous=previous)
        return Quote(parts[0][0], parts[-1][1], "indirect", speaker, cue_ref(verb, cue))

    def _around_incise(self, start: int, verb: Any, subject: tuple[int, int], sentence: Any
                       ) -> tuple[int, int] | None:
        """A clause cut by its incise ("A une époque, ajoute-t-il, elle n'entrait pas ..."): the whole
        clause, incise included, when the words after the incise hold the reported clause's verb."""
        last = max(self.clauses.cue_end(verb), subject[1] - 1)
        if subject[0] == self.clauses.cue_end(verb) + 1:  # right after the verb, with a participle of its own
            head = self.doc[subject[1] - 1]  # ("indique un communiqué publié par Elf, ...")
            described = [c.right_edge.i for c in head.children
                         if c.dep_ == "acl" and "Part" in c.morph.get("VerbForm") and c.i > head.i]
            last = min(max([last, *described]), sentence.end - 1)
        if last + 1 >= sentence.end or self.doc[last + 1].text != ",":
            return None
        nxt = self.doc[last + 2] if last + 2 < sentence.end else None
        apposition = self._apposition_end(nxt, sentence) if nxt is not None else None
        if apposition is not None:  # ", répond Pierre Bergé, PDG de la maison, ...": past the apposition
            last = apposition
            nxt = self.doc[last + 1] if last + 1 < sentence.end else None
        if nxt is not None and ({"Part", "Ger"} & set(nxt.morph.get("VerbForm")) or (
                self.lex.has("gerund_marker", nxt.text) and nxt.i + 1 < sentence.end and
                "Part" in self.doc[nxt.i + 1].morph.get("VerbForm"))):
            return None  # ", répond X, en rappelant que ...": the speaker's own adjunct, not the clause going on
        after = self.doc[last + 1].idx + 1
        end = self.clauses.clause_end(after, sentence)
        rest = self.clauses.trim(after, end)
        if rest is None or self.clauses.words(*rest) < MIN_CLAUSE_WORDS or not self.clauses.has_finite_verb(*rest):
            return None
        first_word = self.text[rest[0]:rest[1]].split()[0]
        if self.lex.has("relative_pronoun", first_word) or self.lex.has("list_joiner", first_word):
            return None  # ", déclare le rapport, qui ajoute que ...": the speaker goes on, the clause ended
        return self.clauses.trim(start, end)

    def _holds_subject_of(self, verb: Any, span: tuple[int, int]) -> bool:
        """"Le groupe VAG, numéro un européen, a annoncé un record": the words before the comma are the verb's
        subject, and what follows it is its object, not an incise's subject."""
        words = self.doc.char_span(*span, alignment_mode="expand")
        return words is not None and any(t.dep_.startswith("nsubj") and t.head == verb for t in words)

    def _apposition_end(self, first: Any, sentence: Any) -> int | None:
        """The comma closing a verbless noun phrase that starts at ``first`` (the speaker's apposition: "PDG
        de la maison de couture,"), or None."""
        if first.pos_ not in ("NOUN", "PROPN"):
            return None
        for tok in self.doc[first.i + 1:min(first.i + INCISE_ADJUNCT, sentence.end)]:
            if tok.text == ",":
                return tok.i
            if tok.pos_ in ("VERB", "AUX") or tok.text in SENTENCE_ENDS:
                return None
        return None

    def _attribution_quote(self, tok: Any, sentence: Any, previous: Speaker | None) -> Quote | None:
        """Selon X, CLAUSE. / CLAUSE, selon X. / D'après X, CLAUSE."""
        found = self.clauses.attribution_at(tok) if self.clauses.may_attribute(tok) else None
        attributed = self.clauses.attribution(tok, previous, found) if found is not None else None
        if found is None or attributed is None:
            return None
        s_end = found[1][1]
        speaker, cue_ref = attributed
        first_word = next((t for t in sentence if not t.is_punct), None)
        after = self.doc[s_end] if s_end < len(self.doc) else None
        if first_word is not None and first_word.i == tok.i and after is not None and after.text == ",":
            span = self.clauses.trim(after.idx + 1, sentence.end_char)
        else:
            comma = self.clauses.comma_before(tok)
            if comma is None:
                return None
            span = self.clauses.trim(self.clauses.clause_start(sentence, comma), comma)
        if not span or self.clauses.words(*span) < MIN_CLAUSE_WORDS:
            return None
        return Quote(span[0], span[1], "indirect", speaker, cue_ref)
