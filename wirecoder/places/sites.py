"""Sites named by a head noun and a name: "la rue de Grenelle", "l'usine Lubrizol", "le parc Jefferson Square",
"devant la préfecture du Bas-Rhin", "au siège de la CFDT".

The head says what the site is (``place_words.tsv``):
- an odonym (street, square, bridge, park) is named by the whole phrase; the name inside is no place of its
  own ("Strasbourg" of "la rue de Strasbourg");
- a site noun (hospital, school, factory) may be followed by the town it stands in ("l'hôpital de Garches")
  or by a name of its own ("l'usine Lubrizol");
- an institution (prefecture, ministry, headquarters) is a building only where something happens there, after
  "devant", "à", "depuis"...: "le ministère a annoncé" is the body, "au ministère" the building;
- a seat of power is the same, named on its own: "à l'Élysée" (``place_seats.tsv``), but "l'Élysée a démenti".
The reported words start at the determiner, as an annotator marks them ("la place de la République").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from ..core.text import fold_word, strip_accents_lower
from .tokens import tokens_among
from .words import PlaceWords, Seat

HeadKind = Literal["seat", "odonym", "site", "institution"]
MAX_HEAD_WORDS = 4  # "palais de l'Élysée"
MAX_ADJECTIVES = 2  # "la clinique psychiatrique du Val-de-Marne"
MAX_DESCRIPTION_WORDS = 6  # "de" and the words after it that describe a site ("du porte-parole du gouvernement")
COURTHOUSE = "Courthouse"  # the label of a court's head nouns (``place_words.tsv``)
Slot = Literal["locative", "front", "object_institution", "object_site"]


@dataclass(frozen=True, slots=True)
class SitePhrase:
    start: int  # token where the reported words start (the determiner, if any)
    end: int  # token after the name
    head: HeadKind
    label: str  # English head ("Street", "Prefecture")
    name_start: int  # token where the name after the head starts
    after_de: bool  # the name follows "de": it may be the town the site stands in ("l'hôpital de Garches")
    seat: Seat | None = None  # the seat of power a "seat" phrase names


def _capitalised(tok: Any) -> bool:
    """A capitalised word, hyphenated or not ("Saint-Germain-des-Prés" may be one token)."""
    return tok.text[:1].isupper() and all(c.isalpha() or c in "-'’" for c in tok.text)


def _name_end(doc: Any, i: int, sent_end: int, words: PlaceWords) -> int:
    """The token after a name that starts at ``i``: capitalised words, joined by hyphens or connectors."""
    end = i + 1
    while end < sent_end:
        tok = doc[end]
        if tok.ent_iob_ == "B":
            break  # another name begins: "la mairie de Paris Rachida Dati"
        if _capitalised(tok) or (tok.text == "-" and not doc[end - 1].whitespace_ and end + 1 < sent_end):
            end += 1
        elif fold_word(tok.text) in words.name_connectors and end + 1 < sent_end and \
                (_capitalised(doc[end + 1]) or (fold_word(doc[end + 1].text) in words.site_articles
                 and end + 2 < sent_end and _capitalised(doc[end + 2]))):
            end += 1
        elif doc[end - 1].text == "-" and tok.text[:1].islower() and tok.is_alpha:
            end += 1  # "Saint-Germain-des-Prés": a lowercase piece inside a hyphenated name
        else:
            break
    while end - 1 > i and (doc[end - 1].text == "-" or fold_word(doc[end - 1].text) in words.name_connectors):
        end -= 1
    return end


def _folded(doc: Any, start: int, end: int) -> tuple[str, ...]:
    return tuple(fold_word(t.text) for t in doc[start:end])


def _head_at(doc: Any, i: int, sent_end: int, words: PlaceWords) -> tuple[int, HeadKind, str] | None:
    """(tokens in the head, its kind, its English label) when a head noun or a seat starts at ``i``."""
    if fold_word(doc[i].text) not in words.head_starts or doc[i].text[1:] != doc[i].text[1:].lower():
        return None
    if doc[i].pos_ not in ("NOUN", "PROPN", "NUM", "X"):
        return None  # "basé à Strasbourg" folds to "base", but it is a verb
    for size in range(MAX_HEAD_WORDS, 0, -1):
        if i + size > sent_end:
            continue
        folded = _folded(doc, i, i + size)
        if folded in words.seats:
            return size, "seat", words.seats[folded].name
        for kind, table in (("odonym", words.odonyms), ("site", words.sites), ("institution", words.institutions)):
            if folded in table:
                return size, kind, table[folded]  # type: ignore[return-value]
    return None


def _false_head(doc: Any, i: int, sent_start: int, words: PlaceWords) -> bool:
    """"à la place de", "mise en place", "sur place": a head noun in a locution."""
    window = _folded(doc, max(sent_start, i + 1 - words.longest_false_head), i + 1)
    return any(window[-len(phrase):] == phrase for phrase in words.false_heads if len(phrase) <= len(window))


def _where_something_happens(doc: Any, start: int, end: int, words: PlaceWords) -> bool:
    """The words hang on a verb, an adjective or a noun of something happening ("se sont retrouvés à
    Matignon", "une conférence à l'Élysée"), not on a noun of an office or a body ("le candidat à
    l'Élysée", "le président du groupe à l'Assemblée"), nor on a verb of the body's proceedings ("adopté à
    l'Assemblée en première lecture")."""
    root = next((t for t in doc[start:end] if not start <= t.head.i < end), doc[start])
    head = root.head
    verb = head.head if head.pos_ in ("NOUN", "PROPN") and head.dep_.startswith("obl") else head
    if verb.pos_ in ("VERB", "AUX") and strip_accents_lower(verb.lemma_) in words.proceeding_verbs:
        return False  # "adopté (mi-avril) à l'Assemblée", "voté au Sénat": the body's proceedings
    if head.i == root.i or head.pos_ not in ("NOUN", "PROPN") or head.dep_.startswith("obl"):
        return True  # a verb, an adjective, or an adjunct noun of the verb ("reçus jeudi à Matignon")
    return strip_accents_lower(head.lemma_) in words.happening_nouns


def _before_the_court(doc: Any, i: int, label: str, words: PlaceWords) -> bool:
    """"comparaître devant le tribunal", "attaquer la décision devant le tribunal": the court as a
    jurisdiction, not its building ("rassemblés devant le tribunal")."""
    return label == COURTHOUSE and strip_accents_lower(doc[i].head.lemma_) in words.judicial_verbs


def find_site_phrases(doc: Any, words: PlaceWords, times: frozenset[int] = frozenset()) -> list[SitePhrase]:
    """The site phrases of a parsed text; ``times``: the tokens of its time expressions (no part of a site)."""
    found: list[SitePhrase] = []
    after = 0  # where the last phrase ended: heads inside it are part of it
    for i in tokens_among(doc, words.head_start_forms):  # most tokens are no head: skip them at once
        if i < after:
            continue
        sent = doc[i].sent
        head = _head_at(doc, i, sent.end, words)
        if head is None or _false_head(doc, i, sent.start, words):
            continue
        size, kind, label = head
        phrase = _phrase(doc, i, size, kind, label, sent, words, times)
        if phrase is None:
            if kind == "seat":
                after = i + size  # "la place Beauvau a rappelé": the ministry, no square
            continue
        found.append(phrase)
        after = phrase.end
    return found


def _phrase_start(doc: Any, i: int, sent: Any, words: PlaceWords) -> int:
    """Where the reported words start: the article, over adjectives before the head ("les anciens locaux"); a
    capitalised adjective inside the sentence starts the name itself ("(Grand hôpital de l'Est francilien)")."""
    k = i - 1
    while k >= sent.start and i - 1 - k < MAX_ADJECTIVES and doc[k].pos_ == "ADJ" and doc[k].text.islower():
        k -= 1
    if k >= sent.start and fold_word(doc[k].text) in words.site_articles:
        return k
    before = doc[i - 1] if i - 1 > sent.start else None
    if before is not None and before.pos_ == "ADJ" and before.is_title:
        return _phrase_start(doc, i - 1, sent, words) if i - 2 > sent.start else i - 1
    return i


def _slot(doc: Any, start: int, i: int, words: PlaceWords) -> Slot | None:
    """How the sentence uses the phrase, when it says a building is meant: after a locative ("à la
    préfecture"), after a locative that only says where ("devant l'hôpital"), or as what a verb of entering,
    striking or visiting acts on ("ont envahi le siège", "l'hôpital a été bombardé")."""
    before = start - 1
    if before >= doc[i].sent.start:
        word = strip_accents_lower(doc[before].text)
        if word in words.front_locatives:
            return "front"
        if word in words.site_locatives:
            return "locative"
    head = doc[i]
    takes = words.place_verbs.get(strip_accents_lower(head.head.lemma_)) if head.head.pos_ == "VERB" else None
    if takes and head.dep_ in ("obj", "nsubj:pass"):
        return "object_institution" if takes == "institution" else "object_site"
    return None


def _description_end(doc: Any, j: int, sent_end: int, words: PlaceWords) -> int:
    """The token after the words that describe a site without naming it: "de" and its noun phrase ("les
    bureaux du porte-parole du gouvernement"), up to a clause, a bracket or another site ("de la place ...")."""
    if j >= sent_end or strip_accents_lower(doc[j].text) not in words.site_prepositions_de:
        return j
    end = j + 1
    while end < sent_end and end - j <= MAX_DESCRIPTION_WORDS:
        tok = doc[end]
        if (tok.is_punct and tok.text not in "-'’") or tok.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ") or \
                (tok.pos_ == "ADP" and fold_word(tok.text) not in words.site_prepositions_de):
            break  # "l'hôpital de la ville dans la nuit": the next phrase is no longer the site's
        if fold_word(tok.text) in words.site_prepositions_de and end + 1 < sent_end and \
                _head_at(doc, end + 1 + (fold_word(doc[end + 1].text) in words.site_articles), sent_end, words):
            break  # "la statue de Jeanne d'Arc de la place des Pyramides": the square is a site of its own
        end += 1
    while end - 1 > j and (fold_word(doc[end - 1].text) in words.site_prepositions_de
                           or fold_word(doc[end - 1].text) in words.site_articles):
        end -= 1
    return end if end > j + 1 else j


def _word_end(doc: Any, end: int, sent_end: int) -> int:
    """The end of a hyphenated word the parser split ("le restaurant fast-food")."""
    while end + 1 < sent_end and doc[end].text == "-" and not doc[end - 1].whitespace_ and doc[end + 1].is_alpha:
        end += 2
    return end


def _phrase_end(doc: Any, i: int, end: int, sent_end: int, times: frozenset[int]) -> int:
    """Not in the middle of the noun phrase: words after ``end`` that hang on the phrase's words and are
    nouns or names stay with it ("le restaurant fast food Wendy's", not "le restaurant fast"), unless they
    are a time expression ("devant le tribunal mercredi matin"); nor in the middle of a word ("Wendy’s")."""
    limit = min(sent_end, i + MAX_HEAD_WORDS + MAX_DESCRIPTION_WORDS)
    while end < limit and end not in times and (
            (i <= doc[end].head.i < end and doc[end].pos_ in ("NOUN", "PROPN", "X") and not doc[end].is_punct)
            or (not doc[end - 1].whitespace_ and doc[end].is_alpha)):
        end += 1
    return end


def _town_follows(doc: Any, end: int, sent_end: int, words: PlaceWords) -> bool:
    """"l'ambassade américaine à Bagdad": the site is read with its town (``mentions._site_before``). Not after
    "de", which joins another complement ("la statue de Jeanne d'Arc de la Place des Pyramides")."""
    word = strip_accents_lower(doc[end].text) if end < sent_end else ""
    if end + 1 >= sent_end or word not in words.site_prepositions or word in words.site_prepositions_de:
        return False
    name = end + 1 + (fold_word(doc[end + 1].text) in words.site_articles)
    return name < sent_end and _capitalised(doc[name])


def _phrase(doc: Any, i: int, size: int, kind: HeadKind, label: str, sent: Any, words: PlaceWords,
            times: frozenset[int]) -> SitePhrase | None:
    start = _phrase_start(doc, i, sent, words)
    slot = _slot(doc, start, i, words)
    if kind in ("institution", "seat"):
        building = slot in ("locative", "front") and _where_something_happens(doc, i, i + size, words) \
            and not _before_the_court(doc, i, label, words)
        if not building and not (kind == "institution" and slot == "object_institution"):
            return None
    j = i + size
    if kind == "seat":
        return SitePhrase(start, j, kind, label, i, False, words.seats[_folded(doc, i, j)])
    adjectives = 0
    while j < sent.end and adjectives < MAX_ADJECTIVES and doc[j].pos_ == "ADJ" and doc[j].text.islower():
        j, adjectives = j + 1, adjectives + 1
    described = _description_end(doc, j, sent.end, words)
    after_de = j < sent.end and strip_accents_lower(doc[j].text) in words.site_prepositions_de
    if after_de:
        j += 1
        if j < sent.end and fold_word(doc[j].text) in words.site_articles:
            j += 1
    if j >= sent.end or not _capitalised(doc[j]):
        end = _phrase_end(doc, i, _word_end(doc, max(described, i + size + adjectives), sent.end), sent.end, times)
        if kind != "odonym" and slot in ("front", "object_institution", "object_site") and \
                not _town_follows(doc, end, sent.end, words):
            return SitePhrase(start, end, kind, label, i, False)
        return None  # "dans la rue", "à l'hôpital": annotators rarely list a site without a name
    if not after_de and kind == "site" and fold_word(doc[i + size - 1].text) in words.sites_needing_de:
        return None  # "le camp Sarkozy": a side, not a camp
    end = _name_end(doc, j, sent.end, words)
    if kind == "site" and _town_follows(doc, end, sent.end, words):
        return None  # "l'ambassade de France à Niamey": the site in its town (``mentions._site_before``)
    return SitePhrase(start, end, kind, label, j, after_de)
