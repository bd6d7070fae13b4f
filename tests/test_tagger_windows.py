"""How the attribution tagger reads a document: windows that hold no cue candidate are not
tagged (``only_cue_windows``), and are read only as high as the event head needs; the
window size and the overlap of neighbouring windows are options."""

from __future__ import annotations

import numpy
import pytest
from spacy.tokens import Doc

from eventledger.errors import ConfigError
from eventledger.extract import span_transformer
from eventledger.extract.attribution_spans import packaged_model_path
from eventledger.extract.attributions.lexicon import CueLexicon
from eventledger.extract.cue_candidates import cue_candidates
from eventledger.extract.event_head import load as load_head
from eventledger.extract.event_head import packaged_head_path

# Invented: a stretch of plain narration, then a report.
PLAIN = ("The ferry left the harbour at dawn and crossed the bay under a grey sky while "
         "gulls followed the wake and the engines hummed below the deck . ")
REPORT = "The harbour master said the crossing would resume on Monday . "


def hand_doc(vocab, text: str) -> Doc:
    """A Doc built by hand: its words, with lemmas and parts of speech for the verbs."""
    words = text.split()
    doc = Doc(vocab, words=words)
    for token in doc:
        token.lemma_ = {"said": "say", "left": "leave", "crossed": "cross",
                        "followed": "follow", "hummed": "hum"}.get(token.text, token.lower_)
        token.pos_ = "VERB" if token.lemma_ in ("say", "leave", "cross", "follow",
                                                "hum") else "X"
    return doc


class Recording:
    """Wraps a tagger's encoder pass and keeps each call's windows and depth."""

    def __init__(self, tagger) -> None:
        self.tagger = tagger
        self.states = tagger.model.states
        self.calls: list[tuple[list[list[int]], int | None]] = []

    def __call__(self, input_ids, mask, *, every_layer=False, layers=None):
        rows = [ids[m.bool()].tolist() for ids, m in zip(input_ids, mask, strict=True)]
        self.calls.append((rows, layers))
        return self.states(input_ids, mask, every_layer=every_layer, layers=layers)


@pytest.fixture()
def tagger(monkeypatch):
    loaded = span_transformer.load(str(packaged_model_path()), "cpu", "fp32")
    recording = Recording(loaded)
    monkeypatch.setattr(loaded.model, "states", recording)
    return loaded, recording


def window_texts(tagger, rows) -> list[str]:
    return [tagger.tokenizer._tokenizer.decode(row[1:-1]) for row in rows]


def test_cue_candidates_are_reporting_words_quotation_marks_and_according_to(bare_nlp):
    doc = bare_nlp('The ferry sank, according to the coast guard. "We saw it," a fisher '
                   "told reporters. The engines hummed.")
    flagged = {t.text for t, on in zip(doc, cue_candidates(doc, CueLexicon.load()),
                                       strict=True) if on}
    assert {"according", "to", '"', "told"} <= flagged
    assert not flagged & {"ferry", "sank", "engines", "hummed", "coast"}


def test_a_window_without_cue_candidates_is_not_sent_to_the_tagger(bare_nlp, tagger):
    loaded, recording = tagger
    doc = hand_doc(bare_nlp.vocab, PLAIN * 3 + REPORT)
    wanted = cue_candidates(doc, CueLexicon.load())
    assert wanted.sum() == 1  # "said" only
    windowing = span_transformer.Windowing(window=32, stride=24, wanted=[wanted])
    spans = loaded.scored_spans_of([doc], windowing)[0]
    read = [row for rows, _layers in recording.calls for row in rows]
    pieces = span_transformer.pieces_of(doc, loaded.tokenizer)
    every = span_transformer.windows(len(pieces.ids), size=30, stride=24)
    assert 0 < len(read) < len(every)
    assert all("said" in text for text in window_texts(loaded, read))
    # Where no window was read, every token is outside any span.
    said = next(t.i for t in doc if t.text == "said")
    assert all(start >= said - 30 for start, _end, _label, _score in spans)


def test_every_window_is_read_when_the_filter_is_off(bare_nlp, tagger):
    loaded, recording = tagger
    doc = hand_doc(bare_nlp.vocab, PLAIN * 3 + REPORT)
    loaded.scored_spans_of([doc], span_transformer.Windowing(window=32, stride=24))
    pieces = span_transformer.pieces_of(doc, loaded.tokenizer)
    every = span_transformer.windows(len(pieces.ids), size=30, stride=24)
    assert sum(len(rows) for rows, _layers in recording.calls) == len(every)
    assert all(layers is None for _rows, layers in recording.calls)


def test_the_event_head_still_reads_windows_the_tagger_skips(bare_nlp, tagger):
    """A window without cue candidates goes through the encoder only as high as the head
    reads (layer 6 of 12), and the head's rows there are what the whole pass gives."""
    loaded, recording = tagger
    head = load_head(str(packaged_head_path()))
    doc = hand_doc(bare_nlp.vocab, PLAIN * 3 + REPORT)
    wanted = [cue_candidates(doc, CueLexicon.load())]
    heads = {"events": head}
    skipping = loaded.piece_outputs_of(
        [doc], heads=heads, windowing=span_transformer.Windowing(32, 24, wanted))
    depths = sorted({layers for _rows, layers in recording.calls}, key=str)
    assert depths == [6, None]
    shallow = [row for rows, layers in recording.calls if layers == 6 for row in rows]
    assert shallow and not any("said" in t for t in window_texts(loaded, shallow))
    whole = loaded.piece_outputs_of([doc], heads=heads,
                                    windowing=span_transformer.Windowing(32, 24))
    numpy.testing.assert_allclose(skipping[0][2]["events"], whole[0][2]["events"], atol=1e-5)
    # The tagger's own scores differ only where it did not read: there, "O" surely.
    o = loaded.labels.index("O")
    changed = numpy.flatnonzero((skipping[0][1] != whole[0][1]).any(axis=1))
    assert len(changed) and (skipping[0][1][changed, o] == 0.0).all()


def test_a_document_without_any_cue_candidate_costs_no_tagger_pass(bare_nlp, tagger):
    loaded, recording = tagger
    doc = hand_doc(bare_nlp.vocab, PLAIN)
    wanted = [cue_candidates(doc, CueLexicon.load())]
    spans = loaded.scored_spans_of([doc], span_transformer.Windowing(wanted=wanted))
    assert spans == [[]]
    assert recording.calls == []


def test_the_pipeline_reads_only_cue_windows_by_default(nlp):
    tagger = nlp.get_pipe("eventledger_attribution_spans")
    assert nlp.get_pipe_config("eventledger_attribution_spans")["only_cue_windows"] is True
    doc = nlp.make_doc("The ferry left. The harbour master said it would return.")
    assert tagger.windowing([doc]).wanted is not None


def test_neighbouring_windows_share_overlap_pieces(nlp):
    """By default 30 pieces, not the 62 the tagger was trained with: fewer windows."""
    tagger = nlp.get_pipe("eventledger_attribution_spans")
    assert tagger.tagger.config["window"] == 256 and tagger.tagger.config["stride"] == 192
    assert (tagger.window, tagger.stride) == (None, 256 - 2 - 30)
    assert len(span_transformer.windows(2000, size=254, stride=tagger.stride)) < len(
        span_transformer.windows(2000, size=254, stride=192))


def test_an_overlap_as_long_as_the_window_is_refused(bare_nlp):
    from eventledger.extract.attribution_spans import AttributionSpansTagger

    with pytest.raises(ConfigError, match="overlap 62: use 0 to 61"):
        AttributionSpansTagger(bare_nlp, "spans", model_path=None, batch_size=8, window=64,
                               overlap=62, event_head=False)


@pytest.mark.parametrize("window, stride", [(600, None), (2, None), (64, 63), (64, 0)])
def test_a_window_mpnet_cannot_read_is_refused(window, stride):
    with pytest.raises(ConfigError, match="attribution span (window|stride)"):
        span_transformer.Windowing(window, stride)


def test_longer_windows_read_a_document_in_fewer_passes(bare_nlp, tagger):
    loaded, recording = tagger
    doc = hand_doc(bare_nlp.vocab, (PLAIN + REPORT) * 4)
    loaded.scored_spans_of([doc], span_transformer.Windowing(window=32, stride=24))
    short = sum(len(rows) for rows, _ in recording.calls)
    recording.calls.clear()
    loaded.scored_spans_of([doc], span_transformer.Windowing(window=96, stride=80))
    assert sum(len(rows) for rows, _ in recording.calls) < short
