"""Paragraph breaks become sentence starts before the parser runs."""

from __future__ import annotations

import spacy

from eventledger.extract.paragraphs import add_paragraph_starts
from eventledger.pipeline import build_pipeline

TEXT = (
    "Ferry crews count the cost\n\n"
    "The harbour master, Ines Varga, said that two boats had sunk."
)


def test_build_pipeline_puts_it_before_the_parser(model_name):
    names = build_pipeline(spacy.load(model_name)).pipe_names
    assert names.index("eventledger_paragraph_starts") == names.index("parser") - 1


def test_a_heading_is_not_parsed_into_the_next_paragraph(model_name):
    doc = add_paragraph_starts(spacy.load(model_name))(TEXT)
    said = next(t for t in doc if t.text == "said")
    assert doc[said.i].sent.text.startswith("The harbour master")
    assert [c.text for c in said.children if c.dep_ == "nsubj"] == ["master"]


def test_the_speaker_after_a_heading_is_found(nlp):
    (attribution,) = nlp(TEXT)._.el_attributions
    assert attribution["source"]["text"].startswith("The harbour master")
    assert attribution["content"]["text"] == "two boats had sunk"


def test_a_single_line_break_is_left_to_the_parser(model_name):
    nlp = add_paragraph_starts(spacy.load(model_name))
    doc = nlp("The harbour master said\nthat two boats had sunk.")
    assert len(list(doc.sents)) == 1
