""""According to X, CONTENT" and "as reported by X": X's report of the clause the phrase
hangs on, or, beside a reporting verb, the outlet that carried that verb's report."""

from __future__ import annotations

from spacy.tokens import Token

from ...data_files import word_lists
from . import channels, clauses, cue_words, sources
from .candidates import Candidate, Candidates
from .context import Context

_PEOPLE_WORDS = word_lists("grammar_words")["people_words"]


def according_to(
    ctx: Context,
    found: Candidates,
    according: Token,
    *,
    last: Token | None = None,
    source_token: Token | None = None,
    source: tuple[int, int] | None = None,
    sure: bool = False,
) -> None:
    """ "According to X, ...": X's report of the clause the phrase hangs on, or the
    outlet that carried a report. ``last`` is the cue's last word ("to" by default),
    ``source_token`` its object and ``source`` the source's words, for other phrases
    of the frame ("in a poll"); ``sure``: the frame stands without the tagger's
    confirming (``Candidate.sure``)."""
    doc = ctx.doc
    last = last or doc[according.i + 1]
    source_token = source_token or according_object(ctx, according)
    if source_token is None:
        return
    source = source or sources.source_extent(ctx, source_token)
    head = according.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    cue = (according.idx, last.idx + len(last))
    after = source_token.right_edge.i + 1
    if (
        according.i >= 2
        and doc[according.i - 1].text == ","
        and cue_words.is_cue_verb(ctx, doc[according.i - 2])
        and that_after(ctx, according) is not None
    ):
        # "The ministry said, according to the Gazette, that ...", wherever the parser
        # hung the phrase: the outlet that carried the report.
        head = doc[according.i - 2]
    elif (
        head.dep_ == "ccomp"
        and not cue_words.is_cue_verb(ctx, head)
        and cue_words.is_cue_verb(ctx, head.head)
        and head.head.i < according.i
        and doc[according.i - 1].text == ","
        and all(t.is_punct or t.is_space for t in doc[after : according.sent.end])
    ):
        # "The army said its units shelled Kessa, according to a statement ...": the
        # phrase closes the report, wherever the parser hung it.
        head = head.head
    # "According to the mission, no casualties were reported": a passive report with
    # no one reporting is what the source says, not a report the source carried.
    unreported = not any(c.dep_ in ("nsubj", "agent") for c in head.children)
    passive = unreported and any(c.dep_ == "nsubjpass" for c in head.children)
    if head.i in found.by_cue or (
        cue_words.is_cue_verb(ctx, head) and head.i != according.i and not passive
    ):
        # Already reported by a verb: the outlet that carried it.
        found.pending_cited_by.append((head, source, source_token, cue))
        return
    # The whole sentence is sourced, its conjoined clauses too ("A; B and C").
    while head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    if head.i == according.i:
        return
    tokens = clauses.subtree_minus(
        head, exclude=[according, *clauses.other_cues_below(ctx, head, according)]
    )
    # The cue and its source are no part of the content, wherever the parser hung them,
    # nor is the "that" of an outer report ("reported that, according to X, ...").
    tokens -= set(range(according.i, source_token.right_edge.i + 1))
    tokens -= {
        c.i
        for c in head.children
        if c.dep_ == "mark" and c.lower_ == "that" and c.i < according.i
    }
    content = clauses.span_of_tokens(ctx, found, tokens, head, according)
    if content is None:
        return
    # "X, according to Y, was Z": the aside sits inside the content.
    low, high = ctx.paragraph_bounds(according.idx)
    kept = [doc[i] for i in tokens if low <= doc[i].idx < high and not doc[i].is_punct]
    if kept and min(t.i for t in kept) < according.i < max(t.i for t in kept):
        first = min(kept, key=lambda t: t.i)
        last = max(kept, key=lambda t: t.i)
        content = ctx.trim(
            min(content[0], first.idx), max(content[1], last.idx + len(last))
        )
    attr = Candidate(
        kind="according_to",
        cue=cue,
        content=content,
        cue_token=according,
        source=source,
        source_token=source_token,
    )
    # "according to a statement from the camp's committee": the committee's, by it.
    sources.speaker_behind_statement(ctx, attr)
    attr.sure = sure
    found.by_cue[according.i] = attr


def as_reported_by(ctx: Context, found: Candidates, verb: Token) -> bool:
    """ "As reported by the Meridian website, the governor visited the camp", "...,
    as reported by Radio Meridian": the outlet's report of the clause the phrase hangs
    on, as with "according to" (the phrase is in the lexicon's ``according_to``)."""
    if verb.tag_ != "VBN" or verb.dep_ != "advcl" or verb.head.pos_ not in ("VERB", "AUX"):
        return False
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"), None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    if mark is None or source is None or not mark.i < verb.i < agent.i:
        return False
    phrase = ctx.text[mark.idx : agent.idx + len(agent)].lower()
    if phrase not in ctx.cues.according_to:
        return False
    head = verb.head
    tokens = clauses.subtree_minus(head, exclude=[verb])
    content = clauses.span_of_tokens(ctx, found, tokens, head, verb)
    if content is None:
        return False
    found.by_cue[verb.i] = Candidate(
        kind="according_to",
        cue=(mark.idx, agent.idx + len(agent)),
        content=content,
        cue_token=verb,
        source=sources.source_extent(ctx, source),
        source_token=source,
        sure=True,
    )
    return True


def according_object(ctx: Context, according: Token) -> Token | None:
    """Whom "according to" names, wherever the parser hung the object."""
    to = ctx.doc[according.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"] or [
        c for c in according.children if c.dep_ == "pobj"
    ]
    return objects[0] if objects else None


def that_after(ctx: Context, according: Token) -> Token | None:
    """The "that" right after "according to X, ", if the phrase is followed by one."""
    doc = ctx.doc
    source = according_object(ctx, according) if according.i + 1 < len(doc) else None
    if source is None:
        return None
    after = source.right_edge.i + 1
    if after + 1 >= len(doc) or doc[after].text != "," or doc[after + 1].lower_ != "that":
        return None
    return doc[after + 1]


def resolve_cited_by(ctx: Context, found: Candidates, attrs: list[Candidate]) -> list[Candidate]:
    for head, source, source_token, cue in found.pending_cited_by:
        attr = found.by_cue.get(head.i)
        if attr is None:
            continue
        if reports_from(ctx, attr, source_token):
            attr.cites.append(source)  # "Politico reported, according to sources, ..."
        elif (
            attr.channel is None
            and channels.is_channel_noun(ctx, source_token)
            and source_token.pos_ != "PROPN"  # "the World Food Programme" is a body
            and not any(c.dep_ == "poss" for c in source_token.children)
        ):
            # "..., according to a statement posted on its website"
            attr.channel = channels.channel_extent(ctx, source_token)
        else:  # "..., he added, according to the Chronicle" / "to Farley's account"
            attr.cited_by.append(source)
            attr.carrier = attr.carrier or (cue, source)
    return attrs


def reports_from(ctx: Context, attr: Candidate, according: Token) -> bool:
    """Whether "according to X" after a report names whom the speaker had it from, not
    the outlet that carried it: an outlet reports (by its verb or its name's head noun)
    according to people it leaves unnamed ("sources in the meetings", "officials")."""
    lemma = according.lemma_.lower()
    if according.pos_ != "NOUN" or not (
        lemma in ctx.cues.person_nouns or lemma in _PEOPLE_WORDS
    ):
        return False
    cue = attr.cue_token
    speaker = attr.source_token
    return (cue is not None and cue.lemma_.lower() in ctx.cues.outlet_verbs) or (
        speaker is not None and speaker.lemma_.lower() in ctx.media_nouns
    )

