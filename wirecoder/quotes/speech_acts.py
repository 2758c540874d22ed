"""Speech acts beyond quotes, for the "speech" scope: what a speech verb or noun conveys when it is not a
clause or quoted words.

French FrameNet (ASFALDA) counts these as reported speech, GUIDELINES.md does not:
- a noun phrase as the message: "Mobil a annoncé 2 000 suppressions d'emplois", "fait état de sa
  consternation", "se dit prêt";
- a commitment or a promise to act: "s'est engagée à doubler sa contribution";
- a passive or a participle, whose message is the subject: "la vente avait été annoncée par M. Lagardère",
  "la tendance annoncée en mai par Johnson Matthey";
- a speech noun, whose phrase is the message: "les propos de M. Major", "sa réponse", "l'annonce par IBM de
  la suppression de 25 000 emplois".

The direct and indirect finders have run first; their quotes and the cues they claimed are left alone.
"""

from __future__ import annotations

from typing import Any

from ..clauses import Speaker, is_role, pronominal
from ..core.text import strip_accents_lower
from .model import Quote, cue_ref
from .search import QuoteSearch

OBJECT_DEPS = ("obj",)
# "faire état de", "informer X de", "parler de": the message is a complement with "de"
DE_COMPLEMENT_DEPS = ("obl:arg", "obl")
DE_CASE, AGENT_CASE = "name_preposition", "agent_preposition"  # quote_words.tsv kinds: de, du, des, d'; par
# Verbs whose object is what was said: not an incise-only verb ("reprend-il"), nor one whose object is its
# target or addressee ("accuser X", "appeler ses adhérents à la grève").
MESSAGE_FRAMES = ("que", "de")
OBJECT_KINDS = ("neutral", "assert", "deny")
ASIDE_TOKENS = 6  # how long an aside between a speech verb and its object may be ("par ailleurs")
CLAUSE_DEPS = ("ccomp", "advcl", "parataxis", "conj")
OVERLAP = 0.5  # a speech act over more than this share of a quote already found is that quote


def with_speech_acts(search: QuoteSearch, quotes: list[Quote]) -> list[Quote]:
    """The finder's quotes and the other speech acts of the article, in text order."""
    # An unclosed mark with no speech clause may be stray: the speech acts under it are kept instead.
    unclosed = {m.start for m in search.clauses.marks if not m.closed}
    stray = [q for q in quotes if q.cue is None and q.speaker is None and q.start in unclosed]
    kept = [q for q in quotes if q not in stray]
    finding = SpeechActs(search)
    acts = finding.find(kept)
    stray = [q for q in stray if not any(q.start <= a.start and a.end <= q.end for a in acts)]
    kept = [q for q in kept if all(q is not f for f in finding.absorbed)]
    found = sorted(kept + stray + acts, key=lambda q: (q.start, q.end))
    # fragments of one reported clause each gave the whole clause: keep it once
    return [q for n, q in enumerate(found) if n == 0 or (q.start, q.end) != (found[n - 1].start, found[n - 1].end)]


class SpeechActs:
    def __init__(self, search: QuoteSearch) -> None:
        self.clauses, self.used_cues = search.clauses, search.used_cues
        self.doc, self.text, self.lex = self.clauses.doc, self.clauses.text, self.clauses.lex
        self.existing: list[Quote] = []
        self.absorbed: list[Quote] = []

    def find(self, existing: list[Quote]) -> list[Quote]:
        """The speech acts not already among ``existing``; a quoted fragment of an act's message ("a fait part
        de sa « consternation »") is absorbed into the act (``absorbed``)."""
        self.existing = existing
        said = sorted(existing, key=lambda q: q.start)
        found: list[Quote] = []
        for sentence in self.doc.sents:
            if self.clauses.skipped(sentence.start_char):
                continue
            # verbs first: "Cette revendication vient d'être rappelée par X" is X's act of recalling
            for tok in sorted(sentence, key=lambda t: t.pos_ != "VERB"):
                previous = next((q.speaker for q in reversed(said) if q.start < tok.idx and q.speaker), None)
                quote = self.from_verb(tok, sentence, previous) or self.from_noun(tok, previous)
                if quote is None:
                    continue
                fragments = [q for q in existing if _fragment_of(q, quote)]
                if _covered(quote, [q for q in existing if all(q is not f for f in fragments)]):
                    continue
                self._cut_around(quote, found)
                if _covered(quote, found):
                    continue
                found.append(quote)
                said.append(quote)
                self.absorbed.extend(fragments)
        return [q for q in found if q.end > q.start]

    def _cut_around(self, quote: Quote, found: list[Quote]) -> None:
        """A speech act found earlier whose phrase runs over this one's cue ends before it: "lancer des appels
        d'offres, soit en précisant le type de chaîne" leaves "le type de chaîne" to "précisant"."""
        cue_start = quote.cue[0] if quote.cue is not None else quote.start
        for other in found:
            if other.start < cue_start < other.end and other.start < quote.start:
                span = self.clauses.trim(other.start, min(cue_start, quote.start))
                if span is not None:
                    other.start, other.end = span

    # -- speech verbs ---------------------------------------------------------------------------------------

    def from_verb(self, verb: Any, sentence: Any, previous: Speaker | None) -> Quote | None:
        if verb.pos_ != "VERB" or (verb.i in self.used_cues and not all(
                q.kind == "mixed" for q in self.existing if q.cue is not None and q.cue[0] == verb.idx)):
            return None
        cue = self.lex.verb(verb)
        if cue is None:
            return None
        if cue.frame not in MESSAGE_FRAMES:
            return None  # "reprend-il", "lance-t-il": speech verbs only in an incise
        if self.lex.has("pronominal_cue", cue.lemma) and not pronominal(verb):
            return None  # "les propos ont inquiété les marchés"
        passive = self._passive_message(verb)
        if passive is not None:
            return self._quote(passive, self._agent(verb, previous), verb, cue)
        infinitive = self.clauses.infinitive_after(verb)  # "s'est engagé à racheter", "a promis de"
        if infinitive is not None:
            span = self.clauses.trim(infinitive, self.clauses.clause_end(infinitive, sentence))
            return self._quote(span, self.clauses.clause_speaker(verb, previous, infinitive), verb, cue)
        message = self._message_of(verb) if cue.kind in OBJECT_KINDS else None
        if message is None:
            return None
        speaker = self.clauses.clause_speaker(verb, previous, message.idx)
        return self._quote(self._object_span(message, sentence), speaker, verb, cue)

    def _object_span(self, message: Any, sentence: Any) -> tuple[int, int] | None:
        """The object's phrase, on to the clause's end (the parser often hangs the phrase's complements on the
        verb: "a annoncé son intention de saisir les tribunaux") but not past a comma (", envoyant ...")."""
        phrase = self._phrase(message)
        if phrase is None:
            return None
        end = self.clauses.clause_end(phrase[0], sentence)
        comma = self.text.find(",", phrase[1], end)
        return self.clauses.trim(phrase[0], max(phrase[1], comma if comma >= 0 else end))

    def _message_of(self, verb: Any) -> Any:
        """The noun phrase a speech verb conveys: its object, its "de" complement, or the attribute of a
        reflexive "se dire", "se déclarer"."""
        cue_end = self.clauses.cue_end(verb)  # "fait part de": "part" is the cue's, not the message
        for child in verb.children:
            if child.i <= cue_end or self.clauses.in_time(child.idx):
                continue  # nor a date the parser took for the object ("a annoncé lundi la fermeture")
            if child.dep_ in OBJECT_DEPS and child.pos_ != "PRON":
                return child
            if child.dep_ in DE_COMPLEMENT_DEPS and self._has_case(child, DE_CASE) and child.pos_ in ("NOUN", "PROPN"):
                return child
            if child.dep_ == "xcomp" and child.pos_ in ("ADJ", "VERB") and pronominal(verb):
                return child
        return self._object_after_adjunct(verb)

    def _object_after_adjunct(self, verb: Any) -> Any:
        """"a annoncé, lundi 6 juillet, la vente de ...": the parser hangs an object that follows a date on
        something else; the phrase that starts after the date is the message."""
        i = verb.i + 1
        skipped = False
        while i < verb.sent.end and (self.doc[i].text == "," or self.clauses.in_time(self.doc[i].idx)):
            skipped = skipped or self.clauses.in_time(self.doc[i].idx)
            i += 1
        if not skipped and self.doc[verb.i + 1].text == ",":  # "soulignent, par ailleurs, leur pragmatisme"
            close = next((t.i for t in self.doc[verb.i + 2:min(verb.i + ASIDE_TOKENS, verb.sent.end)]
                          if t.text == "," or t.pos_ in ("VERB", "AUX")), None)
            if close is not None and self.doc[close].text == ",":
                i, skipped = close + 1, True
        if not skipped or i >= verb.sent.end or self.doc[i].pos_ not in ("DET", "NUM"):
            return None
        head = self.doc[i]
        while head.head != head and head.head.i > verb.i and head.head.left_edge.i >= i:
            head = head.head
        return head if head.left_edge.i == i else None

    def _passive_message(self, verb: Any) -> tuple[int, int] | None:
        """"La vente avait été annoncée par X": the subject; "la tendance annoncée en mai par X": the noun
        the participle describes, up to the participle."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj:pass"), None)
        if subject is None and verb.dep_ == "xcomp" and any(c.dep_ == "aux:pass" for c in verb.children):
            # "Cette revendication vient d'être rappelée par X": the subject is the governing verb's
            subject = next((c for c in verb.head.children if c.dep_.startswith("nsubj")), None)
        if subject is not None and subject.pos_ != "PRON":
            return self._phrase(subject)
        head = verb.head
        if verb.dep_ == "acl" and "Part" in verb.morph.get("VerbForm") and head.pos_ in ("NOUN", "PROPN") and \
                head.i < verb.i and self.clauses.agent_of(verb) is not None:
            return self._phrase_before(head, verb)
        return None

    def _noun_phrase(self, noun: Any) -> tuple[int, int] | None:
        """A speech noun's phrase, relative clauses included ("les propos du ministre, qui participait ..."),
        up to a clause of another verb that the parser hung on it ("Le communiqué du conseil relève que")."""
        span = self._phrase(noun)
        clauses = [c.left_edge.idx for c in noun.children if c.i > noun.i and c.dep_ != "acl:relcl" and
                   (c.pos_ in ("VERB", "AUX") or c.dep_ in CLAUSE_DEPS)]
        if span is None or not clauses:
            return span
        return self.clauses.trim(span[0], min(span[1], *clauses))

    def _phrase_before(self, head: Any, verb: Any) -> tuple[int, int] | None:
        """The noun phrase a participle describes, up to the participle ("la tendance de fond annoncée")."""
        first = head.left_edge
        while first.i < head.i and first.dep_ == "case":
            first = self.doc[first.i + 1]
        return self.clauses.trim(first.idx, verb.idx)

    def _agent(self, verb: Any, previous: Speaker | None) -> Speaker | None:
        """The speaker "par X" names after a passive or a participle."""
        agent = self.clauses.agent_of(verb)
        return self._speaker_at(agent, verb, previous) if agent is not None else None

    # -- speech nouns ---------------------------------------------------------------------------------------

    def from_noun(self, noun: Any, previous: Speaker | None) -> Quote | None:
        if noun.pos_ != "NOUN":
            return None
        cue = self.lex.nouns.get(strip_accents_lower(noun.lemma_)) or self.lex.nouns.get(strip_accents_lower(noun.text))
        if cue is None:
            return None
        return self._quote(self._noun_phrase(noun), self._noun_speaker(noun, previous), noun, cue)

    def _noun_speaker(self, noun: Any, previous: Speaker | None) -> Speaker | None:
        """Who made the statement: "les propos de M. Major", "l'annonce par IBM", "sa réponse", or the subject
        of the verb that has it ("a fait une déclaration", "a dit dans un communiqué")."""
        complements = [c for c in noun.children if c.dep_ in ("nmod", "obl:agent") and c.i > noun.i
                       and (self._has_case(c, DE_CASE) or self._has_case(c, AGENT_CASE))]
        for child in sorted(complements, key=lambda c: not self.lex.has("behalf_noun", c.text)):
            if self.lex.has("behalf_noun", child.text):  # "une déclaration d'« action de concert » de la part d'Ominco"
                child = next((c for c in child.children if c.dep_ == "nmod"), child)
            if self._may_speak(child) or (self.lex.has("said_by", noun.lemma_) and self._agentive(child)):
                return self._speaker_at(child, noun, previous)
        possessive = next((c for c in noun.children if c.dep_ == "det" and "Yes" in c.morph.get("Poss")), None)
        if possessive is not None:
            return self.clauses.speaker(possessive.i, possessive.i + 1, before=noun.idx, previous=previous)
        for clause in noun.children:  # "les propos tenus par M. le commissaire", "les précisions qu'ils ont apportées"
            if clause.dep_.startswith("acl") and clause.pos_ == "VERB":
                speaker = self._agent(clause, previous) or self._own_subject(clause, previous)
                if speaker is not None:
                    return speaker
        head = noun.head
        if noun.dep_.startswith(("obj", "obl")) and head.pos_ == "VERB" and \
                (self.lex.has("statement_verb", head.lemma_) or self.lex.verb(head) is not None):
            # "ont diffusé une déclaration", "a dit dans un communiqué", "indique l'agence sans autre précision"
            return self.clauses.speaker_of(head, previous) or self.clauses.speaker_of(head, previous, inverted=True)
        return None

    def _own_subject(self, verb: Any, previous: Speaker | None) -> Speaker | None:
        """The subject of a relative clause's verb, not its relative pronoun ("qu'ils ont apportées": ils)."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and not self.lex.has("relative_pronoun", c.text)),
                       None)
        return self._speaker_at(subject, verb, previous) if subject is not None else None

    def _may_speak(self, tok: Any) -> bool:
        """A name, a known actor or a role ("du ministre"): someone who can speak, not the matter spoken of."""
        return tok.pos_ == "PROPN" or tok.is_title or tok.ent_type_ in ("PER", "ORG") or \
            self.clauses.actor_at(tok.idx) is not None or \
            is_role(tok.text, self.clauses.lang) or self.lex.has("person_noun", tok.text)

    def _agentive(self, tok: Any) -> bool:
        """A common noun for people or a body ("agriculteur", "syndicalistes", "ministère"), by its ending or
        from the list."""
        if tok.pos_ not in ("NOUN", "PROPN"):
            return False
        word = strip_accents_lower(tok.text)
        endings = tuple(strip_accents_lower(e) for e in self.lex.endings("agent_ending"))
        return self.lex.has("agent_noun", word) or self.lex.has("agent_noun", tok.lemma_) or word.endswith(endings)

    # -- shared ---------------------------------------------------------------------------------------------

    def _has_case(self, token: Any, kind: str) -> bool:
        """The token's phrase opens with a preposition of that kind (quote_words.tsv)."""
        return any(c.dep_ == "case" and self.lex.has(kind, c.text) for c in token.children)

    def _speaker_at(self, head: Any, cue: Any, previous: Speaker | None) -> Speaker:
        return self.clauses.speaker(*self.clauses.noun_phrase(head), before=cue.idx, previous=previous)

    def _phrase(self, head: Any) -> tuple[int, int] | None:
        """The words a phrase spans, without the preposition that opens it ("dans sa réponse")."""
        tokens = [t for t in head.subtree]
        while tokens and ((tokens[0].dep_ == "case" and tokens[0].head == head) or self.clauses.in_time(tokens[0].idx)):
            tokens.pop(0)  # nor a date the parser put in it ("ont diffusé mercredi une déclaration")
        if not tokens:
            return None
        return self.clauses.trim(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))

    def _quote(self, span: tuple[int, int] | None, speaker: Speaker | None, cue_token: Any, cue: Any
               ) -> Quote | None:
        if span is None or speaker is None:
            return None  # as for indirect quotes (GUIDELINES.md), a speech act needs an identifiable speaker
        if self.clauses.in_quote(span[0]) and self.clauses.in_quote(span[1] - 1):
            return None  # inside a quote already found
        kind = "mixed" if any(span[0] <= m.open and m.close < span[1] for m in self.clauses.marks) else "indirect"
        return Quote(span[0], span[1], kind, speaker, cue_ref(cue_token, cue), scope="speech")


def _fragment_of(quote: Quote, act: Quote) -> bool:
    """A quoted fragment inside the act's message, attributed to the same cue."""
    return quote.kind == "mixed" and quote.cue is not None and act.cue is not None and \
        quote.cue[0] == act.cue[0] and act.start <= quote.start and quote.end <= act.end


def _covered(quote: Quote, others: list[Quote]) -> bool:
    """Most of the quote is already another's."""
    return any(min(o.end, quote.end) - max(o.start, quote.start) > OVERLAP * (quote.end - quote.start)
               for o in others)
