"""The ``eventledger_incidents`` component (see the package docstring)."""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from ..base import get_list
from .cumulative import cumulative_clause
from .disagreements import incident_disagreements
from .grouping import IncidentBuilder
from .words import incident_words

log = logging.getLogger(__name__)


class IncidentsExtractor:
    """Fills ``doc._.el_incidents``, points events and figures to theirs, and lists the
    disagreements per incident and category in ``doc._.el_disagreements``."""

    def __init__(self, nlp: Language, name: str, *, words_path: str | None = None):
        self.name = name
        self.words = incident_words(words_path)

    def __call__(self, doc: Doc) -> Doc:
        incidents = get_list(doc, "el_incidents")
        incidents.clear()
        events = list(doc._.el_events or ())
        figures = list(doc._.el_figures or ())
        if not doc.has_annotation("DEP"):
            log.warning("eventledger_incidents needs a dependency parse; no incidents")
            return doc
        cumulative = {f["id"] for f in figures
                      if cumulative_clause(doc, f, self.words.cumulative)}
        incidents.extend(IncidentBuilder(doc, self.words).build(events, figures, cumulative))
        doc._.el_disagreements = incident_disagreements(doc, figures)
        return doc


@Language.factory(
    "eventledger_incidents",
    requires=["token.dep", "doc._.el_places", "doc._.el_attributions", "doc._.el_events",
              "doc._.el_figures"],
    assigns=["doc._.el_incidents", "doc._.el_disagreements"],
    default_config={"words_path": None},
)
def make_incidents(nlp: Language, name: str, *, words_path: str | None) -> IncidentsExtractor:
    return IncidentsExtractor(nlp, name, words_path=words_path)
