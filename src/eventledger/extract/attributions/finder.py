"""The attribution stages in order, for one document.

1. The scan: every word that is not in a heading or caption is tried against the frames
   ("according to", "in a poll", a reporting verb, a verb taking a "that" clause, a noun
   cue); each frame adds its :class:`Candidate` to the :class:`Candidates`.
2. The outlets that carried a verb's report ("..., according to the Courier"), the
   quotations no verb took, the tagger's reconciliation, the writer's glosses answered.
3. Filters: how a source is kept unnamed, reports by no one; PolNeAR's joined quotations.
4. Sources resolved (pronouns, "who", statements), then the post-filters that need them.
5. PolNeAR's conventions, then the records.
"""

from __future__ import annotations

from spacy.tokens import Token

from . import (
    according_frames,
    channels,
    conventions,
    cue_words,
    filters,
    noun_frames,
    pronouns,
    quote_frames,
    records,
    tagger,
    verb_frames,
)
from .candidates import Candidate, Candidates
from .context import Context

# A verb outside the lexicon reporting a "that" clause ("X hopes that ..."): that frame only.
CLAUSE_ENTRY = {"frames": ["ccomp"], "plain": False, "strict": True}


def find(ctx: Context) -> list[dict]:
    """The attribution records of the context's document."""
    found = Candidates()
    for token in ctx.doc:
        if not ctx.excluded(token):
            try_frames(ctx, found, token)
    attrs = gather(ctx, found)
    attrs = filters.drop_unsaid(ctx, attrs)
    attrs.sort(key=lambda a: (a.content[0], a.cue[0] if a.cue else 0))
    if ctx.options.join_quotes:
        attrs = conventions.join_split_quotes(ctx, attrs)
    pronouns.resolve_sources(ctx, attrs)
    attrs = filters.drop_self_reports(attrs)
    filters.before_other_speakers(ctx, attrs)
    filters.keep_closing_marks(ctx, attrs)
    filters.after_dateline(ctx, attrs)
    attrs = conventions.apply(ctx, attrs)
    return [records.record(ctx, number, a) for number, a in enumerate(attrs, start=1)]


def try_frames(ctx: Context, found: Candidates, token: Token) -> None:
    """The frame a word opens, if any: the first that fits, in this order."""
    doc = ctx.doc
    if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
        according_frames.according_to(ctx, found, token)
    elif token.lower_ == "in":
        noun_frames.in_survey(ctx, found, token)
    elif cue_words.is_cue_verb(ctx, token):
        if not (
            according_frames.as_reported_by(ctx, found, token)
            or cue_words.unrealised(token)
            or cue_words.inside_xcomp_report(ctx, token)
            or channels.channel_participle(ctx, token)
        ):
            verb_frames.verb_cue(ctx, found, token)
    elif cue_words.is_clause_verb(ctx, token):
        verb_frames.verb_cue(ctx, found, token, entry=CLAUSE_ENTRY)
    elif token.pos_ == "NOUN" and token.lemma_.lower() in ctx.cues.nouns:
        noun_frames.noun_cue(ctx, found, token)


def gather(ctx: Context, found: Candidates) -> list[Candidate]:
    """The scan's candidates in text order, with the outlets that carried them, the
    quotations no verb took, the tagger's reconciliation and the answered glosses."""
    attrs = sorted(found.by_cue.values(), key=lambda a: a.content[0])
    attrs = according_frames.resolve_cited_by(ctx, found, attrs)
    attrs += quote_frames.bare_quotes(ctx, attrs)
    attrs = tagger.learned(ctx, attrs)
    attrs += filters.answered_glosses(ctx, attrs)
    return attrs
