"""Sources: who reports, as the parse gives them: the subject of the cue, the agent of a
passive, the speaker behind "a statement by X", and the source's words as written."""

from __future__ import annotations

from spacy.tokens import Token

from ...data_files import word_lists
from .. import syntax
from ..base import actor_at, mention_holding
from ..quotes import QUOTE_MARKS
from . import channels, clauses, cue_words, noun_frames
from .candidates import TRIM, Candidate
from .context import Context

# The dependents that end a source's phrase: "the minister, who ...", "the army and police".
SOURCE_ASIDES = ("relcl", "appos", "punct", "acl", "cc", "conj", "case")
_ADDRESSEE_PREPS = word_lists("grammar_words")["addressee_preps"]


def set_source(ctx: Context, attr: Candidate, verb: Token) -> None:
    subject = subject_of(ctx, verb)
    if subject is None:
        if asked_first(verb):
            # "Asked whether ..., he said": someone the text leaves unnamed asked.
            attr.unstated_source = True
            return
        if infinitive(verb):
            # "They met in Algiers to discuss X": whoever met discusses (control),
            # not whoever reports the meeting.
            attr.inherit_from = verb.head
        elif verb.tag_ == "VBG" or verb.dep_ in ("advcl", "conj", "xcomp"):
            attr.inherit_from = reporting_ancestor(ctx, verb) or verb.head
        return
    subject = through_statement(ctx, attr, subject)
    attr.source_token = subject
    attr.source = source_extent(ctx, subject)


def through_statement(ctx: Context, attr: Candidate, subject: Token) -> Token:
    """ "A statement by the council said ...", "The council's statement said ...": the
    council speaks through it; the channel is the statement, without whose. The speaker
    is returned (``subject`` itself where the statement is no one's)."""
    if (
        subject.lemma_.lower() not in ctx.cues.nouns
        or actor_at(ctx.doc, subject.idx, subject.idx + len(subject)) is not None
    ):
        return subject
    speaker = noun_frames.noun_speaker(ctx, subject)
    if speaker is None:
        return subject
    first = subject.left_edge
    if speaker.dep_ == "poss":
        first = ctx.doc[speaker.right_edge.i + 1]
    elif first.dep_ == "det" and first.i < subject.i:
        first = ctx.doc[first.i + 1]  # "statement by ...", as a channel is written
    attr.channel = ctx.trim(first.idx, subject.right_edge.idx + len(subject.right_edge))
    return speaker


def speaker_behind_statement(ctx: Context, attr: Candidate) -> None:
    """Where the source is a statement someone makes (``through_statement``), that
    speaker becomes the source, and the statement its channel."""
    subject = attr.source_token
    speaker = through_statement(ctx, attr, subject)
    if speaker.i != subject.i:
        attr.source_token, attr.source = speaker, source_extent(ctx, speaker)


def asked_first(verb: Token) -> bool:
    """A participle opening the clause before its head verb ("Asked whether ..., he
    said"): whoever did it goes unnamed."""
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.i == verb.left_edge.i < verb.head.i


def infinitive(verb: Token) -> bool:
    return (
        verb.dep_ in ("advcl", "xcomp")
        and verb.tag_ == "VB"
        and any(c.tag_ == "TO" for c in verb.children)
    )


def quoted_as(ctx: Context, verb: Token) -> Token | None:
    """The "quoted" of "She was quoted as saying ...", whose subject speaks, or of
    "The paper quoted him as saying ...", whose object does."""
    head = verb.head
    if verb.dep_ != "pcomp" or head.lower_ != "as":
        return None
    passive = head.head
    if passive.lemma_.lower() in ctx.cues.cite_verbs and any(
        c.dep_ in ("nsubjpass", "dobj") for c in passive.children
    ):
        return passive
    return None


def subject_of(ctx: Context, verb: Token) -> Token | None:
    passive = quoted_as(ctx, verb)
    if passive is not None:
        return next(c for c in passive.children if c.dep_ in ("nsubjpass", "dobj"))
    pair = clauses.two_subjects(ctx, verb)
    if pair is not None:
        return pair[1]
    # A subject the parser found in a heading or caption run into the sentence is not one,
    # nor is a closing guillemet it took for a noun ('«...,» said Mariam Dede').
    subjects = [
        c
        for c in verb.children
        if c.dep_ in ("nsubj", "csubj")
        and ctx.same_paragraph(c, verb)
        and not ctx.excluded(c)
        and not c.is_quote
    ]
    for child in subjects:
        if child.dep_ in ("nsubj", "csubj"):
            return child  # "X, who said ...": "who", resolved to X later
    agents = channels.agents(verb)
    if agents:
        return agents[0]
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return noun_before(ctx, verb) or noun_after(ctx, verb)


def noun_after(ctx: Context, verb: Token) -> Token | None:
    """'"...," said Kevin Madden': the speaker after the verb, when the parser took it
    for an object."""
    before = ctx.text[max(0, verb.idx - 4) : verb.idx]
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or not any(
        mark in before for mark in QUOTE_MARKS + ","
    ):
        return None
    for child in verb.rights:
        if (
            child.dep_
            in (
                "dobj",
                "attr",
                "npadvmod",
                "appos",
                "nsubj",
                "dative",
            )
            and child.pos_ in ("PROPN", "NOUN")
            and child.ent_type_ not in ("DATE", "TIME")
        ):
            return child
    return None


def noun_before(ctx: Context, verb: Token) -> Token | None:
    """The noun right before a finite verb the parser left without a subject (it tends
    to glue a heading onto the first sentence after it)."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    j = verb.i - 1
    while j >= 0 and ctx.doc[j].pos_ in ("ADV", "PART", "AUX"):
        j -= 1
    if j > 0 and ctx.doc[j].text == "," and ctx.doc[j - 1].dep_ == "appos":
        # "the mayor, Ilse Varn, said": the parser hung the speaker on an earlier noun.
        j -= 1
    if j < 0:
        return None
    token = ctx.doc[j]
    if (
        token.pos_ in ("NOUN", "PROPN", "PRON")
        and ctx.same_paragraph(token, verb)
        and not ctx.excluded(token)
    ):
        return token
    return None


def reporting_ancestor(ctx: Context, verb: Token) -> Token | None:
    """The reporting verb a participle ultimately hangs on ("She said the port needed
    cranes, adding that ..." reports for "She")."""
    head = verb.head
    while head.i != head.head.i and not cue_words.is_cue_verb(ctx, head):
        head = head.head
    return head if cue_words.is_cue_verb(ctx, head) and head.i != verb.i else None


def source_extent(ctx: Context, subject: Token) -> tuple[int, int]:
    """The source as written: the subject's noun phrase without relative clauses,
    appositions and trailing commas (an acronym in parentheses kept), widened to the
    actor mention holding the subject word."""
    if subject.pos_ == "PRON":
        return subject.idx, subject.idx + len(subject)
    start, stop = noun_phrase(ctx, subject)
    for other in conjuncts(ctx, subject):
        end = noun_phrase(ctx, other)[1]
        if ctx.text[end : end + 1] == "-":
            break  # "its co-founder", cut by the parse: not a phrase to end on
        stop = max(stop, end)  # "police and witnesses"
    mention = mention_holding(ctx.doc, subject.idx)
    if mention is not None:
        # "Officials at the hospital": the mention with the phrase's modifiers.
        start, stop = min(start, mention["start"]), max(stop, mention["end"])
    return start, stop


def addressed_outlets(ctx: Context, channel: tuple[int, int]) -> list[tuple[int, int]]:
    """The outlets a speaker told, spoke to or gave an interview to, in the report's
    channel ("told the regional broadcaster Radio Okapi", "speaking to the Orvania
    Times", "in an interview with Radio Kestrel"): they carried the report, which makes
    them its ``cited_by``. Whom else a speaker tells ("reporters", "parliament") carried
    nothing, and a medium of the speaker's own ("on its Telegram channel") is no one."""
    words = ctx.doc.char_span(*channel, alignment_mode="expand")
    if words is None:
        return []
    found = []
    for token in words:
        addressed = token.dep_ in ("dobj", "dative") or (
            token.dep_ == "pobj" and token.head.lower_ in _ADDRESSEE_PREPS
        )
        if addressed and token.pos_ in ("NOUN", "PROPN") and channels.is_outlet(ctx, token):
            found.append(source_extent(ctx, token))
    return found


def conjuncts(ctx: Context, subject: Token) -> list[Token]:
    """The nouns coordinated with ``subject`` after it, in its paragraph ("the camp's
    administrator and a local rescue service"): together they are the source."""
    found = []
    head = subject
    while True:
        nxt = next(
            (
                c for c in head.rights
                if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")
                and ctx.same_paragraph(c, subject)
            ),
            None,
        )
        if nxt is None:
            return found
        found.append(nxt)
        head = nxt


def noun_phrase(ctx: Context, subject: Token) -> tuple[int, int]:
    """The source's words as written: its phrase up to the first aside, with its name."""
    return syntax.noun_phrase(subject, asides=SOURCE_ASIDES, stop_at_aside=True, names=True,
                              trim=TRIM)

