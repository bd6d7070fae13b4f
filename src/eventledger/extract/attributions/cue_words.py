"""Which words report: reporting verbs of the lexicon used as such, verbs taking a "that"
clause, and the words that keep a verb from reporting."""

from __future__ import annotations

from spacy.tokens import Token

from ...data_files import word_lists
from ..base import actor_at
from .context import Context

_SPEAKER_PRONOUNS = word_lists("grammar_words")["speaker_pronouns"]


def is_cue_verb(ctx: Context, token: Token) -> bool:
    if token.pos_ not in ("VERB", "AUX") or token.lower_ == "according":
        return False
    lemma = token.lemma_.lower()
    if lemma in ctx.cues.cite_verbs or lemma not in ctx.cues.verbs:
        return False
    objects = ctx.cues.verbs[lemma].get("objects")
    if objects is not None and not any(
        c.dep_ == "dobj" and c.lemma_.lower() in objects for c in token.children
    ):
        return False  # "put the toll at 12" reports; "put pressure on" does not
    if (
        not ctx.cues.verbs[lemma].get("plain")
        and any(
            c.dep_ == "dobj" and c.lemma_.lower() in ctx.cues.place_objects
            for c in token.children
        )
        and not any(c.dep_ in ("xcomp", "ccomp") for c in token.children)
    ):
        # "defended the town": an act on a place, not a stance ("ordered the city to
        # publish it" still reports).
        return False
    return token.dep_ not in ("amod", "compound")


def inside_xcomp_report(ctx: Context, verb: Token) -> bool:
    """ "asked the council to confirm it": a base-form cue that is what another cue
    asks or wants is part of that report's content."""
    head = verb.head
    return (
        verb.tag_ == "VB"
        and verb.dep_ == "xcomp"
        and is_cue_verb(ctx, head)
        and "xcomp" in ctx.cues.verbs[head.lemma_.lower()].get("frames", [])
    )


def unrealised(verb: Token) -> bool:
    """A base-form cue inside another clause that is only possible or denied ("he said
    he would not confirm it"), or that qualifies a noun ("the right to respond"):
    no one reports anything there (PolNeAR train: about one in seven is annotated)."""
    if verb.tag_ != "VB":
        return False
    if verb.dep_ == "acl":
        return True
    return verb.dep_ in ("ccomp", "relcl") and any(
        c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in verb.children
    )


def is_clause_verb(ctx: Context, token: Token) -> bool:
    """A verb outside the lexicon that takes a "that" clause and has a speaker-like
    subject ("X hopes that ...", "X fears that ...")."""
    if token.pos_ != "VERB" or token.dep_ in ("amod", "compound"):
        return False
    for child in token.children:
        if (
            child.dep_ == "ccomp"
            and child.pos_ in ("VERB", "AUX")
            and child.i > token.i
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children)
        ):
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            return subject is not None and (
                subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                or subject.lower_ in _SPEAKER_PRONOUNS
                or actor_at(ctx.doc, subject.idx, subject.idx + len(subject)) is not None
            )
    return False


def is_cite_participle(ctx: Context, token: Token) -> bool:
    return token.lemma_.lower() in ctx.cues.cite_verbs and token.tag_ == "VBG"


def plain_verb(ctx: Context, token: Token | None) -> bool:
    """Whether ``token`` is a verb the lexicon marks as a plain reporting verb."""
    if token is None or token.pos_ not in ("VERB", "AUX"):
        return False
    return bool(ctx.cues.verbs.get(token.lemma_.lower(), {}).get("plain"))


def relative_word(verb: Token) -> Token | None:
    """The relative pronoun opening the relative clause of which the cue verb is the
    head ("the plan, which she said ...")."""
    if verb.dep_ != "relcl":
        return None
    first = verb.left_edge
    if first.tag_ not in ("WDT", "WP") or (
        first.head.i == verb.i and first.dep_ in ("nsubj", "nsubjpass")
    ):
        return None  # "the ministry, which said ...": the relative word is the speaker
    return first

