"""A trained tagger for the spans of attributions: CONTENT, CUE and SOURCE.

The rules of ``attributions/`` read the parse; this component adds what was learned from
PolNeAR's annotated training articles (``training/attribution_spans/``): all-mpnet-base-v2
with its top layers fine-tuned to tag word pieces (``span_transformer``), the tuned layers
shipped in ``data/attribution_spans``.
It reads the text itself, in overlapping windows of word pieces, so a quotation may run
over several sentences. Its spans go to ``doc.spans["attribution_spans"]``; the
attributions component checks its rules' attributions against them and turns the contents
its rules did not find into attributions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup
from spacy.util import minibatch

from . import span_transformer

SPANS_KEY = "attribution_spans"


def packaged_model_path() -> Path:
    return Path(str(resources.files("eventledger") / "data" / "attribution_spans"))


class AttributionSpansTagger:
    def __init__(self, nlp: Language, name: str, *, model_path: str | None, batch_size: int,
                 device: str = "auto"):
        self.name = name
        self.model_path = model_path or str(packaged_model_path())
        self.batch_size = batch_size
        self.tagger = span_transformer.load(self.model_path, device)

    @staticmethod
    def _set_spans(doc: Doc, spans: list[tuple[int, int, str, float]]) -> Doc:
        group = SpanGroup(
            doc, name=SPANS_KEY,
            spans=[Span(doc, start, end, label=label) for start, end, label, _ in spans],
        )
        # The tagger's confidence in each span, as spaCy's spancat keeps it.
        group.attrs["scores"] = [score for *_, score in spans]
        doc.spans[SPANS_KEY] = group
        return doc

    def __call__(self, doc: Doc) -> Doc:
        return self._set_spans(doc, self.tagger.scored_spans_of([doc])[0])

    def pipe(self, docs: Iterable[Doc], *, batch_size: int | None = None) -> Iterator[Doc]:
        # The windows of a batch of documents share forward passes.
        for batch in minibatch(docs, size=batch_size or self.batch_size):
            for doc, spans in zip(batch, self.tagger.scored_spans_of(batch), strict=True):
                yield self._set_spans(doc, spans)


@Language.factory(
    "eventledger_attribution_spans",
    assigns=["doc.spans"],
    default_config={"model_path": None, "batch_size": 32, "device": "auto"},
)
def make_attribution_spans(
    nlp: Language, name: str, *, model_path: str | None, batch_size: int, device: str
) -> AttributionSpansTagger:
    """``model_path``: a folder written by ``training/attribution_spans/finetune.py``
    (default: the one eventledger ships). ``device``: ``auto`` (CUDA where torch sees a
    GPU, else the CPU), ``cpu`` or ``cuda``."""
    return AttributionSpansTagger(nlp, name, model_path=model_path, batch_size=batch_size,
                                  device=device)
