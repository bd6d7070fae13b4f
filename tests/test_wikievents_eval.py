"""The WikiEvents scoring on a hand-built gold record and extraction: a figure's place taken
from its incident is scored only when asked for."""

from __future__ import annotations

from eventledger.eval.wikievents import document_text, score_document

MAPPING = {"Life.Die": {"kind": "figure", "category": "killed",
                        "roles": {"Victim": "who", "Place": "location"}}}
SENTENCES = ["Gunmen attacked a market in Bunia .", "Nine traders died ."]


def _gold(with_place: bool) -> dict:
    tokens, base = [], 0
    sentences = []
    for sentence in SENTENCES:
        line = []
        for word in sentence.split():
            start = sentence.index(word, 0 if not line else line[-1][2] - base) + base
            line.append([word, start, start + len(word)])
        sentences.append([line, sentence])
        tokens += line
        base += len(sentence) + 1
    # token indices: "Bunia" is 5, "traders" 8, "died" 9
    arguments = [{"entity_id": "victims", "role": "Victim"}]
    if with_place:
        arguments.append({"entity_id": "town", "role": "Place"})
    return {"doc_id": "d", "sentences": sentences,
            "entity_mentions": [{"id": "town", "start": 5, "end": 6},
                                {"id": "victims", "start": 8, "end": 9}],
            "event_mentions": [{"event_type": "Life.Die", "trigger": {"start": 9, "end": 10},
                                "arguments": arguments}]}


def _extraction(text: str, location: dict | None) -> dict:
    def span(word: str) -> dict:
        start = text.index(word)
        return {"text": word, "start": start, "end": start + len(word)}

    bunia = span("Bunia")
    return {"places": [{"id": "P1", **bunia}], "events": [],
            "figures": [{"id": "F1", "category": "killed", "trigger": span("died"),
                         "count": span("Nine"), "who": span("traders"),
                         "location": location, "event": None}]}


def test_a_place_from_the_incident_is_not_scored_unless_asked():
    text, _offsets = document_text(_gold(False))
    inherited = _extraction(text, {"place": "P1", "from": "incident"})
    # gold gives no Place: the incident's place would only count against precision
    assert score_document(_gold(False), inherited, MAPPING)["argument"] == (1, 1, 1)
    assert score_document(_gold(False), inherited, MAPPING,
                          incident_places=True)["argument"] == (1, 2, 1)
    # where gold gives one, asking for incident places scores it right
    assert score_document(_gold(True), inherited, MAPPING)["argument"] == (1, 1, 2)
    assert score_document(_gold(True), inherited, MAPPING,
                          incident_places=True)["argument"] == (2, 2, 2)


def test_a_place_the_text_gives_the_figure_is_always_scored():
    text, _offsets = document_text(_gold(True))
    own = _extraction(text, {"place": "P1"})
    assert score_document(_gold(True), own, MAPPING)["argument"] == (2, 2, 2)


def test_a_place_from_the_dateline_is_not_scored_unless_asked():
    text, _offsets = document_text(_gold(True))
    filed = _extraction(text, {"place": "P1", "from": "dateline"})
    assert score_document(_gold(False), filed, MAPPING)["argument"] == (1, 1, 1)
    assert score_document(_gold(True), filed, MAPPING,
                          incident_places=True)["argument"] == (2, 2, 2)
    # a figure of an event placed by the dateline does not take that place either
    event = {"id": "E1", "type": "ASSAULT", "trigger": filed["figures"][0]["trigger"],
             "actor": None, "recipient": None, "location": {"place": "P1", "from": "dateline"}}
    filed["events"] = [event]
    filed["figures"][0].update(location=None, event="E1")
    assert score_document(_gold(False), filed, MAPPING)["argument"] == (1, 1, 1)


def _attack_gold() -> dict:
    sentence = "A bomb exploded in Bunia . The blast shook the market ."
    line, start = [], 0
    for word in sentence.split():
        start = sentence.index(word, start)
        line.append([word, start, start + len(word)])
        start += len(word)
    # gold annotates "exploded" (token 2) and leaves the repeat mention "blast" out
    return {"doc_id": "d", "sentences": [[line, sentence]], "entity_mentions": [],
            "event_mentions": [{"event_type": "Conflict.Attack", "arguments": [],
                                "trigger": {"start": 2, "end": 3}}]}


def _attack_extraction(text: str, blast_incident: str | None) -> dict:
    def event(word: str, incident: str | None) -> dict:
        start = text.index(word)
        return {"id": word, "type": "ASSAULT", "incident": incident,
                "trigger": {"text": word, "start": start, "end": start + len(word)}}

    return {"places": [], "figures": [],
            "events": [event("exploded", "I1"), event("blast", blast_incident)]}


def test_a_repeat_mention_of_a_found_incident_is_set_apart_in_its_own_score():
    mapping = {"Conflict.Attack": {"kind": "event", "plover": "ASSAULT", "roles": {}}}
    gold = _attack_gold()
    text, _offsets = document_text(gold)
    linked = score_document(gold, _attack_extraction(text, "I1"), mapping)
    # the main score counts every output event; the second leaves the repeat out
    assert linked["trigger"] == (1, 2, 1)
    assert linked["trigger_repeats_apart"] == (1, 1, 1)
    # an event of another incident is no repeat: it counts against both
    apart = score_document(gold, _attack_extraction(text, "I2"), mapping)
    assert apart["trigger_repeats_apart"] == (1, 2, 1)
