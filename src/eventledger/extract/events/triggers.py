"""Triggers: lexicon matches in a sentence, kept or retyped by their sense (a weapon in the
clause, a person as object, certain objects), with their PLOVER mode."""

from __future__ import annotations

from collections.abc import Collection
from functools import cache

from spacy.tokens import Doc, Span, Token

from ...data_files import packaged_json, word_lists
from ..base import is_excluded
from . import arguments, figurative, means
from .context import Context
from .lexicon import IMPACT_PREPS, MODIFIER_DEPS, RELATIVE_PRONOUNS
from .phrases import (
    capitalised_common,
    inside_clause,
    is_passive,
    objects_of,
    of_objects,
    sense_words,
)


# -- trigger finding -------------------------------------------------------------
def find_triggers(ctx: Context, doc: Doc, sent: Span) -> list[dict]:
    """Candidate triggers of one sentence: ``{"start", "end", "head", "type", "mode"}``
    (token indices)."""
    weapons = ctx.weapons.find(doc, sent.start, sent.end)
    found = []
    matches = ctx.triggers.find(doc, sent.start, sent.end)
    matched = {i for start, end, _e in matches for i in range(start, end)}
    # verb and particle apart: "blew himself up", "rounded them up"
    for token in sent:
        if token.pos_ != "VERB" or token.i in matched:
            continue
        for child in token.children:
            if child.dep_ == "prt":
                entry = ctx.lexicon["triggers"].get(f"{token.lemma_.lower()} {child.lower_}")
                if entry is not None:
                    matches.append((token.i, token.i + 1, entry))
    for start, end, entry in sorted(matches, key=lambda m: m[0]):
        span = doc[start:end]
        head = span.root
        if end - start > 1 and head.pos_ == "VERB" and any(
            t.dep_ in ("nsubj", "nsubjpass") for t in span
        ):
            # "a drone struck": subject and verb are not the noun "drone strike"
            entry = entry_at(ctx, head)
            if entry is None:
                continue
            start, end = head.i, head.i + 1
            span = doc[start:end]
        single = end - start == 1
        pos = head.pos_
        if pos == "PROPN" and capitalised_common(head):
            pos = "NOUN"  # "Shootings in the city continued": a capital, not a name
        if pos == "PROPN" or (single and pos not in ("VERB", "NOUN")):
            continue
        allowed = entry.get("pos")
        if allowed and pos not in allowed:
            continue
        if pos == "NOUN" and head.dep_ in MODIFIER_DEPS and (
            head.head.lemma_.lower() not in ctx.event_modified
        ):
            continue  # "air raid sirens", "ceasefire agreement"; not "bombing suspect"
        if pos == "NOUN" and _munition_piece(ctx, head):
            continue  # "artillery shells destroyed three houses": the means, not the attack
        if pos == "NOUN" and head.dep_ == "pobj" and (
            head.head.head.lemma_.lower() in ctx.words["legal_words"]
        ):
            continue  # "charges of murder": a charge, told by ACCUSE, not a new event
        if pos == "NOUN" and _a_label(ctx, head):
            continue  # "called the explosion an attack": the explosion is the event
        if is_excluded(doc, span.start_char, span.end_char):
            continue
        resolved = _resolve_entry(ctx, doc, sent, start, end, head, entry, weapons)
        if resolved is None:
            continue
        type_, mode = resolved
        if pos == "NOUN" and _in_custody(ctx, head, mode):
            continue  # "prisoners are in jail": where they are held, not an arrest
        if type_ == "ASSAULT" and not entry.get("consequence") and _tells_what_it_hit(ctx, head):
            continue  # "the explosion targeted a bakery": the explosion is the attack
        if _ruled_out_objects(ctx, head, entry):
            continue  # "attack the virus", "destroying records", "pleaded guilty"
        found.append({"start": start, "end": end, "head": head, "type": type_,
                      "mode": mode, "weapons": weapons, "entry": entry,
                      "consequence": bool(entry.get("consequence")),
                      "needs_party": entry.get("needs") == "party"})
    found = _by_means(ctx, doc, sent, found, weapons)
    return drop_carriers(ctx, found)


def entry_at(ctx: Context, token: Token) -> dict | None:
    """The trigger lexicon's entry for ``token`` as a word of its own, or None."""
    hit = ctx.triggers.match_at(token.doc, token.i, token.i + 1)
    return None if hit is None else hit[1]


def prep_objects(token: Token, preps: Collection[str]) -> list[Token]:
    """The objects of the word's prepositions among ``preps`` ("fired into the city")."""
    return [p for c in token.children if c.dep_ == "prep" and c.lower_ in preps
            for p in c.children if p.dep_ == "pobj"]


def _munition_piece(ctx: Context, noun: Token) -> bool:
    """A piece or load of a weapon ("shells", "mortar rounds"): the means, never the attack
    itself, as the firing may be ("mortar fire")."""
    lemma = noun.lemma_.lower()
    return lemma in ctx.words["munition_nouns"] and lemma not in ctx.words["munition_acts"]


def _weapon_among(ctx: Context, tokens: list[Token], weapons, *,
                  vehicles: bool = True) -> Token | None:
    """The first of ``tokens`` that names a weapon ("a mortar round": the weapon phrase
    ends on it); not an event noun ("the blast": the blast is the attack itself) nor a name
    ("Shell"); without ``vehicles``, not a carrier either ("used the plane")."""
    named = ctx.lexicon["weapons"]
    for token in tokens:
        if token.pos_ != "NOUN" or token.lemma_.lower() in ctx.person_words:
            continue  # gunmen, snipers: people, not means
        group = [token] + [c for c in token.children if c.dep_ == "conj"]
        modes = {m for t in group for start, end, m in weapons if start <= t.i < end} | {
            named[t.lemma_.lower()] for t in group if t.lemma_.lower() in named}
        if not modes and means.is_means(ctx, token):
            # "tear gas canisters", "500kg of explosives": the weapon phrase in its own
            modes = {m for t in group for start, end, m in weapons
                     if t.left_edge.i <= start <= t.right_edge.i}
        if not modes or (not vehicles and modes & ctx.words["vehicle_modes"]):
            continue
        entry = entry_at(ctx, token)
        if entry is not None and "NOUN" in entry.get("pos", ("NOUN",)):
            continue
        return token
    return None


def _means_of(ctx: Context, verb: Token, weapons) -> Token | None:
    """The weapon that ``verb`` tells an attack by: its subject, or the agent of its
    passive, for a verb of harm ("a roadside bomb killed four", "four were killed by a
    roadside bomb"); its object for a verb of wielding ("used tear gas", "1,000lb of
    explosives had been used"); its subject's phrase for a verb of impact into something
    ("a car packed with explosives rammed into the gate")."""
    lemma = verb.lemma_.lower()
    if lemma in ctx.words["impact_verbs"]:
        # "a bomber riding a motorcycle loaded with explosives crashed into the patrol"
        if not any(c.dep_ == "prep" and c.lower_ in IMPACT_PREPS for c in verb.children):
            return None
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        return next((t for s in subjects for t in s.subtree for start, end, m in weapons
                     if start <= t.i < end and m not in ctx.words["vehicle_modes"]), None)
    if lemma in ctx.words["wielding_verbs"]:
        objects = objects_of(verb)
        return _weapon_among(ctx, objects + [p for o in objects for p in of_objects(o)],
                             weapons, vehicles=False)
    if lemma not in ctx.words["hit_verbs"]:
        return None
    return _weapon_among(ctx, doers(verb), weapons)


def doers(verb: Token) -> list[Token]:
    """Who or what does ``verb``: the agent of a passive ("killed by a landmine"), else
    the subject."""
    if is_passive(verb):
        return [p for c in verb.children if c.dep_ == "agent"
                for p in c.children if p.dep_ == "pobj"]
    return [c for c in verb.children if c.dep_ == "nsubj"]


def _tells_what_it_hit(ctx: Context, verb: Token) -> bool:
    """A verb of hitting whose doer is an assault noun, its own or that of the clause it
    hangs on: "the explosion targeted a bakery", "the blast caused heavy damage,
    shattering windows, while two cars were destroyed". It tells what that attack hit
    (which the noun takes as its recipient), not an attack of its own."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ctx.words["hit_verbs"]:
        return False
    current = verb
    for _ in range(3):
        found = doers(current)
        if found:
            return any(_an_attack_noun(ctx, t) for t in found)
        if current.dep_ not in ("conj", "advcl") or current.head.i == current.i:
            return False
        current = current.head
    return False


def _a_label(ctx: Context, noun: Token) -> bool:
    """An event noun that is what someone calls an event ("called the explosion an
    attack", "in what the president called an attack", "described the shooting as a
    terrorist attack"): a name given to an event told otherwise, no event of its own."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "as":
        verb = verb.head
    elif noun.dep_ != "oprd":
        return False
    return verb.pos_ == "VERB" and verb.lemma_.lower() in ctx.words["naming_verbs"]


def _made_with(ctx: Context, verb: Token) -> bool:
    """A verb of wielding whose purpose is to make something: "used explosives to make
    roadside bombs", "used dynamite to build the tunnel": the weapon is the material, not
    the means of an attack."""
    purposes = [c for c in verb.children if c.dep_ in ("xcomp", "advcl")
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    return any(p.lemma_.lower() in ctx.words["making_verbs"] for p in purposes)


def _by_means(ctx: Context, doc: Doc, sent: Span, found: list[dict], weapons) -> list[dict]:
    """A weapon that kills, injures, damages or destroys, or that someone uses, tells an
    attack of its own: "a roadside bomb killed four soldiers" is an ASSAULT (its mode from
    the weapon) with no actor named, "police used tear gas" one by the police. Marked
    ``by_means``: it gives way to an attack that the sentence tells otherwise ("in the
    raid, a grenade killed two", "they used a bomb to blow up the convoy")."""
    heads = {t["head"].i: t for t in found}
    for verb in sent:
        if verb.pos_ != "VERB" or _means_of(ctx, verb, weapons) is None or (
            _accidental(ctx, verb) or _made_with(ctx, verb)
        ):
            continue
        trig = heads.get(verb.i)
        if trig is not None:
            if trig["type"] == "ASSAULT" and trig["consequence"]:
                trig["by_means"] = True
            continue
        # the weapon used is the means, not the one hit
        entry = {"needs": "weapon", "object": "means"} if (
            verb.lemma_.lower() in ctx.words["wielding_verbs"]) else {"needs": "weapon"}
        found.append({"start": verb.i, "end": verb.i + 1, "head": verb, "type": "ASSAULT",
                      "mode": None, "weapons": weapons, "entry": entry,
                      "consequence": True, "needs_party": False, "by_means": True})
    return sorted(found, key=lambda t: t["start"])


def _ruled_out_objects(ctx: Context, head: Token, entry: dict) -> bool:
    """What the entry rules out around the word: an object (or complement), "attack the
    virus"; a modifier, or a verb's subject, "a heart attack", "shares rallied"; a
    preposition, "seized on the remark"; what a "for" phrase asks for, "a request for
    comment"; for a verb that is no event with a person or group
    as object, such an object, "rallied thousands of volunteers"; for a gathering
    that is no protest when a person's own, its owner, "Trump's rally", "his rallies"."""
    complements = [c for c in head.children if c.dep_ == "acomp"]
    if any(o.lemma_.lower() in entry.get("not_objects", ()) for o in
           objects_of(head) + of_objects(head) + complements):
        return True
    children = list(head.children)
    modifiers = set(entry.get("not_modifiers", ()))
    if modifiers and any(
        c.dep_ in _MODIFIER_OR_SUBJECT and (c.lemma_.lower() in modifiers or c.lower_ in modifiers)
        for c in children
    ):
        return True
    if any(c.dep_ == "prep" and c.lower_ in entry.get("not_preps", ()) for c in children):
        return True
    if any(p.lemma_.lower() in entry.get("not_for", ()) for p in prep_objects(head, ("for",))):
        return True
    if entry.get("intransitive") and _transitive(head):
        return True
    if entry.get("not_site_objects") and any(
        o.pos_ == "NOUN" and o.lemma_.lower() in ctx.words["visited_sites"]
        for o in objects_of(head) + prep_objects(head, ("to",))
    ):
        return True  # "visited a train station", "a visit to a factory": a tour
    if entry.get("not_party_objects") and head.pos_ == "VERB" and any(
        arguments.is_person(ctx, t) for c in children if c.dep_ == "dobj"
        for t in [c, *of_objects(c)]
    ):
        return True
    return bool(entry.get("not_owned")) and head.pos_ == "NOUN" and (
        any(c.dep_ in ("poss", "compound") and _a_person(c) for c in children)
        or _a_persons_gathering(ctx, head))


def _a_persons_gathering(ctx: Context, noun: Token) -> bool:
    """A gathering for or with a person ("a rally for Clinton", "a rally with Rubio"), or,
    with no "against" phrase of its own, one at which a named person does what the
    sentence tells ("At a rally in Macon, Trump called ...", "Trump coined the phrase
    during a rally"): the person's gathering, not a protest."""
    preps = [c for c in noun.children if c.dep_ == "prep"]
    if any(c.lower_ in ("for", "with") and p.dep_ == "pobj" and _a_named_person(p)
           for c in preps for p in c.children):
        return True
    if any(c.lower_ in ctx.words["protest_preps"] for c in preps) or noun.dep_ != "pobj":
        return False
    protest_verbs = ctx.words["protest_verbs"]
    if any(c.pos_ == "VERB" and c.lemma_.lower() in protest_verbs for c in noun.children):
        return False  # "a rally to protest the deal"
    verb = noun.head.head
    if noun.head.lower_ not in ctx.words["gathering_preps"] or verb.pos_ not in ("VERB", "AUX") or any(
        c.pos_ == "VERB" and c.lemma_.lower() in protest_verbs for c in verb.children
    ):
        return False  # "spoke at a rally to protest the dam"
    return any(c.dep_ == "nsubj" and _a_named_person(c) for c in verb.children)


def _a_named_person(token: Token) -> bool:
    """A person's name, or a mention of one of the document's actors that is a person."""
    return token.ent_type_ == "PERSON" or arguments.among_actors(token, "person")


def _transitive(verb: Token) -> bool:
    """A verb with a direct object: its own ("demonstrated his knack"), or the noun its
    relative clause qualifies, where the clause has a subject of its own and no object
    ("the restraint they have demonstrated")."""
    if verb.pos_ != "VERB":
        return False
    if any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return True
    return verb.dep_ == "relcl" and any(
        c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS for c in verb.children)


def _a_person(token: Token) -> bool:
    """A person's name or pronoun, or a mention of one of the document's actors that is a
    person ("a Trump rally", where the parser took the name for a company's)."""
    return token.lower_ in _PERSONAL or _a_named_person(token)


# Where a word that rules a trigger out may stand ("not_modifiers"), and the pronouns of
# one person ("not_owned": "his rallies").
_MODIFIER_OR_SUBJECT = {"compound", "amod", "nmod", "poss", "nsubj"}
_GRAMMAR = word_lists("grammar_words")
_PERSONAL = set(_GRAMMAR["person_pronouns"])


def _in_custody(ctx: Context, noun: Token, mode: str | None) -> bool:
    """An arrest noun after a preposition of where one is held ("in jail", "in
    detention"): a state, not an arrest."""
    return mode == "arrest" and noun.dep_ == "pobj" and (
        noun.head.lower_ in ctx.words["custody_preps"]
    )


def ruled_out(ctx: Context, token: Token, type_: str) -> bool:
    """What the rules are sure is no trigger of ``type_``, for a word that the event head
    would add: a noun that qualifies another ("drone warfare"), a weapon named by a noun
    that the trigger lexicon takes as no event (the means, not the act: "bring down a
    drone"), an accident ("two accidental explosions"), a place of custody ("in jail"), an
    object the word's entry rules out ("attack the virus"), a thing as the subject of a
    word whose entry needs a party there ("the report warns"), a harm done to oneself or
    a struggle against things ("killed himself", "fight inflation"), a word told without
    the complement its entry needs ("he asked"), a light verb carrying an event noun
    ("launched an attack"), a word without the objects its entry lists or in another type
    than theirs ("the river froze"), a warning that predicts, a promise of no harm."""
    doc = token.doc
    entry = entry_at(ctx, token) or {}
    if token.pos_ == "NOUN":
        if token.dep_ in MODIFIER_DEPS and (
            token.head.lemma_.lower() not in ctx.event_modified
        ):
            return True
        munition = _munition_piece(ctx, token)
        noun_trigger = bool(entry) and "NOUN" in entry.get("pos", ("NOUN",)) and not munition
        if not noun_trigger and (ctx.weapons.match_at(doc, token.i, token.i + 1) or (
                munition and means.is_means(ctx, token))):
            return True  # "bring down a drone", "fired mortar rounds": the means
    if token.pos_ == "NOUN" and _a_label(ctx, token):
        return True
    if type_ == "ASSAULT" and (_no_assault(ctx, token) or _tells_what_it_hit(ctx, token)):
        return True
    if token.pos_ == "NOUN" and _in_custody(ctx, token, entry.get("mode")):
        return True
    if entry.get("party_subject") and _thing_subject(ctx, token):
        return True  # "the report warns that prices will rise": no act of its subject
    if type_ == entry.get("type") and _lacks_complement(token, entry):
        return True  # "'Mistake?' he asked": a question, not a request
    if carries_event(ctx, token):
        return True  # "launched an attack": the attack is the event, not the launching
    if entry.get("objects") and (_listed_object(token, entry["objects"]) or {}).get(
        "type"
    ) != type_:
        return True  # "the river froze", "froze his assets" as COERCE: the objects its
        # entry lists decide whether the word is an event, and of which type
    if entry.get("harm_clause") and _prediction(ctx, token):
        return True  # "warned that the deal was dangerous": no event of any type
    if (_verbal_sense(token, entry) or {}).get("type", type_) != type_:
        return True  # "a blistering attack on the governor": words, no assault
    if type_ == "THREATEN" and _promise_of_no_harm(ctx, token):
        return True  # "promised to build a wall": a promise, not a threat
    return bool(entry) and _ruled_out_objects(ctx, token, entry)


def _lacks_complement(verb: Token, entry: dict) -> bool:
    """A word whose entry needs a clause or an infinitive ("asked them to leave", "warned
    that it would retaliate") told without one ("he asked", "told reporters")."""
    needs = entry.get("needs")
    if needs not in ("clause", "infinitive"):
        return False
    # the parser may hang the infinitive on the object ("instructed prefects to act")
    children = list(verb.children) + [
        c for o in verb.children if o.dep_ == "dobj" for c in o.children]
    deps = ("ccomp", "xcomp") if needs == "clause" else ("xcomp",)
    if any(c.dep_ in deps for c in children):
        return False
    # or take "to" and its verb for a preposition and a modifier ("asked him to delete
    # emails")
    doc = verb.doc
    return not any(c.lower_ == "to" and c.i + 1 < len(doc)
                   and doc[c.i + 1].pos_ not in _NO_VERB_AFTER_TO for c in children)


# What follows "to" as a preposition, never as the mark of an infinitive.
_NO_VERB_AFTER_TO = {"DET", "PRON", "PROPN", "NUM", "PUNCT", "SPACE"}


def _promise_of_no_harm(ctx: Context, verb: Token) -> bool:
    """A verb of promising whose complement is no harm to anyone: "promised to build a
    wall" is no threat, "vowed to retaliate", "pledged to impose sanctions" are."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ctx.words["promise_verbs"]:
        return False
    acts = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "dobj")]
    for act in acts:  # "vowed, 'We are going to defeat them'": down the chain of verbs
        acts.extend(c for c in act.children if c.dep_ in ("xcomp", "ccomp", "conj"))
    return not any(_harmful(ctx, act) for act in acts)


def _prediction(ctx: Context, verb: Token) -> bool:
    """A warning whose "that" clause or "of" phrase tells no harm or pressure: "warned
    that the deal was dangerous", "warned of the risk of an outbreak" predict; "warned
    that it would retaliate", "warned of consequences" threaten. A warning to someone to
    do something ("warned them to leave") is left alone."""
    if any(c.dep_ == "xcomp" for c in verb.children):
        return False
    told = [c for c in verb.children if c.dep_ == "ccomp"]
    told += of_objects(verb)
    if not told:
        return False
    if any(_own_intent(ctx, top) for top in told):
        return False
    return not any(_harmful(ctx, t) for top in told for t in top.subtree)


def _own_intent(ctx: Context, clause: Token) -> bool:
    """A clause telling what its speaker would or could do: a personal pronoun as
    subject and a modal of the future ("warned that they could sell off their assets",
    "warned Clinton that he'd make an issue of it")."""
    return clause.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "nsubj" and c.pos_ == "PRON" and c.lower_ not in _DEMONSTRATIVES
        for c in clause.children) and any(
        c.dep_ == "aux" and c.lower_ in ctx.words["future_modals"] for c in clause.children)


def _harmful(ctx: Context, act: Token) -> bool:
    """A verb or noun that tells harm or pressure: a trigger word of a conflict type
    (``threat_types``), or of such a type with its object ("impose sanctions"), or a verb
    of harm outside the trigger lexicon ("retaliate")."""
    if act.lemma_.lower() in ctx.words["harm_complements"]:
        return True
    entry = entry_at(ctx, act)
    if entry is None:
        return False
    types = {entry["type"]} | {o["type"] for o in (entry.get("objects") or {}).values()}
    return bool(types & ctx.words["threat_types"])


def _context(ctx: Context, head: Token, start: int, end: int) -> set[int]:
    """Token indices of the trigger's own clause: its subtree without nested clauses,
    and the trigger phrase itself."""
    indices = set(range(start, end))
    for token in head.subtree:
        if not inside_clause(token, head):
            indices.add(token.i)
    # a noun carried by a verb ("carried out strikes with drones") shares its clause
    if head.pos_ == "NOUN" and head.dep_ in ("dobj", "nsubjpass", "pobj", "attr"):
        governor = head.head if head.dep_ != "pobj" else head.head.head
        if governor.pos_ in ("VERB", "AUX"):
            for token in governor.subtree:
                if not inside_clause(token, governor):
                    indices.add(token.i)
    return indices


def _resolve_entry(ctx: Context, doc, sent, start, end, head, entry, weapons):
    type_, mode = entry["type"], entry.get("mode")
    context = None
    needs = entry.get("needs")
    if needs == "weapon":
        context = _context(ctx, head, start, end)
        if not any(ws in context for ws, _we, _m in weapons):
            return None
    objects = entry.get("objects")
    if objects:
        picked = _listed_object(head, objects)
        if picked is None:
            return None
        type_, mode = picked["type"], picked.get("mode", mode)
    if entry.get("objects_any") == ["person"]:
        objs = objects_of(head) or ([head] if head.pos_ == "NOUN" else [])
        pobjs = [c for t in ([head] if head.pos_ == "NOUN" else []) for c in of_objects(t)]
        if not any(arguments.is_person(ctx, t) for t in objs + pobjs):
            return None
    if entry.get("party_subject") and _thing_subject(ctx, head):
        return None  # "the pressure is threatening further losses": a risk, not a threat
    if _lacks_complement(head, entry):
        return None  # "warned police of their fears" informs, "asked whether ...", "told
        # reporters" ask and tell; "warned that ...", "asked them to leave" do not
    if entry.get("harm_clause") and _prediction(ctx, head):
        return None  # "warned that the deal was dangerous": a prediction, not a threat
    if type_ == "ASSAULT" and _no_assault(ctx, head):
        return None
    required = entry.get("requires_prep")
    if required and not any(
        c.dep_ == "prep" and c.lower_ in required for c in head.children
    ):
        return None
    verbal = _verbal_sense(head, entry)
    if verbal is not None:
        return verbal["type"], verbal.get("mode")  # "a blistering attack on the governor"
    sense_context = None
    for sense in entry.get("senses", ()):
        words = set(sense["context"])
        if sense_context is None:
            sense_context = sense_words(head)
        if any(t.lemma_.lower() in words or t.lower_ in words for t in sense_context):
            type_, mode = sense["type"], sense.get("mode")
            break
    if head.lemma_.lower() == "demonstrate" and any(
        c.dep_ in ("ccomp", "mark") for c in head.children
    ):
        return None  # "this demonstrates that ..."
    return type_, mode


def _verbal_sense(head: Token, entry: dict) -> dict | None:
    """The sense of words, not deeds, that one of the word's own modifiers gives it ("a
    blistering attack on the governor", "under political attack"), or None."""
    verbal = entry.get("verbal_modifiers")
    if verbal and any(c.dep_ in MODIFIER_DEPS and c.lower_ in verbal["words"]
                      for c in head.children):
        return verbal
    return None


def _listed_object(head: Token, objects: dict) -> dict | None:
    """The sense (type and mode) that the first of the word's objects listed in its
    entry's ``objects`` gives it ("imposed a curfew", "froze his assets"), or None."""
    for obj in objects_of(head):
        for form in (obj.lemma_.lower(), obj.lower_):
            if form in objects:
                return objects[form]
    return None


def _thing_subject(ctx: Context, verb: Token) -> bool:
    """The verb's subject (or, for a verb that goes on from another, that verb's) is a
    thing, not a party: a common noun that names no person or group and is none of the
    document's actors, or a demonstrative ("that threatened to ...")."""
    if verb.pos_ != "VERB":
        return False
    current = verb
    for _ in range(3):
        subject = next((c for c in current.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            break
        if current.dep_ not in ("advcl", "xcomp", "conj") or current.head.i == current.i:
            return False
        current = current.head
    else:
        return False
    if subject.lower_ in _DEMONSTRATIVES:
        return True
    return subject.pos_ == "NOUN" and not any(
        may_be_party(ctx, t) for t in [subject, *of_objects(subject)])


def thing_source(ctx: Context, token: Token | None) -> bool:
    """The source of a threat is a thing or a phenomenon, not a party ("a threat from
    rising seas", "the threat posed by the virus", "the threat from terrorism"): a risk,
    not a threat made. A noun the word lists do not know ("a threat from their bosses")
    is given the benefit of the doubt."""
    if token is None or may_be_party(ctx, token):
        return False
    words = (token.lemma_.lower(), token.lower_)
    if any(w in ctx.words["harm_causes"] or w in ctx.non_actors for w in words):
        return True
    if is_weapon(ctx, token) or entry_at(ctx, token) is not None:
        return True  # a weapon, or an event ("the threat from attacks")
    return any(token.lower_.endswith(end) for end in ctx.words["abstract_suffixes"])


def may_be_party(ctx: Context, token: Token) -> bool:
    """A name, a person, a group (the actor lexicon's heads, the trigger lexicon's
    party_nouns: "the company", "bands of armed men"), or one of the document's actors;
    never an illness or a force of nature, whatever the parser takes its name for."""
    if token.lemma_.lower() in ctx.words["harm_causes"] or (
        token.lower_ in ctx.words["harm_causes"]
    ):
        return False
    if token.ent_type_ or token.pos_ != "NOUN" or arguments.is_party(ctx, token):
        return True
    return _party_noun(ctx, token)


def _party_noun(ctx: Context, token: Token) -> bool:
    """A noun of persons or groups: a head of the actor lexicon or one of the trigger
    lexicon's party_nouns ("gunmen", "the company")."""
    heads, nouns = _party_heads(), ctx.words["party_nouns"]
    return any(w in heads or w in nouns for w in (token.lemma_.lower(), token.lower_))


@cache
def _party_heads() -> frozenset[str]:
    """The head nouns of people and groups of the actor lexicon (data/actors.json)."""
    data = packaged_json("actors.json")
    words = set()
    for key in ("person_heads", "org_heads", "org_words", "any_group_heads", "member_nouns"):
        words.update(data.get(key, ()))
    for table in ("head_nouns", "state_nouns"):
        for heads in data.get(table, {}).values():
            words.update(heads)
    return frozenset(w.lower() for w in words)


# Pronouns that point at a thing said before ("that", "this"), never at a party.
_DEMONSTRATIVES = set(_GRAMMAR["thing_pronouns"]) & set(_GRAMMAR["determiners"])


def _no_assault(ctx: Context, head: Token) -> bool:
    """A word of assault told of no assault: an accident, a harm done to oneself, a
    struggle against things, or figurative harm ("an accidental explosion", "killed
    himself", "fight inflation", "killing journalism")."""
    return (_accidental(ctx, head) or _self_harm(ctx, head)
            or _struggle_with_things(ctx, head) or figurative.figurative(ctx, head))


def _accidental(ctx: Context, head: Token) -> bool:
    """"an accidental explosion", "the device detonated accidentally"."""
    carriers = [head]
    verb = arguments.light_verb(ctx, head) if head.pos_ == "NOUN" else None
    if verb is not None:
        carriers.append(verb)
    return any(c.dep_ in ("amod", "advmod") and c.lower_ in ctx.words["accident_words"]
               for carrier in carriers for c in carrier.children)


def _self_harm(ctx: Context, verb: Token) -> bool:
    """"killed himself", "shot herself in the foot": a harm verb whose only object is
    reflexive tells a suicide or self-harm, not an assault ("killed himself and six
    others" stays one)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ctx.words["harm_verbs"]:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [c for o in objects for c in o.conjuncts]
    return bool(objects) and all(o.lower_ in ctx.words["reflexives"] for o in objects)


def _struggle_with_things(ctx: Context, head: Token) -> bool:
    """A word of struggle against things, not a party: "fight inflation", "combat
    corruption", "there may be no disease to battle", "the battle against cancer". What
    it is against: its object, its "against" phrase, or the noun an infinitive of it
    qualifies; an assault noun there ("fought a battle") or nothing at all ("fighting
    raged") decides nothing."""
    if head.lemma_.lower() not in ctx.words["struggle_words"] and (
        head.lower_ not in ctx.words["struggle_words"]
    ):
        return False
    against = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    against += prep_objects(head, ("against",))
    if not against and head.pos_ == "VERB" and head.dep_ in ("acl", "relcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in head.children
    ):
        against = [head.head]  # "no disease to battle"
    elif not against and head.pos_ == "NOUN" and head.dep_ == "pobj" and (
        head.head.lower_ == "to" and head.head.head.pos_ == "NOUN"
        and not any(c.dep_ in ("det", "poss") for c in head.children)
    ):
        against = [head.head.head]  # the same, where the parser took the verb for a noun
    against += [c for t in against for c in t.children if c.dep_ in ("conj", "nmod")]
    if not against or any(_an_assault_noun(ctx, t) for t in against):
        return False
    return not any(may_be_party(ctx, t) for t in against)


def _an_attack_noun(ctx: Context, token: Token) -> bool:
    """A noun that names an attack ("the explosion", "the bombing"), not its means ("the
    bomb", "artillery shells")."""
    entry = entry_at(ctx, token)
    return token.pos_ == "NOUN" and entry is not None and entry["type"] == "ASSAULT" and (
        "NOUN" in entry.get("pos", ("NOUN",))) and not _munition_piece(ctx, token)


def _an_assault_noun(ctx: Context, token: Token) -> bool:
    """An event noun of an assault ("fought a battle", "fought the offensive")."""
    entry = entry_at(ctx, token)
    return entry is not None and entry["type"] == "ASSAULT"


def party_harm(ctx: Context, trig: dict) -> bool:
    """A verb of killing or wounding done by a person or group to people: "gunmen killed
    five people", "two were shot by soldiers". Not a passive without its doer ("four were
    killed": a toll, which the figures count), nor a weapon, an illness or an accident as
    subject ("a roadside bomb killed four", "cholera killed thirty", "the crash killed
    two"), nor a harm verb with no person or number as object ("shot back", "killing
    journalism"), which the event head decides."""
    verb = trig["head"]
    if trig["type"] != "ASSAULT" or verb.pos_ != "VERB" or (
        verb.lemma_.lower() not in ctx.words["harm_verbs"]
    ):
        return False
    found = doers(verb)
    if not is_passive(verb):
        victims = [c for c in verb.children if c.dep_ == "dobj"]
        if not any(v.pos_ == "NUM" or any(c.dep_ == "nummod" for c in v.children)
                   or may_be_party(ctx, v) for v in victims):
            return False  # "shot back with a laugh", "journalists are killing journalism"
        if not found and verb.dep_ == "conj":  # "stormed the village and killed five"
            found = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return any(party_doer(ctx, d) for d in found)


def party_doer(ctx: Context, token: Token) -> bool:
    """A person or group as the doer of an act: a personal pronoun ("who" for the noun it
    stands for), a name of a person, group or state, one of the document's actors, or a
    noun of people or groups ("gunmen", "rebel forces"); never a weapon or a thing."""
    if token.lower_ in ctx.words["party_pronouns"] and token.pos_ == "PRON":
        if token.lower_ == "who" and token.head.dep_ == "relcl":
            return party_doer(ctx, token.head.head)
        return True
    words = (token.lemma_.lower(), token.lower_)
    if is_weapon(ctx, token) or any(
        w in ctx.non_actors or w in ctx.words["harm_causes"] for w in words
    ):
        return False
    if arguments.among_actors(token) or token.ent_type_ in _PARTY_ENTS:
        return True
    if token.pos_ != "NOUN":
        return False
    return any(w in ctx.person_words for w in words) or _party_noun(ctx, token)


# Entity types of the names of persons, groups and states.
_PARTY_ENTS = {"PERSON", "ORG", "NORP", "GPE"}


def is_weapon(ctx: Context, token: Token) -> bool:
    group = [token] + [c for c in token.children if c.dep_ == "conj"]
    if token.lemma_.lower() in ctx.person_words:
        return False  # gunmen, snipers: people, not means
    return any(
        ctx.weapons.match_at(t.doc, t.i, t.i + 1) is not None
        or t.lemma_.lower() in ctx.lexicon["weapons"]
        for t in group
    )


def drop_carriers(ctx: Context, found: list[dict]) -> list[dict]:
    """A verb whose object is itself a trigger of the same type ("launched rocket
    attacks", "made a request for talks"), or a light verb whose object is a trigger of
    any type ("launched an attack on the port" told as a verbal attack), is dropped in
    favour of the noun (the rules' triggers, and again with those the event head adds)."""
    heads = {f["head"].i: f for f in found}
    kept = []
    for item in found:
        head = item["head"]
        light = head.lemma_.lower() in ctx.light_heads
        if head.pos_ == "VERB" and any(
            c.dep_ in ("dobj", "nsubjpass") and c.i in heads and c.i != head.i
            and (light or heads[c.i]["type"] == item["type"])
            for c in head.children
        ):
            continue
        kept.append(item)
    return kept


def carries_event(ctx: Context, verb: Token) -> bool:
    """A light verb whose object is an event noun of the trigger lexicon, or a noun of a
    number or series of events ("launched an attack", "carried out a wave of raids",
    "staged a protest"): the noun tells the event, the verb only carries it."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ctx.light_heads:
        return False
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
        if obj.lemma_.lower() in ctx.words["carrier_nouns"]:
            return True
        entry = entry_at(ctx, obj)
        if entry is not None and "NOUN" in entry.get("pos", ("NOUN",)):
            return True
    return False


def armed(ctx: Context, trig: dict) -> bool:
    """A weapon in the trigger's own clause, apart from the trigger ("the bombs were
    detonated"; not "her mind is shot")."""
    context = _context(ctx, trig["head"], trig["start"], trig["end"])
    return any(start in context and (end <= trig["start"] or start >= trig["end"])
               for start, end, _m in trig["weapons"])


# -- arguments -------------------------------------------------------------------
def mode(ctx: Context, trig: dict) -> str | None:
    if trig["type"] != "ASSAULT" or trig["mode"] in ctx.words["keep_default_modes"]:
        return trig["mode"]
    context = _context(ctx, trig["head"], trig["start"], trig["end"])
    modes = [m for ws, _we, m in trig["weapons"] if ws in context]
    if not modes:
        return trig["mode"]
    return min(modes, key=lambda m: ctx.priority.get(m, 99))
