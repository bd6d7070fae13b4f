"""Property test of extraction on generated hostile text: nothing but eventledger's own
errors escapes, every record validates against the JSON Schema with every span equal to
the document text at its offsets, and the same text gives the same record twice.

Full extraction runs the MPNet tagger on the CPU: a handful of examples here, many in
benchmarks/fuzz.py."""

from __future__ import annotations

from hostile_inputs import check_record, hostile_text
from hypothesis import HealthCheck, given, settings

from eventledger.document import Document
from eventledger.pipeline import extract_records


@settings(max_examples=6, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(texts=hostile_text(max_pieces=14).filter(str.strip).flatmap(
    lambda first: hostile_text(max_pieces=8).map(lambda second: [first, second])))
def test_extraction_on_hostile_text(nlp, texts):
    documents = [Document(text=text, source=f"generated {n}") for n, text in enumerate(texts)
                 if text.strip()]
    first = list(extract_records(documents, nlp=nlp, batch_size=4))
    again = list(extract_records(documents, nlp=nlp, batch_size=1))
    assert len(first) == len(documents)
    for document, record, repeated in zip(documents, first, again, strict=True):
        check_record(record, document.text)
        assert repeated == record  # alone or in a batch, the same record


def test_hostile_characters_around_a_casualty_figure(nlp):
    # Zero-width, bidirectional and NUL characters inside a sentence with a figure: the
    # figure's offsets still point at its words.
    text = ("Police in \u200fAvonford said\u200b 12 people were \x00killed on Monday, "
            "\u202e“the toll may rise,” a medic said.\ufeff")
    [record] = extract_records([Document(text=text, source="t")], nlp=nlp)
    check_record(record, text)
