"""A visit to a building or a site ("visited a train station", "a visit to a factory")
is a tour, not PLOVER's CONSULT; a visit to a country, a town or a person stays one.
Sentences and places are invented."""

from __future__ import annotations

import pytest
from rule_docs import triggers_of


@pytest.mark.parametrize("text", [
    "On Thursday the senator visited a new train station in Tolben.",
    "The minister made a visit to a factory in Tolben.",
    "The governor visited the hospital after the storm.",
])
def test_a_visit_to_a_site_is_no_consultation(bare_nlp, events, text):
    assert triggers_of(bare_nlp, events, text, "CONSULT") == []


@pytest.mark.parametrize("text", [
    "The president of Dorn visited Varnia on Monday.",
    "The envoy visited the prime minister in Tolben.",
])
def test_a_visit_to_a_country_or_a_person_stays(bare_nlp, events, text):
    assert triggers_of(bare_nlp, events, text, "CONSULT") == ["visited"]
