"""A death from an illness is no casualty of harm: "eight people died of the disease",
"the virus has killed 30", "deaths from cholera" are no killed figure; a death from an
attack, a weapon or a wound told beside it stays one ("died of injuries suffered in the
attack"), and so does one from a fire or a flood."""

from __future__ import annotations

import pytest


def figures_of(nlp, text):
    return [(f["category"], f["count"]["text"]) for f in nlp(text)._.el_figures]


@pytest.mark.parametrize("text", [
    "Eight people died of the unidentified disease in the village of Kerem last month.",
    "Doctors said the nine unexplained deaths at the clinic might have been the virus.",
    "Two villagers died of chikungunya in the district, the ministry said.",
    "Four children died of Lassa last week.",
    "The virus has killed 30 people in the province.",
    "Twelve deaths from cholera were reported in the camp.",
    "Five people died after contracting the infection.",
    "Eleven pupils were hospitalised with influenza in Velmar.",
    "Two pilgrims died of heart attacks during the long march to the shrine.",
])
def test_an_illness_is_no_casualty(nlp, text):
    assert figures_of(nlp, text) == []


@pytest.mark.parametrize("text, told", [
    ("Two soldiers died of injuries suffered in the attack on the base.", ("killed", "Two")),
    ("Three people died from the fire in the factory.", ("killed", "Three")),
    ("Amid the virus outbreak, gunmen killed five people in Kerem.", ("killed", "five")),
    ("Four migrants died of thirst in the desert.", ("killed", "Four")),
])
def test_harm_stays_a_casualty(nlp, text, told):
    assert figures_of(nlp, text) == [told]
