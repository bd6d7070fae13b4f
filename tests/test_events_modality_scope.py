"""What a verb of intention or prevention makes hypothetical: its complement and its
object ("planned an offensive", "ordered the arrest of the mayor", "foiled an attack"),
not an event told in an adjunct of time ("agreed to a truce during the meeting", "plans
talks after the attack"), nor an event a verb of naming calls something ("called the
attack cowardly"). An event noun qualified as still to come or only possible ("forthcoming
peace talks", "a planned strike") is hypothetical too; "a well-planned attack" took place.
So is an act named as the subject of a judgement ("attacking the city would be a mistake").
Sentences are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found


def modality(nlp, events, text: str) -> dict[str, bool]:
    return {e["trigger"]["text"]: e["hypothetical"] for e in events_found(nlp, events, text)}


@pytest.mark.parametrize("text, trigger", [
    ("The army plans an offensive on the valley.", "offensive"),
    ("The rebels threatened an attack on the capital.", "attack"),
    ("The judge ordered the arrest of the mayor.", "arrest"),
    ("The rebels agreed to a truce on Monday.", "truce"),
    ("Police foiled an attack on the embassy in Varno.", "attack"),
    ("The guards thwarted a bombing at the station.", "bombing"),
    ("The rebels made a request for talks with the council.", "talks"),
    ("The mayor appealed for talks.", "talks"),
    ("The opposition called a general strike for Thursday.", "general strike"),
    # an event noun qualified as still to come
    ("The unions announced a planned strike for Monday.", "strike"),
    ("Varnia will send a delegation to the forthcoming peace talks.", "talks"),
    ("A possible attack on the capital worried officials.", "attack"),
    ("Officials warned of an imminent offensive on the valley.", "offensive"),
    # an act named as the subject of a judgement or an option
    ("Attacking the city would be a mistake.", "Attacking"),
    ("Negotiating with the rebels is the only way forward.", "Negotiating"),
    # an event put off
    ("The general strike was postponed until March.", "general strike"),
    ("The unions put off the strike until March.", "strike"),
])
def test_what_is_intended_or_still_to_come_is_hypothetical(bare_nlp, events, text, trigger):
    assert modality(bare_nlp, events, text)[trigger] is True


@pytest.mark.parametrize("text, trigger", [
    ("They agreed to a truce during the meeting in Varno.", "meeting"),
    ("The government plans to hold talks after the attack on the base.", "attack"),
    ("The army plans an offensive after the attack on the base.", "attack"),
    ("The minister called the attack cowardly.", "attack"),
    ("The governor condemned this bombing.", "bombing"),
    ("A well-planned attack on the depot killed two guards.", "attack"),
    ("The recent attack on the depot killed two guards.", "attack"),
    # planned for a span of time, begun: told
    ("The attack was planned for months by a cell abroad.", "attack"),
    ("The protest began at noon and ended peacefully.", "protest"),
])
def test_an_event_told_is_not(bare_nlp, events, text, trigger):
    assert modality(bare_nlp, events, text)[trigger] is False
