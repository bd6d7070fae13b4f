"""An event noun that is what someone calls an event ("called the explosion an attack",
"described the shooting as a terrorist attack") is a name given to an event told
otherwise: no event of its own, from the rules or from the event head. The event named
stays."""

from __future__ import annotations

import pytest
from rule_docs import events_found
from test_event_head import TYPES


def triggers(nlp, component, text, scores=None):
    found = events_found(nlp, component, text, rows=scores, types=TYPES)
    return [(e["type"], e["trigger"]["text"]) for e in found]


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("On Friday the mayor called the explosion an “attack”.", "explosion"),
        ("The minister described the shooting as a terrorist attack.", "shooting"),
    ],
)
def test_what_an_event_is_called_is_no_event(bare_nlp, events, text, named):
    assert triggers(bare_nlp, events, text) == [("ASSAULT", named)]


def test_the_head_adds_no_event_for_a_name_given(bare_nlp, events):
    text = "The blast hit a bakery, in what the mayor called an assault."
    found = triggers(bare_nlp, events, text, {"assault": {"ASSAULT": 0.9},
                                              "blast": {"ASSAULT": 0.9}})
    assert found == [("ASSAULT", "blast")]


def test_an_attack_told_as_the_object_stays(bare_nlp, events):
    text = "The rebels called off the attack on the garrison."
    assert ("ASSAULT", "attack") in triggers(bare_nlp, events, text)


def test_a_name_given_to_no_other_event_stays_the_event(bare_nlp, events):
    text = "The columnist called the speech a violent assault on the harbour guards."
    assert ("ASSAULT", "assault") in triggers(bare_nlp, events, text)
