"""Candidate attributions and the span arithmetic on their character extents.

A :class:`Candidate` is one attribution as the stages build it: character extents
(``(start, end)``) for its cue, content, source, channel and the outlets it names, with
the tokens that anchor them. :class:`Candidates` is what the scan of a document's tokens
gathers for the later stages.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ...data_files import word_lists
from ..quotes import QUOTE_MARKS

# What a content's edges lose: quotation marks, commas and dashes, and white space.
TRIM = set(QUOTE_MARKS) | set(",;:—–-") | {" ", "\n", "\t", "\u00a0"}
LEADING_WORDS = word_lists("grammar_words")["leading_content_words"]


@dataclass
class Candidate:
    kind: str
    cue: tuple[int, int] | None
    content: tuple[int, int]
    cue_token: Token | None = None
    source: tuple[int, int] | None = None
    source_token: Token | None = None  # the subject word (for pronouns)
    inherit_from: Token | None = None  # a participle reports for its head verb's speaker
    unstated_source: bool = False  # "Asked whether ...": the text leaves the asker out
    refused_from: int | None = None  # "declined [to comment on] the report": where "to" is
    # A frame narrow enough to stand without the tagger's confirming ("as reported by X").
    sure: bool = False
    channel: tuple[int, int] | None = None
    cites: list[tuple[int, int]] = field(default_factory=list)
    cited_by: list[tuple[int, int]] = field(default_factory=list)
    # "..., he said, according to the Courier": the cue and source of the outlet's report
    carrier: tuple[tuple[int, int], tuple[int, int]] | None = None
    name: str | None = None
    actor: dict | None = None


@dataclass
class Candidates:
    """What the frames find in the scan of a document's tokens."""

    # The attribution of each cue word, by token index.
    by_cue: dict[int, Candidate] = field(default_factory=dict)
    # (reporting verb, outlet, its word, the "according to" cue) of the phrases that hang
    # on a reporting verb: the outlet carried that verb's report.
    pending_cited_by: list[tuple[Token, tuple[int, int], Token, tuple[int, int]]] = field(
        default_factory=list
    )
    # "..., in remarks carried by the state news agency": by cue token, the channel noun of
    # the phrase a content ended with, which is the report's channel.
    trailing_channels: dict[int, Token] = field(default_factory=dict)


def trim_text(text: str, start: int, end: int) -> tuple[int, int]:
    """Cut marks, commas and a leading conjunction "that" from the edges of a content span."""
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start] in TRIM:
            start, changed = start + 1, True
        while start < end and text[end - 1] in TRIM:
            end, changed = end - 1, True
        quoted = start > 0 and text[start - 1] in QUOTE_MARKS
        for word in LEADING_WORDS:
            # The conjunction of "said that ..." is lower case and outside the quotation
            # marks; "“That depends ...”" keeps its first word.
            if not quoted and text[start : start + len(word) + 1] == word + " ":
                start, changed = start + len(word) + 1, True
    if start < end and text[end - 1] == "." and text[start:end].count(" ") > 0:
        end -= 1  # the sentence's full stop belongs to the sentence, not the claim
    return start, end


def nearest(spans: list[Span], anchor: Span, max_gap: int) -> Span | None:
    """The span of ``spans`` fewest tokens away from ``anchor``, if within ``max_gap``."""

    def gap(other: Span) -> int:
        return max(other.start - anchor.end, anchor.start - other.end, 0)

    best = min(spans, key=gap, default=None)
    return best if best is not None and gap(best) <= max_gap else None


def within(spans: list[Span], low: int, high: int) -> list[Span]:
    """The ``spans`` that lie between characters ``low`` and ``high``."""
    return [s for s in spans if low <= s.start_char and s.end_char <= high]


def whole(attr: Candidate) -> tuple[int, int]:
    """An attribution's cue and content together."""
    return min(attr.cue[0], attr.content[0]), max(attr.cue[1], attr.content[1])


def report_extent(attr: Candidate) -> tuple[int, int]:
    """An attribution's content, cue and source together: the whole report."""
    parts = [attr.content, *(x for x in (attr.cue, attr.source) if x is not None)]
    return min(p[0] for p in parts), max(p[1] for p in parts)


def tagged_extent(tagged: Span) -> tuple[int, int]:
    """A tagged cue or source without the punctuation at its edges ("said:", "the mayor,
    Ilse Varn,"); a span of punctuation alone (a colon as the cue) stays as it is."""
    words = [t for t in tagged if not (t.is_punct or t.is_space)]
    if not words:
        return tagged.start_char, tagged.end_char
    return words[0].idx, words[-1].idx + len(words[-1])


def names_speaker(attr: Candidate) -> bool:
    """Whether an attribution names a speaker of its own rather than a pronoun: inside
    another's claim it is a chain ("The Post reported that Klein said ...")."""
    return attr.source is not None and (
        attr.source_token is None or attr.source_token.pos_ != "PRON"
    )


def after_all(
    cue: tuple[int, int], extents: list[tuple[int, int]], content: tuple[int, int]
) -> bool:
    """Whether a cue stands after the end of every extent that holds ``content``."""
    holding = [(low, high) for low, high in extents if low <= content[0] and content[1] <= high]
    return bool(holding) and all(cue[0] >= high for _low, high in holding)


class Extents:
    """Character extents, found near a range by bisection: a document's every rule
    attribution is checked against its every tagged content, which grew with the square
    of a long document's reports when each check scanned them all."""

    def __init__(self, extents: list[tuple[int, int]]):
        self.items = list(extents)
        self._order = sorted(range(len(self.items)), key=lambda i: self.items[i][0])
        self._starts = [self.items[i][0] for i in self._order]
        self._longest = max((high - low for low, high in self.items), default=0)

    def near(self, low: int, high: int, slack: int = 2) -> list[tuple[int, int]]:
        """The extents, in their given order, that overlap ``[low - slack, high + slack)``:
        with the default slack, every one that shares a character with the range or
        touches it."""
        return [self.items[i] for i in self.near_indices(low, high, slack)]

    def near_indices(self, low: int, high: int, slack: int = 0) -> list[int]:
        """The indices, in order, of the extents that overlap ``[low - slack, high +
        slack)``."""
        first = bisect_left(self._starts, low - slack - self._longest)
        last = bisect_left(self._starts, high + slack)
        return sorted(i for i in self._order[first:last] if self.items[i][1] > low - slack)


class SpansNear:
    """Spans found by bisection on their tokens: the spans within a number of tokens of an
    anchor, which :func:`nearest` picks from, without a scan of a document's every span
    for every report."""

    def __init__(self, spans: list[Span]):
        self.spans = list(spans)
        self._tokens = Extents([(s.start, s.end) for s in self.spans])

    def near(self, anchor: Span, max_gap: int) -> list[Span]:
        """The spans, in their given order, at most ``max_gap`` tokens from ``anchor``:
        every one :func:`nearest` may pick, so that it picks the same from them."""
        return [self.spans[i] for i in self._tokens.near_indices(anchor.start, anchor.end,
                                                                  max_gap + 1)]


class Intervals:
    """A growing set of character extents that tells by bisection whether an extent
    overlaps one of them (:func:`overlaps_any`), for the extents a document's reports
    take one after another."""

    def __init__(self, extents: list[tuple[int, int]] = ()):
        self._items = sorted(extents)
        self._longest = max((high - low for low, high in self._items), default=0)

    def add(self, extent: tuple[int, int]) -> None:
        insort(self._items, extent)
        self._longest = max(self._longest, extent[1] - extent[0])

    def remove(self, extent: tuple[int, int]) -> None:
        self._items.pop(bisect_left(self._items, extent))

    def overlaps(self, extent: tuple[int, int]) -> bool:
        """Whether ``extent`` shares a character with one of the extents."""
        first = bisect_right(self._items, (extent[0] - self._longest, float("inf")))
        last = bisect_left(self._items, (extent[1],))
        return any(extent[0] < high for _low, high in self._items[first:last])


def inside_any(extent: tuple[int, int], extents: list[tuple[int, int]]) -> bool:
    return any(low <= extent[0] and extent[1] <= high for low, high in extents)


def overlaps_any(extent: tuple[int, int], extents: list[tuple[int, int]]) -> bool:
    """Whether ``extent`` shares a character with one of ``extents``."""
    return any(extent[0] < high and low < extent[1] for low, high in extents)


def block(tokens: set[int], anchor: int) -> tuple[int, int]:
    """The run of consecutive token indices in ``tokens`` around ``anchor``."""
    low = high = anchor
    while low - 1 in tokens:
        low -= 1
    while high + 1 in tokens:
        high += 1
    return low, high
