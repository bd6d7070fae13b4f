"""The cue lexicon: ``data/cues.json``, with the user's file (``extra_cues_path``) on top."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ...data_files import packaged_json, user_json

# The lists of the lexicon that a user's file extends, and whether each is read as a set of
# words (else as a list of phrases, in order).
WORD_LISTS = {
    "according_to": False,
    "survey_nouns": True,
    "channel_nouns": True,
    "channel_prepositions": True,
    "cite_verbs": True,
    "person_nouns": True,
    "anonymity_contents": False,
    "place_objects": True,
    "denied_nouns": True,
    "outlet_verbs": True,
    "gloss_nouns": True,
    "speaking_verbs": True,
    "giving_verbs": True,
    "withheld_objects": True,
    "carrying_participles": True,
    "addressing_verbs": True,
    "briefing_verbs": True,
    "coordinators": True,
}


@dataclass
class CueLexicon:
    """Reporting verbs with their frames, noun cues, and the word and phrase lists
    (``_about`` in ``data/cues.json`` says what each is)."""

    verbs: dict[str, dict]
    nouns: set[str]
    according_to: list[str]
    survey_nouns: set[str]
    channel_nouns: set[str]
    channel_prepositions: set[str]
    cite_verbs: set[str]
    person_nouns: set[str]
    anonymity_contents: list[str]
    place_objects: set[str]
    denied_nouns: set[str]
    outlet_verbs: set[str]
    gloss_nouns: set[str]
    speaking_verbs: set[str]
    giving_verbs: set[str]
    withheld_objects: set[str]
    carrying_participles: set[str]
    addressing_verbs: set[str]
    briefing_verbs: set[str]
    coordinators: set[str]

    @classmethod
    def load(cls, extra_path: str | Path | None = None) -> CueLexicon:
        data = packaged_json("cues.json")
        if extra_path:
            extra = user_json(extra_path, "cues")
            data["verbs"].update(extra.get("verbs", {}))
            data["nouns"].update(extra.get("nouns", {}))
            for key in WORD_LISTS:
                data[key] = list(data[key]) + list(extra.get(key, []))
        lists = {
            key: {w.lower() for w in data[key]} if as_set else [p.lower() for p in data[key]]
            for key, as_set in WORD_LISTS.items()
        }
        return cls(
            verbs={lemma.lower(): entry for lemma, entry in data["verbs"].items()},
            nouns={n.lower() for n in data["nouns"]},
            **lists,
        )
