"""The read-only context of one document, built once before the frames run: the text and
its parse, the cue lexicon and the component's options, the quotations (a quotation left
open before its speaker closed there) and a paragraph index, with the small questions
every stage asks of them."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..base import is_excluded
from ..quotes import Quote, quotes_of
from ..syntax import ParagraphIndex, doc_text
from .candidates import trim_text
from .lexicon import CueLexicon


@dataclass(frozen=True)
class TaggerSettings:
    """How sure of its spans the span tagger must be, and how near its spans must lie, for
    the reconciliation (``tagger.py``): the component's ``tagger_*`` settings, else the
    tagger model's own (the ``thresholds`` of its span_transformer.json, chosen for it on
    held-out training articles)."""

    # A tagged content becomes an attribution of its own only if the tagger's confidence in
    # it is at least ``min_score``; below it, most are not claims ...
    min_score: float
    # ... or at least ``min_score_sure_cue``, when its confidence in the cue that reports it
    # is at least ``sure_cue``: "the massive tax cut package" after a sure "talks over".
    min_score_sure_cue: float
    sure_cue: float
    # A tagged content and a rule attribution overlapping by more than this are one claim.
    agreement: float
    # How far (tokens) a tagged cue may lie from its content, and a tagged source from its
    # cue.
    cue_gap: int
    source_gap: int
    # How far from a content a tagged cue may stand to replace a rule cue the tagger does
    # not read as one.
    retagged_cue_gap: int


@dataclass(frozen=True)
class Options:
    """The component's modes, as the stages read them."""

    min_quote_words: int
    tagger: TaggerSettings
    # '"Q1," X said. "Q2"': one attribution from Q1 to Q2 (PolNeAR's convention) or two.
    join_quotes: bool = False
    # Reports inside a quotation belong to the quoted words (PolNeAR leaves them out).
    inside_quotes: bool = False
    # '"...," X said, according to Y': Y's report, citing X (PolNeAR's convention).
    outer_carriers: bool = False
    # Only the outermost report of a chain, as PolNeAR's single layer of spans marks it.
    outer_only: bool = False
    # Only attributions with a cue, as PolNeAR annotates every one with its cue.
    drop_uncued: bool = False


@dataclass(frozen=True)
class SpeakerWords:
    """Words of the actor lexicon that the attribution stages read."""

    # Gendered words ("spokeswoman", "Mr"), lower case: he/she skip the other gender.
    gender_words: dict[str, set[str]]
    # Nouns that stand for a body ("police", "army"): "a police statement" is its.
    body_nouns: set[str]
    # The media's nouns: "a news report" is no one's.
    media_nouns: set[str]


class Context:
    """One document as the attribution stages read it."""

    def __init__(self, doc: Doc, cues: CueLexicon, options: Options, speakers: SpeakerWords):
        self.doc = doc
        self.text = doc_text(doc)
        self.cues = cues
        self.options = options
        self.gender_words = speakers.gender_words
        self.body_nouns = speakers.body_nouns
        self.media_nouns = speakers.media_nouns
        self.paragraphs = ParagraphIndex(doc_text(doc))
        self.token_starts = [t.idx for t in doc]
        self.quotes = [
            closed_before_speaker(doc, cues, q)
            for q in quotes_of(doc)
            if not is_excluded(doc, q.outer_start, q.outer_end)
        ]

    def paragraph_bounds(self, index: int) -> tuple[int, int]:
        return self.paragraphs.bounds(index)

    def trim(self, start: int, end: int) -> tuple[int, int]:
        """:func:`trim_text`, keeping a leading "that" that is a determiner ("disputed that
        account"), not the conjunction of "said that"."""
        trimmed, stop = trim_text(self.text, start, end)
        that = trimmed - len("that ")
        if that >= start and self.text[that:trimmed] == "that ":
            words = self.doc.char_span(that, that + len("that"))
            if words is not None and words[0].dep_ == "det":
                trimmed = that
        return trimmed, stop

    def excluded(self, token: Token) -> bool:
        """Whether ``token`` is in a heading or caption."""
        return is_excluded(self.doc, token.idx, token.idx + len(token))

    def same_paragraph(self, token: Token, anchor: Token) -> bool:
        low, high = self.paragraph_bounds(anchor.idx)
        return low <= token.idx < high

    def quote_at(self, start: int, end: int) -> Quote | None:
        for quote in self.quotes:
            if quote.outer_start <= start and end <= quote.outer_end + 1:
                return quote
        return None

    def in_quote(self, token: Token, cue: Token) -> bool:
        """A token of a quote that spans paragraphs and touches the cue's paragraph."""
        low, high = self.paragraph_bounds(cue.idx)
        for quote in self.quotes:
            if (
                quote.outer_start <= token.idx < quote.outer_end
                and quote.outer_start < high
                and low < quote.outer_end
            ):
                return True
        return False

    def in_quoted_words(self, token: Token) -> bool:
        """Whether ``token`` is inside a quotation, where it is the speaker's words and
        reports nothing of its own (unless the component reads reports inside quotes)."""
        return not self.options.inside_quotes and any(
            q.start <= token.idx < q.end for q in self.quotes
        )

    def index_after_quote(self, quote: Quote) -> int:
        """The first token after a quotation, past the comma and marks that close it
        (``len(doc)`` at the end of the text)."""
        doc = self.doc
        i = bisect_left(self.token_starts, quote.outer_end)
        while i < len(doc) and doc[i].is_punct and doc[i].text in ",”\"'’":
            i += 1
        return i


def closed_before_speaker(doc: Doc, cues: CueLexicon, quote: Quote) -> Quote:
    """A quotation left open to the end of its paragraph that ends with its speaker
    and a reporting verb ('"We need safe passage now, the director, Amira Sol, told
    reporters.'): the closing mark was forgotten before the comma; the quotation ends
    there."""
    if quote.closed:
        return quote
    words = doc.char_span(quote.start, quote.end, alignment_mode="contract")
    if words is None:
        return quote
    last = words[-1].sent
    for verb in last:
        if (
            verb.i < words.start
            or verb.i >= words.end
            or verb.tag_ not in ("VBD", "VBZ")
            or verb.lemma_.lower() not in cues.verbs
        ):
            continue
        subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        comma = subject.left_edge.i - 1
        # The speaker's clause after a comma, hung on nothing quoted after it.
        if (
            comma > words.start
            and doc[comma].text == ","
            and (verb.dep_ in ("ROOT", "parataxis") or verb.head.i < comma)
        ):
            end = doc[comma].idx
            return Quote(quote.start, end, quote.outer_start, end, False, quote.family)
    return quote
