"""The fine-tuned transformer behind the attribution span tagger: windows, tags, saving."""

from __future__ import annotations

import json

import numpy
import pytest
import spacy
import torch

from eventledger.errors import ConfigError
from eventledger.extract import encoders
from eventledger.extract import span_transformer as st

LABELS = ["CONTENT", "CUE", "SOURCE"]


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    """A tagger with an untrained head over the bundled encoder, saved with small windows
    so that a few sentences already need several of them."""
    torch.manual_seed(7)
    model = st.build_model(str(encoders.encoder_dir(encoders.MINILM)), labels=LABELS, trainable_layers=1)
    folder = tmp_path_factory.mktemp("tagger")
    st.save(model, folder, labels=LABELS, trainable_layers=1, window=24, stride=16,
            meta={"epoch": 0})
    return model, folder


@pytest.mark.parametrize("n,size,stride", [(3, 8, 6), (10, 4, 2), (700, 254, 192), (255, 254, 192)])
def test_windows_give_every_piece_to_exactly_one_window(n, size, stride):
    kept = []
    for start, end, keep_start, keep_end in st.windows(n, size=size, stride=stride):
        assert end - start <= size
        assert start <= keep_start < keep_end <= end
        kept.extend(range(keep_start, keep_end))
    assert kept == list(range(n))


def test_spans_from_tags_close_on_o_and_on_a_new_label():
    tags = ["B-SOURCE", "I-SOURCE", "B-CUE", "B-CONTENT", "I-CONTENT", "O", "B-CONTENT"]
    assert st.spans_from_tags(tags) == [
        (0, 2, "SOURCE"), (2, 3, "CUE"), (3, 5, "CONTENT"), (6, 7, "CONTENT")
    ]


def test_a_stray_inside_tag_opens_a_span():
    assert st.spans_from_tags(["O", "I-CONTENT", "I-CONTENT", "I-CUE"]) == [
        (1, 3, "CONTENT"), (3, 4, "CUE")
    ]


def test_best_path_keeps_a_long_span_whole_across_one_unsure_word():
    labels = st.bio_labels(LABELS)
    index = {tag: i for i, tag in enumerate(labels)}
    allowed = st.allowed_transitions(labels)
    probs = numpy.full((5, len(labels)), 0.01)
    for i, tag in enumerate(["B-CONTENT", "I-CONTENT", "O", "I-CONTENT", "I-CONTENT"]):
        probs[i, index[tag]] = 0.9
    probs[2, index["I-CONTENT"]] = 0.6  # the unsure word
    path = [labels[i] for i in st.best_path(numpy.log(probs), allowed)]
    assert path == ["B-CONTENT"] + ["I-CONTENT"] * 4
    # Word by word, the unsure word would break the span and leave an I- after an O.
    assert [labels[i] for i in probs.argmax(axis=1)][2:4] == ["O", "I-CONTENT"]


def test_best_path_never_starts_inside_or_continues_another_label():
    labels = st.bio_labels(LABELS)
    allowed = st.allowed_transitions(labels)
    rng = numpy.random.default_rng(3)
    for _ in range(20):
        path = [labels[i] for i in st.best_path(numpy.log(rng.random((12, len(labels)))), allowed)]
        assert not path[0].startswith("I-")
        for before, tag in zip(path, path[1:], strict=False):
            if tag.startswith("I-"):
                assert before[2:] == tag[2:]


def test_pieces_belong_to_their_tokens(blank):
    tokenizer = st.bundled_tokenizer()
    doc = blank("Officials  said unbelievably little.")
    pieces = st.pieces_of(doc, tokenizer)
    owners = {int(o) for o in pieces.token if o >= 0}
    assert owners == {t.i for t in doc if not t.is_space}
    # A long word is several pieces, and only its first one opens the token.
    long_word = next(t.i for t in doc if t.text == "unbelievably")
    assert (pieces.token == long_word).sum() > 1
    assert pieces.first[pieces.token == long_word].sum() == 1


def test_only_the_tuned_layers_are_saved_and_loading_restores_them(saved, blank):
    model, folder = saved
    config = json.loads((folder / st.CONFIG_FILE).read_text())
    assert config["trainable_layers"] == 1 and config["labels"] == LABELS
    from safetensors.torch import load_file

    names = set(load_file(str(folder / st.WEIGHTS_FILE)))
    assert names and all(n.startswith(("classify.", "encoder.encoder.layer.5.")) for n in names)
    loaded = st.SpanTransformer(str(folder))
    doc = blank("The mayor said the bridge would reopen in May, according to the council.")
    ids, mask = st.padded([[loaded.tokenizer.cls_token_id,
                            *st.pieces_of(doc, loaded.tokenizer).ids,
                            loaded.tokenizer.sep_token_id]])
    model.eval()
    with torch.inference_mode():
        original = model(ids, mask)
        restored = loaded.model(ids, mask)
    # Saved in half precision: close, not equal.
    assert torch.allclose(original, restored, atol=0.05)
    assert not torch.allclose(restored, torch.zeros_like(restored))


def test_documents_tagged_together_get_the_tags_they_get_alone(saved, blank):
    _, folder = saved
    tagger = st.SpanTransformer(str(folder))
    docs = [
        blank("Officials said the road was closed."),
        blank(" ".join(f"The council of district {i} said the port would reopen." for i in range(10))),
        blank(""),
    ]
    assert len(st.pieces_of(docs[1], tagger.tokenizer).ids) > 3 * tagger.config["window"]
    together = tagger.piece_scores_of(docs, windows_per_step=3)
    alone = [tagger.piece_scores_of([doc])[0] for doc in docs]
    for (pieces, scores), (_, scores_alone) in zip(together, alone, strict=True):
        assert scores.shape == (len(pieces.ids), len(tagger.labels))
        # Padding beside a shorter window changes nothing but rounding.
        assert numpy.allclose(scores, scores_alone, atol=1e-4)
    assert [len(tags) for tags in tagger.token_tags_of(docs)] == [len(doc) for doc in docs]


def test_span_scores_are_the_mean_probability_of_the_spans_label(saved, blank):
    _, folder = saved
    tagger = st.SpanTransformer(str(folder))
    docs = [blank("The mayor said the bridge would reopen in May, according to the council.")]
    ((tags, probs),) = tagger._tags_and_probs(docs)
    (scored,) = tagger.scored_spans_of(docs)
    assert scored and [s[:3] for s in scored] == tagger.spans_of(docs)[0]
    assert numpy.allclose(probs.sum(axis=1), 1.0, atol=1e-4)
    for start, end, label, score in scored:
        columns = [tagger.labels.index(f"B-{label}"), tagger.labels.index(f"I-{label}")]
        assert score == pytest.approx(float(probs[start:end, columns].sum(axis=1).mean()))
        assert 0.0 < score <= 1.0


def test_an_unreadable_model_folder_is_a_config_error(tmp_path):
    (tmp_path / st.CONFIG_FILE).write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError, match="not readable"):
        st.SpanTransformer(str(tmp_path))


@pytest.mark.parametrize("encoder", encoders.ENCODERS)
def test_layers_run_one_by_one_give_what_the_encoder_gives(encoder):
    """Training runs the frozen layers once and the tuned ones each step; together they must
    be the encoder's own forward pass, padding and all."""
    model = st.build_model(str(encoders.encoder_dir(encoder)), labels=LABELS,
                           trainable_layers=2)
    model.eval()
    ids, mask = st.padded([[101, 2000, 3000, 4000, 102], [101, 5000, 102]])
    layers = model.encoder.encoder.layer
    with torch.inference_mode():
        whole = model.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
        below = st.run_layers(model.encoder, model.encoder.embeddings(input_ids=ids), mask,
                              layers[:-2])
        above = st.run_layers(model.encoder, below, mask, layers[-2:])
    assert torch.allclose(whole[0], above[0], atol=1e-5)
    assert torch.allclose(whole[1, :3], above[1, :3], atol=1e-5)
    assert not torch.allclose(below, above)


def test_a_tagger_names_its_encoder_and_an_older_one_is_minilm(saved):
    _, folder = saved
    assert st.SpanTransformer(str(folder)).encoder == encoders.MINILM


def test_a_tagger_with_fewer_layers_runs_only_those(tmp_path, blank):
    """A distilled tagger keeps the encoder's lowest ``layers`` layers: it loads with those
    alone, its tuned top where the full encoder's layers were, and tags as it was saved."""
    torch.manual_seed(3)
    encoder_dir = str(encoders.encoder_dir(encoders.MINILM))
    model = st.build_model(encoder_dir, labels=LABELS, trainable_layers=1, layers=4)
    assert len(model.encoder.encoder.layer) == 4
    assert [n for n, p in model.named_parameters() if p.requires_grad and "layer." in n][0] \
        .startswith("encoder.encoder.layer.3.")
    st.save(model, tmp_path, labels=LABELS, trainable_layers=1, window=24, stride=16,
            meta={"encoder": encoders.MINILM, "layers": 4})
    loaded = st.SpanTransformer(str(tmp_path))
    assert loaded.n_layers == 4 and len(loaded.model.encoder.encoder.layer) == 4
    full = st.build_model(encoder_dir, labels=LABELS, trainable_layers=1)
    doc = blank("The mayor said the bridge would reopen in May.")
    ids, mask = st.padded([[loaded.tokenizer.cls_token_id,
                            *st.pieces_of(doc, loaded.tokenizer).ids,
                            loaded.tokenizer.sep_token_id]])
    model.eval()
    full.eval()
    with torch.inference_mode():
        original = model(ids, mask)
        restored = loaded.model(ids, mask)
        four = model.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
        six = full.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
    assert torch.allclose(original, restored, atol=0.05)
    assert not torch.allclose(four, six, atol=0.05)
