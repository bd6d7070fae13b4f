"""Paragraph breaks become sentence starts before the parser runs."""

from __future__ import annotations

import pytest
import spacy

from eventledger.extract.paragraphs import add_paragraph_starts
from eventledger.extract.syntax import paragraph_start
from eventledger.pipeline import build_pipeline

TEXT = (
    "Ferry crews count the cost\n\n"
    "The harbour master, Ines Varga, said that two boats had sunk."
)


@pytest.fixture(scope="module")
def paragraph_nlp(model_name):
    """The bare model with the paragraph starts before its parser, and nothing more."""
    return add_paragraph_starts(spacy.load(model_name))


def test_build_pipeline_puts_it_before_the_parser(model_name):
    names = build_pipeline(spacy.load(model_name)).pipe_names
    assert names.index("eventledger_paragraph_starts") == names.index("parser") - 1


def test_a_heading_is_not_parsed_into_the_next_paragraph(paragraph_nlp):
    doc = paragraph_nlp(TEXT)
    said = next(t for t in doc if t.text == "said")
    assert doc[said.i].sent.text.startswith("The harbour master")
    assert [c.text for c in said.children if c.dep_ == "nsubj"] == ["master"]


def test_the_speaker_after_a_heading_is_found(nlp):
    (attribution,) = nlp(TEXT)._.el_attributions
    assert attribution["source"]["text"].startswith("The harbour master")
    assert attribution["content"]["text"] == "two boats had sunk"


def test_a_single_line_break_is_left_to_the_parser(paragraph_nlp):
    doc = paragraph_nlp("The harbour master said\nthat two boats had sunk.")
    assert len(list(doc.sents)) == 1


RUN_ON = "Officials said two people were killed in Gao, " * 300


def test_a_run_without_a_sentence_end_is_cut_after_a_comma(paragraph_nlp):
    limit = paragraph_nlp.get_pipe_config("eventledger_paragraph_starts")["max_run_tokens"]
    doc = paragraph_nlp(RUN_ON)
    sentences = list(doc.sents)
    assert len(sentences) > 1
    # Cut at the first comma past the limit: a clause of the run is ten tokens.
    assert max(len(s) for s in sentences) <= limit + 10
    # Each cut follows a comma, before a word.
    for sentence in sentences[1:]:
        assert doc[sentence.start - 1].text == "," and sentence[0].is_alpha


def test_a_long_sentence_under_the_limit_is_left_to_the_parser(paragraph_nlp, bare_nlp):
    text = "The council said that " + ", ".join(f"road {i} was closed" for i in range(30)) + "."
    limit = paragraph_nlp.get_pipe_config("eventledger_paragraph_starts")["max_run_tokens"]
    assert len(paragraph_nlp.make_doc(text)) < limit
    assert len(list(paragraph_nlp(text).sents)) == len(list(bare_nlp(text).sents))


def test_no_limit_leaves_a_run_whole(model_name, paragraph_nlp):
    nlp = spacy.load(model_name)
    nlp.add_pipe("eventledger_paragraph_starts", before="parser", config={"max_run_tokens": 0})
    text = RUN_ON[: len(RUN_ON) // 2]
    assert len(list(nlp(text).sents)) < len(list(paragraph_nlp(text).sents))


def test_a_blank_line_is_the_same_for_the_parser_and_for_a_paragraphs_start(model_name):
    """A blank line holding only white space (a no-break space, a tab) is a paragraph break
    both where the parser is told a sentence starts and where a reference back ("the city")
    looks for its place (syntax.paragraph_start)."""
    nlp = add_paragraph_starts(spacy.load(model_name, exclude=["ner"]))
    for blank in ("\n\n", "\n \t\n", "\n\u00a0\n"):
        text = f"Shelling hit the market{blank}Residents of the city fled."
        start = text.index("Residents")
        assert paragraph_start(text, start) == start, repr(blank)
        doc = nlp(text)
        assert doc.char_span(start, start + len("Residents"))[0].is_sent_start, repr(blank)
    text = "Shelling hit the market\nResidents of the city fled."
    assert paragraph_start(text, text.index("Residents")) == 0
