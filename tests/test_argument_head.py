"""The argument head on the attribution tagger's forward pass, its pair features, and the
events component keeping, changing or dropping the rules' place with it. Sentences and
place names are invented, but for the shipped head's test."""

from __future__ import annotations

import numpy
import pytest
from rule_docs import rule_doc

from eventledger.errors import ConfigError
from eventledger.extract import argument_head
from eventledger.extract.events.argument_features import (
    ROLES,
    feature_names,
    pair_features,
    party_candidates,
)
from eventledger.extract.events.lexicon import load_lexicon

SPANS = "eventledger_attribution_spans"
TYPES = sorted({e["type"] for e in load_lexicon(None)["triggers"].values()})
PROJECTION = 4


def places_in(text: str, *names: str) -> list[dict]:
    return [{"id": f"P{n}", "text": name, "start": text.index(name),
             "end": text.index(name) + len(name), "name": name, "kind": "city"}
            for n, name in enumerate(names, start=1)]


def written_head(folder, *, location: float, prefer: str | None = None,
                 keep: float = 0.5, add: float = 0.5, parties: float = 0.0,
                 vetoes: float = 0.0) -> str:
    """A head whose location logit is ``location`` for every pair, or, with ``prefer`` (a
    feature name), high for the pairs with that feature and low for the others; its actor
    and recipient logits are ``parties``, and both vetoes ``vetoes``."""
    import torch

    names = feature_names(TYPES)
    modules = argument_head.build(8, PROJECTION, len(names), 4, len(ROLES))
    with torch.no_grad():
        for parameter in modules.parameters():
            parameter.zero_()
        scorer = modules["scorer"]
        loc = ROLES.index("location")
        scorer[3].bias[loc] = location
        scorer[3].bias[ROLES.index("actor")] = parties
        scorer[3].bias[ROLES.index("recipient")] = parties
        if prefer is not None:
            scorer[0].weight[0, 3 * PROJECTION + names.index(prefer)] = 1.0
            scorer[3].weight[loc, 0] = 20.0
    argument_head.save(modules, folder, roles=list(ROLES), types=TYPES, features=names,
                       encoder="all-mpnet-base-v2", layer=6,
                       thresholds={"location_keep": keep, "location_add": add,
                                   "actor_veto": vetoes, "recipient_veto": vetoes}, meta={})
    argument_head.load.cache_clear()
    return str(folder)


def location_of(nlp, events, text: str, names: tuple[str, ...], trigger: str,
                head: str | None) -> str | None:
    doc = rule_doc(nlp, text, places=places_in(text, *names))
    if head is not None:
        doc._.el_argument_states = {"rows": numpy.zeros((len(doc), PROJECTION), "float32"),
                                    "path": head}
    events(doc)
    event = next(e for e in doc._.el_events if e["trigger"]["text"] == trigger)
    places = {p["id"]: p["text"] for p in doc._.el_places}
    return places[event["location"]["place"]] if event["location"] else None


SHELLED = "Troops shelled Tarsk from Kessa on Monday."


def test_without_the_heads_states_the_rules_place_stays(bare_nlp, events):
    assert location_of(bare_nlp, events, SHELLED, ("Tarsk", "Kessa"), "shelled",
                       None) == "Tarsk"


def test_a_place_the_head_is_sure_of_stays(bare_nlp, events, tmp_path):
    head = written_head(tmp_path, location=10.0)
    assert location_of(bare_nlp, events, SHELLED, ("Tarsk", "Kessa"), "shelled",
                       head) == "Tarsk"


def test_a_place_the_head_rules_out_stays_without_a_better_one(bare_nlp, events, tmp_path):
    head = written_head(tmp_path, location=-10.0)
    assert location_of(bare_nlp, events, SHELLED, ("Tarsk", "Kessa"), "shelled",
                       head) == "Tarsk"


def test_the_heads_best_place_takes_the_place_of_one_it_rules_out(bare_nlp, events,
                                                                  tmp_path):
    head = written_head(tmp_path, location=-10.0, prefer="prep:from")
    assert location_of(bare_nlp, events, SHELLED, ("Tarsk", "Kessa"), "shelled",
                       head) == "Kessa"


def test_the_head_adds_a_place_the_rules_did_not_give(bare_nlp, events, tmp_path):
    text = "A Kessa official said troops shelled the hills."
    assert location_of(bare_nlp, events, text, ("Kessa",), "shelled", None) is None
    head = written_head(tmp_path, location=10.0)
    assert location_of(bare_nlp, events, text, ("Kessa",), "shelled", head) == "Kessa"


def test_a_head_without_location_thresholds_leaves_the_rules_place(bare_nlp, events,
                                                                   tmp_path):
    head = written_head(tmp_path, location=-10.0, prefer="prep:from")
    config = tmp_path / argument_head.CONFIG_FILE
    config.write_text(config.read_text().replace('"location_keep"', '"other"'))
    argument_head.load.cache_clear()
    assert location_of(bare_nlp, events, SHELLED, ("Tarsk", "Kessa"), "shelled",
                       head) == "Tarsk"


def parties_of(nlp, events, text: str, trigger: str, head: str) -> tuple:
    doc = rule_doc(nlp, text)
    doc._.el_argument_states = {"rows": numpy.zeros((len(doc), PROJECTION), "float32"),
                                "path": head}
    events(doc)
    event = next(e for e in doc._.el_events if e["trigger"]["text"] == trigger)
    return tuple(event[role] and event[role]["text"] for role in ("actor", "recipient"))


ACCUSED = "Senator Vell accused the minister of lying."


def test_the_head_vetoes_parties_it_rules_out(bare_nlp, events, tmp_path):
    kept = written_head(tmp_path / "kept", location=0.0, parties=10.0, vetoes=0.5)
    assert parties_of(bare_nlp, events, ACCUSED, "accused", kept) == (
        "Senator Vell", "the minister")
    vetoed = written_head(tmp_path / "vetoed", location=0.0, parties=-10.0, vetoes=0.5)
    assert parties_of(bare_nlp, events, ACCUSED, "accused", vetoed) == (None, None)


def test_a_veto_of_0_leaves_the_parties_to_the_rules(bare_nlp, events, tmp_path):
    head = written_head(tmp_path, location=0.0, parties=-10.0, vetoes=0.0)
    assert parties_of(bare_nlp, events, ACCUSED, "accused", head) == (
        "Senator Vell", "the minister")


def test_pair_features_tell_how_the_parse_joins_the_words(bare_nlp):
    doc = bare_nlp("Police arrested ten men in Kessa on Monday.")
    trigger = doc[1]
    names = feature_names(TYPES)

    def on(word: str, is_place: bool = False) -> set[str]:
        token = next(t for t in doc if t.text == word)
        row = pair_features(trigger, token, "COERCE", TYPES, is_place=is_place)
        assert len(row) == len(names)
        return {name for name, value in zip(names, row, strict=True) if value}

    assert {"rel:nsubj", "dist<=-1", "type:COERCE"} <= on("Police")
    assert {"rel:dobj", "path<=1"} <= on("men")
    assert {"rel:prep", "prep:in", "path<=2", "cand:place"} <= on("Kessa", True)
    assert [t.text for t in party_candidates(doc[:], range(1, 2))] == [
        "Police", "men", "Kessa", "Monday"]


def test_an_unreadable_head_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="argument head not readable"):
        argument_head.ArgumentHead(tmp_path)


def test_one_encoder_pass_feeds_the_argument_head(nlp):
    doc = nlp("Velorian troops shelled the border town of Mirel, the ministry said.")
    states = doc._.el_argument_states
    head = argument_head.load(states["path"])
    assert states["rows"].shape == (len(doc), head.modules["projection"].out_features)
    # the rows are the head's projection of the pass's states, not zeros
    assert numpy.abs(states["rows"]).sum() > 0


def test_the_shipped_head_finds_where_an_attack_happened(nlp):
    doc = nlp("Gunmen attacked a police post in Kandahar on Sunday, officials in Kabul said.")
    event = next(e for e in doc._.el_events if e["trigger"]["text"] == "attacked")
    places = {p["id"]: p["text"] for p in doc._.el_places}
    assert places[event["location"]["place"]] == "Kandahar"


def _cuda() -> bool:
    import torch

    return torch.cuda.is_available()


@pytest.mark.skipif(not _cuda(), reason="needs a CUDA device")
def test_the_argument_heads_rows_on_cuda_are_those_on_the_cpu(bare_nlp):
    from eventledger.extract import span_transformer
    from eventledger.extract.attribution_spans import packaged_model_path

    doc = bare_nlp("Troops shelled the port of Mirel on Monday, the ministry said.")
    head = argument_head.load(str(argument_head.packaged_head_path()))
    rows = {}
    for device in ("cpu", "cuda"):
        tagger = span_transformer.load(str(packaged_model_path()), device)
        rows[device] = tagger.scored_spans_and_heads_of([doc], {"arguments": head})[0][1]
    assert numpy.allclose(rows["cuda"]["arguments"], rows["cpu"]["arguments"],
                          rtol=0.05, atol=0.05)  # the GPU may compute in bfloat16


def test_a_site_put_at_the_town_the_head_prefers_stays(bare_nlp, events, tmp_path):
    text = "A car bomb exploded on Kellmar Road in Tampere on Monday."
    head = written_head(tmp_path, location=-10.0, prefer="prep:in")

    def located_at(near: bool) -> str | None:
        places = places_in(text, "Kellmar Road", "Tampere")
        if near:
            places[0]["near"] = {"place": places[1]["id"]}
        doc = rule_doc(bare_nlp, text, places=places)
        doc._.el_argument_states = {"rows": numpy.zeros((len(doc), PROJECTION), "float32"),
                                    "path": head}
        events(doc)
        event = next(e for e in doc._.el_events if e["trigger"]["text"] == "exploded")
        return {p["id"]: p["text"] for p in places}[event["location"]["place"]]

    assert located_at(near=False) == "Tampere"
    assert located_at(near=True) == "Kellmar Road"
