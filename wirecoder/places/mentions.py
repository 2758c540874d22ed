"""Finding place mentions in a parsed article.

Names come from two sources: the named-entity recogniser's places (minus those the actors stage read as
actors, "Washington a recensé") and the gazetteer's French phrases found in the text ("les pays baltes",
"la mer du Nord", which the recogniser misses or cuts). Around a name, the words say more:
"la région de Mopti" (a region, not the town), "le nord de la Syrie" (a part of the country, reported
besides Syria), "l'ambassade américaine à Bagdad" (a site in the city).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from ..actor_dictionary import load_dictionary
from ..core.spans import inside, overlaps
from ..core.text import fold_word, strip_accents_lower
from ..document import Document
from .districts import District, english_ordinal, find_districts
from .gazetteer import Gazetteer, PlaceKind
from .names import place_key
from .resolve import Before
from .sites import SitePhrase, find_site_phrases
from .tokens import tokens_among
from .words import PlaceWords, Seat, place_words

# How far before the place's preposition a site noun may stand ("la base aérienne 123 d'Orléans":
# 2 words between); further away the noun belongs to another phrase.
MAX_SITE_GAP = 4
# Words allowed between a site noun and its place: adjectives, numbers, a demonym, "de France".
SITE_GAP_POS = {"ADJ", "NUM", "DET", "ADP", "PROPN"}
# Between a place and the one containing it: ", dans le nord de la" is 6 words.
MAX_CONTAINER_GAP = 6
# "procureur de la République de Paris", "brigade des sapeurs-pompiers de Paris": words in a body's title.
MAX_BODY_TITLE = 8



@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int  # the words reported as the place ("l'ambassade américaine à Bagdad")
    end: int
    text: str
    key: str  # gazetteer key of the name inside ("bagdad")
    before: Before = None
    kinds: frozenset[PlaceKind] | None = None
    sentence: int = 0  # token index of the sentence start
    site: str | None = None  # English label of the site noun
    owner: str | None = None  # ISO3 of the country a site belongs to ("l'ambassade américaine")
    direction: str | None = None  # English adjective of a part ("Northern")
    name_start: int = 0  # the name's own offsets
    name_end: int = 0
    locative: bool = False  # after "à", "en", "dans": a place even if the gazetteer does not know it
    container_key: str | None = None  # "Paris, au Texas": the key of "Texas"
    area: str | None = None  # English word of an area noun before the name ("Region" for "région de")
    named: str | None = None  # a site named by its own words ("rue de Grenelle"): its name when not located
    head_kind: PlaceKind | None = None  # what a place not located is, from its head noun
    recognised: bool = False  # the recogniser's place: reported even when the gazetteer does not know it
    inner: bool = False  # the town after a site noun ("Garches" of "l'hôpital de Garches"), or nothing
    seat: Seat | None = None  # "à l'Élysée": the building of a seat of power
    coordinated: tuple[int, ...] = ()  # characters of the words the name is coordinated with ("X et Y")
    district: District | None = None  # "le XVIe arrondissement de Paris"


class PhraseFinder:
    """The gazetteer's curated French names, matched case-insensitively and without accents."""

    def __init__(self, nlp: Any, gazetteer: Gazetteer) -> None:
        from spacy.matcher import PhraseMatcher

        self.gazetteer = gazetteer  # also for names the recogniser marks: known as a whole or not
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.forms: dict[str, str] = {}  # match id -> the form, for its capitalisation
        for form in gazetteer.phrases:
            key = strip_accents_lower(form)
            variants = {form, key, form.replace("'", "’"), key.replace("'", "’")}
            label = f"p{len(self.forms)}"
            self.forms[label] = form
            self.matcher.add(label, [nlp.make_doc(v) for v in variants])

    def __call__(self, doc: Any) -> list[tuple[int, int]]:
        spans = []
        for match_id, start, end in self.matcher(doc):
            form = self.forms[doc.vocab.strings[match_id]]
            if _capitals_agree(form, doc[start:end]):
                spans.append((start, end))
        return spans


def _capitals_agree(form: str, span: Any) -> bool:
    """"Cher" the department is written with a capital, "cher" the adjective is not."""
    words = form.split()
    if len(words) != len(span.text.split()):
        return span.text[:1].isupper() or not form[:1].isupper()
    return all(not w[:1].isupper() or t[:1].isupper() for w, t in zip(words, span.text.split(), strict=True))


Span = tuple[int, int]


def _base_spans(document: Document, doc: Any, finder: PhraseFinder, sites: list[Span],
                words: PlaceWords, times: frozenset[int] = frozenset()) -> tuple[list[Span], set[Span]]:
    """Token spans of place names: the recogniser's places and the gazetteer's phrases, longest first,
    without overlaps; nothing inside a person or organisation name or an actor use of a place, nor in a site
    phrase (``sites``: "la rue de Strasbourg", "l'hôpital de Garches" are read as wholes). Also which of the
    spans are the recogniser's places (reported even when the gazetteer does not know them)."""
    blocked: list[Span] = list(sites)  # person names, actor uses of places, site phrases
    named: list[Span] = []  # organisations and other names: a place phrase may equal one
    recognised: list[Span] = []
    for e in document.entities:
        span = doc.char_span(e.start, e.end, alignment_mode="expand")
        if span is None:
            continue
        if e.label == "LOC" and not e.metonymy and not e.repeat:
            end = next((t.i for t in span if t.i in times), span.end)  # "l'Arc de Triomphe samedi"
            if end > span.start and not overlaps(span.start, end, sites) \
                    and not _inside_a_brand(doc, span.start, end):
                recognised.append((span.start, end))
        elif e.label in {"ORG", "MISC"} and not e.metonymy:
            named.append((span.start, span.end))  # "Stade de France" tagged ORG is still the stadium
        else:
            blocked.append((span.start, span.end))
    # "François Hollande" named in the article: "Hollande" alone is him, not the Netherlands
    surnames = {e.text.split()[-1] for e in document.entities if e.label == "PER" and len(e.text.split()) > 1}
    recognised = [(a, b) for a, b in recognised if doc[a:b].text not in surnames]
    repeats = [(p.start, p.end) for p in document.paragraphs if p.repeat_of is not None]
    phrases: list[Span] = []
    for start, end in finder(doc):
        if inside(doc[start].idx, repeats):
            continue  # a repeated lede: its places were counted where it first stood
        if overlaps(start, end, blocked):
            continue
        if any(a <= start and end <= b and (a, b) != (start, end) for a, b in named) and \
                not (start > 0 and strip_accents_lower(doc[start - 1].text) in words.locatives):
            continue  # "Banque de France": a country inside a name; not "(le terrorisme) au Sahel"
        if _inside_a_brand(doc, start, end) or doc[start:end].text in surnames:
            continue
        phrases.append((start, end))
    chosen: list[Span] = []
    for start, end in sorted(set(recognised + phrases), key=lambda s: (s[0] - s[1], s[0])):
        if not overlaps(start, end, chosen):
            chosen.append((start, end))
    return sorted(chosen), set(recognised) - set(phrases)


def _inside_a_brand(doc: Any, start: int, end: int) -> bool:
    """A place's name that starts or ends a name the recogniser missed: "France 3", "France Bleu Occitanie",
    "Agence France-Presse", "WWF France". The next word, capitalised or a number, follows with a space (or a
    hyphen) and no punctuation; or an acronym comes before."""
    sent = doc[start].sent
    after = doc[end] if end < sent.end else None
    if after is not None and doc[end - 1].whitespace_ and (after.is_title or after.is_upper or after.is_digit) \
            and (after.is_alpha or after.is_digit) and after.ent_iob_ != "B":
        return True  # not "en France Emmanuel Macron a dit": another name begins
    if end + 1 < sent.end and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ \
            and doc[end + 1].text[:1].isupper():
        return True
    before = doc[start - 1] if start > sent.start else None
    return before is not None and before.is_alpha and before.is_upper and len(before) > 1 and bool(before.whitespace_)


def _after_locative(doc: Any, start: int, words: PlaceWords) -> bool:
    """"à Bricy", "à la Bastille", "dans le VIIIe arrondissement": a name after a locative (and an article)."""
    i = start - 1
    if i > 0 and strip_accents_lower(doc[i].text) in words.determiners:
        i -= 1
    return i >= 0 and strip_accents_lower(doc[i].text) in words.locatives


def _said_town(doc: Any, start: int, end: int, words: PlaceWords) -> bool:
    """"la ville de La Rochelle" (a town noun and "de"), "Pishan, une localité du Xinjiang" (an apposition)."""
    return (start > 1 and fold_word(doc[start - 1].text) in words.part_prepositions
            and fold_word(doc[start - 2].text) in words.town_nouns) or _town_apposition(doc, end, words)


def _town_apposition(doc: Any, end: int, words: PlaceWords) -> bool:
    """"Pishan, une localité du Xinjiang", "Balma, une commune de la banlieue": the name is a town."""
    after = [fold_word(t.text) for t in doc[end:end + 4]]
    if not after or after[0] != ",":
        return False
    rest = [w for w in after[1:] if w not in words.apposition_words]
    return bool(rest) and rest[0] in words.town_nouns


def _before(doc: Any, i: int, words: PlaceWords) -> Before:
    if i <= 0 or i <= doc[i].sent.start - 1:
        return None
    prev = strip_accents_lower(doc[i - 1].text)
    if prev in words.area_articles:
        return "article"
    if prev in words.town_prepositions:
        return "town_preposition"
    return None


def _area_noun(doc: Any, start: int, words: PlaceWords) -> int | None:
    """"région de Mopti": the index of "région" when the name follows an area noun and "de"."""
    sent_start = doc[start].sent.start
    if start - 2 >= sent_start and strip_accents_lower(doc[start - 1].text) in words.part_prepositions:
        if strip_accents_lower(doc[start - 2].text) in words.area_nouns:
            return start - 2
    return None


def _after_area_noun(doc: Any, start: int, end: int, words: PlaceWords) -> int:
    """"province du Khyber Pakhtunkhwa" as the recogniser tags it: where the name starts, after its area noun
    and "de" (read then as in "la province de Diyala"); ``start`` when the span has no area noun."""
    if end - start > 2 and strip_accents_lower(doc[start].text) in words.area_nouns and \
            strip_accents_lower(doc[start + 1].text) in words.part_prepositions and doc[start + 2].text[:1].isupper():
        return start + 2
    return start


def _part_of(doc: Any, start: int, words: PlaceWords) -> int | None:
    """"le nord de la Syrie", "l'est du pays": the index of the direction word before the name."""
    i = start - 1
    sent_start = doc[start].sent.start
    if i >= sent_start and strip_accents_lower(doc[i].text) in words.determiners:
        i -= 1
    if i - 1 < sent_start or strip_accents_lower(doc[i].text) not in words.part_prepositions:
        return None
    direction = i - 1
    if strip_accents_lower(doc[direction].text) not in words.directions or doc[direction].text[:1].isupper():
        return None
    if direction - 1 < sent_start or strip_accents_lower(doc[direction - 1].text) not in words.part_determiners:
        return None
    return direction


def _site_before(doc: Any, start: int, words: PlaceWords, lang: str) -> tuple[int, str, str | None] | None:
    """"l'ambassade américaine à Bagdad": (index where the site phrase starts, English label, owner ISO3)."""
    sent_start = doc[start].sent.start
    i = start - 1
    if i >= sent_start and strip_accents_lower(doc[i].text) in words.determiners:
        i -= 1
    if i < sent_start or strip_accents_lower(doc[i].text) not in words.site_prepositions:
        return None
    d = load_dictionary(lang)
    owner = None
    j = i - 1
    while j >= max(sent_start, i - 1 - MAX_SITE_GAP):
        for size in (3, 2, 1):
            head = tuple(strip_accents_lower(t.text) for t in doc[j - size + 1:j + 1]) \
                if j - size + 1 >= sent_start else ()
            if head in words.sites and doc[j - size + 1].pos_ in ("NOUN", "PROPN"):  # not "basé à"
                first = j - size + 1
                if first - 1 >= sent_start and doc[first - 1].pos_ == "DET":
                    first -= 1
                return first, words.sites[head], owner
        tok = doc[j]
        if (tok.pos_ not in SITE_GAP_POS and not tok.is_title) or tok.is_punct:
            return None  # a capitalised word is a name's, whatever its tag ("de La Lanterne à Versailles")
        owner = owner or d.country_of_demonym(tok.text) or d.country_of_name(tok.text)
        j -= 1
    return None


def _inside_other_name(doc: Any, start: int, words: PlaceWords) -> bool:
    """"Banque de France": a capitalised name head, then "de", then the place name."""
    sent_start = doc[start].sent.start
    return (start - 2 >= sent_start and strip_accents_lower(doc[start - 1].text) in words.part_prepositions
            and doc[start - 2].text in words.name_heads)


def _body_names(doc: Any, words: PlaceWords) -> frozenset[int]:
    """Tokens of the names in a body's title: "le parquet de Créteil", "la brigade criminelle de Paris", "le
    procureur de la République de Paris" (the guidelines: a name inside an organisation's name is no place)."""
    taken: set[int] = set()
    for tok in (doc[i] for i in tokens_among(doc, words.body_head_forms)):
        j, end = tok.i + 1, min(tok.sent.end, tok.i + MAX_BODY_TITLE)
        while j < end:
            word = doc[j]
            folded = strip_accents_lower(word.text)
            if word.pos_ == "ADJ" or folded in words.part_prepositions or folded in words.determiners \
                    or (word.pos_ == "NOUN" and word.is_lower) or word.text == "-":
                j += 1  # "criminelle", "de la", "des sapeurs-pompiers"
            elif word.text[:1].isupper():
                taken.add(j)  # "République", "Paris"
                j += 1
            else:
                break
    return frozenset(taken)


def _contains(doc: Any, end: int, next_start: int, words: PlaceWords) -> bool:
    """"Paris, au Texas", "Alep, dans le nord de la Syrie", "Paris (Texas)": the next name contains this one."""
    gap = doc[end:next_start]
    if not 1 <= len(gap) <= MAX_CONTAINER_GAP or gap[0].text not in {",", "("} or gap.sent.start != doc[end].sent.start:
        return False
    return all(strip_accents_lower(t.text) in words.container_words or strip_accents_lower(t.text) in words.directions
               for t in gap[1:])


def lang_words_demonym(text: str, lang: str) -> bool:
    return load_dictionary(lang).country_of_demonym(text) is not None


_PART_SEPARATOR = re.compile(r"\s+(?:de|du|des|d['’])\s*|(?<=\w)['’](?=\w)|-|\s+")


def name_parts(mention: PlaceMention, lang: str) -> list[PlaceMention]:
    """The mention again for each part of its name, last part first: "République de Paris" -> "Paris",
    "Orléans-Bricy" -> "Bricy", "Orléans" (for a name the gazetteer does not know as a whole)."""
    name_text = mention.text[mention.name_start - mention.start:mention.name_end - mention.start]
    bounds = [0]
    for m in _PART_SEPARATOR.finditer(name_text):
        bounds += [m.start(), m.end()]
    bounds.append(len(name_text))
    parts = []
    for a, b in zip(bounds[::2], bounds[1::2], strict=True):
        piece = name_text[a:b]
        if len(piece) < 2 or not piece[:1].isupper():
            continue
        start, end = mention.name_start + a, mention.name_start + b
        if mention.site or mention.direction:  # the phrase stays, its place is the part
            parts.append(replace(mention, key=place_key(piece, lang), name_start=start, name_end=end))
        else:
            parts.append(replace(mention, start=start, end=end, text=piece, key=place_key(piece, lang),
                                 name_start=start, name_end=end))
    return parts[::-1] if len(parts) > 1 else []


def find_mentions(document: Document, doc: Any, finder: PhraseFinder, lang: str) -> list[PlaceMention]:
    words = place_words(lang)
    text = document.text
    repeats = [(p.start, p.end) for p in document.paragraphs if p.repeat_of is not None]
    times = frozenset(t.i for x in document.timexes if (span := doc.char_span(x.start, x.end, alignment_mode="expand"))
                      for t in span)
    phrases = [p for p in find_site_phrases(doc, words, times) if not inside(doc[p.start].idx, repeats)
               and not _figurative(doc, p, words, lang)]
    found = [m for p in phrases for m in _site_mentions(doc, p, text, lang)]
    districts = [d for d in find_districts(doc, text, words) if not inside(doc[d.start].idx, repeats)]
    found += [m for d in districts for m in _district_mentions(doc, d, text, lang)]
    taken = [(p.start, p.end) for p in phrases] + [(d.start, d.end) for d in districts]
    base, recognised = _base_spans(document, doc, finder, taken, words, times)
    bodies = _body_names(doc, words)
    spans = [s for s in base if not _inside_other_name(doc, s[0], words) and s[1] - 1 not in bodies]
    sites_before = [_site_before(doc, start, words, lang) for start, _ in spans]
    for n, (start, end) in enumerate(spans):
        is_recognised = (start, end) in recognised
        if is_recognised and not finder.gazetteer.index.get(place_key(doc[start:end].text, lang)):
            start = _after_area_noun(doc, start, end, words)  # not "district de Columbia", a name as a whole
        span = doc[start:end]
        key = place_key(span.text, lang)
        container = spans[n + 1] if n + 1 < len(spans) and _contains(doc, end, spans[n + 1][0], words) else None
        if not key or lang_words_demonym(span.text, lang):
            continue  # "Français", "Libyen": people the recogniser took for places
        said_town = _said_town(doc, start, end, words)
        locative = said_town or _after_locative(doc, start, words)
        common = dict(key=key, sentence=span.sent.start, name_start=span.start_char, name_end=span.end_char,
                      locative=locative, recognised=is_recognised, coordinated=_coordinated(span),
                      container_key=place_key(doc[container[0]:container[1]].text, lang) if container else None)
        area = _area_noun(doc, start, words)
        if area is not None:
            a = doc[area].idx
            found.append(PlaceMention(a, span.end_char, text[a:span.end_char], kinds=frozenset({"region"}),
                                      area=words.area_nouns[strip_accents_lower(doc[area].text)],
                                      **common))
        else:
            head = strip_accents_lower(span[0].text)
            found.append(PlaceMention(span.start_char, span.end_char, span.text, before=_before(doc, start, words),
                                      head_kind="region" if head in words.area_heads else "city" if said_town
                                      else None, **common))
        part = _part_of(doc, start, words)
        if part is not None:
            a = doc[part].idx
            found.append(PlaceMention(a, span.end_char, text[a:span.end_char], before="article",
                                      direction=words.directions[strip_accents_lower(doc[part].text)],
                                      **common))
        site = sites_before[n]
        later = sites_before[n + 1] if n + 1 < len(spans) else None
        if site is not None and later is not None and later[0] == site[0]:
            site = None  # "l'ambassade de France à Niamey": the site is in the town, France only owns it
        if site is not None:
            first, label, owner = site
            a = doc[first].idx
            found.append(PlaceMention(a, span.end_char, text[a:span.end_char], site=label, owner=owner,
                                      before="town_preposition", **common))
    return found


def _coordinated(span: Any) -> tuple[int, ...]:
    """Where the words coordinated with the name stand: "du château de Versailles et du Grand Trianon"."""
    root = span.root
    linked = [root.head] if root.dep_ == "conj" else []
    linked += [c for c in root.children if c.dep_ == "conj"]
    return tuple(t.idx for t in linked if not span.start <= t.i < span.end)


def _figurative(doc: Any, phrase: SitePhrase, words: PlaceWords, lang: str) -> bool:
    """"la place de la France en Europe": a rank, not a square, when the name after the head is a country."""
    heads = {strip_accents_lower(t.text) for t in doc[phrase.start:phrase.name_start]}
    return bool(heads & words.figurative_odonyms) and \
        load_dictionary(lang).country_of_name(doc[phrase.name_start:phrase.end].text) is not None


def _site_mentions(doc: Any, phrase: SitePhrase, text: str, lang: str) -> list[PlaceMention]:
    """The mentions a site phrase makes: the site, and for "l'hôpital de Garches" the town it may stand in."""
    a, b = doc[phrase.start].idx, doc[phrase.end - 1].idx + len(doc[phrase.end - 1])
    head = phrase.start + 1 if fold_word(doc[phrase.start].text) in place_words(lang).site_articles else phrase.start
    bare = text[doc[head].idx:b]
    named = bare[:1].upper() + bare[1:]
    n_start = doc[phrase.name_start].idx
    sentence = doc[phrase.start].sent.start
    if phrase.seat is not None:
        return [PlaceMention(a, b, text[a:b], key=place_key(bare, lang), sentence=sentence, name_start=doc[head].idx,
                             name_end=b, named=phrase.seat.name, head_kind="site", seat=phrase.seat)]
    if phrase.head == "odonym" or not phrase.after_de:
        return [PlaceMention(a, b, text[a:b], key=place_key(bare, lang), sentence=sentence, name_start=doc[head].idx,
                             name_end=b, named=named, head_kind="site", locative=True)]
    inner = place_key(text[n_start:b], lang)
    return [PlaceMention(a, b, text[a:b], key=inner, before="town_preposition", sentence=sentence,
                         site=phrase.label, name_start=n_start, name_end=b, named=named, head_kind="site"),
            PlaceMention(n_start, b, text[n_start:b], key=inner, before="town_preposition", sentence=sentence,
                         name_start=n_start, name_end=b, locative=True, inner=True)]


def _district_mentions(doc: Any, district: District, text: str, lang: str) -> list[PlaceMention]:
    """The district, and the city when the words name it ("de Paris")."""
    a, b = doc[district.start].idx, doc[district.end - 1].idx + len(doc[district.end - 1])
    sentence = doc[district.start].sent.start
    found = [PlaceMention(a, b, text[a:b], key=place_key(district.city, lang), sentence=sentence, name_start=a,
                          name_end=b, named=f"{english_ordinal(district.number)} arrondissement of {district.city}",
                          head_kind="region", district=district)]
    last = doc[district.end - 1]
    if district.end - district.start > 2:
        found.append(PlaceMention(last.idx, b, last.text, key=place_key(last.text, lang), sentence=sentence,
                                  name_start=last.idx, name_end=b, before="town_preposition", locative=True,
                                  inner=True))
    return found
