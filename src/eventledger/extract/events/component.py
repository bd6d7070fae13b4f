"""The ``eventledger_events`` component: triggers sentence by sentence, each built into an event
with its arguments, place, date and modality."""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...provenance import FROM_DATELINE
from ..base import attribution_covering, get_list, named
from ..dates import sentence_date
from ..locate import dateline_place, locate_event, place_ref, with_tokens
from ..syntax import Entities, doc_text
from .arguments import arguments, light_verb
from .context import Context
from .learned import with_model
from .learned_arguments import located, vetoed
from .lexicon import ADJUNCT_PREPS, load_lexicon
from .means import as_people
from .modality import future, generic, hypothetical, negated
from .phrases import inherited_actor, np_bounds, outside_trigger
from .triggers import drop_carriers, find_triggers, may_be_party, mode, thing_source

log = logging.getLogger(__name__)


class EventsExtractor:
    """The ``eventledger_events`` component. ``trigger_model``: combine the rules' triggers
    with the event head's (:mod:`.learned`; off: rules only); ``trigger_veto`` and
    ``trigger_add``: its thresholds (None: the head's own defaults). ``argument_model``:
    combine the rules' arguments with the argument head's scores (:mod:`.learned_arguments`;
    off, or without the head's states on the doc: rules only)."""

    def __init__(self, nlp: Language, name: str, *, extra_triggers_path: str | None = None,
                 trigger_model: bool = True, trigger_veto: float | None = None,
                 trigger_add: float | None = None, argument_model: bool = True):
        self.name = name
        self.argument_model = argument_model
        self.trigger_model = trigger_model
        self.trigger_veto = trigger_veto
        self.trigger_add = trigger_add
        # What the stages read: the trigger lexicon and what is made of it, never changed.
        self.ctx = Context.of(load_lexicon(extra_triggers_path or None))

    # -- places ----------------------------------------------------------------------
    def locate(self, doc: Doc, trig: dict, sent: Span, places: list, others: list[Token],
               skip_ranges: list[tuple[int, int]], recipient: Token | None = None
               ) -> tuple[dict | None, dict | None]:
        """``(location place, origin place)`` of the trigger (see :mod:`.locate`)."""
        head: Token = trig["head"]
        verb = light_verb(self.ctx, head) if head.pos_ == "NOUN" else None
        return locate_event(
            doc, (trig["start"], trig["end"]), places, sentence=sent, others=others,
            skip_ranges=skip_ranges, recipient=recipient,
            carriers=[verb] if verb is not None else (),
            assault=trig["type"] == "ASSAULT", demonyms=self.ctx.demonyms, dateline=False,
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
        entities = Entities(doc)
        filed = dateline_place(doc, places)
        for sent in doc.sents:
            sent_ents = entities.within(sent.start, sent.end)
            # headings and captions are skipped trigger by trigger: the parser may have
            # joined a heading to the sentence after it
            triggers = find_triggers(self.ctx, doc, sent)
            if self.trigger_model:
                triggers = drop_carriers(self.ctx, with_model(
                    self.ctx, doc, sent, triggers, veto=self.trigger_veto,
                    add=self.trigger_add))
            heads = [t["head"] for t in triggers]
            built = {}
            for trig in triggers:
                built[trig["head"].i] = self.build(doc, sent, trig, places, heads, skip_ranges,
                                                   sent_ents, 0)
            if self.argument_model:
                # the argument head keeps, changes or drops the rules' place (learned_arguments)
                for trig in triggers:
                    event = built[trig["head"].i]
                    event["location"] = located(doc, sent, event,
                                                doc[trig["start"]:trig["end"]].root, places)
            # "Jets bombed X, killing eight": a dependent event happened where its head did
            for trig in triggers:
                event, head = built[trig["head"].i], trig["head"]
                governor = built.get(head.head.i) if head.dep_ in ("conj", "advcl") else None
                if event["location"] is None and governor is not None and governor is not event:
                    event["location"] = governor["location"]
            # the text gives no place: the dateline's, marked as such (where the report
            # was filed, which a map may still use)
            for event in built.values():
                if event["location"] is None:
                    event["location"] = place_ref(filed, FROM_DATELINE)
            # "five were killed in the blast", "a bomber blew himself up, killing six": the
            # killing is the attack's outcome, not a second assault; without an actor of its
            # own ("two guards were killed") it tells a toll, which the figures count
            attacks = {t["head"].i for t in triggers
                       if t["type"] == "ASSAULT" and not t.get("consequence")}
            for trig in triggers:
                event = built[trig["head"].i]
                if trig.get("by_means"):
                    if attacks:
                        continue  # a weapon's toll or use is its own attack where none is told
                elif trig.get("consequence") and (
                    event["actor"] is None or inherited_actor(trig["head"], attacks)
                ):
                    continue
                if trig.get("needs_party") and (
                    event["actor"] is None and event["recipient"] is None
                    or thing_source(self.ctx, trig.get("actor_token"))
                ):
                    continue  # "the threat of terrorism", "a threat from rising seas": a
                    # risk, not a threat made
                if self.argument_model:
                    # the head vetoes the rules' actor or recipient once the rules have
                    # decided, with them, which events there are (learned_arguments)
                    vetoed(doc, event, doc[trig["start"]:trig["end"]].root)
                event["id"] = f"E{len(events) + 1}"
                events.append(event)
        return doc

    @staticmethod
    def argument(doc, token: Token | None, head: Token, trigger: tuple[int, int], *,
                 before: int | None = None) -> dict | None:
        """The actor or recipient headed by ``token``: its phrase, less the trigger's words
        (and what stands from character ``before`` on)."""
        if token is None or trigger[0] <= token.idx < trigger[1]:
            return None  # a word of the trigger itself ("took to the streets") is no party
        start, end = np_bounds(token, head)
        text = doc_text(doc)
        if before is not None and start < before < end:
            end = before
            while end > start and not text[end - 1].isalnum():
                end -= 1
        return named(doc, *outside_trigger(text, (start, end), trigger))

    def build(self, doc, sent, trig, places, heads, skip_ranges, sent_ents,
              number) -> dict:
        head: Token = trig["head"]
        start_char = doc[trig["start"]].idx
        end_char = doc[trig["end"] - 1].idx + len(doc[trig["end"] - 1])
        actor, recipient = arguments(self.ctx, trig)
        trig["actor_token"] = actor  # whether a threat's source is a party, decided after
        actor_skip = list(skip_ranges)
        if actor is not None:
            actor_skip.append(np_bounds(actor, head))
        location, origin = self.locate(doc, trig, sent, places, heads, actor_skip, recipient)
        is_hypothetical = hypothetical(self.ctx, head)
        is_generic = generic(self.ctx, head)
        # "a bomber on a motorbike" is someone who sets off bombs, not an aircraft
        type_ = trig["type"]
        mode_ = mode(self.ctx, {**trig, "weapons": as_people(self.ctx, doc, trig["weapons"])})
        told = self.ctx.lexicon.get("future_types", {}).get(type_)
        told_future = bool(told) and is_hypothetical and future(self.ctx, head)
        if told_future:
            # PLOVER: future cooperation is an intention (AGREE); a future retreat a
            # concession (CONCEDE). The intention is told, so it took place, unless more than
            # the future tense makes it hypothetical ("if", "could", "agreed to").
            if told != type_:
                type_, mode_ = told, None
            is_hypothetical = hypothetical(self.ctx, head, future_is_told=True)
        date, precision = (None, None)
        # a future act's date in the sentence ("next week") is not the day it was told
        if not is_hypothetical and not is_generic and not told_future:
            date, precision = sentence_date(sent, doc._.el_published, sent_ents)
        attribution = attribution_covering(doc, start_char, end_char)
        event = {
            "id": f"E{number}",
            "type": type_,
            "mode": mode_,
            "trigger": {"text": doc_text(doc)[start_char:end_char], "start": start_char,
                        "end": end_char},
            "actor": self.argument(doc, actor, head, (start_char, end_char),
                                   before=_facing(actor, recipient)),
            "recipient": self.argument(doc, recipient, head, (start_char, end_char),
                                       before=self._recipient_end(head, recipient)),
            "location": place_ref(location),
            "origin": place_ref(origin),
            "date": date,
            "date_precision": precision,
            "attribution": attribution["id"] if attribution else None,
            "negated": negated(self.ctx, head, type_),
            "hypothetical": is_hypothetical,
        }
        if is_generic:
            event["generic"] = True
        return event

    def _recipient_end(self, head: Token, recipient: Token | None) -> int | None:
        """Where the recipient's phrase stops, before words the parser hangs on it that
        are not part of who it is: an adjunct ("sanctions on three officials over the
        crackdown"), or the charge of a verb that takes an "of" phrase
        (of_complement_verbs: "accused the commission of bias"; an "of" phrase of a party
        is part of it: "members of the gang")."""
        if recipient is None:
            return None
        adjunct = next((c.idx for c in recipient.rights
                        if c.dep_ == "prep" and c.lower_ in ADJUNCT_PREPS), None)
        if head.lemma_.lower() not in self.ctx.words["of_complement_verbs"]:
            return adjunct
        token = recipient
        while True:  # down "of" phrases of parties: "members of the gang of the killing"
            phrase = next((c for c in reversed(list(token.rights))
                           if c.dep_ == "prep" and c.lower_ == "of"), None)
            party = phrase and next((o for o in phrase.children if o.dep_ == "pobj"
                                     and may_be_party(self.ctx, o)), None)
            if party is None or phrase.nbor().tag_ == "VBG":  # "of massing troops": a deed
                charge = phrase.idx if phrase is not None else None
                return min((i for i in (adjunct, charge) if i is not None), default=None)
            token = party


def _facing(actor: Token | None, recipient: Token | None) -> int | None:
    """"between police and protesters": where the party the actor faces, listed after it,
    begins (its "and"), which the actor's phrase stops before."""
    if actor is None or recipient is None or recipient.dep_ != "conj" or (
        recipient.head.i != actor.i
    ):
        return None
    joiners = [c.i for c in actor.children
               if c.dep_ in ("cc", "punct") and actor.i < c.i < recipient.i]
    return actor.doc[min(joiners + [recipient.left_edge.i])].idx


@Language.factory(
    "eventledger_events",
    requires=[
        "token.dep", "token.lemma", "doc._.el_excluded", "doc._.el_actors", "doc._.el_places",
        "doc._.el_attributions", "doc._.el_trigger_scores", "doc._.el_argument_states",
    ],
    assigns=["doc._.el_events"],
    default_config={"extra_triggers_path": None, "trigger_model": True, "trigger_veto": None,
                    "trigger_add": None, "argument_model": True},
)
def make_events(nlp: Language, name: str, *, extra_triggers_path: str | None,
                trigger_model: bool, trigger_veto: float | None,
                trigger_add: float | None, argument_model: bool) -> EventsExtractor:
    return EventsExtractor(nlp, name, extra_triggers_path=extra_triggers_path,
                           trigger_model=trigger_model, trigger_veto=trigger_veto,
                           trigger_add=trigger_add, argument_model=argument_model)
