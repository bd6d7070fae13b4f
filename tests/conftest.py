"""Shared fixtures. Tests build their own inputs; none reads ../shared."""

from __future__ import annotations

import pytest
import spacy

# The store, process, stories and export tests run on SQLite and on a real PostgreSQL.
from pg_server import database, postgres_server  # noqa: F401

from eventledger.config import load_settings
from eventledger.extract.events import EventsExtractor
from eventledger.extract.figures import FiguresExtractor
from eventledger.extract.lemmas import add_lemma_corrections
from eventledger.pipeline import load_pipeline


@pytest.fixture(scope="session")
def model_name() -> str:
    return load_settings().model


@pytest.fixture(scope="session")
def bare_nlp(model_name):
    """The bundled spaCy model without eventledger's components, its lemmas corrected as
    in the pipeline, so that the extractors read the parse they read there."""
    return add_lemma_corrections(spacy.load(model_name))


@pytest.fixture(scope="session")
def nlp(model_name):
    """The full eventledger pipeline (model plus every extractor)."""
    return load_pipeline(model_name)


@pytest.fixture(scope="session")
def events(bare_nlp):
    """The events extractor alone, with the packaged triggers, for tests that run it on a
    parse with the earlier components' output set by hand (tests/rule_docs.py). It keeps
    nothing between documents, so one serves every test."""
    return EventsExtractor(bare_nlp, "events")


@pytest.fixture(scope="session")
def figures(bare_nlp):
    """The figures extractor alone, with the packaged word lists and units, for tests that
    run it on a parse with the events and what comes before set by hand. Like ``events``,
    it keeps nothing between documents."""
    return FiguresExtractor(bare_nlp, "figures")
