"""The trigger lexicon (``data/event_triggers.json`` with the user's file on top), its phrase
index, and the word lists of trigger senses and arguments."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from ...data_files import packaged_json, user_json, word_lists
from ...errors import ConfigError
from ...geo.resolver import load_demonyms
from ..place_words import place_words

# Dependents left out of an argument's noun phrase: clauses and asides.
# "case": the possessive ending, left off an owner ("the army's helicopters": the army)
NP_SKIP = {"relcl", "acl", "appos", "punct", "advcl", "parataxis", "ccomp", "case"}


TIME_ENTS = {"DATE", "TIME"}


TYPES_OF_RECIPIENT = {"ASSAULT", "COERCE", "THREATEN", "ACCUSE", "REQUEST", "SANCTION",
                       "REJECT", "RETREAT", "CONCEDE"}


# Roles (of the trigger itself) that make a noun a modifier, not an event mention.
MODIFIER_DEPS = {"compound", "amod", "nmod"}


RELATIVE_PRONOUNS = word_lists("grammar_words")["relative_pronouns"]


# Entity types that never stand for the party that acts.
NON_ACTOR_ENTS = {"DATE", "TIME", "FAC", "LOC", "EVENT", "QUANTITY", "MONEY", "PERCENT"}


# "30 minutes' warning", "a day's strike": a possessive of time measures, not an owner
TIME_UNITS = word_lists("grammar_words")["time_units"]
TIMES_OF_DAY = word_lists("grammar_words")["times_of_day"]


# Prepositions of time and circumstance: "Following the strike, the government issued a
# ban" does not make the government the striker.
ADJUNCT_PREPS = word_lists("grammar_words")["adjunct_preps"]


# The prepositions and function words of argument and modality rules
# (data/grammar_words.json says what each is).
_GRAMMAR = word_lists("grammar_words")
NOBODY_ACTORS = _GRAMMAR["nobody_actors"]
CARRIER_PREPS = _GRAMMAR["carrier_preps"]
RECIPIENT_PREPS = _GRAMMAR["recipient_preps"]
TARGET_PREPS = _GRAMMAR["target_preps"]
TARGET_WORDS = _GRAMMAR["target_words"]
HIT_PREPS = _GRAMMAR["hit_preps"]
COURSE_PREPS = _GRAMMAR["course_preps"]
IMPACT_PREPS = _GRAMMAR["impact_preps"]
VENUE_PREPS = _GRAMMAR["venue_preps"]
THIRD_PERSON_POSSESSIVES = _GRAMMAR["third_person_possessives"]
CONDITION_MARKS = _GRAMMAR["condition_marks"]
FUTURE_AUXILIARIES = _GRAMMAR["future_auxiliaries"]
PARTY_PHRASE_PREPS = _GRAMMAR["party_phrase_preps"]
APPEAL_PREPS = _GRAMMAR["appeal_preps"]
PARTITIVE_PRONOUNS = _GRAMMAR["partitive_pronouns"]


# The word lists of trigger senses, arguments and modality in the trigger lexicon (its
# "about" says what each is), which a user's file extends.
WORD_LISTS = (
    "carrier_nouns", "hit_verbs", "legal_words", "generic_adverbs", "intent_verbs",
    "keep_default_modes", "accident_words", "giving_verbs", "party_predicates", "reflexives",
    "receiving_verbs", "plan_nouns", "giver_preps", "custody_preps", "wielding_verbs",
    "vehicle_modes", "party_nouns", "impact_verbs", "harm_verbs", "party_pronouns",
    "harm_causes", "promise_verbs", "harm_complements", "threat_types", "abstract_suffixes",
    "struggle_words", "visited_sites", "future_modals", "protest_preps", "protest_verbs",
    "gathering_preps", "munition_nouns", "person_mounts", "person_acts", "amount_nouns",
    "aim_nouns", "performing_verbs", "holding_verbs", "attack_words", "idea_nouns",
    "idea_suffixes", "vehicle_nouns", "launch_preps",
    "munition_acts", "violent_modifiers", "making_verbs",
    "naming_verbs", "landing_verbs", "speech_types", "manner_nouns",
    "prospective_modifiers", "speaking_verbs", "schedule_words", "occurrence_verbs",
    "cancelling_verbs", "postponing_verbs", "of_complement_verbs", "device_meeting_verbs",
    "accident_sources",
)


@lru_cache(maxsize=1)
def demonym_countries() -> dict[str, str]:
    """Nationality words -> ISO country code (the places extractor's table), plurals too."""
    table = load_demonyms()
    return {**table, **{word + "s": code for word, code in table.items()}}


@lru_cache(maxsize=8)
def load_lexicon(extra_path: str | None = None) -> dict:
    """The packaged trigger lexicon, with the entries of ``extra_path`` laid on top
    (same layout; its dict sections extend and override, its lists extend)."""
    lexicon = packaged_json("event_triggers.json")
    if extra_path:
        extra = user_json(extra_path, "trigger lexicon")
        for key, value in extra.items():
            if isinstance(value, dict) and isinstance(lexicon.get(key), dict):
                merged = dict(lexicon[key])
                for sub, item in value.items():
                    if isinstance(item, dict) and isinstance(merged.get(sub), dict) and (
                        key == "figure_triggers"
                    ):
                        merged[sub] = {**merged[sub], **item}
                    elif isinstance(item, list) and isinstance(merged.get(sub), list):
                        merged[sub] = merged[sub] + item
                    else:
                        merged[sub] = item
                lexicon[key] = merged
            elif isinstance(value, list) and isinstance(lexicon.get(key), list):
                lexicon[key] = lexicon[key] + value
            else:
                lexicon[key] = value
    lexicon["triggers"] = _with_object_tables(lexicon["triggers"],
                                              lexicon.get("object_tables", {}), extra_path)
    return lexicon


def _with_object_tables(triggers: dict, tables: dict, extra_path: str | None) -> dict:
    """The entries whose ``objects`` names a table of ``object_tables`` ("sent": what
    "send" and "dispatch" may take) with that table in its place."""
    resolved = {}
    for key, entry in triggers.items():
        name = entry.get("objects") if isinstance(entry, dict) else None
        if isinstance(name, str):
            if name not in tables:
                where = extra_path or "the packaged trigger lexicon"
                raise ConfigError(f"trigger {key!r} names no object table {name!r} ({where})")
            entry = {**entry, "objects": tables[name]}
        resolved[key] = entry
    return resolved


class PhraseIndex:
    """Lemma phrases (space-separated, lower case) looked up token by token."""

    def __init__(self, entries: dict):
        self.first: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        for key, value in entries.items():
            words = tuple(key.lower().split())
            if words:
                self.first.setdefault(words[0], []).append((words, value))
        for items in self.first.values():
            items.sort(key=lambda item: len(item[0]), reverse=True)
        # the first words of phrases of more than one word ("open" of "open fire")
        self.phrase_starts = frozenset(w for w, items in self.first.items()
                                       if len(items[0][0]) > 1)

    @staticmethod
    def _forms(token: Token) -> tuple[str, ...]:
        lower = token.lower_
        # a capitalised plural ("Rockets were fired") may be left unlemmatised
        if lower.endswith("s") and len(lower) > 3 and token.lemma_.lower() == lower:
            return token.lemma_.lower(), lower, lower[:-1]
        return token.lemma_.lower(), lower

    def match_at(self, doc: Doc, i: int, end: int, accept=None):
        """``(length, value)`` of the longest phrase starting at token ``i``, or None; a
        one-word match only where ``accept(value, token)``, when given, says so (the
        noun "talks" is not the verb "talk")."""
        for form in dict.fromkeys(self._forms(doc[i])):
            for words, value in self.first.get(form, ()):
                if i + len(words) > end:
                    continue
                if len(words) == 1 and accept is not None and not accept(value, doc[i]):
                    continue
                if all(w in self._forms(doc[i + k]) for k, w in enumerate(words)):
                    return len(words), value
        return None

    def find(self, doc: Doc, start: int, end: int,
             accept=None) -> list[tuple[int, int, object]]:
        """Non-overlapping ``(start, end, value)`` matches in tokens ``[start, end)``."""
        found = []
        i = start
        while i < end:
            hit = self.match_at(doc, i, end, accept)
            if hit:
                found.append((i, i + hit[0], hit[1]))
                i += hit[0]
            else:
                i += 1
        return found


# A trigger's actor that is one of these is where it happened (data/place_words.json).
SITE_NOUNS = place_words()["event_site_nouns"]
