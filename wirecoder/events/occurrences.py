"""One record per occurrence: mentions of the same event in an article are merged, every evidence kept.

Two mentions are one occurrence when nothing in them disagrees (type, factuality, the actors named, a
dated day) and something ties them: the later one points back ("ces attaques"), both are tallies of
the same kind ("des dizaines d'attaques depuis la mi-octobre" ... "102 attaques depuis le 17 octobre"),
the same actor does it, or one sentence tells both. The merged record takes its evidence from the
mention that states it most completely (the one with the figure, for a tally) and fills the gaps from
the others.
"""

from __future__ import annotations

from copy import copy

from .model import Event, Role

# Verbal acts: the same actor criticising twice makes two events, not one told twice.
SPEECH_ACTS = {"AGREE", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}


def _conflict(a: Role | None, b: Role | None) -> bool:
    return a is not None and b is not None and a.actor is not None and b.actor is not None and a.actor != b.actor


def _two_acts(view: Event, new: Event) -> bool:
    """Two verbs of one sentence, each done to someone else: "des assaillants ont poignardé cinq personnes
    avant que trois d'entre eux ne soient abattus"."""
    a, b = view.recipient, new.recipient
    return view.mention.verbal and new.mention.verbal and view.mention.trigger != new.mention.trigger and \
        a is not None and b is not None and a.start is not None and b.start is not None and \
        (a.start, a.end) != (b.start, b.end) and not (a.actor and a.actor == b.actor)


def _joins(view: Event, group: list[Event], new: Event) -> bool:
    if view.type != new.type or view.factuality != new.factuality:
        return False
    if view.date_span and new.date_span and view.date != new.date and not (view.aggregate and new.aggregate):
        return False  # two dated occurrences
    if view.aggregate != new.aggregate and ((view.date_span and not view.aggregate)
                                            or (new.date_span and not new.aggregate)):
        return False  # a dated single attack is not the tally of attacks
    pointing = not new.date_span and new.count is None
    if new.anaphoric and pointing:
        return True  # "ces attaques", "sa garde à vue": the ones already told
    if _conflict(view.actor, new.actor) or _conflict(view.recipient, new.recipient):
        return False
    if new.definite and pointing:
        return True  # "aux attaques": the ones already told, unless someone else's
    if view.mode and new.mode and view.mode != new.mode and not (view.aggregate and new.aggregate):
        return False
    same_sentence = any(m.evidence == new.mention.evidence for m in view.mentions)
    if same_sentence and _two_acts(view, new):
        return False
    if view.aggregate and new.aggregate:  # tallies of one word: "des dizaines d'attaques", "102 attaques"
        return same_sentence or any(m.lemma == new.mention.lemma for m in view.mentions)
    if view.type not in SPEECH_ACTS and view.actor and new.actor and view.actor.actor \
            and view.actor.actor == new.actor.actor:
        return True  # one visit told twice; not two statements by one person
    return same_sentence


def combine(group: list[Event]) -> Event:
    """The record of one occurrence from its mentions (in text order)."""
    counted = [e for e in group if e.count is not None]
    pool = counted or group
    best = max(pool, key=lambda e: (e.weight(), -e.mention.evidence.start))
    merged = copy(best)
    for other in group:
        if other is best:
            continue
        merged.mode = merged.mode or other.mode
        merged.actor = merged.actor or other.actor
        merged.recipient = merged.recipient or other.recipient
        if other.location and not other.location.inferred and (merged.location is None or merged.location.inferred):
            merged.location = other.location
        if merged.date_span is None and other.date_span is not None:
            merged.date, merged.date_span, merged.date_basis = other.date, other.date_span, other.date_basis
        for figure in ("count", "killed", "injured"):
            if getattr(merged, figure) is None:
                setattr(merged, figure, getattr(other, figure))
        merged.aggregate = merged.aggregate or other.aggregate
    merged.mentions = sorted((m for e in group for m in e.mentions), key=lambda m: m.trigger.start)
    return merged


def merge(events: list[Event]) -> list[Event]:
    groups: list[list[Event]] = []
    views: list[Event] = []
    for event in events:
        for index in range(len(groups) - 1, -1, -1):
            if _joins(views[index], groups[index], event):
                groups[index].append(event)
                views[index] = combine(groups[index])
                break
        else:
            groups.append([event])
            views.append(combine([event]))
    return views
