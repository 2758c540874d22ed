"""The event coder: triggers found sentence by sentence, each made an event with its roles and attributes,
then the mentions of one occurrence merged (``occurrences.py``). See docs/events.md."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

from ..clauses import Clauses, trimmed
from ..core.dates import publication_date
from ..core.text import strip_accents_lower
from ..core.time_value import TimeValue
from .codes import codes_for
from .factuality import counterfactual, factuality
from .lexicon import EventLexicon, load
from .location import PlaceMention, dateline_place, locate, place_mentions, setting
from .model import Event, Mention, Role, Span
from .numbers import count, toll
from .occurrences import merge
from .roles import RoleFinder
from .timing import day_told_before, event_date, story_day
from .triggers import CLAUSE_DEPS, Trigger, find_triggers, governor, keys

ARGUMENT_DEPS = ("nsubj", "nsubj:pass", "obj", "obl:arg", "obl:agent")  # a noun that names the verb's own event
FOLD_DEPS = (*ARGUMENT_DEPS, "obl", "obl:mod", "advmod")  # "blessés lors de l'attaque", "tué dans une attaque"
# Verbs whose object has not happened: what is asked for, threatened or promised ("a demandé sa libération").
UNREALISED_TYPES = ("REQUEST", "THREATEN", "AGREE")
CHARGE_TYPES = ("ACCUSE", "SANCTION", "COERCE")  # what they are for is a charge: "arrêté pour meurtre"
ADJUNCT_DEPS = ("advcl", "acl", "xcomp")  # a participle or gerund hung on the clause it belongs to
STATE_MODIFIER_DEPS = ("acl", "amod")

def find_events(clauses: Clauses, *, infer_countries: bool = True,
                home_country: str | None = None) -> list[Event]:
    """The events of one parsed article. ``home_country``: where the news comes from, the country of a
    person the article gives none (when ``infer_countries``)."""
    return _Coder(clauses).run(home_country, infer_countries)


class _Coder:
    def __init__(self, clauses: Clauses) -> None:
        document = self.document = clauses.document
        self.doc, self.lang, self.text = clauses.doc, clauses.lang, document.text
        self.lex: EventLexicon = load(self.lang)
        self.clauses = clauses
        self.roles = RoleFinder(clauses, self.lex)
        self.places: list[PlaceMention] = place_mentions(document.places)
        published = publication_date(document.date, document.date_precision)
        self.publication = TimeValue.parse(published.period) if published else None
        self.story_day = story_day(document.timexes, published)
        self.quoted = clauses.quoted

    def run(self, home_country: str | None, infer_countries: bool) -> list[Event]:
        candidates: list[Event] = []
        for sentence in self.doc.sents:
            if self.clauses.skipped(sentence.start_char):
                continue  # a repeated lede or a credit line
            found = find_triggers(sentence, self.lex)
            charging = {t.first.i for t in found if t.rule.type in CHARGE_TYPES}
            triggers = [t for t in found if not self._charge(t, charging)]
            for trigger, folded in _fold(triggers, self.lex):
                event = self._event(trigger, folded, triggers, sentence)
                if event is not None:
                    candidates.append(event)
        _date_definite_mentions(candidates)
        events = merge(candidates)
        main_country = self._main_country(home_country) if infer_countries else None
        actor_types = {a.id: a.type for a in self.document.actors}
        for event in events:
            if event.location is None:
                event.location = setting(self.document, self.places)
            if infer_countries:
                if event.actor is None:
                    event.actor = Role(None, None, None, None, None, inferred=True, unidentified=True)
                self._infer_country(event.actor, event, main_country, actor_types)
                self._infer_country(event.recipient, event, main_country, actor_types)
            recipient_type = actor_types.get(event.recipient.actor or "") if event.recipient else None
            event.codes = codes_for(event.type, event.mode, recipient_type)
        return sorted(events, key=lambda e: e.mention.evidence.start)

    # -- one trigger --------------------------------------------------------------------------------------

    def _event(self, trigger: Trigger, folded: list[Trigger], all_triggers: list[Trigger], sentence: Any
               ) -> Event | None:
        tok, rule = trigger.first, trigger.rule
        verb, below = (tok, tok) if trigger.verbal else governor(tok, self.lex)
        if not self._occurrence(trigger, verb, below, all_triggers):
            return None
        roles = self._roles(trigger, verb, sentence)
        if roles is None:
            return None
        actor, recipient = roles
        nouns = folded if trigger.verbal else [trigger]
        anchors = {tok.i} | ({verb.i} if verb is not None else set())
        main = self._main_verb_of_adjunct(verb) if verb is not None else None
        if main is not None:
            anchors.add(main.i)  # "S'indignant que ..., le commentateur a déclaré mardi": its main verb's day
        others = {t.first.i for t in all_triggers if t is not trigger and t not in folded} - anchors
        dated = event_date(anchors, others, sentence, self.document.timexes, self.quoted)
        start, end = trimmed(self.text, sentence.start_char, sentence.end_char)
        kind, mode = rule.type, rule.mode or next((n.rule.mode for n in folded if n.rule.mode), None)
        if kind == "ASSAULT" and self._by_protesters(actor):
            kind, mode = "PROTEST", "riot"  # "des manifestants ont incendié le restaurant"
        event = Event(kind, mode or self._mode_cue(tok, verb, kind),
                      Mention(Span(*_span(trigger)), " ".join((rule.anchor, *rule.rest)), Span(start, end),
                              trigger.verbal),
                      actor=actor, recipient=recipient,
                      location=locate(self.text, self._clause(tok, verb), tok.idx, self.places, self.lex)
                      or locate(self.text, (start, end), tok.idx, self.places, self.lex),
                      factuality=factuality(tok, verb, self.lex))
        if dated is not None:
            event.date, event.date_span, event.date_basis = dated[0], dated[1], "expression"
        else:
            event.date, event.date_basis = self._told_time(sentence, anchors) or \
                self._undated(verb if verb is not None else tok)
        event.mentions = [event.mention]
        for noun in nouns:
            n = noun.first
            event.count = event.count if event.count is not None else count(n, self.lex, self.lang)
            event.aggregate = event.aggregate or ("Plur" in n.morph.get("Number") and not event.day_dated)
            pointing = _points_back(n)
            event.anaphoric = event.anaphoric or pointing == "demonstrative"
            event.definite = event.definite or pointing is not None
        event.aggregate = event.aggregate or event.count is not None
        if rule.type == "ASSAULT":
            event.killed, event.injured = toll(sentence, self.lex, self.lang)
        return event

    def _occurrence(self, trigger: Trigger, verb: Any, below: Any, triggers: list[Trigger]) -> bool:
        """Whether the trigger tells of an occurrence (docs/events.md, "What is not an occurrence")."""
        tok = trigger.first
        if trigger.verbal and (self._state(tok) or self._bare_infinitive(tok)):
            return False
        if not trigger.verbal:
            if verb is not None and below.dep_ in ARGUMENT_DEPS and self._unrealised(verb, triggers):
                return False  # "a demandé sa libération": what is asked for has not happened
            if any(self.lex.has("generic_determiner", c.text) for c in tok.children if c.dep_ == "det"):
                return False  # "comme après chaque attaque": no occurrence in particular
        return not counterfactual(verb, self.lex)

    def _roles(self, trigger: Trigger, verb: Any, sentence: Any) -> tuple[Role | None, Role | None] | None:
        """Actor and recipient, cleaned of the parse's usual slips; None when they show there is no event
        (a meeting with the press, a disaster's toll)."""
        tok, rule = trigger.first, trigger.rule
        if trigger.verbal:
            actor, recipient = self.roles.of_verb(tok, rule.type)
        else:
            actor, recipient = self.roles.of_noun(tok, rule.type, rule.mode)
        if rule.type == "CONSULT" and self._with_media(tok, recipient):
            return None  # guidelines: a media interview is not a meeting
        span = _span(trigger)
        actor, recipient = _outside(actor, span), _outside(recipient, span)  # not "vue" of "garde à vue"
        actor = None if actor is not None and self._only_a_place(actor) else actor
        if recipient is not None and rule.type != "ASSAULT" and self._only_a_place(recipient):
            recipient = None  # "interpellé à Lyon": a place, not whom it was done to (an attack may hit one)
        if rule.type == "ASSAULT" and self._natural(actor, sentence):
            return None  # "les inondations ... 168 personnes ont été tuées": a disaster, not an attack
        if rule.type == "ASSAULT" and (self._animal(actor) or self._animal(recipient) or self._animal_patient(tok)):
            return None  # "un ours abattu", "des brebis tuées par un loup": no political or social act
        if actor is not None and recipient is not None and (
                (actor.start, actor.end) == (recipient.start, recipient.end)
                or (actor.actor and actor.actor == recipient.actor)):
            recipient = None  # one phrase, or one person, taken twice by the parse
        return actor, recipient

    def _clause(self, tok: Any, verb: Any) -> list[tuple[int, int]]:
        """The character ranges of the trigger's own clause: its verb's words without the clauses hung on
        it ("Illustrant les craintes ... à Gaza, des attaques ont visé ... en Irak": not Gaza)."""
        head = verb if verb is not None else tok
        words = [head] + [t for c in head.children if c.dep_ not in CLAUSE_DEPS for t in c.subtree]
        return [(t.idx, t.idx + len(t.text)) for t in words]

    def _main_verb_of_adjunct(self, verb: Any) -> Any:
        """The main verb whose date an adjunct clause shares: a bare participle or gerund ("S'indignant que
        ..., il a déclaré", "tout en reconnaissant que", "Accusé de malversations, M. Ghosn avait été arrêté",
        which the parser may make the root with the main verb as its conjunct), or a clause that happens
        when its main clause does ("lorsqu'un homme avait tué"). None for "avant que trois ne soient abattus"."""
        bare = {"Part", "Ger"} & set(verb.morph.get("VerbForm")) and \
            not any(c.dep_.startswith("aux") for c in verb.children)
        simultaneous = self._opened_by_simultaneous(verb)
        if not (bare or simultaneous):
            return None
        if verb.dep_ in ADJUNCT_DEPS:
            main = verb.head
            while main.dep_ in ("xcomp", "ccomp") and "Inf" in main.morph.get("VerbForm"):
                main = main.head  # "a promis mardi « faire toute la lumière », tout en reconnaissant"
            return main
        if bare and verb.dep_ == "ROOT" and verb.i == verb.sent.start:
            return next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and
                         any(g.dep_ in ("nsubj", "nsubj:pass") for g in c.children)), None)
        return None

    def _opened_by_simultaneous(self, verb: Any) -> bool:
        """The verb's clause opens with "lorsque", "quand" ...: its mark, or the last opener before it with no
        other finite verb between ("lorsqu'un homme se revendiquant de cette mouvance avait tué")."""
        own = {c.i for c in verb.children if c.dep_.startswith("aux")}
        for tok in reversed(verb.doc[max(verb.sent.start, verb.i - 12):verb.i]):
            if self.lex.has("simultaneous_mark", tok.text):
                return True
            if tok.i not in own and (tok.text in (",", ";", ":") or "Fin" in tok.morph.get("VerbForm")):
                return False
        return False

    def _told_time(self, sentence: Any, anchors: set[int]) -> tuple[TimeValue, str] | None:
        """The date of an undated event from the time the narrative just told, when its words point to it:
        "alors" on its verb ("il s'était alors retrouvé assigné à résidence": the time named before it in
        the sentence), a sentence that goes on telling ("Quelques minutes plus tôt, il a refusé"), or one
        that starts from it ("Depuis, les critiques se multiplient": from then to publication)."""
        timexes, doc = self.document.timexes, sentence.doc
        then = [c for a in anchors if "Imp" not in doc[a].morph.get("Mood") for c in doc[a].children
                if c.dep_ == "advmod" and self.lex.has("then_adverb", c.text)
                and not (c.i + 1 < len(doc) and self.lex.has("complementizer", doc[c.i + 1].text))]
        if then and (told := day_told_before(timexes, then[0].idx, self.quoted)):
            return told, "context"
        if self._goes_on_telling(sentence) and (told := day_told_before(timexes, sentence.start_char, self.quoted)):
            return told, "context"
        if self._since_told(sentence) and self.document.date and \
                (told := day_told_before(timexes, sentence.start_char, self.quoted)) and \
                str(told) < self.document.date:  # as ISO strings: a day of the publication month is not before it
            return TimeValue.parse(f"{told}/{self.document.date}"), "context"
        return None

    def _since_told(self, sentence: Any) -> bool:
        """"Depuis, ..." opening the sentence, or "depuis lors", "depuis cette date"."""
        words = [t for t in sentence if not t.is_space]
        if len(words) > 1 and self.lex.has("since_anaphor", words[0].text) and words[1].text == ",":
            return True
        folded = _folded_words(sentence)
        return any(f" {phrase} " in folded for phrase in self.lex.words("since_anaphor") if " " in phrase)

    def _goes_on_telling(self, sentence: Any) -> bool:
        """The sentence places itself at the time just told ("plus tard", "dans le même temps")."""
        words = _folded_words(sentence)
        return any(f" {phrase} " in words for phrase in self.lex.words("time_anaphor"))

    def _undated(self, verb: Any) -> tuple[TimeValue | None, str]:
        """The date of an event its sentence does not date. Said in the present ("reconnaît", "soutient"), the
        day the story is told at (``story_day``), else the publication date; said in a past tense, the
        publication month: it happened by then (on the dev set, the story's day did worse for "a réclamé")."""
        auxiliary = next((c for c in verb.children if c.dep_ == "aux:tense"), None)
        copula = next((c for c in verb.children if c.dep_ == "cop"), None)  # "est en garde à vue"
        finite = auxiliary if auxiliary is not None else copula if copula is not None else verb
        if auxiliary is None and "Pres" in finite.morph.get("Tense") and "Ind" in finite.morph.get("Mood"):
            if self.story_day is not None:
                return self.story_day, "context"
            return TimeValue.parse(self.document.date) if self.document.date else None, "publication"
        return self.publication, "publication"

    def _words(self, role: Role | None) -> Any:
        """The tokens of a role's words (none for an unidentified actor)."""
        if role is None or role.start is None or role.end is None:
            return []
        return self.doc.char_span(role.start, role.end, alignment_mode="expand") or []

    def _by_protesters(self, actor: Role | None) -> bool:
        span = self._words(actor)
        return len(span) > 0 and any(self.lex.has("protester", k) for k in keys(span.root))

    def _animal(self, role: Role | None) -> bool:
        span = self._words(role)
        return len(span) > 0 and any(self.lex.has("animal", k) for k in keys(span.root))

    def _animal_patient(self, tok: Any) -> bool:
        """The noun a participle describes ("l'ours tué") or the verb's subject or object is an animal."""
        words = [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass", "obj", "obl:agent")]
        if tok.dep_ in STATE_MODIFIER_DEPS:
            words.append(tok.head)
        return any(self.lex.has("animal", k) for w in words for k in keys(w))

    def _natural(self, actor: Role | None, sentence: Any) -> bool:
        """A natural force does it, or nobody and one is named in the sentence."""
        words = list(sentence) if actor is None else list(self._words(actor))
        return any(self.lex.has("natural_force", k) for t in words for k in keys(t))

    def _only_a_place(self, role: Role) -> bool:
        """"Marjayoun" as a subject the actors stage did not make an actor: a place does not act."""
        return role.actor is None and any((m.start, m.end) == (role.start, role.end) for m in self.places)

    def _unrealised(self, verb: Any, triggers: list[Trigger]) -> bool:
        """The verb is a request, threat or promise, or the infinitive under one ("a exhorté les alliés à
        accélérer la livraison")."""
        heads = [verb]
        if "Inf" in verb.morph.get("VerbForm"):  # its governing verb, through the object it hangs on
            head = verb.head
            if head.pos_ in ("NOUN", "PROPN") and head.head.i != head.i:
                head = head.head
            heads.append(head)
        return any(t.first.i == h.i and t.rule.type in UNREALISED_TYPES for h in heads for t in triggers)

    def _charge(self, trigger: Trigger, charging: set[int]) -> bool:
        """"une enquête pour viol", "jugé pour assassinats": what someone is charged with (under a trigger
        of ``CHARGE_TYPES``, at ``charging``) is no event."""
        tok = trigger.first
        return not trigger.verbal and tok.head.i in charging and any(
            c.dep_ == "case" and self.lex.has("charge_case", c.text) for c in tok.children)

    def _bare_infinitive(self, verb: Any) -> bool:
        """"pour n'accuser personne", "il est temps de s'y attaquer": an infinitive tells of no occurrence,
        unless a verb of plan, possibility, phase or compulsion carries it ("doit être jugé", "a commencé à
        juger", "contraint de démissionner"), it has its auxiliary ("après avoir rencontré") or it is a
        narrative infinitive ("Et de dénoncer ...")."""
        if "Inf" not in verb.morph.get("VerbForm") or any(c.dep_.startswith("aux") for c in verb.children):
            return False
        if verb.dep_ == "ROOT" and any(c.dep_ == "mark" and c.lower_ == "de" for c in verb.children):
            return False  # the narrative infinitive tells what was done: "Et de dénoncer le poids de la FNSEA"
        head = verb.head
        return not (verb.dep_ == "xcomp" and any(self.lex.has(kind, head.lemma_)
                                                 for kind in ("plan", "possibility", "phase", "compulsion")))

    def _state(self, verb: Any) -> bool:
        """"les troupes américaines déployées en Irak": a participle that describes, not an event (unless
        it has its own doer or date: "une femme tuée le 24 février")."""
        if verb.dep_ not in STATE_MODIFIER_DEPS or "Part" not in verb.morph.get("VerbForm") \
                or verb.head.pos_ not in ("NOUN", "PROPN", "PRON"):
            return False  # "s'est retrouvé assigné à résidence": it describes what happened to the subject
        if any(c.dep_.startswith("aux") or c.dep_ == "obj" for c in verb.children):
            return False  # "et réclamé à l'UEFA une sanction": with an object it is an active verb
        return not any(c.dep_ == "obl:agent" or self.clauses.in_time(c.idx) for c in verb.subtree)

    def _with_media(self, tok: Any, recipient: Role | None) -> bool:
        words = [t for t in tok.subtree if t.i > tok.i]
        words += list(self._words(recipient))
        return any(self.lex.has("media", k) for t in words for k in keys(t))

    def _mode_cue(self, tok: Any, verb: Any, event_type: str) -> str | None:
        """A mode from the words of the trigger's phrase, then of its verb's clause."""
        scopes = [list(tok.subtree)]
        if verb is not None and verb.i != tok.i:
            scopes.append([t for c in verb.children if c.dep_ not in CLAUSE_DEPS for t in c.subtree])
        for scope in scopes:
            for t in sorted(scope, key=lambda t: t.i):
                for k in keys(t):
                    for words, cue_type, mode in self.lex.mode_cues.get(k, ()):
                        if cue_type == event_type and _follows(t, words[1:]):
                            return mode
        return None

    # -- countries ----------------------------------------------------------------------------------------

    def _main_country(self, home_country: str | None) -> str | None:
        """Where the story happens: its dateline's country; else the country its places name most, if it
        stands out (named twice and more than any other, or the only one); else the country the news
        comes from."""
        dateline = dateline_place(self.document, self.places)
        if dateline is not None and dateline.country and ";" not in dateline.country:
            return dateline.country
        ranked = Counter(m.country for m in self.places if m.country).most_common(2)
        if ranked and (len(ranked) == 1 or (ranked[0][1] >= 2 and ranked[0][1] > ranked[1][1])):
            return ranked[0][0]
        return home_country

    def _infer_country(self, role: Role | None, event: Event, main_country: str | None,
                       actor_types: Mapping[str, str]) -> None:
        """An actor the article does not place: a person belongs to the country where the story happens, a
        group ("des manifestants") or an unidentified actor to where it acts (as ACLED codes "Unidentified
        Armed Group (Mali)"). Flagged ``country_inferred``."""
        if role is None or role.country:
            return
        person = actor_types.get(role.actor or "") == "person"
        explicit = event.location is not None and not event.location.inferred
        where = event.location.country if explicit and not person and event.location else None
        role.country = where or main_country
        role.country_inferred = role.country is not None


def _fold(triggers: list[Trigger], lex: EventLexicon) -> list[tuple[Trigger, list[Trigger]]]:
    """A noun that is the subject, object or complement of a verb trigger of its own type tells of the
    verb's event ("des roquettes ont visé", "blessés lors de l'attaque"): the two make one mention."""
    by_token = {t.first.i: t for t in triggers if t.verbal}
    folded: dict[int, list[Trigger]] = {i: [] for i in by_token}
    kept: list[Trigger] = []
    for t in triggers:
        if not t.verbal:
            verb, below = governor(t.first, lex)
            host = by_token.get(verb.i) if verb is not None else None
            if host is not None and host.rule.type == t.rule.type and below.dep_ in FOLD_DEPS:
                folded[host.first.i].append(t)
                continue
        kept.append(t)
    return [(t, folded.get(t.first.i, []) if t.verbal else []) for t in kept]


def _span(trigger: Trigger) -> tuple[int, int]:
    return trigger.first.idx, trigger.last.idx + len(trigger.last.text)


def _outside(role: Role | None, span: tuple[int, int]) -> Role | None:
    """The role, unless its words are the trigger's own ("porter plainte": "plainte" is no recipient)."""
    if role is None or role.start is None or role.end is None:
        return role
    return None if role.start < span[1] and span[0] < role.end else role


def _points_back(noun: Any) -> str | None:
    """"ces attaques", "sa garde à vue" (demonstrative: it refers to what was told before); "les attaques"
    (definite: it may); else None."""
    found = None
    for child in noun.children:
        morph = child.morph
        if child.dep_ == "det" and ("Dem" in morph.get("PronType") or "Yes" in morph.get("Poss")):
            return "demonstrative"
        if child.dep_ == "det" and "Def" in morph.get("Definite"):
            found = "definite"
    return found


def _follows(token: Any, words: tuple[str, ...]) -> bool:
    doc, i = token.doc, token.i
    for word in words:
        i += 1
        while i < len(doc) and doc[i].pos_ in ("ADP", "DET"):
            i += 1
        if i >= len(doc) or word not in keys(doc[i]):
            return False
    return True


def _folded_words(sentence: Any) -> str:
    """The sentence's words folded and space-separated, with a space at each end, to look up phrases in."""
    return " " + " ".join(re.findall(r"[\w’'-]+", strip_accents_lower(sentence.text))) + " "


def _date_definite_mentions(events: list[Event]) -> None:
    """"L'attaque terroriste dans l'Aude", undated, in an article whose one attack with a day of its own is
    "la tuerie de vendredi": a definite singular mention names that occurrence, and takes its day."""
    for event in events:
        if event.date_span is not None or event.aggregate or not event.definite or event.factuality != "asserted":
            continue
        days = {e.date for e in events if e.type == event.type and e.day_dated and e.factuality == "asserted"}
        if len(days) == 1:
            event.date, event.date_basis = days.pop(), "context"
