"""What the stages of event building read: the trigger lexicon and the indexes and word
lists made from it, built once per component and never changed."""

from __future__ import annotations

from dataclasses import dataclass

from ...data_files import word_lists
from .lexicon import WORD_LISTS, PhraseIndex, demonym_countries


@dataclass(frozen=True)
class Context:
    """The trigger lexicon (``data/event_triggers.json`` with the user's file on top) and
    what the stages look up in it."""

    lexicon: dict
    triggers: PhraseIndex
    weapons: PhraseIndex
    light_verbs: PhraseIndex
    light_heads: set[str]
    priority: dict[str, int]
    hyp_governors: set[str]
    modals: set[str]
    neg_governors: set[str]
    abstract: set[str]
    person_words: set[str]
    event_modified: set[str]
    non_actors: set[str]
    demonyms: dict[str, str]
    # The word lists of trigger senses, arguments and modality.
    words: dict[str, set[str]]

    @classmethod
    def of(cls, lexicon: dict) -> Context:
        return cls(
            lexicon=lexicon,
            triggers=PhraseIndex(lexicon["triggers"]),
            weapons=PhraseIndex(lexicon["weapons"]),
            light_verbs=PhraseIndex({v: True for v in lexicon["light_verbs"]}),
            light_heads={v.split()[0] for v in lexicon["light_verbs"]},
            priority={m: k for k, m in enumerate(lexicon["weapon_priority"])},
            hyp_governors=set(lexicon["hypothetical_governors"]),
            modals=set(lexicon["hypothetical_modals"]),
            neg_governors=set(lexicon["negating_governors"]),
            abstract=set(lexicon["abstract_objects"]),
            person_words=set(lexicon["person_words"]),
            event_modified=set(lexicon.get("event_modified_nouns", ())),
            non_actors=set(lexicon.get("non_actor_nouns", ())),
            demonyms=demonym_countries(),
            words=_word_lists(lexicon),
        )


def _word_lists(lexicon: dict) -> dict[str, set[str]]:
    """The lexicon's word lists; ``harm_causes`` with the illnesses the figures extractor
    knows (``figure_words.json``), kept in one place."""
    words = {key: set(lexicon[key]) for key in WORD_LISTS}
    words["harm_causes"] |= set(word_lists("figure_words")["illness_words"])
    return words
