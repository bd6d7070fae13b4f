"""The reconciliation with the span tagger (``eventledger_attribution_spans``): the rules'
attributions checked against its CONTENT spans, its own attributions where it is sure, and
its cues and sources where the rules found none."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..attribution_spans import SPANS_KEY
from ..base import overlap_ratio
from . import agreement, channels, clauses, cue_words, sources
from .candidates import (
    Candidate,
    Extents,
    Intervals,
    SpansNear,
    after_all,
    inside_any,
    nearest,
    overlaps_any,
    tagged_extent,
    within,
)
from .context import Context, TaggerSettings


@dataclass
class TaggedContent:
    """A CONTENT span of the tagger, trimmed to the claim, with its score and the tagged
    cue nearest it (None if there is none)."""

    span: Span
    start: int
    end: int
    score: float
    cue: Span | None


@dataclass
class TaggerSpans:
    """The tagger's spans of one document, outside headings and captions."""

    cues: list[Span]
    cue_scores: dict[tuple[int, int], float]
    sources: list[Span]
    contents: list[TaggedContent] = field(default_factory=list)
    # Token indices of the rules' cues that a tagged content ran over (the speaker's next
    # report: "said two soldiers were killed and called for calm").
    cut: set[int] = field(default_factory=set)
    # The cues and sources found near a span by bisection.
    cues_near: SpansNear = field(init=False)
    sources_near: SpansNear = field(init=False)

    def __post_init__(self):
        self.cues_near = SpansNear(self.cues)
        self.sources_near = SpansNear(self.sources)


def learned(ctx: Context, attrs: list[Candidate]) -> list[Candidate]:
    """The rules' attributions checked against ``eventledger_attribution_spans``, and
    the tagger's own.

    A rule attribution that no tagged CONTENT span agrees with is dropped, unless it
    is a direct quotation or a chain (see ``agreement.confirmed``): the tagger, trained on
    annotated articles, tells a report from a cue word used otherwise.

    Where a tagged CONTENT span mostly covers one rule attribution, the other rule
    attributions inside it are pieces of that one claim and are dropped (see
    ``agreement.drop_pieces``; in PolNeAR's training articles they are mostly the same
    speaker's stance inside the claim: "he believes").

    Each CONTENT span that the tagger is sure of (``min_score``, or less when it is sure
    of the cue: ``min_score_sure_cue``, of :class:`TaggerSettings`), that no rule
    attribution overlaps and that has a CUE span within ``cue_gap`` tokens that no other
    attribution has becomes an attribution, with the SOURCE span nearest that cue (within
    ``source_gap``). An attribution still without a cue takes
    a tagged one beside it (``tagged_cues``)."""
    if SPANS_KEY not in ctx.doc.spans:
        return attrs
    tagged = read_spans(ctx, attrs)
    extents = [(c.start, c.end) for c in tagged.contents]
    uncued = [(c.start, c.end) for c in tagged.contents if c.cue is None]
    attrs = agreement.confirmed(ctx, attrs, extents, uncued, tagged.cut)
    attrs = agreement.drop_pieces(
        attrs,
        extents,
        keep_quotes=not ctx.options.join_quotes,
        threshold=ctx.options.tagger.agreement,
    )
    attrs += tagger_attributions(ctx, attrs, tagged)
    tagged_cues(ctx, attrs, tagged.cues_near)
    cues_the_tagger_reads(ctx, attrs, tagged.cues_near)
    tagged_sources(ctx, attrs, tagged.sources)
    return attrs


def read_spans(ctx: Context, attrs: list[Candidate]) -> TaggerSpans:
    """The tagger's spans, its contents trimmed to the claim (:func:`claim_of`)."""
    group = ctx.doc.spans[SPANS_KEY]
    # Spans set by hand, without the tagger's scores, count as sure.
    scores = group.attrs.get("scores") or [1.0] * len(group)
    # Headings and captions produce no attribution, nor lend one a cue or a source.
    tagged = TaggerSpans(
        cues=[s for s in group if s.label_ == "CUE" and not ctx.excluded(s[0])],
        cue_scores={
            (s.start, s.end): score for s, score in zip(group, scores, strict=True)
            if s.label_ == "CUE"
        },
        sources=[s for s in group if s.label_ == "SOURCE" and not ctx.excluded(s[0])],
    )
    # The speaker's next report in past tense, without a subject of its own, and another
    # speaker's report joined to one ("X said A, and Y said B"): where each starts.
    conjoined = {
        a.cue_token.i: clauses.conjunction_before(a.cue_token) for a in attrs
        if a.cue_token is not None and a.cue_token.dep_ == "conj"
        and a.cue_token.tag_ == "VBD"
        and not any("subj" in c.dep_ for c in a.cue_token.children)
    }
    for a in attrs:
        joined = clauses.coordinated_start(ctx, a.cue_token) if a.cue_token is not None else None
        if joined is not None:
            conjoined[a.cue_token.i] = joined
    for content, score in zip(group, scores, strict=True):
        if content.label_ != "CONTENT" or ctx.excluded(content[0]):
            continue  # headings and captions produce no attribution
        start, end = claim_of(ctx, content, conjoined, tagged.cut)
        if end > start:
            cue = learned_cue(ctx, tagged.cues_near, content, start, end)
            tagged.contents.append(TaggedContent(content, start, end, score, cue))
    return tagged


def claim_of(
    ctx: Context, content: Span, conjoined: dict[int, Token], cut: set[int]
) -> tuple[int, int]:
    """A tagged content's extent as a claim: its noun or object where the tagger stopped
    short, without the speaker's asides and next reports, nor the reports of others
    joined to it (``conjoined``: by cue token index, the word where each starts; their
    cues go to ``cut``)."""
    start, end = ctx.trim(content.start_char, content.end_char)
    words = ctx.doc.char_span(start, end, alignment_mode="contract")
    if words is not None and len(words) > 1 and words[-1].dep_ == "prep":
        # "... the district on" (its object left out): the tagger stopped short.
        start, end = ctx.trim(start, words[-2].idx + len(words[-2]))
    elif words is not None and noun_left_out(words[-1]):
        # "denied shelling the" (its noun left out): the tagger stopped short.
        noun = words[-1].head
        start, end = ctx.trim(start, noun.idx + len(noun))
        words = ctx.doc.char_span(start, end, alignment_mode="contract")
    if words is not None:
        # "... but gave no figure for the dead", "..., speaking to reporters": the
        # speaker's, not the claim's.
        asides = [
            clauses.aside_start(ctx, a) for t in words for a in clauses.speaker_asides(ctx, t)
        ]
        # "said two soldiers were killed and called for calm": a report of the
        # rules' joined to the claim by "and" is the speaker's next report; "..., and a
        # group said 23 died" another speaker's.
        reports = [
            i for i, first in conjoined.items()
            if start < ctx.doc[i].idx < end or start < first.idx < end
        ]
        asides += [conjoined[i] for i in reports]
        asides = [a for a in asides if start < a.idx < end]
        # The tagger read that report as part of the claim: it is one.
        cut.update(reports)
        if asides:
            start, end = ctx.trim(start, min(a.idx for a in asides))
    return start, end


def tagger_attributions(
    ctx: Context, attrs: list[Candidate], tagged: TaggerSpans
) -> list[Candidate]:
    """The tagger's own attributions: its contents that no kept rule attribution has, that
    a tagged cue reports and that it is sure enough of."""
    # The extents each content is checked against, found by bisection (a scan of them
    # all for every content grew with the square of a long document's reports).
    taken = Intervals([a.content for a in attrs])
    cues_taken = Intervals([a.cue for a in attrs if a.cue is not None])
    cited = [c for a in attrs for c in a.cites]
    speakers = Extents([x for a in attrs for x in (a.source, a.cue) if x is not None])
    cued = sorted((a.content[0], i) for i, a in enumerate(attrs) if a.cue is not None)
    cued_starts = [start for start, _i in cued]
    found = []
    for content in tagged.contents:
        start, end, cue = content.start, content.end, content.cue
        # "X said that A. B, he added": the claim ends where B, reported after it, begins.
        later = [
            attrs[i].content[0]
            for _start, i in cued[bisect_right(cued_starts, start):bisect_right(cued_starts, end)]
            if after_all(attrs[i].cue, [(start, end)], attrs[i].content)
        ]
        if later:
            start, end = ctx.trim(start, min(later))
        if taken.overlaps((start, end)):
            continue
        if only_speakers(ctx, (start, end), speakers):
            continue  # "Aid workers warned": who reports and how, not what
        if cue is None:
            continue  # no word reports it: what is left is not an attribution
        cue_score = tagged.cue_scores[(cue.start, cue.end)]
        if not sure_enough(ctx.options.tagger, content.score, cue_score):
            continue  # the tagger is unsure it is a claim, and of the word reporting it
        if overlaps_any((start, end), cited):
            continue  # "citing lawyers": whom a speaker cites, kept in its cites
        if cues_taken.overlaps((cue.start_char, cue.end_char)):
            continue  # one cue reports one thing; the rules' reading of it stands
        attr = tagger_attribution(ctx, cue, (start, end), tagged.sources_near)
        found.append(attr)
        taken.add(attr.content)
        cues_taken.add(attr.cue)
    return found


def sure_enough(settings: TaggerSettings, content_score: float, cue_score: float) -> bool:
    """Whether the tagger is sure enough of a content, or less sure of it and sure of its
    cue."""
    return content_score >= settings.min_score or (
        content_score >= settings.min_score_sure_cue and cue_score >= settings.sure_cue
    )


def tagger_attribution(
    ctx: Context, cue: Span, content: tuple[int, int], source_spans: SpansNear
) -> Candidate:
    """A tagged content as an attribution: the tagged cue, the tagged source nearest it,
    and the speaker and channel as the rules find them for that cue."""
    gap = ctx.options.tagger.source_gap
    source = nearest(in_paragraph_of(ctx, source_spans.near(cue, gap), cue), cue, gap)
    attr = Candidate(
        kind="indirect",
        cue=tagged_extent(cue),
        content=content,
        cue_token=cue.root,
        source=tagged_extent(source) if source is not None else None,
        source_token=source.root if source is not None else None,
    )
    if source is not None:
        sources.speaker_behind_statement(ctx, attr)  # "A ministry statement accused ..."
    root = cue.root
    if sources.asked_first(root):
        # "Asked about the closure, the minister told ...": the one asked is no asker;
        # the text leaves the asker out, as in the rules.
        attr.source = attr.source_token = None
        attr.unstated_source = True
    elif source is None and root.tag_ == "VBG" and root.dep_ in ("advcl", "conj"):
        # "..., calling on the authorities to ...": the participle reports for the
        # speaker of the verb it hangs on, as in the rules.
        attr.inherit_from = sources.reporting_ancestor(ctx, root)
    if cue.root.pos_ in ("VERB", "AUX"):
        channel = channels.channel(ctx, cue.root)  # "vowed revenge in an audio message"
        if channel is not None and not overlaps_any(channel, [content]):
            attr.channel = channel
            attr.cited_by = sources.addressed_outlets(ctx, channel)
    clauses.set_kind(ctx, attr)
    return attr


def only_speakers(ctx: Context, extent: tuple[int, int], speakers: Extents) -> bool:
    """Whether every word in ``extent`` is a source or cue of the rules'."""
    words = ctx.doc.char_span(*extent, alignment_mode="expand")
    return words is not None and all(
        t.is_punct or t.is_space or inside_any(
            (t.idx, t.idx + len(t)), speakers.near(t.idx, t.idx + len(t), 1))
        for t in words
    )


def noun_left_out(last: Token) -> bool:
    """Whether ``last`` is a determiner or modifier whose noun comes after it in its
    sentence ("the", "two", "its", "southern")."""
    head = last.head
    return (
        last.dep_ in ("det", "amod", "compound", "nummod", "poss")
        and head.i > last.i
        and head.sent == last.sent
        and head.pos_ in ("NOUN", "PROPN", "NUM")
    )


def learned_cue(
    ctx: Context, cues: SpansNear, content: Span, start: int, end: int
) -> Span | None:
    """The tagged cue nearest a tagged content, within ``cue_gap`` tokens and
    the paragraphs the content is in (and the one before, if it announces it with a
    colon: "Hewitt writes:"). Another paragraph before may end with a cue that has its
    own content ("..., according to the agency.")."""
    low = ctx.paragraph_bounds(start)[0]
    high = ctx.paragraph_bounds(end - 1)[1]
    if ctx.text[:low].rstrip().endswith(":"):
        # "Hewitt writes:" announces the paragraph after it.
        low = ctx.paragraph_bounds(len(ctx.text[:low].rstrip()) - 1)[0]
    gap = ctx.options.tagger.cue_gap
    return nearest(within(cues.near(content, gap), low, high), content, gap)


def in_paragraph_of(ctx: Context, spans: list[Span], anchor: Span) -> list[Span]:
    """The ``spans`` in ``anchor``'s paragraph: a speaker is named beside the cue, not in
    the paragraph before ("... according to a tally by the Courier." / "The Front
    claimed ...")."""
    return within(spans, *ctx.paragraph_bounds(anchor.start_char))


def tagged_cues(ctx: Context, attrs: list[Candidate], cues: SpansNear) -> None:
    """A cue from the tagger for an attribution the rules found none for, mostly a
    quotation inside a report ("She also argued that it was late, “because ...”") or
    after a colon: the tagged CUE nearest the content, outside it, within
    ``cue_gap`` tokens, that no other attribution has."""
    taken = Intervals([a.cue for a in attrs if a.cue is not None])
    for attr in attrs:
        if attr.cue is not None:
            continue
        best = free_cue_beside(ctx, attr.content, cues, taken, ctx.options.tagger.cue_gap)
        if best is not None:
            attr.cue = tagged_extent(best)
            attr.cue_token = best.root
            taken.add(attr.cue)


def free_cue_beside(
    ctx: Context,
    content: tuple[int, int],
    cues: SpansNear,
    taken: Intervals,
    max_gap: int,
    *,
    low: int | None = None,
    high: int | None = None,
) -> Span | None:
    """The tagged cue fewest tokens from ``content`` (within ``max_gap``), starting
    outside it, that overlaps no cue in ``taken`` (and lies between characters ``low``
    and ``high`` where they are given)."""
    start, end = content
    words = ctx.doc.char_span(start, end, alignment_mode="expand")
    if words is None:
        return None
    near = cues.near(words, max_gap)
    if low is not None and high is not None:
        near = within(near, low, high)
    free = [
        cue
        for cue in near
        if not start <= cue.start_char < end
        and not taken.overlaps((cue.start_char, cue.end_char))
    ]
    return nearest(free, words, max_gap)


def cues_the_tagger_reads(ctx: Context, attrs: list[Candidate], cues: SpansNear) -> None:
    """A tagged cue for a rule attribution whose cue the tagger does not read as one,
    when it stands beside the content (within ``retagged_cue_gap`` tokens, in its
    paragraph) and no other attribution has it: "charged him after determining that a
    video showed him grabbing ...", where the rules took "showed". The speaker is then
    the tagged cue's: its subject, else the tagged source beside it
    (``tagged_sources``). Plain reporting verbs ("said") keep their reading, as do
    the narrow frames ("according to", "in a poll") and reports an outlet carried.
    """
    taken = Intervals([a.cue for a in attrs if a.cue is not None]
                      + [a.carrier[0] for a in attrs if a.carrier is not None])
    tagged = Intervals([(c.start_char, c.end_char) for c in cues.spans])
    for attr in attrs:
        if (
            attr.cue is None
            or attr.carrier is not None
            or attr.kind == "according_to"  # the narrow frames, "sure" ones among them
            or cue_words.plain_verb(ctx, attr.cue_token)
            or tagged.overlaps(attr.cue)
        ):
            continue
        start, end = attr.content
        low = ctx.paragraph_bounds(start)[0]
        high = ctx.paragraph_bounds(end - 1)[1]
        best = free_cue_beside(
            ctx, attr.content, cues, taken, ctx.options.tagger.retagged_cue_gap,
            low=low, high=high,
        )
        if best is None:
            continue
        taken.remove(attr.cue)
        attr.cue, attr.cue_token = tagged_extent(best), best.root
        taken.add(attr.cue)
        attr.source = attr.source_token = attr.inherit_from = attr.channel = None
        attr.unstated_source = False
        if best.root.pos_ in ("VERB", "AUX"):
            sources.set_source(ctx, attr, best.root)
            channel = channels.channel(ctx, best.root)
            if channel is not None and not overlaps_any(channel, [attr.content]):
                attr.channel = channel


def tagged_sources(ctx: Context, attrs: list[Candidate], source_spans: list[Span]) -> None:
    """Sources from the tagger where the parse gave none, or gave a common noun phrase
    the tagger does not see as a source ("a court document" for "state attorney
    Dave Aronberg"): the tagged SOURCE nearest the cue, outside the content, within
    ``source_gap`` tokens (and in the cue's sentence to replace one).
    A named source stays, and so does one whose noun phrase holds the tagged source
    ("The harbour master, Ines Varga")."""
    gap = ctx.options.tagger.source_gap
    # only the spans within ``gap`` tokens of a cue can be its source: found by bisection,
    # not by a scan of the document's every span for every report
    by_tokens = Extents([(s.start, s.end) for s in source_spans])
    for attr in attrs:
        if attr.cue_token is None or attr.inherit_from is not None or attr.unstated_source:
            continue  # a participle's speaker is its head verb's ("..., adding that")
        cue = ctx.doc[attr.cue_token.i : attr.cue_token.i + 1]
        # Not inside the content, nor an outlet or source the speaker names ("said,
        # according to the Gazette, ...", "citing police").
        named = [*attr.cited_by, *attr.cites]
        outside = [
            s
            for s in (source_spans[i] for i in by_tokens.near_indices(cue.start, cue.end,
                                                                      gap + 1))
            if not attr.content[0] <= s.start_char < attr.content[1]
            and not overlaps_any((s.start_char, s.end_char), named)
        ]
        if attr.source is None:
            best = nearest(in_paragraph_of(ctx, outside, cue), cue, gap)
        elif (
            attr.source_token is None
            or attr.source_token.pos_ == "PROPN"
            or any(overlap_ratio(attr.source, (s.start_char, s.end_char)) for s in source_spans)
        ):
            continue  # a name, or the tagger agrees
        else:
            sentence = attr.cue_token.sent
            best = nearest(
                [
                    s for s in outside
                    if s.sent == sentence and not speaks_elsewhere(s, attr, attrs)
                ],
                cue,
                gap,
            )
            subject = attr.source_token
            if (
                best is not None
                and subject.left_edge.i <= best.start
                and best.end <= subject.right_edge.i + 1
            ):
                continue  # the same noun phrase ("The harbour master, Ines Varga")
        if best is not None:
            attr.source = tagged_extent(best)
            attr.source_token = best.root


def speaks_elsewhere(source: Span, attr: Candidate, attrs: list[Candidate]) -> bool:
    """Whether a tagged source is the subject of another report's cue while the parse
    gives ``attr``'s cue a subject of its own ("witnesses said, and the ministry said
    ..."): the tagger missed this speaker, it did not find a better one."""
    subject, cue = attr.source_token, attr.cue_token
    if subject is None or cue is None or subject.head != cue or "subj" not in subject.dep_:
        return False
    root = source.root
    return "subj" in root.dep_ and any(
        a.cue_token is not None and a.cue_token != cue and root.head == a.cue_token
        for a in attrs
    )

