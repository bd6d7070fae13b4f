"""Coreference within the document: short names joined to longer ones, state nouns ("the
regime") and definite nominals ("the minister") resolved to the actor they stand for."""

from __future__ import annotations

import logging
import re

from spacy.tokens import Token

from ..actor_coref import (
    is_bare_definite_head,
    qualifier_country,
    resolve_state_noun,
    same_head,
    state_qualifiers,
)
from ..syntax import doc_text
from .affiliations import named_organisation_before
from .context import Actor, Context, Found
from .mentions import actor_by_key

log = logging.getLogger(__name__)


# -- output ---------------------------------------------------------------------------
def join_short_names(ctx: Context, found: Found) -> None:
    """A surname or last word standing for a person or organisation named in full is
    that one ("Hadid", "the Front"), before descriptions ("the group") are resolved
    against the organisations named so far; an affiliation written as the short name
    takes the full one."""
    _join_surnames(ctx, found)
    _join_last_words(ctx, found)
    names = {}
    for actor in found.actors.values():
        for start, end in actor.mentions:
            names.setdefault(doc_text(ctx.doc)[start:end], set()).add(actor.name)
    for actor in found.actors.values():
        full = names.get(actor.affiliation or "", set())
        if len(full) == 1 and actor.affiliation not in full:
            actor.affiliation = full.pop()


def _join_surnames(ctx: Context, found: Found) -> None:
    """Dictionary people, full names and surnames alone with the same surname are one
    actor (a one-word "organisation" that is a known surname included)."""
    by_surname: dict[str, Actor] = {}
    for actor in found.actors.values():
        if actor.kind == "person" and actor.key.startswith("dict:"):
            by_surname[actor.name.split()[-1].casefold()] = actor
    for actor in found.actors.values():
        if actor.key.startswith("person:") and actor.full_name:
            by_surname.setdefault(actor.key.split(":", 1)[1], actor)
    for key in list(found.actors):
        actor = found.actors[key]
        if key.startswith("person:"):
            surname = key.split(":", 1)[1]
        elif key.startswith("org:") and " " not in actor.name:
            surname = actor.name.casefold()  # a surname the NER took for an organisation
        elif (
            key.startswith("gpe:")
            and " " not in actor.name
            and ctx.lexicon.country_of(actor.name) is None
        ):
            surname = actor.name.casefold()  # or for a place ("Tal rejected that")
        else:
            continue
        target = by_surname.get(surname)
        if target is not None and target is not actor:
            target.mentions.extend(actor.mentions)
            for role in actor.roles:
                if role not in target.roles:
                    target.roles.append(role)
            target.affiliation = target.affiliation or actor.affiliation
            target.country = target.country or actor.country
            target.gender = target.gender or actor.gender
            del found.actors[key]


def _join_last_words(ctx: Context, found: Found) -> None:
    """ "The Free Valley Front said ... The Front accused ...": a one-word organisation
    name that is the last word of one organisation named before it is that one."""
    for key in list(found.actors):
        actor = found.actors[key]
        if not key.startswith("org:") or " " in actor.name:
            continue
        word = actor.name.casefold()
        first = min(start for start, _ in actor.mentions)
        longer = [
            other
            for other in found.actors.values()
            if other is not actor
            and other.kind == "organization"
            and not other.key.startswith("nominal:")
            and " " in other.name
            and other.name.casefold().split()[-1] == word
            and min(start for start, _ in other.mentions) < first
        ]
        if len(longer) == 1:
            longer[0].mentions.extend(actor.mentions)
            del found.actors[key]


def resolve_state_nouns(ctx: Context, found: Found) -> None:
    """ "the regime", "the regime's forces", "the Israeli regime" -> the state's
    dictionary entry ("Israel (government)", "Israel (military)"); see actor_coref."""
    qualifiers = state_qualifiers(ctx.doc, ctx.lexicon)
    for key in [k for k in found.actors if k.startswith("nominal:")]:
        actor = found.actors[key]
        for start, end in list(actor.mentions):
            chunk = ctx.doc.char_span(start, end, alignment_mode="expand")
            if chunk is None:
                continue
            root = chunk.root
            resolved = resolve_state_noun(root, ctx.lexicon, qualifiers)
            if resolved is None and root.lower_ in ctx.lexicon.state_nouns:
                country = qualifier_country(root, ctx.lexicon)
                plain = all(
                    t.i == root.i or t.dep_ in ("det", "amod", "compound", "poss", "case")
                    for t in chunk
                )
                if country and plain:
                    resolved = (country, ctx.lexicon.state_nouns[root.lower_])
            if resolved is None:
                continue
            index = ctx.lexicon.state_entries.get(resolved)
            if index is None:
                actor.country = actor.country or resolved[0]
                continue
            entry = ctx.lexicon.entries[index]
            target = actor_by_key(
                ctx, found, f"dict:{index}",
                {
                    "name": entry.name,
                    "kind": entry.kind,
                    "country": entry.country,
                    "sector": entry.sector,
                    "affiliation": entry.affiliation,
                },
            )
            actor.mentions.remove((start, end))
            target.mentions.append((start, end))
            log.debug("%r resolved to %s", chunk.text, entry.name)
        if not actor.mentions:
            del found.actors[key]


def resolve_definite_nominals(ctx: Context, found: Found) -> None:
    """'a hospital official ... the official': a bare definite noun is the one earlier
    description with the same head word and number (see actor_coref)."""
    heads: list[tuple[int, str, Token]] = []
    for key, actor in found.actors.items():
        if key.startswith("nominal:"):
            for start, end in actor.mentions:
                chunk = ctx.doc.char_span(start, end, alignment_mode="expand")
                if chunk is not None:
                    heads.append((start, key, chunk.root))
    heads.sort(key=lambda h: h[0])
    for position, key, root in heads:
        if key not in found.actors or not is_bare_definite_head(root):
            continue
        earlier = {
            k for p, k, r in heads if p < position and k != key and same_head(r, root)
        }
        if not earlier:
            earlier = named_organisation_before(ctx, found, root, position)
        if not earlier:
            earlier = _named_person_by_role(ctx, found, root, position)
        if len(earlier) != 1:
            continue  # never described, or two descriptions: ambiguous
        target = found.actors[earlier.pop()]
        actor = found.actors[key]
        for mention in [m for m in actor.mentions if m[0] == position]:
            actor.mentions.remove(mention)
            target.mentions.append(mention)
        if not actor.mentions:
            del found.actors[key]


def _named_person_by_role(ctx: Context, found: Found, root: Token, position: int) -> set[str]:
    """ "President Dario Venn ... the president": the named people, mentioned before
    ``position``, whose role has the same head word ("director" in "director of the
    hospital")."""
    if root.tag_ in ("NNS", "NNPS"):
        return set()
    lemma = root.lemma_.lower()

    def head_word(role: str) -> str:
        words = re.split(r"\s(?:of|for|at|in)\s", role.lower())[0].split()
        return words[-1] if words else ""

    return {
        key
        for key, actor in found.actors.items()
        if not key.startswith("nominal:")
        and actor.kind == "person"
        and any(start < position for start, _ in actor.mentions)
        and any(head_word(role) == lemma for role in actor.roles)
    }
