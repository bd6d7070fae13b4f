"""Places: every mention of a place in the text, resolved to coordinates offline.

Mentions come from the model's GPE, LOC and FAC entities and from a phrase matcher over
the gazetteer's well-known names (countries, first-level divisions, curated regions,
cities of 100,000+) for names the model misses. Matches that are common English words,
or lie inside a person's or organisation's name, are left out; so are headings and
captions. A last pass takes smaller places the gazetteer knows where the model missed
them or called them persons or organisations, when the words around say they are places
("demonstrated in Beslan", "the town of Qusayr", "Nuwakot district", "captured Badme").
Nationality words ("Israeli") are not places; the resolver reads them as country context.
Each mention gets its own record (``P1``, ``P2``, ...); mentions of one name share the
resolved values. A place name the gazetteer lacks (the model's GPE or LOC entity, or a
name beside a place noun: "the village of X") is put at the nearest known place of its
sentence that is no country, with no GeoNames id, ``approximate: true`` and ``near:
{"place": id}`` naming that place (the shape of an event's location, so ids stay right
when a long text is processed in parts). Any other mention the gazetteer does not know
is left out: the CONTRACT gives every place coordinates. A named site ("Bagram Airfield",
"at Oxford St", "outside the Kellmar Hotel", "at the Rolando cafe") is never looked up in
the gazetteer, where it would become the town it is named after; it is put the same way
at a place of its sentence, else at one named before it in its paragraph, else at its
sentence's country. A name of common words only ("the International Airport") is no site:
the city named with it is the place. See :mod:`eventledger.extract.sites`.
"""

from __future__ import annotations

import logging
import time
import unicodedata
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..data_files import word_lists
from ..geo.gazetteer import default_cache_dir, load_regions_data
from .base import get_list, is_excluded
from .name_matcher import NameMatcher, name_words
from .place_words import place_words
from .sites import BUILDING_WORDS, building_sites, generic_name, named_site
from .sites import anchor as anchor_of
from .syntax import capitalised, doc_text

log = logging.getLogger(__name__)

# Entity labels beside the place labels that may name a site ("at Oxford St" as ORG),
# and what PlacesExtractor._mentions marks such a mention with.
_SITE_LABELS = {"FAC", "ORG", "PERSON"}
_SITE = "site"
# Entities whose tokens a gazetteer match may not take: "Paris Hilton", "Jordan Times".
# The whole entity may still be a place: see PlacesExtractor._mislabelled.
_BLOCKING_LABELS = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "LAW", "PRODUCT"}
_TITLES = place_words()["titles_before_names"]
_LOCATIVE = place_words()["name_place_preps"]

# The context pass (PlacesExtractor._in_context): a name the gazetteer knows, which the
# model missed or labelled otherwise, counts as a place where the words around it say so.
# Prepositions of place before it: "demonstrated in Beslan", "an office at Birgunj".
_SITE_PREPS = place_words()["context_site_preps"]
# ... of which these alone before a name the model calls a person ("a letter from X").
_PERSON_SITE_PREPS = place_words()["person_site_preps"]
# Words that may stand between a preposition and the name: "in nearby Bethlehem".
_PLACE_MODIFIERS = place_words()["place_modifiers"]
# Verbs and nouns whose object is a territory: "captured Badme", "patrolled Kakata",
# "the siege on Manbij". Not "attacked", whose object is as often a group.
_TERRITORY_VERBS = place_words()["territory_verbs"]
# Entity labels whose spans are no names at all.
_NOT_NAMES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LANGUAGE"}
# Name joiners inside runs of capitalised words: "Umm al-Fahm", "Bin Jawad".
_JOINERS = place_words()["name_joiners"]


# Nouns that make the name before or after them a place ("the town of Qusayr"), and acts
# whose object is a territory ("the siege on Manbij"): lists of data/place_words.json.
_PLACE_NOUNS = place_words()["name_place_nouns"]
_TERRITORY_NOUNS = place_words()["territory_act_nouns"]
_TERRITORY_PREPS = word_lists("grammar_words")["territory_preps"]
# What stands between two names of a list; and of a list of places.
_LIST_JOINERS = word_lists("grammar_words")["list_joiners"]
_ALTERNATIVE_JOINERS = word_lists("grammar_words")["alternative_joiners"]
_POSSESSIVE_ENDINGS = word_lists("grammar_words")["possessive_endings"]


def _fold(text: str) -> str:
    """Diacritics off: "Montréal" -> "Montreal"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _place_noun(token: Token) -> bool:
    return token.lemma_.lower() in _PLACE_NOUNS or token.lower_ in _PLACE_NOUNS


def _noun_after(span: Span) -> bool:
    """A place noun after the name, maybe after more names in a list: "Nuwakot
    district", "the Jumla and Diwan villages"."""
    doc = span.doc
    i = span.end
    for _ in range(8):
        if i >= len(doc):
            return False
        token = doc[i]
        if _place_noun(token) and token.text.islower():
            return True
        if token.lower_ in _LIST_JOINERS or capitalised(token) or token.lower_ in _JOINERS:
            i += 1
            continue
        return False
    return False


# How strongly the words around a name make it a place.
_NO, _WEAK, _STRONG = 0, 1, 2


def _context(span: Span, before: Token | None, person: bool, accepted: list[Span]) -> int:
    """How strongly the words around ``span`` make it a place (see _in_context):
    ``_STRONG`` next to a place noun ("the town of X", "X district", a list of such
    places), ``_WEAK`` after a preposition of place or as what is captured, else ``_NO``."""
    doc = span.doc
    if before is not None:
        word = before.lower_
        # "the town of Qusayr", "the western countryside of Kobane"
        if word == "of" and before.i > 0 and _place_noun(doc[before.i - 1]):
            return _STRONG
        # "the towns of Tel Hamis and Tel Birak": the next name of a list of places
        if word in _ALTERNATIVE_JOINERS and any(a.end in (before.i, before.i - 1)
                                              for a in accepted):
            return _STRONG
    if _noun_after(span):
        return _STRONG
    if before is not None and before.lower_ in (_PERSON_SITE_PREPS if person else _SITE_PREPS):
        return _WEAK
    if person:
        return _NO
    # "Mauthausen, Austria": a town before its country
    if span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].ent_type_ in (
        "GPE", "LOC"
    ):
        return _WEAK
    root = span.root
    head = root.head
    if root.dep_ == "dobj" and head.lemma_.lower() in _TERRITORY_VERBS:
        return _WEAK
    if root.dep_ == "pobj" and head.lower_ in _TERRITORY_PREPS and (
        head.head.lemma_.lower() in _TERRITORY_NOUNS
    ):
        return _WEAK
    return _NO


class PlacesExtractor:
    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        labels: list[str],
        use_matcher: bool,
        fuzzy: bool,
        cache_dir: str | None,
        regions_file: str | None,
        demonyms_file: str | None,
        use_context: bool = True,
        approximate: bool = True,
        sites: bool = True,
        lemmatizer_component: str | None = "lemmatizer",
    ):
        self.name = name
        self.nlp = nlp
        self.labels = set(labels)
        self._entity_labels = self.labels | _SITE_LABELS  # the labels a mention may have
        self.use_matcher = use_matcher
        self.use_context = use_context
        self.approximate = approximate
        self.sites = sites
        self.fuzzy = fuzzy
        self.cache_dir = cache_dir
        self.regions_file = regions_file
        self.demonyms_file = demonyms_file
        self.lemmatizer_component = lemmatizer_component
        self._resolver = None
        self._matcher: NameMatcher | None = None
        self._not_places: set[str] = set()
        self._surface: set[str] = set()
        self._words: frozenset[str] | None = None
        self._descriptive: frozenset[str] | None = None

    @property
    def resolver(self):
        # Loaded on first use, not at import or pipeline construction: the first run
        # may have to build the gazetteer index.
        if self._resolver is None:
            from ..geo.resolver import Resolver

            started = time.perf_counter()
            self._resolver = Resolver(
                cache_dir=self.cache_dir,
                fuzzy=self.fuzzy,
                demonyms_file=self.demonyms_file,
                regions_file=self.regions_file,
            )
            log.debug("places: gazetteer ready in %.2f s", time.perf_counter() - started)
        return self._resolver

    def matcher(self) -> NameMatcher:
        if self._matcher is None:
            regions = load_regions_data(self.regions_file)
            self._not_places = set(regions.get("not_places", ()))
            stop_words = self.nlp.Defaults.stop_words
            names = set()
            for name in self.resolver.gazetteer.surface_names():
                if name in self._not_places or name.lower() in stop_words:
                    continue
                names.add(name)
                names.add(_fold(name))  # "Montréal" is written "Montreal" too
            self._surface = names
            # Matched case-blind, then kept only as written in the list or in capitals
            # (datelines: "EDMONTON -"), which keeps "reading" and "nice" out.
            lowered = sorted({n.lower() for n in names})
            cache = Path(self.cache_dir) if self.cache_dir else default_cache_dir()
            self._matcher = NameMatcher(name_words(self.nlp, lowered, cache))
        return self._matcher

    def mentions(self, doc: Doc) -> list[tuple[int, int]]:
        """Character spans of place mentions, sorted, not overlapping."""
        return [(start, end) for start, end, _loose in self._mentions(doc)]

    def _mentions(self, doc: Doc) -> list[tuple[int, int, bool]]:
        """``(start, end, loose)`` of place mentions, sorted, not overlapping; ``loose``:
        a place name the gazetteer may not know (the model's GPE or LOC entity, a name
        beside a place noun), which :meth:`__call__` may place near another place."""
        found: list[tuple[int, int]] = []
        loose: set[tuple[int, int]] = set()
        sites: set[tuple[int, int]] = set()
        taken = [False] * len(doc)
        # Words of longer person names ("Sydney" of "Sydney Sweeney") stay persons in
        # the rest of the document, whatever label the model gives them there.
        person_words = {
            t.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent
        }
        # "the Rolando cafe", "at the Ibn Sina hospital": sites of a name and a lower-case
        # building word, whatever the model made of the name
        for span in building_sites(self, doc) if self.sites else ():
            found.append((span.start_char, span.end_char))
            sites.add((span.start_char, span.end_char))
            taken[span.start : span.end] = [True] * len(span)
        for ent in doc.ents:
            if ent.label_ not in self._entity_labels:
                continue
            if any(taken[i] for i in range(ent.start, ent.end)):
                continue
            if len(ent) == 1 and ent.text in person_words:
                continue
            start = ent.start
            if doc[start].lower_ == "the" and start + 1 < ent.end:
                start += 1
            span = doc[start : ent.end]
            if span[-1].text in _POSSESSIVE_ENDINGS and len(span) > 1:
                span = doc[start : ent.end - 1]
            if is_excluded(doc, span.start_char, span.end_char):
                continue
            site = self.sites and span.text[:1].isupper() and named_site(self, ent, span)
            if not site and self._generic_site(ent, span):
                # "Highland Hospital", "the High Court": no site of its own, nor the
                # town named like a word of it
                taken[span.start : span.end] = [True] * len(span)
                continue
            # a name of the place labels as the model wrote it ("the West Bank" is
            # left to the matcher); a site also after "the" ("outside the Kellmar Hotel")
            if not site and (ent.label_ not in self.labels or not ent.text[:1].isupper()):
                continue
            if site:
                # "Bagram Airfield", "at the Kellmar Hotel": a site, never looked up in the
                # gazetteer, placed at the place the text puts it in (see __call__)
                found.append((span.start_char, span.end_char))
                sites.add((span.start_char, span.end_char))
                taken[span.start : span.end] = [True] * len(span)
                continue
            if ent.label_ == "FAC" and not self._well_known(span.text):
                continue  # "the White House" is not White House, Tennessee
            found.append((span.start_char, span.end_char))
            if ent.label_ in ("GPE", "LOC") and self._plain_name(span.text) and (
                span[-1].lower_ not in BUILDING_WORDS
            ):
                loose.add((span.start_char, span.end_char))
            for i in range(span.start, span.end):
                taken[i] = True
        if self.use_matcher:
            blocked = [False] * len(doc)
            relabel: set[tuple[int, int]] = set()
            named = {doc_text(doc)[s:e] for s, e in found}
            for ent in doc.ents:
                if ent.label_ in _BLOCKING_LABELS:
                    for i in range(ent.start, ent.end):
                        blocked[i] = True
                    if self._mislabelled(ent, named, person_words):
                        relabel.add((ent.start, ent.end))
            matches = self.matcher()(doc)
            # Longest first, so "Gaza Strip" wins over "Gaza".
            for span in sorted(matches, key=lambda s: (s.start, -len(s))):
                if any(taken[i] for i in range(span.start, span.end)):
                    continue
                if (
                    any(blocked[i] for i in range(span.start, span.end))
                    and (span.start, span.end) not in relabel
                ):
                    continue
                if not self._as_written(span.text) or (
                    len(span) == 1 and span.text in person_words
                ):
                    continue
                if is_excluded(doc, span.start_char, span.end_char):
                    continue
                found.append((span.start_char, span.end_char))
                for i in range(span.start, span.end):
                    taken[i] = True
        if self.use_context:
            for span, known in self._in_context(doc, taken):
                found.append((span.start_char, span.end_char))
                if not known:
                    loose.add((span.start_char, span.end_char))
                for i in range(span.start, span.end):
                    taken[i] = True
        return sorted(
            (start, end, _SITE if (start, end) in sites else (start, end) in loose)
            for start, end in found
        )

    # -- names the gazetteer knows, placed by their context ------------------------------

    def _name_spans(self, doc: Doc, taken: list[bool]) -> list[Span]:
        """Spans that may be names: the model's entities of any naming label, and runs
        of capitalised words outside them, each without "the" and "'s"."""
        spans: list[Span] = []
        inside = [False] * len(doc)
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                inside[i] = True
            if ent.label_ in _NOT_NAMES:
                continue
            spans.append(ent)
        i = 0
        while i < len(doc):
            if inside[i] or taken[i] or not capitalised(doc[i]):
                i += 1
                continue
            end = i + 1
            while end < len(doc) and not inside[end] and not taken[end] and (
                capitalised(doc[end])
                or doc[end].lower_ in _JOINERS and end + 1 < len(doc)
                and capitalised(doc[end + 1])
            ):
                end += 1
            spans.append(doc[i:end])
            i = end
        result = []
        for span in spans:
            start, end = span.start, span.end
            if doc[start].lower_ == "the":
                start += 1
            if end - start > 1 and doc[end - 1].text in _POSSESSIVE_ENDINGS:
                end -= 1
            if start >= end or any(taken[k] for k in range(start, end)):
                continue
            result.append(doc[start:end])
        return result

    def _known(self, name: str, *, exact: bool = False) -> bool:
        """A name the gazetteer holds as written or by a plain variant (no near
        spellings; with ``exact``, as written), which is no common English word, person's
        title or listed non-place."""
        words = name.lower().replace("-", " ").split()
        if not words or name in self._not_places or name.isupper() or self._one_common_word(name):
            return False
        return any(penalty <= (0 if exact else 0.3)
                   for _c, penalty in self.resolver.candidates(name, near=False))

    def _plain_name(self, name: str, *, common: bool = False) -> bool:
        """A name that may be a place the gazetteer lacks: capitalised words, no
        acronym, no common English word alone (unless ``common``), no nationality."""
        words = name.replace("-", " ").split()
        if not words or not name[:1].isupper() or name.isupper() or len(name) < 3:
            return False
        if name in self._not_places or self.resolver.demonym_country(name) is not None:
            return False
        return common or not self._one_common_word(name)

    def _one_common_word(self, name: str) -> bool:
        """One word that is a stop word or a common English word ("Hope", "Mobile")."""
        word = name.lower().replace("-", " ").strip()
        return " " not in word and (
            word in self.nlp.Defaults.stop_words or word in self._common_words()
        )

    def _common_words(self) -> frozenset[str]:
        """Lower-case English words (the lemmatizer's word index, WordNet's list): "Hope",
        "Mobile" and "Congress" are towns too, but no name the context pass may take."""
        if self._words is None:
            self._words = self._index_words(("noun", "verb", "adj", "adv"))
        return self._words

    def _descriptive_words(self) -> frozenset[str]:
        """The common words that are adjectives, adverbs or verbs ("International",
        "High"): the nouns of the word index hold names too ("Nasser", "Brandenburg")."""
        if self._descriptive is None:
            self._descriptive = self._index_words(("verb", "adj", "adv"))
        return self._descriptive

    def _index_words(self, classes: tuple[str, ...]) -> frozenset[str]:
        words: set[str] = set()
        try:
            table = self.nlp.get_pipe(self.lemmatizer_component).lookups.get_table("lemma_index")
            for word_class in classes:
                words.update(table.get(self.nlp.vocab.strings[word_class], ()))
        except (KeyError, ValueError, AttributeError):
            log.debug("places: no lemmatizer word index; common words unguarded")
        return frozenset(words)

    def _in_context(self, doc: Doc, taken: list[bool]) -> list[tuple[Span, bool]]:
        """``[(span, known)]``: names the model missed or labelled as something else,
        where the words around them make them places: after a preposition of place
        ("in Beslan"), next to a place noun ("the town of Qusayr", "Nuwakot district"),
        before a country ("Mauthausen, Austria"), as what is captured or patrolled
        ("captured Badme"). Persons' names need a preposition or place noun, and never
        are names the document uses for a person elsewhere ("Lewis Hamilton"). Names the
        gazetteer knows (``known``) count anywhere such; others only beside a place noun,
        to be placed near the places around them (see :meth:`__call__`)."""
        self.matcher()  # loads the list of names that are no places
        person_ents = [ent for ent in doc.ents if ent.label_ == "PERSON"]
        accepted: list[Span] = []
        result: list[tuple[Span, bool]] = []
        for span in self._name_spans(doc, taken):
            if is_excluded(doc, span.start_char, span.end_char):
                continue
            ent_label = doc[span.start].ent_type_ if doc[span.start].ent_iob_ else ""
            person = ent_label == "PERSON"
            if person:
                # a word of another person's name ("Nadia Taji ... Taji"); a longer name
                # only as a whole ("Tel Hamis and Tel Birak" share no more than "Tel")
                others = [ent for ent in person_ents if len(ent) > 1
                          and not (ent.start <= span.start < ent.end)]
                if len(span) == 1 and any(span.text in {t.text for t in ent} for ent in others):
                    continue
                if len(span) > 1 and any(span.text in ent.text for ent in others):
                    continue
            before = self._word_before(span)
            if before is not None and before.lower_.rstrip(".") in _TITLES:
                continue
            if span[-1].lower_ in BUILDING_WORDS:
                continue
            # a facility the model saw needs a place noun: "the town of X", not "at X"
            strength = _context(span, before, person or ent_label == "FAC", accepted)
            if strength == _NO:
                continue
            known = self._known(span.text)
            if known and strength == _WEAK and len(span) > 1 and generic_name(self, span):
                # "stormed the Central Bank": no bank of a town, unless so named exactly
                known = self._known(span.text, exact=True)
            # a name the gazetteer lacks only beside a place noun ("the village of X")
            if not known and not (strength == _STRONG and self._plain_name(span.text)):
                continue
            accepted.append(span)
            result.append((span, known))
        return result

    @staticmethod
    def _word_before(span: Span):
        doc = span.doc
        i = span.start - 1
        while i >= 0 and doc[i].lower_ in _PLACE_MODIFIERS and span.start - i < 3:
            i -= 1
        return doc[i] if i >= 0 else None

    def _well_known(self, name: str, *, cities_only: bool = False) -> bool:
        """A country, region or large place (100,000 people or more) of exactly this name;
        with ``cities_only``, a large city only."""
        return any(
            penalty == 0 and (
                c.kind == "city" and c.population >= 100_000 if cities_only
                else c.kind in ("country", "region") or c.population >= 100_000)
            for c, penalty in self.resolver.candidates(name, near=False)
        )

    def _generic_site(self, ent: Span, span: Span) -> bool:
        """A facility, organisation or person entity named like a site of common words
        only ("the International Airport", "Highland Hospital"), not a large place."""
        return (
            self.sites and ent.label_ in _SITE_LABELS
            and span[-1].lower_.rstrip(".") in BUILDING_WORDS
            and generic_name(self, span) and not self._well_known(span.text)
        )

    def _as_written(self, text: str) -> bool:
        """A case-blind match counts when written as the name is, or in capitals."""
        if text in self._surface or _fold(text) in self._surface:
            return True
        return text.isupper() and len(text) > 3

    @staticmethod
    def _mislabelled(ent, named: set[str], person_words: set[str]) -> bool:
        """An entity that is exactly a well-known place name, labelled otherwise by the
        model: "Aleppo" as NORP, "Edmonton" as ORG. A one-word person's name counts
        unless the document uses it in a longer person's name ("Lewis Hamilton ...
        Hamilton said") or after a title ("Mr Jordan"); after a word of place ("in
        Cairns") or where the document names the place as such elsewhere, always."""
        if ent.label_ != "PERSON":
            return True
        if len(ent) != 1:
            return False
        before = ent.doc[ent.start - 1].text.lower().rstrip(".") if ent.start else ""
        if before in _LOCATIVE or ent.text in named:
            return True
        return ent.text not in person_words and before not in _TITLES

    def __call__(self, doc: Doc) -> Doc:
        places = get_list(doc, "el_places")
        found = self._mentions(doc)
        if not found:
            return doc
        # Sites are never looked up: "the White House" is no White House, Tennessee.
        spans = [(start, end) for start, end, loose in found if loose != _SITE]
        outlet = self.resolver.outlet_country(doc._.el_outlet)
        resolved = iter(self.resolver.resolve_mentions(doc_text(doc), spans,
                                                       context=[outlet] if outlet else ()))
        picks = [None if loose == _SITE else next(resolved) for _s, _e, loose in found]
        records: list[dict] = []
        unplaced: list[tuple[dict, bool]] = []  # (record, a site)
        for (start, end, loose), pick in zip(found, picks, strict=True):
            record = {"text": doc_text(doc)[start:end], "start": start, "end": end}
            if pick is not None:
                record.update(pick.to_dict())
            elif loose and self.approximate:
                unplaced.append((record, loose == _SITE))
            else:
                continue
            records.append(record)
        anchors = {id(r): anchor_of(doc, r, records, site=site) for r, site in unplaced}
        records = [r for r in records if id(r) not in anchors or anchors[id(r)] is not None]
        for record in records:
            record["id"] = f"P{len(places) + 1}"
            places.append(record)
        for record, _site in unplaced:
            anchor = anchors[id(record)]
            if anchor is not None:
                # A place the gazetteer lacks, at the known place the text puts it in or
                # near ("the village of X in western Raqqa"): no GeoNames id of its own.
                record.update({"name": record["text"], "geonameid": None,
                               "country": anchor.get("country"), "lat": anchor["lat"],
                               "lon": anchor["lon"], "kind": "other", "approximate": True,
                               "near": {"place": anchor["id"]}})
        return doc


@Language.factory(
    "eventledger_places",
    requires=["doc.ents", "token.lemma", "doc._.el_excluded"],
    assigns=["doc._.el_places"],
    default_config={
        "labels": ["GPE", "LOC", "FAC"],
        "use_matcher": True,
        "use_context": True,
        "approximate": True,
        "sites": True,
        "fuzzy": True,
        "cache_dir": None,
        "regions_file": None,
        "demonyms_file": None,
        "lemmatizer_component": "lemmatizer",
    },
)
def make_places(
    nlp: Language,
    name: str,
    *,
    labels: list[str],
    use_matcher: bool,
    use_context: bool,
    approximate: bool,
    sites: bool,
    fuzzy: bool,
    cache_dir: str | None,
    regions_file: str | None,
    demonyms_file: str | None,
    lemmatizer_component: str | None,
) -> PlacesExtractor:
    """``cache_dir``: where the gazetteer index lives (default ``$EVENTLEDGER_CACHE`` or
    ``~/.cache/eventledger``); ``regions_file``/``demonyms_file``: a user's JSON files of
    the same shape as ``data/regions.json``/``data/demonyms.json``, added to them;
    ``lemmatizer_component``: the pipeline's lemmatizer, whose word index keeps common
    English words ("Hope", "Mobile") from being taken as places by their context;
    ``sites``: take named sites the gazetteer lacks (streets, airfields, hotels) as places
    near the places of their sentence."""
    return PlacesExtractor(
        nlp,
        name,
        labels=list(labels),
        use_matcher=use_matcher,
        use_context=use_context,
        approximate=approximate,
        sites=sites,
        fuzzy=fuzzy,
        cache_dir=cache_dir,
        regions_file=regions_file,
        demonyms_file=demonyms_file,
        lemmatizer_component=lemmatizer_component,
    )
