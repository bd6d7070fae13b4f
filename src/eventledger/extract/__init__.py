"""Extractors: spaCy components that fill ``Doc._.el_*`` with records of the CONTRACT.

Each module registers one factory (``eventledger_<name>``), also exposed through the
``spacy_factories`` entry point so that users can add it to their own pipelines::

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("eventledger_attributions")

Order matters: layout, actors, places, attribution spans, attributions, events, figures,
incidents (see :data:`COMPONENTS`).
"""

from .base import ensure_extensions

# Pipeline order: each component may read what the earlier ones assigned.
COMPONENTS = (
    "eventledger_layout",
    "eventledger_actors",
    "eventledger_places",
    "eventledger_attribution_spans",
    "eventledger_attributions",
    "eventledger_events",
    "eventledger_figures",
    "eventledger_incidents",
)

__all__ = ["COMPONENTS", "ensure_extensions"]
