"""Modality: whether an event is negated (a negation, a governing "deny"), hypothetical (a
modal, an if-clause, a verb of intention) or generic (a present-tense habit)."""

from __future__ import annotations

from spacy.tokens import Token

from ...data_files import word_lists
from ..syntax import nobody
from .arguments import carrier_top, light_verb
from .context import Context
from .lexicon import ADJUNCT_PREPS, CONDITION_MARKS, FUTURE_AUXILIARIES
from .phrases import verb_phrase_in

# "the attack", "this bombing": an event told before (grammar_words.json)
_DEFINITE = frozenset(word_lists("grammar_words")["definite_determiners"])


# -- negation, modality ----------------------------------------------------------
def _governors(ctx: Context, head: Token, steps: int = 5):
    current = head
    for _ in range(steps):
        if current.head.i == current.i:
            return
        dep = current.dep_
        current = current.head
        yield dep, current


def negated(ctx: Context, head: Token, type_: str | None = None) -> bool:
    """Whether the event of ``head`` (of ``type_``) is said not to have happened: a
    negation on it, a subject or object that is no one, or a governing verb of denial,
    unless what is denied is a statement named by its noun ("rejected the criticism": the
    criticism was made; the lexicon's speech_types)."""
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no")
           for c in head.children):
        return True
    if head.pos_ == "VERB" and any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") and nobody(c) for c in head.children
    ):
        return True  # "no one was arrested", "neither side attacked", "arrested no one"
    verb = light_verb(ctx, head) if head.pos_ == "NOUN" else None
    if verb is not None and any(c.dep_ == "neg" for c in verb.children):
        return True
    if called_off(ctx, head, "cancelling_verbs"):
        return True  # "the talks were cancelled"
    said = head.pos_ == "NOUN" and type_ in ctx.words["speech_types"]
    for dep, governor in _governors(ctx, head):
        lemma = governor.lemma_.lower()
        if lemma in ctx.neg_governors and dep in ("ccomp", "dobj", "xcomp", "pobj", "prep") and (
            not (said and dep == "dobj" and governor.i == head.head.i)
        ):
            return True
        if lemma == "refuse" and dep == "xcomp":
            return True
        if dep == "xcomp" and any(c.dep_ == "neg" for c in governor.children):
            return True
        if dep not in ("xcomp", "conj", "dobj", "pobj", "prep", "ccomp", "acl"):
            break
    return False


def hypothetical(ctx: Context, head: Token, *, future_is_told: bool = False) -> bool:
    """A modal, an if-clause or a verb of intention above the trigger, or a modifier of
    what is still to come on an event noun ("forthcoming talks"). ``future_is_told``:
    the future auxiliaries ("will meet") do not count, for a type whose announcement is
    itself the event (PLOVER's AGREE)."""
    if head.pos_ == "NOUN" and any(
        c.dep_ == "amod" and c.lower_ in ctx.words["prospective_modifiers"]
        and not any(g.dep_ == "advmod" for g in c.children) for c in head.children
    ):
        return True  # "forthcoming peace talks", "a planned strike"
    if head.tag_ == "VBG" and head.dep_ in ("csubj", "csubjpass"):
        return True  # "capturing drones with nets is one option": a kind of act, not one told
    if not future_is_told and scheduled(ctx, head) or called_off(ctx, head, "postponing_verbs"):
        return True  # "the talks are scheduled to take place on Friday", "were postponed"
    carriers = [head, *_verbs_of(ctx, head)]
    for dep, governor in _governors(ctx, head, steps=3):
        if dep in ("xcomp", "conj") and governor.pos_ in ("VERB", "AUX"):
            carriers.append(governor)
        if dep == "xcomp" and governor.lemma_.lower() in ctx.hyp_governors:
            return True
        if dep == "dobj" and governor.pos_ == "VERB" and (
            governor.lemma_.lower() in ctx.hyp_governors
        ) and not _names(ctx, governor):
            return True  # "planned an offensive", "ordered the arrest", "called a strike";
            # not "called the attack cowardly", which names an event told
        if dep == "pobj" and governor.lower_ in ADJUNCT_PREPS:
            break  # "agreed to a truce after talks", "plans talks after the attack": told
        if dep == "pobj" and governor.dep_ == "prep" and (
            governor.head.lemma_.lower() in ctx.hyp_governors
            or governor.head.lemma_.lower() in ctx.words["plan_nouns"]
        ):
            return True
        if dep not in ("xcomp", "conj", "dobj", "pobj", "prep"):
            break
    for carrier in carriers:
        for child in carrier.children:
            if child.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in child.children
            ):
                return True  # "if the vote passes, they will meet"
            if child.dep_ in ("aux", "auxpass") and (
                child.tag_ == "MD" or child.lower_ in ctx.modals
            ) and not (future_is_told and child.lower_ in FUTURE_AUXILIARIES):
                return True
            if child.dep_ == "aux" and child.lower_ == "to" and carrier.dep_ == "xcomp" and (
                carrier.head.lemma_.lower() == "go"
            ):
                return True
    # an if-clause anywhere above the trigger
    current = head
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in current.children):
            return True
        if current.head.i == current.i:
            break
        current = current.head
    return False


def _names(ctx: Context, verb: Token) -> bool:
    """A verb of naming told of an event told before, a definite object ("called the
    attack cowardly", "condemned this bombing"), or with what its object is called
    ("described a shooting as an attack"); not "called a strike", which it calls for."""
    if verb.lemma_.lower() not in ctx.words["naming_verbs"]:
        return False
    told = any(c.dep_ == "dobj" and any(
        d.dep_ == "poss" or d.dep_ == "det" and d.lower_ in _DEFINITE
        for d in c.children) for c in verb.children)
    return told or any(
        c.dep_ in ("oprd", "xcomp", "acomp", "ccomp") or c.dep_ == "prep" and c.lower_ == "as"
        for c in verb.children)


def future(ctx: Context, head: Token) -> bool:
    """Said of the future: "will meet", "agreed to withdraw", "plans to visit", "will send
    aid" (the light verb of a noun), "talks will resume", "a meeting set for Friday"."""
    for carrier in (head, *_verbs_of(ctx, head)):
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in carrier.children):
            return True
    if scheduled(ctx, head):
        return True
    return head.dep_ == "xcomp" and head.head.lemma_.lower() in ctx.words["intent_verbs"]


def _verbs_of(ctx: Context, head: Token) -> list[Token]:
    """The verbs whose tense and modals tell those of an event noun: its light verb ("will
    hold talks") and the verb of its taking place ("talks will resume")."""
    if head.pos_ != "NOUN":
        return []
    verb = light_verb(ctx, head)
    verbs = [verb] if verb is not None else []
    head = carrier_top(ctx, head)
    if head.dep_ in ("nsubj", "nsubjpass") and _occurrence(ctx, head.head):
        verbs.append(head.head)
    return verbs


def _occurrence(ctx: Context, verb: Token) -> bool:
    """A verb of taking place ("resume", "take place", "go ahead"; occurrence_verbs)."""
    return verb_phrase_in(verb, ctx.words["occurrence_verbs"])


def called_off(ctx: Context, head: Token, key: str) -> bool:
    """An event noun that the verbs of ``key`` take as their object, or as the subject of
    their passive: "cancelled the talks", "the rally was called off" (cancelling_verbs),
    "the strike was postponed" (postponing_verbs)."""
    if head.pos_ != "NOUN":
        return False
    head = carrier_top(ctx, head)
    return head.dep_ in ("dobj", "nsubjpass") and verb_phrase_in(head.head, ctx.words[key])


def scheduled(ctx: Context, head: Token) -> bool:
    """An event noun set for a later time, by its subject's predicate or its own modifier:
    "a meeting set for next month", "the talks are scheduled to take place", "talks are due
    to resume", "the summit, due to open on Monday" (schedule_words); not "the attack was
    planned for months", which took place."""
    if head.pos_ != "NOUN":
        return False
    head = carrier_top(ctx, head)  # "a second round of talks is planned for May"
    setters = [c for c in head.children if c.dep_ in ("amod", "acl")]
    if head.dep_ in ("nsubj", "nsubjpass"):
        setters.append(head.head)
        setters.extend(c for c in head.head.children if c.dep_ == "acomp")
    return any(s.lemma_.lower() in ctx.words["schedule_words"] and _later(ctx, s)
               for s in setters)


def _later(ctx: Context, setter: Token) -> bool:
    """A scheduling word's time to come: an occurrence verb, or a date that is no span of
    time ("for Friday", "for next month"; not "for months")."""
    for child in setter.children:
        if child.dep_ == "xcomp" and _occurrence(ctx, child):
            return True
        if child.dep_ == "prep" and child.lower_ in ("for", "on") and any(
            p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") and p.tag_ != "NNS"
            for p in child.children
        ):
            return True
    return False


def generic(ctx: Context, head: Token) -> bool:
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
        c.dep_ == "advmod" and c.lower_ in ctx.words["generic_adverbs"] for c in head.children
    )
