"""Figurative harm: a word of killing or attacking told of ideas, not of people or places
("journalists are killing journalism", "the bill came under assault", "the policy is
killing the economy"), and a launch into no place of anyone's ("launched a rocket into
space"). Neither is an assault."""

from __future__ import annotations

from spacy.tokens import Token

from ..place_words import place_words
from . import triggers
from .context import Context
from .lexicon import HIT_PREPS
from .phrases import is_passive, prep_objects

# Place words of sites, buildings and people: what an attack hits, never an idea
_CONCRETE_LISTS = ("building_words", "site_heads", "event_site_nouns", "city_nouns",
                   "of_place_nouns", "wide_nouns", "people_nouns")
# "on Friday": when, not where to
_TIMES = ("DATE", "TIME")


def figurative(ctx: Context, head: Token) -> bool:
    """A word of harm or attack whose every target is an idea ("killing journalism",
    "the bill came under assault", "an attack on democracy"), or whose doer is an idea
    and whose targets are things ("the tax is killing jobs"); a weapon fired or launched
    into a thing that is no place, party or building ("launched a rocket into space")."""
    if _launch_into_nowhere(ctx, head):
        return True
    lemma = head.lemma_.lower()
    if lemma not in ctx.words["harm_verbs"] and lemma not in ctx.words["hit_verbs"] and (
        lemma not in ctx.words["attack_words"]
    ):
        return False
    if any(c.dep_ in ("amod", "compound") and c.lower_ in ctx.words["violent_modifiers"]
           for c in head.children):
        return False  # "violent attacks on their values": real attacks, told as on ideas
    targets = _targets(ctx, head)
    if not targets or any(concrete(ctx, t) for t in targets):
        return False
    if all(_idea_word(ctx, t) for t in targets):  # none concrete, as just seen
        return True
    doers = triggers.doers(head) if head.pos_ == "VERB" else []
    return bool(doers) and all(_an_idea(ctx, d) for d in doers)


def _targets(ctx: Context, head: Token) -> list[Token]:
    """What the word harms: a verb's object (its passive's subject); a noun's "on" or
    "against" phrase, or the subject of the verb that it is under ("the bill came under
    assault", "the data is under attack") or that receives it ("the bill faces an
    assault")."""
    if head.pos_ == "VERB":
        deps = ("nsubjpass",) if is_passive(head) else ("dobj",)
        found = [c for c in head.children if c.dep_ in deps]
    else:
        found = prep_objects(head, ("on", "against"))
        verb = None
        if head.dep_ == "pobj" and head.head.lower_ == "under":
            verb = head.head.head
        elif head.dep_ == "dobj" and head.head.lemma_.lower() in ctx.words["receiving_verbs"]:
            verb = head.head
        if verb is not None and verb.pos_ in ("VERB", "AUX"):
            found += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return found + [c for t in found for c in t.conjuncts]


def _launch_into_nowhere(ctx: Context, verb: Token) -> bool:
    """A verb that needs a weapon ("launched", "fired") whose only destination is a thing
    that is no place, party or building ("into space", "into orbit")."""
    if verb.pos_ != "VERB":
        return False
    if (triggers.entry_at(ctx, verb) or {}).get("needs") != "weapon":
        return False
    into = prep_objects(verb, ctx.words["launch_preps"])
    aimed = [p for p in prep_objects(verb, HIT_PREPS) if p.ent_type_ not in _TIMES]
    return bool(into) and not any(concrete(ctx, t) for t in into + aimed)


def concrete(ctx: Context, token: Token) -> bool:
    """A person, group, place, building, vehicle or weapon: what an attack may hit; a name
    or a pronoun of any kind too (whatever it stands for)."""
    if token.pos_ != "NOUN" or token.ent_type_:
        return True
    words = (token.lemma_.lower(), token.lower_)
    if triggers.may_be_party(ctx, token) or triggers.is_weapon(ctx, token) or any(
        w in ctx.person_words or w in ctx.words["vehicle_nouns"] for w in words
    ):
        return True
    lists = place_words()
    return any(w in lists[key] for key in _CONCRETE_LISTS for w in words)


def _an_idea(ctx: Context, token: Token) -> bool:
    """A noun of an idea, a law or a way of life ("journalism", "the bill", "the
    economy"), that names no party, place or thing that can be hit."""
    return not concrete(ctx, token) and _idea_word(ctx, token)


def _idea_word(ctx: Context, token: Token) -> bool:
    """A word of the idea lists, by its lemma, its form or its ending."""
    words = (token.lemma_.lower(), token.lower_)
    return any(w in ctx.words["idea_nouns"] for w in words) or any(
        token.lower_.endswith(end) for end in ctx.words["idea_suffixes"])
