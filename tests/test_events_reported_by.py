"""The "by" phrase of a participle on an event noun names who did the event only when the
participle tells the doing ("attacks carried out by X", "a strike called by the unions");
who reported or judged it is no actor ("arrests documented by X", "attacks condemned by
X")."""

from __future__ import annotations

import pytest
from rule_docs import actor_of


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("He was held often, including a number of arrests documented by the local paper.",
         "arrests"),
        ("The attacks condemned by the United Nations killed dozens.", "attacks"),
    ],
)
def test_who_reported_or_judged_is_no_actor(bare_nlp, events, text, trigger):
    assert actor_of(bare_nlp, events, text, trigger) is None


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        ("A spate of attacks carried out by the militia shook the town.", "attacks",
         "the militia"),
        ("The strike called by the unions closed the port.", "strike", "the unions"),
    ],
)
def test_who_did_it_is_the_actor(bare_nlp, events, text, trigger, actor):
    assert actor_of(bare_nlp, events, text, trigger) == actor
