"""Freezing someone's assets or accounts is PLOVER's SANCTION ('discontinue': material
exchanges curtailed), not COERCE, and its recipient is the owner; "freeze" with no such
object ("the river froze") is no event, and the event head neither adds it nor retypes an
asset freeze as COERCE. Sentences and places are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found


def coded(nlp, component, text, rows=None):
    found = events_found(nlp, component, text, rows=rows, types=["COERCE", "SANCTION"])
    return [(e["type"], e["mode"], e["trigger"]["text"], (e["recipient"] or {}).get("text"))
            for e in found]


@pytest.mark.parametrize(("text", "trigger", "recipient"), [
    ("The Treasury of Varnia froze the assets of five officials.", "froze", "five officials"),
    ("Tolben froze the bank accounts of the Dorn family.", "froze", "the Dorn family"),
    ("Varnia imposed an asset freeze on the Dorn Bank.", "asset freeze", "the Dorn Bank"),
])
def test_an_asset_freeze_is_a_sanction(bare_nlp, events, text, trigger, recipient):
    assert coded(bare_nlp, events, text) == [("SANCTION", "discontinue", trigger, recipient)]


def test_a_freeze_of_nothing_owned_is_no_event(bare_nlp, events):
    text = "The river froze early in January."
    assert coded(bare_nlp, events, text) == []
    assert coded(bare_nlp, events, text, {"froze": {"COERCE": 0.9}}) == []


def test_the_head_does_not_retype_an_asset_freeze(bare_nlp, events):
    text = "The Treasury of Varnia froze the assets of five officials."
    rows = {"froze": {"COERCE": 0.9, "SANCTION": 0.01}}
    assert coded(bare_nlp, events, text, rows) == []
