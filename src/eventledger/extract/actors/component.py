"""The ``eventledger_actors`` component: the lexicon's matchers, then the builder's stages
in order."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..base import get_list, is_excluded
from . import affiliations, coreference, mentions, nominals, records
from .context import Context, Found
from .lexicon import ActorLexicon, is_acronym


class ActorsExtractor:
    def __init__(
        self, nlp: Language, name: str, *, extra_actors_path: str | None, fuzzy_threshold: float
    ):
        self.name = name
        self.fuzzy_threshold = fuzzy_threshold
        self.lexicon = ActorLexicon.load(extra_actors_path)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.acronym_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for index, entry in enumerate(self.lexicon.entries):
            plain, upper = [], []
            for alias in [entry.name, *entry.aliases]:
                (upper if is_acronym(alias) else plain).append(nlp.make_doc(alias))
                if alias.lower().startswith("the "):
                    plain.append(nlp.make_doc(alias[4:]))
            if plain:
                self.matcher.add(str(index), plain)
            if upper:
                self.acronym_matcher.add(str(index), upper)

    # -- candidate mentions -------------------------------------------------------------
    def _dictionary_spans(self, doc: Doc) -> list[Span]:
        spans = []
        for matcher in (self.matcher, self.acronym_matcher):
            for match_id, start, end in matcher(doc):
                label = doc.vocab.strings[match_id]
                spans.append(Span(doc, start, end, label=f"DICT{label}"))
        return spans

    def __call__(self, doc: Doc) -> Doc:
        actors = get_list(doc, "el_actors")
        actors.clear()
        ctx, found = Context(doc, self.lexicon, self.fuzzy_threshold), Found()
        # Newspaper names before the NER's entities: on the same words they win.
        candidates = (
            self._dictionary_spans(doc) + mentions.newspaper_spans(ctx, found)
            + mentions.entity_spans(ctx, found)
        )
        for candidate in filter_spans(candidates):
            if is_excluded(doc, candidate.start_char, candidate.end_char):
                continue
            mentions.add_named(ctx, found, candidate)
        mentions.add_surnames(ctx, found)
        nominals.add_nominals(ctx, found)
        coreference.join_short_names(ctx, found)
        coreference.resolve_state_nouns(ctx, found)
        coreference.resolve_definite_nominals(ctx, found)
        affiliations.resolve_nominal_affiliations(ctx, found)
        actors.extend(records.records(ctx, found))
        return doc


@Language.factory(
    "eventledger_actors",
    requires=["doc.ents", "token.dep", "token.lemma", "token.tag", "doc._.el_excluded"],
    assigns=["doc._.el_actors"],
    default_config={"extra_actors_path": None, "fuzzy_threshold": 92.0},
)
def make_actors(
    nlp: Language, name: str, *, extra_actors_path: str | None, fuzzy_threshold: float
) -> ActorsExtractor:
    return ActorsExtractor(
        nlp, name, extra_actors_path=extra_actors_path, fuzzy_threshold=fuzzy_threshold
    )
