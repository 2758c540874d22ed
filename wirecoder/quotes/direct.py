"""Direct and mixed quotes: from the quotation marks (``clauses/marks.py``) to their attribution.

An incise after the marks (« ... », a souligné Mme Nuland), an introducing clause before a colon, the speech
verb whose clause they sit in (il a dénoncé un geste « contraire à l'esprit sportif »), a "que" before them,
or an incise inside them. A quote with no clause of its own continues the speaker before (or after) it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from ..clauses import CLOSING_MARKS, DASHES, LONG_QUE_WINDOW, OPENING_MARKS, Quoted, Speaker
from ..core.text import strip_accents_lower
from .model import Quote, cue_ref
from .search import MIN_FRAGMENT_WORDS, QuoteSearch

CONTINUING_WORDS = 5  # an unattributed quote inside a sentence this long is the speaker going on
# How long a verbless phrase may follow an incise's subject ("au cours de son intervention").
INCISE_ADJUNCT = 8
ADJUNCT_STARTS = ("ADP", "ADV", "DET", "NOUN")  # "au cours de", "lors de", "ce lundi", "mardi soir"
INCISE_WINDOW = 7  # tokens after a closing mark in which the speech verb of an incise must come
CONTINUATION_CHARS = 600  # an unattributed quote this close to a quote continues its speaker's words
JOIN_CHARS = 20  # at most this much (marks, a comma, "et") between two quotes of one list


class DirectQuotes:
    """The quotes that quotation marks delimit, in one article."""

    def __init__(self, search: QuoteSearch) -> None:
        self.search, self.clauses = search, search.clauses
        self.document, self.doc, self.text = self.clauses.document, self.clauses.doc, self.clauses.text
        self.lex, self.marks = self.clauses.lex, self.clauses.marks
        self.used_cues, self.whole_clauses = search.used_cues, search.whole_clauses
        # Sorted offsets for bisection: a lookup per mark stays logarithmic, not a scan of every mark (a
        # quote-dense article has thousands).
        self._opens = [m.open for m in self.marks]  # the marks come in reading order
        self._closes = sorted(m.close for m in self.marks)
        self._paragraph_starts = sorted(p.start for p in self.document.paragraphs)

    def find(self) -> list[Quote]:
        """Every quoted span that is a quote, with its speaker and cue where the text gives them."""
        quotes: list[Quote] = []
        for q in self.marks:
            if self.clauses.skipped(q.start):
                continue
            found = self.listed_after(q, quotes[-1]) if quotes else None
            found = found or self.from_marks(q, quotes[-1].speaker if quotes else None)
            if found is not None:
                if quotes and quotes[-1].cue is None and found.cue is not None and \
                        self._joined(quotes[-1].end, found.start):
                    quotes[-1].speaker, quotes[-1].cue = found.speaker, found.cue  # « A » et « B », a dit X
                quotes.append(found)
        self.fill_unattributed(quotes)
        return quotes

    def listed_after(self, q: Quoted, last: Quote) -> Quote | None:
        """« A », « B » et « C »: quotes listed one after another share the first one's speaker."""
        if not self._joined(last.end, q.open):
            return None
        between = self.text[last.end:q.open]
        if not strip_accents_lower(between).strip(" \"»”«“,") and "," not in between:
            return None  # adjacent marks: nested or broken quoting, not a list
        if last.cue is None and self.incise_after(q, None, peek=True) is not None:
            return None  # '« A » et « B », a répondu X': the list's incise comes last (see ``run``)
        return Quote(q.start, q.end, "direct", last.speaker, last.cue)

    def _listed_before(self, q: Quoted) -> bool:
        """Another quote ends just before this one, joined by a comma or "et"."""
        first = bisect_left(self._closes, q.open - JOIN_CHARS - 1)  # a mark closing earlier is too far
        return any(self._joined(close + 1, q.open) for close in self._closes[first:bisect_left(self._closes, q.open)])

    def _joined(self, end: int, start: int) -> bool:
        """Only marks, a comma or a list joiner ("et") between two quotes."""
        if start - end > JOIN_CHARS:
            return False
        between = self.text[end:start]
        gap = strip_accents_lower(between).strip(" \"»”«“,")
        return "\n" not in between and (not gap or self.lex.has("list_joiner", gap))


    def from_marks(self, q: Quoted, previous: Speaker | None) -> Quote | None:
        inner = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        if inner is None or not len(inner):
            return None
        words = sum(1 for t in inner if t.is_alpha)
        opening = self.clauses.token_at(q.open)
        sentence = opening.sent if opening is not None else inner.sent
        before = self.text[max(sentence.start_char, self._paragraph_start(q.open)):q.open].strip()
        if self._after_title_noun(q.open):
            return None
        incise = self.incise_after(q, previous)
        if not before or before.endswith(":") or before in DASHES or before[-1:] in OPENING_MARKS + ".!?":
            intro = self.intro_before(q, previous) if before.endswith(":") else None
            if incise is None and intro is not None:  # '... a critiqué : « A, a dit son porte-parole, B »'
                intro = self.inner_incise(q, inner, previous) or intro
            attribution = incise or intro
            if attribution is None and (words < 2 or before.endswith(":")):
                return None  # a label, or a heading "Inondations : « ... »"
            speaker, cue = attribution or self.sentence_incise(q, sentence, previous) or \
                self.inner_incise(q, inner, previous) or (None, None)
            return Quote(q.start, q.end, "direct", speaker, cue)
        if incise is not None and self._sentence_like(q, inner) and self._listed_before(q):
            return Quote(q.start, q.end, "direct", *incise)  # '« A » et « B », a répondu X': B is direct too
        if incise is None:
            before_incise = self.incise_before(q, sentence, previous)
            if before_incise is not None:  # "Mais, constate l'ancien ministre, « ... »"
                return Quote(q.start, q.end, "direct", *before_incise)
        attribution = incise or self.attribution_before(q, sentence, previous) or \
            self.incise_before(q, sentence, previous, adjacent=False) or self.governing(inner, previous) or \
            self.que_before(q, sentence, previous)
        if attribution is None and words >= CONTINUING_WORDS:
            attribution = self.inner_incise(q, inner, previous)
        if attribution is None:
            if words >= CONTINUING_WORDS:  # 'Mais "les comparaisons ... sont inacceptables"': the speaker goes on
                return Quote(q.start, q.end, "direct", None, None)
            return None
        if self._sentence_like(q, inner) and attribution[1] is not None and attribution[1][2].pos == "ADP":
            return Quote(q.start, q.end, "direct", *attribution)
        speaker, cue = attribution
        if words >= MIN_FRAGMENT_WORDS:
            clause = self.reported_clause_around(inner, cue) if self.whole_clauses and speaker else None
            if clause is not None and clause[0] <= q.open and q.close <= clause[1]:
                return Quote(clause[0], clause[1], "mixed", speaker, cue, scope="speech")
            return Quote(q.start, q.end, "mixed", speaker, cue)
        clause = self.reported_clause_around(inner, cue)
        if clause is None or self.search.holds_long_fragment(*clause):
            return None
        return Quote(clause[0], clause[1], "mixed", speaker, cue)

    def incise_before(self, q: Quoted, sentence: Any, previous: Speaker | None, *, adjacent: bool = True
                      ) -> tuple[Speaker | None, Any] | None:
        """"Mais, constate l'ancien ministre, « ... »" / "Car, comme le souligne X, « ... »": an incise
        (verb, then its subject) that ends just before the opening mark; with ``adjacent`` False, one
        anywhere before it in the sentence, closed by a comma ("X, expliquait-il, lui avait mis « ... »")."""
        for tok in self.doc[sentence.start:sentence.end]:
            if tok.idx >= q.open:
                break
            if tok.i in self.used_cues or (self.clauses.comma_before(tok) is None and not self._as_clause(tok)):
                continue
            cue = self.lex.verb(tok, any_pos=self.doc[tok.i - 1].text == ",")
            found = self.clauses.subject(tok, inverted=True) if cue is not None else None
            if cue is None or found is None or found[0] <= tok.i:
                continue
            gap = self.text[self.doc[found[1] - 1].idx + len(self.doc[found[1] - 1].text):q.open].strip()
            if gap in (",", ":") or (not adjacent and gap.startswith(",")):
                if adjacent:  # a distant incise still introduces its own clause (the indirect quote)
                    self.used_cues.add(tok.i)
                return self.clauses.speaker(*found, before=tok.idx, previous=previous), cue_ref(tok, cue)
        return None

    def attribution_before(self, q: Quoted, sentence: Any, previous: Speaker | None
                           ) -> tuple[Speaker | None, Any] | None:
        """Selon lui, « ... » / Pour Manuel Valls, « ... »"""
        for tok in self.doc[sentence.start:sentence.end]:
            if tok.idx >= q.open:
                break
            found = self.clauses.attribution(tok, previous)
            if found is not None:
                return found
        return None

    def _sentence_like(self, q: Quoted, inner: Any) -> bool:
        return self.text[q.start:q.start + 1].isupper() or sum(1 for t in inner if t.is_alpha) >= CONTINUING_WORDS

    def _paragraph_start(self, offset: int) -> int:
        i = bisect_right(self._paragraph_starts, offset)
        return self._paragraph_starts[i - 1] if i else 0

    def _after_title_noun(self, open_offset: int) -> bool:
        """« Barkhane » after "l'opération", a film's title after "le film": names, not speech."""
        tok = self.clauses.token_at(open_offset)
        if tok is None:
            return False
        for prev in reversed(self.doc[max(0, tok.i - 3):tok.i]):
            if prev.pos_ in ("DET", "ADJ", "PUNCT"):
                continue
            return self.lex.has("title_noun", prev.text) or self.lex.has("title_noun", prev.lemma_)
        return False

    def sentence_incise(self, q: Quoted, sentence: Any, previous: Speaker | None
                        ) -> tuple[Speaker | None, Any] | None:
        """For a quote without its own clause: the incise after the last quote of the same sentence."""
        last = self._last_mark_before(q, sentence.end_char)
        return self.incise_after(last, previous, peek=True) if last is not None else None

    def _last_mark_before(self, q: Quoted, end: int) -> Quoted | None:
        """The last mark that opens after ``q`` and before ``end``."""
        last = bisect_left(self._opens, end) - 1
        return self.marks[last] if last >= 0 and self.marks[last].open > q.open else None

    def inner_incise(self, q: Quoted, inner: Any, previous: Speaker | None) -> tuple[Speaker | None, Any] | None:
        """« Nous sommes prêts, affirme-t-il, à négocier »: an incise left inside the marks, closed by a
        comma, a full stop or the end of the quote."""
        for t in inner:
            comma = self.clauses.comma_before(t)
            if comma is None or comma < q.start or t.i in self.used_cues:
                continue
            cue = self.lex.verb(t, any_pos=self.doc[t.i - 1].text == ",")
            if cue is None:
                continue
            found = self.clauses.subject(t, inverted=True, quoted=True)
            if found is None or not (found[0] > t.i or self.doc[found[0]].text.startswith("-")):
                continue
            after = self._past_adjunct(max(t.i, found[1] - 1) + 1, q.end)
            if after >= len(self.doc) or self.doc[after].idx >= q.end or \
                    self.doc[after].text in (",", ".", "!", "?", ";", ":", "(", ")"):
                self.used_cues.add(t.i)
                return self.clauses.speaker(*found, before=t.idx, previous=previous), cue_ref(t, cue)
        return None

    def _past_adjunct(self, i: int, end: int) -> int:
        """"a déclaré Emmanuel Macron au cours de son intervention.": the index after a verbless phrase
        that follows the incise's subject (or ``i`` when none does)."""
        if i >= len(self.doc) or self.doc[i].pos_ not in ADJUNCT_STARTS:
            return i
        for j in range(i, min(i + INCISE_ADJUNCT, len(self.doc))):
            tok = self.doc[j]
            if tok.idx >= end or tok.text in (",", ".", "!", "?", ";"):
                return j
            if (tok.pos_ in ("VERB", "AUX") and "Inf" not in tok.morph.get("VerbForm")) or tok.text in OPENING_MARKS:
                return i  # a finite verb: a new clause ("en train de changer" is still the adjunct)
        return i

    def incise_after(self, q: Quoted, previous: Speaker | None, *, peek: bool = False
                     ) -> tuple[Speaker | None, Any] | None:
        """« ... », a souligné Mme Nuland / « ... », a-t-elle précisé / « ... », selon M. Larrivé.
        ``peek``: look without claiming the cue (it still belongs to the quote it follows)."""
        tok = self.clauses.token_at(q.outer_end) if q.outer_end < len(self.text) else None
        if tok is None:
            return None
        i, saw_comma = tok.i, False
        while i < len(self.doc) and self.doc[i].is_punct and self.doc[i].text not in OPENING_MARKS + ".":
            saw_comma = saw_comma or self.doc[i].text in (",", "!", "?", "…")
            i += 1
        if not saw_comma and not self.text[q.end:q.outer_end + 1].rstrip().endswith((",", "!", "?")):
            # "…", le 8 décembre: the comma may sit inside the marks
            if not (q.end > 0 and self.text[q.end - 1] in ",!?…") and not self._bare_incise(i):
                return None
        if i < len(self.doc) and self.doc[i].pos_ == "CCONJ":
            return None  # '« ... », et a demandé sa libération': a coordinated clause, not an incise
        for j in range(i, min(i + INCISE_WINDOW, len(self.doc))):
            t = self.doc[j]
            if t.text in OPENING_MARKS or t.text in (".", ";", ":"):
                return None
            # Right after the comma, or after an auxiliary (which the tagger may call X: "a tweeté")
            after_aux = j == i + 1 and (self.doc[i].pos_ == "AUX" or self.lex.has("auxiliary", self.doc[i].lemma_))
            cue = self.lex.verb(t, any_pos=j == i or after_aux)
            if cue is not None and not self.lex.has("as_conjunction", self.doc[i].text) and \
                    any(self.clauses.subject_before(self.doc[k], j) for k in range(i, j)):  # "comme on dit" is one
                return None  # '« ... », il annonce une loi': a main clause with its subject first, no incise
            if cue is not None and j not in self.used_cues:
                infinitive = "Inf" in t.morph.get("VerbForm") and not after_aux and \
                    t.lower_.endswith(self.lex.endings("infinitive_ending"))  # "avait hurlé" is tagged Inf too
                if infinitive and not self.lex.has("modal", t.head.lemma_):
                    return None  # '« ... », sans préciser la nature': no incise (but "si l'on peut dire")
                if not peek:
                    self.used_cues.add(j)
                return self.clauses.speaker_of(t, previous, inverted=True), cue_ref(t, cue)
            attribution = self.clauses.attribution(t, previous)
            if attribution is not None:
                return attribution
        return None

    def _bare_incise(self, i: int) -> bool:
        """'« ... » explique le directeur': an incise whose comma was left out, a speech verb right after the
        closing mark with its subject after it."""
        if i >= len(self.doc) or self.doc[i].pos_ not in ("VERB", "NOUN"):
            return False
        verb = self.doc[i]
        found = self.clauses.subject(verb, inverted=True) if self.lex.verb(verb, any_pos=True) is not None else None
        return found is not None and (found[0] > verb.i or self.doc[found[0]].text.startswith("-"))

    def intro_before(self, q: Quoted, previous: Speaker | None) -> tuple[Speaker | None, Any] | None:
        """X a déclaré : « ... » / Marie-Laure, enseignante : « ... »"""
        colon = self.text.rfind(":", 0, q.open)
        tok = self.clauses.token_at(colon)
        if tok is None:
            return None
        start = tok.sent.start
        clause = self.doc[start:tok.i]
        verbs = [t for t in clause if t.pos_ == "VERB"]
        speech = [t for t in verbs if self.lex.verb(t)]
        verb = (speech or verbs or [None])[-1]
        if verb is not None:
            self.used_cues.add(verb.i)
            cue = self.lex.verb(verb)
            speaker = self.clauses.speaker_of(verb, previous)
            if speaker is None and cue is not None and self._as_clause(verb):  # "Comme l'a déclaré X :"
                speaker = self.clauses.speaker_of(verb, previous, inverted=True)
            return speaker, cue_ref(verb, cue) if cue else None
        for ent in clause.ents:
            if ent.label_ in ("PER", "ORG"):
                return self.clauses.speaker(ent.start, ent.end, before=ent.start_char, previous=previous), None
        return None

    def que_before(self, q: Quoted, sentence: Any, previous: Speaker | None) -> tuple[Speaker | None, Any] | None:
        """"En rappelant, lundi, que « ... »": the speech verb whose "que" opens the quote, when the parse
        hangs the quoted clause elsewhere."""
        opening = self.clauses.token_at(q.open)
        if opening is None or opening.i - 1 <= sentence.start or \
                not self.lex.has("complementizer", self.doc[opening.i - 1].text):
            return None
        for tok in reversed(self.doc[max(sentence.start, opening.i - 1 - LONG_QUE_WINDOW):opening.i - 1]):
            cue = self.lex.verb(tok)
            if cue is not None and tok.i not in self.used_cues:
                self.used_cues.add(tok.i)
                return self.clauses.speaker_of(tok, previous), cue_ref(tok, cue)
            if "Fin" in tok.morph.get("VerbForm") or tok.text in OPENING_MARKS + CLOSING_MARKS:
                return None
        return None

    def _as_clause(self, verb: Any) -> bool:
        """"comme l'a déclaré", "comme le rappelle": the verb's subject follows it."""
        first = min([verb.i, *(c.i for c in verb.children if c.dep_.startswith("aux"))])
        return first >= 2 and self.lex.has("neuter_object", self.doc[first - 1].text) and \
            self.lex.has("as_conjunction", self.doc[first - 2].text)

    def governing(self, inner: Any, previous: Speaker | None) -> tuple[Speaker | None, Any] | None:
        """The speech verb whose clause holds a quoted fragment: "a dénoncé un geste « contraire à ... »".
        A quote over several sentences hangs from the clause of its first one."""
        tok = self.doc[inner.start:min(inner.end, inner[0].sent.end)].root
        for _ in range(5):
            if tok.head == tok:
                break
            tok = tok.head
            cue = self.lex.verb(tok)
            if cue is not None:
                self.used_cues.add(tok.i)
                return self.clauses.speaker_of(tok, previous), cue_ref(tok, cue)
        return None

    def reported_clause_around(self, inner: Any, cue: Any) -> tuple[int, int] | None:
        """For a short scare-quoted word: the whole reported clause it sits in."""
        sentence = inner.sent
        if cue is None:
            return None
        if cue[0] > inner.end_char:  # "Ce projet est « irresponsable », a estimé X": up to the incise
            comma = self.text.rfind(",", inner.end_char, cue[0])
            if comma < 0:
                return None
            return self.clauses.trim(self.clauses.clause_start(sentence, inner.start_char), comma)
        que = self.clauses.que_after(self.clauses.token_at(cue[0]))
        if que is None or que > inner.start_char:
            return None  # "se faisait appeler « Vanguard »": a name, not reported words
        return self.clauses.trim(que, self.clauses.clause_end(que, sentence))

    def fill_unattributed(self, quotes: list[Quote]) -> None:
        """A quote with no clause of its own continues the previous speaker's words (or, at the start of a
        run of quotes, anticipates the next one's)."""
        for i, q in enumerate(quotes):
            if q.speaker is not None:
                continue
            before = [x for x in reversed(quotes[max(0, i - 2):i])
                      if x.speaker and q.start - x.end < CONTINUATION_CHARS]
            after = [x for x in quotes[i + 1:i + 3] if x.speaker and x.start - q.end < CONTINUATION_CHARS]
            near = before + after
            if near:
                q.speaker = near[0].speaker
