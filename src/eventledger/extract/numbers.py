"""Counts in text: numerals, number words, ranges, bounds and vague quantities.

``find_counts`` scans a run of spaCy tokens and returns every count expression with the
interval it states. The words and their values live in ``data/quantities.json``:

- ``"27"``, ``"1,200"``, ``"twenty-seven"``, ``"1.5 million"``, ``"two dozen"``: low = high =
  the value, exact.
- ``"between 20 and 30"``, ``"20 to 30"``, ``"20-30"``, ``"two or three"``: low 20, high 30,
  not exact.
- bounds before a number: ``"at least 15"`` low 15, high None; ``"more than 100"`` low 101;
  ``"up to 40"`` / ``"as many as 40"`` low None (unknown), high 40; ``"fewer than 10"`` high 9;
  ``"nearly 50"`` high 50, low None; ``"about 50"`` low = high = 50, not exact.
- vague quantities with a conservative low: several, a few, many -> 2; dozens -> 24;
  scores -> 40; hundreds -> 200; thousands -> 2,000; "a dozen" -> 12 (not exact).

Whether a count is a casualty figure is decided by the figures extractor, not here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..data_files import packaged_json, word_lists

_INDEFINITE_ARTICLES = word_lists("grammar_words")["indefinite_articles"]
# "twenty-seven", "one hundred and twenty"; "20 to 30", "two or three".
_NUMBER_JOINERS = word_lists("grammar_words")["number_joiners"]
_RANGE_JOINERS = word_lists("grammar_words")["range_joiners"]
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")


@dataclass(frozen=True)
class Count:
    """A count expression: tokens ``[start, end)`` of its Doc and the interval it states."""

    start: int
    end: int
    low: int | None
    high: int | None
    exact: bool
    vague: bool = False


@lru_cache(maxsize=1)
def quantities() -> dict:
    """The packaged counting words (``data/quantities.json``)."""
    return packaged_json("quantities.json")


def _phrase_table(phrases) -> dict[str, list[tuple[str, ...]]]:
    """First word -> phrases (as word tuples) starting with it, longest first."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(phrase.split())
        table.setdefault(words[0], []).append(words)
    for entries in table.values():
        entries.sort(key=len, reverse=True)
    return table


@lru_cache(maxsize=1)
def _tables() -> tuple[dict, dict]:
    data = quantities()
    return _phrase_table(data["vague"]), _phrase_table(data["bounds"])


def _match_phrase(doc: Doc, i: int, end: int, table: dict) -> tuple[str, ...] | None:
    for words in table.get(doc[i].lower_, ()):
        if i + len(words) <= end and all(
            doc[i + k].lower_ == word for k, word in enumerate(words)
        ):
            return words
    return None


def parse_number(doc: Doc, i: int, end: int) -> tuple[int, int] | None:
    """``(value, next index)`` of the number starting at token ``i``, or None.

    Reads "27", "1,200", "1.5 million", "twenty-seven", "one hundred and twenty",
    "a hundred", "two dozen"."""
    if i >= min(end, len(doc)):
        return None  # "... said about" at the end of the text: no number after the bound
    found = _parse_number(doc, i, end)
    # Beyond any real toll ("99999999999999999999999999 people"): not a count. Capping
    # it would state a figure the text does not give.
    if found is None or found[0] > quantities()["max_count"]:
        return None
    return found


def _parse_number(doc: Doc, i: int, end: int) -> tuple[int, int] | None:
    data = quantities()
    words, mults = data["number_words"], data["multipliers"]
    j = i
    token = doc[j]
    if _DIGITS.match(token.text):
        value: float = float(token.text.replace(",", ""))
        j += 1
        if j < end and doc[j].lower_ in mults:
            value *= mults[doc[j].lower_]
            j += 1
        if not math.isfinite(value) or value != int(value):
            return None  # a fraction, or more digits than a float holds
        return int(value), j
    if token.lower_ in _INDEFINITE_ARTICLES and j + 1 < end and doc[j + 1].lower_ in mults:
        total, j = mults[doc[j + 1].lower_], j + 2
    elif token.lower_ in words:
        total, j = 0, j
    else:
        return None
    current = 0
    seen = False
    while j < end:
        word = doc[j].lower_
        if word in words:
            current += words[word]
            seen = True
            j += 1
        elif word in mults and (seen or total):
            current = max(current, 1) * mults[word]
            if mults[word] >= 1000:
                total += current
                current = 0
            seen = True
            j += 1
        elif word in _NUMBER_JOINERS and j + 1 < end and doc[j + 1].lower_ in words and seen:
            # "twenty-seven", "one hundred and twenty"; not "two and three"
            if word == "and" and current % 100 != 0:
                break
            j += 1
        else:
            break
    if not seen and not total:
        return None
    return total + current, j


def find_counts(doc: Doc, start: int = 0, end: int | None = None) -> list[Count]:
    """Every count expression in tokens ``[start, end)`` of ``doc``, left to right."""
    end = len(doc) if end is None else end
    data = quantities()
    vague_table, bound_table = _tables()
    counts: list[Count] = []
    i = start
    while i < end:
        token = doc[i]
        # between A and B
        if token.lower_ == "between":
            first = parse_number(doc, i + 1, end)
            if first and first[1] < end and doc[first[1]].lower_ == "and":
                second = parse_number(doc, first[1] + 1, end)
                if second:
                    counts.append(Count(i, second[1], first[0], second[0], False))
                    i = second[1]
                    continue
        bound = _match_phrase(doc, i, end, bound_table)
        if bound:
            number = parse_number(doc, i + len(bound), end)
            if number:
                kind = data["bounds"][" ".join(bound)]
                counts.append(Count(i, number[1], *_bounded(kind, number[0])))
                i = number[1]
                continue
        vague = _match_phrase(doc, i, end, vague_table)
        if vague and not _number_follows(doc, i + len(vague), end):
            entry = data["vague"][" ".join(vague)]
            stop = i + len(vague)
            # the count span leaves out a trailing "of" ("dozens of people")
            if vague[-1] == "of":
                stop -= 1
            counts.append(
                Count(i, stop, entry.get("low"), entry.get("high"), False, vague=True)
            )
            i = i + len(vague)
            continue
        number = parse_number(doc, i, end)
        if number:
            value, j = number
            # two or three, 20 to 30, 20-30
            if j + 1 < end and doc[j].lower_ in _RANGE_JOINERS:
                second = parse_number(doc, j + 1, end)
                if second and second[0] > value:
                    counts.append(Count(i, second[1], value, second[0], False))
                    i = second[1]
                    continue
            if token.lower_ in _INDEFINITE_ARTICLES or j > i:
                counts.append(Count(i, j, value, value, True))
                i = j
                continue
        i += 1
    return counts


def _number_follows(doc: Doc, i: int, end: int) -> bool:
    return i < end and parse_number(doc, i, end) is not None


def _bounded(kind: str, value: int) -> tuple[int | None, int | None, bool]:
    if kind == "min":
        return value, None, False
    if kind == "more":
        return value + 1, None, False
    if kind == "max":
        return None, value, False
    if kind == "less":
        return None, max(value - 1, 0), False
    if kind == "near":
        return None, value, False
    return value, value, False  # approx


def count_tokens(doc: Doc, count: Count) -> list[Token]:
    return [doc[k] for k in range(count.start, count.end)]


def is_age(token: Token) -> bool:
    """"Baktash, 31, died", "the bomber, 22,": a number beside a name that is a person's
    age, not a count."""
    return token.like_num and token.text.isdigit() and 0 < int(token.text) < 120
