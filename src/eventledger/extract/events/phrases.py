"""Parse helpers of event arguments: noun-phrase bounds, clauses, objects, passives, and the
words around a trigger that decide its sense."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from ..syntax import first_dep as _first_dep
from ..syntax import noun_phrase
from .lexicon import (
    APPEAL_PREPS,
    NP_SKIP,
    PARTITIVE_PRONOUNS,
    PARTY_PHRASE_PREPS,
    RELATIVE_PRONOUNS,
)


def prep_objects(token: Token, preps: Collection[str]) -> list[Token]:
    """The objects of the word's prepositions among ``preps`` ("fired into the city")."""
    return [p for c in token.children if c.dep_ == "prep" and c.lower_ in preps
            for p in c.children if p.dep_ == "pobj"]


def np_bounds(token: Token, avoid: Token | None = None) -> tuple[int, int]:
    """Character range of the noun phrase headed by ``token`` (or by the noun a relative
    pronoun stands for), without relative clauses, appositions and other asides, and
    without the branch holding ``avoid`` (the trigger: "those responsible for the bombing"
    is the bombing's actor as "those")."""
    if token.lower_ in RELATIVE_PRONOUNS and token.dep_ in ("nsubj", "nsubjpass") and (
        token.head.dep_ == "relcl"
    ):
        token = token.head.head
    return noun_phrase(token, asides=NP_SKIP, avoid=avoid)


def outside_trigger(text: str, bounds: tuple[int, int],
                    trigger: tuple[int, int]) -> tuple[int, int]:
    """``bounds`` (an argument's characters) without the trigger's words at either end: in
    "shot dead the official" the parser hangs "dead", a word of the trigger, on the
    object. An argument that is all trigger words is kept as it is."""
    start, end = bounds
    if trigger[0] <= start < trigger[1]:
        start = trigger[1]
    if trigger[0] < end <= trigger[1]:
        end = trigger[0]
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else bounds


def sense_words(head: Token) -> list[Token]:
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


def capitalised_common(token: Token) -> bool:
    """A common noun capitalised at the start of a sentence or line."""
    if token.ent_type_ or not token.is_title:
        return False
    previous = token.doc[token.i - 1] if token.i > 0 else None
    return token.is_sent_start or previous is None or previous.is_space or (
        previous.is_punct and previous.text in "\"“'‘(["
    )


def names_site(token: Token, *, whole: bool = True) -> bool:
    """"the Manchester bombing", "the Boston Marathon bombing": a modifier naming a place
    smaller than a country tells where, not who ("a U.S. strike" keeps its actor).
    ``whole``: look at the token's whole phrase, else at the token alone."""
    low, high = (token.left_edge.idx, token.right_edge.idx + len(token.right_edge)) if (
        whole) else (token.idx, token.idx + len(token))
    return any(place["start"] < high and low < place["end"] and place.get("kind") != "country"
               for place in token.doc._.el_places or ())


def named_as_site(token: Token, site_nouns: Collection[str]) -> bool:
    """"the Rolando bombing" where the text tells of "the Rolando cafe": a name, just
    before the event noun, that the document gives a site (just before a site noun) names
    where, not who; a person's name stays a person's ("a Trump rally", "the Trump hotel")."""
    if token.ent_type_ == "PERSON" or token.head.i != token.i + 1:
        return False
    return token.lower_ in _site_names(token.doc, site_nouns)


def _site_names(doc, site_nouns: Collection[str]) -> list[str]:
    """The words the document puts just before a site noun, through the rest of a name
    ("Sandy Hook Elementary School"): found once and kept on it (``doc._.el_site_names``)."""
    if doc._.el_site_names is None:
        doc._.el_site_names = sorted({
            t.lower_ for t in doc if t.dep_ in ("compound", "nmod") and t.i < t.head.i
            and t.head.lemma_.lower() in site_nouns
            and all(doc[k].pos_ == "PROPN" for k in range(t.i + 1, t.head.i))})
    return doc._.el_site_names


def responsible_party(
    head: Token, modified: set[str], predicates: set[str]
) -> Token | None:
    """"those responsible for the bombing", "34 people are involved in the attempt": the
    party a predicate of taking part says took part in the event."""
    noun = head
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in modified:
        noun = noun.head  # "the assassination attempt"
    if noun.dep_ != "pobj" or noun.head.lower_ not in PARTY_PHRASE_PREPS:
        return None
    predicate = noun.head.head
    if predicate.lemma_.lower() not in predicates:
        return None
    if predicate.dep_ == "amod":
        return predicate.head  # "those responsible for"
    subject = next((c for c in predicate.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and predicate.dep_ in ("acomp", "oprd"):
        subject = next((c for c in predicate.head.children
                        if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
        subject = subject.head.head
    return subject


def inherited_actor(head: Token, attacks: set[int]) -> bool:
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
    return objects + [p for o in objects for p in of_objects(o)]


def addressees(head: Token) -> set[int]:
    """Token indices of whom a request is addressed to: "on"/"upon"/"to"/"of" phrases of
    the trigger ("called on X", "appealed to X", "demanded of X")."""
    return {pobj.i for child in head.children
            if child.dep_ == "prep" and child.lower_ in APPEAL_PREPS
            for pobj in child.children if pobj.dep_ == "pobj"}


def named_form(token: Token | None) -> Token | None:
    """"One of them, Mr X, ..." / "he, the minister" / "the alleged gunman, Omar Ruiz,":
    the apposition names the party (a name, for a role noun)."""
    if token is None:
        return None
    appos = _first_dep(token, "appos")
    if appos is None:
        return token
    if token.pos_ in ("PRON", "NUM") or token.lower_ in PARTITIVE_PRONOUNS:
        return appos
    if token.pos_ == "NOUN" and token.tag_ == "NN" and appos.pos_ == "PROPN" and (
        appos.ent_type_ in ("PERSON", "ORG")
    ):
        return appos
    return token


def inside_clause(token: Token, top: Token) -> bool:
    current = token
    while current.i != top.i and current.head.i != current.i:
        if current.dep_ in ("ccomp", "advcl", "parataxis", "relcl") or (
            current.dep_ == "conj" and current.pos_ in ("VERB", "AUX")
        ):
            return True
        current = current.head
    return False


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN"
    )


def objects_of(head: Token) -> list[Token]:
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
    shared = shared_object(head)
    if shared is not None:
        result.append(shared)
        result.extend(c for c in shared.children if c.dep_ == "conj")
    return result


def shared_object(verb: Token) -> Token | None:
    """The object that a verb with none of its own shares with the verb joined to it:
    "beat and detained dozens", "shot and killed a policeman" (the parse hangs the
    object on the last verb). None when the second verb has a subject of its own ("the
    rebels attacked and the army fled"), or when the first verb's phrase goes on before
    the joint ("apologised for the killings and promised an inquiry")."""
    if verb.pos_ != "VERB" or any(
        c.dep_ in ("dobj", "nsubjpass", "auxpass", "ccomp", "xcomp") for c in verb.children
    ):
        return None
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.pos_ != "VERB" or conj.i < verb.i or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in conj.children
        ):
            continue
        if any(c.i < conj.i and c.dep_ not in ("cc", "punct", "advmod") for c in verb.rights):
            return None  # "apologised for the killings and promised an inquiry": complete
        return next((c for c in conj.children if c.dep_ == "dobj"), None)
    return None


def of_objects(token: Token) -> list[Token]:
    return [
        pobj
        for child in token.children
        if child.dep_ == "prep" and child.lower_ == "of"
        for pobj in child.children
        if pobj.dep_ == "pobj"
    ]


def manner_verb(noun: Token, manner_nouns: Collection[str]) -> Token | None:
    """The verb whose "in" phrase a manner noun is ("stopped work in protest"), or of whose
    object, where the parse may hang it ("blocked roads in protest"); or None."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or noun.lemma_.lower() not in manner_nouns:
        return None
    verb = prep.head.head if prep.head.dep_ == "dobj" else prep.head
    return verb if verb.pos_ == "VERB" else None


def verb_phrase_in(verb: Token, phrases: Collection[str]) -> bool:
    """Whether ``verb`` is one of ``phrases``: its lemma, or its lemma and the lemma of
    one of its particles, prepositions or objects ("take place", "call off", "step on")."""
    lemma = verb.lemma_.lower()
    return lemma in phrases or any(f"{lemma} {c.lemma_.lower()}" in phrases
                                   for c in verb.children)
