"""A text's headline, its first line, is a heading no other extractor reads, but its
casualty figures are the outlet's own ("7 militants killed in blasts in Afghanistan"); a
bare singular victim of a headline counts one ("Roadside bomb kills army general"). Other
headings stay unread."""

from __future__ import annotations

from eventledger.document import Document
from eventledger.pipeline import extract_record


def figures_of(nlp, text):
    return [(f["category"], f["trigger"]["text"], f["count"]["text"], f["count"]["low"])
            for f in nlp(text)._.el_figures]


def test_a_headline_without_auxiliary_is_read(nlp):
    text = ("7 militants killed in blasts in Kandahar\n"
            "Police said seven militants were killed in two blasts in the province.")
    assert figures_of(nlp, text) == [("killed", "killed", "7", 7),
                                     ("killed", "killed", "seven", 7)]


def test_a_bare_victim_of_a_headline_is_one(nlp):
    text = ("Roadside bomb kills army general in Syria\n"
            "The general was travelling with his guards near the capital on Sunday.")
    assert figures_of(nlp, text) == [("killed", "kills", "army general", 1)]
    text = ("Car bomb injures soldier near Tarsk\n"
            "Officials said the blast hit a patrol on the main road.")
    assert figures_of(nlp, text) == [("injured", "injures", "soldier", 1)]


def test_a_heading_inside_the_text_stays_unread(nlp):
    text = ("Talks go on in Velmar\n"
            "Both sides met on Monday.\n"
            "Two guards killed in Tarsk\n"
            "The ministers spoke of the talks for an hour.")
    assert figures_of(nlp, text) == []


def test_a_bare_noun_of_no_person_is_no_victim(nlp):
    text = ("Flood kills livestock in the valley\n"
            "Farmers said the water rose overnight.")
    assert figures_of(nlp, text) == []


def test_a_caption_on_the_first_line_stays_unread(nlp):
    text = ("Photo: Two guards killed in Tarsk\n"
            "The ministers spoke of the talks for an hour.")
    assert figures_of(nlp, text) == []


def test_a_heading_that_starts_a_later_part_stays_unread(nlp):
    # a long text is extracted in parts cut on blank lines; a part's first line is no
    # headline unless the part starts the text
    first = "Talks go on in Velmar\n\nBoth sides met on Monday and spoke for an hour.\n\n"
    rest = "Two guards killed in Tarsk\n\nThe ministers spoke of the talks for an hour."
    record = extract_record(Document(text=first + rest), nlp=nlp,
                            max_chunk_chars=len(first) + 5)
    assert record["figures"] == []
