"""Senses: what a word of the trigger lexicon, or one the event head would add, is told of
where it stands. The checks by which the rules take a matched word for no event of its
type, or for another type: an object or modifier its entry rules out ("attack the virus",
"a heart attack"), a complement it lacks ("he asked"), a warning that only predicts, a
promise of no harm, a thing as the subject of a word that needs a party, an accident,
a harm done to oneself, a struggle against things, a verb telling what an attack hit, a
name given to an event told otherwise ("called the explosion an attack"), a place of
custody ("in jail"), a verbal sense ("a blistering attack on the governor")."""

from __future__ import annotations

from spacy.tokens import Token

from ...data_files import word_lists
from . import arguments, figurative, means, triggers
from .context import Context
from .lexicon import MODIFIER_DEPS, RELATIVE_PRONOUNS
from .phrases import objects_of, of_objects, prep_objects

_GRAMMAR = word_lists("grammar_words")
# The pronouns of one person ("not_owned": "his rallies").
_PERSONAL = set(_GRAMMAR["person_pronouns"])
# Pronouns that point at a thing said before ("that", "this"), never at a party.
_DEMONSTRATIVES = set(_GRAMMAR["thing_pronouns"]) & set(_GRAMMAR["determiners"])
# Where a word that rules a trigger out may stand ("not_modifiers").
_MODIFIER_OR_SUBJECT = {"compound", "amod", "nmod", "poss", "nsubj"}
# What follows "to" as a preposition, never as the mark of an infinitive.
_NO_VERB_AFTER_TO = {"DET", "PRON", "PROPN", "NUM", "PUNCT", "SPACE"}
# Endings of the noun of one who does what a verb tells ("accuser", "investigator").
_AGENT_ENDINGS = tuple(_GRAMMAR["agent_endings"])


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
    than theirs ("the river froze"), a warning that predicts, a promise of no harm, a noun
    of a person ("accusers"), a verb of saying only ("said"), a word that needs a person
    as object told without one ("released a video"), a charge ("convicted of murder")."""
    doc = token.doc
    entry = triggers.entry_at(ctx, token) or {}
    if token.pos_ == "NOUN" and names_doer(ctx, token):
        return True  # "false accusers", "a Cruz endorser": people, no event
    if not entry and token.lemma_.lower() in ctx.words["speaking_verbs"]:
        return True  # "the rebels said they had ...": a report, no event
    if lacks_person(ctx, token, entry):
        return True  # "a video released on Sunday": no one released
    if token.pos_ == "NOUN":
        if token.dep_ in MODIFIER_DEPS and (
            token.head.lemma_.lower() not in ctx.event_modified
        ):
            return True
        if not _names_event(ctx, token, entry) and (
            ctx.weapons.match_at(doc, token.i, token.i + 1)
            or triggers.munition_piece(ctx, token) and means.is_means(ctx, token)
        ):
            return True  # "bring down a drone", "fired mortar rounds": the means
    if token.pos_ == "NOUN" and (a_label(ctx, token) or triggers.a_charge(ctx, token)):
        return True  # "convicted of murder": a verdict, no new event
    if triggers.describes_party(ctx, token, type_):
        return True  # "the attacking forces": who they are
    if type_ == "ASSAULT" and (no_assault(ctx, token) or tells_what_it_hit(ctx, token)):
        return True
    if token.pos_ == "NOUN" and in_custody(ctx, token, entry.get("mode")):
        return True
    if entry.get("party_subject") and thing_subject(ctx, token):
        return True  # "the report warns that prices will rise": no act of its subject
    if type_ == entry.get("type") and lacks_complement(token, entry):
        return True  # "'Mistake?' he asked": a question, not a request
    if triggers.carries_event(ctx, token):
        return True  # "launched an attack": the attack is the event, not the launching
    if entry.get("objects") and (listed_object(token, entry["objects"]) or {}).get(
        "type"
    ) != type_:
        return True  # "the river froze", "froze his assets" as COERCE: the objects its
        # entry lists decide whether the word is an event, and of which type
    if entry.get("harm_clause") and prediction(ctx, token):
        return True  # "warned that the deal was dangerous": no event of any type
    if (verbal_sense(token, entry) or {}).get("type", type_) != type_:
        return True  # "a blistering attack on the governor": words, no assault
    if type_ == "THREATEN" and _promise_of_no_harm(ctx, token):
        return True  # "promised to build a wall": a promise, not a threat
    return bool(entry) and ruled_out_objects(ctx, token, entry)


def lacks_person(ctx: Context, head: Token, entry: dict) -> bool:
    """A word whose entry needs a person or group as object (``objects_any``) told without
    one ("released a video"); the people of a number's "of" phrase count ("beat dozens of
    protesters")."""
    if entry.get("objects_any") != ["person"]:
        return False
    objs = objects_of(head) or ([head] if head.pos_ == "NOUN" else [])
    pobjs = [c for t in objs + ([head] if head.pos_ == "NOUN" else []) for c in of_objects(t)]
    return not any(arguments.is_person(ctx, t) and t.ent_type_ not in ("DATE", "TIME")
                   for t in objs + pobjs)  # "on Sunday" is no one


def names_doer(ctx: Context, noun: Token) -> bool:
    """A noun of a person: a person word, or the noun of one who does what a verb of the
    trigger lexicon tells ("accuser", "investigator", "kidnapper")."""
    if arguments.is_person(ctx, noun):
        return True
    lemma = noun.lemma_.lower()
    for ending in _AGENT_ENDINGS:
        stem = lemma[:-len(ending)]
        if not lemma.endswith(ending) or len(stem) < 3:
            continue
        undoubled = stem[:-1] if stem[-1] == stem[-2] else None  # "kidnapper": "kidnap"
        for verb in (stem, stem + "e", undoubled):
            entry = ctx.lexicon["triggers"].get(verb) if verb else None
            if entry is not None and "VERB" in entry.get("pos", ("VERB",)):
                return True
    return False


def tells_what_it_hit(ctx: Context, verb: Token) -> bool:
    """A verb of hitting whose doer is an assault noun, its own or that of the clause it
    hangs on: "the explosion targeted a bakery", "the blast caused heavy damage,
    shattering windows, while two cars were destroyed". It tells what that attack hit
    (which the noun takes as its recipient), not an attack of its own."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ctx.words["hit_verbs"]:
        return False
    current = verb
    for _ in range(3):
        found = triggers.doers(current)
        if found:
            return any(_an_attack_noun(ctx, t) for t in found)
        if current.dep_ not in ("conj", "advcl") or current.head.i == current.i:
            return False
        current = current.head
    return False


def a_label(ctx: Context, noun: Token) -> bool:
    """An event noun that is what someone calls an event told otherwise, an event noun or
    a pronoun ("called the explosion an attack", "in what the president called an attack",
    "described the shooting as a terrorist attack"): a name given to that event, no event
    of its own. What is called so is no event otherwise ("called the speech a verbal
    assault") leaves the noun the event."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "as":
        verb = verb.head
    elif noun.dep_ != "oprd":
        return False
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ctx.words["naming_verbs"]:
        return False
    named = [c for c in verb.children if c.dep_ == "dobj"]
    return any(t.pos_ == "PRON" or triggers.entry_at(ctx, t) is not None for t in named)


def ruled_out_objects(ctx: Context, head: Token, entry: dict) -> bool:
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
    if noun.head.lower_ not in ctx.words["gathering_preps"] or (
        verb.pos_ not in ("VERB", "AUX")
    ) or any(
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


def in_custody(ctx: Context, noun: Token, mode: str | None) -> bool:
    """An arrest noun after a preposition of where one is held ("in jail", "in
    detention"): a state, not an arrest."""
    return mode == "arrest" and noun.dep_ == "pobj" and (
        noun.head.lower_ in ctx.words["custody_preps"]
    )


def lacks_complement(verb: Token, entry: dict) -> bool:
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


def _promise_of_no_harm(ctx: Context, verb: Token) -> bool:
    """A verb of promising whose complement is no harm to anyone: "promised to build a
    wall" is no threat, "vowed to retaliate", "pledged to impose sanctions" are."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ctx.words["promise_verbs"]:
        return False
    acts = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "dobj")]
    for act in acts:  # "vowed, 'We are going to defeat them'": down the chain of verbs
        acts.extend(c for c in act.children if c.dep_ in ("xcomp", "ccomp", "conj"))
    return not any(_harmful(ctx, act) for act in acts)


def prediction(ctx: Context, verb: Token) -> bool:
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
    entry = triggers.entry_at(ctx, act)
    if entry is None:
        return False
    types = {entry["type"]} | {o["type"] for o in (entry.get("objects") or {}).values()}
    return bool(types & ctx.words["threat_types"])


def verbal_sense(head: Token, entry: dict) -> dict | None:
    """The sense of words, not deeds, that one of the word's own modifiers gives it ("a
    blistering attack on the governor", "under political attack"), or a noun of speech
    joined to it ("just insults and attacks"), or None."""
    verbal = entry.get("verbal_modifiers")
    if verbal and (any(c.dep_ in MODIFIER_DEPS and c.lower_ in verbal["words"]
                       for c in head.children)
                   or any(t.lemma_.lower() in verbal.get("conjuncts", ()) for t in head.conjuncts)):
        return verbal
    return None


def listed_object(head: Token, objects: dict) -> dict | None:
    """The sense (type and mode) that the first of the word's objects listed in its
    entry's ``objects`` gives it ("imposed a curfew", "froze his assets"), or None."""
    for obj in objects_of(head):
        for form in (obj.lemma_.lower(), obj.lower_):
            if form in objects:
                return objects[form]
    return None


def thing_subject(ctx: Context, verb: Token) -> bool:
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
        triggers.may_be_party(ctx, t) for t in [subject, *of_objects(subject)])


def no_assault(ctx: Context, head: Token) -> bool:
    """A word of assault told of no assault: an accident, a harm done to oneself, a
    struggle against things, harm done by nature, or figurative harm ("an accidental
    explosion", "killed himself", "fight inflation", "the earthquake destroyed hundreds of
    homes", "killing journalism")."""
    return (accidental(ctx, head) or _self_harm(ctx, head)
            or _struggle_with_things(ctx, head) or _by_nature(ctx, head)
            or figurative.figurative(ctx, head))


def accidental(ctx: Context, head: Token) -> bool:
    """"an accidental explosion", "the device detonated accidentally", "a gas explosion"
    (accident_sources, alone: not "a tear gas attack")."""
    carriers = [head]
    verb = arguments.light_verb(ctx, head) if head.pos_ == "NOUN" else None
    if verb is not None:
        carriers.append(verb)
    if any(c.dep_ in ("amod", "advmod") and c.lower_ in ctx.words["accident_words"]
           for carrier in carriers for c in carrier.children):
        return True
    # what went off, named before the noun: its words, less any weapon among them
    named = [t for t in head.lefts if t.dep_ in ("compound", "amod", "nmod")]
    if not named or ctx.weapons.find(head.doc, named[0].left_edge.i, head.i):
        return False
    return any(t.lemma_.lower() in ctx.words["accident_sources"]
               for n in named for t in n.subtree)


def _by_nature(ctx: Context, verb: Token) -> bool:
    """A verb whose doer is a force of nature or another harm cause: "the earthquake
    destroyed hundreds of homes", "floods damaged the bridge"."""
    return verb.pos_ == "VERB" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in ctx.words["harm_causes"]
        for c in verb.children)


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
    return not any(triggers.may_be_party(ctx, t) for t in against)


def _names_event(ctx: Context, token: Token, entry: dict | None) -> bool:
    """Whether a word with the lexicon ``entry`` is, as a noun, the event itself: an entry
    that allows nouns, and no piece of a weapon ("mortar rounds": the means)."""
    return bool(entry) and "NOUN" in entry.get("pos", ("NOUN",)) and (
        not triggers.munition_piece(ctx, token))


def _an_attack_noun(ctx: Context, token: Token) -> bool:
    """A noun that names an attack ("the explosion", "the bombing"), not its means ("the
    bomb", "artillery shells")."""
    entry = triggers.entry_at(ctx, token)
    return token.pos_ == "NOUN" and _names_event(ctx, token, entry) and (
        entry["type"] == "ASSAULT")


def _an_assault_noun(ctx: Context, token: Token) -> bool:
    """An event noun of an assault ("fought a battle", "fought the offensive")."""
    entry = triggers.entry_at(ctx, token)
    return entry is not None and entry["type"] == "ASSAULT"
