"""eventledger eval incidents: scoring against a hand annotation, on invented documents."""

from __future__ import annotations

import json

from click.testing import CliRunner

from eventledger.cli import cli
from eventledger.eval.incidents import by_place, score_document

TEXT = ("A bomb hit a bus in Riverton, killing 12 people. Police said 15 died. "
        "Since 2019, 400 people have been killed in the region.")


def _at(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def _gold() -> dict:
    figures = []
    for number, (words, incident, cumulative) in enumerate(
            [("12", "I1", False), ("15", "I1", False), ("400", "I9", True)], start=1):
        start, end = _at(words)
        item = {"id": f"G{number}", "start": start, "end": end, "category": "killed",
                "incident": incident, "source": "outlet"}
        if cumulative:
            item["cumulative"] = True
        figures.append(item)
    return {"incidents": [{"id": "I1"}, {"id": "I9"}], "figures": figures,
            "disagreements": [{"incident": "I1", "category": "killed",
                               "figures": ["G1", "G2"]}]}


def _output(incidents: list, cumulative: bool, disagreements: list) -> dict:
    figures = []
    for number, (words, incident) in enumerate(zip(("12", "15", "400"), incidents,
                                                   strict=True), start=1):
        start, end = _at(words)
        figures.append({"id": f"F{number}", "category": "killed", "incident": incident,
                        "count": {"text": words, "start": start, "end": end,
                                  "low": int(words), "high": int(words), "exact": True},
                        "who": None, "unit": "people", "location": None, "event": None,
                        "attribution": None})
    if cumulative:
        figures[2]["cumulative"] = True
    return {"figures": figures, "incidents": [{"id": i} for i in set(incidents) if i],
            "disagreements": disagreements}


def test_right_grouping_scores_every_figure():
    scores = score_document(_gold(), _output(
        ["I1", "I1", None], True, [{"id": "D1", "figures": ["F1", "F2"]}]))
    assert (scores["found"], scores["right"], scores["wrong"]) == (3, 3, [])
    assert (scores["pairs"], scores["pairs_right"]) == (1, 1)
    assert (scores["disagreements_found"], scores["disagreements_false"]) == (1, 0)


def test_a_toll_merged_into_the_incident_and_a_split_incident_are_wrong():
    scores = score_document(_gold(), _output(
        ["I1", "I2", "I1"], False, [{"id": "D1", "figures": ["F1", "F3"]}]))
    assert scores["right"] == 1
    assert sorted(scores["wrong"]) == ["G2", "G3"]
    assert (scores["pairs"], scores["pairs_right"]) == (1, 0)
    assert (scores["disagreements_found"], scores["disagreements_false"]) == (0, 1)


def test_the_command_reports_accuracy_and_disagreements(tmp_path):
    sentence_tokens = []
    for word in TEXT.split(" "):
        start = TEXT.index(word, sentence_tokens[-1][2] if sentence_tokens else 0)
        sentence_tokens.append([word, start, start + len(word)])
    (tmp_path / "dev.jsonl").write_text(json.dumps(
        {"doc_id": "invented", "sentences": [[sentence_tokens, TEXT]]}) + "\n")
    (tmp_path / "gold.json").write_text(json.dumps({"documents": {"invented": _gold()}}))
    result = CliRunner().invoke(cli, ["eval", "incidents", str(tmp_path / "gold.json"),
                                       str(tmp_path / "dev.jsonl")])
    assert result.exit_code == 0, result.output
    assert "per-figure incident accuracy" in result.output
    assert "disagreements found" in result.output
    missing = CliRunner().invoke(cli, ["eval", "incidents", str(tmp_path / "dev.jsonl"),
                                        str(tmp_path / "dev.jsonl")])
    assert missing.exit_code != 0
    assert "cannot read the incident annotation" in missing.output


def test_the_grouping_by_place_to_compare_with():
    record = _output([None, None, None], False, [])
    record["places"] = [{"id": "P1", "name": "Riverton", "geonameid": None},
                        {"id": "P2", "name": "Riverton", "geonameid": None}]
    for figure, place in zip(record["figures"], ("P1", "P2", "P1"), strict=True):
        figure["location"] = {"place": place}
    record["attributions"] = [{"id": "A1", "negated": False, "source": {"text": "the army"},
                               "cites": []}]
    record["figures"][1]["attribution"] = "A1"
    grouped = by_place(record)
    # one place named twice is one "incident", and the cumulative toll joins it
    assert {f["incident"] for f in grouped["figures"]} == {"place:riverton"}
    # and so the outlet's and the army's counts are one disagreement
    assert [d["figures"] for d in grouped["disagreements"]] == [["F1", "F2", "F3"]]
    scores = score_document(_gold(), grouped)
    assert scores["wrong"] == ["G3"]
