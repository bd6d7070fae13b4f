"""A verb that ends or withholds an event ("lifted the curfew", "froze aid", "suspended
the talks") is the one event its sentence tells: its object is no curfew imposed, no aid
given and no talks held, whether the rules or the event head found the noun. Sentences and
places are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found


def coded(nlp, component, text, rows=None):
    return [(e["type"], e["trigger"]["text"])
            for e in events_found(nlp, component, text, rows=rows,
                                  types=["CONCEDE", "COERCE", "SANCTION", "AID"])]


@pytest.mark.parametrize(("text", "told"), [
    ("The governor of Varnia lifted the curfew on Monday.", ("CONCEDE", "lifted")),
    ("The curfew in Tolben was lifted on Monday.", ("CONCEDE", "lifted")),
    ("The council eased the sanctions on Dorn.", ("CONCEDE", "eased")),
    ("The ministry froze aid to the northern province.", ("SANCTION", "froze")),
    ("The Varnian government suspended aid to Tolben.", ("SANCTION", "suspended")),
])
def test_the_ended_event_is_no_event_of_its_own(bare_nlp, events, text, told):
    assert coded(bare_nlp, events, text) == [told]


def test_the_head_does_not_bring_the_ended_event_back(bare_nlp, events):
    text = "The governor of Varnia lifted the curfew on Monday."
    rows = {"lifted": {"CONCEDE": 0.9}, "curfew": {"COERCE": 0.9}}
    assert coded(bare_nlp, events, text, rows) == [("CONCEDE", "lifted")]


@pytest.mark.parametrize(("text", "told"), [
    ("The army imposed a curfew on Tolben.", "COERCE"),
    ("The agency sent aid to the northern province.", "AID"),
])
def test_an_event_imposed_or_given_stays(bare_nlp, events, text, told):
    assert [t for t, _trigger in coded(bare_nlp, events, text)] == [told]
