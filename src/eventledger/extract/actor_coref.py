"""Actor coreference beyond names: nouns that stand for an actor named elsewhere.

Three document-level rules, each driven by tables in ``data/actors.json``:

- **State nouns.** A definite "the regime", "the government", "the army", "the forces",
  "the authorities" (``state_nouns``) resolves to the state the same document qualifies the
  same noun with elsewhere ("the Israeli regime", "Israel's army", "the government of
  Syria"): demonym or country name -> ISO country. "The regime's forces" / "Israel's troops"
  take the military sector of that state. The actor becomes the dictionary's
  "<Country> (<sector>)" entry where there is one. When the document qualifies the noun
  with two different states, the noun stays unresolved.
- **Member nouns.** A group noun ("fighters", "resistance fighters", "militants",
  "our forces", ``member_nouns``) with no qualifier of its own, inside the content of an
  attribution whose source is, or is affiliated with, an armed group or a military, is that
  organisation ("the Qassam Brigades said that resistance fighters fired ..." -> Hamas, the
  Brigades' affiliation). This runs after attributions (:func:`attach_member_nouns`).
- **Definite descriptions.** A bare "the official" or "the witness" is the one earlier
  description in the document with the same head word and number ("a hospital official");
  with two such descriptions ("a hospital official", "a police official") it stays apart.
- **Gender.** A person's gender from the dictionary, a title or role word ("Ms", "spokesman")
  or the first "his"/"her" after the person as subject in the same sentence; he/she
  resolution uses it to skip people of the other gender (:func:`gender_fits`).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..data_files import word_lists
from .base import span
from .syntax import doc_text

if TYPE_CHECKING:
    from .actors import ActorLexicon

log = logging.getLogger(__name__)

_QUALIFIER_DEPS = {"amod", "compound", "nmod", "npadvmod"}
_OWN_MODIFIERS = {"det", "poss", "amod", "compound", "nmod", "case", "punct", "nummod", "quantmod"}
# Possessive determiners a member noun may carry ("our fighters", "its forces").
_POSSESSIVE_PRONOUNS = word_lists("grammar_words")["possessive_determiners"]
_MALE_PRONOUNS = word_lists("grammar_words")["male_pronouns"]
_FEMALE_PRONOUNS = word_lists("grammar_words")["female_pronouns"]
_GENDERLESS_CLUES = word_lists("grammar_words")["genderless_clues"]


# -- state nouns ----------------------------------------------------------------------------
def _noun_key(token: Token) -> str:
    return token.lower_


def _country_of_word(token: Token, lexicon: ActorLexicon) -> str | None:
    """The country a capitalised word names, as demonym ("Israeli") or name ("Israel")."""
    if not token.text[:1].isupper():
        return None
    return lexicon.country_of(token.text)


def qualifier_country(noun: Token, lexicon: ActorLexicon) -> str | None:
    """The country ``noun`` is qualified with in its own phrase: "Israeli regime",
    "Israel's army", "the government of Syria"; None if it has no such qualifier."""
    for child in noun.children:
        if child.dep_ in _QUALIFIER_DEPS or child.dep_ == "poss":
            country = _country_of_word(child, lexicon)
            if country:
                return country
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    country = _country_of_word(pobj, lexicon)
                    if country:
                        return country
    return None


def state_qualifiers(doc: Doc, lexicon: ActorLexicon) -> dict[str, set[str]]:
    """For each state noun, the countries the document qualifies it with anywhere."""
    found: dict[str, set[str]] = {}
    for token in doc:
        if _noun_key(token) not in lexicon.state_nouns or token.pos_ not in ("NOUN", "PROPN"):
            continue
        country = qualifier_country(token, lexicon)
        if country:
            found.setdefault(_noun_key(token), set()).add(country)
    return found


def _is_bare_definite(noun: Token) -> bool:
    """ "the regime" with no other modifier that says whose it is."""
    children = list(noun.lefts)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in children):
        return False
    return not any(
        c.dep_ in ("amod", "compound", "nmod", "poss") or c.pos_ == "PROPN" for c in children
    )


def resolve_state_noun(
    noun: Token, lexicon: ActorLexicon, qualifiers: dict[str, set[str]]
) -> tuple[str, str] | None:
    """``(country, sector)`` for a state noun written bare ("the regime") or owned by
    a resolvable state ("the regime's forces", "Israel's troops"); None otherwise."""
    key = _noun_key(noun)
    sector = lexicon.state_nouns.get(key)
    if sector is None:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        # "X's forces": the forces of X are its military, whatever noun X is.
        country = _country_of_word(owner, lexicon)
        if country is None and _noun_key(owner) in lexicon.state_nouns:
            if _is_bare_definite(owner):
                countries = qualifiers.get(_noun_key(owner), set())
                country = next(iter(countries)) if len(countries) == 1 else None
        return (country, sector) if country else None
    if not _is_bare_definite(noun):
        return None
    countries = qualifiers.get(key, set())
    if len(countries) != 1:
        return None  # never named, or two states: ambiguous
    return next(iter(countries)), sector


# -- definite descriptions ------------------------------------------------------------------
def is_bare_definite_head(noun: Token) -> bool:
    """ "the official": the article and the noun, nothing else."""
    return [c.lower_ for c in noun.children] == ["the"]


def same_head(earlier: Token, later: Token) -> bool:
    """The same noun in the same number; the tagger's NN and NNP for one lower-case word
    ("the interior ministry" ... "the ministry") count as one."""
    plural = ("NNS", "NNPS")
    return (
        earlier.lemma_.lower() == later.lemma_.lower()
        and (earlier.tag_ in plural) == (later.tag_ in plural)
    )


# -- member nouns ---------------------------------------------------------------------------
def _is_member_noun(chunk: Span, lexicon: ActorLexicon) -> bool:
    """A plain group noun: "resistance fighters", "our forces", "the militants"; not
    "Israeli soldiers" or "members of parliament"."""
    tokens = list(chunk)
    root = chunk.root
    phrase = " ".join(t.lemma_.lower() for t in tokens if t.dep_ != "det")
    lemma = root.lemma_.lower()
    if lemma not in lexicon.member_nouns and root.lower_ not in lexicon.member_nouns:
        if phrase not in lexicon.member_nouns:
            return False
    if any(c.dep_ == "prep" for c in root.children):
        return False  # "members of parliament"
    for token in tokens:
        if token.i == root.i or token.dep_ == "det":
            continue
        if token.lower_ in _POSSESSIVE_PRONOUNS:
            continue
        if token.pos_ in ("PROPN", "NUM") or token.like_num:
            return False
        if token.text[:1].isupper() and token.i > chunk.start:
            return False  # a name inside the phrase; the first word may open a sentence
        if lexicon.country_of(token.text.capitalize()):
            return False
    return True


def _covering(attributions: list[dict], start: int, end: int) -> dict | None:
    best = None
    for attr in attributions:
        content = attr["content"]
        if content["start"] <= start and end <= content["end"]:
            if best is None or content["end"] - content["start"] < (
                best["content"]["end"] - best["content"]["start"]
            ):
                best = attr
    return best


def _organisation_of(source: dict, actors: list[dict]) -> dict | None:
    """The armed group or military a source speaks for: its affiliation, else itself."""
    affiliation = source.get("affiliation")
    if affiliation:
        for actor in actors:
            if actor["name"] == affiliation and actor is not source:
                return actor if actor.get("sector") in ("armed group", "military") else None
        if source.get("sector") in ("armed group", "military") and source.get("kind") != "person":
            return {
                "name": affiliation,
                "country": source.get("country"),
                "sector": source.get("sector"),
                "mentions": [],
                "kind": "organization",
                "roles": [],
                "affiliation": None,
            }
        return None
    if source.get("kind") != "person" and source.get("sector") in ("armed group", "military"):
        return source
    return None


def attach_member_nouns(doc: Doc, attributions: list[dict], lexicon: ActorLexicon) -> None:
    """Move plain group-noun mentions inside an armed group's or a military's statement to
    that organisation (see the module docstring); drop actors left with no mention and
    repoint the attributions that named them."""
    actors: list[dict] = doc._.el_actors
    if not actors or not attributions:
        return
    by_id = {a["id"]: a for a in actors}
    moved: dict[str, dict] = {}  # old actor id -> new actor
    changed = False
    for actor in list(actors):
        if actor.get("kind") == "person" or actor.get("affiliation"):
            continue
        for mention in list(actor["mentions"]):
            chunk = doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
            if chunk is None or not _is_member_noun(chunk, lexicon):
                continue
            attr = _covering(attributions, mention["start"], mention["end"])
            source_id = ((attr or {}).get("source") or {}).get("actor")
            source = by_id.get(source_id) if source_id else None
            if source is None:
                continue
            target = _organisation_of(source, actors)
            if target is None or target is actor:
                continue
            if "id" not in target:
                target["id"] = _next_id(actors)
                actors.append(target)
                by_id[target["id"]] = target
            changed = True
            actor["mentions"].remove(mention)
            target["mentions"].append(span(doc_text(doc), mention["start"], mention["end"]))
            target["mentions"].sort(key=lambda m: m["start"])
            log.debug(
                "%r in a statement of %s -> %s", mention["text"], source["name"], target["name"]
            )
            if not actor["mentions"]:
                moved[actor["id"]] = target
    if not changed:
        return
    for old_id in moved:
        actors.remove(by_id[old_id])
    # Ids stay R1..Rn in order of first mention; attributions follow the renumbering.
    actors.sort(key=lambda a: min((m["start"] for m in a["mentions"]), default=0))
    renamed: dict[str, dict] = {old_id: target for old_id, target in moved.items()}
    old_ids = {id(a): a["id"] for a in actors}
    for number, actor in enumerate(actors, start=1):
        actor["id"] = f"R{number}"
    new_ids = {old_ids[id(a)]: a for a in actors}
    for attr in attributions:
        for named in [attr.get("source"), *attr.get("cites", []), *attr.get("cited_by", [])]:
            if not named or not named.get("actor"):
                continue
            target = renamed.get(named["actor"]) or new_ids.get(named["actor"])
            if target is not None:
                named["actor"], named["name"] = target["id"], target["name"]


def _next_id(actors: list[dict]) -> str:
    numbers = [int(a["id"][1:]) for a in actors if a.get("id", "")[1:].isdigit()]
    return f"R{max(numbers, default=0) + 1}"


# -- gender ---------------------------------------------------------------------------------
def person_gender(
    doc: Doc, mentions: list[tuple[int, int]], roles: list[str], lexicon: ActorLexicon
) -> str | None:
    """ "m", "f" or None: a gendered title or role word in a mention or role, else the first
    possessive "his"/"her" after a mention that is its sentence's subject."""
    words = lexicon.gender_words
    for text in [doc_text(doc)[s:e] for s, e in mentions] + list(roles):
        for word in text.replace(",", " ").split():
            for gender in ("m", "f"):
                if word in words.get(gender, ()) and word.lower() not in _GENDERLESS_CLUES:
                    return gender
    for start, end in sorted(mentions):
        chunk = doc.char_span(start, end, alignment_mode="expand")
        if chunk is None or chunk.root.dep_ not in ("nsubj", "nsubjpass"):
            continue
        for token in doc[chunk.end : chunk.sent.end]:
            if token.ent_type_ == "PERSON":
                break  # another person: the pronoun may be theirs
            if token.tag_ == "PRP$" and token.lower_ in _MALE_PRONOUNS:
                return "m"
            if token.tag_ == "PRP$" and token.lower_ in _FEMALE_PRONOUNS:
                return "f"
    return None


def gender_fits(actor: dict, pronoun: str) -> bool:
    """Whether he/she can refer to ``actor`` given what is known of its gender."""
    gender = actor.get("gender")
    if gender is None:
        return True
    if pronoun in _MALE_PRONOUNS:
        return gender == "m"
    if pronoun in _FEMALE_PRONOUNS:
        return gender == "f"
    return True
