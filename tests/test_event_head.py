"""The event head on the attribution tagger's forward pass, and the events component
combining it with its rules. Sentences and country names are invented."""

from __future__ import annotations

import numpy
import pytest
from rule_docs import head_scores, rule_doc

from eventledger.config import load_settings
from eventledger.errors import ConfigError
from eventledger.extract import event_head
from eventledger.extract.events import EventsExtractor
from eventledger.pipeline import build_pipeline, load_model

SPANS = "eventledger_attribution_spans"
EVENTS = "eventledger_events"


@pytest.fixture(scope="module")
def rules_only():
    """The pipeline with the event head off: no second head, rules only."""
    return build_pipeline(load_model(load_settings().model),
                          {SPANS: {"event_head": False}, EVENTS: {"trigger_model": False}})


def events_of(nlp, text: str) -> list[tuple[str, str]]:
    return [(e["type"], e["trigger"]["text"]) for e in nlp(text)._.el_events
            if not e["negated"] and not e["hypothetical"]]


def count_encoder_passes(nlp) -> list[int]:
    """Count the calls of the tagger's encoder (the 12-layer pass) from now on."""
    encoder = nlp.get_pipe(SPANS).tagger.model.encoder
    calls = [0]
    original = encoder.forward

    def counted(*args, **kwargs):
        calls[0] += 1
        return original(*args, **kwargs)

    encoder.forward = counted
    return calls


def test_one_encoder_pass_feeds_both_heads(nlp):
    text = "Velorian troops shelled the border town of Mirel, the ministry said on Monday."
    calls = count_encoder_passes(nlp)
    try:
        doc = nlp(text)
    finally:
        del nlp.get_pipe(SPANS).tagger.model.encoder.forward
    # one window, one pass, read by the attribution tagger and by the event head
    assert calls[0] == 1
    assert len(doc.spans["attribution_spans"]) > 0
    scores = doc._.el_trigger_scores
    assert scores["rows"].shape == (len(doc), len(scores["labels"]))
    assert numpy.allclose(scores["rows"].sum(axis=1)[[t.i for t in doc if not t.is_space]],
                          1.0, atol=1e-3)


def test_head_rows_cover_every_window_of_a_long_document(nlp):
    tagger = nlp.get_pipe(SPANS).tagger
    head = event_head.load(str(event_head.packaged_head_path()))
    docs = [nlp.make_doc(" ".join(f"Troops of district {i} shelled the port of Mirel."
                                  for i in range(40))),
            nlp.make_doc("Police arrested ten men.")]
    found = tagger.scored_spans_and_heads_of(docs, {"events": head})
    for doc, (_spans, rows) in zip(docs, found, strict=True):
        assert rows["events"].shape == (len(doc), len(head.labels))
        words = [t.i for t in doc if not t.is_space]
        assert numpy.allclose(rows["events"][words].sum(axis=1), 1.0, atol=1e-3)


def test_the_head_reads_the_rows_the_tagger_computes(nlp):
    """The head's rows are the head applied to the hidden states of the same pass, in the
    precision the tagger computes in."""
    import torch

    doc = nlp.make_doc("Castavian police arrested forty protesters in the capital on Sunday.")
    tagger = nlp.get_pipe(SPANS).tagger
    head = event_head.load(str(event_head.packaged_head_path()))
    ((_spans, rows),) = tagger.scored_spans_and_heads_of([doc], {"events": head})
    pieces = [tagger.tokenizer.cls_token_id]
    from eventledger.extract.span_transformer import padded, pieces_of

    p = pieces_of(doc, tagger.tokenizer)
    ids, mask = padded([[*pieces, *p.ids, tagger.tokenizer.sep_token_id]])
    with torch.inference_mode():
        states = tagger.encoder_states(ids, mask, every_layer=True)
    direct = head(states)[0, 1:-1].numpy()
    arrested = next(t.i for t in doc if t.text == "arrested")
    piece = int(numpy.flatnonzero((p.token == arrested) & p.first)[0])
    assert numpy.allclose(rows["events"][arrested], direct[piece], atol=1e-4)


def test_head_off_leaves_rules_only(rules_only):
    doc = rules_only("Velorian troops shelled the border town of Mirel on Monday.")
    assert doc._.el_trigger_scores is None
    assert ("ASSAULT", "shelled") in events_of(rules_only, doc.text)


def test_a_head_for_another_encoder_is_refused(tmp_path):
    import torch

    layer = torch.nn.Linear(384, 3)
    event_head.save(layer, tmp_path, types=["ASSAULT"], encoder="all-MiniLM-L6-v2",
                    thresholds={"veto": 0.1, "add": 0.9}, meta={})
    with pytest.raises(ConfigError, match="the event head reads all-MiniLM-L6-v2"):
        build_pipeline(load_model(load_settings().model),
                       {SPANS: {"event_head_path": str(tmp_path)}})


def test_an_mlp_head_is_saved_and_read_back(tmp_path):
    """A head with a hidden layer is rebuilt as it was trained, on the layer it reads."""
    import torch

    torch.manual_seed(0)
    module = event_head.build(768, 5, hidden=16)
    module.eval()
    event_head.save(module, tmp_path, types=["ASSAULT", "PROTEST"], encoder="all-mpnet-base-v2",
                    thresholds={"veto": 0.1, "add": 0.9}, meta={}, reads=6)
    head = event_head.EventHead(tmp_path)
    assert head.config["hidden"] == 16 and head.layer == 6
    states = [torch.randn(1, 4, 768) for _ in range(13)]
    with torch.inference_mode():
        expected = torch.softmax(module(states[6]), dim=-1)
    assert torch.allclose(head(states), expected, atol=1e-6)
    assert not torch.allclose(head(states), torch.softmax(module(states[7]), dim=-1))


def test_unreadable_head_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="event head not readable"):
        event_head.EventHead(tmp_path)


TYPES = ["ASSAULT", "COERCE", "COOPERATE"]


def test_the_head_vetoes_adds_and_the_rules_keep_modes(bare_nlp, events):
    text = ("Velorian jets fired missiles at Mirel. The council attacked the new budget. "
            "Castavia restored full diplomatic ties with Velor. "
            "Castavia will restore its ties with Dorn.")
    doc = head_scores(rule_doc(bare_nlp, text), {
        "fired": {"ASSAULT": 0.05},       # a weapon in the clause: the rules are sure
        "attacked": {"ASSAULT": 0.05},    # the head is sure it is no assault: vetoed
        "restored": {"COOPERATE": 0.9},   # no rule trigger: the head adds it
        "restore": {"COOPERATE": 0.9},
    }, TYPES)
    events(doc)
    found = {e["trigger"]["text"]: e for e in doc._.el_events}
    assert "attacked" not in found
    assert found["fired"]["type"] == "ASSAULT" and found["fired"]["mode"]
    restored = found["restored"]
    assert restored["type"] == "COOPERATE" and not restored["hypothetical"]
    # the rules still read its arguments, and modality: future cooperation is an intention
    # told (PLOVER's AGREE)
    assert restored["actor"]["text"] == "Castavia"
    assert restored["recipient"] is not None
    assert found["restore"]["hypothetical"] is False
    assert found["restore"]["type"] == "AGREE"


def test_the_head_adds_nothing_the_rules_are_sure_is_no_event(bare_nlp, events):
    """A word the head is sure of is still no trigger where the rules know better: a noun
    qualifying another, a weapon named as a thing, an accident, an object its lexicon entry
    rules out, a charge, a participle telling who people are; a word with none of these is
    added."""
    text = ("Velorian officers studied drone warfare. Rebels brought down a drone near Mirel. "
            "Two accidental explosions shook the depot. Doctors attacked the virus. "
            "Hundreds of Velorian dissidents are in jail. "
            "Two men were convicted of murder in Mirel. "
            "The attacking forces withdrew at dusk. "
            "Rebels overran the garrison at Mirel.")
    sure = {"ASSAULT": 0.9}
    doc = head_scores(rule_doc(bare_nlp, text), {"drone": sure, "explosions": sure,
                                            "attacked": sure, "overran": sure,
                                            "murder": sure, "attacking": sure,
                                            "jail": {"COERCE": 0.9}}, TYPES)
    events(doc)
    # the verdict and the withdrawal are the rules' own events
    assert [e["trigger"]["text"] for e in doc._.el_events] == [
        "convicted", "withdrew", "overran"]


def test_thresholds_are_settings_and_rules_only_ignores_the_head(bare_nlp, events):
    text = "A crowd attacked the old mill."
    ignoring = EventsExtractor(bare_nlp, "rules", trigger_model=False)
    doc = head_scores(rule_doc(bare_nlp, text), {"attacked": {"ASSAULT": 0.05}}, TYPES)
    ignoring(doc)
    assert [e["trigger"]["text"] for e in doc._.el_events] == ["attacked"]
    lenient = EventsExtractor(bare_nlp, "lenient", trigger_veto=0.01)
    lenient(doc)
    assert [e["trigger"]["text"] for e in doc._.el_events] == ["attacked"]
    events(doc)  # the head's own thresholds
    assert doc._.el_events == []


def test_a_type_may_have_its_own_veto(bare_nlp, events):
    """The head's training may choose a veto per type: a trigger of that type is held to
    it, the others to the general veto (none: not vetoed); a veto set on the component
    holds for all."""
    text = "A crowd attacked the old mill. Police arrested ten men in Mirel."

    def found(events, arrested: float, general: float | None = 0.2) -> list[str]:
        doc = head_scores(rule_doc(bare_nlp, text), {"attacked": {"ASSAULT": 0.3},
                                                "arrested": {"COERCE": arrested}}, TYPES)
        doc._.el_trigger_scores["thresholds"].update(veto=general,
                                                     veto_by_type={"ASSAULT": 0.4})
        events(doc)
        return [e["trigger"]["text"] for e in doc._.el_events]

    # ASSAULT's own veto (0.4) drops "attacked"; COERCE is held to the general 0.2
    assert found(events, 0.3) == ["arrested"]
    assert found(events, 0.01) == []
    # without a general veto, only the types with their own are vetoed
    assert found(events, 0.01, None) == ["arrested"]
    assert found(EventsExtractor(bare_nlp, "set", trigger_veto=0.1), 0.3) == [
        "attacked", "arrested"]


def test_the_shipped_head_finds_what_the_rules_miss(nlp, rules_only):
    """"restore ties" is in no trigger list: the head, trained on coded sentences, tags it;
    the rules alone find nothing, and both keep the shelling."""
    text = "Velor is about to restore full diplomatic ties with Castavia."
    assert events_of(rules_only, text) == []
    assert events_of(nlp, text) == [("COOPERATE", "restore")]
    shelling = "Velorian troops shelled the border town of Mirel on Monday."
    assert events_of(nlp, shelling) == events_of(rules_only, shelling) == [
        ("ASSAULT", "shelled")
    ]
