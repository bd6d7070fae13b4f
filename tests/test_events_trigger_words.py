"""A word of a trigger phrase is no argument of its own event: in "took to the streets"
the streets are part of what was done, not the party it was done to."""

from __future__ import annotations

import pytest
from rule_docs import events_found


@pytest.mark.parametrize("text, actor", [
    ("Thousands of farmers took to the streets of Varna on Monday.", "Thousands of farmers"),
    ("Students took to the streets in Tolben after the vote.", "Students"),
])
def test_the_trigger_phrase_is_no_recipient(bare_nlp, events, text, actor):
    protests = [e for e in events_found(bare_nlp, events, text) if e["type"] == "PROTEST"]
    assert [e["trigger"]["text"] for e in protests] == ["took to the streets"]
    assert protests[0]["actor"]["text"] == actor
    assert protests[0]["recipient"] is None
