"""Reports joined in one sentence ("X said A, and Y said B", "X said A, while Y put the toll
at B", "A, X said; Y said B") each keep their own source, and the figures in each follow it;
an outlet the speaker told or gave an interview to is in ``cited_by``, never the content."""

from __future__ import annotations

import pytest

from eventledger.extract.attribution_spans import SPANS_KEY
from eventledger.extract.attributions import AttributionsExtractor
from eventledger.provenance import source_chain


@pytest.fixture(scope="module")
def extract(nlp):
    """The whole pipeline: attributions (rules reconciled with the span tagger), figures."""

    def run(text: str):
        doc = nlp(text)
        return doc._.el_attributions, doc._.el_figures

    return run


@pytest.fixture(scope="module")
def attribute_by_rules(nlp):
    """The rules alone, as if the span tagger had not run."""
    rules = AttributionsExtractor(
        nlp, "rules", extra_cues_path=None, min_quote_words=3, continued_quotes="separate"
    )

    def run(text: str) -> list[dict]:
        doc = nlp(text)
        del doc.spans[SPANS_KEY]
        rules(doc)
        return doc._.el_attributions

    return run


def reports(attributions: list[dict]) -> list[tuple[str, str]]:
    return [(a["source"]["text"], a["content"]["text"]) for a in attributions]


def figure_source(figures: list[dict], attributions: list[dict], count: str) -> str:
    """The source of the attribution of the figure whose count reads ``count``."""
    figure = next(f for f in figures if f["count"]["text"] == count)
    attribution = next(a for a in attributions if a["id"] == figure["attribution"])
    return attribution["source"]["text"]


COORDINATED = [
    (
        "Clinic staff told the regional broadcaster Radio Makala that at least 14 people "
        "were killed, and a farmers' union said 17 villagers died.",
        [("Clinic staff", "at least 14 people were killed"),
         ("a farmers' union", "17 villagers died")],
        {"at least 14": "Clinic staff", "17": "a farmers' union"},
    ),
    (
        "The governor said eight people were wounded, while the police put the toll at eleven.",
        [("The governor", "eight people were wounded"), ("the police", "the toll at eleven")],
        {"eight": "The governor", "eleven": "the police"},
    ),
    (
        "Four soldiers were killed, the army said; a rebel spokesman said nine soldiers died.",
        [("the army", "Four soldiers were killed"), ("a rebel spokesman", "nine soldiers died")],
        {"Four": "the army", "nine": "a rebel spokesman"},
    ),
    (
        "Police said three people were killed, while witnesses said at least ten bodies were "
        "seen.",
        [("Police", "three people were killed"), ("witnesses", "at least ten bodies were seen")],
        {"three": "Police"},
    ),
    (
        "The Red Crescent said 14 people were injured, but the health ministry said the "
        "number was 20.",
        [("The Red Crescent", "14 people were injured"),
         ("the health ministry", "the number was 20")],
        {"14": "The Red Crescent"},
    ),
]


@pytest.mark.parametrize(("text", "expected", "figure_sources"), COORDINATED)
def test_each_joined_report_has_its_own_source_and_figures(
    extract, text, expected, figure_sources
):
    attributions, figures = extract(text)
    assert reports(attributions) == expected
    for count, source in figure_sources.items():
        assert figure_source(figures, attributions, count) == source


@pytest.mark.parametrize(("text", "expected", "figure_sources"), COORDINATED)
def test_the_rules_alone_keep_a_joined_report_out_of_the_first_content(
    attribute_by_rules, text, expected, figure_sources
):
    assert reports(attribute_by_rules(text)) == expected


def test_a_report_inside_another_without_a_joining_word_is_still_a_chain(extract):
    text = "The Ledger reported that the governor said the bridge had collapsed."
    attributions, _ = extract(text)
    ledger = next(a for a in attributions if a["source"]["text"] == "The Ledger")
    assert ledger["content"]["text"] == "the governor said the bridge had collapsed"


@pytest.mark.parametrize(
    ("text", "outlet", "content"),
    [
        ("A nurse told the Kessa Courier that six children were injured.",
         "Kessa Courier", "six children were injured"),
        ("Officials told the state broadcaster Velan TV that 40 people had been arrested.",
         "Velan TV", "40 people had been arrested"),
        ("The mayor said in an interview with Radio Kestrel that the road had been cut.",
         "Radio Kestrel", "the road had been cut"),
    ],
)
def test_the_outlet_told_carried_the_report(extract, text, outlet, content):
    attributions, _ = extract(text)
    assert len(attributions) == 1
    a = attributions[0]
    assert [c["name"] for c in a["cited_by"]] == [outlet]
    assert a["content"]["text"] == content
    assert outlet not in a["content"]["text"] and outlet not in a["source"]["text"]
    # The channel keeps how it was said.
    assert outlet in a["channel"]["text"]
    carried = a["cited_by"][0]
    assert text[carried["start"]:carried["end"]] == carried["text"]


def test_the_figures_source_chain_names_the_outlet_that_carried_it(extract):
    text = ("Clinic staff told the regional broadcaster Radio Makala that at least 14 people "
            "were killed, and a farmers' union said 17 villagers died.")
    attributions, figures = extract(text)
    by_id = {a["id"]: a for a in attributions}
    chains = {f["count"]["text"]: source_chain(by_id[f["attribution"]], None) for f in figures}
    assert chains == {"at least 14": "Clinic staff (via Radio Makala)",
                      "17": "a farmers' union"}


@pytest.mark.parametrize(
    "text",
    [
        "Residents told reporters that the market had burned.",
        "The minister told parliament that 12 people were missing.",
        "The Brigades said in a statement on their Telegram channel that two fighters died.",
    ],
)
def test_whom_else_a_speaker_tells_carried_nothing(extract, text):
    attributions, _ = extract(text)
    assert attributions and all(a["cited_by"] == [] for a in attributions)

