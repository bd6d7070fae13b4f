"""A trained tagger for the spans of attributions: CONTENT, CUE and SOURCE.

The rules of ``attributions.py`` read the parse; this component adds what was learned from
PolNeAR's annotated training articles (``training/attribution_spans/``): a spaCy entity
recognizer with its own token-to-vector layer, shipped in ``data/attribution_spans``. Its
spans go to ``doc.spans["attribution_spans"]``; the attributions component turns those its
rules did not find into attributions.

The recognizer runs on a copy of the document made of words, tags and dependency labels
only, for two reasons: the main document keeps its named entities, and a quotation may run
over several sentences, which spaCy's recognizer will not do across the sentence boundaries
a parser set.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.ml.models.tok2vec import MaxoutWindowEncoder
from spacy.tokens import Doc, Span
from spacy.util import minibatch, registry
from thinc.api import LSTM, Model, chain, with_padded
from thinc.types import Floats2d

from ..errors import ConfigError
from .quotes import quotes_of

SPANS_KEY = "attribution_spans"
# The name of the recognizer inside the trained pipeline (see training/attribution_spans).
_TAGGER_NAME = "attribution_spans"


def feature_doc(doc: Doc) -> Doc:
    """A copy of ``doc`` with its words and fine-grained tags, but no parse, so no sentence
    boundaries. The lemma slot carries what the recognizer cannot see from a few words
    around: each token's dependency label and whether it is inside a quotation (which may
    have opened several sentences earlier), as "nsubj|q" or "nsubj|-"."""
    inside = bytearray(len(doc.text))
    for quote in quotes_of(doc):
        inside[quote.outer_start : quote.outer_end] = b"\x01" * (quote.outer_end - quote.outer_start)
    return Doc(
        doc.vocab,
        words=[t.text for t in doc],
        spaces=[bool(t.whitespace_) for t in doc],
        tags=[t.tag_ for t in doc],
        lemmas=[f"{t.dep_ or '-'}|{'q' if inside[t.idx] else '-'}" for t in doc],
    )


@registry.architectures("eventledger.WindowBiLSTMEncoder.v1")
def window_bilstm_encoder(
    *, width: int, window_size: int, window_depth: int, lstm_depth: int, dropout: float
) -> Model[list[Floats2d], list[Floats2d]]:
    """A few convolutions over neighbouring words, then a bidirectional LSTM over the whole
    document: a content span often runs for a clause or several sentences, farther than a
    window reaches. Thinc's own LSTM runs on NumPy, so no PyTorch is needed."""
    window = MaxoutWindowEncoder(
        width=width, window_size=window_size, maxout_pieces=3, depth=window_depth
    )
    lstm = LSTM(width, width, bi=True, depth=lstm_depth, dropout=dropout)
    encoder = chain(window, with_padded(lstm))
    encoder.set_dim("nO", width)
    return encoder


def packaged_model_path() -> Path:
    return Path(str(resources.files("eventledger") / "data" / "attribution_spans"))


@lru_cache(maxsize=2)
def _load_tagger(path: str):
    try:
        trained = spacy.load(path)
    except OSError as exc:
        raise ConfigError(f"attribution span model not found at {path}: {exc}") from exc
    if _TAGGER_NAME not in trained.pipe_names:
        raise ConfigError(f"{path}: no {_TAGGER_NAME!r} component in this pipeline")
    return trained.get_pipe(_TAGGER_NAME)


class AttributionSpansTagger:
    def __init__(self, nlp: Language, name: str, *, model_path: str | None, batch_size: int):
        self.name = name
        self.model_path = model_path or str(packaged_model_path())
        self.batch_size = batch_size
        self.tagger = _load_tagger(self.model_path)
        # The recognizer names its labels by hash; the document's vocabulary must know them.
        for label in self.tagger.labels:
            nlp.vocab.strings.add(label)

    def _copy_back(self, doc: Doc, tagged: Doc) -> Doc:
        doc.spans[SPANS_KEY] = [
            Span(doc, ent.start, ent.end, label=ent.label_) for ent in tagged.ents
        ]
        return doc

    def __call__(self, doc: Doc) -> Doc:
        return self._copy_back(doc, self.tagger(feature_doc(doc)))

    def pipe(self, docs: Iterable[Doc], *, batch_size: int | None = None) -> Iterator[Doc]:
        size = batch_size or self.batch_size
        for batch in minibatch(docs, size=size):
            tagged = self.tagger.pipe([feature_doc(d) for d in batch], batch_size=size)
            for doc, copy in zip(batch, tagged, strict=True):
                yield self._copy_back(doc, copy)


@Language.factory(
    "eventledger_attribution_spans",
    requires=["token.tag", "token.dep"],
    assigns=["doc.spans"],
    default_config={"model_path": None, "batch_size": 32},
)
def make_attribution_spans(
    nlp: Language, name: str, *, model_path: str | None, batch_size: int
) -> AttributionSpansTagger:
    """``model_path``: a spaCy pipeline trained by ``training/attribution_spans`` (default:
    the one eventledger ships)."""
    return AttributionSpansTagger(nlp, name, model_path=model_path, batch_size=batch_size)
