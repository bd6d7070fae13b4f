"""Event location: the place where an event happened, not any place in its sentence.

``locate_event`` reads the dependency parse around a trigger, in this order:

1. a place in a prepositional phrase of the trigger ("killed in X", "at X", "towards X",
   "into X") or, for an attack, its object ("shelled X", "X was bombed"); a "from X"
   phrase gives the ``origin`` instead ("fired from X towards Y": Y is the location);
2. the place in the trigger's own clause named as a site ("in X", "near X"), the nearest
   one that no other trigger of the sentence claims, else such a site earlier in the
   sentence ("In X on Monday, ... was shot");
3. a reference back ("the city", "the town", "there"): the last place named earlier in
   the paragraph or in the sentence (a city for "the city"; not a name of the noun's
   own, "the Markets area", nor a nationality, "U.S. helicopters");
4. a territory named by nationality ("Israeli-occupied territories"), when the document
   names that country as a place;
5. the dateline ("GAZA CITY (Reuters) -", "KABUL, March 3 (AP) -"), for the whole document.

Places are the place records of ``doc._.el_places`` (CONTRACT ``places[]``); the function
returns two of them (or ``None``), never a new one.

The dateline says where the report was filed, not where the text says the event happened:
the events and figures components call with ``dateline=False`` and give the dateline's
place last, as a location marked ``{"place": ..., "from": "dateline"}`` (:func:`place_ref`),
so that a map still places the event and a reader knows the text did not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from ..data_files import word_lists
from .place_words import place_words
from .syntax import doc_text, first_dep, paragraph_start, token_range

_WORDS = place_words()
# The lists of data/place_words.json that event location reads (``_about`` there).
PLACE_NOUNS = _WORDS["of_place_nouns"]
BACK_NOUNS = _WORDS["back_nouns"]
TERRITORY_NOUNS = _WORDS["nationality_territory_nouns"]
_WIDE_NOUNS = _WORDS["wide_nouns"]
_CITY_NOUNS = _WORDS["city_nouns"]
_OF_NOUNS = _WORDS["site_of_nouns"]
_SITE_HEADS = _WORDS["site_heads"]
_PEOPLE_NOUNS = _WORDS["people_nouns"]
_TIME_PREPS = _WORDS["time_preps"]

# Prepositions whose object, when a place, is where the event happened.
SITE_PREPS = _WORDS["site_preps"]
# Sites elsewhere in the sentence count only after these ("in X"), not "support for X".
FALLBACK_PREPS = _WORDS["fallback_site_preps"]
ORIGIN_PREPS = _WORDS["origin_preps"]
# Clauses of their own: a place below one of these belongs to that clause's event.
_CLAUSE_DEPS = {"ccomp", "advcl", "parataxis", "relcl", "acl"}

# "GAZA CITY (Reuters) -", "KABUL, March 3 (AP) -", "Beirut, Lebanon (CNN) —", "MOSUL -"
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Za-z.'’-]*(?:[ -][A-Z][A-Za-z.'’-]*){0,3}"
    r"(?:,[ \t]*[A-Z][A-Za-z.'’-]*(?:[ -][A-Z][A-Za-z.'’-]*){0,2})?)"
    r"(?:,?[ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?))?"
    r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:[-–—]{1,2}|:)[ \t]",
    re.MULTILINE,
)
# How far into the text a dateline may stand (after a title line or two).
_DATELINE_REACH = 400

# "killed while fleeing": a clause that sets the scene; "the city": a reference back.
_TIME_CLAUSE_MARKS = word_lists("grammar_words")["time_clause_marks"]
_DEFINITE = word_lists("grammar_words")["definite_determiners"]



def with_tokens(doc: Doc, places: Iterable[dict] | None = None) -> list[dict]:
    """Copies of the place records (default ``doc._.el_places``) with ``_tokens``, their
    token range; records that already have one are kept as they are."""
    result = []
    for place in doc._.el_places if places is None else places:
        if "_tokens" in place:
            result.append(place)
            continue
        tokens = token_range(doc, place["start"], place["end"])
        if tokens:
            result.append({**place, "_tokens": tokens})
    return result


def place_under(token: Token, places: Sequence[dict]) -> dict | None:
    """The first place that ``token`` (a preposition or an object) names (see
    :func:`place_under_ranked`)."""
    return place_under_ranked(token, places)[0]


def place_under_ranked(token: Token, places: Sequence[dict]) -> tuple[dict | None, bool]:
    """``(place, exact)``: the first place that ``token`` (a preposition or an object)
    names: its object (``exact``), the object's conjuncts and appositions, "the city of X";
    not places deeper down ("the war on Gaza" does not name a site)."""
    start = first_dep(token, "pobj") if token.dep_ == "prep" else token
    if start is None:
        return None, False
    names = {start.i}
    frontier = [start]
    while frontier:
        current = frontier.pop()
        for child in current.children:
            if child.dep_ in ("conj", "appos", "compound") and child.i not in names:
                names.add(child.i)
                frontier.append(child)
            elif child.dep_ == "prep" and child.lower_ == "of" and (
                current.lemma_.lower() in PLACE_NOUNS or current.lower_ in PLACE_NOUNS
            ):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.i not in names:
                        names.add(pobj.i)
                        frontier.append(pobj)
    found = []
    site_name = None
    low, high = min(names), max(names)
    for place in places:
        tok_start, tok_end = place["_tokens"]
        # Only a place with a token among the names can be one (its root is one of its
        # tokens): the rest are passed over before the costlier look at their root.
        if tok_end <= low or tok_start > high:
            continue
        root = token.doc[tok_start:tok_end].root
        if root.i in names or any(i in names for i in range(tok_start, tok_end)) and (
            root.head.i in names
        ):
            if root.i == start.i:
                return place, True
            # "at X junction", "in the X area": the name of the site itself; not "in X
            # province", wider than a town named with it ("captured Y in X province")
            if root.dep_ == "compound" and root.head.i == start.i and (
                start.lemma_.lower() in _SITE_HEADS and start.pos_ == "NOUN"
                and start.lemma_.lower() not in _WIDE_NOUNS
            ):
                site_name = place
            elif not _modifier_country(root, place):
                found.append(place)
    # "the Belarus capital Minsk", "Iraq's city of Mosul", "the Baghdad neighbourhood of
    # X": the later name is the site, unless it is wider ("the town of X, Illinois") or a
    # point of reference ("the town of X, 55 miles west of Y")
    def key(place: dict) -> tuple[bool, int, int]:
        root = token.doc[place["_tokens"][0]:place["_tokens"][1]].root
        return (_penalty(root) < _REFERENCE, _SPECIFIC.get(place.get("kind"), 2),
                place["start"])

    if site_name is not None:
        later = [p for p in found if p["start"] > site_name["start"]
                 and key(p)[:2] >= key(site_name)[:2]]
        return (max(later, key=key) if later else site_name), True
    return (max(found, key=key), False) if found else (None, False)


# How narrow a place of each kind is: a town before its region or country
_SPECIFIC = {"country": 0, "region": 1}


def intervening(head: Token, place: dict, others: Iterable[Token]) -> bool:
    """True when another trigger stands between ``head`` and the place: the place then
    belongs to the nearer one (a late-attached "in X")."""
    where = place["_tokens"][0]
    low, high = min(head.i, where), max(head.i, where)
    ancestors = {t.i for t in head.ancestors}
    return any(low < o.i < high and o.i not in ancestors for o in others)


def _site_prep(token: Token) -> Token | None:
    """The fallback preposition ("in", "near") that a place token is the site of, through
    "the city of X" and conjuncts."""
    current = token
    for _ in range(6):
        if current.dep_ == "pobj" and current.head.lower_ in FALLBACK_PREPS:
            return current.head
        if current.dep_ in ("conj", "appos", "compound"):
            current = current.head
            continue
        # "in the city of X", not "in support of X"
        if current.dep_ == "pobj" and current.head.lower_ == "of" and (
            current.head.head.lemma_.lower() in PLACE_NOUNS
        ):
            current = current.head.head
            continue
        return None
    return None


def _clause_top(token: Token, stop: Token | None = None) -> Token:
    """The head of the clause ``token`` is in (the trigger's own clause when it is
    ``stop``'s ancestor)."""
    current = token
    while current.head.i != current.i:
        if stop is not None and current.i == stop.i:
            return current
        if current.dep_ in _CLAUSE_DEPS or (
            current.dep_ == "conj" and current.pos_ in ("VERB", "AUX")
        ):
            return current
        current = current.head
    return current


def _own_subject(verb: Token) -> bool:
    """A subject of its own, not a count of the same toll: "and the police arrested two"
    is another clause, "five were killed and six wounded in X" one event."""
    return any(
        d.dep_ in ("nsubj", "nsubjpass", "expl") and d.tag_ != "CD" and d.lower_ != "others"
        and not any(n.dep_ == "nummod" for n in d.children)
        for d in verb.children
    )


def _carriers(head: Token, tokens: list[Token], extra: Iterable[Token]) -> list[Token]:
    carriers = list(tokens) + [t for t in extra if t is not None]
    # "civilians killed in X": the noun the participle qualifies carries nothing; "the
    # attack hit X": an event noun as subject takes its verb's phrases
    if head.dep_ == "acl" or (head.pos_ == "NOUN" and head.dep_ in ("nsubj", "nsubjpass")):
        carriers.append(head.head)
    # "was shot and killed in X", "killing five in X": a conjoined or dependent verb of the
    # same event shares its phrases
    # same event; not one with a subject of its own ("..., and the police arrested two")
    for child in head.children:
        if child.dep_ == "conj" and child.pos_ == "VERB" and not _own_subject(child):
            carriers.append(child)
    if head.dep_ in ("xcomp", "conj") and head.head.pos_ == "VERB":
        carriers.append(head.head)

    return carriers


def _outcome_of(head: Token) -> Token | None:
    """The verb whose outcome a participle tells: "invaded villages in X, killing five"."""
    if head.dep_ == "advcl" and head.tag_ == "VBG" and head.head.pos_ == "VERB" and not any(
        d.dep_ in ("mark", "nsubj", "nsubjpass", "aux") for d in head.children
    ):
        return head.head
    return None


def _direct(head, carriers, places, others, assault):
    location = origin = None
    for carrier in carriers:
        # rank: a place that is the object of a site preposition, the object of an attack,
        # then one inside either ("in the 1967 Mideast war"); the nearer first ("In Turkey,
        # thousands demonstrated in Istanbul")
        sites = []
        for child in carrier.children:
            if child.dep_ == "prep":
                found, exact = place_under_ranked(child, places)
                if found is None or intervening(head, found, others):
                    continue
                if child.lower_ in ORIGIN_PREPS:
                    origin = origin or found
                elif child.lower_ in SITE_PREPS:
                    sites.append((0 if exact else 2, abs(child.i - head.i), found))
            elif child.dep_ in ("dobj", "nsubjpass") and assault and (
                child.ent_type_ != "NORP"  # "captured two Palestinians": people
            ):
                found, exact = place_under_ranked(child, places)
                if found is not None and not intervening(head, found, others):
                    sites.append((1 if exact else 3, abs(child.i - head.i), found))
        # a name inside a phrase about something else ("in the 1967 Mideast war") is
        # left to the search below, which may find a better site deeper
        sites = [item for item in sites if item[0] < 2 or not _weak(item[2], head.doc)]
        if sites:
            location = min(sites, key=lambda item: item[:2])[2]
            break
    return location, origin


def _weak(place: dict, doc: Doc) -> bool:
    root = doc[place["_tokens"][0]:place["_tokens"][1]].root
    return _penalty(root) > 0


# Prepositions a site may hang below, deeper in the trigger's phrase: "in a raid on houses
# in the city of X", "at a checkpoint near X"; not "against X", "for X", "with X".
_CHAIN_PREPS = _WORDS["chain_preps"]
# Prepositions of the trigger itself that lead to its site.
_FIRST_PREPS = _WORDS["first_preps"]
# Prepositions whose own object is a party or a thing, never the site, though a site may
# hang below it: "clashes with forces in X", "shot with a gun ... in X", "an operation
# against militants in X".
_PARTY_PREPS = _WORDS["party_preps"]
# Roles through which the search goes down from the trigger: phrases of place and time,
# the objects and what qualifies them; not subjects (the actor) nor relative clauses.
_DOWN_DEPS = {"agent", "prep", "pobj", "pcomp", "dobj", "nsubjpass", "attr", "oprd", "npadvmod",
              "advmod", "advcl", "xcomp", "conj", "appos", "compound", "poss", "acl", "nmod",
              "amod"}
# Roles of a party (object or subject) whose modifiers name its nationality, not a site:
# "a US adviser", "Israeli soldiers".
_PARTY_DEPS = {"dobj", "nsubj", "nsubjpass", "agent"}






def _modifier_country(token: Token, place: dict) -> bool:
    """"a U.S. airstrike", "US soldiers": a country named as a modifier of something
    that is not a site is a nationality."""
    return (
        place.get("kind") == "country"
        and token.dep_ in ("compound", "nmod", "amod")
        and token.head.lemma_.lower() not in _SITE_HEADS
    )


_DIRECTIONS = _WORDS["directions"]
_DISTANCES = _WORDS["distance_units"]


def _penalty(token: Token) -> int:
    """How much weaker than its depth a place found at ``token`` is as the site."""
    # "in Iraq's city of Mosul": the owner is a wider place than the site
    if token.dep_ == "poss":
        return 2
    # "in the 1967 Mideast war", "a Tokyo subway": a name qualifying something that is
    # not a place
    if token.dep_ in ("compound", "nmod", "amod") and (
        token.head.lemma_.lower() not in _SITE_HEADS
    ):
        return 2
    # "50 km south of Baghdad", "just north of Baghdad", "Baraki, southeast of Algiers": a
    # point of reference, the site only when no other place is named (not "in the north
    # of X", a part of X); "55 miles west of X", however the parser hangs the distance
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        direction = token.head.head
        if direction.lower_ in _DIRECTIONS and (
            direction.dep_ in ("advmod", "appos", "npadvmod", "amod", "conj")
            or direction.head.lower_ in _DISTANCES
            or any(c.lower_ in _DISTANCES for c in direction.children)
        ) and not any(c.dep_ == "det" for c in direction.children):
            return _REFERENCE
    return 0


_REFERENCE = 10


def _party_object(place: dict, doc: Doc) -> bool:
    """A place that is the object of "with": a party ("clashes with Israel")."""
    root = doc[place["_tokens"][0]:place["_tokens"][1]].root
    return root.dep_ == "pobj" and root.head.lower_ in _PARTY_PREPS


def _phrase_site(head: Token, carriers: list[Token], places: Sequence[dict],
                 others: Iterable[Token], *, max_depth: int = 8) -> dict | None:
    """The place nearest down the trigger's own phrases: "killed in a raid on houses in
    the city of X", "shot in their north Belfast home", "patrolled X's streets"."""
    by_root: dict[int, dict] = {}
    for place in places:
        tok_start, tok_end = place["_tokens"]
        for i in range(tok_start, tok_end):
            by_root.setdefault(i, place)
    doc = head.doc
    other_heads = {o.i for o in others} - {head.i}
    seen = {c.i for c in carriers}
    frontier = list(carriers)
    depth = 0
    found: list[tuple[int, int, dict]] = []
    scenes: set[int] = set()  # participles of the scene: only their places of site count
    while frontier and depth < max_depth:
        depth += 1
        following = []
        for token in frontier:
            for child in token.children:
                if token.i in scenes and child.dep_ != "prep":
                    continue  # "captured X, bordering Y": Y is no site
                if child.i in seen or child.dep_ not in _DOWN_DEPS and not (
                    child.dep_ == "nsubj" and token.pos_ in ("VERB", "AUX") and any(
                        g.dep_ == "prep" and g.lower_ in FALLBACK_PREPS
                        for g in child.children)
                ):
                    continue
                if child.i in other_heads and (child.pos_ in ("VERB", "AUX") or depth > 2):
                    continue  # another event's phrases are its own: "killed in a raid in
                    # X" is one site, "strikes in response to the killing in X" two
                if child.dep_ == "prep" and depth == 1 and child.lower_ not in _FIRST_PREPS:
                    continue  # "criticism over the war on X", "in response to"
                if child.dep_ == "prep" and (
                    child.lower_ not in _CHAIN_PREPS and not (
                        child.lower_ == "of" and token.lemma_.lower() in _OF_NOUNS)
                ):
                    continue
                party = token.dep_ in _PARTY_DEPS or (
                    token.dep_ == "pobj" and token.head.dep_ == "agent")
                if child.dep_ in ("compound", "nmod", "amod") and (
                    party and token.lemma_.lower() not in _SITE_HEADS
                    or token.ent_type_ in ("PERSON", "NORP")
                    or token.lemma_.lower() in _PEOPLE_NOUNS
                ):
                    continue  # "a US adviser", "on their Chechen neighbours", not
                    # "patrolled Baghdad's main streets"
                if token.dep_ == "nsubj" and child.dep_ != "prep":
                    continue  # only "X in Y killed": the subject's own site
                # a clause of time ("while filming in X"), or a participle of the same
                # scene without a subject or conjunction ("captured, hiding in X")
                if child.dep_ == "advcl" and not any(
                    m.dep_ in ("mark", "advmod") and m.lower_ in _TIME_CLAUSE_MARKS
                    for m in child.children
                ):
                    if child.tag_ != "VBG" or any(
                        m.dep_ in ("mark", "nsubj", "nsubjpass", "aux") for m in child.children
                    ):
                        continue
                    scenes.add(child.i)
                seen.add(child.i)
                following.append(child)
                place = by_root.get(child.i)
                if place is not None and by_root.get(token.i) is place:
                    continue  # a word inside a name found at its head ("Orvanian Coast")
                if place is not None and child.dep_ != "prep" and not (
                    child.dep_ == "nsubj"
                ) and not _modifier_country(child, place) and not _party_object(place, doc):
                    # "in Iraq's city of Mosul": the owner is a wider place than the site;
                    # "in the X area" names the area, as deep as it
                    named_site = child.dep_ == "compound" and token.pos_ == "NOUN" and (
                        token.lemma_.lower() in _SITE_HEADS)
                    # "the West Bank town of X": the site noun's own "of" names the site,
                    # the name before it a wider place (not "the X neighbourhood of Y")
                    wider = named_site and any(
                        c.dep_ == "prep" and c.lower_ == "of" and any(
                            g.dep_ == "pobj" and g.i in by_root and _SPECIFIC.get(
                                place.get("kind"), 2) < _SPECIFIC.get(by_root[g.i].get("kind"), 2)
                            for g in c.children)
                        for c in token.children)
                    found.append((depth - named_site + _penalty(child) + 3 * wider,
                                  abs(child.i - head.i), place))
        frontier = following
    return min(found, key=lambda item: item[:2])[2] if found else None


# Bodies that act where they are: "Los Angeles police detonated a package".
_LOCAL_BODIES = _WORDS["local_bodies"]


def _local_subject(head: Token, places: Sequence[dict]) -> dict | None:
    """The place a local body acting as the subject is named by ("Hong Kong police")."""
    subject = first_dep(head, "nsubj")
    if subject is None or subject.lemma_.lower() not in _LOCAL_BODIES:
        return None
    modifiers = {t.i for t in subject.children if t.dep_ in ("compound", "nmod", "poss")}
    for place in places:
        root = head.doc[place["_tokens"][0]:place["_tokens"][1]].root
        if root.i in modifiers:
            return place
    return None


def _nearest_site(head, sent, places, others, skip_ranges, origin, carriers=()):
    """The place of the sentence named as a site ("in X") that no other trigger claims:
    first in the trigger's own clause, nearest first; else one named before the
    trigger in the main clause ("In X on Monday, a man was shot"). The clauses of
    verbs sharing the event ("bombed and destroyed a building at X") are its own."""
    doc = head.doc
    ancestors = {t.i for t in head.ancestors}
    # verbs of the same event: conjoined without a subject of their own
    shared = {c.i for c in carriers if c.pos_ in ("VERB", "AUX") and c.i != head.i
              and not _own_subject(c)}
    blocked: set[int] = set()
    for other in others:
        if other.i == head.i or other.i in ancestors or other.i in shared:
            continue
        blocked.update(t.i for t in other.subtree)
    own_top = _clause_top(head)
    own_tops = {own_top.i} | shared
    # the event's own actors: "a protest by cyclists in X", "troops in X fired"
    actors = set()
    for carrier in [head, *(doc[i] for i in shared)]:
        for child in carrier.children:
            if child.dep_ == "nsubj":
                actors.add(child.i)
            elif child.dep_ == "agent" or child.dep_ == "prep" and child.lower_ == "by":
                actors.update(g.i for g in child.children if g.dep_ == "pobj")
    # "hours after the bombing, patrols were seen in X": the clause's sites are those of
    # the later event, not of the one that dates it
    dated_by = head.dep_ == "pobj" and head.head.lower_ in _TIME_PREPS
    own_words = {t.i for t in head.subtree}
    best, best_key = None, None
    for place in places:
        tok_start, tok_end = place["_tokens"]
        if tok_start < sent.start or tok_end > sent.end:
            continue
        if dated_by and tok_start not in own_words:
            continue
        if origin is not None and place["id"] == origin["id"]:
            continue
        if any(i in blocked for i in range(tok_start, tok_end)):
            continue
        if any(place["start"] < e and s < place["end"] for s, e in skip_ranges) and not (
            _actors_site(doc[tok_start:tok_end].root, actors)
        ):
            continue
        if intervening(head, place, [o for o in others if o.i not in shared]):
            continue
        root = doc[tok_start:tok_end].root
        if _site_prep(root) is None:
            continue
        if _modifier_country(root, place):
            continue
        if any(a.lower_ == "according" for a in root.ancestors):
            continue  # "according to sources in X": where the source is
        top = _clause_top(root)
        same_clause = top.i in own_tops
        if not same_clause and (tok_start > head.i or top.i not in ancestors | {head.i}):
            continue  # another clause's site belongs to that clause ("who was born in X")
        distance = min(abs(tok_start - head.i), abs(tok_end - 1 - head.i))
        key = (0 if same_clause else 1, distance)
        if best_key is None or key < best_key:
            best, best_key = place, key
    return best


def _actors_site(root: Token, actors: set[int]) -> bool:
    """A place named as where the event's actor is ("cyclists in X"): a site, though the
    actor's words are otherwise no place of the event."""
    prep = _site_prep(root)
    if prep is None:
        return False
    # "workers from a company in X": through the phrases that qualify the actor
    current = prep.head
    for _ in range(4):
        if current.i in actors:
            return True
        if current.dep_ == "pobj" and current.head.dep_ == "prep":
            current = current.head.head
        else:
            return False
    return False


def _back_reference(doc: Doc, head: Token, carriers: list[Token], sent: Span,
                    places: Sequence[dict]) -> dict | None:
    """"hitting the city", "killed there": the last place named earlier in the
    paragraph (a city for "the city"), or earlier in the sentence."""
    words = []
    carried = {c.i for c in carriers}
    scope = list(carriers) + [t for t in head.subtree if t.i not in carried]
    for carrier in carriers:
        if carrier.dep_ == "pcomp" or carrier.dep_ == "pobj":
            scope.append(carrier.head)
    for token in scope:
        for child in [token, *token.children]:
            target = first_dep(child, "pobj") if child.dep_ == "prep" else child
            if target is None:
                continue
            if target.lower_ == "there" and target.dep_ == "advmod":
                words.append(target)
            elif target.dep_ in ("dobj", "pobj", "nsubjpass", "nsubj") and (
                target.lemma_.lower() in BACK_NOUNS
            ) and any(c.dep_ == "det" and c.lower_ in _DEFINITE
                      for c in target.children) and not any(
                c.dep_ == "prep" and c.lower_ == "of" for c in target.children
            ) and not any(  # "the Markets area", "the Western Sahara region": a name
                c.dep_ == "compound" and (c.pos_ == "PROPN" and c.ent_type_ != "NORP"
                                          or _in_place(c.i, places))
                for c in target.children
            ):
                words.append(target)
    if not words:
        return None
    first = paragraph_start(doc_text(doc), sent.start_char)
    # named before in the paragraph, or earlier in this sentence ("leaders in X said the
    # bombing in the city ...") as a place, not as a nationality ("U.S. helicopters")
    before = min(w.idx for w in words)
    earlier = [p for p in places if first <= p["start"] < sent.start_char or (
        sent.start_char <= p["start"] and p["end"] <= before and _named_as_place(doc, p))]
    if any(w.lemma_.lower() in _CITY_NOUNS for w in words):
        # "the city" is no country or region named before it
        earlier = [p for p in earlier if p.get("kind") in ("city", None)]
    return max(earlier, key=lambda p: p["start"]) if earlier else None


def _in_place(i: int, places: Sequence[dict]) -> bool:
    """Whether token ``i`` is a word of one of ``places``."""
    return any(p["_tokens"][0] <= i < p["_tokens"][1] for p in places)


def _named_as_place(doc: Doc, place: dict) -> bool:
    """A place of the sentence named as a place, not as a nationality or owner ("U.S.
    helicopters", "Japan's claim"), nor as a speaker's ("according to sources in X")."""
    root = doc[place["_tokens"][0]:place["_tokens"][1]].root
    return not _modifier_country(root, place) and root.dep_ != "poss" and not any(
        a.lower_ == "according" for a in root.ancestors)


def national_territory(recipient: Token | None, places: Sequence[dict],
                       demonyms: dict[str, str]) -> dict | None:
    """"strikes on the southern Israeli-occupied territories": the country that the
    nationality word names, when the document names it as a place too."""
    if recipient is None or recipient.lemma_.lower() not in TERRITORY_NOUNS:
        return None
    codes = {demonyms[t.text] for t in recipient.subtree if t.text in demonyms}
    if len(codes) != 1:
        return None
    code = codes.pop()
    countries = [p for p in places if p.get("country") == code and p.get("kind") == "country"]
    return countries[0] if countries else None


def _dateline(text: str) -> re.Match | None:
    for match in _DATELINE.finditer(text, 0, _DATELINE_REACH):
        place = match.group("place")
        # a dateline's place is in capitals or stands before an agency in brackets; a line
        # before it that only looks alike ("Photo: ...") is passed over
        if place.replace(",", "").replace(" ", "").isupper() or "(" in match.group(0):
            return match
    return None


def dateline_span(text: str) -> tuple[int, int] | None:
    """Character range of the place part of a dateline near the start of ``text``."""
    match = _dateline(text)
    return None if match is None else (match.start("place"), match.end("place"))


def dateline_extent(text: str) -> tuple[int, int] | None:
    """Character range of the whole dateline ("KESSA, Orvania (Halvik Courier) - ")."""
    match = _dateline(text)
    return None if match is None else (match.start("place"), match.end())


def dateline_place(doc: Doc, places: Sequence[dict] | None = None) -> dict | None:
    """The place named by the document's dateline, the first one in it ("GAZA CITY")."""
    bounds = dateline_span(doc_text(doc))
    if bounds is None:
        return None
    start, end = bounds
    candidates = [p for p in (doc._.el_places if places is None else places) or ()
                  if start <= p["start"] and p["end"] <= end]
    return min(candidates, key=lambda p: p["start"]) if candidates else None


def place_ref(place: dict | None, source: str | None = None) -> dict | None:
    """The record's reference to ``place`` (``{"place": id}``), with ``"from": source`` when
    the place is not one that the event's own words give (``"dateline"``)."""
    if place is None:
        return None
    return {"place": place["id"], "from": source} if source else {"place": place["id"]}


def _as_tokens(doc: Doc, trigger) -> list[Token]:
    if isinstance(trigger, Token):
        return [trigger]
    if isinstance(trigger, Span):
        return list(trigger)
    start, end = trigger
    return [doc[i] for i in range(start, end)]


def locate_event(
    doc: Doc,
    trigger: Span | Token | tuple[int, int],
    places: Sequence[dict] | None = None,
    *,
    sentence: Span | None = None,
    others: Iterable[Token] = (),
    skip_ranges: Iterable[tuple[int, int]] = (),
    recipient: Token | None = None,
    carriers: Iterable[Token] = (),
    assault: bool = True,
    demonyms: dict[str, str] | None = None,
    dateline: bool = True,
) -> tuple[dict | None, dict | None]:
    """``(location, origin)``: the place records where the event of ``trigger`` (a span,
    a token or a token range ``(start, end)``) happened and where it came from.

    ``places``: the document's place records (default ``doc._.el_places``); ``others``:
    the heads of the sentence's other triggers, which claim the places next to them;
    ``skip_ranges``: character ranges whose places are no site (a speaker, the actor);
    ``recipient``/``demonyms``: for a territory named by nationality; ``carriers``: more
    tokens whose phrases are the event's ("carried out" of "carried out strikes");
    ``assault``: an attack's object is a place hit ("shelled X"); ``dateline``: fall back
    on the dateline's place.
    """
    tokens = _as_tokens(doc, trigger)
    if not tokens:
        return None, None
    head = doc[tokens[0].i: tokens[-1].i + 1].root
    sent = sentence if sentence is not None else head.sent
    places = with_tokens(doc, places)
    others = [o for o in others if o.i != head.i]
    skip_ranges = list(skip_ranges)
    carrier_tokens = _carriers(head, tokens, carriers)
    location, origin = _direct(head, carrier_tokens, places, others, assault)
    if location is None:
        location = _phrase_site(head, carrier_tokens, [
            p for p in places if origin is None or p["id"] != origin["id"]], others)
    governor = _outcome_of(head)
    if location is None and governor is not None:
        # the participle's own phrases first ("targeting positions near X"), then its verb's
        location, _ = _direct(head, [governor], places, others, assault)
        if location is None:
            location = _phrase_site(head, [governor], places, others)
    if location is None:
        location = _nearest_site(head, sent, places, others, skip_ranges, origin,
                                 carrier_tokens)
    if location is None:
        location = _local_subject(head, places)
    if location is None:
        location = _back_reference(doc, head, carrier_tokens, sent, places)
    if location is None and recipient is not None and demonyms:
        location = national_territory(recipient, places, demonyms)
    if location is None and dateline:
        location = dateline_place(doc, places)
    return location, origin
