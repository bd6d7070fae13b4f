"""Nominal actors: noun phrases whose head names a kind of actor ("police", "resistance
fighters", "an Israeli news website")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..base import is_excluded
from .affiliations import named_organisation_before
from .context import Context, Found, mention_text, same_paragraph, trim_determiners
from .lexicon import (
    ACTOR_DEPS,
    DETERMINERS,
    INDEFINITE_ARTICLES,
    PERSONAL_PRONOUNS,
    QUANTIFIERS,
    normalise,
)
from .mentions import actor_by_key


# -- nominal mentions -----------------------------------------------------------------
def add_nominals(ctx: Context, found: Found) -> None:
    doc = ctx.doc
    for chunk, root in _nominal_candidates(ctx, found):
        # A lower-case "proper noun" is the tagger's slip ("the defence ministry").
        common = root.pos_ == "NOUN" or (root.pos_ == "PROPN" and root.text.islower())
        if root.i in found.claimed or not common:
            continue
        if root.dep_ not in ACTOR_DEPS:
            continue
        if root.dep_ == "pobj" and not _pobj_acts(root):
            continue
        if any(t.like_num or t.pos_ == "NUM" or t.lower_ in QUANTIFIERS for t in chunk):
            continue  # "27 people", "several people": a figure, not an actor
        if any(t.lower_ in PERSONAL_PRONOUNS for t in chunk):
            continue
        sector = ctx.lexicon.head_sector(root)
        if sector is None:
            if root.i == chunk.root.i:
                _short_name(ctx, found, chunk)
            continue
        if is_excluded(doc, chunk.start_char, chunk.end_char):
            continue
        if sector == "other":
            sector = _modifier_sector(ctx, found, root) or sector
        elif sector == "military" and _modifier_sector(ctx, found, root) == "armed group":
            sector = "armed group"  # "a rebel commander", "militia fighters"
        tokens = trim_determiners(same_paragraph(list(chunk), root)) or [root]
        if tokens[0].i > chunk.start and doc[tokens[0].i - 1].lower_ in DETERMINERS:
            tokens = [doc[tokens[0].i - 1], *tokens]  # as written: "The Israeli media"
        text = mention_text(doc, tokens)
        key = f"nominal:{normalise(text)}"
        if tokens[0].lower_ in INDEFINITE_ARTICLES and key in found.actors:
            # "A spokesman said ... A spokesman for the mayor said": each "a" brings in
            # someone new (and "the spokesman" after both may be either).
            key = f"{key}#{sum(k.startswith(f'{key}#') for k in found.actors) + 2}"
        kind = _nominal_kind(ctx, found, root)
        country = None
        for token in chunk:
            if token.i != root.i and token.text[:1].isupper():
                country = ctx.lexicon.demonym_country(token.text)
                if country:
                    break
        actor = actor_by_key(
            ctx, found, key,
            {
                "name": text,
                "kind": kind,
                "country": country,
                "sector": None if sector == "other" else sector,
            },
        )
        actor.mentions.append((tokens[0].idx, tokens[-1].idx + len(tokens[-1])))
        found.claimed.update(t.i for t in chunk)


def _pobj_acts(root: Token) -> bool:
    """An object of a preposition that names someone acting or speaking: "by the
    army", "according to the army"."""
    prep = root.head
    if prep.lower_ == "by" or prep.dep_ == "agent":
        return True
    return prep.lower_ == "to" and prep.head.lower_ == "according"


def _modifier_sector(ctx: Context, found: Found, root: Token) -> str | None:
    """A role with no sector of its own takes its modifier's: "a police spokesman",
    "an army officer", "a rebel commander"."""
    for child in root.lefts:
        if child.dep_ in ("compound", "amod", "nmod") and child.pos_ in ("NOUN", "ADJ"):
            sector = ctx.lexicon.head_sector(child)
            if sector not in (None, "other"):
                return sector
    return None


def _nominal_candidates(ctx: Context, found: Found) -> list[tuple[Span, Token]]:
    """Noun chunks with their roots, each preceded by the possessor noun inside it:
    in "the council's statement" the council is someone too."""
    candidates = []
    for chunk in ctx.doc.noun_chunks:
        for owner in chunk.root.children:
            if owner.dep_ == "poss" and owner.pos_ == "NOUN" and owner.left_edge.i >= chunk.start:
                candidates.append((ctx.doc[owner.left_edge.i : owner.i + 1], owner))
        candidates.append((chunk, chunk.root))
    return candidates


def _short_name(ctx: Context, found: Found, chunk: Span) -> None:
    """ "the Human Security Monitor ... the monitor": "the" and the last word of one
    organisation named before (``_named_organisation_before``), whose head has no
    sector of its own, is that one."""
    root = chunk.root
    if root.tag_ != "NN" or [t.lower_ for t in chunk] != ["the", root.lower_]:
        return
    if is_excluded(ctx.doc, chunk.start_char, chunk.end_char):
        return
    named = named_organisation_before(ctx, found, root, chunk.start_char)
    if len(named) == 1:
        found.actors[named.pop()].mentions.append((chunk.start_char, chunk.end_char))
        found.claimed.update(t.i for t in chunk)


def _nominal_kind(ctx: Context, found: Found, root: Token) -> str:
    lemma = root.lemma_.lower()
    if lemma in ctx.lexicon.org_heads and root.tag_ not in ("NNS", "NNPS"):
        return "organization"
    if lemma in ctx.lexicon.person_heads and root.tag_ == "NN":
        return "person"
    return "group"
