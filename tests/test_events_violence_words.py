"""Words of violence beside attacks: a base overrun, shops looted or ransacked (PLOVER
COERCE 'seize'), cars or houses burned and people hacked or beaten to death (assaults),
which the event head does not overrule when a person or group does them; what is fired
with is the means, not the recipient. Burning a thing that is no building or vehicle is
none. Sentences and places are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found, text_of

DOUBTED = {"ASSAULT": 0.05, "COERCE": 0.05}


def coded(nlp, component, text, word=None):
    rows = {word: DOUBTED} if word else None
    return [(e["type"], e["mode"], e["trigger"]["text"], text_of(e["actor"]),
             text_of(e["recipient"]))
            for e in events_found(nlp, component, text, rows=rows, types=list(DOUBTED))]


@pytest.mark.parametrize(("text", "word", "told"), [
    ("Militants overran an army base in the north.", "overran",
     ("ASSAULT", None, "overran", "Militants", "an army base in the north")),
    ("Rioters looted shops on Monday.", "looted",
     ("COERCE", "seize", "looted", "Rioters", "shops")),
    ("Rioters burned cars in the city centre.", "burned",
     ("ASSAULT", "primitive", "burned", "Rioters", "cars")),
    ("A mob hacked two men to death in the market.", "hacked",
     ("ASSAULT", "primitive", "hacked", "A mob", "two men")),
    ("Security forces opened fire with live ammunition.", None,
     ("ASSAULT", "firearms", "opened fire", "Security forces", None)),
])
def test_violence(bare_nlp, events, text, word, told):
    assert coded(bare_nlp, events, text, word) == [told]


@pytest.mark.parametrize("text", [
    "The farmers burned the stubble after the harvest.",
    "The runners burned calories on the hill.",
])
def test_burning_no_building_or_vehicle_is_none(bare_nlp, events, text):
    assert coded(bare_nlp, events, text) == []
