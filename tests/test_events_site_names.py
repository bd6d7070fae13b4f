""""the Rolando bombing" where the text tells of "the Rolando cafe": a name that the
document gives a site names where the attack was, not who carried it out."""

from __future__ import annotations

from rule_docs import actor_of


def test_a_name_of_a_site_is_no_actor(bare_nlp, events):
    assert actor_of(bare_nlp, events,
                    "The Carlton bombing killed 13 people. Guests of the Carlton cafe "
                    "were injured.", "bombing") is None


def test_a_name_of_no_site_is_the_actor(bare_nlp, events):
    assert actor_of(bare_nlp, events,
                    "The Hamas attack killed 13 people. Hamas fighters entered the cafe.",
                    "attack") == "Hamas"


def test_a_name_beside_a_site_elsewhere_must_be_just_before_the_event(bare_nlp, events):
    # "the Islamic Center" names a site; "Islamic State-linked attacks" is no site's name
    assert actor_of(bare_nlp, events,
                    "Police feared more Islamic State-linked attacks. The Islamic Center "
                    "of Kessa opened.", "attacks") is not None
