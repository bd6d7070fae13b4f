"""The packaged word lists (data/place_words.json, grammar_words.json, figure_words.json,
story_words.json) with the user's word file (setting extra_words_path) on top. The lists are read once per process, so each
case runs eventledger in a process of its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from eventledger.data_files import WORD_FILES, packaged_json, word_lists, word_sequences

# "Jordan" after a title is a person; before the user names "admiral" a title, a country.
ARTICLE = ("Talks resumed on Monday. Admiral Jordan told reporters the ships would leave "
           "port. The talks will go on next week, Jordan said.\n")


def _extract(tmp_path: Path, words: object | None) -> subprocess.CompletedProcess:
    article = tmp_path / "talks.txt"
    article.write_text(ARTICLE)
    config = tmp_path / "eventledger.toml"
    config.write_text("")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src"),
           "EVENTLEDGER_CONFIG": str(config), "OMP_NUM_THREADS": "1"}
    env.pop("EVENTLEDGER_EXTRA_WORDS_PATH", None)
    if words is not None:  # named in the user's config file, as a user would
        path = tmp_path / "words.json"
        path.write_text(words if isinstance(words, str) else json.dumps(words))
        config.write_text(f"extra_words_path = {json.dumps(str(path))}\n")
    command = [sys.executable, "-m", "eventledger.cli", "extract", "--format", "jsonl",
               str(article)]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)


# Lists read in order (their "_about" says so); every other list is kept sorted.
ORDERED = {("grammar_words", "weekdays"), ("story_words", "suffixes")}


def _places(result: subprocess.CompletedProcess) -> list[str]:
    assert result.returncode == 0, result.stderr
    return [(p["text"], p["start"]) for p in json.loads(result.stdout)["places"]]


def test_every_list_is_a_list_of_lower_case_words():
    for name in WORD_FILES:
        data = packaged_json(f"{name}.json")
        assert data["_about"]
        for key, words in data.items():
            if key != "_about":
                assert f"{key}:" in data["_about"], key
                assert all(w == w.lower() for w in words) and len(set(words)) == len(words), key
                if (name, key) in ORDERED:
                    assert "in this order" in data["_about"], key
                else:
                    assert words == sorted(words), key
                assert word_lists(name)[key] == frozenset(words)
                assert word_sequences(name)[key] == tuple(words)


def test_a_users_word_file_extends_a_packaged_list(tmp_path):
    assert _places(_extract(tmp_path, None)) == [("Jordan", 33), ("Jordan", 115)]
    extended = _extract(tmp_path, {"place_words": {"titles_before_names": ["Admiral"]}})
    assert _places(extended) == [("Jordan", 115)]


@pytest.mark.parametrize("words, message", [
    ({"place_words": {"no_such_list": ["x"]}}, "place_words has no word list 'no_such_list'"),
    ({"place_words": ["quay"]}, 'expected {"place_words": {list: [words]}}'),
    ({"plac_words": {"site_heads": ["quay"]}}, "no packaged word lists 'plac_words'"),
    ("{not json", "cannot read words file"),
])
def test_a_bad_word_file_is_one_line_naming_it(tmp_path, words, message):
    result = _extract(tmp_path, words)
    assert result.returncode != 0
    assert message in result.stderr and str(tmp_path / "words.json") in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_users_word_file_extends_a_list_once_written_in_code(tmp_path):
    """The story clustering's stop words (once a set in stories/cluster.py) and its endings,
    read in order, with the user's words after the packaged ones."""
    words = tmp_path / "words.json"
    words.write_text(json.dumps({"story_words": {"stop_words": ["Shelling"],
                                                 "suffixes": ["ment"]}}))
    config = tmp_path / "eventledger.toml"
    config.write_text(f"extra_words_path = {json.dumps(str(words))}\n")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src"),
           "EVENTLEDGER_CONFIG": str(config)}
    env.pop("EVENTLEDGER_EXTRA_WORDS_PATH", None)
    code = ("from eventledger.stories.cluster import words; "
            "print(words('Shelling and shelled deployment reported'))")
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    # Without the file: ['shell', 'shell', 'deployment'].
    assert result.stdout.split("\n")[0] == "['shell', 'deploy']"
