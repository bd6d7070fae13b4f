"""Blocking a road is PLOVER's PROTEST 'obstruct' (obstruct passage or access to a
place) when done by protesters, and COERCE 'restrict' when done by the police or the army;
blocking a bill is neither. A blockade is COERCE 'restrict' (CAMEO 191), unless farmers,
workers or protesters hold it. Sentences and places are invented."""

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
])
def test_obstruction(bare_nlp, events, text, told):
    assert coded(bare_nlp, events, text) == [told]


def test_blocking_a_bill_is_no_obstruction(bare_nlp, events):
    assert coded(bare_nlp, events, "The senators blocked the bill on Monday.") == []
