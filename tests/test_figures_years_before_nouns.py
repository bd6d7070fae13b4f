"""A year before a singular noun is a date ("his 2004 death"), not a count; before a
plural one it counts ("1900 people")."""

from __future__ import annotations

from rule_docs import figures_found


def told(nlp, figures, text):
    return [(f["category"], f["count"]["low"]) for f in figures_found(nlp, figures, text)]


def test_a_year_before_a_death_is_a_date(bare_nlp, figures):
    assert told(bare_nlp, figures, "She was a nurse at the time of her 2004 death.") == []


def test_a_number_before_plural_people_counts(bare_nlp, figures):
    assert told(bare_nlp, figures, "Some 1900 people were killed in the fighting.") == [
        ("killed", 1900)]
