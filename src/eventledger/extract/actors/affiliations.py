"""Affiliations of nominal actors: the organisation a nominal ("a spokesman", "its fighters")
belongs to, from the words around it or the sole subject before it."""

from __future__ import annotations

from spacy.tokens import Token

from .context import Actor, Context, Found, mention_text, same_paragraph, trim_determiners
from .lexicon import AFFILIATION_PREPS, GROUP_POSSESSIVES, ORGANISATION_PREPS


def resolve_nominal_affiliations(ctx: Context, found: Found) -> None:
    """ "A spokesman for the Northern Front", "an official of the group": the
    organisation a described or named person speaks or works for is their affiliation; a bare
    "the group" is the one organisation it can stand for (``_named_organisation_before``)."""
    for actor in found.actors.values():
        # Named people too: "A spokesman for the office, Tarik Nour" is a mention of him.
        if actor.kind != "person" or actor.affiliation:
            continue
        for start, end in actor.mentions:
            words = ctx.doc.char_span(start, end, alignment_mode="expand")
            organisation = (
                _organisation_after(ctx, found, words.root) or its_organisation(ctx, found, words.root)
                if words
                else None
            )
            if organisation is not None:
                actor.affiliation = organisation.name
                break
            body = _body_described_after(ctx, found, words.root) if words else None
            if body is not None:
                actor.affiliation, sector = body
                actor.sector = actor.sector or sector  # she speaks for a government body
                break


def _body_described_after(ctx: Context, found: Found, root: Token) -> tuple[str, str] | None:
    """ "A spokeswoman for the border authority", "a doctor at the city hospital": a
    body the text describes without naming, by a head noun with a sector: its words as
    written, and its sector."""
    for prep in root.rights:
        if prep.dep_ != "prep" or prep.lower_ not in AFFILIATION_PREPS:
            continue
        for pobj in prep.children:
            # A body, not people: "for the rebels" names no one organisation.
            sector = ctx.lexicon.head_sector(pobj) if pobj.tag_ == "NN" else None
            if pobj.dep_ == "pobj" and sector not in (None, "other", "civilians"):
                words = trim_determiners(same_paragraph(list(pobj.subtree), pobj))
                return (mention_text(ctx.doc, words), sector) if words else None
    return None


def its_organisation(ctx: Context, found: Found, root: Token) -> Actor | None:
    """ "The Front said ... Its spokesman": the organisation that is the subject of
    one of the two sentences before, the latest one."""
    if not any(c.dep_ == "poss" and c.lower_ in GROUP_POSSESSIVES for c in root.children):
        return None
    sentence = root.sent
    earliest = ctx.doc[max(sentence.start - 1, 0)].sent
    if sentence.start > 0 and earliest.start > 0:
        earliest = ctx.doc[earliest.start - 1].sent
    best: tuple[int, Actor] | None = None
    for actor in found.actors.values():
        if actor.kind != "organization":
            continue
        for start, end in actor.mentions:
            words = ctx.doc.char_span(start, end, alignment_mode="expand")
            if (
                words is not None
                and earliest.start_char <= start < root.idx
                and words.root.dep_ in ("nsubj", "nsubjpass")
                and (best is None or start > best[0])
            ):
                best = (start, actor)
    return best[1] if best else None


def _organisation_after(ctx: Context, found: Found, root: Token) -> Actor | None:
    for prep in root.rights:
        if prep.dep_ != "prep" or prep.lower_ not in ORGANISATION_PREPS:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            hits = [
                a for a in found.actors.values()
                if a.kind == "organization"
                and any(s < pobj.idx + len(pobj) and pobj.idx < e for s, e in a.mentions)
            ]
            if len(hits) == 1:
                return hits[0]
            if any(c.lower_ == "the" for c in pobj.children):
                # "the group": the one organisation it can stand for; "the office": the
                # one before whose name ends in "office".
                named = named_organisation_before(ctx, found, pobj, pobj.idx)
                if len(named) == 1:
                    return found.actors[named.pop()]
    return None


def named_organisation_before(ctx: Context, found: Found, root: Token, position: int) -> set[str]:
    """The named organisations a bare "the brigade" or "the group" may stand for: those
    named before ``position`` whose name ends in the same word ("Eastern Brigade"), or,
    for a word that fits any group (``any_group_heads``), every one named before."""
    if root.tag_ != "NN":
        return set()
    lemma = root.lemma_.lower()
    before = {
        key: actor
        for key, actor in found.actors.items()
        if actor.kind == "organization"
        and any(start < position for start, _ in actor.mentions)
    }
    named = {k: a for k, a in before.items() if not k.startswith("nominal:")}
    # "The government's humanitarian office said ... a spokesman for the office": an
    # organisation described, not named, ends in the same word too.
    same_word = {k for k, a in before.items() if a.name.lower().split()[-1] == lemma}
    if not same_word and ctx.lexicon.head_sectors.get(lemma) == "media":
        # "the newspaper Vechirni Visti ... The paper said": the outlets named before;
        # none for a noun that a name follows ("the newspaper Vechirni Visti" itself).
        followed = any(c.dep_ == "appos" for c in root.children) or (
            root.i + 1 < len(ctx.doc) and ctx.doc[root.i + 1].pos_ == "PROPN"
        )
        return set() if followed else {k for k, a in named.items() if _is_outlet(ctx, found, a)}
    if same_word or lemma not in ctx.lexicon.any_group_heads:
        return same_word
    if len(named) > 1:
        # "The Free Coast Movement claimed the attack. The group said ...": the one
        # organisation that alone was the subject of the sentence before.
        subject = _sole_subject_before(ctx, found, root, named)
        if subject is not None:
            return {subject}
    return set(named)


def _is_outlet(ctx: Context, found: Found, actor: Actor) -> bool:
    """A news outlet: by the lexicon's sector, or introduced as one ("the newspaper
    Vechirni Visti")."""
    if actor.sector == "media":
        return True
    for start, end in actor.mentions:
        words = ctx.doc.char_span(start, end, alignment_mode="expand")
        if words is None:
            continue
        name = actor.name.lower().split()
        before = [ctx.doc[words.start - 1]] if words.start > 0 else []
        if words.root.dep_ == "appos":
            before.append(words.root.head)
        if any(
            ctx.lexicon.head_sectors.get(t.lower_) == "media" and t.lower_ not in name
            for t in [*words, *before]
        ):
            return True
    return False


def _sole_subject_before(ctx: Context, found: Found, root: Token, named: dict[str, Actor]) -> str | None:
    sentence = root.sent
    if sentence.start == 0:
        return None
    before = ctx.doc[sentence.start - 1].sent
    hits = set()
    for key, actor in named.items():
        for start, end in actor.mentions:
            if not before.start_char <= start < before.end_char:
                continue
            mention = ctx.doc.char_span(start, end, alignment_mode="expand")
            head = mention.root if mention is not None else None
            if head is not None and head.dep_ in ("nsubj", "nsubjpass"):
                if any(c.dep_ == "conj" for c in head.children):
                    return None  # "A and B said ...": either may be meant
                hits.add(key)
    return hits.pop() if len(hits) == 1 else None
