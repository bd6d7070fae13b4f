"""Means: a weapon named as an argument's phrase ("a mortar round", "tear gas canisters"),
and a weapon word that names a person in the text ("a bomber on a motorbike" is no
aircraft)."""

from __future__ import annotations

from spacy.tokens import Token

from ...data_files import word_lists
from ..numbers import is_age
from . import arguments, triggers
from .context import Context
from .phrases import of_objects

_GRAMMAR = word_lists("grammar_words")
# "the bomber, who ...": a relative pronoun that stands for a person only
_PERSON_RELATIVES = _GRAMMAR["person_relatives"]
# "the bomber detonated his vest", "blew himself up": a person's pronoun in its clause
_PERSON_PRONOUNS = _GRAMMAR["person_pronouns"] | _GRAMMAR["person_reflexives"]
# Modifiers whose weapon the head noun is a piece or load of ("a mortar round")
_MODIFIER_DEPS = ("compound", "nmod", "amod")
# "500kg of explosives", "dozens of rockets": an amount the tagger names
_AMOUNT_ENTS = ("QUANTITY", "CARDINAL")


def is_means(ctx: Context, token: Token) -> bool:
    """Whether the phrase headed by ``token`` names a weapon: a weapon word ("the
    rockets"), a weapon phrase that ends on it ("a mortar round"), or a piece or load of a
    weapon named by its modifier ("tear gas canisters", "an artillery round"); people
    ("gunmen", "a tank commander") are no means."""
    if triggers.is_weapon(ctx, token):
        return True
    if token.pos_ != "NOUN" or token.lemma_.lower() in ctx.person_words:
        return False
    group = [token] + [c for c in token.children if c.dep_ == "conj"]
    return any(_phrase_ending(ctx, t, t.i + 1) or _load_of_weapon(ctx, t) for t in group)


def _load_of_weapon(ctx: Context, token: Token) -> bool:
    """"a mortar round", "tear gas canisters": a piece or load of the weapon its modifier
    names; "500kg of explosives", "a cache of grenades": an amount of the weapon its "of"
    phrase names."""
    lemma = token.lemma_.lower()
    if lemma in ctx.words["munition_nouns"] and (any(
        c.dep_ in _MODIFIER_DEPS and c.i < token.i and _names_weapon(ctx, c)
        for c in token.children
    ) or _phrase_ending(ctx, token, token.i)):
        return True
    amount = lemma in ctx.words["amount_nouns"] or token.lower_ in ctx.words[
        "amount_nouns"] or token.like_num or token.ent_type_ in _AMOUNT_ENTS
    return amount and any(_names_weapon(ctx, p) for p in of_objects(token))


def _names_weapon(ctx: Context, token: Token) -> bool:
    return triggers.is_weapon(ctx, token) or _phrase_ending(ctx, token, token.i + 1)


def _phrase_ending(ctx: Context, token: Token, end: int) -> bool:
    """A weapon phrase of the lexicon that starts among the token's modifiers and ends at
    ``end``: on the token ("mortar round", "tear gas"; ``end`` past it), or just before it,
    whichever word the parser hung the others on ("tear gas canisters", with "tear" taken
    for the head noun's own modifier; ``end`` the token itself)."""
    doc = token.doc
    for i in range(token.left_edge.i, token.i):
        hit = ctx.weapons.match_at(doc, i, end)
        if hit is not None and i + hit[0] == end:
            return True
    return False


def as_people(ctx: Context, doc, weapons: list) -> list:
    """``weapons`` (``(start, end, mode)`` spans), with a word that names a person as
    well as a machine ("bomber") given its person's mode where the text makes it a
    person: on foot or on a motorbike, riding or wearing something, a person's age or name
    beside it ("the bomber, 22,"), "who" after it, "his" or "himself" in its clause, or a
    mention of a person among the document's actors."""
    senses = ctx.lexicon.get("person_weapon_senses", {})
    if not senses:
        return weapons
    result = []
    for start, end, mode in weapons:
        head = doc[start:end].root
        # the word alone: "suicide bomber" is a phrase of its own, with its own mode
        sense = (senses.get(head.lemma_.lower()) or senses.get(head.lower_)) if (
            end - start == 1) else None
        if sense is not None and _a_person(ctx, head):
            mode = sense
        result.append((start, end, mode))
    return result


def _a_person(ctx: Context, token: Token) -> bool:
    for child in token.children:
        if child.dep_ == "appos" and (
            is_age(child) or child.ent_type_ == "PERSON" or child.pos_ == "PROPN"
        ):
            return True  # "the bomber, 22,", "the bomber, Ali Karim,"
        if child.dep_ == "relcl" and any(
            c.lower_ in _PERSON_RELATIVES for c in child.children
        ):
            return True  # "a bomber who ..."
        if child.dep_ == "prep" and any(
            p.dep_ == "pobj" and p.lemma_.lower() in ctx.words["person_mounts"]
            for p in child.children
        ):
            return True  # "a bomber on a motorbike", "on foot"
        if child.dep_ == "acl" and child.lemma_.lower() in ctx.words["person_acts"]:
            return True  # "a bomber wearing a vest", "riding a motorcycle"
    if token.dep_ == "nsubj" and any(
        t.lower_ in _PERSON_PRONOUNS for c in token.head.children
        if c.dep_ in ("dobj", "prep", "dative") for t in c.subtree
    ):
        return True  # "the bomber detonated his vest", "blew himself up"
    return arguments.among_actors(token, "person")
