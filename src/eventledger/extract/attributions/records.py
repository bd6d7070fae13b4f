"""The attribution records: spans with offsets, the source named as its actor, the
negation of the cue, and the outlet's report for a carried one."""

from __future__ import annotations

from ..base import actor_at, span
from .candidates import Candidate, report_extent
from .context import Context


def named(ctx: Context, extent: tuple[int, int]) -> dict:
    result = span(ctx.text, *extent)
    actor = actor_at(ctx.doc, *extent)
    result["name"] = actor["name"] if actor else result["text"]
    result["actor"] = actor["id"] if actor else None
    return result


def record(ctx: Context, number: int, attr: Candidate) -> dict:
    if ctx.options.outer_carriers and attr.carrier is not None:
        return carried_record(ctx, number, attr)
    return record_of(ctx, number, attr)


def record_of(ctx: Context, number: int, attr: Candidate) -> dict:
    source = None
    if attr.source is not None and attr.source[1] > attr.source[0]:
        # A source trimmed to nothing (only quotation marks) names no one.
        source = span(ctx.text, *attr.source)
        if attr.actor is not None:
            source["name"], source["actor"] = attr.actor["name"], attr.actor["id"]
        else:
            source["name"], source["actor"] = attr.name or source["text"], None
    negation = negation_start(attr)
    cue = attr.cue
    if cue is not None and negation is not None:
        cue = (min(cue[0], negation), cue[1])  # "did not say", not "say"
    return {
        "id": f"A{number}",
        "kind": attr.kind,
        "source": source,
        "cue": span(ctx.text, *cue) if cue else None,
        "content": span(ctx.text, *attr.content),
        "channel": span(ctx.text, *attr.channel) if attr.channel else None,
        "cites": [named(ctx, c) for c in attr.cites],
        "cited_by": [named(ctx, c) for c in attr.cited_by],
        "negated": negation is not None or denies(ctx, attr),
    }


def carried_record(ctx: Context, number: int, attr: Candidate) -> dict:
    """The outlet's report as the attribution, with the speaker's report inside its
    content and the speaker in its ``cites`` ('"...," Hewitt said, according to a
    transcript': the transcript's account, citing Hewitt), as PolNeAR annotates it."""
    record = record_of(ctx, number, attr)
    cue, source = attr.carrier
    record.update(
        kind="according_to",
        source=named(ctx, source),
        cue=span(ctx.text, *cue),
        content=span(ctx.text, *report_extent(attr)),
        cites=[record["source"]] if record["source"] else [],
        cited_by=[c for c in record["cited_by"] if (c["start"], c["end"]) != source],
    )
    return record


def denies(ctx: Context, attr: Candidate) -> bool:
    """Whether the cue is a verb by which the speaker denies the content or keeps it
    back ("denied that", "declined to confirm"; ``negates`` in the lexicon)."""
    verb = attr.cue_token
    entry = ctx.cues.verbs.get(verb.lemma_.lower()) if verb is not None else None
    return bool(entry and entry.get("negates") and verb.pos_ in ("VERB", "AUX"))


def negation_start(attr: Candidate) -> int | None:
    """Where the words that negate a verb cue start ("did not say", "has never
    confirmed"): the negation and the auxiliaries right before the verb; None when the
    cue is not negated."""
    verb = attr.cue_token
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    if not any(c.dep_ == "neg" for c in verb.children):
        return None
    if any(c.tag_ == "TO" for c in verb.children):
        return None  # "not to mention": an idiom, or an infinitive inside another clause
    first = verb
    while first.i > 0:
        before = first.doc[first.i - 1]
        if before.head != verb or before.dep_ not in ("neg", "aux", "auxpass", "advmod"):
            break
        first = before
    while first.dep_ == "advmod" and first != verb:  # "now did not say": not "now"
        first = first.doc[first.i + 1]
    return first.idx

