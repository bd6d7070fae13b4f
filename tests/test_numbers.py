"""Count parsing: numerals, number words, ranges, bounds and vague quantities."""

from __future__ import annotations

import pytest

from eventledger.extract.numbers import find_counts, parse_number


def _counts(nlp, text):
    doc = nlp(text)
    return [(doc[c.start:c.end].text, c.low, c.high, c.exact) for c in find_counts(doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They counted 27 people.", ("27", 27, 27, True)),
        ("They counted 1,200 people.", ("1,200", 1200, 1200, True)),
        ("They counted twenty-seven people.", ("twenty-seven", 27, 27, True)),
        ("They counted one hundred and twenty people.",
         ("one hundred and twenty", 120, 120, True)),
        ("They counted 1.5 million people.", ("1.5 million", 1500000, 1500000, True)),
        ("They counted two dozen people.", ("two dozen", 24, 24, True)),
        ("They counted a hundred people.", ("a hundred", 100, 100, True)),
        ("They counted between 20 and 30 people.", ("between 20 and 30", 20, 30, False)),
        ("They counted 20 to 30 people.", ("20 to 30", 20, 30, False)),
        ("They counted two or three people.", ("two or three", 2, 3, False)),
        ("They counted at least 15 people.", ("at least 15", 15, None, False)),
        ("They counted more than 100 people.", ("more than 100", 101, None, False)),
        ("They counted up to 40 people.", ("up to 40", None, 40, False)),
        ("They counted fewer than 10 people.", ("fewer than 10", None, 9, False)),
        ("They counted nearly 50 people.", ("nearly 50", None, 50, False)),
        ("They counted about 50 people.", ("about 50", 50, 50, False)),
        ("They counted several people.", ("several", 2, None, False)),
        ("They counted a few people.", ("a few", 2, None, False)),
        ("They counted dozens of people.", ("dozens", 24, None, False)),
        ("They counted scores of people.", ("scores", 40, None, False)),
        ("They counted hundreds of people.", ("hundreds", 200, None, False)),
        ("They counted tens of thousands of people.", ("tens of thousands", 20000, None, False)),
        ("They counted a dozen people.", ("a dozen", 12, 12, False)),
    ],
)
def test_count_forms(bare_nlp, text, expected):
    assert _counts(bare_nlp, text) == [expected]


def test_no_count_in_plain_words(bare_nlp):
    assert _counts(bare_nlp, "The village was quiet that evening.") == []


def test_parse_number_rejects_words(bare_nlp):
    doc = bare_nlp("the village")
    assert parse_number(doc, 0, len(doc)) is None


def test_two_counts_in_one_sentence(bare_nlp):
    found = _counts(bare_nlp, "Three were killed and 12 were hurt.")
    assert [c[1] for c in found] == [3, 12]


@pytest.mark.parametrize("text", ["Officials said about", "The count was between", "at least"])
def test_a_bound_at_the_end_of_the_text_is_no_count(bare_nlp, text):
    assert _counts(bare_nlp, text) == []


def test_a_text_cut_off_after_a_bound_is_extracted_whole(nlp):
    doc = nlp("The crossing stayed closed. Officials there said about")
    assert doc._.el_figures == []
