"""A warning is a threat when what it warns of is harm or pressure ("warned that it would
retaliate", "warned of serious consequences", "warned residents to leave"), or of what
the warner itself would or could do ("warned it could sell off its bonds"); a warning
that something is so or may happen is a prediction, no event of any type, even where the
event head would add one ("warned that the deal was a mistake", "warned of the risk of
an outbreak"). Sentences and places are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found


def found(nlp, component, text, rows=None):
    return [(e["type"], e["trigger"]["text"])
            for e in events_found(nlp, component, text, rows=rows, types=["THREATEN", "SANCTION"])]


@pytest.mark.parametrize("text", [
    "Senators in Varnia warned that the new deal was a dangerous mistake.",
    "Doctors warned of the risk of an outbreak in Tolben.",
    "Analysts warned that the island would run out of cash by June.",
])
def test_a_prediction_is_no_threat(bare_nlp, events, text):
    assert found(bare_nlp, events, text) == []
    assert found(bare_nlp, events, text, {"warned": {"SANCTION": 0.9}}) == []


@pytest.mark.parametrize("text", [
    "Varnia warned that it would retaliate against any incursion.",
    "The ministry warned of grave consequences for Dorn.",
    "The council warned residents to leave the valley.",
    "The Varnian ministry warned it could sell off its bonds in Dorn.",
    "The senator warned the governor that she would make an issue of the deal.",
])
def test_a_warning_of_harm_is_a_threat(bare_nlp, events, text):
    assert "THREATEN" in [t for t, w in found(bare_nlp, events, text) if w.startswith("warned")]
