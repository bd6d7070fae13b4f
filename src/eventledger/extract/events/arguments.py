"""Arguments: the actor and recipient of a trigger, from a verb's subject and object (the passive's
``by`` phrase) or a noun's ``of``/``by``/possessor, and a light verb's subject."""

from __future__ import annotations

from spacy.tokens import Token

from ...data_files import word_lists
from ..actor_coref import gender_fits
from ..base import is_excluded
from ..syntax import first_dep as _first_dep
from .context import Context
from .lexicon import (
    ADJUNCT_PREPS,
    CARRIER_PREPS,
    COURSE_PREPS,
    HIT_PREPS,
    IMPACT_PREPS,
    NOBODY_ACTORS,
    NON_ACTOR_ENTS,
    RECIPIENT_PREPS,
    RELATIVE_PRONOUNS,
    SITE_NOUNS,
    TARGET_PREPS,
    TARGET_WORDS,
    THIRD_PERSON_POSSESSIVES,
    TIME_ENTS,
    TIME_UNITS,
    TIMES_OF_DAY,
    TYPES_OF_RECIPIENT,
    VENUE_PREPS,
)
from .means import is_means
from .phrases import (
    addressees,
    is_passive,
    manner_verb,
    named_as_site,
    named_form,
    names_site,
    objects_of,
    of_objects,
    prep_objects,
    responsible_party,
    shared_object,
    verb_phrase_in,
)

# "he said he had ordered": pronouns of one person, and of an organisation
PERSON_PRONOUNS = word_lists("grammar_words")["person_pronouns"]
ORG_PRONOUNS = word_lists("grammar_words")["org_pronouns"]
# Opening and closing quotation marks (not the apostrophe, which possessives use too)
QUOTE_MARKS = ('"', "''", "\u201c", "\u201d", "\u2018")
# "the attack": an article makes a word tagged as a verb a noun
ARTICLES = word_lists("grammar_words")["indefinite_articles"] | {"the"}
# Tags of a named place or building ("met at the Cafe Dupont")
SITE_ENTS = ("FAC", "GPE", "LOC")
_NOUN_ROLES = ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "oprd", "xcomp")
# "blamed the bombing on X": X is the party blamed, neither the bombing's target nor a theme
BLAME_VERBS = word_lists("grammar_words")["blame_verbs"]
# "Venezuela's protests": people protest, a state or a town does not
PEOPLE_ONLY_TYPES = {t.upper() for t in word_lists("grammar_words")["people_only_types"]}


def can_act(ctx: Context, token: Token) -> bool:
    """Whether ``token`` may stand for the party that acts: not a thing ("the device
    detonated"), not another event ("the attack, which killed three"), not a time or a
    site ("30 minutes' warning", "the cafe which killed")."""
    lemma = token.lemma_.lower()
    if token.ent_type_ in NON_ACTOR_ENTS:
        return False
    if lemma in NOBODY_ACTORS or any(
        c.dep_ == "det" and c.lower_ == "no" for c in token.children
    ):
        return False  # "no group has claimed the blast"
    legal = ctx.words["legal_words"]
    if token.pos_ == "NOUN" and (lemma in ctx.non_actors or lemma in legal):
        return False
    if token.pos_ == "NOUN" and lemma in ctx.lexicon["triggers"]:
        return False
    if token.dep_ == "poss" and lemma in TIME_UNITS:
        return False
    return not is_means(ctx, token)  # "a mortar round damaged the school": the means


def is_party(ctx: Context, token: Token) -> bool:
    """A person or group: by its words, or named among the document's actors."""
    return is_person(ctx, token) or among_actors(token)


def among_actors(token: Token, kind: str | None = None) -> bool:
    """Whether ``token`` is in a mention of one of the document's actors (of ``kind``, as
    "person", where given)."""
    return any(m["start"] <= token.idx < m["end"]
               for actor in token.doc._.el_actors or ()
               if kind is None or actor.get("kind") == kind for m in actor["mentions"])


def is_person(ctx: Context, token: Token) -> bool:
    if token.pos_ == "NOUN" and token.lemma_.lower() == "person":
        return True
    return (
        token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or token.pos_ in ("PROPN", "PRON")
        or token.lemma_.lower() in ctx.person_words
        or token.lower_ in ctx.person_words
    )


def _met_a_device(ctx: Context, verb: Token) -> bool:
    """A verb of running into something (device_meeting_verbs) whose object is a weapon
    left in place: "the convoy hit a roadside bomb", "a soldier stepped on a mine"."""
    if not verb_phrase_in(verb, ctx.words["device_meeting_verbs"]):
        return False
    device = _first_dep(verb, "dobj") or next(
        (o for p in verb.children if p.dep_ in ("prt", "prep")
         for o in p.children if o.dep_ == "pobj"), None)
    return device is not None and is_means(ctx, device)


def _a_time(token: Token) -> bool:
    """A date or a time, named or a time of day ("on Monday", "at dawn")."""
    return token.ent_type_ in TIME_ENTS or token.lower_ in TIMES_OF_DAY


def carrier_top(ctx: Context, head: Token) -> Token:
    """The noun that carries a noun trigger in the clause ("a series of attacks", "a
    second round of talks"), or the trigger itself."""
    for _ in range(2):
        if head.dep_ == "pobj" and head.head.lower_ in CARRIER_PREPS and (
            head.head.head.lemma_.lower() in ctx.words["carrier_nouns"]
        ):
            head = head.head.head
        else:
            break
    return head


def light_verb(ctx: Context, head: Token) -> Token | None:
    """The verb carrying a noun trigger ("carried out", "launched", "came under",
    "launched a series of attacks", "claimed responsibility for the bombing")."""
    head = carrier_top(ctx, head)
    if head.dep_ in ("dobj", "nsubjpass", "attr"):
        verb = head.head
    elif head.dep_ == "pobj" and head.head.head.pos_ in ("VERB", "AUX") and (
        head.head.lower_ not in ADJUNCT_PREPS
    ) and _first_dep(head.head.head, "dobj") is None:
        # "came under attack"; not "received a request concerning the attacks", whose
        # verb carries its own object
        verb = head.head.head
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if verb.lemma_.lower() in ctx.light_heads or head.lemma_.lower() == "responsibility":
        return verb
    return None


def _recipient_token(ctx: Context, token: Token) -> Token:
    """"the policies of Netanyahu" -> Netanyahu: an abstract object stands for its
    owner."""
    if token.lemma_.lower() in ctx.abstract:
        for child in token.children:
            if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
                return child
        for pobj in of_objects(token):
            return pobj
    return token


def arguments(ctx: Context, trig: dict) -> tuple[Token | None, Token | None]:
    head: Token = trig["head"]
    type_ = trig["type"]
    # the trigger's words, with a phrase's object told apart ("opened heavy fire on X")
    tokens = [head.doc[i] for i in range(trig["start"], trig["end"])] + trig.get("words", [])
    actor = recipient = None
    entry = trig.get("entry") or {}
    if head.pos_ in ("VERB", "AUX") and not _noun_in_form(head):
        actor, recipient = _verb_arguments(ctx, head, tokens, type_)
        if entry.get("subject") == "recipient" and not is_passive(head):
            # "the rebels received weapons from X": the subject gets, X gives
            recipient, actor = actor, _giver(ctx, head) or next(
                (g for o in objects_of(head) if (g := _giver(ctx, o)) is not None), None)
    else:
        actor, recipient = _noun_arguments(ctx, head, tokens, type_)
    if recipient is not None:
        recipient = _recipient_token(ctx, recipient)
    doc = head.doc
    actor, recipient = named_form(actor), named_form(recipient)
    if actor is not None and (speaker := speaker_of(actor)) is not None:
        actor = speaker  # "Castaner said he had ordered": Castaner ordered
    if actor is not None and actor.pos_ == "NOUN" and (
        actor.lemma_.lower() in ctx.words["aim_nouns"]
    ):
        # "our goal is to destroy X": the aim's owner acts; "the mission is to": no one
        owner = _first_dep(actor, "poss")
        actor = owner if owner is not None and (
            owner.lower_ not in THIRD_PERSON_POSSESSIVES) else None
    if actor is not None and actor.lower_ in RELATIVE_PRONOUNS and actor.head.dep_ == "relcl":
        actor = actor.head.head  # "the attack, which killed three": the antecedent
        if actor.lemma_.lower() in SITE_NOUNS or names_site(actor, whole=False):
            actor = None  # "an attack at the cafe, which killed 13": not the cafe
    if actor is not None and _a_time(actor):
        actor = None
    if recipient is not None and _a_time(recipient):
        recipient = None  # "stormed into the town at dawn": when, not whom
    if actor is not None and is_excluded(doc, actor.idx, actor.idx + len(actor)):
        actor = None
    if recipient is not None and is_excluded(doc, recipient.idx,
                                             recipient.idx + len(recipient)):
        recipient = None
    # the missile is the means, not a party (its owner may be: "Israeli warplanes", "the
    # army's helicopters"); nor is a thing, a time or another event
    if actor is not None and not can_act(ctx, actor):
        actor = _means_owner(actor, type_) if is_means(ctx, actor) else None
    if recipient is not None and is_means(ctx, recipient):
        recipient = None
    if head.pos_ in ("VERB", "AUX") and not is_passive(head):
        has_object = _first_dep(head, "dobj") is not None
        if _met_a_device(ctx, head):
            # "their convoy hit a roadside bomb": the convoy was hit, by no one named
            actor, recipient = None, _first_dep(head, "nsubj")
        if entry.get("subject") == "means" and not has_object:
            actor = None  # "the bomb exploded": what went off, not who set it off
        if entry.get("object") == "means" and recipient is not None and (
            recipient.dep_ == "dobj"
        ):
            recipient = None  # "detonated a device": the means, not the one hit
    elif entry.get("object") == "means" and recipient is not None and (
        recipient.dep_ == "nsubjpass"
    ):
        recipient = None  # "400kg of explosives had been used": the means again
    if recipient is not None and recipient.lower_ in ctx.words["reflexives"]:
        recipient = None  # "blew himself up": the attacker, not the one attacked
    if recipient is not None and recipient.i not in addressees(head) and (
        entry.get("object") == "theme"
        or entry.get("object") == "party" and not is_party(ctx, recipient)
        or entry.get("object") == "event" and recipient.pos_ == "NOUN"
        and recipient.lemma_.lower() in ctx.lexicon["triggers"]
    ):
        recipient = None  # "called for talks", "ordered an inquiry", "threatened a
        # boycott": what is asked for or threatened
        if type_ == "CONSULT":
            recipient = _partner(head)  # "discussed the plan with X": X
    blamed = _blamed(ctx, head)
    if blamed is not None:
        # the blaming verb's recipient is whom it blames; the blamed event's is not them
        recipient = blamed if head.pos_ in ("VERB", "AUX") else (
            None if recipient is not None and recipient.i == blamed.i else recipient)
    if actor is not None and recipient is not None and actor.i == recipient.i:
        recipient = None
    return actor, recipient


def speaker_of(pronoun: Token) -> Token | None:
    """The speaker a subject pronoun of a reported clause stands for: "he" or "she" for a
    person, "it" for an organisation ("Castaner said he had ordered", "the ministry said it
    had arrested"); the head word of the report's source."""
    if pronoun.dep_ != "nsubj" or pronoun.pos_ != "PRON":
        return None
    person, group = pronoun.lower_ in PERSON_PRONOUNS, pronoun.lower_ in ORG_PRONOUNS
    if not person and not group:
        return None
    doc, clause = pronoun.doc, pronoun.head
    if group and clause.lemma_ == "be":
        return None  # "it is impossible to ...": no one
    actors = {actor["id"]: actor for actor in doc._.el_actors or ()}
    for report in doc._.el_attributions or ():
        content, source, cue = report.get("content"), report.get("source"), report.get("cue")
        if not content or not source or not cue or not (
            content["start"] <= pronoun.idx < content["end"]
            and cue["start"] <= clause.head.idx < cue["end"]
        ):
            continue  # the pronoun is the subject of the clause the cue reports
        if any(q in doc.text[max(0, content["start"] - 2):pronoun.idx] for q in QUOTE_MARKS) or any(
            c.dep_ in ("dobj", "dative") for c in clause.head.children
        ):
            continue  # a quote ("'He came in', the officer said") or someone else spoken
            # of or to ("asking Sanders why he has criticized")
        actor = actors.get(source.get("actor"))
        if actor is None or (actor.get("kind") == "person") != person or not gender_fits(
            actor, pronoun.lower_
        ):
            continue
        span = doc.char_span(source["start"], source["end"], alignment_mode="expand")
        if span is None or span.root.pos_ == "PRON":
            return None  # "He said he would": a pronoun for a pronoun tells nothing more
        return span.root
    return None


def _shared_passive(verb: Token) -> bool:
    """A participle joined to a passive verb, with no subject of its own, that shares its
    subject ("were beaten and arrested": the arrested were the beaten)."""
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.pos_ == "VERB" and (
        _first_dep(verb.head, "nsubjpass") is not None) and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _object_gap(ctx: Context, verb: Token) -> bool:
    """An infinitive qualifying a noun that is its object, not its subject: no object of
    its own, and the noun no party ("topics to discuss"; not "the first man to land")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and (
        _first_dep(verb, "dobj") is None and not is_party(ctx, verb.head))


def _a_site(token: Token) -> bool:
    """A place or a site by its name's tag, the document's places or its words."""
    return token.ent_type_ in SITE_ENTS or names_site(token) or any(
        t.lemma_.lower() in SITE_NOUNS for t in token.subtree)


def _partner(head: Token) -> Token | None:
    """Whom a verb of talking was with, on the verb or on its object ("discussed the plan
    with the mayor")."""
    for carrier in [head, *(c for c in head.children if c.dep_ == "dobj")]:
        for child in carrier.children:
            if child.dep_ == "prep" and child.lower_ == "with":
                return _first_dep(child, "pobj")
    return None


def _noun_in_form(head: Token) -> bool:
    """A trigger tagged as a verb that stands where a noun does, with an article on it or
    on a noun before it ("calling the nightclub attack an act of terror", "calling the
    market bombing an accident"), or a gerund with a "between" phrase of its parties
    ("Fighting between the army and rebels has forced ...")."""
    nouns = [head] + [c for c in head.children if c.dep_ == "compound" and c.i < head.i]
    if head.dep_ in _NOUN_ROLES and head.tag_ == "VBG" and any(
        c.dep_ == "prep" and c.lower_ == "between" for c in head.children
    ):
        return True  # "Fighting between the army and rebels": a gerund named as a noun
    return head.dep_ in _NOUN_ROLES and any(
        c.dep_ == "det" and c.lower_ in ARTICLES for noun in nouns for c in noun.children)


def _blamed(ctx: Context, head: Token) -> Token | None:
    """Whom "blamed X on Y" blames: Y, for the verb and for the event X (or "the problem
    of X"), wherever the parser hangs the "on" phrase; not when X is a party ("blamed the
    officials on Twitter")."""
    verb = head
    for _ in range(3):  # "blamed the problem of mass shootings on X"
        if verb.dep_ == "pobj" and verb.head.lower_ == "of":
            verb = verb.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head if verb.dep_ == "dobj" else verb
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in BLAME_VERBS:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if any(o.pos_ != "PRON" and is_person(ctx, o) for o in objects):
        return None
    objects += [p for o in objects for p in of_objects(o)]
    for carrier in [verb, *objects]:
        for child in carrier.children:
            if child.dep_ == "prep" and child.lower_ == "on":
                pobj = _first_dep(child, "pobj")
                if pobj is not None:
                    return pobj
    return None


def _acting_owner(token: Token, type_: str) -> bool:
    """A possessive that may be who did the event: not "its" or "their" (which stand for a
    party named elsewhere), nor a place that tells where (:func:`_place_owner`)."""
    return token.lower_ not in THIRD_PERSON_POSSESSIVES and not _place_owner(token, type_)


def _place_owner(token: Token, type_: str) -> bool:
    """A possessive that tells where, not who: a place smaller than a country ("the
    city's bombing"), or any place as the owner of what only people do ("Venezuela's
    protests")."""
    if names_site(token, whole=False):
        return True
    return type_ in PEOPLE_ONLY_TYPES and any(
        place["start"] < token.idx + len(token) and token.idx < place["end"]
        for place in token.doc._.el_places or ())


def _giver(ctx: Context, token: Token) -> Token | None:
    """Who gives what a receiving verb's subject gets: "received weapons from X", "came
    under criticism from X" (the phrase on the verb or on its noun)."""
    return next((_first_dep(c, "pobj") for c in token.children
                 if c.dep_ == "prep" and c.lower_ in ctx.words["giver_preps"]), None)


def _subject_of(ctx: Context, verb: Token, depth: int = 0) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj",):
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    if depth < 3 and verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i:
        if verb.dep_ == "xcomp" and (obj := _first_dep(verb.head, "dobj")) is not None and (
            verb.head.lemma_.lower() not in ctx.words["wielding_verbs"]
            and verb.head.lemma_.lower() not in ctx.words["holding_verbs"]
            and obj.lower_ not in RELATIVE_PRONOUNS
        ):
            # "asked Dorn to withdraw": Dorn is to withdraw, not the asker; but "used the
            # territory to bomb X": what is used is the means, its user acts; "have other
            # topics to discuss", "the chance that we have to discuss": the holder acts
            return obj
        if verb.head.pos_ in ("VERB", "AUX"):
            return _subject_of(ctx, verb.head, depth + 1)
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN") and not is_passive(verb):
        antecedent = verb.head
        if _object_gap(ctx, verb) and antecedent.dep_ == "dobj" and depth < 3:
            # "have other topics to discuss": the topics are discussed, the holder discusses
            return _subject_of(ctx, antecedent.head, depth + 1)
        return antecedent
    # "the group's decision to carry out": the owner of the decision
    if verb.dep_ in ("acl", "xcomp") and verb.head.pos_ == "NOUN":
        return _first_dep(verb.head, "poss")
    return None


def _fronted_participle(verb: Token) -> bool:
    """A past participle heading a clause of its own without subject or auxiliary, on
    the main verb ("Arrested last week, the activist was freed", "Asked to point him out,
    the witness gestured", "When attacked, the convoy turned back"): a passive, whose
    undergoer is the main clause's subject. Only before the main verb: after it, a
    participle is as often a past tense the parser misread ("called my lenders, asked
    for extensions")."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.i < verb.head.i and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)


def _verb_arguments(ctx: Context, head: Token, tokens: list[Token], type_: str):
    actor = recipient = None
    shared = _shared_passive(head)
    fronted = _fronted_participle(head)
    passive = is_passive(head) or shared or fronted
    for child in head.children:
        if child.dep_ == "agent":
            actor = _first_dep(child, "pobj") or actor
        elif child.dep_ == "nsubj" and not passive:
            actor = child
        elif child.dep_ == "nsubjpass":
            recipient = child
        elif child.dep_ == "dobj" and not passive and type_ not in ("MOBILIZE", "AID") and (
            child not in tokens  # the fire of "opened fire on X": the trigger's own word
        ):
            if not is_means(ctx, child):
                recipient = child
            elif recipient is None:
                # "fired rockets at X": the rockets are the means, X what they were fired
                # at, whether the parser hangs "at X" on the verb or on the rockets
                recipient = next((_first_dep(c, "pobj") for c in child.children
                                  if c.dep_ == "prep" and c.lower_ in HIT_PREPS), None)
    if shared and recipient is None:
        recipient = _first_dep(head.head, "nsubjpass")  # "were beaten and arrested"
    if recipient is None and not passive and type_ not in ("MOBILIZE", "AID"):
        recipient = shared_object(head)  # "beat and detained dozens of protesters"
    if fronted and recipient is None:
        # "Arrested last week, the activist was freed": the activist was arrested
        recipient = _first_dep(head.head, "nsubj") or _first_dep(head.head, "nsubjpass")
    if actor is None and passive:
        # "were beaten and arrested by police": the police did both
        partners = [head.head] if shared else []
        partners += [c for c in head.children if c.dep_ == "conj" and _shared_passive(c)]
        actor = next((p for partner in partners if (agent := _first_dep(partner, "agent"))
                      is not None and (p := _first_dep(agent, "pobj")) is not None), None)
    if actor is None and not passive:
        actor = _subject_of(ctx, head)
    if actor is None and passive and head.dep_ in ("conj", "xcomp"):
        actor = None
    if recipient is None and head.dep_ == "acl" and head.tag_ == "VBN":
        recipient = head.head  # "civilians killed by soldiers"
    if recipient is None:
        for token in tokens:
            if token.pos_ == "ADP" and token.i != head.i:
                recipient = _first_dep(token, "pobj")
                if recipient is not None:
                    break
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in IMPACT_PREPS:
                    pobj = _first_dep(child, "pobj")
                    if pobj is not None and type_ == "ASSAULT" and (
                        token.lemma_.lower() in ctx.words["impact_verbs"]
                        or is_party(ctx, pobj)
                    ):
                        recipient = pobj  # "rammed into the crowd", not "into space"
                        break
                if child.dep_ == "prep" and child.lower_ in RECIPIENT_PREPS:
                    pobj = _first_dep(child, "pobj")
                    if pobj is None or pobj.ent_type_ in TIME_ENTS:
                        continue  # "on Monday" is a time, not a party
                    if child.lower_ in VENUE_PREPS and type_ != "ASSAULT" and (
                        _a_site(pobj) or child.lower_ == "at" and not is_party(ctx, pobj)
                    ):
                        continue  # "met at the Cafe Dupont": where, not with whom
                    if child.lower_ in TARGET_PREPS or (
                        child.lower_ == "at" and type_ == "ASSAULT"
                    ) or (
                        token.i != head.i or type_ in ("REQUEST", "CONSULT", "AID")
                    ) or child.i > tokens[-1].i > head.i:  # "set fire to the station"
                        recipient = pobj
                        break
            if recipient is not None:
                break
    return actor, recipient


def _manner_doer(ctx: Context, head: Token) -> Token | None:
    """Who acted in protest: the subject of the verb whose "in" phrase the manner noun is
    ("workers stopped work in protest at the cuts")."""
    verb = manner_verb(head, ctx.words["manner_nouns"])
    return _subject_of(ctx, verb) if verb is not None and not is_passive(verb) else None


def _course_doer(ctx: Context, head: Token, type_: str) -> Token | None:
    """Who did what was done in the course of an event noun, by a verb of harm for an
    assault or of the noun's own type: the gunmen of "gunmen killed 12 villagers in a
    raid" did the raid, the police of "police arrested six in a dawn raid" theirs. Not
    the victims of a passive ("12 were killed in a raid"), nor a gathering in whose course
    the harm was done ("soldiers shot two protesters during the march")."""
    prep = head.head
    if head.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in COURSE_PREPS:
        return None
    verb = prep.head
    lemma = verb.lemma_.lower()
    own_type = (ctx.lexicon["triggers"].get(lemma) or {}).get("type") == type_
    if verb.pos_ != "VERB" or not (
        own_type or type_ == "ASSAULT" and lemma in ctx.words["harm_verbs"]
    ) or (
        is_passive(verb) or verb.tag_ == "VBN" and not any(
            c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    ):
        return None  # "three were killed and seven wounded in the strikes": victims
    subject = _first_dep(verb, "nsubj")
    return subject if subject is not None and subject.pos_ != "NUM" else None


def _noun_arguments(ctx: Context, head: Token, tokens: list[Token], type_: str):
    actor, recipient = _carrier_agent(ctx, head), None
    for child in head.children:
        if child.dep_ == "poss" and _acting_owner(child, type_):
            actor = child
        elif child.dep_ in ("prep", "agent"):
            word = child.lower_
            pobj = _first_dep(child, "pobj")
            if pobj is None or pobj.ent_type_ in TIME_ENTS:
                continue  # "the explosion on April 19" is a time, not a target
            if word == "by":
                actor = pobj
            elif word == "of":
                if type_ in ("THREATEN", "REQUEST"):
                    continue  # "the threat of violence": what is threatened
                if type_ in TYPES_OF_RECIPIENT:
                    recipient = pobj
                    # "the killing of civilians by the forces": by may hang on civilians
                    for sub in pobj.children:
                        if sub.dep_ == "prep" and sub.lower_ == "by":
                            actor = _first_dep(sub, "pobj") or actor
                elif type_ == "PROTEST" and not is_party(ctx, pobj):
                    recipient = recipient or pobj  # "in protest of the tests": what against
                elif actor is None:
                    actor = pobj
            elif word in TARGET_WORDS and recipient is None:
                recipient = pobj
            elif word == "between" and actor is None:
                actor = pobj  # two-sided: every party is an actor
                if type_ in TYPES_OF_RECIPIENT and recipient is None:
                    # "clashes between police and protesters": the first party acts, the
                    # second is on the receiving end (as a dyad is coded)
                    recipient = _first_dep(pobj, "conj")
            elif word == "with" and type_ == "CONSULT" and recipient is None:
                recipient = pobj
        elif child.dep_ == "acl" and child.tag_ == "VBN":
            # "attacks carried out by X", "bombings aimed at X"; not "arrests documented
            # by X", which tells who reported them
            agent = _first_dep(child, "agent")
            if agent is not None and actor is None and _done_by(ctx, child):
                actor = _first_dep(agent, "pobj")
            if child.lemma_.lower() in ctx.words["hit_verbs"] and recipient is None:
                for sub in child.children:
                    if sub.dep_ == "prep" and sub.lower_ in HIT_PREPS:
                        recipient = _first_dep(sub, "pobj")
    if recipient is None and head.head.lemma_.lower() in ctx.words["hit_verbs"]:
        verb = head.head
        if head.dep_ == "nsubj":  # "the explosion damaged the bakery"
            recipient = _first_dep(verb, "dobj")
    if recipient is None and head.dep_ == "pobj" and head.head.dep_ == "agent":
        # "the building was shattered by an explosion"
        verb = head.head.head
        if verb.lemma_.lower() in ctx.words["hit_verbs"]:
            recipient = _first_dep(verb, "nsubjpass")
    if actor is None:
        actor = _modifier_actor(head) or _course_doer(ctx, head, type_) or (
            _manner_doer(ctx, head))
    verb = light_verb(ctx, head)
    if verb is not None:
        lemma = verb.lemma_.lower()
        if lemma in ctx.words["receiving_verbs"]:
            # "X has come under criticism": X is on the receiving end, "from Y" gives it
            if recipient is None:
                recipient = _subject_of(ctx, verb)
            if actor is None:
                actor = _giver(ctx, head) or _giver(ctx, verb)
        elif actor is None:
            if is_passive(verb):
                agent = _first_dep(verb, "agent")
                actor = _first_dep(agent, "pobj") if agent is not None else None
            else:
                actor = _subject_of(ctx, verb)
        if recipient is None:
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
                    recipient = _first_dep(child, "pobj")
                    break
    giver = head.head if head.head.lemma_.lower() in ctx.words["giving_verbs"] else None
    if giver is not None and head.dep_ == "dobj":
        # "gave the workers an ultimatum", "the workers were given an ultimatum"
        if recipient is None:
            recipient = _given_to(giver) or (
                _first_dep(giver, "nsubjpass") if is_passive(giver) else None)
        if actor is None and not is_passive(giver):
            actor = _first_dep(giver, "nsubj")  # "the group gave the police a warning"
    elif giver is not None and head.dep_ == "nsubjpass":
        # "a warning was given to the police (by the group)"
        recipient = recipient or _given_to(giver)
        agent = _first_dep(giver, "agent")
        if actor is None and agent is not None:
            actor = _first_dep(agent, "pobj")
    if recipient is None:
        recipient = _relative_target(ctx, head)
    if actor is None:
        actor = responsible_party(head, ctx.event_modified, ctx.words["party_predicates"])
    return actor, recipient


def _given_to(giver: Token) -> Token | None:
    """Whom a verb of giving gives to: its indirect object ("gave the police a warning")
    or its "to" phrase ("gave a warning to the police")."""
    dative = _first_dep(giver, "dative")
    if dative is not None and dative.lower_ == "to":
        return _first_dep(dative, "pobj")
    return dative or next(iter(prep_objects(giver, ("to",))), None)


def _carrier_agent(ctx: Context, head: Token) -> Token | None:
    """"A spate of attacks carried out by X": the doer named on the carrier noun."""
    if head.dep_ != "pobj" or head.head.lower_ != "of" or (
        head.head.head.lemma_.lower() not in ctx.words["carrier_nouns"]
    ):
        return None
    actor = None
    for child in head.head.head.children:
        if child.dep_ == "acl" and child.tag_ == "VBN" and _done_by(ctx, child):
            agent = _first_dep(child, "agent")
            if agent is not None:
                actor = _first_dep(agent, "pobj")
    return actor


def _done_by(ctx: Context, participle: Token) -> bool:
    """A participle whose "by" phrase names who did the event noun it qualifies: a light
    verb or a verb of doing ("carried out by", "ordered by"), not of reporting or judging
    ("documented by", "condemned by") nor of receiving ("faced by")."""
    lemma = participle.lemma_.lower()
    return lemma in ctx.words["performing_verbs"] or (
        lemma in ctx.light_heads and lemma not in ctx.words["receiving_verbs"])


def _means_owner(means: Token, type_: str) -> Token | None:
    """Whose weapon the means is: its owner ("the army's helicopters"), as an event noun's
    (:func:`_acting_owner`), or a name qualifying it ("Israeli warplanes", "Taliban
    rockets")."""
    owner = next((c for c in means.children if c.dep_ == "poss"
                  and _acting_owner(c, type_)), None)
    return owner if owner is not None else _modifier_actor(means)


def _modifier_actor(head: Token) -> Token | None:
    """"a U.S. strike", "Taliban attacks": a name qualifying the event noun, unless it
    names the site ("the Manchester bombing", "the Rolando bombing")."""
    for child in head.children:
        if child.dep_ in ("amod", "compound") and (
            child.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")
        ) and not names_site(child) and not named_as_site(child, SITE_NOUNS):
            return child
    return None


def _relative_target(ctx: Context, head: Token) -> Token | None:
    """"bombings which seemed to be aimed at civilians", "attacks that hit the port":
    what a relative clause on the event noun says it hit."""
    clause = next((c for c in head.children if c.dep_ == "relcl"), None)
    for _ in range(3):
        if clause is None:
            return None
        if clause.lemma_.lower() in ctx.words["hit_verbs"]:
            if not is_passive(clause):
                return _first_dep(clause, "dobj")
            for child in clause.children:
                if child.dep_ == "prep" and child.lower_ in HIT_PREPS:
                    return _first_dep(child, "pobj")
            return None
        clause = next((c for c in clause.children if c.dep_ == "xcomp"), None)
    return None
