import pytest
import spacy
from spacy.tokens import Doc, DocBin

from eventledger import Document
from eventledger.errors import ModelNotFoundError
from eventledger.extract import COMPONENTS
from eventledger.extract.quotes import quotes_of
from eventledger.pipeline import (
    doc_sections,
    extract_record,
    extract_records,
    load_model,
    split_paragraphs,
)
from eventledger.record import record_problems

ARTICLE = (
    "Police arrested 12 protesters in Lyon on Saturday, the prefecture said.\n\n"
    "According to a union spokesperson, the march was peaceful until police used tear gas.\n\n"
    "“We will march again next week,” the spokesperson said.\n"
)


def test_split_paragraphs_keeps_offsets():
    text = "\n\n".join(f"Paragraph {i} says something about the harbour." for i in range(40))
    parts = split_paragraphs(text, 200)
    assert len(parts) > 5
    assert all(len(part) <= 200 for _, part in parts)
    assert "".join(part for _, part in parts) == text
    for offset, part in parts:
        assert text[offset : offset + len(part)] == part
        assert part.startswith("Paragraph")


def test_short_text_is_one_part():
    assert split_paragraphs("one short text", 100) == [(0, "one short text")]


def test_pipeline_has_every_component(nlp):
    for name in COMPONENTS:
        assert name in nlp.pipe_names
    assert nlp.pipe_names.index("eventledger_actors") < nlp.pipe_names.index(
        "eventledger_attributions"
    )


def test_record_of_an_article_is_valid(nlp):
    record = extract_record(Document(text=ARTICLE, published="2025-05-10"), nlp=nlp)
    assert record["document"]["text"] == ARTICLE
    assert record["document"]["published"] == "2025-05-10"
    assert record_problems(record) == []


def test_long_document_in_parts_maps_offsets_back(nlp):
    text = "\n\n".join([ARTICLE.strip()] * 6)
    whole = extract_record(Document(text=text), nlp=nlp)
    parted = extract_record(Document(text=text), nlp=nlp, max_chunk_chars=len(ARTICLE) + 5)
    assert record_problems(parted) == []
    for section in ("attributions", "places", "figures", "events"):
        assert len(parted[section]) == len(whole[section])
        spans = sorted(
            (item.get("content") or item.get("trigger") or item)["start"]
            for item in parted[section]
        )
        assert spans == sorted(
            (item.get("content") or item.get("trigger") or item)["start"]
            for item in whole[section]
        )
    ids = [item["id"] for item in parted["places"]]
    assert len(ids) == len(set(ids))


def test_records_come_in_input_order(nlp):
    documents = [Document(text=f"Troops withdrew from village number {i} on Monday.")
                 for i in range(5)]
    records = list(extract_records(documents, nlp=nlp, batch_size=2))
    assert [r["document"]["id"] for r in records] == [d.id for d in documents]


def test_missing_model_is_a_clear_error():
    with pytest.raises(ModelNotFoundError, match="not installed"):
        load_model("en_no_such_model_xx")


def test_a_processed_doc_serializes_with_its_quotations_and_attributions(nlp):
    text = (
        'The harbour master said in a statement that "the north pier will stay shut," '
        "according to the Coastal Gazette."
    )
    doc = nlp(text)
    assert doc._.el_quotes and doc._.el_attributions
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert restored._.el_attributions == doc._.el_attributions
    bins = DocBin(store_user_data=True)
    bins.add(doc)
    (again,) = DocBin().from_bytes(bins.to_bytes()).get_docs(nlp.vocab)
    assert quotes_of(again) == quotes_of(doc)
    assert text[quotes_of(again)[0].start : quotes_of(again)[0].end] == (
        "the north pier will stay shut,"
    )


def test_the_pipeline_is_saved_and_loaded_with_its_components_and_their_settings(
    nlp, tmp_path
):
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == nlp.pipe_names
    for name in COMPONENTS:
        assert loaded.get_pipe_config(name) == nlp.get_pipe_config(name)
        assert loaded.get_pipe_meta(name).requires == nlp.get_pipe_meta(name).requires
    assert doc_sections(loaded(ARTICLE)) == doc_sections(nlp(ARTICLE))


def test_a_components_settings_survive_saving_and_loading(model_name, tmp_path):
    nlp = spacy.load(model_name, exclude=["ner"])
    settings = {"continued_quotes": "join", "tagger_min_score": 0.8, "actors_component": None}
    nlp.add_pipe("eventledger_attributions", config=settings)
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    config = loaded.get_pipe_config("eventledger_attributions")
    assert {key: config[key] for key in settings} == settings
    component = loaded.get_pipe("eventledger_attributions")
    assert component.options.join_quotes and component.options.tagger.min_score == 0.8


def test_every_component_declares_what_it_reads_and_an_earlier_one_assigns_it(nlp):
    analysis = nlp.analyze_pipes(pretty=False)
    assert all(not problems for problems in analysis["problems"].values())
    assert "doc.spans" in nlp.get_pipe_meta("eventledger_attributions").requires
    assert "doc._.el_excluded" in nlp.get_pipe_meta("eventledger_events").requires
    # the event head's scores, which the attribution span tagger writes
    assert "doc._.el_trigger_scores" in nlp.get_pipe_meta("eventledger_events").requires
