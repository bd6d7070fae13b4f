"""Noun frames: "the ministry's statement that CONTENT", "a claim by X that CONTENT", and
"In a poll released Monday, CONTENT" (the poll reports as "according to" does)."""

from __future__ import annotations

from spacy.tokens import Token

from ...data_files import word_lists
from ..base import actor_at
from . import according_frames, channels, clauses, cue_words, sources
from .candidates import Candidate, Candidates
from .context import Context

_SOURCE_PREPS = word_lists("grammar_words")["source_preps"]


def noun_cue(ctx: Context, found: Candidates, noun: Token) -> None:
    """ "the ministry's statement that CONTENT", "a claim by X that CONTENT"."""
    clause = next(
        (
            c
            for c in noun.children
            if c.dep_ in ("acl", "ccomp")
            and c.i > noun.i
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ),
        None,
    )
    if clause is None:
        return
    prep = noun.head
    if prep.dep_ == "prep" and cue_words.is_cue_verb(ctx, prep.head):
        reported = channels.clause_on_channel(ctx, prep.head)
        if reported is not None and reported.i == clause.i:
            return  # "stressed in a statement that ...": the verb reports it
    content = clauses.span_of_tokens(ctx, found, {t.i for t in clause.subtree}, clause, noun)
    if content is None:
        return
    attr = Candidate(
        kind="other", cue=(noun.idx, noun.idx + len(noun)), content=content, cue_token=noun
    )
    clauses.set_kind(ctx, attr)
    if attr.kind == "indirect":
        attr.kind = "other"
    speaker = noun_speaker(ctx, noun)
    if speaker is not None:
        attr.source_token, attr.source = speaker, sources.source_extent(ctx, speaker)
    found.by_cue[noun.i] = attr


def noun_speaker(ctx: Context, noun: Token) -> Token | None:
    """Whose statement: the possessor (not a date, "Monday's statement", nor a word
    that is itself a statement, "the report's claim"), the object of "by"/"from", also
    after a participle ("a report published by the monitor"), or an actor before the
    noun ("a police statement")."""
    for child in noun.children:
        if child.dep_ == "poss":
            if child.ent_type_ in ("DATE", "TIME") or child.lemma_.lower() in ctx.cues.nouns:
                break
            return child
    for child in noun.lefts:
        if (
            child.dep_ == "compound"
            and child.pos_ in ("NOUN", "PROPN")
            and (
                child.lemma_.lower() in ctx.body_nouns
                or actor_at(ctx.doc, child.idx, child.idx + len(child)) is not None
            )
        ):
            return child
    preps = []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in _SOURCE_PREPS:
            preps.append(child)
        elif child.dep_ == "acl" and child.tag_ == "VBN" and child.i == noun.i + 1:
            preps += [c for c in child.children if c.dep_ == "agent"]
    for prep in preps:
        for pobj in prep.children:
            if pobj.dep_ != "pobj" or pobj.pos_ not in ("PROPN", "NOUN", "PRON"):
                continue
            if (
                prep.lower_ == "from"
                and pobj.pos_ == "NOUN"
                and pobj.lemma_.lower() not in ctx.body_nouns
                and actor_at(ctx.doc, pobj.idx, pobj.idx + len(pobj)) is None
            ):
                continue  # "reports from the convention": where from, not who
            return pobj
    return None


def survey_in(ctx: Context, prep: Token) -> Token | None:
    """The poll of "In a poll released Monday, 50 percent chose ...", "leads in the
    polls", "in the average of recent polls": a survey noun of the lexicon's
    ``survey_nouns`` that "in" takes, which reports the clause as "according to" does.
    None for a poll that people take part in ("voters who took part in the poll")."""
    if prep.dep_ != "prep" or prep.head.dep_ in ("relcl", "acl"):
        return None
    for obj in prep.children:
        if obj.dep_ != "pobj":
            continue
        of = [c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"]
        if obj.lemma_.lower() in ctx.cues.survey_nouns or any(
            c.dep_ == "pobj" and c.lemma_.lower() in ctx.cues.survey_nouns
            for p in of for c in p.children
        ):  # "a poll", "the average of recent polls"
            # "“He is holding his own in the polls,” he said": the speaker's words.
            return None if ctx.in_quoted_words(prep) else obj
    return None


def in_survey(ctx: Context, found: Candidates, prep: Token) -> None:
    """ "In a poll released Monday, ...": the poll's report, as "according to" gives
    it, with the poll as written, what it was and when, as its source. The frame is
    narrow, and the tagger seldom reads a poll's finding as a claim, so it stands
    without the tagger's confirming (PolNeAR's held-out training articles: +6 cue hits
    for 6 attributions)."""
    survey = survey_in(ctx, prep)
    if survey is None:
        return
    edge = survey.right_edge
    words = ctx.trim(survey.left_edge.idx, edge.idx + len(edge))
    according_frames.according_to(
        ctx, found, prep, last=prep, source_token=survey, source=words, sure=True
    )

