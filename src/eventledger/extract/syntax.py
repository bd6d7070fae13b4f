"""Syntax helpers the extractors share, each written once.

A paragraph has two meanings in an article's plain text: a line (:func:`paragraph_bounds`,
:class:`ParagraphIndex`), which a mention, a content or a quotation's speaker stays in, as
a heading or caption run into the next sentence by the parser ends at its line break; and
a block after a blank line (:func:`paragraph_start`), where a reference back ("the city")
looks for the place it names, as a hard-wrapped paragraph spans lines.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span, Token

_BLANK_LINE = re.compile(r"\n[ \t]*\n")

# Where a Doc keeps its text once it is built (see doc_text).
_TEXT_KEY = "eventledger.text"

# The dependency labels of a verb's subject.
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token's text at each call, which
    made the extractors' many look-ups quadratic in a document's length."""
    text = doc.user_data.get(_TEXT_KEY)
    # A copy kept from another Doc (user data travels with Doc.copy) must be as long.
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if text is None or len(text) != length:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


class Entities:
    """A Doc's named entities, read once: ``doc.ents`` (and a sentence's ``sent.ents``,
    which reads them all) builds every entity of the document at each call, which made a
    look-up per count or per event quadratic in a document's length. Entities do not
    overlap and come in order, so their starts and their ends are both sorted."""

    def __init__(self, doc: Doc):
        self.ents = list(doc.ents)
        self.ends = [ent.end for ent in self.ents]

    def overlapping(self, start: int, end: int) -> list[Span]:
        """The entities that share a token with ``[start, end)``, in order."""
        found = []
        for i in range(bisect_right(self.ends, start), len(self.ents)):
            if self.ents[i].start >= end:
                break
            found.append(self.ents[i])
        return found

    def within(self, start: int, end: int) -> list[Span]:
        """The entities inside ``[start, end)``, as ``Span.ents`` gives them."""
        found = []
        for i in range(bisect_right(self.ends, start), len(self.ents)):
            ent = self.ents[i]
            if ent.start < start:
                continue
            if ent.end > end:
                break
            found.append(ent)
        return found


def paragraph_bounds(text: str, index: int) -> tuple[int, int]:
    """The line of ``text`` that holds character ``index``: a paragraph, as an article's
    plain text is written one paragraph a line."""
    low = text.rfind("\n", 0, index) + 1
    high = text.find("\n", index)
    return low, len(text) if high < 0 else high


class ParagraphIndex:
    """:func:`paragraph_bounds` of one text by bisection over its line breaks."""

    def __init__(self, text: str):
        self.text = text
        self.breaks = [i for i, char in enumerate(text) if char == "\n"]

    def bounds(self, index: int) -> tuple[int, int]:
        if index < 0:
            return paragraph_bounds(self.text, index)  # slice semantics, as str.rfind has
        k = bisect_left(self.breaks, index)
        low = self.breaks[k - 1] + 1 if k > 0 else 0
        high = self.breaks[k] if k < len(self.breaks) else len(self.text)
        return low, high


def paragraph_start(text: str, position: int) -> int:
    """Where the paragraph holding ``position`` starts: after the last blank line (a single
    line end may be a hard wrap inside the paragraph)."""
    start = 0
    for match in _BLANK_LINE.finditer(text, 0, position):
        start = match.end()
    return start


def token_range(doc: Doc, start_char: int, end_char: int) -> tuple[int, int] | None:
    """The token range ``[start, end)`` covering the characters, or None."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None


def first_dep(token: Token | None, dep: str) -> Token | None:
    if token is None:
        return None
    for child in token.children:
        if child.dep_ == dep:
            return child
    return None
