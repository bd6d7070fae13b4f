"""The cue lexicon (``data/cues.json`` with the user's file on top) and the word lists the
attribution frames read."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ...data_files import packaged_json, user_json
from ..locate import PLACE_NOUNS, TERRITORY_NOUNS

# With the possessives: "His statement said" is his.
PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
ORG_PRONOUNS = {"it", "its"}
PLURAL_PRONOUNS = {"they", "them", "their"}
# Places a stance verb can act on ("defending the town"): then it is no report. Common nouns
# only, as a named place is often its government ("criticized Washington"); none that
# politics uses for views ("his positions", "the party line", "his base").
PLACE_OBJECTS = (PLACE_NOUNS | TERRITORY_NOUNS | {
    "building", "compound", "checkpoint", "bridge", "airport", "road", "hill", "frontline",
    "trench", "hospital", "school", "embassy", "headquarters",
}) - {"part", "parts", "side", "state", "country", "republic", "kingdom", "community",
      "heart", "land", "soil", "south", "north", "east", "west", "position", "base"}

# What a party denies besides a claim ("denied any role in the attack").
DENIED_NOUNS = {"role", "involvement", "responsibility", "charge", "rumour", "rumor",
                "knowledge", "wrongdoing", "link", "presence", "participation"}
# What outlets do with a story, not people with their words: "X reported, according to
# sources" names X's sources.
OUTLET_VERBS = {"report", "publish", "broadcast"}
# Nouns of the writer's gloss on what was said, set off at the end of a content: "...
# a cell of gunmen, a term the army uses for killing".
GLOSS_NOUNS = {
    "term", "word", "phrase", "euphemism", "label", "claim", "charge", "accusation",
    "allegation", "assertion", "account", "version", "description", "figure", "number",
}


@dataclass
class CueLexicon:
    """Reporting verbs with their frames, noun cues, and the phrase lists."""

    verbs: dict[str, dict]
    nouns: set[str]
    according_to: list[str]
    survey_nouns: set[str]
    channel_nouns: set[str]
    channel_prepositions: set[str]
    cite_verbs: set[str]
    person_nouns: set[str]
    anonymity_contents: list[str]

    @classmethod
    def load(cls, extra_path: str | Path | None = None) -> CueLexicon:
        data = packaged_json("cues.json")
        if extra_path:
            extra = user_json(extra_path, "cues")
            data["verbs"].update(extra.get("verbs", {}))
            data["nouns"].update(extra.get("nouns", {}))
            for key in (
                "according_to", "survey_nouns", "channel_nouns", "channel_prepositions",
                "cite_verbs", "person_nouns", "anonymity_contents",
            ):
                data[key] = list(data[key]) + list(extra.get(key, []))
        return cls(
            verbs={lemma.lower(): entry for lemma, entry in data["verbs"].items()},
            nouns={n.lower() for n in data["nouns"]},
            according_to=[p.lower() for p in data["according_to"]],
            survey_nouns={n.lower() for n in data["survey_nouns"]},
            channel_nouns={n.lower() for n in data["channel_nouns"]},
            channel_prepositions={p.lower() for p in data["channel_prepositions"]},
            cite_verbs={v.lower() for v in data["cite_verbs"]},
            person_nouns={n.lower() for n in data["person_nouns"]},
            anonymity_contents=[p.lower() for p in data["anonymity_contents"]],
        )

