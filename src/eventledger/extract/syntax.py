"""Syntax helpers the extractors share: where a paragraph of the text begins and ends, and
the dependency labels of a clause's subject."""

from __future__ import annotations

from bisect import bisect_left

# The dependency labels of a verb's subject.
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")


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
