"""The clause layer of one article: who speaks and who acts, for the quotes and events stages alike.

Built once per article by the ``clauses`` stage, after the actors, time expressions and places. It owns what
both stages read: the quote marks and the article's regions (credit lines and repeated paragraphs are skipped),
each predicate's subject or agent (``subject``, ``speaker_of``, ``agent_of``), noun-phrase bounds
(``noun_phrase``), clause bounds (``clause_start``, ``clause_end``, what follows a speech verb) and the link
from a mention to the article's actor (``speaker``: names, pronouns, descriptions).
"""

from __future__ import annotations

from typing import Any

from ..core.spans import inside
from ..core.text import strip_accents_lower
from ..document import Actor, Document
from .boundaries import Boundaries
from .lexicon import ClauseLexicon, Cue, load
from .marks import Quoted, quoted_spans
from .speakers import Speaker, Speakers
from .subjects import Subjects, non_finite

OBJECT_DEPS = ("obj", "obl:arg", "iobj")
COMPLEMENT_DEPS = ("obl", "obl:arg", "obl:mod", "nmod")


class Clauses:
    """Subjects, speakers and clause bounds over one parsed article (its public API for later stages)."""

    def __init__(self, document: Document, spacy_doc: Any, lang: str) -> None:
        self.document, self.doc, self.text, self.lang = document, spacy_doc, document.text, lang
        self.lex: ClauseLexicon = load(lang)
        body = [(p.start, p.end) for p in document.paragraphs if p.kind == "body"] or [(0, len(self.text))]
        self.marks: list[Quoted] = quoted_spans(self.text, body)
        # Repeated ledes and credit lines: nobody speaks or acts there a second time.
        self.skip_ranges = [(p.start, p.end) for p in document.paragraphs
                            if p.repeat_of is not None or p.kind == "credit"]
        self.time_tokens = {i for t in document.timexes for i in range(t.start, t.end)}
        self.speakers = Speakers(document, spacy_doc, self.lex, lang, [(q.start, q.end) for q in self.marks])
        self.subjects = Subjects(spacy_doc, self.text, self.lex, self.speakers, self.marks, self.time_tokens)
        self.bounds = Boundaries(spacy_doc, self.text, self.lex, lang, self.marks, self.time_tokens,
                                 document.dateline)

    # -- regions and quote marks ----------------------------------------------------------------------------

    @property
    def quoted(self) -> list[tuple[int, int]]:
        """The spans inside quote marks that close (an unclosed mark may be stray)."""
        return [(q.start, q.end) for q in self.marks if q.closed]

    def in_quote(self, offset: int) -> bool:
        return self.subjects.in_quote(offset)

    def skipped(self, start: int) -> bool:
        """In a repeated paragraph or a credit line."""
        return inside(start, self.skip_ranges)

    def in_time(self, offset: int) -> bool:
        """Inside a time expression."""
        return offset in self.time_tokens

    def token_at(self, char: int) -> Any:
        return self.bounds.token_at(char)

    # -- who: subjects, agents and the actors they refer to -------------------------------------------------

    def subject(self, verb: Any, *, inverted: bool = False, quoted: bool = False) -> tuple[int, int] | None:
        """Token range of the verb's subject (``inverted``: an incise's, after the verb). Words inside quote
        marks are what is said, not a speech verb's subject, unless ``quoted`` (a verb inside the marks)."""
        return self.subjects.subject(verb, inverted=inverted, quoted=quoted)

    def subject_before(self, tok: Any, verb_index: int) -> bool:
        return self.subjects.subject_before(tok, verb_index)

    def agent_of(self, verb: Any) -> Any:
        """The "par X" of a passive or a participle."""
        return self.subjects.agent_of(verb)

    def speaker_of(self, verb: Any, previous: Speaker | None, *, inverted: bool = False) -> Speaker | None:
        """Who the verb's subject (or a passive's agent) is, as a mention linked to its actor."""
        return self.subjects.speaker_of(verb, previous, inverted=inverted)

    def speaker(self, first: int, end: int, *, before: int, previous: Speaker | None = None,
                stressed: bool = False, in_quotes: bool = False) -> Speaker:
        """The mention of tokens ``first:end`` resolved to a person or body (pronouns, descriptions).
        ``in_quotes``: a person named only inside quote marks may be a pronoun's antecedent."""
        return self.speakers.speaker(first, end, before=before, previous=previous, stressed=stressed,
                                     in_quotes=in_quotes)

    def noun_phrase(self, head: Any) -> tuple[int, int]:
        """Token range of the noun phrase headed by ``head``, without its clauses."""
        return self.speakers.noun_phrase(head)

    def actor_at(self, offset: int) -> Actor | None:
        """The article's actor whose recognised mention covers this character."""
        return self.speakers.actor_at.get(offset)

    def clause_speaker(self, verb: Any, previous: Speaker | None, clause_start: int) -> Speaker | None:
        """The speaker of a clause the verb introduces: its subject, or in an incise the subject after it and
        before the clause ("Il est fréquent, notent les responsables, que ...")."""
        speaker = self.speaker_of(verb, previous)
        if speaker is None and self.comma_before(verb) is not None and not non_finite(verb, self.lex):
            found = self.subject(verb, inverted=True)  # closed by a comma, as an incise is
            if found is not None and self.doc[found[1] - 1].idx < clause_start and \
                    self.doc[found[1] - 1].right_edge.i + 1 < len(self.doc) and \
                    self.doc[self.doc[found[1] - 1].right_edge.i + 1].text == ",":
                speaker = self.speaker_of(verb, previous, inverted=True)
        return speaker

    def attribution(self, tok: Any, previous: Speaker | None,
                    found: tuple[Cue, tuple[int, int]] | None = None) -> tuple[Speaker, Any] | None:
        """Speaker and cue of an attribution ("selon lui", "d'après la police") starting at ``tok``
        (``found``: its match, when the caller already has it)."""
        if found is None:
            found = self.attribution_at(tok) if self.may_attribute(tok) else None
        if found is None:
            return None
        cue, speaker_span = found
        speaker = self.speaker(*speaker_span, before=tok.idx, previous=previous, stressed=True)
        return speaker, (tok.idx, tok.idx + len(cue.lemma), cue)

    # -- what: a predicate's arguments ----------------------------------------------------------------------

    @staticmethod
    def preposition(token: Any) -> str | None:
        """The preposition that opens the token's phrase, accents stripped ("contre" of "contre X"), or None."""
        return next((strip_accents_lower(c.text) for c in token.children if c.dep_ == "case"), None)

    @staticmethod
    def objects(verb: Any) -> list[Any]:
        """The heads of the verb's objects, direct and indirect, in text order."""
        return [c for c in verb.children if c.dep_ in OBJECT_DEPS]

    @staticmethod
    def complements(predicate: Any) -> list[Any]:
        """The heads of a verb's or a noun's complements (prepositional ones mostly), in text order."""
        return [c for c in predicate.children if c.dep_ in COMPLEMENT_DEPS]

    @staticmethod
    def passive_agent(verb: Any) -> Any:
        """The agent the parser marks on a passive verb ("revendiqués par X"), or None; see ``agent_of``."""
        return next((c for c in verb.children if c.dep_ == "obl:agent"), None)

    # -- where: clause bounds (boundaries.py) ---------------------------------------------------------------

    def attribution_at(self, tok: Any) -> tuple[Cue, tuple[int, int]] | None:
        return self.bounds.attribution_at(tok)

    def may_attribute(self, tok: Any) -> bool:
        return self.bounds.may_attribute(tok)

    def cue_end(self, verb: Any) -> int:
        return self.bounds.cue_end(verb)

    def que_after(self, verb: Any) -> int | None:
        return self.bounds.que_after(verb)

    def colon_after(self, verb: Any) -> int | None:
        return self.bounds.colon_after(verb)

    def question_after(self, verb: Any) -> int | None:
        return self.bounds.question_after(verb)

    def infinitive_after(self, verb: Any) -> int | None:
        return self.bounds.infinitive_after(verb)

    def says_something(self, verb: Any) -> bool:
        return self.bounds.says_something(verb)

    def comma_before(self, tok: Any, sentence_start: int | None = None) -> int | None:
        return self.bounds.comma_before(tok, sentence_start)

    def clause_start(self, sentence: Any, before: int) -> int:
        return self.bounds.clause_start(sentence, before)

    def clause_end(self, start: int, sentence: Any) -> int:
        return self.bounds.clause_end(start, sentence)

    def trim(self, start: int, end: int) -> tuple[int, int] | None:
        return self.bounds.trim(start, end)

    def words(self, start: int, end: int) -> int:
        return self.bounds.words(start, end)

    def has_finite_verb(self, start: int, end: int, *, main_only: bool = False) -> bool:
        return self.bounds.has_finite_verb(start, end, main_only=main_only)
