""""Demonstrate" with a direct object is to show, not to protest ("demonstrated his knack
for politics", "the restraint the ministers have demonstrated"); without one it is a
protest ("students demonstrated outside the ministry", "students who demonstrated").
Sentences and places are invented."""

from __future__ import annotations

import pytest
from rule_docs import triggers_of


@pytest.mark.parametrize("text", [
    "The old bishop again demonstrated his knack for headlines.",
    "Critics praised the restraint the ministers have demonstrated since May.",
    "The council demonstrated a new voting machine in Tolben.",
])
def test_demonstrating_something_is_no_protest(bare_nlp, events, text):
    assert triggers_of(bare_nlp, events, text, "PROTEST") == []


@pytest.mark.parametrize("text", [
    "Students demonstrated outside the ministry in Tolben on Monday.",
    "Farmers who demonstrated against the new levy left the square at dusk.",
])
def test_demonstrating_with_no_object_is_a_protest(bare_nlp, events, text):
    assert triggers_of(bare_nlp, events, text, "PROTEST") == ["demonstrated"]
