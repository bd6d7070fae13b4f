"""Lemma corrections (data/lemmas.json): forms the bundled model's lemmatizer gets wrong
are set right before it runs, so that the rules find what they read by lemma. Sentences
are invented."""

from __future__ import annotations

import spacy

from eventledger.document import Document
from eventledger.extract.lemmas import PIPE_NAME, add_lemma_corrections, lemma_corrections
from eventledger.pipeline import extract_record


def test_the_listed_forms_get_their_lemma(nlp):
    doc = nlp("Protesters staged a sit-in while soldiers raped and the council hoped.")
    lemmas = {t.lower_: t.lemma_ for t in doc}
    assert (lemmas["staged"], lemmas["raped"], lemmas["hoped"]) == ("stage", "rape", "hope")
    # forms the lemmatizer gets right are left to it
    assert lemmas["protesters"] == "protester"


def test_every_correction_is_a_lower_case_form_of_another_word():
    corrections = lemma_corrections()
    assert list(corrections) == sorted(corrections)
    assert all(form == form.lower() and form != lemma for form, lemma in corrections.items())


def test_the_ruler_is_added_once_before_the_lemmatizer(model_name):
    nlp = spacy.load(model_name)
    add_lemma_corrections(nlp)
    add_lemma_corrections(nlp)
    names = nlp.pipe_names
    assert names.count(PIPE_NAME) == 1
    assert names.index(PIPE_NAME) == names.index("lemmatizer") - 1
    # a pipeline without a lemmatizer is left as it is
    bare = spacy.blank("en")
    assert add_lemma_corrections(bare).pipe_names == []


def test_a_staged_raid_has_its_actor(nlp):
    record = extract_record(Document(
        text="Rebels staged a raid on an army base near Varno on Monday.",
        published="2025-05-05"), nlp=nlp)
    (raid,) = [e for e in record["events"] if e["trigger"]["text"] == "raid"]
    assert raid["actor"]["text"] == "Rebels"
