"""Casualty frames beside the subject and object of a casualty verb that
:mod:`eventledger.extract.figures` reads:

- lives taken: "the blast claimed nine lives", "claimed the lives of 14 people", "cost
  thousands of lives", "nine lives were lost": killed, the verb and "lives" the trigger;
- the absolute "with": "six were killed with two others and an Afghan injured": the
  participle after the "with" phrase tells what its people suffered;
- casualty verbs joined on one count: "130 more were mutilated, injured and traumatised"
  is one injured figure whose trigger runs over the verbs; "twelve were killed or injured"
  tells neither category alone: casualties (``other``);
- a participle after counts joined by "and": "there were eight women and four men
  injured" tells it of every count, not only of the last;
- groups of casualties: "two foreigners were among the dead", "among those killed were
  two nurses", "the dead included six children": the group's state or participle tells
  what the counted people suffered;
- headlines: the text's first line, a heading no other extractor reads, and its bare
  singular victims ("Roadside bomb kills army general": one).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from ..data_files import word_lists
from .syntax import doc_text

_WORDS = word_lists("figure_words")
LIFE_NOUNS = _WORDS["life_nouns"]
_TAKING = _WORDS["life_taking_verbs"]
_AMONG = _WORDS["among_preps"]
_GROUP_VERBS = _WORDS["group_verbs"]
_LOSING = _WORDS["life_losing_verbs"]
# words between two joined verbs of one subject ("mutilated, injured and badly burned")
_JOINING_DEPS = {"cc", "punct", "advmod", "neg", "preconj"}
# what makes a noun counted or definite: no bare victim of a headline
_BOUND_DEPS = {"det", "nummod", "poss", "quantmod", "predet"}

Category = Callable[[Token], "str | None"]


def life_noun(anchor: Token, who: Token | None) -> Token | None:
    """The "lives" of a count ("nine lives", "the lives of 14 people"), or None."""
    for token in (anchor, who):
        if token is None:
            continue
        if token.lemma_.lower() in LIFE_NOUNS:
            return token
        if token.dep_ == "pobj" and token.head.lower_ == "of" and (
            token.head.head.lemma_.lower() in LIFE_NOUNS
        ):
            return token.head.head
    return None


def lives_taken(anchor: Token, who: Token | None) -> tuple[int, int] | None:
    """The trigger (token range) of lives taken ("claimed nine lives", "nine lives were
    lost"), or None."""
    life = life_noun(anchor, who)
    if life is None:
        return None
    verb = life.head
    lemma = verb.lemma_.lower()
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "prt" for c in verb.children):
        return None  # "it takes on a life of its own": another verb
    if life.dep_ == "dobj" and lemma in _TAKING and verb.i < life.i:
        return verb.i, life.i + 1  # "claimed the lives"
    if life.dep_ == "nsubjpass" and (lemma in _TAKING or lemma in _LOSING):
        return verb.i, verb.i + 1  # "lives were lost"
    return None


def with_participle(anchor: Token, category: Category) -> tuple[str, Token] | None:
    """"killed, with two others and an Afghan injured": the category and participle told
    of the people of an absolute "with" phrase that the parse hung on the clause, not on
    them."""
    slot = anchor
    while slot.dep_ == "conj" and slot.head.i < slot.i:
        slot = slot.head
    state = slot.head
    if slot.dep_ in ("nsubj", "nsubjpass") and state.dep_ == "pcomp" and (
        state.head.lower_ == "with"
    ):  # "with dozens more wounded": a state, no verb, the parse's head of the phrase
        found = category(state)
        return (found, state) if found else None
    if slot.dep_ != "pobj" or slot.head.lower_ != "with":
        return None
    prep = slot.head
    nouns = [slot, *(t for t in slot.conjuncts if t.i > slot.i)]
    doc = anchor.doc
    last = max(n.i for n in nouns)
    for token in doc[last + 1:min(last + 3, len(doc))]:
        if token.dep_ in _JOINING_DEPS:
            continue
        if token.head.i in {prep.head.i, prep.i, *(n.i for n in nouns)} and (
            token.tag_ in ("VBN", "VBD", "JJ")
        ):
            found = category(token)
            return (found, token) if found else None
        break
    return None


def joined_participle(noun: Token, category: Category) -> tuple[str, tuple[int, int]] | None:
    """"eight women and four men injured": the category and trigger of a participle or
    state that the parse hangs on the last of the nouns joined to ``noun``, right after
    it, which tells what all of them suffered."""
    later = [c for c in noun.conjuncts if c.i > noun.i]
    if not later:
        return None
    last = max(later, key=lambda t: t.i)
    after = next((c for c in last.children if c.i == last.i + 1 and c.dep_ in ("acl", "amod")),
                 None)
    found = category(after) if after is not None else None
    return (found, (after.i, after.i + 1)) if found else None


def among_casualties(verb: Token, role: str,
                     category: Category) -> tuple[str, tuple[int, int]] | None:
    """The category and trigger of a group of casualties the counted people are put in, by
    the copula they are subject or attribute of ("two foreigners were among the dead",
    "among those killed were two nurses") or as the object of a verb whose subject is the
    group ("the dead included six children")."""
    if role in ("nsubj", "attr"):
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in _AMONG:
                found = _group(next((c for c in prep.children if c.dep_ == "pobj"), None),
                               category)
                if found:
                    return found
    if role == "dobj" and verb.lemma_.lower() in _GROUP_VERBS:
        return _group(next((c for c in verb.children if c.dep_ == "nsubj"), None), category)
    return None


def _group(group: Token | None, category: Category) -> tuple[str, tuple[int, int]] | None:
    """A group of casualties: its own state ("the dead") or the participle after it
    ("those killed", "the people wounded")."""
    if group is None:
        return None
    for token in (group, *(c for c in group.children
                           if c.dep_ in ("acl", "amod") and c.i > group.i)):
        found = category(token)
        if found:
            return found, (token.i, token.i + 1)
    return None


def joined_verbs(trigger: Token, category: Category) -> tuple[str, tuple[int, int]] | None:
    """Casualty verbs joined to ``trigger`` on its one subject ("mutilated, injured and
    traumatised", "killed or injured"): the category of them all (``other`` when they
    tell more than one) and the token range from the first to the last, or None when
    ``trigger`` is joined to none."""
    own = category(trigger)
    return _joined(trigger, category, own) if own is not None else None


def verbs_joined_to(verb: Token, category: Category) -> tuple[str, tuple[int, int]] | None:
    """For a verb that tells no casualty itself, those of the verbs joined to it on its one
    subject ("were shot and killed", "were beaten and arrested"), as :func:`joined_verbs`
    gives them."""
    return _joined(verb, category, None)


def _joined(trigger: Token, category: Category, own: str | None):
    chain = sorted([trigger, *trigger.conjuncts], key=lambda t: t.i)
    start = chain.index(trigger)
    joined = {trigger.i: own} if own else {}  # token index: category
    for side in (-1, 1):
        index = start
        previous = trigger
        while 0 <= index + side < len(chain):
            index += side
            token = chain[index]
            if _own_subject(token) or not _adjacent(previous, token):
                break
            found = category(token)
            if found:
                joined[token.i] = found
            previous = token
    if len(joined) < (2 if own else 1):
        return None
    kinds = set(joined.values())
    return (kinds.pop() if len(kinds) == 1 else "other"), (min(joined), max(joined) + 1)


def _own_subject(token: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children)


def _adjacent(a: Token, b: Token) -> bool:
    """Only joining words (commas, "and", "or", adverbs) between two joined verbs."""
    low, high = sorted((a, b), key=lambda t: t.i)
    between = low.doc[low.i + 1:high.i]
    return all(t.dep_ in _JOINING_DEPS or t.head.i == high.i and t.dep_ in ("aux", "auxpass")
               for t in between)


def headline(doc: Doc) -> tuple[int, int] | None:
    """The character range of the text's headline: its first line, one sentence, when more
    lines follow; none in a later part of a long document."""
    if doc._.el_offset:
        return None
    text = doc_text(doc)
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end < 0 or not text[end:].strip():
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(list(span.sents)) != 1:
        return None
    return start, end


def bare_victims(sent: Span, verbs: dict[str, str], people: frozenset[str],
                 taken: set[int]) -> list[tuple[int, int]]:
    """Token ranges of the bare singular victims of a headline ("Roadside bomb kills army
    general", "Soldier wounded in blast"): a singular noun of a person (``people``, lemmas)
    with no article, number or possessive, as the object or passive subject of a killing
    or wounding verb or the noun its participle qualifies, with its modifiers ("army
    general")."""
    found = []
    for token in sent:
        if token.tag_ != "NN" or token.i in taken or token.ent_type_ or (
            token.lemma_.lower() not in people
        ) or any(c.dep_ in _BOUND_DEPS for c in token.children):
            continue
        told = token.dep_ in ("dobj", "nsubjpass") and token.head.pos_ == "VERB" and (
            token.head.lemma_.lower() in verbs
        ) or any(c.dep_ == "acl" and c.lemma_.lower() in verbs for c in token.children)
        if not told:
            continue
        start = token.i
        for child in sorted(token.children, key=lambda t: -t.i):
            if child.i == start - 1 and child.dep_ in ("compound", "amod") and (
                child.pos_ in ("NOUN", "ADJ")
            ):
                start = child.i
        found.append((start, token.i + 1))
    return found
