"""The rules' triggers combined with the event head (``extract.event_head``), as the
attributions component combines its rules with the span tagger.

The head's probabilities come on ``doc._.el_trigger_scores`` from the attribution span
tagger's forward pass. In each sentence:

- veto: a rule trigger whose type the head gives less than ``veto`` (at the best of its
  words) is dropped: the head, trained on coded sentences and agreed rule output, is
  confident it is not an event of that type ("attack the virus" slipped past a rule).
  The rules stay where they are sure: a trigger whose sense needed a weapon in its clause
  ("fired rockets"), whose subject is a weapon ("a roadside bomb killed four"), an
  assault with a weapon in its own clause ("the bombs were detonated"), a killing or
  wounding done by a person or group ("gunmen killed five people"), or an assault noun
  between people or groups ("clashes between herders and farmers") is kept;
- add: a verb or common noun that no rule trigger covers and that the head gives a type
  with probability ``add`` or more becomes a trigger of that type, its following words of
  the same type with it, unless the rules are sure it is none (``senses.ruled_out``: a
  noun qualifying another, a weapon named as a thing, an accident, an object its lexicon
  entry rules out). The rules then do the rest as for their own triggers: arguments
  (passives, light verbs), place, date, negation and hypotheticals, and, for ASSAULT, the
  mode from a weapon in the clause.

The thresholds are the component's settings, by default those of the head's own
``event_head.json`` (whose veto may be given per type, ``veto_by_type``, where the head's
training had enough checked rule triggers of the type to choose one).
"""

from __future__ import annotations

from functools import cache

import numpy
from spacy.tokens import Doc, Span

from ..base import is_excluded
from .context import Context
from .senses import ruled_out
from .triggers import armed, party_act, party_between, party_harm


@cache
def _label_columns(labels: tuple[str, ...]) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """The head's columns of each type (B- and I-), and of each type's I- alone: worked out
    once per head, not for every sentence."""
    columns: dict[str, list[int]] = {}
    for i, tag in enumerate(labels):
        if tag != "O":
            columns.setdefault(tag[2:], []).append(i)
    inside_of = {type_: [k for k in ks if labels[k].startswith("I-")]
                 for type_, ks in columns.items()}
    return columns, inside_of


def with_model(ctx: Context, doc: Doc, sent: Span, triggers: list[dict], *,
               veto: float | None = None, add: float | None = None) -> list[dict]:
    """The sentence's rule triggers, vetoed and completed by the event head (``veto`` and
    ``add``: the component's thresholds; None: the head's own)."""
    scores = doc._.el_trigger_scores
    if not scores or not scores.get("labels") or (
        len(scores["rows"]) != len(doc)
    ):
        return triggers
    rows, labels = scores["rows"], scores["labels"]
    thresholds = scores.get("thresholds") or {}
    # the component's veto for every type, else the head's own: per type where its training
    # chose one (``veto_by_type``), its general one for the others
    veto_by_type = {} if veto is not None else thresholds.get("veto_by_type") or {}
    veto = veto if veto is not None else thresholds.get("veto")
    add = add if add is not None else thresholds.get("add")
    columns, inside_of = _label_columns(tuple(labels))
    types = list(columns)
    # Each token of the sentence's probability of each type (B- and I- together), summed
    # once for the sentence rather than again for every token and type looked at.
    first = sent.start
    sent_rows = rows[first:sent.end]
    by_type = numpy.zeros((len(sent_rows), len(types)), dtype="float32")
    for k, type_ in enumerate(types):
        by_type[:, k] = sent_rows[:, columns[type_]].sum(axis=1)
    column_of = {t: k for k, t in enumerate(types)}

    def prob(i: int, type_: str) -> float:
        k = column_of.get(type_)
        return float(by_type[i - first, k]) if k is not None else 0.0

    kept = []
    for trig in triggers:
        best = max(prob(i, trig["type"]) for i in range(trig["start"], trig["end"]))
        limit = veto_by_type.get(trig["type"], veto)
        if limit is not None and trig["type"] in columns and best < limit and (
            not _rules_sure(ctx, trig)
        ):
            continue
        kept.append(trig)
    if add is None:
        return kept
    if not types:
        return sorted(kept, key=lambda t: t["start"])  # a head with no types adds none
    covered = {i for t in kept for i in range(t["start"], t["end"])}
    weapons = None
    i = sent.start
    while i < sent.end:
        token = doc[i]
        if i in covered or token.pos_ not in ("VERB", "NOUN") or token.is_space:
            i += 1
            continue
        best_k = int(by_type[i - first].argmax())
        type_, p = types[best_k], float(by_type[i - first, best_k])
        if p < add or is_excluded(doc, token.idx, token.idx + len(token)) or (
            ruled_out(ctx, token, type_)
        ):
            i += 1
            continue
        end = i + 1
        inside = inside_of[type_]
        while end < sent.end and end not in covered and inside and (
            float(rows[end, inside].sum()) >= add
        ):
            end += 1
        if weapons is None:
            weapons = ctx.weapons.find(doc, sent.start, sent.end)
        kept.append({"start": i, "end": end, "head": doc[i:end].root, "type": type_,
                     "mode": None, "weapons": weapons, "entry": {},
                     "consequence": False, "needs_party": False, "learned": True})
        i = end
    return sorted(kept, key=lambda t: t["start"])


def _rules_sure(ctx: Context, trig: dict) -> bool:
    """A trigger the rules are sure of, which the head never vetoes: a sense that needed a
    weapon, a weapon as the means, an assault with a weapon in its clause, a killing done
    by a person or group, or a word its lexicon entry marks sure when a person or group
    does it (``party_sure``: arson), an assault noun between people or groups ("clashes
    between herders and farmers"). Asked only of a trigger the head would veto."""
    return (trig.get("entry") or {}).get("needs") == "weapon" or bool(trig.get("by_means")) or (
        trig["type"] == "ASSAULT" and (armed(ctx, trig) or party_harm(ctx, trig))) or (
        party_act(ctx, trig) or party_between(ctx, trig))
