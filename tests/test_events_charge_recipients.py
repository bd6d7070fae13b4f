"""What a verb charges, convicts or warns its object of is no part of the recipient: the
parser hangs the "of" phrase on the object ("accused the commission of bias"), and the
recipient stops before it; an "of" phrase of a person or group is the recipient's own
("members of the gang"). Nor is an adjunct the parser hangs on it ("sanctions on three
officials over the crackdown"). Sentences are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found, text_of


@pytest.mark.parametrize("text, trigger, recipient", [
    ("Opposition parties accused the electoral commission of bias.", "accused",
     "the electoral commission"),
    ("A court in Varno convicted the former mayor of fraud.", "convicted", "the former mayor"),
    ("Police accused members of the gang of the killing.", "accused", "members of the gang"),
    ("The rebels accused the commander of the army of the massacre.", "accused",
     "the commander of the army"),
    ("Dorn accused its neighbour of massing troops on the border.", "accused",
     "its neighbour"),
    ("The council imposed sanctions on three officials over the crackdown.", "sanctions",
     "three officials"),
    # no charge: the "of" phrase names who
    ("Police accused members of the gang.", "accused", "members of the gang"),
    ("Police attacked members of the gang of smugglers.", "attacked",
     "members of the gang of smugglers"),
])
def test_the_recipient_stops_before_the_charge(bare_nlp, events, text, trigger, recipient):
    (event,) = [e for e in events_found(bare_nlp, events, text)
                if e["trigger"]["text"] == trigger]
    assert text_of(event["recipient"]) == recipient
