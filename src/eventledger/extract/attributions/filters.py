"""Post-filters on the attributions once found: the writer's glosses answered, reports by no
one dropped, a speaker's own words inside his report, contents cut before another
speaker's clause or the dateline, and closing marks kept."""

from __future__ import annotations

import re

from ...data_files import word_lists
from ..locate import dateline_extent
from ..syntax import nobody
from . import cue_words, sources
from .candidates import TRIM, Candidate, Extents, report_extent
from .context import Context

_INDEFINITE_ARTICLES = word_lists("grammar_words")["indefinite_articles"]

# Where a clause of its own begins, right before its subject: ", while", "; but", " - and".
CLAUSE_BOUNDARY = re.compile(
    r"\s*(?:,|;|\s[\u2014\u2013-])\s*(?:(?:while|whereas|but|and|though|although)\s+)?$"
)


def answered_glosses(ctx: Context, attrs: list[Candidate]) -> list[Candidate]:
    """ "The army said twelve fighters were killed, a claim the Front denied": the
    writer's gloss on a report, with a reporting verb in its relative clause, is that
    verb's subject answering the same content."""
    found = []
    reported = {a.cue_token.i for a in attrs if a.cue_token is not None}
    for attr in attrs:
        if attr.cue_token is None or attr.kind == "according_to":
            continue
        sentence = attr.cue_token.sent
        last = report_extent(attr)[1]
        for noun in sentence:
            if (
                noun.idx < last
                or noun.pos_ != "NOUN"
                or noun.lemma_.lower() not in ctx.cues.gloss_nouns
                or not any(c.dep_ == "det" and c.lower_ in _INDEFINITE_ARTICLES for c in noun.children)
            ):
                continue
            comma = noun.left_edge.i - 1
            between = ctx.text[last : ctx.doc[comma].idx] if comma >= 0 else "x"
            if ctx.doc[comma].text != "," or between.strip(" \"'”’»"):
                continue
            for verb in noun.children:
                if (
                    verb.dep_ != "relcl"
                    or verb.i in reported
                    or not cue_words.is_cue_verb(ctx, verb)
                    or not any(c.dep_ == "nsubj" for c in verb.children)
                ):
                    continue
                answer = Candidate(
                    kind="indirect",
                    cue=(verb.idx, verb.idx + len(verb)),
                    content=attr.content,
                    cue_token=verb,
                )
                sources.set_source(ctx, answer, verb)
                found.append(answer)
    return found


def after_dateline(ctx: Context, attrs: list[Candidate]) -> None:
    """A content that takes in the dateline ("KESSA, Orvania (Halvik Courier) -
    Government forces shelled ...") starts after it: where and by whom the story was
    filed is not what the source said."""
    dateline = dateline_extent(ctx.text)
    if dateline is None:
        return
    for attr in attrs:
        start, end = attr.content
        if start < dateline[1] < end:  # from the place or from the date after it
            attr.content = ctx.trim(dateline[1], end)


def keep_closing_marks(ctx: Context, attrs: list[Candidate]) -> None:
    """A content that starts outside quotation marks and ends with quoted words keeps
    their closing mark, so the words stay marked as quoted: "the attack was «a crime
    against civilians»", not "the attack was «a crime against civilians"."""
    for attr in attrs:
        start, end = attr.content
        if any(q.outer_start <= start < q.outer_end for q in ctx.quotes):
            continue  # a quotation's own words, given without their marks
        for quote in ctx.quotes:
            if (
                quote.closed
                and start < quote.outer_start
                and quote.start < end <= quote.end
                # The full stop may sit inside the marks ("as «pure fabrication.»").
                and all(c in TRIM or c in ".?!" for c in ctx.text[end : quote.end])
            ):
                attr.content = (start, quote.outer_end)
                break


def drop_self_reports(attrs: list[Candidate]) -> list[Candidate]:
    """A report inside what the same speaker is reported to say is part of it: in
    "Obama said that he opposes sending troops", "he opposes" is Obama's own words,
    not a second claim. A different speaker inside ("The Post reported that Klein
    said ...") is a chain and stays."""

    def same_speaker(inner: Candidate, outer: Candidate) -> bool:
        if inner.actor is not None and inner.actor is outer.actor:
            return True
        return inner.source is not None and inner.source == outer.source

    # The contents that may hold each inner one: those that touch it, found by bisection.
    index = Extents([a.content for a in attrs])
    return [
        inner
        for inner in attrs
        if not any(
            outer is not inner
            and outer.content[0] <= inner.content[0]
            and inner.content[1] <= outer.content[1]
            and outer.content != inner.content
            and inner.cue is not None
            and outer.content[0] <= inner.cue[0]
            and same_speaker(inner, outer)
            for outer in (attrs[i] for i in index.near_indices(*inner.content, 1))
        )
    ]


def before_other_speakers(ctx: Context, attrs: list[Candidate]) -> None:
    """A content ends before a clause set off by a comma in which someone else reports
    ("74 percent said they would vote for him, while 22 percent said they might change
    their mind"): a second claim beside the first, not part of it."""
    for outer in attrs:
        if outer.kind == "direct":
            continue
        for inner in attrs:
            if (
                inner is outer
                or inner.source is None
                or inner.cue is None
                or not outer.content[0] < inner.source[0] < inner.cue[0]
                or inner.content[1] > outer.content[1]
                or (inner.actor is not None and inner.actor is outer.actor)
                or inner.source == outer.source
                # "38 percent, who said ...": a relative clause of a word in the claim
                or (inner.source_token is not None and inner.source_token.tag_ in ("WP", "WDT"))
            ):
                continue
            before = ctx.text[outer.content[0] : inner.source[0]]
            boundary = CLAUSE_BOUNDARY.search(before)
            if boundary is not None:
                end = outer.content[0] + boundary.start()
                outer.content = ctx.trim(outer.content[0], end)



def drop_unsaid(ctx: Context, attrs: list[Candidate]) -> list[Candidate]:
    """Attributions that report nothing said: a content that says how a source is kept
    unnamed ("who asked not to be named"), and a report by no one ("No group has claimed
    responsibility"). Dropped after the tagger's attributions are added, so that none of
    them stands in for it."""
    anonymity = tuple(ctx.cues.anonymity_contents)
    attrs = [
        a for a in attrs if not ctx.text[slice(*a.content)].lower().startswith(anonymity)
    ]
    return [a for a in attrs if not nobody(a.source_token)]
