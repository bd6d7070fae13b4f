"""The word lists of place finding and event location, ``data/place_words.json``
(``_about`` there says what each list is), read once."""

from __future__ import annotations

from functools import lru_cache

from ..data_files import packaged_json


@lru_cache(maxsize=1)
def place_words() -> dict[str, frozenset[str]]:
    """Each list of ``data/place_words.json`` by its name."""
    data = packaged_json("place_words.json")
    return {key: frozenset(words) for key, words in data.items() if not key.startswith("_")}
