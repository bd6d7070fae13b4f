"""What is discussed is no party to the talk: "discussed the recent violence" has no
recipient, and "discussed the plan with the mayor" has the mayor."""

from __future__ import annotations

from rule_docs import events_found, text_of


def recipient_of(nlp, component, text):
    event = next(e for e in events_found(nlp, component, text) if e["type"] == "CONSULT")
    return text_of(event["recipient"])


def test_what_is_discussed_is_no_recipient(bare_nlp, events):
    assert recipient_of(bare_nlp, events, "The two leaders discussed the recent violence.") is None


def test_whom_it_was_discussed_with_is_the_recipient(bare_nlp, events):
    assert recipient_of(bare_nlp, events,
                        "They discussed the recent violence with the governor on Monday."
                        ) == "the governor"
