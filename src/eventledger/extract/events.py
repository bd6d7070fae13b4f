"""Events: what happened, who did it to whom, where and when, in PLOVER terms.

Triggers come from a lexicon (``data/event_triggers.json``: lemmas and phrases -> PLOVER
type and default mode; weapon words -> ASSAULT modes), which users extend with their own
file (``extra_triggers_path``). Each trigger found in running text (headings and captions
are skipped) becomes an event whose arguments are read off the dependency parse:

- verbs: the subject is the actor, the object the recipient; in the passive the ``by``
  phrase is the actor and the subject the recipient;
- nouns: ``of`` is the recipient of violent and coercive acts ("the killing of civilians"),
  ``by`` and the possessor the actor, ``on``/``against`` the recipient; a noun carried by a
  light verb ("Hamas carried out strikes") takes that verb's subject as actor.

Word senses: some triggers count only with a weapon in their clause ("fired rockets", not
"fired the manager"), with a person as object ("released the hostages"), with certain
objects ("imposed a curfew"), or change type by context (a workers' "strike" is PROTEST).
A noun used as a modifier ("air raid sirens") is not a mention, unless it modifies a word
about the event ("the bombing suspect"). A killing without an actor of its own, in a
sentence that names the attack ("five were killed in the blast"), is that attack's outcome
and not a second event; the figures extractor counts it.

Places: a place in a prepositional phrase of the trigger ("in X", "at X", "towards X") or
its object ("shelled X") is the location, "from X" the origin; else the nearest place in
the sentence named as a site ("in X") that no nearer trigger claims; else, for "the city",
the last place named earlier in the paragraph.

``negated`` is set by a negation on the trigger or its governing verb, or a governing
"deny"; ``hypothetical`` by a modal, an if-clause or a governing verb of intention
("threatened to", "plans to"). A generic statement in the present ("rockets are still being
fired") gets ``generic: true``; it, like a hypothetical event, has no date, so neither is
counted as a dated event. ``origin`` (extra field) is the place a "from" phrase names.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..data_files import packaged_json, user_json
from ..geo.resolver import load_demonyms
from .base import attribution_covering, get_list, is_excluded, named
from .dates import sentence_date
from .locate import PLACE_NOUNS, locate_event, with_tokens
from .locate import first_dep as _first_dep

log = logging.getLogger(__name__)

# Dependents left out of an argument's noun phrase: clauses and asides.
_NP_SKIP = {"relcl", "acl", "appos", "punct", "advcl", "parataxis", "ccomp"}
# "a series of attacks", "responsibility for the bombing": nouns between a light verb and
# the event noun it carries
_CARRIER_NOUNS = {"series", "wave", "spate", "string", "number", "campaign", "round",
                  "barrage", "volley", "salvo", "responsibility", "credit", "blame"}
# Verbs whose subject, when an event noun, tells what the event hit ("the blast damaged X")
_HIT_VERBS = {"target", "hit", "strike", "destroy", "damage", "shatter", "rock", "wreck",
              "kill", "wound", "injure", "tear", "level", "flatten", "devastate", "aim"}
_TIME_ENTS = {"DATE", "TIME"}
_LEGAL_WORDS = {"charge", "count", "convict", "accuse", "guilty", "indict", "sentence",
                "conviction", "indictment", "allegation", "suspicion", "acquit"}
_TYPES_OF_RECIPIENT = {"ASSAULT", "COERCE", "THREATEN", "ACCUSE", "REQUEST", "SANCTION",
                       "REJECT", "RETREAT", "CONCEDE"}
# Roles (of the trigger itself) that make a noun a modifier, not an event mention.
_MODIFIER_DEPS = {"compound", "amod", "nmod"}
_GENERIC_ADVERBS = {"still", "often", "usually", "regularly", "routinely", "always",
                    "frequently", "constantly", "repeatedly", "sometimes", "daily"}
_INTENT_VERBS = {"agree", "promise", "pledge", "vow", "plan", "intend", "decide", "offer",
                 "commit", "announce", "prepare", "expect", "hope"}
_KEEP_DEFAULT_MODES = {"abduct", "torture", "sexual", "targeted", "beat"}
_WHO = {"who", "which", "that"}
# PLOVER: an assault is deliberate; "an accidental explosion" is not one.
_ACCIDENT_WORDS = {"accidental", "accidentally", "inadvertent", "inadvertently",
                   "unintentional", "unintentionally"}
# Entity types that never stand for the party that acts.
_NON_ACTOR_ENTS = {"DATE", "TIME", "FAC", "LOC", "EVENT", "QUANTITY", "MONEY", "PERCENT"}
# "30 minutes' warning", "a day's strike": a possessive of time measures, not an owner
_TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "night"}
# Prepositions of time and circumstance: "Following the strike, the government issued a
# ban" does not make the government the striker.
_ADJUNCT_PREPS = {"after", "before", "following", "during", "since", "despite", "amid",
                  "amidst", "until", "till", "throughout", "without", "like", "unlike",
                  "besides", "beyond", "over"}
# Verbs that hand something to someone: "were given an ultimatum", "gave them a warning".
_GIVING_VERBS = {"give", "issue", "deliver", "send", "hand", "serve"}
# Predicates whose subject took part in the event of their "in"/"for" phrase: "those
# responsible for the bombing", "34 people are involved in the attempt".
_PARTY_PREDICATES = {"responsible", "involve", "implicate", "complicit", "culpable",
                     "participate", "guilty"}
# Buildings and grounds: a relative clause on one ("the cafe, which killed 13") tells what
# the event there did, not what the building did.
_SITE_NOUNS = PLACE_NOUNS | {"cafe", "restaurant", "bar", "shop", "store", "bakery", "hotel",
                             "market", "building", "house", "home", "station", "school",
                             "hospital", "mosque", "church", "square", "road", "bridge",
                             "checkpoint", "base", "camp", "office"}
_REFLEXIVES = {"himself", "herself", "itself", "themselves", "themself", "myself",
               "yourself", "ourselves", "yourselves", "oneself"}


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
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
    return lexicon


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

    @staticmethod
    def _forms(token: Token) -> tuple[str, ...]:
        lower = token.lower_
        # a capitalised plural ("Rockets were fired") may be left unlemmatised
        if lower.endswith("s") and len(lower) > 3 and token.lemma_.lower() == lower:
            return token.lemma_.lower(), lower, lower[:-1]
        return token.lemma_.lower(), lower

    def match_at(self, doc: Doc, i: int, end: int):
        """``(length, value)`` of the longest phrase starting at token ``i``, or None."""
        for form in dict.fromkeys(self._forms(doc[i])):
            for words, value in self.first.get(form, ()):
                if i + len(words) > end:
                    continue
                if all(w in self._forms(doc[i + k]) for k, w in enumerate(words)):
                    return len(words), value
        return None

    def find(self, doc: Doc, start: int, end: int) -> list[tuple[int, int, object]]:
        """Non-overlapping ``(start, end, value)`` matches in tokens ``[start, end)``."""
        found = []
        i = start
        while i < end:
            hit = self.match_at(doc, i, end)
            if hit:
                found.append((i, i + hit[0], hit[1]))
                i += hit[0]
            else:
                i += 1
        return found


def np_bounds(token: Token, avoid: Token | None = None) -> tuple[int, int]:
    """Character range of the noun phrase headed by ``token``, without relative clauses,
    appositions and other asides, and without the branch holding ``avoid`` (the trigger:
    "those responsible for the bombing" is the bombing's actor as "those")."""
    if token.lower_ in _WHO and token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == (
        "relcl"
    ):
        token = token.head.head
    indices = [token.i]
    for child in token.children:
        if child.dep_ in _NP_SKIP:
            continue
        if avoid is not None and child.left_edge.i <= avoid.i <= child.right_edge.i:
            continue
        if child.dep_ == "prep" and any(
            c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in child.children
        ):
            continue  # "the opposition on Thursday": the date is not part of the party
        if child.dep_ == "cc" and child.i > token.i and not any(
            c.dep_ == "conj" for c in token.children
        ):
            continue
        indices.extend(t.i for t in child.subtree if not _inside_skip(t, token))
    doc = token.doc
    # stay on the head's own line: a heading or caption may have been parsed into it
    line_start = doc.text.rfind("\n", 0, token.idx) + 1
    line_end = doc.text.find("\n", token.idx)
    line_end = len(doc.text) if line_end < 0 else line_end
    indices = [i for i in indices if line_start <= doc[i].idx < line_end] or [token.i]
    first, last = min(indices), max(indices)
    while last > first and (doc[last].is_punct or doc[last].dep_ in ("cc", "case")):
        if doc[last].dep_ == "case":  # keep the possessive "’s" with its noun
            break
        last -= 1
    while first < last and doc[first].is_punct:
        first += 1
    return doc[first].idx, doc[last].idx + len(doc[last])


def _inside_skip(token: Token, top: Token) -> bool:
    """True when ``token`` hangs below ``top`` through a clause or an aside."""
    current = token
    while current.i != top.i and current.head.i != current.i:
        if current.dep_ in _NP_SKIP:
            return True
        current = current.head
    return False


class EventsExtractor:
    """The ``eventledger_events`` component."""

    def __init__(self, nlp: Language, name: str, *, extra_triggers_path: str | None = None):
        self.name = name
        self.lexicon = load_lexicon(extra_triggers_path or None)
        self.triggers = PhraseIndex(self.lexicon["triggers"])
        self.weapons = PhraseIndex(self.lexicon["weapons"])
        self.light_verbs = PhraseIndex({v: True for v in self.lexicon["light_verbs"]})
        self.light_heads = {v.split()[0] for v in self.lexicon["light_verbs"]}
        self.priority = {m: k for k, m in enumerate(self.lexicon["weapon_priority"])}
        self.hyp_governors = set(self.lexicon["hypothetical_governors"])
        self.modals = set(self.lexicon["hypothetical_modals"])
        self.neg_governors = set(self.lexicon["negating_governors"])
        self.neg_words = set(self.lexicon["negating_words"])
        self.abstract = set(self.lexicon["abstract_objects"])
        self.person_words = set(self.lexicon["person_words"])
        self.event_modified = set(self.lexicon.get("event_modified_nouns", ()))
        self.non_actors = set(self.lexicon.get("non_actor_nouns", ()))
        self.demonyms = _demonyms()

    # -- trigger finding -------------------------------------------------------------
    def find_triggers(self, doc: Doc, sent: Span) -> list[dict]:
        """Candidate triggers of one sentence: ``{"start", "end", "head", "type", "mode"}``
        (token indices)."""
        weapons = self.weapons.find(doc, sent.start, sent.end)
        found = []
        matches = self.triggers.find(doc, sent.start, sent.end)
        matched = {i for start, end, _e in matches for i in range(start, end)}
        # verb and particle apart: "blew himself up", "rounded them up"
        for token in sent:
            if token.pos_ != "VERB" or token.i in matched:
                continue
            for child in token.children:
                if child.dep_ == "prt":
                    entry = self.lexicon["triggers"].get(f"{token.lemma_.lower()} {child.lower_}")
                    if entry is not None:
                        matches.append((token.i, token.i + 1, entry))
        for start, end, entry in sorted(matches, key=lambda m: m[0]):
            span = doc[start:end]
            head = span.root
            if end - start > 1 and head.pos_ == "VERB" and any(
                t.dep_ in ("nsubj", "nsubjpass") for t in span
            ):
                # "a drone struck": subject and verb are not the noun "drone strike"
                hit = self.triggers.match_at(doc, head.i, head.i + 1)
                if hit is None:
                    continue
                start, end, entry = head.i, head.i + 1, hit[1]
                span = doc[start:end]
            single = end - start == 1
            pos = head.pos_
            if pos == "PROPN" and _capitalised_common(head):
                pos = "NOUN"  # "Shootings in the city continued": a capital, not a name
            if pos == "PROPN" or (single and pos not in ("VERB", "NOUN")):
                continue
            allowed = entry.get("pos")
            if allowed and pos not in allowed:
                continue
            if pos == "NOUN" and head.dep_ in _MODIFIER_DEPS and (
                head.head.lemma_.lower() not in self.event_modified
            ):
                continue  # "air raid sirens", "ceasefire agreement"; not "bombing suspect"
            if pos == "NOUN" and head.dep_ == "pobj" and (
                head.head.head.lemma_.lower() in _LEGAL_WORDS
            ):
                continue  # "charges of murder": a charge, told by ACCUSE, not a new event
            if is_excluded(doc, span.start_char, span.end_char):
                continue
            resolved = self._resolve_entry(doc, sent, start, end, head, entry, weapons)
            if resolved is None:
                continue
            type_, mode = resolved
            complements = [c for c in head.children if c.dep_ == "acomp"]
            if any(o.lemma_.lower() in entry.get("not_objects", ()) for o in
                   _objects(head) + _of_objects(head) + complements):
                continue  # "attack the virus", "destroying records", "pleaded guilty"
            found.append({"start": start, "end": end, "head": head, "type": type_,
                          "mode": mode, "weapons": weapons, "entry": entry,
                          "consequence": bool(entry.get("consequence")),
                          "needs_party": entry.get("needs") == "party"})
        return self._drop_carriers(found)

    def _context(self, head: Token, start: int, end: int) -> set[int]:
        """Token indices of the trigger's own clause: its subtree without nested clauses,
        and the trigger phrase itself."""
        indices = set(range(start, end))
        for token in head.subtree:
            if not _inside_clause(token, head):
                indices.add(token.i)
        # a noun carried by a verb ("carried out strikes with drones") shares its clause
        if head.pos_ == "NOUN" and head.dep_ in ("dobj", "nsubjpass", "pobj", "attr"):
            governor = head.head if head.dep_ != "pobj" else head.head.head
            if governor.pos_ in ("VERB", "AUX"):
                for token in governor.subtree:
                    if not _inside_clause(token, governor):
                        indices.add(token.i)
        return indices

    def _resolve_entry(self, doc, sent, start, end, head, entry, weapons):
        type_, mode = entry["type"], entry.get("mode")
        context = None
        needs = entry.get("needs")
        if needs == "weapon":
            context = self._context(head, start, end)
            if not any(ws in context for ws, _we, _m in weapons):
                return None
        objects = entry.get("objects")
        if objects:
            picked = None
            for obj in _objects(head):
                for form in (obj.lemma_.lower(), obj.lower_):
                    if form in objects:
                        picked = objects[form]
                        break
                if picked:
                    break
            if picked is None:
                return None
            type_, mode = picked["type"], picked.get("mode", mode)
        if entry.get("objects_any") == ["person"]:
            objs = _objects(head) or ([head] if head.pos_ == "NOUN" else [])
            pobjs = [c for t in ([head] if head.pos_ == "NOUN" else []) for c in _of_objects(t)]
            if not any(self._is_person(t) for t in objs + pobjs):
                return None
        if needs == "clause" and not any(c.dep_ in ("ccomp", "xcomp") for c in head.children):
            return None  # "warned police of their fears" informs; "warned that ..." threatens
        if type_ == "ASSAULT" and self._accidental(head):
            return None
        required = entry.get("requires_prep")
        if required and not any(
            c.dep_ == "prep" and c.lower_ in required for c in head.children
        ):
            return None
        sense_context = None
        for sense in entry.get("senses", ()):
            words = set(sense["context"])
            if sense_context is None:
                sense_context = _sense_context(head)
            if any(t.lemma_.lower() in words or t.lower_ in words for t in sense_context):
                type_, mode = sense["type"], sense.get("mode")
                break
        if head.lemma_.lower() == "demonstrate" and any(
            c.dep_ in ("ccomp", "mark") for c in head.children
        ):
            return None  # "this demonstrates that ..."
        return type_, mode

    def _accidental(self, head: Token) -> bool:
        """"an accidental explosion", "the device detonated accidentally"."""
        carriers = [head]
        verb = self._light_verb(head) if head.pos_ == "NOUN" else None
        if verb is not None:
            carriers.append(verb)
        return any(c.dep_ in ("amod", "advmod") and c.lower_ in _ACCIDENT_WORDS
                   for carrier in carriers for c in carrier.children)

    def can_act(self, token: Token) -> bool:
        """Whether ``token`` may stand for the party that acts: not a thing ("the device
        detonated"), not another event ("the attack, which killed three"), not a time or a
        site ("30 minutes' warning", "the cafe which killed")."""
        lemma = token.lemma_.lower()
        if token.ent_type_ in _NON_ACTOR_ENTS:
            return False
        if lemma in ("nobody", "none") or any(
            c.dep_ == "det" and c.lower_ == "no" for c in token.children
        ):
            return False  # "no group has claimed the blast"
        if token.pos_ == "NOUN" and (lemma in self.non_actors or lemma in _LEGAL_WORDS):
            return False
        if token.pos_ == "NOUN" and lemma in self.lexicon["triggers"]:
            return False
        if token.dep_ == "poss" and lemma in _TIME_UNITS:
            return False
        return not self._is_weapon(token)

    def _is_weapon(self, token: Token) -> bool:
        group = [token] + [c for c in token.children if c.dep_ == "conj"]
        if token.lemma_.lower() in self.person_words:
            return False  # gunmen, snipers: people, not means
        return any(
            self.weapons.match_at(t.doc, t.i, t.i + 1) is not None
            or t.lemma_.lower() in self.lexicon["weapons"]
            for t in group
        )

    def _is_party(self, token: Token) -> bool:
        """A person or group: by its words, or named among the document's actors."""
        if self._is_person(token):
            return True
        return any(m["start"] <= token.idx < m["end"]
                   for actor in token.doc._.el_actors or () for m in actor["mentions"])

    def _is_person(self, token: Token) -> bool:
        if token.pos_ == "NOUN" and token.lemma_.lower() == "person":
            return True
        return (
            token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            or token.pos_ in ("PROPN", "PRON")
            or token.lemma_.lower() in self.person_words
            or token.lower_ in self.person_words
        )

    def _drop_carriers(self, found: list[dict]) -> list[dict]:
        """A verb whose object is itself a trigger of the same type ("launched rocket
        attacks") is dropped in favour of the noun."""
        heads = {f["head"].i: f for f in found}
        kept = []
        for item in found:
            head = item["head"]
            if head.pos_ == "VERB" and any(
                c.dep_ in ("dobj", "nsubjpass") and c.i in heads
                and heads[c.i]["type"] == item["type"] and c.i != head.i
                for c in head.children
            ):
                continue
            kept.append(item)
        return kept

    # -- arguments -------------------------------------------------------------------
    def _mode(self, trig: dict) -> str | None:
        if trig["type"] != "ASSAULT" or trig["mode"] in _KEEP_DEFAULT_MODES:
            return trig["mode"]
        context = self._context(trig["head"], trig["start"], trig["end"])
        modes = [m for ws, _we, m in trig["weapons"] if ws in context]
        if not modes:
            return trig["mode"]
        return min(modes, key=lambda m: self.priority.get(m, 99))

    def _light_verb(self, head: Token) -> Token | None:
        """The verb carrying a noun trigger ("carried out", "launched", "came under",
        "launched a series of attacks", "claimed responsibility for the bombing")."""
        for _ in range(2):
            if head.dep_ == "pobj" and head.head.lower_ in ("of", "for") and (
                head.head.head.lemma_.lower() in _CARRIER_NOUNS
            ):
                head = head.head.head
            else:
                break
        if head.dep_ in ("dobj", "nsubjpass", "attr"):
            verb = head.head
        elif head.dep_ == "pobj" and head.head.head.pos_ in ("VERB", "AUX") and (
            head.head.lower_ not in _ADJUNCT_PREPS
        ):
            verb = head.head.head
        else:
            return None
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        if verb.lemma_.lower() in self.light_heads or head.lemma_.lower() == "responsibility":
            return verb
        return None

    def _recipient_token(self, token: Token) -> Token:
        """"the policies of Netanyahu" -> Netanyahu: an abstract object stands for its
        owner."""
        if token.lemma_.lower() in self.abstract:
            for child in token.children:
                if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
                    return child
            for pobj in _of_objects(token):
                return pobj
        return token

    def arguments(self, trig: dict) -> tuple[Token | None, Token | None]:
        head: Token = trig["head"]
        type_ = trig["type"]
        tokens = [head.doc[i] for i in range(trig["start"], trig["end"])]
        actor = recipient = None
        if head.pos_ in ("VERB", "AUX"):
            actor, recipient = self._verb_arguments(head, tokens, type_)
        else:
            actor, recipient = self._noun_arguments(head, tokens, type_)
        if recipient is not None:
            recipient = self._recipient_token(recipient)
        doc = head.doc
        actor, recipient = _named_form(actor), _named_form(recipient)
        if actor is not None and actor.lower_ in _WHO and actor.head.dep_ == "relcl":
            actor = actor.head.head  # "the attack, which killed three": the antecedent
            if actor.lemma_.lower() in _SITE_NOUNS or _names_site(actor, whole=False):
                actor = None  # "an attack at the cafe, which killed 13": not the cafe
        if actor is not None and actor.ent_type_ in _TIME_ENTS:
            actor = None
        if recipient is not None and recipient.ent_type_ in _TIME_ENTS:
            recipient = None
        if actor is not None and is_excluded(doc, actor.idx, actor.idx + len(actor)):
            actor = None
        if recipient is not None and is_excluded(doc, recipient.idx,
                                                 recipient.idx + len(recipient)):
            recipient = None
        # the missile is the means, not a party; nor is a thing, a time or another event
        if actor is not None and not self.can_act(actor):
            actor = None
        if recipient is not None and self._is_weapon(recipient):
            recipient = None
        entry = trig.get("entry") or {}
        if head.pos_ in ("VERB", "AUX") and not _passive(head):
            has_object = _first_dep(head, "dobj") is not None
            if entry.get("subject") == "means" and not has_object:
                actor = None  # "the bomb exploded": what went off, not who set it off
            if entry.get("object") == "means" and recipient is not None and (
                recipient.dep_ == "dobj"
            ):
                recipient = None  # "detonated a device": the means, not the one hit
        if recipient is not None and recipient.lower_ in _REFLEXIVES:
            recipient = None  # "blew himself up": the attacker, not the one attacked
        if recipient is not None and recipient.i not in _addressees(head) and (
            entry.get("object") == "theme"
            or entry.get("object") == "party" and not self._is_party(recipient)
        ):
            recipient = None  # "called for talks", "ordered an inquiry": what is asked for
        if actor is not None and recipient is not None and actor.i == recipient.i:
            recipient = None
        return actor, recipient

    def _subject_of(self, verb: Token, depth: int = 0) -> Token | None:
        for child in verb.children:
            if child.dep_ in ("nsubj",):
                return child
        for child in verb.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        if depth < 3 and verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i:
            if verb.head.pos_ in ("VERB", "AUX"):
                return self._subject_of(verb.head, depth + 1)
        if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN") and not _passive(verb):
            return verb.head
        # "the group's decision to carry out": the owner of the decision
        if verb.dep_ in ("acl", "xcomp") and verb.head.pos_ == "NOUN":
            return _first_dep(verb.head, "poss")
        return None

    def _verb_arguments(self, head: Token, tokens: list[Token], type_: str):
        actor = recipient = None
        passive = _passive(head)
        for child in head.children:
            if child.dep_ == "agent":
                actor = _first_dep(child, "pobj") or actor
            elif child.dep_ == "nsubj" and not passive:
                actor = child
            elif child.dep_ == "nsubjpass":
                recipient = child
            elif child.dep_ == "dobj" and not passive and type_ not in ("MOBILIZE", "AID") and (
                not self._is_weapon(child)
            ):
                recipient = child  # "fired rockets at X": the rockets are the means
        if actor is None and not passive:
            actor = self._subject_of(head)
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
                    if child.dep_ == "prep" and child.lower_ in (
                        "on", "against", "upon", "at", "to", "with"
                    ):
                        pobj = _first_dep(child, "pobj")
                        if pobj is None or pobj.ent_type_ in _TIME_ENTS:
                            continue  # "on Monday" is a time, not a party
                        if child.lower_ in ("on", "against", "upon") or (
                            child.lower_ == "at" and type_ == "ASSAULT"
                        ) or (
                            token.i != head.i or type_ in ("REQUEST", "CONSULT", "AID")
                        ):
                            recipient = pobj
                            break
                if recipient is not None:
                    break
        return actor, recipient

    def _noun_arguments(self, head: Token, tokens: list[Token], type_: str):
        actor = recipient = None
        owners = [head]
        if head.dep_ == "pobj" and head.head.lower_ == "of" and (
            head.head.head.lemma_.lower() in _CARRIER_NOUNS
        ):
            owners.append(head.head.head)  # "a spate of attacks carried out by X"
        for owner in owners[1:]:
            for child in owner.children:
                if child.dep_ == "acl" and child.tag_ == "VBN":
                    agent = _first_dep(child, "agent")
                    if agent is not None:
                        actor = _first_dep(agent, "pobj")
        for child in head.children:
            if child.dep_ == "poss" and child.lower_ not in ("its", "their", "his", "her"):
                actor = child
            elif child.dep_ in ("prep", "agent"):
                word = child.lower_
                pobj = _first_dep(child, "pobj")
                if pobj is None or pobj.ent_type_ in _TIME_ENTS:
                    continue  # "the explosion on April 19" is a time, not a target
                if word == "by":
                    actor = pobj
                elif word == "of":
                    if type_ in ("THREATEN", "REQUEST"):
                        continue  # "the threat of violence": what is threatened
                    if type_ in _TYPES_OF_RECIPIENT:
                        recipient = pobj
                        # "the killing of civilians by the forces": by may hang on civilians
                        for sub in pobj.children:
                            if sub.dep_ == "prep" and sub.lower_ == "by":
                                actor = _first_dep(sub, "pobj") or actor
                    elif actor is None:
                        actor = pobj
                elif word in ("on", "against", "upon", "targeting") and recipient is None:
                    recipient = pobj
                elif word == "between" and actor is None:
                    actor = pobj  # two-sided: every party is an actor
                elif word == "with" and type_ == "CONSULT" and recipient is None:
                    recipient = pobj
            elif child.dep_ == "acl" and child.tag_ == "VBN":
                # "attacks carried out by X", "bombings aimed at X"
                agent = _first_dep(child, "agent")
                if agent is not None and actor is None:
                    actor = _first_dep(agent, "pobj")
                if child.lemma_.lower() in _HIT_VERBS and recipient is None:
                    for sub in child.children:
                        if sub.dep_ == "prep" and sub.lower_ in ("at", "on", "against"):
                            recipient = _first_dep(sub, "pobj")
        if recipient is None and head.head.lemma_.lower() in _HIT_VERBS:
            verb = head.head
            if head.dep_ == "nsubj":  # "the explosion damaged the bakery"
                recipient = _first_dep(verb, "dobj")
        if recipient is None and head.dep_ == "pobj" and head.head.dep_ == "agent":
            # "the building was shattered by an explosion"
            verb = head.head.head
            if verb.lemma_.lower() in _HIT_VERBS:
                recipient = _first_dep(verb, "nsubjpass")
        if actor is None:
            for child in head.children:
                if child.dep_ in ("amod", "compound") and (
                    child.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")
                ) and not _names_site(child):
                    actor = child
                    break
        verb = self._light_verb(head)
        if verb is not None:
            lemma = verb.lemma_.lower()
            if lemma in ("face", "come", "receive"):
                # "X has come under criticism": X is on the receiving end
                if recipient is None:
                    recipient = self._subject_of(verb)
            elif actor is None:
                if _passive(verb):
                    agent = _first_dep(verb, "agent")
                    actor = _first_dep(agent, "pobj") if agent is not None else None
                else:
                    actor = self._subject_of(verb)
            if recipient is None:
                for child in verb.children:
                    if child.dep_ == "prep" and child.lower_ in ("on", "against", "upon"):
                        recipient = _first_dep(child, "pobj")
                        break
        if recipient is None and head.dep_ == "dobj" and (
            head.head.lemma_.lower() in _GIVING_VERBS
        ):
            # "gave the workers an ultimatum", "the workers were given an ultimatum"
            giver = head.head
            recipient = _first_dep(giver, "dative") or (
                _first_dep(giver, "nsubjpass") if _passive(giver) else None)
        if recipient is None:
            recipient = self._relative_target(head)
        if actor is None:
            actor = _responsible_party(head, self.event_modified)
        return actor, recipient

    def _relative_target(self, head: Token) -> Token | None:
        """"bombings which seemed to be aimed at civilians", "attacks that hit the port":
        what a relative clause on the event noun says it hit."""
        clause = next((c for c in head.children if c.dep_ == "relcl"), None)
        for _ in range(3):
            if clause is None:
                return None
            if clause.lemma_.lower() in _HIT_VERBS:
                if not _passive(clause):
                    return _first_dep(clause, "dobj")
                for child in clause.children:
                    if child.dep_ == "prep" and child.lower_ in ("at", "on", "against"):
                        return _first_dep(child, "pobj")
                return None
            clause = next((c for c in clause.children if c.dep_ == "xcomp"), None)
        return None

    # -- negation, modality ----------------------------------------------------------
    def _governors(self, head: Token, steps: int = 5):
        current = head
        for _ in range(steps):
            if current.head.i == current.i:
                return
            dep = current.dep_
            current = current.head
            yield dep, current

    def negated(self, head: Token) -> bool:
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no")
               for c in head.children):
            return True
        verb = self._light_verb(head) if head.pos_ == "NOUN" else None
        if verb is not None and any(c.dep_ == "neg" for c in verb.children):
            return True
        for dep, governor in self._governors(head):
            lemma = governor.lemma_.lower()
            if lemma in self.neg_governors and dep in ("ccomp", "dobj", "xcomp", "pobj", "prep"):
                return True
            if lemma == "refuse" and dep == "xcomp":
                return True
            if dep == "xcomp" and any(c.dep_ == "neg" for c in governor.children):
                return True
            if dep not in ("xcomp", "conj", "dobj", "pobj", "prep", "ccomp", "acl"):
                break
        return False

    def hypothetical(self, head: Token) -> bool:
        carriers = [head]
        verb = self._light_verb(head) if head.pos_ == "NOUN" else None
        if verb is not None:
            carriers.append(verb)
        for dep, governor in self._governors(head, steps=3):
            if dep in ("xcomp", "conj") and governor.pos_ in ("VERB", "AUX"):
                carriers.append(governor)
            if dep == "xcomp" and governor.lemma_.lower() in self.hyp_governors:
                return True
            if dep == "pobj" and governor.dep_ == "prep" and (
                governor.head.lemma_.lower() in self.hyp_governors
                or governor.head.lemma_.lower() in ("threat", "plan", "risk", "prospect")
            ):
                return True
            if dep not in ("xcomp", "conj", "dobj", "pobj", "prep"):
                break
        for carrier in carriers:
            for child in carrier.children:
                if child.dep_ in ("aux", "auxpass") and (
                    child.tag_ == "MD" or child.lower_ in self.modals
                ):
                    return True
                if child.dep_ == "aux" and child.lower_ == "to" and carrier.dep_ == "xcomp" and (
                    carrier.head.lemma_.lower() == "go"
                ):
                    return True
        # an if-clause anywhere above the trigger
        current = head
        for _ in range(6):
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in current.children):
                return True
            if current.head.i == current.i:
                break
            current = current.head
        return False

    def _future(self, head: Token) -> bool:
        """Said of the future: "will meet", "agreed to withdraw", "plans to visit"."""
        for child in head.children:
            if child.dep_ == "aux" and child.lower_ in ("will", "'ll", "shall", "wo", "would"):
                return True
        return head.dep_ == "xcomp" and head.head.lemma_.lower() in _INTENT_VERBS

    def generic(self, head: Token) -> bool:
        """A present-tense statement of something that keeps happening."""
        if head.pos_ != "VERB":
            return False
        auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
        present = head.tag_ in ("VBP", "VBZ") or any(
            a.tag_ in ("VBP", "VBZ") and a.lemma_ == "be" for a in auxes
        )
        if any(a.lemma_ == "have" for a in auxes):
            return False
        if not present:
            return False
        return head.tag_ in ("VBP", "VBZ") or any(
            c.dep_ == "advmod" and c.lower_ in _GENERIC_ADVERBS for c in head.children
        )

    # -- places ----------------------------------------------------------------------
    def locate(self, doc: Doc, trig: dict, sent: Span, places: list, others: list[Token],
               skip_ranges: list[tuple[int, int]], recipient: Token | None = None
               ) -> tuple[dict | None, dict | None]:
        """``(location place, origin place)`` of the trigger (see :mod:`.locate`)."""
        head: Token = trig["head"]
        verb = self._light_verb(head) if head.pos_ == "NOUN" else None
        return locate_event(
            doc, (trig["start"], trig["end"]), places, sentence=sent, others=others,
            skip_ranges=skip_ranges, recipient=recipient,
            carriers=[verb] if verb is not None else (),
            assault=trig["type"] == "ASSAULT", demonyms=self.demonyms,
        )

    # -- the component ---------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        events = get_list(doc, "el_events")
        events.clear()
        if not doc.has_annotation("DEP"):
            log.warning("eventledger_events needs a dependency parse; no events for this doc")
            return doc
        places = with_tokens(doc)
        skip_ranges = []
        for attribution in doc._.el_attributions or ():
            for key in ("source", "cue", "channel"):
                if attribution.get(key):
                    skip_ranges.append((attribution[key]["start"], attribution[key]["end"]))
        for sent in doc.sents:
            # headings and captions are skipped trigger by trigger: the parser may have
            # joined a heading to the sentence after it
            triggers = self.find_triggers(doc, sent)
            heads = [t["head"] for t in triggers]
            built = {}
            for trig in triggers:
                built[trig["head"].i] = self.build(doc, sent, trig, places, heads, skip_ranges,
                                                   0)
            # "Jets bombed X, killing eight": a dependent event happened where its head did
            for trig in triggers:
                event, head = built[trig["head"].i], trig["head"]
                governor = built.get(head.head.i) if head.dep_ in ("conj", "advcl") else None
                if event["location"] is None and governor is not None and governor is not event:
                    event["location"] = governor["location"]
            # "five were killed in the blast", "a bomber blew himself up, killing six": the
            # killing is the attack's outcome, not a second assault; without an actor of its
            # own ("two guards were killed") it tells a toll, which the figures count
            attacks = {t["head"].i for t in triggers
                       if t["type"] == "ASSAULT" and not t.get("consequence")}
            for trig in triggers:
                event = built[trig["head"].i]
                if trig.get("consequence") and (
                    event["actor"] is None or _inherited_actor(trig["head"], attacks)
                ):
                    continue
                if trig.get("needs_party") and event["actor"] is None and (
                    event["recipient"] is None
                ):
                    continue  # "the threat of terrorism": a risk, not a threat made
                event["id"] = f"E{len(events) + 1}"
                events.append(event)
        return doc

    def build(self, doc, sent, trig, places, heads, skip_ranges, number) -> dict:
        head: Token = trig["head"]
        start_char = doc[trig["start"]].idx
        end_char = doc[trig["end"] - 1].idx + len(doc[trig["end"] - 1])
        actor, recipient = self.arguments(trig)
        actor_skip = list(skip_ranges)
        if actor is not None:
            actor_skip.append(np_bounds(actor, head))
        location, origin = self.locate(doc, trig, sent, places, heads, actor_skip, recipient)
        hypothetical = self.hypothetical(head)
        generic = self.generic(head)
        type_, mode = trig["type"], self._mode(trig)
        if hypothetical and self._future(head):
            # PLOVER: future cooperation is an intention (AGREE); a future retreat a
            # concession (CONCEDE)
            if type_ in ("CONSULT", "SUPPORT", "COOPERATE", "AID"):
                type_, mode = "AGREE", None
            elif type_ == "RETREAT":
                type_, mode = "CONCEDE", None
        date, precision = (None, None)
        if not hypothetical and not generic:
            date, precision = sentence_date(sent, doc._.el_published)
        attribution = attribution_covering(doc, start_char, end_char)
        event = {
            "id": f"E{number}",
            "type": type_,
            "mode": mode,
            "trigger": {"text": doc.text[start_char:end_char], "start": start_char,
                        "end": end_char},
            "actor": named(doc, *np_bounds(actor, head)) if actor is not None else None,
            "recipient": (named(doc, *np_bounds(recipient, head)) if recipient is not None
                          else None),
            "location": {"place": location["id"]} if location else None,
            "origin": {"place": origin["id"]} if origin else None,
            "date": date,
            "date_precision": precision,
            "attribution": attribution["id"] if attribution else None,
            "negated": self.negated(head),
            "hypothetical": hypothetical,
        }
        if generic:
            event["generic"] = True
        return event


def _sense_context(head: Token) -> list[Token]:
    """Words that tell a sense: the trigger's phrase, its verb and that verb's subject
    ("teachers began a strike", "a 48-hour strike called by the unions")."""
    tokens = list(head.subtree)
    governor = head.head
    if head.dep_ == "pobj":
        governor = governor.head
    if governor.i != head.i:
        tokens.append(governor)
        for child in governor.children:
            if child.dep_ in ("nsubj", "nsubjpass", "agent"):
                tokens.extend(child.subtree)
    return tokens


def _capitalised_common(token: Token) -> bool:
    """A common noun capitalised at the start of a sentence or line."""
    if token.ent_type_ or not token.is_title:
        return False
    previous = token.doc[token.i - 1] if token.i > 0 else None
    return token.is_sent_start or previous is None or previous.is_space or (
        previous.is_punct and previous.text in "\"“'‘(["
    )


def _names_site(token: Token, *, whole: bool = True) -> bool:
    """"the Manchester bombing", "the Boston Marathon bombing": a modifier naming a place
    smaller than a country tells where, not who ("a U.S. strike" keeps its actor).
    ``whole``: look at the token's whole phrase, else at the token alone."""
    low, high = (token.left_edge.idx, token.right_edge.idx + len(token.right_edge)) if (
        whole) else (token.idx, token.idx + len(token))
    return any(place["start"] < high and low < place["end"] and place.get("kind") != "country"
               for place in token.doc._.el_places or ())


def _responsible_party(head: Token, modified: set[str]) -> Token | None:
    """"those responsible for the bombing", "34 people are involved in the attempt": the
    party a predicate of taking part says took part in the event."""
    noun = head
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in modified:
        noun = noun.head  # "the assassination attempt"
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "for"):
        return None
    predicate = noun.head.head
    if predicate.lemma_.lower() not in _PARTY_PREDICATES:
        return None
    if predicate.dep_ == "amod":
        return predicate.head  # "those responsible for"
    subject = next((c for c in predicate.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and predicate.dep_ in ("acomp", "oprd"):
        subject = next((c for c in predicate.head.children
                        if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ in _WHO and subject.head.dep_ == "relcl":
        subject = subject.head.head
    return subject


def _inherited_actor(head: Token, attacks: set[int]) -> bool:
    """A verb without a subject of its own that hangs on an attack ("stormed the hotel and
    killed two guards", "blew himself up, killing six"): its actor is the attack's."""
    if head.pos_ not in ("VERB", "AUX") or any(
        c.dep_ in ("nsubj", "agent") for c in head.children
    ):
        return False
    current = head
    for _ in range(3):
        if current.dep_ not in ("conj", "advcl", "xcomp") or current.head.i == current.i:
            return False
        current = current.head
        if current.i in attacks or any(
            t.i in attacks for t in _carried(current)
        ):
            return True
    return False


def _carried(verb: Token) -> list[Token]:
    """The nouns a verb carries: its objects and their "of" phrases ("launched a series of
    attacks")."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return objects + [p for o in objects for p in _of_objects(o)]


def _addressees(head: Token) -> set[int]:
    """Token indices of whom a request is addressed to: "on"/"upon"/"to"/"of" phrases of
    the trigger ("called on X", "appealed to X", "demanded of X")."""
    return {pobj.i for child in head.children
            if child.dep_ == "prep" and child.lower_ in ("on", "upon", "to", "of")
            for pobj in child.children if pobj.dep_ == "pobj"}


def _named_form(token: Token | None) -> Token | None:
    """"One of them, Mr X, ..." / "he, the minister": the apposition names the party."""
    if token is None:
        return None
    if token.pos_ in ("PRON", "NUM") or token.lower_ in ("one", "some"):
        appos = _first_dep(token, "appos")
        if appos is not None:
            return appos
    return token


def _inside_clause(token: Token, top: Token) -> bool:
    current = token
    while current.i != top.i and current.head.i != current.i:
        if current.dep_ in ("ccomp", "advcl", "parataxis", "relcl") or (
            current.dep_ == "conj" and current.pos_ in ("VERB", "AUX")
        ):
            return True
        current = current.head
    return False


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN"
    )


def _objects(head: Token) -> list[Token]:
    """Objects of a verb (direct, passive subject, of a particle's preposition)."""
    result = []
    for child in head.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd"):
            result.append(child)
            result.extend(c for c in child.children if c.dep_ == "conj")
        elif child.dep_ == "prep":
            pobj = _first_dep(child, "pobj")
            if pobj is not None:
                result.append(pobj)
    if head.dep_ == "acl" and head.tag_ == "VBN":
        result.append(head.head)
    return result


def _of_objects(token: Token) -> list[Token]:
    return [
        pobj
        for child in token.children
        if child.dep_ == "prep" and child.lower_ == "of"
        for pobj in child.children
        if pobj.dep_ == "pobj"
    ]


@Language.factory(
    "eventledger_events",
    requires=[
        "token.dep", "token.lemma", "doc._.el_excluded", "doc._.el_actors", "doc._.el_places",
        "doc._.el_attributions",
    ],
    assigns=["doc._.el_events"],
    default_config={"extra_triggers_path": None},
)
def make_events(nlp: Language, name: str, *, extra_triggers_path: str | None) -> EventsExtractor:
    return EventsExtractor(nlp, name, extra_triggers_path=extra_triggers_path)
