"""A phrase of the trigger lexicon told apart, its object or particle away from its verb
("opened heavy fire on", "severed diplomatic ties with", "blew the bridge up"), is the
phrase's event, with the verb as trigger; the phrase's own object is no recipient.
Sentences and places are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found, text_of


def coded(nlp, component, text):
    return [(e["type"], e["trigger"]["text"], text_of(e["actor"]), text_of(e["recipient"]))
            for e in events_found(nlp, component, text)]


@pytest.mark.parametrize(("text", "told"), [
    ("Soldiers opened heavy fire on the village.",
     ("ASSAULT", "opened", "Soldiers", "the village")),
    ("Varnia severed diplomatic ties with Tolben.",
     ("SANCTION", "severed", "Varnia", "Tolben")),
    ("The rebels blew the bridge up.", ("ASSAULT", "blew", "The rebels", "the bridge")),
])
def test_a_phrase_told_apart(bare_nlp, events, text, told):
    assert coded(bare_nlp, events, text) == [told]


@pytest.mark.parametrize("text", [
    "Soldiers opened the gate of the village.",
    "The chef set the pan on the stove.",
])
def test_the_verb_alone_is_no_phrase(bare_nlp, events, text):
    assert [e for e in events_found(bare_nlp, events, text) if e["type"] == "ASSAULT"] == []
