"""An event word the tagger took for a verb but that stands as a noun, with an article
("calling the market bombing an accident"), takes a noun's arguments: what it is called
is no recipient."""

from __future__ import annotations

from rule_docs import event_of


def test_what_an_attack_is_called_is_no_recipient(bare_nlp, events):
    event = event_of(bare_nlp, events,
                     "Critics faulted the minister for calling the market bombing an accident.",
                     "bombing")
    assert event["recipient"] is None
