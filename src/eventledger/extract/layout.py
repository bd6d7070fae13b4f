"""Headings and photo captions: found from the text's layout and kept out of extraction.

A paragraph (a line of its own) that does not end as a sentence ends is a heading or a
caption: a caption when it names who is shown ("(left)", "pictured", "Photo:") or is long
enough to describe a picture, a heading otherwise. The ranges go to ``doc._.el_excluded``;
every extractor skips them through :func:`eventledger.extract.base.is_excluded`.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

_PARAGRAPH = re.compile(r"[^\n]+")
# A sentence ends with these, possibly followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?:;…][\"'”’»)\]]*\s*$|[\"”»]\s*$")
_CAPTION_MARK = re.compile(
    r"\((?:left|right|centre|center|front|back|top|bottom|L|R|C)\)|\b(?:pictured|photo|file photo|image)\b"
    r"|(?:Photo|Image|Credit|Source)\s*:|©|\bAFP\b/|\bGetty\b",
    re.IGNORECASE,
)


def classify_paragraph(line: str, *, max_heading_words: int = 12) -> str | None:
    """``"heading"``, ``"caption"`` or None (running text) for one paragraph line."""
    stripped = line.strip()
    if not stripped or _SENTENCE_END.search(stripped):
        return None
    if _CAPTION_MARK.search(stripped):
        return "caption"
    words = len(stripped.split())
    return "heading" if words <= max_heading_words else "caption"


def layout_ranges(text: str, *, max_heading_words: int = 12) -> list[tuple[int, int, str]]:
    """``[(start, end, kind)]`` of the headings and captions of ``text``. A one-paragraph
    text (a feed entry, a message) has neither."""
    paragraphs = list(_PARAGRAPH.finditer(text))
    if len(paragraphs) < 2:
        return []
    ranges = []
    for match in paragraphs:
        kind = classify_paragraph(match.group(), max_heading_words=max_heading_words)
        if kind:
            ranges.append((match.start(), match.end(), kind))
    return ranges


class LayoutMarker:
    def __init__(self, nlp: Language, name: str, *, max_heading_words: int):
        self.name = name
        self.max_heading_words = max_heading_words

    def __call__(self, doc: Doc) -> Doc:
        doc._.el_excluded = layout_ranges(doc.text, max_heading_words=self.max_heading_words)
        return doc


@Language.factory(
    "eventledger_layout",
    assigns=["doc._.el_excluded"],
    default_config={"max_heading_words": 12},
)
def make_layout(nlp: Language, name: str, *, max_heading_words: int) -> LayoutMarker:
    return LayoutMarker(nlp, name, max_heading_words=max_heading_words)
