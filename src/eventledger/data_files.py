"""Packaged data files and the user files laid on top of them.

Lexicons and tables live as JSON under ``src/eventledger/data/``; every component that
reads one also takes a user's file of the same shape. Both are read here, so that a
missing or malformed user file gives the same one-line error everywhere.

The word lists that the extractors' and the story clustering's modules read as constants
(``place_words.json``, ``grammar_words.json``, ``figure_words.json``, ``story_words.json``)
are read once per process, with the lists of the user's word file (setting
``extra_words_path``) added: ``{"place_words": {"site_heads": ["quay"]}}``.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError

# The files of word lists that a user's word file extends (see word_lists).
WORD_FILES = ("place_words", "grammar_words", "figure_words", "story_words")


def packaged_json(name: str) -> Any:
    """A fresh parse of ``data/<name>`` (callers may change what they get)."""
    return json.loads(resources.files("eventledger").joinpath("data", name).read_text("utf-8"))


def user_json(path: str | Path, what: str) -> Any:
    """The user's JSON file ``path``; ``what`` names it in the error ("cues", "actors")."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read {what} file {path}: {exc}") from exc


@cache
def word_sequences(name: str) -> dict[str, tuple[str, ...]]:
    """Each list of ``data/<name>.json`` (its ``_about`` says what each is) in its order, with
    the words the user's word file (setting ``extra_words_path``) gives under ``name`` added
    after it."""
    from .config import load_settings

    lists = {key: list(words) for key, words in packaged_json(f"{name}.json").items()
             if not key.startswith("_")}
    path = load_settings().extra_words_path
    extra = user_json(path, "words") if path else {}
    if not isinstance(extra, dict) or not isinstance(extra.get(name, {}), dict):
        raise ConfigError(f"words file {path}: expected {{\"{name}\": {{list: [words]}}}}")
    for other in extra:
        if other not in WORD_FILES:
            raise ConfigError(f"words file {path}: no packaged word lists {other!r}")
    for key, words in extra.get(name, {}).items():
        if key not in lists or not isinstance(words, list):
            raise ConfigError(f"words file {path}: {name} has no word list {key!r}")
        lists[key] += [str(word).lower() for word in words if str(word).lower() not in lists[key]]
    return {key: tuple(words) for key, words in lists.items()}


@cache
def word_lists(name: str) -> dict[str, frozenset[str]]:
    """:func:`word_sequences` as sets, for the lists whose order means nothing."""
    return {key: frozenset(words) for key, words in word_sequences(name).items()}
