"""Human-readable renderings for the terminal: per-article summaries and store statistics."""

from __future__ import annotations

from typing import Any, get_args

from .document import ActorType, Document
from .event_rows import line as event_line

ORG_TYPES = tuple(t for t in get_args(ActorType) if t not in ("person", "state"))


def _names(items: list[str], limit: int = 6) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f" (+{len(items) - limit})" if len(items) > limit else "")


def summarise(doc: Document) -> dict[str, list[str]]:
    """People, organisations and places of one document (countries count as places)."""
    return {
        "people": [a.name + (f" ({a.country})" if a.country else "") for a in doc.actors_of_type("person")],
        "organisations": [a.name for a in doc.actors_of_type(*ORG_TYPES)],
        "places": doc.place_names(),
    }


def summary_table(docs: list[Document]) -> str:
    lines = [f"{'article':<28} {'date':<10} {'people':>6} {'orgs':>5} {'places':>6} {'events':>6}  main actors"]
    for doc in docs:
        s = summarise(doc)
        lines.append(f"{doc.id[:28]:<28} {doc.date or '?':<10} {len(s['people']):>6} {len(s['organisations']):>5} "
                     f"{len(s['places']):>6} {len(doc.events):>6}  {_names(s['people'] + s['organisations'], 4)}")
    return "\n".join(lines)


def pretty(doc: Document) -> str:
    """A readable account of one document, with the offsets of every mention."""
    out = [f"== {doc.id}  date {doc.date or 'unknown'} ({doc.date_precision or '-'})"
           + (f"  dateline {doc.dateline.place}" if doc.dateline else "")
           + (f"  credit {', '.join(c.agency for c in doc.credits)}" if doc.credits else "")]
    if doc.title:
        out.append(f"   {doc.title}")
    repeats = [i for i, p in enumerate(doc.paragraphs) if p.repeat_of is not None]
    out.append(f"   {len(doc.paragraphs)} paragraphs, {len(doc.sentences)} sentences"
               + (f"; paragraph(s) {', '.join(map(str, repeats))} repeat earlier ones" if repeats else ""))
    for a in doc.actors:
        where = ", ".join(f"{m.start}-{m.end}" for m in a.mentions[:4])
        extra = " ".join(x for x in (a.country or "", f"qid {a.qid}" if a.qid else "",
                                     f"role: {a.role}" if a.role else "",
                                     f"pro-{a.affiliation}" if a.affiliation else "") if x)
        out.append(f"   {a.type:<12} {a.name:<40} {extra}  [{len(a.mentions)}x: {where}]")
    places = doc.place_names()
    if places:
        out.append(f"   places: {_names(places, 12)}")
    for q in doc.quotes:
        who = (q.speaker.name if q.speaker else None) or "?"
        cue = (q.cue.lemma if q.cue else None) or "-"
        out.append(f"   {q.kind:<8} {who:<28} ({cue}) {q.text[:70]!r} @{q.start}")
    for e in doc.events:
        out.append("   " + event_line(e).replace("\n", "\n   "))
    for t in doc.timexes:
        interval = f"{t.earliest}..{t.latest}" if t.earliest else ""
        mod = f" {t.mod}" if t.mod else ""
        out.append(f"   {t.type:<8} {t.value or '?'!s:<22} {interval:<34}{mod} {t.text!r} @{t.start}")
    return "\n".join(out)


def stats_text(stats: dict[str, Any]) -> str:
    c = stats["counts"]
    lines = [f"articles {c['articles']}  actors {c['actors']}  mentions {c['mentions']}  events {c['events']}  "
             f"quotes {c['quotes']}  places {c['places']}  timexes {c['timexes']}",
             f"dates {stats['dates'][0] or '?'} .. {stats['dates'][1] or '?'}",
             "actor types: " + ", ".join(f"{k} {v}" for k, v in sorted(stats["actor_types"].items()))]
    if stats.get("event_types"):
        lines.append("event types: " + ", ".join(f"{k} {v}" for k, v in stats["event_types"].items()))
    if stats["top_actors"]:
        lines.append("most frequent actors (articles):")
        lines += [f"  {a['articles']:>5}  {a['name']} ({a['type']})" for a in stats["top_actors"]]
    return "\n".join(lines)
