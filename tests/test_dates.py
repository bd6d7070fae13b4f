"""Dates: expressions resolved against the publication date; durations are not dates."""

from __future__ import annotations

import pytest

from eventledger.extract.dates import resolve_date, sentence_date

ANCHOR = "2024-05-15"  # a Wednesday


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("on Monday", ("2024-05-13", "day")),
        ("Wednesday", ("2024-05-15", "day")),  # on or before the anchor
        ("last Wednesday", ("2024-05-08", "day")),
        ("early Tuesday", ("2024-05-14", "day")),
        ("yesterday", ("2024-05-14", "day")),
        ("last night", ("2024-05-14", "day")),
        ("two days ago", ("2024-05-13", "day")),
        ("last week", ("2024-05-06", "day")),  # the week's Monday
        ("on 3 March", ("2024-03-03", "day")),
        ("March 3", ("2024-03-03", "day")),
        ("May 20", ("2023-05-20", "day")),  # not after the anchor
        ("March 3, 2021", ("2021-03-03", "day")),
        ("March 2024", ("2024-03-01", "month")),
        ("last month", ("2024-04-01", "month")),
        ("in 2023", ("2023-01-01", "year")),
        ("last year", ("2023-01-01", "year")),
        ("this morning", ("2024-05-15", "day")),
        ("the past 24 hours", ("2024-05-15", "day")),
        ("Saturday's", ("2024-05-11", "day")),
        ("last weekend", ("2024-05-11", "day")),
        ("October 7 last year", ("2023-10-07", "day")),
        ("mid-March", ("2024-03-01", "month")),
    ],
)
def test_expressions(expression, expected):
    assert resolve_date(expression, ANCHOR) == expected


@pytest.mark.parametrize(
    "expression",
    ["a year and a half", "for three weeks", "three weeks", "since the war", "the 1990s",
     "20 years", "the same day", "2023-24", "the 27-year-old", ""],
)
def test_durations_and_vague_phrases_are_not_dates(expression):
    assert resolve_date(expression, ANCHOR) is None


def test_without_anchor_only_dated_expressions_resolve():
    assert resolve_date("yesterday", None) is None
    assert resolve_date("on Monday", None) is None
    assert resolve_date("March 2024", None) == ("2024-03-01", "month")
    assert resolve_date("in 2023", "not a date") == ("2023-01-01", "year")


def test_sentence_date(bare_nlp):
    doc = bare_nlp("Rockets hit the town on Monday. The talks went on for three weeks.")
    first, second = list(doc.sents)
    assert sentence_date(first, ANCHOR) == ("2024-05-13", "day")
    assert sentence_date(second, ANCHOR) == (ANCHOR, "day")
    assert sentence_date(second, None) == (None, None)
