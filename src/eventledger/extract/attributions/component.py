"""The ``eventledger_attributions`` component: its options, and the lexicons it loads once
for every document."""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from ...errors import ConfigError
from ..actor_coref import attach_member_nouns
from ..actors import ActorLexicon, ActorsExtractor
from ..attribution_spans import SPANS_KEY, packaged_model_path
from ..base import get_list
from .context import Context, Options, SpeakerWords, TaggerSettings
from .finder import find
from .lexicon import CueLexicon

# The component's settings and their defaults. The span tagger's thresholds
# (``tagger_*``, :class:`TaggerSettings`) are None: the tagger model's own, from the
# ``thresholds`` of its span_transformer.json, which come with its spans.
DEFAULT_CONFIG = {
    "extra_cues_path": None,
    "actors_component": "eventledger_actors",
    "min_quote_words": 3,
    "continued_quotes": "separate",
    "inside_quotes": False,
    "carried_reports": "cited_by",
    "nested_reports": "keep",
    "uncued_quotes": "keep",
    "tagger_min_score": None,
    "tagger_min_score_sure_cue": None,
    "tagger_sure_cue": None,
    "tagger_agreement": None,
    "tagger_cue_gap": None,
    "tagger_source_gap": None,
    "tagger_retagged_cue_gap": None,
}
# Scores are between 0 and 1; the others are gaps in tokens.
_SCORES = {"min_score", "min_score_sure_cue", "sure_cue", "agreement"}
TAGGER_SETTINGS = {
    "min_score": "tagger_min_score",
    "min_score_sure_cue": "tagger_min_score_sure_cue",
    "sure_cue": "tagger_sure_cue",
    "agreement": "tagger_agreement",
    "cue_gap": "tagger_cue_gap",
    "source_gap": "tagger_source_gap",
    "retagged_cue_gap": "tagger_retagged_cue_gap",
}
# The values each mode of the component takes, its default first.
MODES = {
    "continued_quotes": ("separate", "join"),
    "carried_reports": ("cited_by", "outer"),
    "nested_reports": ("keep", "outer"),
    "uncued_quotes": ("keep", "drop"),
}


class AttributionsExtractor:
    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        extra_cues_path: str | None,
        min_quote_words: int,
        continued_quotes: str,
        inside_quotes: bool = False,
        carried_reports: str = "cited_by",
        nested_reports: str = "keep",
        uncued_quotes: str = "keep",
        tagger: TaggerSettings | None = None,
        tagger_config: dict | None = None,
        actors_component: str | None = "eventledger_actors",
    ):
        """``tagger``: the span tagger's thresholds for every document; else those of
        ``tagger_config`` (``tagger_*`` settings, None for the model's own), the rest
        the model's that tagged the document."""
        modes = {
            "continued_quotes": continued_quotes,
            "carried_reports": carried_reports,
            "nested_reports": nested_reports,
            "uncued_quotes": uncued_quotes,
        }
        for setting, value in modes.items():
            allowed = MODES[setting]
            if value not in allowed:
                raise ConfigError(
                    f"{setting} must be {' or '.join(map(repr, allowed))}, not {value!r}"
                )
        self.name = name
        self.cues = CueLexicon.load(extra_cues_path)
        self.options = Options(
            min_quote_words=min_quote_words,
            tagger=tagger or tagger_settings(tagger_config or DEFAULT_CONFIG),
            join_quotes=continued_quotes == "join",
            inside_quotes=inside_quotes,
            outer_carriers=carried_reports == "outer",
            outer_only=nested_reports == "outer",
            drop_uncued=uncued_quotes == "drop",
        )
        self.fixed_tagger = tagger is not None
        # the settings as a key of _settings_with's cache, made once
        given = tagger_config or {}
        self._tagger_config = tuple((key, given.get(key)) for key in TAGGER_SETTINGS.values())
        self.nlp = nlp
        self.actors_component = actors_component
        self._actors: tuple[ActorLexicon | None, SpeakerWords] | None = None

    def actors(self) -> tuple[ActorLexicon | None, SpeakerWords]:
        """The lexicon of the actors component named by ``actors_component`` (with the
        user's file), for the member-noun rule, and the words of it the stages read (of the
        packaged lexicon without one). Looked up when the first document comes, so that the
        order in which the pipeline was built does not matter."""
        if self._actors is None:
            lexicon = None
            name = self.actors_component
            if name and name in self.nlp.pipe_names:
                actors = self.nlp.get_pipe(name)
                if not isinstance(actors, ActorsExtractor):
                    raise ConfigError(
                        f"actors_component {name!r} is not an eventledger_actors component"
                    )
                lexicon = actors.lexicon
            self._actors = (lexicon, speaker_words(lexicon or ActorLexicon.load()))
        return self._actors

    def options_for(self, doc: Doc) -> Options:
        """The options, with the thresholds of the tagger model whose spans ``doc``
        carries where the settings give none."""
        group = doc.spans.get(SPANS_KEY) if not self.fixed_tagger else None
        model = group.attrs.get("thresholds") if group is not None else None
        if not model:
            return self.options
        return replace(self.options, tagger=_settings_with(
            self._tagger_config, tuple(sorted(model.items()))))

    def __call__(self, doc: Doc) -> Doc:
        actor_lexicon, speakers = self.actors()
        records = get_list(doc, "el_attributions")
        records.clear()
        records.extend(find(Context(doc, self.cues, self.options_for(doc), speakers)))
        if actor_lexicon is not None:
            # "the Brigades said that resistance fighters ..." -> the fighters are Hamas.
            attach_member_nouns(doc, records, actor_lexicon)
        return doc


def speaker_words(lexicon: ActorLexicon) -> SpeakerWords:
    """The words of the actor lexicon that the stages read."""
    return SpeakerWords(
        gender_words={g: {w.lower() for w in ws} for g, ws in lexicon.gender_words.items()},
        body_nouns={
            n for n, sector in lexicon.head_sectors.items() if sector not in (None, "media")
        },
        media_nouns={n for n, sector in lexicon.head_sectors.items() if sector == "media"},
    )


@Language.factory(
    "eventledger_attributions",
    requires=["token.dep", "token.lemma", "doc._.el_actors", "doc._.el_excluded", "doc.spans"],
    assigns=["doc._.el_attributions", "doc._.el_actors"],
    default_config=DEFAULT_CONFIG,
)
def make_attributions(
    nlp: Language,
    name: str,
    *,
    extra_cues_path: str | None,
    actors_component: str | None,
    min_quote_words: int,
    continued_quotes: str,
    inside_quotes: bool,
    carried_reports: str,
    nested_reports: str,
    uncued_quotes: str,
    tagger_min_score: float | None,
    tagger_min_score_sure_cue: float | None,
    tagger_sure_cue: float | None,
    tagger_agreement: float | None,
    tagger_cue_gap: int | None,
    tagger_source_gap: int | None,
    tagger_retagged_cue_gap: int | None,
) -> AttributionsExtractor:
    """``actors_component``: the actors component whose lexicon (with the user's file) the
    attributions read (its member nouns, gendered words and nouns of bodies and media);
    without one in the pipeline, the packaged lexicon.
    ``continued_quotes``: "separate" gives a quote that goes on after "X said." its own
    attribution; "join" stretches the first one over it, as PolNeAR annotates.
    ``inside_quotes``: also report "said" and the like inside a quotation.
    ``carried_reports``: for '"...," X said, according to Y', "cited_by" gives X's report
    with Y in its ``cited_by``; "outer" gives Y's report, its content taking in X's words
    and verb and its ``cites`` naming X, as PolNeAR annotates.
    ``nested_reports``: "keep" gives a report inside another's content its own attribution
    too (a chain: "The Ledger reported that the governor said ..."); "outer" gives only the
    outermost one, as PolNeAR's single layer of spans mostly marks it.
    ``uncued_quotes``: "keep" gives a quotation that no word reports (a quoted headline,
    a quote standing alone after another speaker's) an attribution without a cue; "drop"
    leaves such attributions out, as PolNeAR annotates every attribution with its cue.
    ``tagger_*``: how the rules' attributions are reconciled with the span tagger's
    (:class:`TaggerSettings`; None, the default: the value the tagger model gives in the
    ``thresholds`` of its span_transformer.json): the confidence a tagged content needs to become an
    attribution (``tagger_min_score``, or ``tagger_min_score_sure_cue`` when the tagger's
    confidence in its cue is at least ``tagger_sure_cue``), the overlap from which a tagged
    content and a rule attribution are one claim (``tagger_agreement``), and how many tokens
    apart a tagged cue and its content (``tagger_cue_gap``), a tagged source and its cue
    (``tagger_source_gap``) and a tagged cue replacing a rule's and the content
    (``tagger_retagged_cue_gap``) may lie."""
    settings = locals()
    return AttributionsExtractor(
        nlp,
        name,
        extra_cues_path=extra_cues_path,
        actors_component=actors_component,
        min_quote_words=min_quote_words,
        continued_quotes=continued_quotes,
        inside_quotes=inside_quotes,
        carried_reports=carried_reports,
        nested_reports=nested_reports,
        uncued_quotes=uncued_quotes,
        tagger_config={key: settings[key] for key in TAGGER_SETTINGS.values()},
    )


@cache
def packaged_thresholds() -> dict:
    """The shipped tagger's thresholds (its span_transformer.json): for spans that bring
    none (set by hand, or by a tagger saved without them)."""
    config = json.loads((packaged_model_path() / "span_transformer.json").read_text("utf-8"))
    return config["thresholds"]


@cache
def _settings_with(config: tuple, model: tuple) -> TaggerSettings:
    return tagger_settings(dict(config), dict(model))


def tagger_settings(config: dict, model: dict | None = None) -> TaggerSettings:
    """The span tagger's thresholds: the component's ``tagger_*`` settings, else (None)
    the tagger model's ``model`` thresholds, else the shipped tagger's. Scores are between
    0 and 1, gaps a whole number of tokens, 0 or more."""
    model = {**packaged_thresholds(), **(model or {})}
    config = {key: model[field] if config.get(key) is None else config[key]
              for field, key in TAGGER_SETTINGS.items()}
    for field, key in TAGGER_SETTINGS.items():
        value = config[key]
        if field in _SCORES:
            fits = isinstance(value, int | float) and 0 <= value <= 1
            wanted = "a number between 0 and 1"
        else:
            fits = isinstance(value, int) and value >= 0
            wanted = "a whole number of tokens, 0 or more"
        if isinstance(value, bool) or not fits:
            raise ConfigError(f"{key} must be {wanted}, not {value!r}")
    return TaggerSettings(**{field: config[key] for field, key in TAGGER_SETTINGS.items()})
