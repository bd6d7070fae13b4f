"""The rules' arguments combined with the argument head (``extract.argument_head``), as
``learned`` combines their triggers with the event head.

The head's projected states come on ``doc._.el_argument_states`` from the attribution span
tagger's forward pass; the head scores each (trigger, candidate) pair of a sentence
(``argument_features``). For the location, whose head learned from gold places
(Halterman's event_location sentences), in each event:

- change: where the head gives the rules' place in the sentence less than
  ``location_keep`` and its best other place of the sentence at least ``location_add``,
  that place takes its place, unless the rules' place is a site put at it ("on Kellmar
  Road in Tampere": the site is the finer answer); the rules' place is never dropped for
  none (the head is not sure enough of "no place": "the killing of civilians by the forces
  in X");
- add: where the rules give no place in the sentence, the head's best place is taken where
  it reaches ``location_add``.

For the actor and the recipient, whose head learned from the rules' own arguments (where
they agree with themselves) and from rule arguments judged right or wrong by hand and on
PETRARCH's codings:

- veto: the rules' argument is dropped where the head gives its head word the role with
  less than ``actor_veto`` (``recipient_veto``): most often a theme taken for a party
  ("accepted the nomination", "supported the idea").

The thresholds are the head's own (``argument_head.json``: the location's chosen out of
fold on the event_location train half, the vetoes on the judged rule arguments). A head
without a threshold for a role, or with 0, leaves the role to the rules.
"""

from __future__ import annotations

import numpy
from spacy.tokens import Doc, Span

from .. import argument_head
from ..syntax import token_range
from .argument_features import pair_features, place_candidates


def head_of(doc: Doc):
    """The argument head whose states ``doc`` carries, or None."""
    states = doc._.el_argument_states
    if not states or states.get("path") is None or len(states["rows"]) != len(doc):
        return None
    return argument_head.load(states["path"])


def scores(doc: Doc, head, trigger_head, type_: str, tokens: list, role: str, *,
           is_place: bool) -> numpy.ndarray:
    """The head's probability that each of ``tokens`` heads the event's ``role``."""
    rows = doc._.el_argument_states["rows"]
    features = numpy.array([pair_features(trigger_head, token, type_, head.types,
                                          is_place=is_place) for token in tokens],
                           dtype="float32")
    index = [token.i for token in tokens]
    triggers = numpy.repeat(rows[[trigger_head.i]], len(index), axis=0)
    return head.score(triggers, rows[index], features)[:, head.roles.index(role)]


def vetoed(doc: Doc, event: dict, trigger_head) -> None:
    """Drop the rules' actor or recipient of ``event`` where the head vetoes it."""
    head = head_of(doc)
    if head is None:
        return
    for role in ("actor", "recipient"):
        veto = head.thresholds.get(f"{role}_veto")
        argument = event[role]
        if not veto or not argument or role not in head.roles:
            continue
        tokens = token_range(doc, argument["start"], argument["end"])
        if tokens is None:
            continue
        word = doc[slice(*tokens)].root
        if scores(doc, head, trigger_head, event["type"], [word], role,
                  is_place=False)[0] < veto:
            event[role] = None


def located(doc: Doc, sent: Span, event: dict, trigger_head, places: list[dict]
            ) -> dict | None:
    """The event's location reference, the rules' (``event["location"]``) kept or changed
    by the head."""
    head = head_of(doc)
    rule = event["location"]
    if head is None or "location" not in head.roles:
        return rule
    keep = head.thresholds.get("location_keep")
    add = head.thresholds.get("location_add")
    candidates = place_candidates(sent, places)
    if keep is None or add is None or not candidates:
        return rule
    found = scores(doc, head, trigger_head, event["type"],
                   [token for _place, token in candidates], "location", is_place=True)
    ids = [place["id"] for place, _token in candidates]
    ruled = ids.index(rule["place"]) if rule and rule["place"] in ids else None
    if ruled is not None and found[ruled] >= keep:
        return rule
    order = [k for k in numpy.argsort(-found) if k != ruled]
    if order and found[order[0]] >= add:
        chosen = candidates[order[0]][0]
        if ruled is not None and (candidates[ruled][0].get("near") or {}).get(
            "place"
        ) == chosen["id"]:
            return rule  # "on Kellmar Road in Tampere": the site is the finer answer
        return {"place": chosen["id"]}
    return rule
