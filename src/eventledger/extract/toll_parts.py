"""Parts of a toll: casualty figures that count some of the people another figure of the
text may count in full, so that no reader takes them for a lower toll.

- A named victim ("Ahmed Khan was killed" beside "five people were killed") is one of the
  dead, not a toll of one; two sources that give "five" and a name do not disagree
  (:func:`eventledger.extract.figures.is_named`).
- A breakdown ("12 people, seven women and five men"): the counts after the first of a
  list of counted nouns, where they add up to the first (:func:`in_breakdown`).

A figure marked ``part`` stays in the record, with its evidence; disagreements, ranges and
the ACLED fatalities read the tolls (:func:`eventledger.tolls.tolls`).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..data_files import word_lists
from .numbers import parse_number

_INDEFINITE = word_lists("grammar_words")["indefinite_articles"]


def _number_of(noun: Token) -> int | None:
    """The number that counts ``noun``: "seven women" 7, "a girl" 1; None if none."""
    for child in noun.children:
        if child.dep_ == "nummod":
            parsed = parse_number(noun.doc, child.i, noun.i)
            return parsed[0] if parsed else None
        if child.dep_ == "det" and child.lower_ in _INDEFINITE:
            return 1
    return None


def in_breakdown(who: Token | None) -> bool:
    """Whether the counted noun ``who`` follows the first of a list of counted nouns whose
    later counts add up to the first ("12 people, seven women and five men")."""
    if who is None or who.dep_ != "conj":
        return False
    first = who
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    total = _number_of(first)
    parts = [_number_of(token) for token in first.conjuncts if token.i > first.i]
    return total is not None and None not in parts and len(parts) > 1 and (
        sum(parts) == total  # type: ignore[arg-type]
    )
