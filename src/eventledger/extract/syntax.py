"""Syntax helpers the extractors share, each written once.

A paragraph has two meanings in an article's plain text: a line (:func:`paragraph_bounds`,
:class:`ParagraphIndex`), which a mention, a content or a quotation's speaker stays in, as
a heading or caption run into the next sentence by the parser ends at its line break; and
a block after a blank line (:func:`paragraph_start`), where a reference back ("the city")
looks for the place it names, as a hard-wrapped paragraph spans lines. A blank line
(:func:`holds_blank_line`) is also where the parser is told a sentence starts
(``extract/paragraphs.py``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable

from spacy.tokens import Doc, Span, Token

from ..data_files import word_lists

# A blank line: a line break, a line of nothing but white space (any, as str.isspace has
# it: a no-break space too), and another line break.
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")

# Where a Doc keeps its text once it is built (see doc_text).
_TEXT_KEY = "eventledger.text"

# The dependency labels of a verb's subject.
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")

_NOBODY_SUBJECTS = word_lists("grammar_words")["nobody_subjects"]
_NO_DETERMINERS = word_lists("grammar_words")["no_determiners"]


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


def holds_blank_line(text: str) -> bool:
    """Whether ``text`` holds a blank line: for a white-space token, two line breaks."""
    return _BLANK_LINE.search(text) is not None


def paragraph_start(text: str, position: int) -> int:
    """Where the paragraph holding ``position`` starts: after the last blank line (a single
    line end may be a hard wrap inside the paragraph)."""
    start = 0
    for match in _BLANK_LINE.finditer(text, 0, position):
        start = match.end()
    return start


def capitalised(token: Token) -> bool:
    """A capitalised word that may be part of a name: a proper noun, noun or adjective."""
    return token.text[:1].isupper() and token.is_alpha and token.pos_ in ("PROPN", "NOUN", "ADJ")


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


def nobody(subject: Token | None) -> bool:
    """A party that names no one: "no group", "nobody", "none of the parties", "no one",
    "neither side"."""
    if subject is None:
        return False
    if subject.lower_ in _NOBODY_SUBJECTS:
        return True
    if subject.lower_ == "one" and subject.i > 0 and subject.nbor(-1).lower_ == "no":
        return True  # "no one"
    return any(c.dep_ == "det" and c.lower_ in _NO_DETERMINERS for c in subject.children)


def on_line(tokens: Iterable[Token], anchor: Token, *, whole: bool = False) -> list[Token]:
    """The tokens that start on ``anchor``'s line (:func:`paragraph_bounds`); ``whole``: that
    end on it too. The parser sometimes runs a heading or a caption into the next sentence,
    and a phrase never crosses a line break."""
    low, high = paragraph_bounds(doc_text(anchor.doc), anchor.idx)
    return [t for t in tokens if low <= t.idx < high and (not whole or t.idx + len(t) <= high)]


def noun_phrase(
    head: Token,
    *,
    asides: Collection[str],
    stop_at_aside: bool = False,
    names: bool = False,
    avoid: Token | None = None,
    trim: Collection[str] | None = None,
) -> tuple[int, int]:
    """The characters of the noun phrase headed by ``head``, on its line, without the
    dependents whose role is in ``asides`` (relative clauses, appositions...).

    ``stop_at_aside``: the phrase is everything left of the head and, on its right, runs up
    to the first aside (a source as written); else every dependent but the asides is in,
    with the words below it that hang on through no aside, nor a date ("the opposition on
    Thursday"), nor the branch holding ``avoid`` (an event's argument without its
    trigger). ``names``: a name beside the head stays in ("The UN refugee agency
    (UNHCR)", "the state news agency NNA", "news agency NNA reported", parsed as two
    subjects). ``trim``: characters cut off both ends; else punctuation tokens are, and a
    conjunction at the end."""
    doc = head.doc
    if stop_at_aside:
        first, last = head.left_edge.i, _right_end(head, asides, names)
        tokens = on_line(doc[first : last + 1], head)
    else:
        indices = on_line((doc[i] for i in _kept(head, asides, avoid)), head) or [head]
        tokens = list(doc[min(t.i for t in indices) : max(t.i for t in indices) + 1])
    if not tokens:
        return head.idx, head.idx + len(head)
    if trim is None:
        return _trimmed_tokens(tokens)
    text = doc_text(doc)
    start, stop = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    while stop > start and text[stop - 1] in trim:
        stop -= 1
    while start < stop and text[start] in trim:
        start += 1  # a closing mark the parser hung on the speaker: '," a commander'
    return start, stop


def _right_end(head: Token, asides: Collection[str], names: bool) -> int:
    """The last token of ``head``'s phrase that runs right up to its first aside."""
    doc = head.doc
    end = head.i
    for child in head.rights:
        if names and (
            child.text == "("
            and child.i == end + 1
            and child.i + 2 < len(doc)
            and doc[child.i + 2].text == ")"
        ):
            end = child.i + 2  # "The UN refugee agency (UNHCR)": its acronym
            continue
        if names and child.dep_ == "appos" and child.i == end + 1 and child.pos_ == "PROPN":
            end = child.right_edge.i  # "the state news agency NNA": its name, no comma
            continue
        if child.i <= end:
            continue
        if child.dep_ in asides:
            break
        end = child.right_edge.i
    following = doc[end + 1] if end + 1 < len(doc) else None
    if (
        names
        and following is not None
        and following.pos_ == "PROPN"
        and following.dep_ == "nsubj"
        and following.head.i == head.head.i != head.i
    ):
        end = following.right_edge.i  # "news agency NNA reported": two subjects parsed
    return end


def _kept(head: Token, asides: Collection[str], avoid: Token | None) -> list[int]:
    """The indices of ``head`` and of the words below it that are no aside."""
    indices = [head.i]
    for child in head.children:
        if child.dep_ in asides:
            continue
        if avoid is not None and child.left_edge.i <= avoid.i <= child.right_edge.i:
            continue
        if child.dep_ == "prep" and any(
            c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in child.children
        ):
            continue  # "the opposition on Thursday": the date is not part of the party
        if all(t.ent_type_ in ("DATE", "TIME") or t.is_punct for t in child.subtree):
            continue  # "March 3 - Gunmen", a dateline's date the parse hung on the subject
        if child.dep_ == "cc" and child.i > head.i and not any(
            c.dep_ == "conj" for c in head.children
        ):
            continue
        indices.extend(t.i for t in child.subtree if not _inside_aside(t, head, asides))
    return indices


def _inside_aside(token: Token, top: Token, asides: Collection[str]) -> bool:
    """True when ``token`` hangs below ``top`` through an aside."""
    current = token
    while current.i != top.i and current.head.i != current.i:
        if current.dep_ in asides:
            return True
        current = current.head
    return False


def _trimmed_tokens(tokens: list[Token]) -> tuple[int, int]:
    """The characters of ``tokens`` without punctuation at either end, nor a conjunction
    at the end; a possessive "’s" stays with its noun."""
    first, last = 0, len(tokens) - 1
    while last > first and (tokens[last].is_punct or tokens[last].dep_ in ("cc", "case")):
        if tokens[last].dep_ == "case":
            break
        last -= 1
    while first < last and tokens[first].is_punct:
        first += 1
    return tokens[first].idx, tokens[last].idx + len(tokens[last])
