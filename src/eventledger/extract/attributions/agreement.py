"""Which rule attributions the tagger's CONTENT spans confirm, and which rule attributions
are pieces of another's claim."""

from __future__ import annotations

from ...data_files import word_lists
from ..base import overlap_ratio
from . import cue_words, records
from .candidates import (
    Candidate,
    Extents,
    after_all,
    inside_any,
    names_speaker,
    overlaps_any,
    whole,
)
from .context import Context

# A relative clause's first word and the space after it (startswith takes a tuple).
_RELATIVE_OPENERS = tuple(sorted(w + " " for w in word_lists("grammar_words")["relative_openers"]))


def agrees(content: tuple[int, int], extents: list[tuple[int, int]], threshold: float) -> bool:
    """Whether the tagger read ``content`` as a claim: one tagged content mostly the
    same (overlapping by more than ``threshold``), or tagged pieces inside it that cover
    most of it (the tagger leaves an aside out: "Many of the shops, she said, have
    closed")."""
    if any(overlap_ratio(content, extent) > threshold for extent in extents):
        return True
    covered = sum(
        end - start for start, end in extents if content[0] <= start and end <= content[1]
    )
    return covered > threshold * (content[1] - content[0])


def claim_with_relative(
    ctx: Context, content: tuple[int, int], extents: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The tagged content that is the rules' content and a relative clause after a
    comma, which the rules leave out as an aside and the tagger reads as part of the
    claim ("the commander was Hassan Idris, who had led the group since 2021")."""
    start, end = content
    for low, high in extents:
        if abs(low - start) <= 1 and high > end:
            between = ctx.text[end:high]
            rest = between.lstrip(", ").lower()
            if (
                between.lstrip().startswith(",")
                and rest.startswith(_RELATIVE_OPENERS)
                and not any(end <= q.outer_start < high for q in ctx.quotes)
            ):
                return low, high
    return None


def by_object(ctx: Context, attr: Candidate) -> bool:
    """Whether the cue is a verb that reports only with a given object ("put the death
    toll at 12", ``objects`` in the lexicon): a frame that narrow needs no confirming."""
    verb = attr.cue_token
    entry = ctx.cues.verbs.get(verb.lemma_.lower()) if verb is not None else None
    return entry is not None and entry.get("objects") is not None


def claim_around_aside(
    ctx: Context, attr: Candidate, extents: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The claim in which the tagger read the attribution's source and cue as an aside
    ("A convoy arrived on Monday, the agency said, after a long delay"), as PolNeAR
    marks such claims: the rules' content, a comma, the source and the cue, and one
    tagged content that holds the rules' content and goes on past the cue.

    What follows the cue and hangs on it in the parse is the writer's, not the claim's
    ("Four were killed, officials said, as fighting intensified"): the report is kept
    with the rules' content."""
    if attr.cue is None or attr.source is None or attr.content[1] > attr.source[0]:
        return None
    # Only a comma between the content and the source, nothing between it and the cue.
    between = ctx.text[attr.content[1] : attr.source[0]]
    if between.strip() != "," or ctx.text[attr.source[1] : attr.cue[0]].strip():
        return None
    start, end = attr.content
    for low, high in extents:
        if low <= start and end <= high and attr.cue[1] < high:
            after = ctx.doc.char_span(attr.cue[1], high, alignment_mode="expand")
            if after is not None and any(
                t.head == attr.cue_token and not t.is_punct for t in after
            ):
                return attr.content
            return low, high
    return None


def confirmed(
    ctx: Context,
    attrs: list[Candidate],
    extents: list[tuple[int, int]],
    uncued: list[tuple[int, int]],
    cut: set[int],
) -> list[Candidate]:
    """The rule attributions the tagger agrees with, direct quotations, reports of a
    figure by a verb that needs its object (``by_object``), reports the tagger reads as
    an aside inside a longer claim (which becomes their content, ``claim_around_aside``),
    and chains: a named speaker's report inside a kept one's content ("The Ledger
    reported that Governor Brenner said ..."), which PolNeAR's single layer of spans
    cannot mark. A named speaker's report, cue and all, inside a tagged content that no
    cue reports (``uncued``) is kept too, if a plain reporting verb ("said") reports
    it: the tagger read it as part of a claim no one makes. So is a denial whose
    content holds a kept report, and the speaker's next report whose cue (token index
    in ``cut``) ended a tagged content ("said two soldiers were killed and called for
    calm")."""
    threshold = ctx.options.tagger.agreement
    kept = set()
    index = Extents(extents)
    for a in attrs:
        # every check below reads only the tagged contents that touch the attribution
        near = index.near(*_reach(a))
        if (
            a.kind == "direct"
            or a.sure
            or by_object(ctx, a)
            or agrees(a.content, near, threshold)
            # the tagger marks "to comment on the report" where the rules say "the report"
            or (
                a.refused_from is not None
                and agrees((a.refused_from, a.content[1]), near, threshold)
            )
            or (a.cue_token is not None and a.cue_token.i in cut)
        ):
            kept.add(id(a))
            continue
        claim = claim_around_aside(ctx, a, near) or claim_with_relative(
            ctx, a.content, near
        )
        if claim is not None:
            a.content = claim  # the claim goes on past its source and cue
            kept.add(id(a))
        elif (
            a.cue is not None
            and names_speaker(a)
            and cue_words.plain_verb(ctx, a.cue_token)
            and inside_any(whole(a), uncued)
        ):
            kept.add(id(a))
        elif (
            a.cue is not None
            and cue_words.plain_verb(ctx, a.cue_token)
            and after_all(a.cue, near, a.content)
        ):
            # "X said that A. B, he added", where the tagger ran B into X's first
            # claim: the verb after it reports B.
            kept.add(id(a))
        elif denies_claim(ctx, a) and not overlaps_any(whole(a), near):
            # "The army denied firing at the market", where the tagger, trained on
            # political news, marks nothing: a party's denial is a claim in itself.
            kept.add(id(a))
    # "The ministry's claim that ... was denied by the rebels": a denial whose content
    # holds a kept report, cue and all, stands with it (the tagger marks the claim).
    claims = [whole(b) for b in attrs if id(b) in kept and b.cue is not None]
    for a in attrs:
        if id(a) not in kept and records.denies(ctx, a):
            if any(inside_any(claim, [a.content]) for claim in claims):
                kept.add(id(a))
    outer = [a.content for a in attrs if id(a) in kept]
    return [
        a
        for a in attrs
        if id(a) in kept or (names_speaker(a) and inside_any(a.content, outer))
    ]


def _reach(attr: Candidate) -> tuple[int, int]:
    """The characters an attribution's checks look at: its content (from where a refused
    object starts), cue and source."""
    parts = [attr.content, *(x for x in (attr.cue, attr.source) if x is not None)]
    low = min(p[0] for p in parts)
    if attr.refused_from is not None:
        low = min(low, attr.refused_from)
    return low, max(p[1] for p in parts)


def denies_claim(ctx: Context, attr: Candidate) -> bool:
    """A "deny" whose speaker is given and whose content is an act or a claim:
    "denied firing at the market", "denied that ...", "denied reports of ...", "denied
    any role in the attack"; not "denied the convoy entry" or "denied the request"."""
    verb = attr.cue_token
    if verb is None or verb.lemma_.lower() != "deny" or attr.source is None:
        return False
    content = ctx.doc.char_span(*attr.content, alignment_mode="expand")
    if content is None:
        return False
    root = content.root
    if root.pos_ in ("VERB", "AUX"):
        return True
    return root.lemma_.lower() in ctx.cues.nouns or root.lemma_.lower() in ctx.cues.denied_nouns


def drop_pieces(
    attrs: list[Candidate],
    contents: list[tuple[int, int]],
    *,
    keep_quotes: bool,
    threshold: float,
) -> list[Candidate]:
    """The rule attributions that are not pieces of another's claim. A tagged content
    that agrees with one rule attribution claims it; another rule attribution that lies
    inside the claim is a piece and goes, unless it names a speaker of its own (a chain:
    "The Post reported that Klein said ...") or, with continued quotes kept separate,
    it is a direct quotation. A tagged content agrees with a rule attribution that it
    overlaps by more than ``threshold``."""
    claims: dict[int, tuple[int, int]] = {}
    # the attributions a content overlaps, found by bisection (the others' ratio is 0, and
    # a ratio of 0 claims nothing)
    index = Extents([a.content for a in attrs])
    for content in contents:
        near = index.near_indices(*content)
        ratios = {i: overlap_ratio(attrs[i].content, content) for i in near}
        best = max(near, key=ratios.__getitem__, default=None)
        if best is not None and best not in claims and ratios[best] > threshold:
            claims[best] = content
    extents = [
        (min(content[0], attrs[i].content[0]), max(content[1], attrs[i].content[1]))
        for i, content in claims.items()
    ]

    def piece(i: int, attr: Candidate) -> bool:
        if i in claims or (keep_quotes and attr.kind == "direct"):
            return False
        return not names_speaker(attr) and inside_any(attr.content, extents)

    return [a for i, a in enumerate(attrs) if not piece(i, a)]

