"""What the argument head reads of a trigger and a candidate besides the encoder's states:
how the parse joins them, how far apart they are, what kind of word the candidate is and
the trigger's type. The training scripts (``training/event_heads/prepare_arguments.py``)
and the events component (``learned_arguments``) build them with the same function, so
that the head sees at run time what it learned from.

Candidates are the words an argument can be headed by: for the actor and the recipient,
the sentence's nouns, names and pronouns that head a phrase; for the location, the
sentence's place records.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

ROLES = ("actor", "recipient", "location")
# How a candidate hangs on the trigger (its head word) in the parse.
RELATIONS = ("nsubj", "nsubjpass", "dobj", "dative", "poss", "compound", "amod", "attr",
             "agent", "prep", "other_child", "sibling", "governor", "other")
PREPS = ("against", "at", "by", "from", "in", "into", "near", "of", "on", "to", "with")
DISTANCES = (-10, -4, -1, 0, 3, 9)  # upper bounds of the signed distance buckets
PATH_LENGTHS = (1, 2, 3)  # dependency path lengths with a bucket of their own; longer: one
ENT_TYPES = ("GPE", "LOC", "FAC", "ORG", "PERSON", "NORP")
NOMINAL = ("NOUN", "PROPN", "PRON")


def feature_names(types: list[str]) -> list[str]:
    """The names of :func:`pair_features`' columns (``types``: the PLOVER types the head
    knows, in its order)."""
    return ([f"rel:{r}" for r in RELATIONS] + [f"prep:{p}" for p in PREPS] + ["prep:other"]
            + [f"dist<={d}" for d in DISTANCES] + ["dist>"]
            + [f"path<={n}" for n in PATH_LENGTHS] + ["path>"]
            + ["cand:propn", "cand:pron", "cand:place"]
            + [f"ent:{e}" for e in ENT_TYPES] + ["ent:other"]
            + ["trig:noun", "trig:passive"] + [f"type:{t}" for t in types])


def _relation(trigger: Token, cand: Token) -> tuple[str, str | None]:
    """(relation, preposition) of ``cand`` to ``trigger``."""
    if cand.head.i == trigger.i and cand.i != trigger.i:
        if cand.dep_ in RELATIONS:
            return cand.dep_, None
        return "other_child", None
    if cand.dep_ == "pobj" and cand.head.dep_ in ("prep", "agent") and (
        cand.head.head.i == trigger.i
    ):
        word = cand.head.lower_
        return ("agent" if cand.head.dep_ == "agent" else "prep"), word
    if cand.head.i == trigger.head.i and cand.i != trigger.i:
        return "sibling", None
    if trigger.head.i == cand.i or cand in trigger.ancestors:
        return "governor", None
    return "other", None


def _path_length(trigger: Token, cand: Token) -> int:
    """Arcs between the two words in the parse (through their lowest common ancestor)."""
    up = {trigger.i: 0}
    for n, token in enumerate(trigger.ancestors, 1):
        up[token.i] = n
    if cand.i in up:
        return up[cand.i]
    for n, token in enumerate(cand.ancestors, 1):
        if token.i in up:
            return n + up[token.i]
    return 99


def _bucket(value: int, bounds: tuple[int, ...]) -> int:
    return next((k for k, bound in enumerate(bounds) if value <= bound), len(bounds))


@cache
def _columns(types: tuple[str, ...]) -> dict[str, int]:
    """Each feature name's column, worked out once per list of types."""
    return {name: k for k, name in enumerate(feature_names(list(types)))}


def pair_features(trigger: Token, cand: Token, type_: str, types: list[str], *,
                  is_place: bool) -> list[float]:
    """The columns of :func:`feature_names` for the trigger's head word and a candidate's."""
    relation, prep = _relation(trigger, cand)
    distance = _bucket(cand.i - trigger.i, DISTANCES)
    path = _bucket(_path_length(trigger, cand), PATH_LENGTHS)
    ent = cand.ent_type_
    on = [f"rel:{relation}",
          f"dist<={DISTANCES[distance]}" if distance < len(DISTANCES) else "dist>",
          f"path<={PATH_LENGTHS[path]}" if path < len(PATH_LENGTHS) else "path>"]
    if prep is not None:
        on.append(f"prep:{prep}" if prep in PREPS else "prep:other")
    if ent:
        on.append(f"ent:{ent}" if ent in ENT_TYPES else "ent:other")
    flags = {"cand:propn": cand.pos_ == "PROPN", "cand:pron": cand.pos_ == "PRON",
             "cand:place": is_place, "trig:noun": trigger.pos_ in ("NOUN", "PROPN"),
             "trig:passive": any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children),
             f"type:{type_}": True}
    on += [name for name, value in flags.items() if value]
    columns = _columns(tuple(types))
    row = [0.0] * len(columns)
    for name in on:
        if name in columns:  # a type the head was not trained with has no column
            row[columns[name]] = 1.0
    return row


def party_candidates(sent: Span, trigger: range) -> list[Token]:
    """Words of ``sent`` that can head an actor or a recipient: nouns, names and pronouns
    heading a phrase (not a compound's first word), outside the trigger."""
    return [t for t in sent if t.pos_ in NOMINAL and t.i not in trigger
            and t.dep_ not in ("compound", "flat")]


def place_candidates(sent: Span, places: list[dict]) -> list[tuple[dict, Token]]:
    """The place records in ``sent`` (with ``_tokens``, their token range, see
    ``locate.with_tokens``), each with its head word."""
    found = []
    for place in places:
        start, end = place.get("_tokens") or (None, None)
        if start is None or not (sent.start <= start < sent.end):
            continue
        found.append((place, sent.doc[start:end].root))
    return found
