"""Counts beyond any real toll are not read as counts: the store never sees a number
that SQLite cannot hold, and a numeral too long for a float does not end extraction."""

from __future__ import annotations

import pytest
import spacy

from eventledger.extract.numbers import find_counts, quantities


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def _values(blank, text):
    doc = blank(text)
    return [(doc[c.start:c.end].text, c.low, c.high) for c in find_counts(doc)]


def test_the_largest_count_is_data_not_code():
    assert quantities()["max_count"] >= 8_000_000_000  # the world's population fits


@pytest.mark.parametrize(
    "text",
    [
        "Police said 99999999999999999999999999 people were killed.",
        "Officials said " + "9" * 400 + " people were killed.",  # float('9' * 400) is inf
        "They said more than 99999999999999999999 people fled.",
    ],
)
def test_counts_beyond_any_real_toll_are_not_read(blank, text):
    assert _values(blank, text) == []


def test_large_real_counts_are_still_read(blank):
    assert _values(blank, "They said 8 billion people live there.") == [
        ("8 billion", 8_000_000_000, 8_000_000_000)
    ]
    assert _values(blank, "They said 1e309 people were hurt.") == []  # not a numeral
    # The range's upper end is no count: only its lower end is read, as a number alone.
    assert _values(blank, "Between 10 and 99999999999999999999 people fled.") == [
        ("10", 10, 10)
    ]
