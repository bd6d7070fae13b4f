"""Casualty words in a sense that counts no casualty: a "body" that speaks or acts is an
organisation ("an Islamic body declared a state"); a named person's death told with no
attack or harm is a life told ("two weeks after Justice Kane died"); "missing from" a
show, a list or a debate is absent, not lost."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..data_files import word_lists
from .place_words import place_words

_WORDS = word_lists("figure_words")
# Verbs of a death that tell no cause by themselves ("died", "passed away").
_DEATH_VERBS = _WORDS["bare_death_verbs"]
# What a person goes missing from, beside the places and sites of data/place_words.json.
_LOST_FROM = (_WORDS["lost_from_nouns"] | place_words()["site_heads"]
              | place_words()["building_words"] | place_words()["event_site_nouns"])
# What one is absent from rather than lost ("missing from the debate").
_ABSENCE_NOUNS = _WORDS["absence_nouns"]
# Named things one is absent from, not lost in ("missing from ''Rush Hour''").
_ABSENT_FROM_ENTS = {"WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "ORG"}


def speaking_body(doc: Doc, token: Token) -> bool:
    """A casualty noun that is (in) the source of a report is one who speaks or decides,
    an organisation ("the governing body voted", "an Islamic body declared"), no corpse."""
    return any(
        (source := attribution.get("source")) and source["start"] <= token.idx < source["end"]
        for attribution in doc._.el_attributions or ())


def harm_words(lexicon: dict) -> frozenset[str]:
    """Lemmas that tell a death was caused by harm: the triggers of events that take a toll
    and the weapons of the trigger lexicon, the words of injury of its figure triggers
    ("died of his wounds", "died in the shelling"), and the other words of violence of
    data/figure_words.json ("died after a gunfight")."""
    figures = lexicon["figure_triggers"]
    words = set(_WORDS["harm_words"])
    words |= {w for w, entry in lexicon["triggers"].items()
              if " " not in w and entry.get("type", "").lower() in _WORDS["toll_types"]}
    words |= {w for w in lexicon["weapons"] if " " not in w}
    words |= {w for table in ("nouns", "verbs") for w, category in figures[table].items()
              if category == "injured" and " " not in w}
    return frozenset(words)


def life_told(verb: Token, harm: frozenset[str]) -> bool:
    """A bare death ("Justice Kane died on Saturday") whose clause tells no harm: told of
    a named person with no attack in the sentence, it is a life told, no casualty."""
    lemma = verb.lemma_.lower()
    phrase = f"{lemma} {next((c.lower_ for c in verb.children if c.dep_ == 'prt'), '')}"
    if lemma not in _DEATH_VERBS and phrase.strip() not in _DEATH_VERBS:
        return False
    return not any(t.lemma_.lower() in harm or t.lower_ in harm for t in verb.subtree)


def absent_from(token: Token) -> bool:
    """"were missing from ''Rush Hour''", "was missing from the debate": the "from"
    phrase of "missing" (or of its verb) names a show, a list or an event, where one is
    absent, not a place or a vehicle one went missing from ("missing from the camp")."""
    doc = token.doc
    for carrier in (token, token.head):
        for prep in carrier.children:
            if prep.dep_ != "prep" or prep.lower_ != "from":
                continue
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            if any(place["start"] < pobj.idx + len(pobj) and pobj.idx < place["end"]
                   for place in doc._.el_places or ()):
                return False
            if pobj.ent_type_ or pobj.pos_ == "PROPN":
                return pobj.ent_type_ in _ABSENT_FROM_ENTS  # a show, a law, a firm
            if pobj.lemma_.lower() in _LOST_FROM or pobj.lower_ in _LOST_FROM:
                return False
            return pobj.lemma_.lower() in _ABSENCE_NOUNS
    return False
