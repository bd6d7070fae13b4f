"""The event head does not veto an assault with a weapon in its own clause: there the
rules are sure ("the bombs were detonated"), as for a trigger whose sense needs one."""

from __future__ import annotations

from rule_docs import head_scores as scored
from rule_docs import rule_doc
from test_event_head import TYPES


def test_a_weapon_in_the_clause_keeps_the_assault(bare_nlp, events):
    text = ("Farmers hid in the barn, unsure where the mines were being detonated. "
            "Farmers hid in the barn, unsure where the tanks were being detonated. "
            "The council attacked the new budget. "
            "Her mind is shot.")
    doubt = {"ASSAULT": 0.05}  # the head is sure that none is an assault
    doc = scored(rule_doc(bare_nlp, text), {"detonated": doubt, "attacked": doubt,
                                            "shot": doubt}, TYPES)
    events(doc)
    found = [(e["trigger"]["text"], e["mode"]) for e in doc._.el_events]
    # mines and tanks are weapons in the clause; the budget is none, and the trigger's
    # own word ("shot") is not a weapon beside it
    assert found == [("detonated", "explosives"), ("detonated", "heavy-weapons")]
