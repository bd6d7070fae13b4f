"""Who did an event noun in whose course someone was harmed, or an act of the noun's own
type was done: "gunmen killed 12 villagers in a raid" (the gunmen raided), "police
arrested six in a dawn raid", "the leaders met during the summit"; not the victims of a
passive, nor a gathering in whose course the harm was done. Sentences are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found, text_of


def actor_of_noun(nlp, events, text, noun):
    (event,) = [e for e in events_found(nlp, events, text) if e["trigger"]["text"] == noun]
    return text_of(event["actor"])


@pytest.mark.parametrize("text, noun, actor", [
    ("Gunmen killed 12 villagers in a raid on Tarsk.", "raid", "Gunmen"),
    ("Rebels killed a soldier in an ambush near Varno.", "ambush", "Rebels"),
    ("Twelve villagers were killed in a raid on Tarsk.", "raid", None),
    ("Officials said three people were killed and seven wounded in the strikes.", "strikes",
     None),
    ("Seven wounded in the raid were taken to hospital.", "raid", None),
    ("Soldiers shot two protesters during the march.", "march", None),
    ("Police arrested six men in a dawn raid on Tuesday.", "raid", "Police"),
    ("The two leaders met during the summit in Varno.", "summit", "The two leaders"),
    ("Six men were arrested in a dawn raid on Tuesday.", "raid", None),
])
def test_the_doer_of_the_harm_did_the_assault(bare_nlp, events, text, noun, actor):
    assert actor_of_noun(bare_nlp, events, text, noun) == actor
