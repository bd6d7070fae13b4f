"""The word lists of place finding and event location, ``data/place_words.json``
(``_about`` there says what each list is), read once."""

from __future__ import annotations

from ..data_files import word_lists


def place_words() -> dict[str, frozenset[str]]:
    """Each list of ``data/place_words.json`` by its name, with the user's words added."""
    return word_lists("place_words")
