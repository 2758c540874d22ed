"""A spaCy component run after the statistical NER: dictionary matches of actors and countries, and
clean-up of the model's entity spans.

Like spaCy's EntityRuler with ``overwrite_ents``, but a model PER entity that contains a country name
is kept ("Maurice Dupont" stays a person), and entities lose leading prepositions and determiners
("en Irak" -> "Irak"). Matched entities carry the actor id in ``ent_id_``.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..actor_dictionary import load_dictionary

LABEL_OF_TYPE = {"person": "PER", "state": "LOC"}  # everything else is an organisation
LEADING_JUNK = {"ADP", "DET", "PUNCT", "CCONJ"}


def _variants(alias: str) -> set[str]:
    """The alias as written, with the other apostrophe, and capitalised (sentence start)."""
    forms = {alias, alias.replace("'", "’"), alias.replace("’", "'")}
    return forms | {f[0].upper() + f[1:] for f in forms if f[:1].islower()}


def dictionary_patterns(lang: str) -> list[tuple[str, str, str]]:
    """(surface form, label, actor id) for every alias and every country name."""
    d = load_dictionary(lang)
    out: list[tuple[str, str, str]] = []
    for entry in d.entries.values():
        label = LABEL_OF_TYPE.get(entry.type, "ORG")
        out += [(v, label, entry.id) for a in entry.aliases for v in sorted(_variants(a))]
    for iso3, names in d.country_names.items():
        out += [(v, "LOC", f"country:{iso3}") for n in names for v in sorted(_variants(n))]
    return out


def _trim(span: Span) -> Span | None:
    """Drop leading prepositions/determiners and edge punctuation; None if nothing named is left."""
    start, end = span.start, span.end
    doc = span.doc
    # Only lowercase function words: "La Haye", "Le Caire" keep their article.
    while start < end and ((doc[start].pos_ in LEADING_JUNK and not doc[start].text[:1].isupper())
                           or doc[start].is_space or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if start >= end or not any(t.text[:1].isupper() or t.is_digit for t in doc[start:end]):
        return None
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=span.label_, span_id=span.id_)


class ActorRuler:
    def __init__(self, nlp: Language, lang: str) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.label_of: dict[str, str] = {}
        by_id: dict[str, list[Doc]] = {}
        for form, label, actor_id in dictionary_patterns(lang):
            by_id.setdefault(actor_id, []).append(nlp.make_doc(form))
            self.label_of[actor_id] = label
        for actor_id, docs in by_id.items():
            self.matcher.add(actor_id, docs)

    def __call__(self, doc: Doc) -> Doc:
        matches = []
        for match_id, start, end in self.matcher(doc):
            actor_id = doc.vocab.strings[match_id]
            matches.append(Span(doc, start, end, label=self.label_of[actor_id], span_id=actor_id))
        matches = filter_spans(matches)
        model = [t for t in (_trim(e) for e in doc.ents) if t is not None]
        kept_matches = []
        for m in matches:
            inside_person = any(e.label_ == "PER" and e.start <= m.start and m.end <= e.end
                                and (e.start, e.end) != (m.start, m.end) and m.label_ == "LOC" for e in model)
            if not inside_person:
                kept_matches.append(m)
        taken = {i for m in kept_matches for i in range(m.start, m.end)}
        ents = kept_matches + [e for e in model if not taken.intersection(range(e.start, e.end))]
        doc.set_ents(sorted(ents, key=lambda s: s.start), default="outside")
        return doc


@Language.factory("wirecoder_actor_ruler", default_config={"lang": "fr"})
def make_actor_ruler(nlp: Language, name: str, lang: str) -> Any:
    return ActorRuler(nlp, lang)
