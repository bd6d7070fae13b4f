"""A word whose lexicon entry needs an infinitive or a clause ("asked them to leave",
"warned that it would retaliate") is no event without one, and the event head does not
add it in the entry's own type then: "'Is it over?' he asked" is a question, not a
request. An infinitive the parser hangs on the object ("instructed the prefects to act"),
or takes for a preposition ("asked the employee to delete emails"), still counts. Sentences and places are invented."""

from __future__ import annotations

import pytest
from rule_docs import triggers_of


def requests(nlp, component, text, word):
    return triggers_of(nlp, component, text, "REQUEST", rows={word: {"REQUEST": 0.9}},
                       types=["REQUEST"])


@pytest.mark.parametrize(("text", "word"), [
    ("\u201cIs it over?\u201d the mayor of Tolben asked.", "asked"),
    ("Mrs. Varga asked.", "asked"),
    ("The minister told reporters in Tolben about the budget.", "told"),
])
def test_a_question_or_a_telling_is_no_request(bare_nlp, events, text, word):
    assert requests(bare_nlp, events, text, word) == []


@pytest.mark.parametrize(("text", "word"), [
    ("The council asked the residents to leave the valley.", "asked"),
    ("The minister told the police to close the border.", "told"),
    # the parser takes "to delete" for a preposition and an adjective here
    ("According to the summary, two aides asked the Varna office employee to delete "
     "emails in December.", "asked"),
])
def test_an_asking_with_an_infinitive_is_a_request(bare_nlp, events, text, word):
    assert requests(bare_nlp, events, text, word) == [word]
