"""Find reported speech in a parsed article: direct, mixed and indirect quotes with their speech cue.

Direct and mixed quotes start from the quotation marks (``marks.py``) and look for their attribution: an
incise after them (« ... », a souligné Mme Nuland), an introducing clause before a colon, or the speech verb
whose clause they sit in (il a dénoncé un geste « contraire à l'esprit sportif »). Indirect quotes start
from a speech cue: a que-clause or infinitive after a speech verb, a clause before an incise ("..., a
indiqué X"), or an attribution ("selon X", "d'après X").
"""

from __future__ import annotations

from typing import Any

from ..actor_dictionary import fold
from ..document import Document
from .lexicon import Cue, QuoteLexicon, load
from .marks import Quoted, quoted_spans
from .model import SCOPES, Quote
from .speakers import Speaker, Speakers, is_role
from .subjects import CLOSING_MARKS, DASHES, OPENING_MARKS, Subjects, non_finite, pronominal

MIN_FRAGMENT_WORDS = 3  # guidelines: a shorter quoted fragment makes the whole reported clause the quote
MIN_CLAUSE_WORDS = 3  # an attributed clause shorter than this is not reported speech
CONTINUING_WORDS = 5  # an unattributed quote inside a sentence this long is the speaker going on
# How long a verbless phrase may follow an incise's subject ("au cours de son intervention").
INCISE_ADJUNCT = 8
ADJUNCT_STARTS = ("ADP", "ADV", "DET", "NOUN")  # "au cours de", "lors de", "ce lundi", "mardi soir"
INCISE_WINDOW = 7  # tokens after a closing mark in which the speech verb of an incise must come
QUE_WINDOW = 10  # tokens from a speech verb to its "que"
LONG_QUE_WINDOW = 16  # how far a "que" the parse hangs on the speech verb may be
CONTINUATION_CHARS = 600  # an unattributed quote this close to a quote continues its speaker's words
SENTENCE_ENDS = (".", "!", "?", "…")
INCISE_OPENERS = (",", "?", "!")


def find_quotes(document: Document, spacy_doc: Any, lang: str, scope: str = "quotes") -> list[Quote]:
    """``scope`` "quotes": quotes as the guidelines count them; "speech": every speech act (``speech_acts.py``)."""
    if scope not in SCOPES:
        raise ValueError(f"quote scope must be one of {', '.join(SCOPES)}, not {scope!r}")
    finder = _Finder(document, spacy_doc, lang, whole_clauses=scope == "speech")
    quotes = finder.run()
    if scope == "speech":
        from .speech_acts import with_speech_acts  # it builds on the finder

        quotes = with_speech_acts(finder, quotes)
    return quotes


def clause_parser(document: Document, spacy_doc: Any, lang: str) -> _Finder:
    """The finder's subject and speaker resolution, for the stages after this one: an event's actor is
    found as a speech verb's speaker is (pronouns, "la numéro deux du département d'État", ...)."""
    return _Finder(document, spacy_doc, lang)


class _Finder(Subjects):
    def __init__(self, document: Document, doc: Any, lang: str, *, whole_clauses: bool = False) -> None:
        self.document, self.doc, self.text, self.lang = document, doc, document.text, lang
        # speech scope: a quoted fragment inside reported speech gives the whole reported clause, and a
        # verbless clause before an incise ("Oui, répond X") is reported speech too
        self.whole_clauses = whole_clauses
        self.lex: QuoteLexicon = load(lang)
        self.speakers = Speakers(document, doc, self.lex, lang)
        self.used_cues: set[int] = set()
        self.skip_ranges = [(p.start, p.end) for p in document.paragraphs
                            if p.repeat_of is not None or p.kind == "credit"]
        self.time_tokens = {i for t in document.timexes for i in range(t.start, t.end)}
        self.marks: list[Quoted] = []

    # -- helpers --------------------------------------------------------------------------------------------

    def token_at(self, char: int) -> Any:
        """The token at (or, from a space, the first token after) character offset ``char``."""
        while char < len(self.text) and self.text[char].isspace():
            char += 1
        if char >= len(self.text):
            return None
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def skipped(self, start: int) -> bool:
        return any(s <= start < e for s, e in self.skip_ranges)

    def _clause_speaker(self, verb: Any, previous: Speaker | None, clause_start: int) -> Speaker | None:
        """The speaker of a clause the verb introduces: its subject, or in an incise the subject after it and
        before the clause ("Il est fréquent, notent les responsables, que ...")."""
        speaker = self.speaker_of(verb, previous)
        if speaker is None and self._comma_before(verb) is not None and not non_finite(verb, self.lex):
            found = self.subject(verb, inverted=True)  # closed by a comma, as an incise is
            if found is not None and self.doc[found[1] - 1].idx < clause_start and \
                    self.doc[found[1] - 1].right_edge.i + 1 < len(self.doc) and \
                    self.doc[self.doc[found[1] - 1].right_edge.i + 1].text == ",":
                speaker = self.speaker_of(verb, previous, inverted=True)
        return speaker

    def cue_ref(self, token: Any, cue: Cue) -> tuple[int, int, Cue]:
        return token.idx, token.idx + len(token.text), cue

    # -- direct and mixed -----------------------------------------------------------------------------------

    def run(self) -> list[Quote]:
        quotes: list[Quote] = []
        paragraphs = [(p.start, p.end) for p in self.document.paragraphs if p.kind == "body"] or \
            [(0, len(self.text))]
        self.marks = quoted_spans(self.text, paragraphs)
        self.speakers.quoted = [(q.start, q.end) for q in self.marks]
        for q in self.marks:
            if self.skipped(q.start):
                continue
            found = self.listed_after(q, quotes[-1]) if quotes else None
            found = found or self.from_marks(q, quotes[-1].speaker if quotes else None)
            if found is not None:
                if quotes and quotes[-1].cue is None and found.cue is not None and \
                        self._joined(quotes[-1].end, found.start):
                    quotes[-1].speaker, quotes[-1].cue = found.speaker, found.cue  # « A » et « B », a dit X
                quotes.append(found)
        self.fill_unattributed(quotes)
        indirect = self.indirect(quotes)
        # An unclosed mark with no clause of its own, over a sentence that has one: a stray mark, not a quote.
        unclosed = {m.start for m in self.marks if not m.closed}
        stray = [q for q in quotes if q.start in unclosed and q.cue is None
                 and any(q.start <= i.start and i.end <= q.end for i in indirect)]
        quotes = [q for q in quotes if q not in stray] + indirect
        return sorted(quotes, key=lambda x: x.start)

    def listed_after(self, q: Quoted, last: Quote) -> Quote | None:
        """« A », « B » et « C »: quotes listed one after another share the first one's speaker."""
        between = self.text[last.end:q.open]
        if not self._joined(last.end, q.open):
            return None
        if not fold(between).strip(" \"»”«“,") and "," not in between:
            return None  # adjacent marks: nested or broken quoting, not a list
        if last.cue is None and self.incise_after(q, None, peek=True) is not None:
            return None  # '« A » et « B », a répondu X': the list's incise comes last (see ``run``)
        return Quote(q.start, q.end, "direct", last.speaker, last.cue)

    def _listed_before(self, q: Quoted) -> bool:
        """Another quote ends just before this one, joined by a comma or "et"."""
        return any(m.close < q.open and self._joined(m.close + 1, q.open) for m in self.marks)

    def _joined(self, end: int, start: int) -> bool:
        """Only marks, a comma or a list joiner ("et") between two quotes."""
        between = self.text[end:start]
        gap = fold(between).strip(" \"»”«“,")
        return len(between) <= 20 and "\n" not in between and (not gap or self.lex.has("list_joiner", gap))


    def from_marks(self, q: Quoted, previous: Speaker | None) -> Quote | None:
        inner = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        if inner is None or not len(inner):
            return None
        words = sum(1 for t in inner if t.is_alpha)
        opening = self.token_at(q.open)
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
        if clause is None or self._holds_long_fragment(*clause):
            return None
        return Quote(clause[0], clause[1], "mixed", speaker, cue)

    def _holds_long_fragment(self, start: int, end: int) -> bool:
        """Whether a clause quotes three words or more somewhere: that fragment is then the quote."""
        for q in quoted_spans(self.text, [(start, end)]):
            if len(self.text[q.start:q.end].split()) >= MIN_FRAGMENT_WORDS:
                return True
        return False

    def incise_before(self, q: Quoted, sentence: Any, previous: Speaker | None, *, adjacent: bool = True
                      ) -> tuple[Speaker | None, Any] | None:
        """"Mais, constate l'ancien ministre, « ... »" / "Car, comme le souligne X, « ... »": an incise
        (verb, then its subject) that ends just before the opening mark; with ``adjacent`` False, one
        anywhere before it in the sentence, closed by a comma ("X, expliquait-il, lui avait mis « ... »")."""
        for tok in self.doc[sentence.start:sentence.end]:
            if tok.idx >= q.open:
                break
            if tok.i in self.used_cues or (self._comma_before(tok) is None and not self._as_clause(tok)):
                continue
            cue = self.lex.verb(tok, any_pos=self.doc[tok.i - 1].text == ",")
            found = self.subject(tok, inverted=True) if cue is not None else None
            if cue is None or found is None or found[0] <= tok.i:
                continue
            gap = self.text[self.doc[found[1] - 1].idx + len(self.doc[found[1] - 1].text):q.open].strip()
            if gap in (",", ":") or (not adjacent and gap.startswith(",")):
                if adjacent:  # a distant incise still introduces its own clause (the indirect quote)
                    self.used_cues.add(tok.i)
                return self.speakers.speaker(*found, before=tok.idx, previous=previous), self.cue_ref(tok, cue)
        return None

    def attribution_before(self, q: Quoted, sentence: Any, previous: Speaker | None
                           ) -> tuple[Speaker | None, Any] | None:
        """Selon lui, « ... » / Pour Manuel Valls, « ... »"""
        for tok in self.doc[sentence.start:sentence.end]:
            if tok.idx >= q.open:
                break
            found = self._attributed(tok, previous)
            if found is not None:
                return found
        return None

    def _attributed(self, tok: Any, previous: Speaker | None,
                    found: tuple[Cue, tuple[int, int]] | None = None) -> tuple[Speaker, Any] | None:
        """Speaker and cue of an attribution ("selon lui", "d'après la police") starting at ``tok``
        (``found``: its match, when the caller already has it)."""
        if found is None:
            found = self._attribution_at(tok) if self._may_attribute(tok) else None
        if found is None:
            return None
        cue, speaker_span = found
        speaker = self.speakers.speaker(*speaker_span, before=tok.idx, previous=previous, stressed=True)
        return speaker, (tok.idx, tok.idx + len(cue.lemma), cue)

    def _sentence_like(self, q: Quoted, inner: Any) -> bool:
        return self.text[q.start:q.start + 1].isupper() or sum(1 for t in inner if t.is_alpha) >= CONTINUING_WORDS

    def _paragraph_start(self, offset: int) -> int:
        return max((p.start for p in self.document.paragraphs if p.start <= offset), default=0)

    def _after_title_noun(self, open_offset: int) -> bool:
        """« Barkhane » after "l'opération", a film's title after "le film": names, not speech."""
        tok = self.token_at(open_offset)
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
        later = [m for m in self.marks if q.open < m.open < sentence.end_char]
        return self.incise_after(later[-1], previous, peek=True) if later else None

    def inner_incise(self, q: Quoted, inner: Any, previous: Speaker | None) -> tuple[Speaker | None, Any] | None:
        """« Nous sommes prêts, affirme-t-il, à négocier »: an incise left inside the marks, closed by a
        comma, a full stop or the end of the quote."""
        for t in inner:
            comma = self._comma_before(t)
            if comma is None or comma < q.start or t.i in self.used_cues:
                continue
            cue = self.lex.verb(t, any_pos=self.doc[t.i - 1].text == ",")
            if cue is None:
                continue
            found = self.subject(t, inverted=True, quoted=True)
            if found is None or not (found[0] > t.i or self.doc[found[0]].text.startswith("-")):
                continue
            after = self._past_adjunct(max(t.i, found[1] - 1) + 1, q.end)
            if after >= len(self.doc) or self.doc[after].idx >= q.end or \
                    self.doc[after].text in (",", ".", "!", "?", ";", ":", "(", ")"):
                self.used_cues.add(t.i)
                return self.speakers.speaker(*found, before=t.idx, previous=previous), self.cue_ref(t, cue)
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
        tok = self.token_at(q.outer_end) if q.outer_end < len(self.text) else None
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
                    any(self._subject_before(self.doc[k], j) for k in range(i, j)):  # "comme on dit" is one
                return None  # '« ... », il annonce une loi': a main clause with its subject first, no incise
            if cue is not None and j not in self.used_cues:
                infinitive = "Inf" in t.morph.get("VerbForm") and not after_aux and \
                    t.lower_.endswith(self.lex.endings("infinitive_ending"))  # "avait hurlé" is tagged Inf too
                if infinitive and not self.lex.has("modal", t.head.lemma_):
                    return None  # '« ... », sans préciser la nature': no incise (but "si l'on peut dire")
                if not peek:
                    self.used_cues.add(j)
                return self.speaker_of(t, previous, inverted=True), self.cue_ref(t, cue)
            attribution = self._attributed(t, previous)
            if attribution is not None:
                return attribution
        return None

    def _bare_incise(self, i: int) -> bool:
        """'« ... » explique le directeur': an incise whose comma was left out, a speech verb right after the
        closing mark with its subject after it."""
        if i >= len(self.doc) or self.doc[i].pos_ not in ("VERB", "NOUN"):
            return False
        verb = self.doc[i]
        found = self.subject(verb, inverted=True) if self.lex.verb(verb, any_pos=True) is not None else None
        return found is not None and (found[0] > verb.i or self.doc[found[0]].text.startswith("-"))

    def intro_before(self, q: Quoted, previous: Speaker | None) -> tuple[Speaker | None, Any] | None:
        """X a déclaré : « ... » / Marie-Laure, enseignante : « ... »"""
        colon = self.text.rfind(":", 0, q.open)
        tok = self.token_at(colon)
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
            speaker = self.speaker_of(verb, previous)
            if speaker is None and cue is not None and self._as_clause(verb):  # "Comme l'a déclaré X :"
                speaker = self.speaker_of(verb, previous, inverted=True)
            return speaker, self.cue_ref(verb, cue) if cue else None
        for ent in clause.ents:
            if ent.label_ in ("PER", "ORG"):
                return self.speakers.speaker(ent.start, ent.end, before=ent.start_char, previous=previous), None
        return None

    def que_before(self, q: Quoted, sentence: Any, previous: Speaker | None) -> tuple[Speaker | None, Any] | None:
        """"En rappelant, lundi, que « ... »": the speech verb whose "que" opens the quote, when the parse
        hangs the quoted clause elsewhere."""
        opening = self.token_at(q.open)
        if opening is None or opening.i - 1 <= sentence.start or \
                not self.lex.has("complementizer", self.doc[opening.i - 1].text):
            return None
        for tok in reversed(self.doc[max(sentence.start, opening.i - 1 - LONG_QUE_WINDOW):opening.i - 1]):
            cue = self.lex.verb(tok)
            if cue is not None and tok.i not in self.used_cues:
                self.used_cues.add(tok.i)
                return self.speaker_of(tok, previous), self.cue_ref(tok, cue)
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
                return self.speaker_of(tok, previous), self.cue_ref(tok, cue)
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
            return self._trim(self._clause_start(sentence, inner.start_char), comma)
        que = self._que_after(self.token_at(cue[0]))
        if que is None or que > inner.start_char:
            return None  # "se faisait appeler « Vanguard »": a name, not reported words
        return self._trim(que, self._clause_end(que, sentence))

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

    # -- indirect -------------------------------------------------------------------------------------------

    def indirect(self, existing: list[Quote]) -> list[Quote]:
        found: list[Quote] = []
        unclosed = {m.start for m in self.marks if not m.closed}
        taken = [(q.start, q.end) for q in existing if q.start not in unclosed or q.cue is not None]
        previous = existing[-1].speaker if existing else None
        for sentence in self.doc.sents:
            if self.skipped(sentence.start_char):
                continue
            # Only cue words are candidates; incises first: in "A souhaite que B, a indiqué C" the quote is C's.
            candidates = [t for t in sentence if self.lex.verb(t) is not None or self._may_attribute(t)]
            for tok in sorted(candidates, key=lambda t: self._comma_before(t, sentence.start) is None):
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
                if self._holds_long_fragment(quote.start, quote.end):
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
        que = self._que_after(verb)
        if que is not None and cue.frame != "inverted":
            span = self._trim(que, self._clause_end(que, sentence))
            if span and self._words(*span) >= MIN_CLAUSE_WORDS:
                self.used_cues.add(verb.i)
                return Quote(span[0], span[1], "indirect", self._clause_speaker(verb, previous, span[0]),
                             self.cue_ref(verb, cue))
        colon = self._colon_after(verb) if cue.frame in ("que", "inverted") and self._says_something(verb) else None
        if colon is not None:
            span = self._trim(colon, self._clause_end(colon, sentence))
            if span and self._words(*span) >= MIN_CLAUSE_WORDS and self._has_finite_verb(*span) and \
                    self.text[span[0]] not in OPENING_MARKS:
                self.used_cues.add(verb.i)
                return Quote(span[0], span[1], "indirect", self._clause_speaker(verb, previous, span[0]),
                             self.cue_ref(verb, cue))
        question = self._question_after(verb) if cue.frame in ("que", "de") else None
        if question is not None:
            span = self._trim(question, self._clause_end(question, sentence))
            if span and self._words(*span) >= MIN_CLAUSE_WORDS and self._has_finite_verb(*span):
                self.used_cues.add(verb.i)
                return Quote(span[0], span[1], "indirect", self._clause_speaker(verb, previous, span[0]),
                             self.cue_ref(verb, cue))
        infinitive = self._infinitive_after(verb)
        if infinitive is not None and cue.frame == "que":
            span = self._trim(infinitive, self._clause_end(infinitive, sentence))
            if span and self._words(*span) >= MIN_CLAUSE_WORDS:
                self.used_cues.add(verb.i)
                return Quote(span[0], span[1], "indirect", self._clause_speaker(verb, previous, span[0]),
                             self.cue_ref(verb, cue))
        comma = self._comma_before(verb, sentence.start)
        found = self.subject(verb, inverted=True) if not non_finite(verb, self.lex) else None
        if comma is not None and found is not None and \
                (found[0] > verb.i or self.doc[found[0]].text.startswith("-")):  # an incise: subject after
            start = self._clause_start(sentence, comma)
            span = self._around_incise(start, verb, found, sentence)  # the clause goes on after the incise
            if span is None:
                span = self._trim(start, comma)
                speaker = self.speaker_of(verb, previous, inverted=True)
                if span and self.whole_clauses and speaker and found[0] > verb.i and \
                        not self._has_finite_verb(*span, main_only=True) and not self._holds_subject_of(verb, span):
                    self.used_cues.add(verb.i)  # "Oui, répond X", "Une région atypique, rétorqueront-ils"
                    return Quote(span[0], span[1], "indirect", speaker, self.cue_ref(verb, cue), scope="speech")
                if not (span and self._words(*span) >= MIN_CLAUSE_WORDS and
                        self._has_finite_verb(*span, main_only=True)):
                    span = None  # "Le royaume, qui compte ..., observe un pic": a subject awaiting its verb
            if span is not None:
                self.used_cues.add(verb.i)
                speaker = self.speaker_of(verb, previous, inverted=True)
                return Quote(span[0], span[1], "indirect", speaker, self.cue_ref(verb, cue))
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
        found = (conj.i + 1, first - 1) if conj.i + 1 < first - 1 else self.subject(verb, inverted=True)
        if found is None:
            return None
        last = max(verb.i, found[1] - 1)
        before = self._trim(self._clause_start(sentence, conj.idx), conj.idx)
        after = None
        comma = next((t for t in self.doc[last + 1:min(last + INCISE_WINDOW, sentence.end)] if t.text == ","), None)
        if comma is not None:  # "comme le note X dans son rapport, CLAUSE"
            after = self._trim(comma.idx + 1, self._clause_end(comma.idx + 1, sentence))
        parts = [p for p in (before, after) if p is not None]
        if not parts or sum(self._words(*p) for p in parts) < MIN_CLAUSE_WORDS or \
                not any(self._has_finite_verb(*p) for p in parts):
            return None
        self.used_cues.add(verb.i)
        speaker = self.speakers.speaker(*found, before=verb.idx, previous=previous)
        return Quote(parts[0][0], parts[-1][1], "indirect", speaker, self.cue_ref(verb, cue))

    def _around_incise(self, start: int, verb: Any, subject: tuple[int, int], sentence: Any
                       ) -> tuple[int, int] | None:
        """A clause cut by its incise ("A une époque, ajoute-t-il, elle n'entrait pas ..."): the whole
        clause, incise included, when the words after the incise hold the reported clause's verb."""
        last = max(self._cue_end(verb), subject[1] - 1)
        if subject[0] == self._cue_end(verb) + 1:  # right after the verb, with a participle of its own
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
        end = self._clause_end(after, sentence)
        rest = self._trim(after, end)
        if rest is None or self._words(*rest) < MIN_CLAUSE_WORDS or not self._has_finite_verb(*rest):
            return None
        first_word = self.text[rest[0]:rest[1]].split()[0]
        if self.lex.has("relative_pronoun", first_word) or self.lex.has("list_joiner", first_word):
            return None  # ", déclare le rapport, qui ajoute que ...": the speaker goes on, the clause ended
        return self._trim(start, end)

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
        found = self._attribution_at(tok) if self._may_attribute(tok) else None
        attributed = self._attributed(tok, previous, found) if found is not None else None
        if found is None or attributed is None:
            return None
        s_end = found[1][1]
        speaker, cue_ref = attributed
        first_word = next((t for t in sentence if not t.is_punct), None)
        after = self.doc[s_end] if s_end < len(self.doc) else None
        if first_word is not None and first_word.i == tok.i and after is not None and after.text == ",":
            span = self._trim(after.idx + 1, sentence.end_char)
        else:
            comma = self._comma_before(tok)
            if comma is None:
                return None
            span = self._trim(self._clause_start(sentence, comma), comma)
        if not span or self._words(*span) < MIN_CLAUSE_WORDS:
            return None
        return Quote(span[0], span[1], "indirect", speaker, cue_ref)

    def _attribution_at(self, tok: Any) -> tuple[Cue, tuple[int, int]] | None:
        """An attribution ("selon", "d'après") starting at ``tok``, with the token range of its source."""
        if tok.pos_ not in ("ADP", "VERB", "ADV", "NOUN") and not tok.text[:1].isalpha():
            return None
        rest = fold(self.text[tok.idx:tok.idx + 30])
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

    # -- clause boundaries ----------------------------------------------------------------------------------

    def _cue_end(self, verb: Any) -> int:
        """Index of the last token of the cue starting at ``verb``: "fait(-elle) savoir" ends at "savoir"."""
        cue = self.lex.verb(verb, any_pos=True)
        rest = cue.lemma.split()[1:] if cue is not None else []
        end = verb.i
        for t in self.doc[verb.i + 1:min(verb.i + 3 + len(rest), verb.sent.end)]:
            if t.text.startswith("-") or fold(t.lemma_) in rest or fold(t.text) in rest:
                end = t.i
            else:
                break
        return end

    def _que_after(self, verb: Any) -> int | None:
        """Offset of the first word after the "que" that opens the verb's reported clause: within QUE_WINDOW
        tokens, or further when the parse hangs that clause on the verb ("a annoncé au comité d'entreprise,
        réuni le 6 janvier, qu'il ouvrait"). A time expression between is skipped whole ("nous déclarait il y
        a des mois que": its "a" is no verb of a clause)."""
        if verb is None:
            return None
        first = self._cue_end(verb) + 1
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

    def _says_something(self, verb: Any) -> bool:
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

    def _colon_after(self, verb: Any) -> int | None:
        """Offset after a colon that follows the verb with at most an adverbial between ("l'ont souligné :
        la seule lueur d'espoir ...", "m'a affirmé, au contraire : ..."): what it says follows."""
        first = self._cue_end(verb) + 1
        for t in self.doc[first:min(first + 5, verb.sent.end)]:
            if t.text == ":":
                return t.idx + 1
            if t.pos_ not in ("ADV", "ADP", "DET", "PUNCT") and not (t.pos_ == "NOUN" and t.dep_ == "fixed"):
                return None
        return None

    def _question_after(self, verb: Any) -> int | None:
        """Offset of an indirect question right after the verb ("n'a pas précisé avec quels partenaires il
        entendait", "pour indiquer s'il plaide coupable"): its interrogative word, after a preposition."""
        if not self._says_something(verb):
            return None
        first = self._cue_end(verb) + 1
        for t in self.doc[first:min(first + 6, verb.sent.end)]:
            if self.lex.has("interrogative", t.text):
                elided = t.text.endswith(("'", "’"))  # "s'il", not the reflexive of "s'intéresser"
                nxt = self.doc[t.i + 1] if t.i + 1 < len(self.doc) else None
                return t.idx if not elided or (nxt is not None and self.lex.pronoun(nxt.text)) else None
            to_whom = any(a.dep_ in ("obl:arg", "iobj") and a.head.i == verb.i for a in (t, t.head))
            if t.pos_ not in ("ADP", "ADV") and not to_whom:
                return None  # only "à qui" may stand between: "a expliqué aux parents comment ..."
        return None

    def _infinitive_after(self, verb: Any) -> int | None:
        first = self._cue_end(verb) + 1  # after the rest of the cue: "fait(-elle) remarquer"
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

    def _may_attribute(self, tok: Any) -> bool:
        return fold(tok.text) in self.lex.attribution_starts

    def _comma_before(self, tok: Any, sentence_start: int | None = None) -> int | None:
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

    def _clause_start(self, sentence: Any, before: int) -> int:
        """Where a clause ending at ``before`` starts: the sentence start, after a dateline or a quote."""
        if before < sentence.start_char:  # "Pourquoi ? rétorque X": the question is the sentence before
            sentence = self.doc[self.token_at(before).i].sent
        start = sentence.start_char
        if sentence[0].text == "," and sentence.start > 0:  # the parser cut the sentence at the incise
            previous = self.doc[sentence.start - 1]
            if "\n" not in self.text[previous.idx:start] and previous.text not in SENTENCE_ENDS:
                start = previous.sent.start_char
        dateline = self.document.dateline
        if dateline is not None and dateline.start <= start < dateline.end:
            start = dateline.end
        # After a quote that closes before the clause (not after the opening mark of a straight-quoted
        # fragment inside it: '... sont " menacées ", a indiqué X').
        closing = max((m.close for m in self.marks if m.closed and start <= m.close < before),
                      default=-1)
        if closing >= 0:
            start = closing + 1
        return start

    def _clause_end(self, start: int, sentence: Any) -> int:
        """The end of a reported clause: the sentence's end, or an incise comma before a speech verb."""
        end = sentence.end_char
        first = self.token_at(start)
        if first is None:
            return end
        for t in self.doc[first.i:sentence.end]:
            if t.text == "," and t.i + 1 < sentence.end:
                nxt = self.doc[t.i + 1]
                if self.lex.verb(nxt) or self._attribution_at(nxt) or \
                        (nxt.pos_ == "AUX" and t.i + 2 < sentence.end and self.lex.verb(self.doc[t.i + 2])):
                    return t.idx
            if t.text == ";":
                return t.idx
        return end

    def _trim(self, start: int, end: int) -> tuple[int, int] | None:
        while start < end and (self.text[start].isspace() or self.text[start] in ",;:"):
            start += 1
        while end > start and (self.text[end - 1].isspace() or self.text[end - 1] in ".,;:"):
            end -= 1
        return (start, end) if end > start else None

    def _words(self, start: int, end: int) -> int:
        return len(self.text[start:end].split())

    def _has_finite_verb(self, start: int, end: int, *, main_only: bool = False) -> bool:
        """A finite verb in the span; with ``main_only``, one that is not in a relative clause."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(
            "Fin" in t.morph.get("VerbForm") and not (main_only and _in_relative(t)) for t in span)




def _in_relative(token: Any) -> bool:
    """The token's verb heads a relative clause ("qui compte"), directly or as its auxiliary."""
    verb = token.head if token.dep_.startswith(("aux", "cop")) else token
    return verb.dep_ == "acl:relcl"
