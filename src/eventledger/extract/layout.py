"""Headings and photo captions: found from the text's layout and kept out of extraction.

A paragraph (a line of its own) that does not end as a sentence ends is a heading or a
caption: a caption when it names who is shown ("(left)", "pictured", "Photo:"), a heading
when it is short. A paragraph opened by a caption's label ("Photo: ...") or closed by a
photo credit ("(Photo: AFP)") is a caption even when it ends as a sentence does. A longer
line without a closing stop is a caption only when it has no finite verb (captions
describe a picture; running text cut short still has its verb), and a line whose next
line starts in lower case is hard-wrapped running text, not a heading. The ranges go to
``doc._.el_excluded``; every extractor skips them through
:func:`eventledger.extract.base.is_excluded`, but for the casualty figures of a heading on
the text's first line, its headline (:mod:`eventledger.extract.casualty_frames`).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .syntax import doc_text

_PARAGRAPH = re.compile(r"[^\n]+")
# A sentence ends with these, possibly followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?:;…][\"'”’»)\]]*\s*$|[\"”»]\s*$")
_CAPTION_MARK = re.compile(
    r"\((?:left|right|centre|center|front|back|top|bottom|L|R|C)\)|\b(?:pictured|photo|file photo|image)\b"
    r"|(?:Photo|Image|Credit|Source)\s*:|©|\bAFP\b/|\bGetty\b",
    re.IGNORECASE,
)


# A caption says so even when it ends as a sentence ends: a label opening it ("Photo:
# Trucks wait at the checkpoint."), or a credit in brackets closing it ("... (Photo: AFP)").
_CAPTION_LABEL = re.compile(
    r"^(?:photo|image|picture|caption|pictured|file photo)\s*:", re.IGNORECASE
)
_CAPTION_CREDIT = re.compile(
    r"\((?:photo|image|picture|file photo)s?\s*(?::|by\b)[^()]*\)\W*$", re.IGNORECASE
)

_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def classify_paragraph(
    line: str,
    *,
    next_line: str | None = None,
    has_finite_verb: bool = False,
    max_heading_words: int = 12,
) -> str | None:
    """``"heading"``, ``"caption"`` or None (running text) for one paragraph line."""
    stripped = line.strip()
    if _CAPTION_LABEL.search(stripped) or _CAPTION_CREDIT.search(stripped):
        return "caption"
    if not stripped or _SENTENCE_END.search(stripped):
        return None
    following = (next_line or "").lstrip()
    if following[:1].islower():
        return None  # a hard-wrapped line: the sentence goes on below
    if _CAPTION_MARK.search(stripped):
        return "caption"
    if len(stripped.split()) <= max_heading_words:
        return "heading"
    return None if has_finite_verb else "caption"


def _has_finite_verb(doc: Doc | None, start: int, end: int) -> bool:
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(token.tag_ in _FINITE_TAGS for token in span)


def layout_ranges(
    text: str, *, doc: Doc | None = None, max_heading_words: int = 12
) -> list[tuple[int, int, str]]:
    """``[(start, end, kind)]`` of the headings and captions of ``text``; with ``doc`` (its
    parse), long lines that have a finite verb are kept as running text. A one-paragraph
    text (a feed entry, a message) has neither."""
    paragraphs = list(_PARAGRAPH.finditer(text))
    if len(paragraphs) < 2:
        return []
    ranges = []
    for index, match in enumerate(paragraphs):
        following = paragraphs[index + 1].group() if index + 1 < len(paragraphs) else None
        kind = classify_paragraph(
            match.group(),
            next_line=following,
            has_finite_verb=_has_finite_verb(doc, match.start(), match.end()),
            max_heading_words=max_heading_words,
        )
        if kind:
            ranges.append((match.start(), match.end(), kind))
    return ranges


class LayoutMarker:
    def __init__(self, nlp: Language, name: str, *, max_heading_words: int):
        self.name = name
        self.max_heading_words = max_heading_words

    def __call__(self, doc: Doc) -> Doc:
        doc._.el_excluded = layout_ranges(
            doc_text(doc), doc=doc, max_heading_words=self.max_heading_words
        )
        return doc


@Language.factory(
    "eventledger_layout",
    requires=["token.tag"],
    assigns=["doc._.el_excluded"],
    default_config={"max_heading_words": 12},
)
def make_layout(nlp: Language, name: str, *, max_heading_words: int) -> LayoutMarker:
    return LayoutMarker(nlp, name, max_heading_words=max_heading_words)
