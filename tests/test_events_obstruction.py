"""Blocking a road is PLOVER's PROTEST 'obstruct' (obstruct passage or access to a
place) when done by protesters, and COERCE 'restrict' when done by the police or the army;
blocking a bill is a REJECT. A blockade is COERCE 'restrict' (CAMEO 191), unless farmers,
workers or protesters hold it. Roadblocks and barricades set up are the same; tyres burned
are a riot, and a sit-in a demonstration. Sentences and places are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found, text_of


def coded(nlp, component, text):
    return [(e["type"], e["mode"], e["trigger"]["text"], text_of(e["recipient"]))
            for e in events_found(nlp, component, text)]


@pytest.mark.parametrize(("text", "told"), [
    ("Protesters blocked the main highway for a third day.",
     ("PROTEST", "obstruct", "blocked", "the main highway")),
    ("Police blocked the road to the stadium.",
     ("COERCE", "restrict", "blocked", "the road")),
    ("Farmers began a blockade of the port of Varno.",
     ("PROTEST", "obstruct", "blockade", "the port of Varno")),
    ("The navy kept up its blockade of the coast.",
     ("COERCE", "restrict", "blockade", "the coast")),
    ("Protesters burned tyres on the main road.", ("PROTEST", "riot", "burned", "tyres")),
    ("Truck drivers staged a sit-in outside the ministry.", ("PROTEST", "demo", "sit-in", None)),
])
def test_obstruction(bare_nlp, events, text, told):
    assert coded(bare_nlp, events, text) == [told]


@pytest.mark.parametrize(("text", "told"), [
    ("Protesters set up roadblocks on the road to Varno.", ("PROTEST", "obstruct", "Protesters")),
    ("Police set up roadblocks around the city.", ("COERCE", "restrict", "Police")),
    ("Demonstrators built barricades in the square.", ("PROTEST", "obstruct", "Demonstrators")),
])
def test_roadblocks(bare_nlp, events, text, told):
    assert [(e["type"], e["mode"], text_of(e["actor"]))
            for e in events_found(bare_nlp, events, text)] == [told]


def test_blocking_a_bill_is_a_rejection(bare_nlp, events):
    assert coded(bare_nlp, events, "The senators blocked the bill on Monday.") == [
        ("REJECT", None, "blocked", "the bill")]
