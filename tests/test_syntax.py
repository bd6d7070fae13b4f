"""The syntax helpers the extractors share (extract/syntax.py)."""

from __future__ import annotations

from spacy.tokens import Doc

from eventledger.extract.syntax import doc_text


def test_doc_text_is_the_docs_text_built_once(bare_nlp):
    doc = bare_nlp.make_doc("Officials said two people were killed in Gao.\n\nA second line.")
    first = doc_text(doc)
    assert first == doc.text
    assert doc_text(doc) is first  # kept, not joined from the tokens again


def test_doc_text_does_not_trust_a_text_kept_from_another_doc(bare_nlp):
    doc = bare_nlp.make_doc("The market reopened on Friday.")
    doc.user_data["eventledger.text"] = "a text of another length"
    assert doc_text(doc) == "The market reopened on Friday."


def test_doc_text_of_an_empty_doc_is_empty(bare_nlp):
    assert doc_text(Doc(bare_nlp.vocab, words=[])) == ""
