"""Tolls over a period or over many incidents: "28,000 killed since 2014", "this year"."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from ..syntax import doc_text, token_range

# Dependencies that start a clause of its own: a time phrase below one belongs to it.
_CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "parataxis", "conj"}


def _clause_head(token: Token) -> Token:
    """The verb (or noun) whose clause holds ``token``: a participle modifier or an
    auxiliary climbs to what it modifies, a clause of its own stops."""
    head = token
    while head.dep_ in ("amod", "acl", "xcomp", "auxpass", "aux", "attr", "acomp", "dobj",
                        "nsubj", "nsubjpass", "pobj", "prep", "nummod", "compound") and (
        head.head is not head
    ):
        head = head.head
    return head


def _clause_tokens(head: Token) -> Iterable[Token]:
    """``head`` and its subtree, without the clauses of their own below it."""
    stack = [head]
    while stack:
        token = stack.pop()
        yield token
        stack.extend(c for c in token.children if c.dep_ not in _CLAUSE_DEPS)


def cumulative_clause(doc: Doc, figure: dict, patterns: Iterable[re.Pattern]) -> str | None:
    """The words of ``figure``'s clause that make it a toll over a period ("since 2014"),
    or None. The clause is the one of the figure's trigger, its count and the words they
    govern, so that a time phrase of another clause of the sentence does not count."""
    text = doc_text(doc)
    spans = []
    for key in ("trigger", "count"):
        bounds = token_range(doc, figure[key]["start"], figure[key]["end"])
        if bounds:
            spans.append(_clause_head(doc[bounds[0]]))
    if not spans:
        return None
    tokens = sorted({t.i for head in spans for t in _clause_tokens(head)})
    pieces = []
    for i in tokens:  # contiguous runs of the clause, joined with spaces
        token = doc[i]
        pieces.append(text[token.idx:token.idx + len(token)] + token.whitespace_)
    clause = "".join(pieces).lower()
    for pattern in patterns:
        match = pattern.search(clause)
        if match:
            return match.group(0)
    return None
