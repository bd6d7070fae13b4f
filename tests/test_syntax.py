"""The syntax helpers the extractors share (extract/syntax.py)."""

from __future__ import annotations

from spacy.tokens import Doc

from eventledger.extract.syntax import Entities, doc_text, noun_phrase, on_line


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


def _parsed(vocab, words, heads, deps, pos=None, ents=None, spaces=None) -> Doc:
    """A Doc with the parse given, so that the helpers are tried on a known tree."""
    return Doc(vocab, words=words, spaces=spaces, heads=heads, deps=deps,
               pos=pos or ["NOUN"] * len(words), ents=ents)


def _text(doc: Doc, bounds: tuple[int, int]) -> str:
    return doc.text[bounds[0]:bounds[1]]


def test_a_sources_phrase_runs_to_its_first_aside_with_its_acronym(bare_nlp):
    # "The UN refugee agency (UNHCR), which runs the camp, said ..."
    words = ["The", "UN", "refugee", "agency", "(", "UNHCR", ")", ",", "which", "runs",
             "the", "camp", ",", "said", "."]
    spaces = [True, True, True, True, False, False, False, True, True, True, True, False,
              True, False, False]
    heads = [3, 3, 3, 13, 3, 4, 4, 3, 9, 3, 11, 9, 3, 13, 13]
    deps = ["det", "compound", "compound", "nsubj", "punct", "appos", "punct", "punct",
            "nsubj", "relcl", "det", "dobj", "punct", "ROOT", "punct"]
    doc = _parsed(bare_nlp.vocab, words, heads, deps, spaces=spaces)
    asides = ("relcl", "appos", "punct", "acl", "cc", "conj", "case")
    head = doc[3]
    assert _text(doc, noun_phrase(head, asides=asides, stop_at_aside=True, names=True,
                                  trim=",")) == "The UN refugee agency (UNHCR)"
    assert _text(doc, noun_phrase(head, asides=asides, stop_at_aside=True)) == (
        "The UN refugee agency")


def test_an_arguments_phrase_leaves_out_asides_dates_and_the_triggers_branch(bare_nlp):
    # "those responsible for the bombing on Thursday, who fled"
    words = ["those", "responsible", "for", "the", "bombing", "on", "Thursday", ",", "who",
             "fled"]
    heads = [0, 0, 1, 4, 2, 0, 5, 0, 9, 0]
    deps = ["ROOT", "amod", "prep", "det", "pobj", "prep", "pobj", "punct", "nsubj", "relcl"]
    ents = [None, None, None, None, None, None, "B-DATE", None, None, None]
    doc = _parsed(bare_nlp.vocab, words, heads, deps, ents=ents)
    asides = {"relcl", "acl", "appos", "punct", "advcl", "parataxis", "ccomp"}
    assert _text(doc, noun_phrase(doc[0], asides=asides)) == (
        "those responsible for the bombing")
    assert _text(doc, noun_phrase(doc[0], asides=asides, avoid=doc[4])) == "those"


def test_an_arguments_phrase_leaves_out_a_date_hung_on_its_head(bare_nlp):
    # "March 3 - Gunmen on motorbikes": a dateline's date the parse hung on the subject;
    # a date inside the phrase stays ("the March 3 gunmen" is one phrase)
    words = ["March", "3", "-", "Gunmen", "on", "motorbikes"]
    heads = [3, 0, 3, 3, 3, 4]
    deps = ["nmod", "nummod", "punct", "ROOT", "prep", "pobj"]
    ents = ["B-DATE", "I-DATE", None, None, None, None]
    doc = _parsed(bare_nlp.vocab, words, heads, deps, ents=ents)
    assert _text(doc, noun_phrase(doc[3], asides={"punct"})) == "Gunmen on motorbikes"
    words = ["the", "March", "3", "gunmen"]
    doc = _parsed(bare_nlp.vocab, words, [3, 3, 1, 3], ["det", "nmod", "nummod", "ROOT"],
                  ents=[None, "B-DATE", "I-DATE", None])
    assert _text(doc, noun_phrase(doc[3], asides=())) == "the March 3 gunmen"


def test_a_phrase_stays_on_its_heads_line(bare_nlp):
    # A heading the parser ran into the next line's subject.
    words = ["Harbour", "news", "\n", "The", "mayor", "spoke"]
    spaces = [True, False, False, True, True, False]
    heads = [1, 4, 1, 4, 5, 5]
    deps = ["compound", "compound", "dep", "det", "nsubj", "ROOT"]
    doc = _parsed(bare_nlp.vocab, words, heads, deps, spaces=spaces)
    assert _text(doc, noun_phrase(doc[4], asides=())) == "The mayor"
    assert [t.text for t in on_line(doc[0:5], doc[4])] == ["The", "mayor"]
    assert [t.text for t in on_line(doc[0:2], doc[0])] == ["Harbour", "news"]


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
