"""Quotation scanning: the quoted stretches of a text, whatever marks it uses.

Handles straight and curly double quotes, curly and straight single quotes, low-9 openers
(„…“) and guillemets (« », ‹ ›). A quote that is still open at the end of a paragraph goes on
when the next paragraph starts with an opening mark of the same family (the newspaper
convention for a quote that spans paragraphs); otherwise it stops at the paragraph end.
An unbalanced mark never raises: the worst case is a quote that runs to its paragraph end.
Single quotes are scanned only outside double quotes, and a lone straight apostrophe that
never closes is taken for an apostrophe, not a quote.
"""

from __future__ import annotations

import re
from dataclasses import astuple, dataclass
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from .base import ensure_extensions
from .syntax import doc_text

_PARAGRAPH = re.compile(r"[^\n]+")
# Every character treated as a quotation mark (for trimming spans).
QUOTE_MARKS = "\"'“”„‚‘’«»‹›"

# family -> (openers, closers accepted for each opener)
_DOUBLE_CLOSERS = {"“": '”"', "„": '“”"', "«": "»", '"': '"”', "”": '”"'}
_SINGLE_CLOSERS = {"‘": "’'", "‚": "‘’", "‹": "›", "'": "'’"}
# Characters that may stand right before an opening mark.
_OPEN_CONTEXT = set(" \t\n([{—–-:;/") | {"\u00a0"}


# A quotation mark typed against the punctuation before it ('said,“Look', 'Clinton:"We'):
# spaCy's tokenizer keeps such a run as one token, so the parser never sees the verb.
_PUNCT_BEFORE_QUOTE = r"(?<=\w)[,;:.!?](?=[\"“”«‘])"
_QUOTE_AFTER_PUNCT = r"(?<=[,;:.!?])[\"“”«‘](?=\w)"


def add_quote_splits(nlp: Language) -> Language:
    """Teach ``nlp``'s tokenizer to split punctuation from a quotation mark typed right
    after it, and the mark from the word it opens. Applied once; the model's own infixes
    are kept."""
    finditer = nlp.tokenizer.infix_finditer
    pattern = finditer.__self__.pattern if finditer is not None else ""
    if _QUOTE_AFTER_PUNCT in pattern:
        return nlp
    nlp.tokenizer.infix_finditer = re.compile(_with_quote_splits(pattern)).finditer
    return nlp


def read_tokenizer_with_quote_splits(nlp: Language, path: Path) -> Language:
    """Read ``nlp``'s tokenizer from a model's ``tokenizer`` file with the splits of
    :func:`add_quote_splits` in its infixes: the tokenizer loads its special cases once,
    where setting its infixes afterwards loads them all again (a twentieth of a second
    of a cold start). The same tokenizer as the file's with :func:`add_quote_splits`."""
    data = srsly.msgpack_loads(path.read_bytes())
    data["infix_finditer"] = _with_quote_splits(data.get("infix_finditer") or "")
    nlp.tokenizer.from_bytes(srsly.msgpack_dumps(data), exclude=["vocab"])
    return nlp


def _with_quote_splits(pattern: str) -> str:
    if _QUOTE_AFTER_PUNCT in pattern:
        return pattern
    return "|".join(p for p in (pattern, _PUNCT_BEFORE_QUOTE, _QUOTE_AFTER_PUNCT) if p)


@dataclass(frozen=True)
class Quote:
    """One quoted stretch. ``start``/``end`` bound the words inside the marks;
    ``outer_start``/``outer_end`` include the marks. ``closed`` is False when the quote
    ran to the end of its paragraph without a closing mark."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    closed: bool
    family: str  # "double" | "single"

    @property
    def length(self) -> int:
        return self.end - self.start


def _can_open(text: str, i: int) -> bool:
    """An opening mark stands at a word start and is followed by something to quote."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] in "«‹":
        return True  # French spacing puts a space inside guillemets
    return (before in _OPEN_CONTEXT or not before.isalnum()) and not after.isspace()


def _can_close_single(text: str, i: int) -> bool:
    """A single closing mark is not an apostrophe inside a word (don't, Hamas’s)."""
    after = text[i + 1] if i + 1 < len(text) else " "
    before = text[i - 1] if i > 0 else " "
    return not after.isalnum() and not before.isspace()


def _scan(
    text: str,
    paragraphs: list[tuple[int, int]],
    closers: dict[str, str],
    family: str,
    skip: list[tuple[int, int]],
) -> list[Quote]:
    quotes: list[Quote] = []
    masked = bytearray(len(text))
    for s, e in skip:
        masked[s:e] = b"\x01" * (e - s)
    opener: str | None = None
    outer_start = start = 0
    index = 0
    while index < len(paragraphs):
        p_start, p_end = paragraphs[index]
        i = p_start
        if opener is not None:
            # Continuing from the previous paragraph: step over the repeated opening mark.
            i += 1
        while i < p_end:
            if masked[i]:
                i += 1
                continue
            char = text[i]
            if opener is None:
                if char in closers and _can_open(text, i):
                    opener, outer_start, start = char, i, i + 1
            elif char in closers[opener] and (family == "double" or _can_close_single(text, i)):
                inner_start, inner_end = start, i
                while inner_start < inner_end and text[inner_start].isspace():
                    inner_start += 1
                while inner_end > inner_start and text[inner_end - 1].isspace():
                    inner_end -= 1
                if inner_end > inner_start:
                    quotes.append(Quote(inner_start, inner_end, outer_start, i + 1, True, family))
                opener = None
            i += 1
        if opener is not None:
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if following is not None and text[following[0]] in closers:
                index += 1
                continue
            end = p_end
            while end > start and text[end - 1].isspace():
                end -= 1
            # A lone straight apostrophe is far likelier an elision than a quote.
            if end > start and not (family == "single" and opener == "'"):
                quotes.append(Quote(start, end, outer_start, end, False, family))
            opener = None
        index += 1
    return quotes


def quotes_of(doc: Doc) -> list[Quote]:
    """The quotations of ``doc``, found once and kept on it (``doc._.el_quotes``) as plain
    tuples, so that the Doc still serializes (``Doc.to_bytes``, ``DocBin``)."""
    ensure_extensions()
    if doc._.el_quotes is None:
        doc._.el_quotes = [astuple(q) for q in find_quotes(doc_text(doc))]
    return [Quote(*fields) for fields in doc._.el_quotes]


def find_quotes(text: str) -> list[Quote]:
    """Every top-level quoted stretch of ``text``, in order of appearance."""
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    # Leading spaces of a paragraph would hide its opening mark from the continuation test.
    paragraphs = [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in paragraphs]
    doubles = _scan(text, paragraphs, _DOUBLE_CLOSERS, "double", [])
    singles = _scan(
        text, paragraphs, _SINGLE_CLOSERS, "single", [(q.outer_start, q.outer_end) for q in doubles]
    )
    return sorted(doubles + singles, key=lambda q: q.start)
