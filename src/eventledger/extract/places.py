"""Places: every mention of a place in the text, resolved to coordinates offline.

Mentions come from the model's GPE, LOC and FAC entities and from a phrase matcher over
the gazetteer's well-known names (countries, first-level divisions, curated regions,
cities of 100,000+) for names the model misses. Matches that are common English words,
or lie inside a person's or organisation's name, are left out; so are headings and
captions. Nationality words ("Israeli") are not places; the resolver reads them as
country context. Each mention gets its own record (``P1``, ``P2``, ...); mentions of one
name share the resolved values. A mention the gazetteer does not know is left out: the
CONTRACT gives every place coordinates.
"""

from __future__ import annotations

import logging
import time
import unicodedata

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..geo.gazetteer import load_regions_data
from .base import get_list, is_excluded

log = logging.getLogger(__name__)

# Entities whose tokens a gazetteer match may not take: "Paris Hilton", "Jordan Times".
# The whole entity may still be a place: see PlacesExtractor._mislabelled.
_BLOCKING_LABELS = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "LAW", "PRODUCT"}
_TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "president", "minister",
           "general", "gen", "col", "capt", "sgt", "judge", "senator", "sen", "rep", "gov",
           "governor", "mayor", "prof", "rabbi", "sheikh", "king", "queen", "prince", "pope",
           "saint", "st", "coach", "officer", "chief", "by"}
_LOCATIVE = {"in", "at", "from", "to", "near", "into", "outside", "across", "around"}


def _fold(text: str) -> str:
    """Diacritics off: "Montréal" -> "Montreal"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


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
    ):
        self.name = name
        self.nlp = nlp
        self.labels = set(labels)
        self.use_matcher = use_matcher
        self.fuzzy = fuzzy
        self.cache_dir = cache_dir
        self.regions_file = regions_file
        self.demonyms_file = demonyms_file
        self._resolver = None
        self._matcher: PhraseMatcher | None = None
        self._not_places: set[str] = set()
        self._surface: set[str] = set()

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

    def matcher(self) -> PhraseMatcher:
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
            matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
            matcher.add("PLACE", list(self.nlp.tokenizer.pipe(sorted({n.lower() for n in names}))))
            self._matcher = matcher
        return self._matcher

    def mentions(self, doc: Doc) -> list[tuple[int, int]]:
        """Character spans of place mentions, sorted, not overlapping."""
        found: list[tuple[int, int]] = []
        taken = [False] * len(doc)
        # Words of longer person names ("Sydney" of "Sydney Sweeney") stay persons in
        # the rest of the document, whatever label the model gives them there.
        person_words = {
            t.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent
        }
        for ent in doc.ents:
            if ent.label_ not in self.labels or not ent.text[:1].isupper():
                continue
            if len(ent) == 1 and ent.text in person_words:
                continue
            start = ent.start
            if doc[start].lower_ == "the" and start + 1 < ent.end:
                start += 1
            span = doc[start : ent.end]
            if span[-1].text in ("'s", "’s") and len(span) > 1:
                span = doc[start : ent.end - 1]
            if is_excluded(doc, span.start_char, span.end_char):
                continue
            if ent.label_ == "FAC" and not self._well_known(span.text):
                continue  # "the White House" is not White House, Tennessee
            found.append((span.start_char, span.end_char))
            for i in range(span.start, span.end):
                taken[i] = True
        if self.use_matcher:
            blocked = [False] * len(doc)
            relabel: set[tuple[int, int]] = set()
            named = {doc.text[s:e] for s, e in found}
            for ent in doc.ents:
                if ent.label_ in _BLOCKING_LABELS:
                    for i in range(ent.start, ent.end):
                        blocked[i] = True
                    if self._mislabelled(ent, named, person_words):
                        relabel.add((ent.start, ent.end))
            matches = self.matcher()(doc, as_spans=True)
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
        return sorted(found)

    def _well_known(self, name: str) -> bool:
        """A country, region or large city of exactly this name."""
        return any(
            penalty == 0 and (c.kind in ("country", "region") or c.population >= 100_000)
            for c, penalty in self.resolver.candidates(name)
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
        spans = self.mentions(doc)
        if not spans:
            return doc
        outlet = self.resolver.outlet_country(doc._.el_outlet)
        picks = self.resolver.resolve_mentions(doc.text, spans, context=[outlet] if outlet else ())
        for (start, end), pick in zip(spans, picks, strict=True):
            if pick is None:
                continue
            record = {
                "id": f"P{len(places) + 1}",
                "text": doc.text[start:end],
                "start": start,
                "end": end,
            }
            record.update(pick.to_dict())
            places.append(record)
        return doc


@Language.factory(
    "eventledger_places",
    assigns=["doc._.el_places"],
    default_config={
        "labels": ["GPE", "LOC", "FAC"],
        "use_matcher": True,
        "fuzzy": True,
        "cache_dir": None,
        "regions_file": None,
        "demonyms_file": None,
    },
)
def make_places(
    nlp: Language,
    name: str,
    *,
    labels: list[str],
    use_matcher: bool,
    fuzzy: bool,
    cache_dir: str | None,
    regions_file: str | None,
    demonyms_file: str | None,
) -> PlacesExtractor:
    """``cache_dir``: where the gazetteer index lives (default ``$EVENTLEDGER_CACHE`` or
    ``~/.cache/eventledger``); ``regions_file``/``demonyms_file``: a user's JSON files of
    the same shape as ``data/regions.json``/``data/demonyms.json``, added to them."""
    return PlacesExtractor(
        nlp,
        name,
        labels=list(labels),
        use_matcher=use_matcher,
        fuzzy=fuzzy,
        cache_dir=cache_dir,
        regions_file=regions_file,
        demonyms_file=demonyms_file,
    )
