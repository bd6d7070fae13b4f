"""A state after a verb with an object is the object's ("the blast left nine dead"), never
the subject's: "a church that left nine dead" counts nine dead, not one church."""

from __future__ import annotations

from rule_docs import figures_found, text_of


def told(nlp, figures, text):
    return [(f["category"], f["count"]["text"], text_of(f["who"]))
            for f in figures_found(nlp, figures, text)]


def test_the_state_is_the_objects(bare_nlp, figures):
    assert told(bare_nlp, figures,
                "He was charged over a fire at a crowded hostel that left nine dead.") == [
        ("killed", "nine", "nine")]


def test_a_subject_state_still_counts(bare_nlp, figures):
    assert told(bare_nlp, figures, "Two men were found dead in the river.") == [
        ("killed", "Two", "men")]
