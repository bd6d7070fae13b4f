"""The syntax helpers the extractors share (extract/syntax.py)."""

from __future__ import annotations

from spacy.tokens import Doc

from eventledger.extract.syntax import Entities, doc_text


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


ENTITY_TEXT = (
    "On Monday, Amira Sol of the Kestrel Foundation said 12 people were hurt in Port Elvin "
    "and Avonford. Police in Norbury said on Tuesday that two men, Tomas Reyes and Ivo Brand, "
    "had been arrested.\n\nThe United Nations said 300 families had fled since March."
)


def test_entities_give_what_spacy_gives_for_every_range(bare_nlp):
    doc = bare_nlp(ENTITY_TEXT)
    assert len(doc.ents) > 6
    entities = Entities(doc)
    for sent in doc.sents:
        assert entities.within(sent.start, sent.end) == list(sent.ents)
    for start in range(len(doc)):
        for end in range(start + 1, min(start + 6, len(doc)) + 1):
            expected = [e for e in doc.ents if e.start < end and start < e.end]
            assert entities.overlapping(start, end) == expected
            assert entities.within(start, end) == list(doc[start:end].ents)
