"""Triggers: lexicon matches in a sentence, kept or retyped by their sense (a weapon in the
clause, a person as object, certain objects; the checks are in ``senses``), attacks told by
their weapon ("a roadside bomb killed four"), who may act as a party, and each trigger's
PLOVER mode."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from ...data_files import packaged_json
from ..base import is_excluded
from . import arguments, means, senses
from .context import Context
from .lexicon import IMPACT_PREPS, MODIFIER_DEPS
from .phrases import (
    capitalised_common,
    inside_clause,
    is_passive,
    manner_verb,
    objects_of,
    of_objects,
    sense_words,
    shared_object,
)


# -- trigger finding -------------------------------------------------------------
def find_triggers(ctx: Context, doc: Doc, sent: Span) -> list[dict]:
    """Candidate triggers of one sentence: ``{"start", "end", "head", "type", "mode"}``
    (token indices)."""
    weapons = ctx.weapons.find(doc, sent.start, sent.end)
    found = []
    matches = ctx.triggers.find(doc, sent.start, sent.end, fits)
    matched = {i for start, end, _e in matches for i in range(start, end)}
    # a verb whose phrase is told apart ("opened heavy fire", "severed diplomatic ties"),
    # over the verb's own entry: the phrase's object, which is no argument, by the verb
    alone = {m[0]: k for k, m in enumerate(matches) if m[1] - m[0] == 1}
    apart = {}
    for token in sent:
        if token.pos_ != "VERB" or token.i in matched and token.i not in alone:
            continue
        split = split_phrase(ctx, token)
        if split is None:
            continue
        if token.i in alone:
            matches[alone[token.i]] = (token.i, token.i + 1, split[0])
        else:
            matches.append((token.i, token.i + 1, split[0]))
        apart[token.i] = split[1]
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
        if pos == "NOUN" and munition_piece(ctx, head):
            continue  # "artillery shells destroyed three houses": the means, not the attack
        if describes_party(ctx, head, entry.get("type")):
            continue  # "fighting units", "the attacking forces": who they are
        if pos == "NOUN" and a_charge(ctx, head):
            continue  # "charges of murder": a charge, told by ACCUSE, not a new event
        if pos == "NOUN" and senses.a_label(ctx, head):
            continue  # "called the explosion an attack": the explosion is the event
        if is_excluded(doc, span.start_char, span.end_char):
            continue
        resolved = _resolve_entry(ctx, doc, sent, start, end, head, entry, weapons)
        if resolved is None:
            continue
        type_, mode = resolved
        if pos == "NOUN" and senses.in_custody(ctx, head, mode):
            continue  # "prisoners are in jail": where they are held, not an arrest
        if type_ == "ASSAULT" and not entry.get("consequence") and (
            senses.tells_what_it_hit(ctx, head)
        ):
            continue  # "the explosion targeted a bakery": the explosion is the attack
        if senses.ruled_out_objects(ctx, head, entry):
            continue  # "attack the virus", "destroying records", "pleaded guilty"
        found.append({"start": start, "end": end, "head": head, "type": type_,
                      "mode": mode, "weapons": weapons, "entry": entry,
                      "consequence": bool(entry.get("consequence")),
                      "needs_party": entry.get("needs") == "party",
                      "words": apart.get(head.i, [])})
    found = _by_means(ctx, doc, sent, found, weapons)
    return drop_carriers(ctx, found)


def split_phrase(ctx: Context, verb: Token) -> tuple[dict, list[Token]] | None:
    """The entry of a phrase of the lexicon whose other words the verb's particle, object
    (with its modifiers, or alone) or prepositional phrase gives apart from it ("blew
    himself up", "opened heavy fire", "fired a warning shot", "set cars on fire"), and the
    phrase's object, which is no argument ("heavy fire"): the verb is then its trigger."""
    lemma = verb.lemma_.lower()
    if lemma not in ctx.triggers.phrase_starts:
        return None  # most verbs begin no phrase: no keys to build for their children
    for child in verb.children:
        if child.dep_ == "prt":
            keys = [f"{lemma} {child.lower_}"]
        elif child.dep_ == "dobj":
            # the object with its modifiers, then alone: "fired a warning shot", "opened
            # heavy fire"
            modifiers = " ".join(m.lemma_.lower() for m in child.lefts
                                 if m.dep_ in ("compound", "amod"))
            keys = [f"{lemma} {modifiers} {child.lemma_.lower()}"] * bool(modifiers) + [
                f"{lemma} {child.lemma_.lower()}"]
        elif child.dep_ == "prep" and (pobj := next(
            (c for c in child.children if c.dep_ == "pobj"), None
        )) is not None:
            keys = [f"{lemma} {child.lower_} {pobj.lemma_.lower()}"]
        else:
            continue
        entry = next((e for k in keys if (e := ctx.lexicon["triggers"].get(k)) is not None),
                     None)
        if entry is not None:
            return entry, [child] if child.dep_ == "dobj" else []
    return None


def entry_at(ctx: Context, token: Token) -> dict | None:
    """The trigger lexicon's entry for ``token`` as a word of its own, or None."""
    hit = ctx.triggers.match_at(token.doc, token.i, token.i + 1, fits)
    return None if hit is None else hit[1]


def fits(entry: dict, token: Token) -> bool:
    """Whether the entry allows the word's part of speech (a name counts as a noun here):
    of the entries of its forms, the one of "talks" as a noun, not the verb "talk"'s."""
    allowed = entry.get("pos")
    return not allowed or token.pos_ in allowed or token.pos_ == "PROPN" and "NOUN" in allowed


def munition_piece(ctx: Context, noun: Token) -> bool:
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
        return _subject_weapon(ctx, verb, weapons)
    if lemma in ctx.words["landing_verbs"]:
        return _subject_weapon(ctx, verb, weapons)  # "a mortar shell landed on a school"
    if lemma in ctx.words["wielding_verbs"]:
        objects = objects_of(verb)
        return _weapon_among(ctx, objects + [p for o in objects for p in of_objects(o)],
                             weapons, vehicles=False)
    if lemma not in ctx.words["hit_verbs"]:
        return None
    return _weapon_among(ctx, doers(verb), weapons)


def _subject_weapon(ctx: Context, verb: Token, weapons) -> Token | None:
    """A weapon in the phrase of the verb's subject that is no carrier: the shell of "a
    mortar shell landed", the explosives of "a car packed with explosives rammed into";
    not the helicopter of "the helicopter landed"."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return next((t for s in subjects for t in s.subtree for start, end, m in weapons
                 if start <= t.i < end and m not in ctx.words["vehicle_modes"]), None)


def doers(verb: Token) -> list[Token]:
    """Who or what does ``verb``: the agent of a passive ("killed by a landmine"), else
    the subject."""
    if is_passive(verb):
        return [p for c in verb.children if c.dep_ == "agent"
                for p in c.children if p.dep_ == "pobj"]
    return [c for c in verb.children if c.dep_ == "nsubj"]


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
            senses.accidental(ctx, verb) or _made_with(ctx, verb)
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
        picked = senses.listed_object(head, objects)
        if picked is None:
            return None
        type_, mode = picked["type"], picked.get("mode", mode)
    if senses.lacks_person(ctx, head, entry):
        return None  # "released a video": no one released
    if entry.get("party_subject") and senses.thing_subject(ctx, head):
        return None  # "the pressure is threatening further losses": a risk, not a threat
    if senses.lacks_complement(head, entry):
        return None  # "warned police of their fears" informs, "asked whether ...", "told
        # reporters" ask and tell; "warned that ...", "asked them to leave" do not
    if entry.get("harm_clause") and senses.prediction(ctx, head):
        return None  # "warned that the deal was dangerous": a prediction, not a threat
    if type_ == "ASSAULT" and senses.no_assault(ctx, head):
        return None
    required = entry.get("requires_prep")
    if required and not any(
        c.dep_ == "prep" and c.lower_ in required for c in head.children
    ):
        return None
    verbal = senses.verbal_sense(head, entry)
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


def a_charge(ctx: Context, noun: Token) -> bool:
    """An event noun that names a charge or a verdict's crime: "charges of murder",
    "convicted of murder" (legal_words); not a deed told as one ("charged over the
    bombing", "charged with the assassination of the minister")."""
    return noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in ctx.words[
        "legal_words"] and not any(c.dep_ in ("det", "poss") for c in noun.children)


def describes_party(ctx: Context, token: Token, type_: str | None) -> bool:
    """A participle that qualifies people or groups, telling who they are, not an event
    of its own: "fighting units", "the attacking forces" (not "shooting victims", which
    names an event: event_modified_nouns). "Protesting farmers" are protesting: a protest
    told."""
    noun = token.head
    return type_ != "PROTEST" and token.tag_ == "VBG" and token.dep_ in ("amod", "compound") and (
        noun.i > token.i and noun.pos_ == "NOUN"
        and noun.lemma_.lower() not in ctx.event_modified and may_be_party(ctx, noun)
    )


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
    if not is_passive(verb):
        victims = [c for c in verb.children if c.dep_ == "dobj"]
        victims += [v for v in [shared_object(verb)] if v is not None]  # "shot and killed"
        if not any(v.pos_ == "NUM" or any(c.dep_ == "nummod" for c in v.children)
                   or may_be_party(ctx, v) for v in victims):
            return False  # "shot back with a laugh", "journalists are killing journalism"
    return any(party_doer(ctx, d) for d in _joined_doers(verb))


def party_act(ctx: Context, trig: dict) -> bool:
    """A trigger whose lexicon entry is ``party_sure`` done by a person or group: "militants
    torched the village", "rioters set fire to a police station"."""
    verb = trig["head"]
    if not (trig.get("entry") or {}).get("party_sure") or verb.pos_ != "VERB":
        return False
    return any(party_doer(ctx, d) for d in _joined_doers(verb))


def party_between(ctx: Context, trig: dict) -> bool:
    """An assault noun between people or groups: "clashes between herders and farmers",
    "fighting between rival militias"."""
    noun = trig["head"]  # a noun, or a gerund the parse takes for a verb ("Fighting")
    if trig["type"] != "ASSAULT":
        return False
    sides = [s for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"
             for p in c.children if p.dep_ == "pobj" for s in (p, *p.conjuncts)]
    return any(party_doer(ctx, side) for side in sides)


def _joined_doers(verb: Token) -> list[Token]:
    """:func:`doers`, or, for an active verb joined to another or complementing it with no
    subject of its own, that verb's subject ("stormed the village and killed five",
    "abducted 30 women and set fire to homes", "claimed to have killed 40")."""
    found = doers(verb)
    if not found and verb.dep_ in ("conj", "xcomp") and not is_passive(verb):
        found = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return found


def party_doer(ctx: Context, token: Token) -> bool:
    """A person or group as the doer of an act: a personal pronoun ("who" for the noun it
    stands for, "it" for the organisation that says it did it), a name of a person, group
    or state, one of the document's actors, or a
    noun of people or groups ("gunmen", "rebel forces"); never a weapon or a thing."""
    if token.lower_ in ctx.words["party_pronouns"] and token.pos_ == "PRON":
        if token.lower_ == "who" and token.head.dep_ == "relcl":
            return party_doer(ctx, token.head.head)
        return True
    speaker = arguments.speaker_of(token)
    if speaker is not None and speaker.i != token.i:
        return party_doer(ctx, speaker)  # "the army said it had killed eight": the army
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
    """One event told by a verb and its object keeps one trigger (the rules' triggers, and
    again with those the event head adds):

    - a verb whose object is itself a trigger of the same type ("launched rocket attacks",
      "made a request for talks"), or a light verb whose object is a trigger of any type
      ("launched an attack on the port" told as a verbal attack), is dropped in favour of
      the noun;
    - the object of a verb that ends or withholds its event (``ends_object``: "lifted the
      curfew", "froze aid") is dropped in favour of the verb: no curfew imposed, no aid
      given;
    - so is a noun whose "in" phrase tells why the verb's act was done (``manner_nouns``:
      "blocked roads in protest at the arrests"): one protest, not two."""
    heads = {f["head"].i: f for f in found}
    ended = {c.i for f in found if (f.get("entry") or {}).get("ends_object")
             and f["head"].pos_ == "VERB"
             for c in f["head"].children if c.dep_ in ("dobj", "nsubjpass")}
    ended |= {i for i, f in heads.items() if _manner_of(ctx, f["head"], heads)}
    kept = []
    for item in found:
        head = item["head"]
        light = head.lemma_.lower() in ctx.light_heads
        if head.pos_ == "VERB" and any(
            c.dep_ in ("dobj", "nsubjpass") and c.i in heads and c.i != head.i
            and (light or heads[c.i]["type"] == item["type"])
            for c in head.children
        ) or head.i in ended:
            continue
        kept.append(item)
    return kept


def _manner_of(ctx: Context, noun: Token, heads: dict) -> bool:
    """A manner noun in an "in" phrase of a verb that is a trigger ("in protest")."""
    verb = manner_verb(noun, ctx.words["manner_nouns"])
    return verb is not None and verb.i in heads


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
