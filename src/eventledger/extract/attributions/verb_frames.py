"""Verb frames: "X said (that) CONTENT", "CONTENT, X said", "X urged Y to CONTENT", "X
declined to say CONTENT", and the rest of the lexicon's frames of a reporting verb.

:func:`verb_content` tries the frames of :data:`CONTENT_FRAMES` in order; the first that
finds words is the content."""

from __future__ import annotations

from spacy.tokens import Token

from ...data_files import word_lists
from ..base import overlap_ratio
from . import channels, clauses, cue_words, sources
from .candidates import Candidate, Candidates
from .context import Context

_NO_SPEAKER_SUBJECTS = word_lists("grammar_words")["no_speaker_subjects"]
_TOPIC_PREPS = word_lists("grammar_words")["topic_preps"]
_REPORT_ADJUNCT_PREPS = word_lists("grammar_words")["report_adjunct_preps"]


def verb_cue(ctx: Context, found: Candidates, verb: Token, *, entry: dict | None = None) -> None:
    if ctx.in_quoted_words(verb):
        return  # "“I have always said that ...,” he said": the speaker's own words
    entry = entry or ctx.cues.verbs[verb.lemma_.lower()]
    frames = entry.get("frames", ["ccomp"])
    content = verb_content(
        ctx, found, verb, frames, entry.get("preps", []), strict=entry.get("strict", False)
    )
    if content is None:
        return
    start, end = content
    relative = cue_words.relative_word(verb)
    if relative is not None and relative.idx < start and relative.i < verb.i:
        # "which he said was unacceptable": the clause is about the relative word's noun.
        start = relative.idx
    cue_start, cue_end = verb.idx, verb.idx + len(verb)
    refused = refused_report(ctx, found, verb, entry)
    if refused is not None:
        # "declined to say how many were hurt": the cue is "declined to say", and what
        # goes unsaid is the content, not "to say ...".
        cue_end = refused[0].idx + len(refused[0])
        start, end = refused[1]
    passive = sources.quoted_as(ctx, verb)
    if passive is not None:
        cue_start = passive.idx  # "was quoted as saying"
    for child in verb.children:
        if child.dep_ == "prt" and child.i == verb.i + 1:
            cue_end = child.idx + len(child)  # "pointed out"
    attr = Candidate(
        kind="indirect",
        cue=(cue_start, cue_end),
        content=(start, end),
        cue_token=verb,
        refused_from=refused[0].left_edge.idx if refused is not None else None,
    )
    clauses.set_kind(ctx, attr)
    sources.set_source(ctx, attr, verb)
    if not entry.get("plain", True) and not speaker_like(attr):
        return  # "the debate threatened to ...", "a book calling for ...": no one speaks
    trailing = found.trailing_channels.get(verb.i)
    if trailing is not None and attr.channel is None:
        attr.channel = channels.channel_extent(ctx, trailing)
        # "in remarks carried by the agency": the outlet that carried them.
        attr.cited_by += [
            sources.source_extent(ctx, obj) for t in trailing.subtree for obj in channels.agents(t)
        ]
    attr.channel = attr.channel or channels.channel(ctx, verb)
    if attr.channel is not None and overlap_ratio(attr.channel, attr.content) >= 0.5:
        attr.channel = None  # "has not commented on the report": what, not how
    attr.cites = channels.cites(ctx, verb)
    attr.cited_by += quoted_by(ctx, attr.source_token, passive)
    if attr.channel is not None:
        # "told the broadcaster Radio Okapi that ...": the outlet told carried it.
        attr.cited_by += [
            o for o in sources.addressed_outlets(ctx, attr.channel) if o not in attr.cited_by
        ]
    found.by_cue[verb.i] = attr


def refused_report(
    ctx: Context, found: Candidates, verb: Token, entry: dict
) -> tuple[Token, tuple[int, int]] | None:
    """The report a negating verb refuses ("declined to comment on the report",
    "refused to confirm that ..."), with its content; None if it has none."""
    if not entry.get("negates"):
        return None
    for child in verb.children:
        inner = ctx.cues.verbs.get(child.lemma_.lower())
        if child.dep_ != "xcomp" or child.tag_ != "VB" or not inner or inner.get("negates"):
            continue
        content = verb_content(
            ctx, found, child, inner.get("frames", ["ccomp"]), inner.get("preps", []), strict=True
        )
        if content is not None:
            return child, content
    return None


def quoted_by(ctx: Context, subject: Token | None, passive: Token | None) -> list[tuple[int, int]]:
    """ "A police source, quoted by the state news agency, said", "She was quoted by
    the Courier as saying", "Residents interviewed by the Courier said": the outlet
    that carried what the speaker said."""
    quoted = [passive] if passive is not None else []
    if subject is not None:
        quoted += [
            acl for acl in subject.children
            if acl.dep_ == "acl" and acl.tag_ == "VBN"
            and acl.lemma_.lower() in ctx.cues.carrying_participles
        ]
    carriers = [
        obj
        for verb in quoted
        for obj in channels.agents(verb) + [
            # "The newspaper quoted him as saying": the subject carried the words.
            c for c in verb.children
            if c.dep_ == "nsubj" and any(d.dep_ == "dobj" for d in verb.children)
        ]
    ]
    return [sources.source_extent(ctx, obj) for obj in carriers]


def verb_content(
    ctx: Context,
    found: Candidates,
    verb: Token,
    frames: list[str],
    preps: list[str],
    *,
    strict: bool = False,
) -> tuple[int, int] | None:
    """The content of a reporting verb: the first of :data:`CONTENT_FRAMES` that finds
    words, as the whole quotation they lie in, if they do. Else a quotation beside the
    verb or the rest of its sentence; a ``strict`` verb ("show", "find") reports only
    through its frames, never through those."""
    for frame in CONTENT_FRAMES:
        result = frame(ctx, found, verb, frames, preps)
        if result:
            return clauses.snap_to_quote(ctx, result)
    if strict:
        return None
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and cue_words.is_cue_verb(ctx, verb.head):
        return None  # "Writing in a letter, the union said ...": the head verb reports
    return adjacent_quote(ctx, verb) or rest_of_sentence(ctx, found, verb, frames)


def subtree_content(
    ctx: Context, found: Candidates, root: Token, verb: Token
) -> tuple[int, int] | None:
    """The words of ``root``'s subtree, reported by ``verb``."""
    return clauses.span_of_tokens(ctx, found, {t.i for t in root.subtree}, root, verb)


def two_subjects_frame(
    ctx: Context, found: Candidates, verb: Token, frames: list[str], preps: list[str]
) -> tuple[int, int] | None:
    """ "The ceasefire held overnight, the mission said", parsed with two subjects."""
    pair = clauses.two_subjects(ctx, verb) if "ccomp" in frames else None
    return subtree_content(ctx, found, pair[0], verb) if pair is not None else None


def cited_clause_frame(
    ctx: Context, found: Candidates, verb: Token, frames: list[str], preps: list[str]
) -> tuple[int, int] | None:
    """ "The ministry said, citing police, that nine died": the parser hangs the reported
    clause on the participle; the words from the clause on are said."""
    cited = clauses.clause_after_cite(ctx, verb) if "ccomp" in frames else None
    if cited is None:
        return None
    participle, clause = cited
    tokens = {t.i for t in participle.subtree if t.i >= clause.left_edge.i}
    return clauses.span_of_tokens(ctx, found, tokens, clause, verb)


def according_clause_frame(
    ctx: Context, found: Candidates, verb: Token, frames: list[str], preps: list[str]
) -> tuple[int, int] | None:
    """ "reported, according to sources, that ...": the parser may conjoin the clause to
    the verb; the words from "that" on are reported."""
    that = clauses.that_after_according(ctx, verb) if "ccomp" in frames else None
    if that is None:
        return None
    clause = that.head
    tokens = {t.i for t in clause.subtree if t.i >= that.i}
    return clauses.span_of_tokens(ctx, found, tokens, clause, verb)


def channel_clause_frame(
    ctx: Context, found: Candidates, verb: Token, frames: list[str], preps: list[str]
) -> tuple[int, int] | None:
    """ "stressed in a statement that ...": the parser hung the clause on the noun."""
    clause = channels.clause_on_channel(ctx, verb) if "ccomp" in frames else None
    return subtree_content(ctx, found, clause, verb) if clause is not None else None


def complement_frame(
    ctx: Context, found: Candidates, verb: Token, frames: list[str], preps: list[str]
) -> tuple[int, int] | None:
    """X said (that) CONTENT: the verb's clause, without the other reports and the
    speaker's asides in it, with the clauses that continue it."""
    if "ccomp" not in frames:
        return None
    joined = clauses.coordinated_start(ctx, verb)
    for child in verb.children:
        if child.dep_ == "parataxis" and cue_words.is_cue_verb(ctx, child):
            continue  # "A wall would address X, she said, ...": the aside reports
        if joined is not None and child.right_edge.i < joined.i:
            continue  # "A, X said; Y said B": the report before the semicolon is X's
        if child.dep_ in ("ccomp", "parataxis") and child.pos_ in ("VERB", "AUX"):
            tokens = clauses.subtree_minus(
                child,
                exclude=[
                    *clauses.other_cues_below(ctx, child, verb),
                    *clauses.speaker_asides(ctx, child),
                ],
            )
            tokens |= clauses.conjoined_complements(verb, child)
            tokens |= clauses.clause_continued(verb, child, tokens)
            tokens -= clauses.time_after_verb(verb, child)
            result = clauses.span_of_tokens(ctx, found, tokens, child, verb)
            fronted = (
                clauses.fronted_before_aside(ctx, verb, clauses_only=True)
                if child.i > verb.i + 2
                and ctx.doc[verb.i + 1].text == ","
                and not ctx.doc[verb.i + 2].is_quote
                else set()
            )
            if result and fronted and ctx.same_paragraph(ctx.doc[min(fronted)], verb):
                # "After ..., Hadid said, most ...": the aside sits inside the content.
                result = (ctx.doc[min(fronted)].idx, result[1])
            if result:
                return result
    return None


def parenthetical_frame(
    ctx: Context, found: Candidates, verb: Token, frames: list[str], preps: list[str]
) -> tuple[int, int] | None:
    """ "CONTENT, he said": the parser made the cue a parenthetical of the content."""
    if not (
        "ccomp" in frames
        and verb.dep_ in ("parataxis", "ccomp")
        and verb.head.i != verb.i
        and verb.head.pos_ in ("VERB", "AUX")
    ):
        return None
    head = verb.head
    if not (verb.dep_ == "parataxis" or verb.i > head.i):
        return None
    tokens = clauses.subtree_minus(
        head, exclude=[verb, *clauses.other_cues_below(ctx, head, verb)]
    )
    if verb.dep_ == "parataxis":
        tokens |= clauses.fronted_before_aside(ctx, verb)
    result = clauses.span_of_tokens(ctx, found, tokens, head, verb)
    if not (result and verb.dep_ == "parataxis"):
        return None  # a clause the cue's own complement is of: the other frames read it
    # "A, economists say, B": the aside sits inside the content. "A, she said, B": the
    # aside sits inside the content, whichever side of it the parser put the clause's
    # head on. Not the line break after the paragraph, which the parser hangs on its last
    # word.
    words = [t for t in tokens if not ctx.doc[t].is_space]
    inside = [t for t in words if t > verb.i] and min(words) < verb.i
    first, last = ctx.doc[min(words)], ctx.doc[max(words)]
    if inside and ctx.same_paragraph(last, verb) and ctx.same_paragraph(first, verb):
        result = ctx.trim(min(result[0], first.idx), max(result[1], last.idx + len(last)))
    return result


def directive_frame(
    ctx: Context, found: Candidates, verb: Token, frames: list[str], preps: list[str]
) -> tuple[int, int] | None:
    """ "urged both sides to return to talks": see :func:`directive`."""
    if "xcomp" not in frames and "dobj" not in frames:
        return None
    return directive(ctx, found, verb, list(verb.children))


def infinitive_frame(
    ctx: Context, found: Candidates, verb: Token, frames: list[str], preps: list[str]
) -> tuple[int, int] | None:
    """ "X vowed to CONTENT": the verb's infinitive clause."""
    if "xcomp" not in frames:
        return None
    for child in verb.children:
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX") and child.i > verb.i:
            result = subtree_content(ctx, found, child, verb)
            if result:
                return result
    return None


def preposition_frame(
    ctx: Context, found: Candidates, verb: Token, frames: list[str], preps: list[str]
) -> tuple[int, int] | None:
    """ "X called for CONTENT": the object of one of the verb's prepositions (``preps``)."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in preps and child.i > verb.i:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects and objects[0].ent_type_ in ("DATE", "TIME"):
                continue  # "called it a crime on Monday": a time, not "call on"
            if objects:
                result = subtree_content(ctx, found, objects[0], verb)
                if result:
                    return result
    return None


def passive_frame(
    ctx: Context, found: Candidates, verb: Token, frames: list[str], preps: list[str]
) -> tuple[int, int] | None:
    """ "The plan was rejected by the council": the passive subject is what is reported."""
    if "dobj" not in frames or not any(c.dep_ == "agent" for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ == "nsubjpass" and child.i < verb.i:
            result = subtree_content(ctx, found, child, verb)
            if result:
                return result
    return None


def object_frame(
    ctx: Context, found: Candidates, verb: Token, frames: list[str], preps: list[str]
) -> tuple[int, int] | None:
    """ "X reported CONTENT": the verb's object, with the adjuncts right after it and
    without its channel phrases."""
    if "dobj" not in frames:
        return None
    for child in verb.children:
        if child.dep_ == "dobj" and child.i > verb.i:
            tokens = object_words(ctx, verb, child)
            result = clauses.span_of_tokens(ctx, found, tokens, child, verb)
            if result:
                return result
    return None


def object_words(ctx: Context, verb: Token, obj: Token) -> set[int]:
    """The words of a reporting verb's object ``obj`` that are reported."""
    tokens = {t.i for t in obj.subtree}
    for noun in channels.channel_nouns_of(ctx, obj):
        tokens -= {t.i for t in noun.head.subtree}  # "... in a post on X"
    # Adjuncts right after the object ("... casualties in Ashkelon").
    for other in verb.children:
        if other.dep_ == "oprd" and other.i > obj.i:
            # "called the plan a waste": the object with what it is called
            tokens |= {t.i for t in other.subtree}
        elif (
            other.dep_ == "prep"
            and other.i > obj.i
            and other.lower_ not in ctx.cues.channel_prepositions | {"according"}
        ):
            tokens |= {t.i for t in other.subtree}
        elif (
            other.dep_ == "prep"
            and other.i > obj.i
            and other.lower_ == "at"
            and any(t.like_num for t in other.subtree)
        ):
            tokens |= {t.i for t in other.subtree}  # "the toll at 31"
        elif other.dep_ == "prep" and other.i > obj.i and other.lower_ == "in":
            pobj = [c for c in other.children if c.dep_ == "pobj"]
            if pobj and pobj[0].lemma_.lower() not in ctx.cues.channel_nouns:
                tokens |= {t.i for t in other.subtree}
    return tokens


def gerund_frame(
    ctx: Context, found: Candidates, verb: Token, frames: list[str], preps: list[str]
) -> tuple[int, int] | None:
    """ "denied shelling the district": a gerund the parse made an xcomp is the object."""
    if "dobj" not in frames:
        return None
    for child in verb.children:
        if child.dep_ == "xcomp" and child.tag_ == "VBG" and child.i > verb.i:
            result = subtree_content(ctx, found, child, verb)
            if result:
                return result
    return None


# The frames of a reporting verb's content, in the order they are tried. Each reads only
# the frames of the verb's lexicon entry it is for ("ccomp", "xcomp", "dobj"; the
# preposition frame reads the entry's ``preps``).
CONTENT_FRAMES = (
    two_subjects_frame,
    cited_clause_frame,
    according_clause_frame,
    channel_clause_frame,
    complement_frame,
    parenthetical_frame,
    directive_frame,
    infinitive_frame,
    preposition_frame,
    passive_frame,
    object_frame,
    gerund_frame,
)


def directive(
    ctx: Context, found: Candidates, verb: Token, children: list[Token]
) -> tuple[int, int] | None:
    """ "urged both sides to return to talks", "called on the rebels to withdraw": whom
    the speaker addresses (the object, or the object of "on"), with what they are told to
    do (the infinitive the parser hangs on the verb). Without an addressee, None."""
    for clause in children:
        if not (
            clause.dep_ == "xcomp"
            and clause.i > verb.i
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        ):
            continue
        between = [c for c in children if verb.i < c.i < clause.i]
        addressees = [c for c in between if c.dep_ == "dobj"] + [
            o
            for prep in between
            if prep.dep_ == "prep" and prep.lower_ in _TOPIC_PREPS
            for o in prep.children
            if o.dep_ == "pobj"
        ]
        # "vowed on Wednesday to rebuild": a time is addressed by no one.
        addressees = [a for a in addressees if a.ent_type_ not in ("DATE", "TIME")]
        if not addressees:
            return None
        tokens = {t.i for t in addressees[0].subtree} | {t.i for t in clause.subtree}
        return clauses.span_of_tokens(ctx, found, tokens, clause, verb)
    return None


def rest_of_sentence(
    ctx: Context, found: Candidates, verb: Token, frames: list[str]
) -> tuple[int, int] | None:
    """ "X said having ... puts ...": when the parser found no complement for a verb
    that takes a clause, what follows the verb in its sentence (past an addressee, a
    channel phrase or a time word) is taken as the content."""
    if "ccomp" not in frames or verb.tag_ == "VBN":
        return None
    doc = ctx.doc
    sentence = verb.sent
    i = verb.i + 1
    skip_deps = ("dobj", "dative", "npadvmod", "advmod", "prt", "punct")
    while i < sentence.end:
        token = doc[i]
        # The verb's own dependent this token belongs to.
        while (
            token.head.i != verb.i
            and token.head.i != token.i
            and verb.i < token.head.i < sentence.end
        ):
            token = token.head
        if (
            token.head.i == verb.i
            and token.dep_ in skip_deps
            and (
                token.dep_ != "dobj"
                or verb.lemma_.lower() in ctx.cues.addressing_verbs
            )
        ):
            i = token.right_edge.i + 1
        elif (
            token.head.i == verb.i
            and token.dep_ == "prep"
            and token.lower_ in _REPORT_ADJUNCT_PREPS
        ):
            i = token.right_edge.i + 1
        elif doc[i].lower_ == "that":
            i += 1
        elif cue_words.is_cite_participle(ctx, doc[i]) and doc[i - 1].text == ",":
            i = doc[i].right_edge.i + 1  # "reported, citing port workers, that ..."
        else:
            break
    if i < sentence.end and doc[i].dep_ == "cc":
        return None  # "ready to respond and warned ...": a next predicate, not said
    end = sentence.end
    # "A spokesman, who was not authorized to brief reporters, said ...": the rest of a
    # relative clause, not of the sentence around it.
    clause = next((a for a in [verb, *verb.ancestors] if a.dep_ in ("relcl", "acl")), None)
    if clause is not None:
        end = min(end, clause.right_edge.i + 1)
    for j in range(i, end):
        token = doc[j]
        stops = token.lower_ == "according" or (
            token.tag_ == "VBG" and token.dep_ == "advcl" and cue_words.is_cue_verb(ctx, token)
        )
        if stops or token.text in (";",):
            end = j
            break
    if end - i < 3 or any(doc[j].tag_.startswith("VB") for j in range(i, end)) is False:
        return None
    return clauses.span_of_tokens(ctx, found, set(range(i, end)), doc[i], verb)


def adjacent_quote(ctx: Context, verb: Token) -> tuple[int, int] | None:
    """A quotation right after "X said:" or right before "..., X said" in the paragraph."""
    low, high = ctx.paragraph_bounds(verb.idx)
    for quote in ctx.quotes:
        if not (low <= quote.outer_start < high):
            continue
        between_after = ctx.text[verb.idx + len(verb) : quote.outer_start]
        if (
            quote.outer_start >= verb.idx
            and len(between_after) <= 40
            and between_after.strip(" ,:") == between_after.strip(" ,:").split("\n")[0]
            and ("." not in between_after)
        ):
            if len(between_after.split()) <= 4:
                return quote.start, quote.end
        between_before = ctx.text[quote.outer_end : verb.idx]
        if (
            quote.outer_end <= verb.idx
            and len(between_before) <= 40
            and "." not in between_before
            and len(between_before.split()) <= 4
        ):
            return ctx.trim(quote.start, quote.end)
    return None


def speaker_like(attr: Candidate) -> bool:
    """A subject that can say things: a person or organisation, a personal pronoun, a
    name; or a participle that reports for the subject of its verb."""
    if attr.source is None:
        return True
    token = attr.source_token
    # PolNeAR train: dropping non-person subjects costs more recall than it buys precision.
    return token is None or token.lower_ not in _NO_SPEAKER_SUBJECTS

