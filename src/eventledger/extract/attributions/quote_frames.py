"""Quotation frames: a quotation no reporting verb took is given to the verb right after it,
to the author of a byline, to the subject before a colon, or to the previous speaker
nearby."""

from __future__ import annotations

from spacy.tokens import Token

from ...data_files import word_lists
from ..base import actor_at
from ..quotes import Quote
from . import channels, sources
from .candidates import Candidate
from .context import Context

_NO_SPEAKER_SUBJECTS = word_lists("grammar_words")["no_speaker_subjects"]


def bare_quotes(ctx: Context, attrs: list[Candidate]) -> list[Candidate]:
    """Quotations no reporting verb took: given to the previous speaker nearby."""
    found = []
    for quote in ctx.quotes:
        words = ctx.text[quote.start : quote.end].split()
        after = verb_after_quote(ctx, quote)
        if len(words) < ctx.options.min_quote_words and after is None:
            continue  # a scare quote ("the «operation»"), unless a verb reports it
        covered = False
        for attr in attrs:
            start, end = attr.content
            overlap = min(end, quote.end) - max(start, quote.start)
            if overlap > 0.5 * (quote.end - quote.start) or (
                start <= quote.start and quote.end <= end
            ):
                covered = True
                break
        if covered or not quote_stands_alone(ctx, quote):
            continue
        start, end = ctx.trim(quote.start, quote.end)
        attr = Candidate(kind="direct", cue=None, content=(start, end))
        if after is not None:
            verb, subject = after
            attr.cue, attr.cue_token = (verb.idx, verb.idx + len(verb)), verb
            attr.source_token, attr.source = subject, sources.source_extent(ctx, subject)
            attr.channel = channels.channel(ctx, verb)
            found.append(attr)
            continue
        author = byline_after(ctx, quote)
        if author is not None:
            # '"Why the old ferry still matters," by Omar Haddad': a title and its
            # author, whoever spoke in the paragraph before. "by" reports nothing, so
            # there is no cue.
            attr.source_token, attr.source = author, sources.source_extent(ctx, author)
            found.append(attr)
            continue
        speaker = previous_speaker(ctx, quote, attrs + found)
        quoted = previous_speaker(ctx, quote, attrs + found, quoted=True)
        if (
            ctx.options.join_quotes
            and quoted is not None
            and quoted.cue is not None
            and quoted.cue[0] < quote.outer_start
            and continues(ctx, quoted, quote)
        ):
            quoted.content = (quoted.content[0], end)
            continue
        subject = subject_before_colon(ctx, quote)
        if subject is not None:
            # "Her deputy, Lina Sorel, was blunter: ‘They want time.’": the subject of
            # the clause that announces the quotation says it.
            attr.source_token, attr.source = subject, sources.source_extent(ctx, subject)
        elif speaker is not None and speaker.cue_token is not None:
            attr.inherit_from = speaker.cue_token  # resolved with the speaker's source
            # The verb that reported the first quote reports the one that goes on.
            attr.cue = speaker.cue if speaker.kind == "direct" else None
        elif speaker is not None:
            attr.source, attr.source_token = speaker.source, speaker.source_token
        found.append(attr)
    return found


def continues(ctx: Context, attr: Candidate, quote: Quote) -> bool:
    """A quote goes on an earlier report when it is in the same paragraph as its cue,
    or opens the next paragraph."""
    low, _high = ctx.paragraph_bounds(quote.outer_start)
    cue_low, _ = ctx.paragraph_bounds(attr.cue[0])
    return low == cue_low or quote.outer_start == low


def subject_before_colon(ctx: Context, quote: Quote) -> Token | None:
    """The subject of the clause a colon ends right before ``quote``, when it names
    someone: a name, an actor, or a person noun ("the deputy")."""
    i = quote.outer_start
    while i > 0 and ctx.text[i - 1].isspace():
        i -= 1
    if i == 0 or ctx.text[i - 1] != ":":
        return None
    colon = ctx.doc.char_span(i - 1, i)
    if colon is None:
        return None
    head = colon[0].head
    if head.pos_ not in ("VERB", "AUX") or head.i > colon[0].i:
        return None
    for child in head.children:
        if child.dep_ != "nsubj" or ctx.excluded(child):
            continue
        if (
            child.pos_ == "PROPN"
            or child.lemma_.lower() in ctx.cues.person_nouns
            or actor_at(ctx.doc, child.idx, child.idx + len(child)) is not None
        ):
            return child
    return None


def byline_after(ctx: Context, quote: Quote) -> Token | None:
    """'"...," by the Courier's Lena Ward': the named author right after a quotation."""
    doc = ctx.doc
    i = ctx.index_after_quote(quote)
    if i >= len(doc) or doc[i].lower_ != "by":
        return None
    if not ctx.same_paragraph(doc[i], doc[i - 1]):
        return None
    author = next((c for c in doc[i].children if c.dep_ == "pobj"), None)
    if author is None or author.pos_ != "PROPN":
        return None
    return author


def verb_after_quote(ctx: Context, quote: Quote) -> tuple[Token, Token] | None:
    """'"...," he continued.' / '"...," laughed Ms Ray.': any verb right after a quote,
    with its subject, ending the sentence, reports the quote."""
    doc = ctx.doc
    i = ctx.index_after_quote(quote)
    window = [t for t in doc[i : i + 12] if not t.is_space]
    if not window or not ctx.same_paragraph(window[0], doc[i]):
        return None
    for k, token in enumerate(window):
        if token.pos_ != "VERB" or token.tag_ not in ("VBD", "VBZ", "VBP"):
            continue
        following = window[k + 1] if k + 1 < len(window) else None
        before = window[:k]
        whole = subject_spanning(token, before)
        if whole is not None:
            # '"...," the senator and candidate said': a long subject, all of it the
            # verb's own, however many words it has.
            subject = whole
            after_ok = following is None or following.is_punct or following.dep_ == "prep"
        elif k >= 6:
            return None
        elif before and all(
            t.pos_ in ("PRON", "PROPN", "NOUN", "DET", "ADJ") for t in before
        ):
            subject = before[-1]
            after_ok = following is None or following.is_punct
        elif (
            not before
            and following is not None
            and following.pos_ in ("PROPN", "NOUN", "PRON", "DET")
        ):
            # '"...," said the mayor': the subject after the verb, past its article.
            subject = next(
                (c for c in token.children if c.dep_ == "nsubj" and c.i > token.i),
                None if following.pos_ == "DET" else following,
            )
            if subject is None:
                return None
            after_ok = True
        else:
            return None
        if after_ok and subject.lower_ not in _NO_SPEAKER_SUBJECTS:
            return token, subject
        return None
    return None


def subject_spanning(verb: Token, words: list[Token]) -> Token | None:
    """The subject of ``verb`` whose phrase is exactly ``words``, if there is one."""
    if not words:
        return None
    wanted = {t.i for t in words}
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and {
            t.i for t in child.subtree if not t.is_space
        } == wanted:
            return child
    return None


def quote_stands_alone(ctx: Context, quote: Quote) -> bool:
    """A quotation that is a sentence of its own, not a phrase in running text."""
    low, _high = ctx.paragraph_bounds(quote.outer_start)
    before = ctx.text[low : quote.outer_start].rstrip()
    return (
        not before
        or before[-1] in ".:!?"
        or len(ctx.text[quote.start : quote.end].split()) >= 8
    )


def previous_speaker(
    ctx: Context, quote: Quote, attrs: list[Candidate], *, quoted: bool = False
) -> Candidate | None:
    """The speaker of the latest attribution in this or the previous paragraph (with
    ``quoted``: the latest one that reports a quotation)."""
    low, _high = ctx.paragraph_bounds(quote.outer_start)
    previous_low, _ = ctx.paragraph_bounds(max(low - 2, 0))
    while previous_low > 0 and not ctx.text[previous_low:low].strip():
        previous_low, _ = ctx.paragraph_bounds(max(previous_low - 2, 0))
    best = None
    for attr in attrs:
        where = attr.cue[0] if attr.cue else attr.content[0]
        if quoted and attr.kind not in ("direct", "mixed"):
            continue
        if previous_low <= where < quote.outer_start and (attr.source or attr.inherit_from):
            if best is None or where > (best.cue[0] if best.cue else best.content[0]):
                best = attr
    return best

