"""An event noun qualified as still to come or only possible ("forthcoming peace talks", "a
planned strike", "a possible attack") is hypothetical; "a well-planned attack" took place.
Sentences and places are invented."""

from __future__ import annotations

import pytest
from rule_docs import events_found


def modality(nlp, events, text: str) -> dict[str, bool]:
    return {e["trigger"]["text"]: e["hypothetical"] for e in events_found(nlp, events, text)}


@pytest.mark.parametrize("text, trigger", [
    ("The unions announced a planned strike for Monday.", "strike"),
    ("Varnia will send a delegation to the forthcoming peace talks.", "talks"),
    ("A possible attack on the capital worried officials.", "attack"),
    ("Officials warned of an imminent offensive on the valley.", "offensive"),
])
def test_an_event_still_to_come_is_hypothetical(bare_nlp, events, text, trigger):
    assert modality(bare_nlp, events, text)[trigger] is True


@pytest.mark.parametrize("text, trigger", [
    ("A well-planned attack on the depot killed two guards.", "attack"),
    ("The recent attack on the depot killed two guards.", "attack"),
])
def test_an_event_that_took_place_is_not(bare_nlp, events, text, trigger):
    assert modality(bare_nlp, events, text)[trigger] is False
