"""Named sites: buildings, streets and bases the gazetteer does not hold ("Bagram Airfield",
"at Oxford St", "outside the Kellmar Hotel", "the Rolando cafe"), found for the places
component (:mod:`eventledger.extract.places`) and put at the known place the text puts
them in.

A site is never looked up in the gazetteer, where it would become the town it is named
after. It is

- a name ending in a building word (``building_words``: "Kellmar Hospital", "Oxford St"),
  or the model's facility after a preposition of place ("outside the Kellmar Hotel"):
  :func:`named_site`;
- a capitalised name before a lower-case building word, maybe with nouns between ("the
  Rolando cafe", "the Kawkab army base"), where the phrase stands where a place stands:
  after a preposition of place ("at the Ibn Sina hospital") or as what an attack hit
  ("bombed the Rolando cafe", "the Kawkab army base was shelled"): :func:`building_sites`.
  A person's name before a dwelling ("Ahmed's house", "the Smith family house") is an
  owner, no site.

Neither is a name made only of common words ("the International Airport", "the High
Court", "the Central Bank": :func:`generic_name`), which names no site of its own: the city
named with it is the place. Nor is a country, region or large city of that name, or one
at its start ("the Aleppo hospital" stays Aleppo), but for a street ("Oxford St" may be in
Belfast).

A site is put (:func:`anchor`) at the nearest known place of its sentence that is no
country; else, where the sentence names no finer place, at the nearest such place named
before it in the same paragraph ("Shootings in Belfast continued. Later, a man was shot
at his door in Deerpark Road": Deerpark Road near Belfast), unless the sentence names
another country; else at the sentence's country. A long text is processed in parts that
end at paragraph breaks where the text allows, and a site is only put at a place of its
own part, so its ``near`` id stays right.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..data_files import word_lists
from .base import is_excluded
from .place_words import place_words
from .syntax import capitalised, doc_text, paragraph_start

if TYPE_CHECKING:
    from .places import PlacesExtractor

_WORDS = place_words()
# Last words of names of buildings and streets, which share names with towns: "the White
# House" is no White House, Tennessee.
BUILDING_WORDS = _WORDS["building_words"]
# ... of streets and roads, named after the towns they lead to: "Oxford St" in Belfast.
_ROUTE_WORDS = _WORDS["route_words"]
_CONTEXT_PREPS = _WORDS["context_site_preps"]
_PERSON_SITE_PREPS = _WORDS["person_site_preps"]
# Where a name before a lower-case building word stands where a place stands: the object
# of a preposition of place, or of an act that hits a building or territory.
_SITE_PREPS = _WORDS["site_preps"] | _CONTEXT_PREPS
_HARM_VERBS = _WORDS["site_harm_verbs"] | _WORDS["territory_verbs"]
_OF_NOUNS = _WORDS["site_of_nouns"] | _WORDS["directions"] | _WORDS["site_part_nouns"]
_OWNER_NOUNS = _WORDS["site_owner_nouns"]
_DWELLINGS = _WORDS["dwelling_words"]
_ORGANISATION_BUILDINGS = _WORDS["organisation_buildings"]
_JOINERS = _WORDS["name_joiners"]
_POSSESSIVE_ENDINGS = word_lists("grammar_words")["possessive_endings"]
_DEFINITE = word_lists("grammar_words")["definite_determiners"]
# The most words of a city's name at the start of a site's ("Rio de Janeiro Airport").
_CITY_WORDS = 4
# How many lower-case nouns may stand between a name and its building word ("the Kawkab
# army base", "the Kellmar police station").
_MODIFIER_NOUNS = 2
# How far (in tokens) a known place of the sentence may stand from a place the gazetteer
# lacks to give it its position.
ANCHOR_REACH = 25
# Labels of entities, standing alone, that make a word a name, not a common word.
_NAME_LABELS = {"PERSON", "GPE", "NORP"}


def generic_name(places: PlacesExtractor, span: Span) -> bool:
    """A name made only of common words ("the International Airport", "the High Court",
    "the Central Bank", "the Grand Hotel"): every word a common English word or a
    building word. A word the model calls a person or a place by itself ("the Nasser
    hospital"), a large city ("Oxford St"), a particle of names ("al-Mashi") or a word
    with digits or hyphens ("T-4 Airbase") is a name."""
    common, descriptive = places._common_words(), places._descriptive_words()
    stop_words = places.nlp.Defaults.stop_words
    for token in span:
        if token.is_punct:
            continue
        if not token.is_alpha:
            return False  # "T-4 Airbase", "al-Zahawi school"
        word = token.lower_
        if word in _JOINERS:
            return False  # "al-Mashi", "Ibn Sina": a particle of names
        if word in BUILDING_WORDS or token.lemma_.lower() in BUILDING_WORDS:
            continue
        if word in stop_words or word in descriptive:
            continue
        # a noun of the word index may be a name: "the Nasser hospital" (the model's
        # person), "Brandenburg Gate", "Oxford St" (a large place)
        if word not in common or token.ent_type_ in _NAME_LABELS:
            return False
        if places._well_known(token.text):
            return False
    return True


def _before_site(doc: Doc, span: Span) -> str:
    """The word before a site's name, over "the": "at" of "at the Kellmar Hotel"."""
    i = span.start - 1
    if i >= 0 and doc[i].lower_ in _DEFINITE:
        i -= 1
    return doc[i].lower_ if i >= 0 else ""


def _city_at_start(places: PlacesExtractor, span: Span) -> bool:
    """A large city at the start of the name ("Sarajevo airport", "Rio de Janeiro
    Airport")."""
    return any(places._well_known(span[:k].text, cities_only=True)
               for k in range(1, min(len(span), _CITY_WORDS + 1)))


def named_site(places: PlacesExtractor, ent: Span, span: Span) -> bool:
    """A named site of the model's entity ``ent`` (``span``: without "the" and "'s"): a
    name ending in a building word ("Bagram Airfield", "Oxford St"; an organisation's or a
    person's name only after a preposition of place, "at Al-Shifa Hospital"), or a
    facility after one ("outside the Kellmar Hotel"). A country, region or large city of
    that name stays the place; so does a large city at its start ("Sarajevo airport", also
    where the model leaves the city out of the entity: "Aleppo International Airport"),
    but for a street ("Oxford St" may be in Belfast); a name of common words only is no
    site."""
    doc = span.doc
    before = _before_site(doc, span)
    last = span[-1].lower_.rstrip(".")
    if last in BUILDING_WORDS:
        if ent.label_ == "PERSON":  # "at Harjula Street", not "a letter to Gus Hall"
            site = before in _PERSON_SITE_PREPS
        else:
            site = ent.label_ != "ORG" or before in _CONTEXT_PREPS
    else:
        site = ent.label_ == "FAC" and before in _CONTEXT_PREPS
    if not site or ent[-1].text in _POSSESSIVE_ENDINGS:
        return False  # "near Jabhat Al-Nusra's headquarters": an owner, not a site
    # the gazetteer last, for the few entities that may be sites
    if not places._plain_name(span.text) or places._well_known(span.text):
        return False
    previous = doc[span.start - 1] if span.start else None
    if previous is not None and previous.ent_type_ in ("GPE", "LOC") and (
        previous.is_alpha and previous.whitespace_
    ):
        return False
    if generic_name(places, span):
        return False
    # a large city only ("Sarajevo airport"; not the district of Bagram, whose airfield is
    # a site of its own)
    return last in _ROUTE_WORDS or not _city_at_start(places, span)


def _stands_as_place(building: Token) -> bool:
    """The building word's phrase stands where a place stands: the object of a preposition
    of place ("at the Rolando cafe"), or what an attack hit ("shelled the Kawkab army
    base", "the Rolando cafe was bombed"), the "of" of a part, side or attack of a site
    ("the gates of the Kellmar airport"), or the next of a list of such ("bombed the
    school and the Rolando cafe"), or what such a place is ("in Douma, the Ibn Sina
    hospital")."""
    while building.dep_ in ("conj", "appos") and building.head is not building:
        building = building.head
    head = building.head
    if building.dep_ == "pobj" and head.lower_ == "of":
        # "the gates of the Shannon airport", "west of the Miraflores base", "the bombing
        # of the Kellmar embassy"
        return head.head.lemma_.lower() in _OF_NOUNS
    if building.dep_ == "pobj":
        return head.lower_ in _SITE_PREPS
    if building.dep_ in ("dobj", "nsubjpass"):
        return head.pos_ == "VERB" and head.lemma_.lower() in _HARM_VERBS
    return False


def _name_before(doc: Doc, end: int) -> int:
    """Where the run of capitalised words ending before ``end`` starts (``end`` if none);
    joiners and hyphens inside it ("Umm al-Fahm", "Al-Nour") and a particle before it
    ("al-Zahawi") are part of it."""
    start = end
    while start > 0:
        token = doc[start - 1]
        if capitalised(token):
            start -= 1
            continue
        inside = start < end and start - 2 >= 0 and capitalised(doc[start - 2])
        if inside and (token.lower_ in _JOINERS or token.text == "-" and not token.whitespace_):
            start -= 1
            continue
        break
    # a particle before: "al-Zahawi school"
    if start < end and start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in (
        _JOINERS
    ) and not (doc[start - 1].whitespace_ or doc[start - 2].whitespace_):
        start -= 2
    return start


def building_sites(places: PlacesExtractor, doc: Doc) -> list[Span]:
    """Sites named by a capitalised name before a lower-case building word, maybe with
    nouns between ("the Rolando cafe", "at the Ibn Sina hospital", "hit the Kawkab army
    base"), where the phrase stands where a place stands (:func:`_stands_as_place`). The
    name takes the model's entity it starts: the places component looks for these sites
    before any other mention. No site: a person's dwelling ("the Smith family house"), a
    name of common words only, a country, region or large city or one at the name's start
    ("the Aleppo hospital")."""
    found: list[Span] = []
    for building in doc:
        if building.tag_ != "NN" or not building.text.islower():
            continue  # one building, not "Uber offices"
        word = building.lemma_.lower()
        if word not in BUILDING_WORDS and building.lower_ not in BUILDING_WORDS:
            continue
        if any(child.dep_ == "det" and child.lower_ not in _DEFINITE
               for child in building.children):
            continue  # "a Catholic church": a kind of building, no name
        # the nouns between: "army" of "the Kawkab army base"
        end = building.i
        while building.i - end < _MODIFIER_NOUNS and end > 0 and doc[end - 1].text.islower() and (
            doc[end - 1].pos_ == "NOUN" and doc[end - 1].dep_ == "compound"
        ):
            end -= 1
        if any(doc[i].lower_ in _OWNER_NOUNS for i in range(end, building.i)):
            continue  # "the Smith family house"
        start = _name_before(doc, end)
        if start == end:
            continue
        if not _stands_as_place(building):
            continue
        name, span = doc[start:end], doc[start : building.i + 1]
        if is_excluded(doc, span.start_char, span.end_char):
            continue
        labels = {token.ent_type_ for token in name}
        if "PERSON" in labels and word in _DWELLINGS:
            continue  # "the Ahmed house": an owner's
        if "ORG" in labels and word in _ORGANISATION_BUILDINGS:
            continue  # "the United Nations office": an organisation's
        if "NORP" in labels:
            continue  # "the Shiite mosque": a kind of building
        if labels & {"GPE", "LOC"} and places._known(name.text):
            continue  # "the Davos town hall": in Davos, which the gazetteer knows
        # a common word is left to generic_name, which takes a person's name ("the
        # Nasser hospital")
        core = name.text if name.text[:1].isupper() else name.text.split("-", 1)[1]
        if not places._plain_name(core, common=True) or generic_name(places, span):
            continue
        if places._well_known(name.text) or _city_at_start(places, name):
            continue  # "the Aleppo hospital" is in Aleppo
        found.append(span)
    return found


def anchor(doc: Doc, record: dict, records: list[dict], *, site: bool = False) -> dict | None:
    """The resolved place nearest to an unknown one in its sentence, no country (too wide
    to stand for a town in it), within ``ANCHOR_REACH`` tokens. For a ``site`` ("Bagram
    Airfield in Afghanistan"), where the sentence names nothing finer: the nearest such
    place before it in its paragraph, unless the sentence names another country; else the
    sentence's nearest country."""
    span = doc.char_span(record["start"], record["end"], alignment_mode="expand")
    if span is None:
        return None
    sent = span.sent
    # nearest finer place, else (for a site) nearest country: (is a country, distance)
    best, best_key = None, (site, ANCHOR_REACH + 1)
    for other in records:
        if other is record or "lat" not in other:
            continue
        country = other.get("kind") == "country"
        if country and not site:
            continue
        if not (sent.start_char <= other["start"] and other["end"] <= sent.end_char):
            continue
        other_span = doc.char_span(other["start"], other["end"], alignment_mode="expand")
        if other_span is None:
            continue
        key = (country, max(other_span.start - span.end, span.start - other_span.end))
        if key[1] <= ANCHOR_REACH and key < best_key:
            best, best_key = other, key
    if not site or (best is not None and best.get("kind") != "country"):
        return best
    paragraph = paragraph_start(doc_text(doc), sent.start_char)
    earlier = [other for other in records
               if "lat" in other and other.get("kind") != "country"
               and paragraph <= other["start"] and other["end"] <= sent.start_char]
    if not earlier:
        return best
    nearest = max(earlier, key=lambda other: other["start"])
    if best is not None and best.get("country") != nearest.get("country"):
        return best  # "... in Belfast. / A bomb went off at X Road in France"
    return nearest
