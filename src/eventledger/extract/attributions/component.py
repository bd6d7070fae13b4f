"""The ``eventledger_attributions`` component: its options, and the lexicons it loads once
for every document."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...errors import ConfigError
from ..actor_coref import attach_member_nouns
from ..actors import ActorLexicon, ActorsExtractor
from ..base import get_list
from .context import Context, Options, SpeakerWords
from .finder import find
from .lexicon import CueLexicon

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
    ):
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
            join_quotes=continued_quotes == "join",
            inside_quotes=inside_quotes,
            outer_carriers=carried_reports == "outer",
            outer_only=nested_reports == "outer",
            drop_uncued=uncued_quotes == "drop",
        )
        # The actors component's lexicon (with the user's file) for the member-noun rule.
        actors = next(
            (
                nlp.get_pipe(n)
                for n in nlp.pipe_names
                if isinstance(nlp.get_pipe(n), ActorsExtractor)
            ),
            None,
        )
        self.actor_lexicon = actors.lexicon if actors is not None else None
        lexicon = self.actor_lexicon or ActorLexicon.load()
        self.speakers = SpeakerWords(
            gender_words={g: {w.lower() for w in ws} for g, ws in lexicon.gender_words.items()},
            body_nouns={
                n for n, sector in lexicon.head_sectors.items() if sector not in (None, "media")
            },
            media_nouns={n for n, sector in lexicon.head_sectors.items() if sector == "media"},
        )

    def __call__(self, doc: Doc) -> Doc:
        records = get_list(doc, "el_attributions")
        records.clear()
        records.extend(find(Context(doc, self.cues, self.options, self.speakers)))
        if self.actor_lexicon is not None:
            # "the Brigades said that resistance fighters ..." -> the fighters are Hamas.
            attach_member_nouns(doc, records, self.actor_lexicon)
        return doc


@Language.factory(
    "eventledger_attributions",
    requires=["token.dep", "token.lemma", "doc._.el_actors", "doc._.el_excluded"],
    assigns=["doc._.el_attributions", "doc._.el_actors"],
    default_config={
        "extra_cues_path": None,
        "min_quote_words": 3,
        "continued_quotes": "separate",
        "inside_quotes": False,
        "carried_reports": "cited_by",
        "nested_reports": "keep",
        "uncued_quotes": "keep",
    },
)
def make_attributions(
    nlp: Language,
    name: str,
    *,
    extra_cues_path: str | None,
    min_quote_words: int,
    continued_quotes: str,
    inside_quotes: bool,
    carried_reports: str,
    nested_reports: str,
    uncued_quotes: str,
) -> AttributionsExtractor:
    """``continued_quotes``: "separate" gives a quote that goes on after "X said." its own
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
    leaves such attributions out, as PolNeAR annotates every attribution with its cue."""
    return AttributionsExtractor(
        nlp,
        name,
        extra_cues_path=extra_cues_path,
        min_quote_words=min_quote_words,
        continued_quotes=continued_quotes,
        inside_quotes=inside_quotes,
        carried_reports=carried_reports,
        nested_reports=nested_reports,
        uncued_quotes=uncued_quotes,
    )
