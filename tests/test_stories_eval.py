"""The WikiEvents story evaluation: pairwise scores, and a run on an invented file in the
WikiEvents layout."""

from __future__ import annotations

import json

import pytest

from eventledger.eval.stories import GOLD_PAIRS, evaluate_stories, format_stories_eval, pairwise


def test_pairwise_scores_unordered_pairs():
    scores = pairwise([("b", "a"), ("a", "c")], [("a", "b"), ("c", "d")])
    assert (scores["precision"], scores["recall"], scores["right"]) == (0.5, 0.5, 1)
    assert pairwise([], [("a", "b")])["precision"] == 0.0


def test_gold_pairs_are_distinct_documents():
    flat = [d for pair in GOLD_PAIRS for d in pair]
    assert len(flat) == len(set(flat)) == 10


def _wikievents_line(doc_id: str, sentences: list[str]) -> str:
    rows, offset = [], 0
    for sentence in sentences:
        tokens, cursor = [], offset
        for word in sentence.split(" "):
            tokens.append([word, cursor, cursor + len(word)])
            cursor += len(word) + 1
        rows.append([tokens, sentence])
        offset = cursor
    return json.dumps({"doc_id": doc_id, "sentences": rows, "event_mentions": [],
                       "entity_mentions": []})


@pytest.mark.parametrize("gold", [(("one", "two"),)])
def test_evaluate_on_invented_file(nlp, tmp_path, gold):
    path = tmp_path / "dev.jsonl"
    path.write_text("\n".join([
        _wikievents_line("one", ["Gunmen attacked a bus station in Nakuru on 4 May 2025 , "
                                 "killing five people , police said ."]),
        _wikievents_line("two", ["Seven people were killed when armed men opened fire at the "
                                 "Nakuru bus station on 4 May 2025 , the governor said ."]),
        _wikievents_line("three", ["Traders marched in Mombasa on 9 May 2025 against new "
                                   "market fees ."]),
    ]) + "\n", encoding="utf-8")
    result = evaluate_stories(path, nlp=nlp, gold_pairs=gold)
    assert (result["precision"], result["recall"]) == (1.0, 1.0)
    assert result["multi_document_stories"][0]["documents"] == ["one", "two"]
    assert "pairwise precision 1.000" in format_stories_eval(result)
