"""Verbs whose object is their recipient only when it is a person or group (lexicon
``object: "party"``): "supported the idea" has no recipient, "supported the senator" has
one. Sentences and names are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found, text_of


def recipient_of(nlp, events, text: str, trigger: str) -> str | None:
    found = events_found(nlp, events, text)
    return text_of(next(e for e in found if e["trigger"]["text"] == trigger)["recipient"])


@pytest.mark.parametrize("text, trigger", [
    ("Mayor Dalva supported the idea.", "supported"),
    ("The council rejected their concerns on Monday.", "rejected"),
    ("Senator Orlen accepted the party's nomination.", "accepted"),
    ("The envoy urged a strong stand against the blockade.", "urged"),
    ("The minister condemned the ruling on Tuesday.", "condemned"),
    ("Union leaders denounced the new quotas.", "denounced"),
    ("Mayor Dalva decried the cuts to the clinic.", "decried"),
])
def test_a_theme_is_no_recipient(bare_nlp, events, text, trigger):
    assert recipient_of(bare_nlp, events, text, trigger) is None


@pytest.mark.parametrize("text, trigger, recipient", [
    ("Mayor Dalva supported Senator Orlen.", "supported", "Senator Orlen"),
    ("The council rejected the protesters.", "rejected", "the protesters"),
    ("The envoy urged the rebels to withdraw.", "urged", "the rebels"),
    ("The minister condemned the rebels.", "condemned", "the rebels"),
    ("Union leaders denounced Governor Teral.", "denounced", "Governor Teral"),
])
def test_a_party_stays_the_recipient(bare_nlp, events, text, trigger, recipient):
    assert recipient_of(bare_nlp, events, text, trigger) == recipient
