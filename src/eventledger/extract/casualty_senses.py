"""Casualty words in a sense that counts no casualty: a "body" that speaks or acts is an
organisation ("an Islamic body declared a state"); a named person's death told with no
attack or harm is a life told ("two weeks after Justice Kane died"); "missing from" a
show, a list or a debate is absent, not lost; a death or an injury from an illness is no
casualty of harm ("eight people died of the disease", "the virus has killed 30"); a
killing tried or meant is none ("the attempted murder of two officers", "threatened to
kill ten hostages"), nor one that only could or will happen ("the storm could kill
hundreds")."""

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
# Illnesses, and the prepositions of what caused a death or an injury ("died of").
_ILLNESS = _WORDS["illness_words"]
_CAUSE_PREPS = _WORDS["cause_preps"]
# What makes a killing or wounding one that was tried or meant, not done ("attempted
# murder", "tried to kill", "a plot to kill").
_ATTEMPT_MODIFIERS = _WORDS["attempt_modifiers"]
_ATTEMPT_NOUNS = _WORDS["attempt_nouns"]
# Modals of what did not happen, in the perfect too ("would have died").
_COUNTERFACTUAL = _WORDS["counterfactual_modals"]
# Verbs whose subject is the one who suffers it ("three people died").
_SUFFERER_VERBS = _WORDS["sufferer_verbs"]
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


def illness_told(trigger: Token, harm: frozenset[str]) -> bool:
    """A casualty whose cause, as the text tells it, is an illness, with no harm told
    beside it: "died of the unidentified disease", "died after contracting the infection",
    "deaths from cholera", "the virus has killed 30", "the deaths might have been the
    virus"; not "died of injuries suffered in the attack". A name as what one died "of"
    is an illness's ("died of Chikungunya"): no one dies of a person or a place."""
    causes = _causes(trigger)
    words = [t for cause in causes for t in cause.subtree]
    ill = [t for t in words if _ill(t)]
    if not words or any((t.lemma_.lower() in harm or t.lower_ in harm) and t not in ill
                        for t in words):
        return False
    if ill:
        return True
    # "died of Chikungunya": a bare name as what a verb's subject died of
    return trigger.pos_ == "VERB" and any(
        c.pos_ == "PROPN" and c.dep_ == "pobj" and c.head.lower_ == "of"
        and c.head.head == trigger and not any(d.dep_ in ("det", "poss") for d in c.children)
        for c in causes)


def _ill(token: Token) -> bool:
    """An illness word, alone or with the noun before it ("a heart attack")."""
    forms = {token.lemma_.lower(), token.lower_}
    forms |= {f"{c.lower_} {token.lemma_.lower()}" for c in token.children
              if c.dep_ in ("compound", "amod") and c.i == token.i - 1}
    return bool(forms & _ILLNESS)


def _causes(trigger: Token) -> list[Token]:
    """The phrases that tell what caused the casualty of ``trigger``: its cause
    prepositions' objects ("died of X", "deaths from X"), the agent of it or of the
    participle on it ("deaths caused by X"), the subject of an active verb that is not the
    sufferer's ("X killed 30"), and what the deaths are said to be ("the deaths might have
    been X")."""
    found: list[Token] = []
    carriers = [trigger, *(c for c in trigger.children if c.dep_ == "acl")]
    for carrier in carriers:
        for child in carrier.children:
            if child.dep_ == "prep" and child.lower_ in _CAUSE_PREPS or child.dep_ == "agent":
                found += [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
    if trigger.pos_ == "VERB" and not any(
        c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children
    ) and trigger.lemma_.lower() not in _SUFFERER_VERBS:
        found += [c for c in trigger.children if c.dep_ == "nsubj"]
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubj", "nsubjpass"):
        found += [c for c in trigger.head.children if c.dep_ in ("attr", "agent")]
    return found


def attempted(trigger: Token, intent_verbs: frozenset[str],
              plan_nouns: frozenset[str]) -> bool:
    """A casualty word told of a killing or wounding that was tried, meant or threatened,
    not done: "the attempted murder of two officers", "a failed assassination", the
    infinitive of a verb of intention (``intent_verbs``: the events' hypothetical
    governors; "tried to kill two guards", "threatened to kill ten hostages") or of a noun
    of a plan or an attempt (``plan_nouns``, and ``attempt_nouns``: "a plot to kill the
    judges"). Not in the perfect: "dozens are feared to have died" is an estimate."""
    if any(c.dep_ in ("amod", "compound") and c.lower_ in _ATTEMPT_MODIFIERS
           for c in trigger.children):
        return True
    if _perfect(trigger):
        return False
    lemma = trigger.head.lemma_.lower()
    return trigger.dep_ == "xcomp" and lemma in intent_verbs or trigger.dep_ == "acl" and (
        lemma in plan_nouns or lemma in _ATTEMPT_NOUNS)


def _perfect(verb: Token) -> bool:
    """A verb in the perfect ("may have been killed", "to have died")."""
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def only_possible(trigger: Token) -> bool:
    """A casualty verb told with a modal and not in the perfect, or with a modal of what
    did not happen: what could, would or will happen, no toll ("the storm could kill
    hundreds", "how can a soldier kill a civilian?", "they will be killed", "four would
    have died without the armour"); "up to 30 may have been killed" is an estimate of what
    happened and stays."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return False
    auxiliaries = [c for c in trigger.children if c.dep_ in ("aux", "auxpass")]
    modals = [a for a in auxiliaries if a.tag_ == "MD"]
    if not modals:
        return False
    if any(a.lower_ in _COUNTERFACTUAL for a in modals):
        return True  # "four would have died without the armour"
    return not _perfect(trigger)
