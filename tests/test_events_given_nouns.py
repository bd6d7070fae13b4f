"""An event noun given by a verb of giving ("gave the police a warning", "a warning was
given to the police by the group") takes whom it is given to as its recipient and the
giver as its actor, active or passive."""

from __future__ import annotations

import pytest
from rule_docs import event_of, text_of


@pytest.mark.parametrize(
    ("text", "trigger", "actor", "recipient"),
    [
        ("The militia gave the harbour police a warning before noon.", "warning",
         "The militia", "the harbour police"),
        ("A warning was given to the harbour police before noon.", "warning", None,
         "the harbour police"),
        ("The dockers were given an ultimatum by the port authority.", "ultimatum",
         "the port authority", "The dockers"),
    ],
)
def test_a_given_event_noun_takes_giver_and_receiver(bare_nlp, events, text, trigger,
                                                     actor, recipient):
    event = event_of(bare_nlp, events, text, trigger)
    assert text_of(event["actor"]) == actor
    assert text_of(event["recipient"]) == recipient
