"""A trained tagger for the spans of attributions: CONTENT, CUE and SOURCE.

The rules of ``attributions/`` read the parse; this component adds what was learned from
PolNeAR's annotated training articles (``training/attribution_spans/``): all-mpnet-base-v2
with its top layers fine-tuned to tag word pieces (``span_transformer``), the tuned layers
shipped in ``data/attribution_spans``.
It reads the text itself, in overlapping windows of word pieces, so a quotation may run
over several sentences. Its spans go to ``doc.spans["attribution_spans"]``; the
attributions component checks its rules' attributions against them and turns the contents
its rules did not find into attributions.

The same forward pass feeds the event head (``event_head``): its probabilities of each
PLOVER trigger tag go to ``doc._.el_trigger_scores`` (one row per token) for the events
component, so events cost a head, not a second pass of the encoder.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup
from spacy.util import minibatch

from ..errors import ConfigError
from . import argument_head as argument_head_module
from . import event_head as event_head_module
from . import span_transformer
from .cue_candidates import cue_candidates, reporting_words

SPANS_KEY = "attribution_spans"


def packaged_model_path() -> Path:
    return Path(str(resources.files("eventledger") / "data" / "attribution_spans"))


class AttributionSpansTagger:
    def __init__(self, nlp: Language, name: str, *, model_path: str | None, batch_size: int,
                 device: str = "auto", precision: str = "auto", event_head: bool = True,
                 event_head_path: str | None = None, argument_head: bool = True,
                 argument_head_path: str | None = None, window: int | None = None,
                 overlap: int | None = None, only_cue_windows: bool = True,
                 extra_cues_path: str | None = None, threads: int = 0):
        self.name = name
        span_transformer.use_threads(threads)
        self.model_path = model_path or str(packaged_model_path())
        self.batch_size = batch_size
        # The attributions package imports this module: its lexicon is imported here.
        from .attributions.lexicon import CueLexicon

        self.cues = CueLexicon.load(extra_cues_path) if only_cue_windows else None
        self.cue_words = reporting_words(self.cues) if self.cues else None
        self.tagger = span_transformer.load(self.model_path, device, precision)
        self.window = window
        self.stride = self._stride(window, overlap)
        # Checked here, so that a bad window is an error when the pipeline is built.
        span_transformer.Windowing(self.window, self.stride)
        # The heads that read the tagger's forward pass; their rows for each token go to
        # doc._.el_trigger_scores (the event head's, or what a training script sets here)
        # and doc._.el_argument_states (the argument head's).
        self.heads: dict = {}
        for name, wanted, module, path in (
            ("events", event_head, event_head_module, event_head_path),
            ("arguments", argument_head, argument_head_module, argument_head_path),
        ):
            if wanted:
                self.heads[name] = self._head(name, module, path)

    def _head(self, name: str, module, path: str | None):
        """The head of ``module`` in ``path`` (default: the one eventledger ships), which
        must read the tagger's own encoder."""
        head = module.load(path or str(module.packaged_head_path()))
        if head.encoder != self.tagger.encoder:
            word = "event" if name == "events" else "argument"
            raise ConfigError(f"the {word} head reads {head.encoder}, but the attribution "
                              f"span tagger is built on {self.tagger.encoder}")
        return head

    def _stride(self, window: int | None, overlap: int | None) -> int | None:
        """Pieces from one window's start to the next's: the window's inside (its pieces
        less the two special ones) less ``overlap``; None (as the tagger was trained)
        where ``overlap`` is None."""
        if overlap is None:
            return None
        inside = (window or self.tagger.config["window"]) - 2
        if not 0 <= overlap < inside:
            raise ConfigError(f"attribution span overlap {overlap}: use 0 to {inside - 1}")
        return inside - overlap

    def windowing(self, docs: list[Doc]) -> span_transformer.Windowing:
        """How the tagger reads ``docs``: the window settings, and with
        ``only_cue_windows`` the tokens that could report an attribution."""
        wanted = ([cue_candidates(doc, self.cues, self.cue_words) for doc in docs]
                  if self.cues else None)
        return span_transformer.Windowing(self.window, self.stride, wanted)

    def _tag(self, docs: list[Doc]) -> list[Doc]:
        # Without heads, the same pass tags the spans alone.
        found = self.tagger.scored_spans_and_heads_of(docs, self.heads, self.windowing(docs))
        thresholds = self.tagger.config.get("thresholds")
        head = self.heads.get("events")
        for doc, (spans, rows) in zip(docs, found, strict=True):
            self._set_spans(doc, spans, thresholds)
            if head is not None:
                # The head's labels and default thresholds travel with its rows.
                doc._.el_trigger_scores = {
                    "labels": getattr(head, "labels", None), "rows": rows["events"],
                    "thresholds": getattr(head, "thresholds", None),
                }
            if "arguments" in rows:
                # the argument head's states; the events component scores pairs of them
                # with the head's pair scorer, which it finds by the head's folder
                doc._.el_argument_states = {
                    "rows": rows["arguments"],
                    "path": getattr(self.heads["arguments"], "path", None),
                }
        return docs

    @staticmethod
    def _set_spans(doc: Doc, spans: list[tuple[int, int, str, float]],
                   thresholds: dict | None) -> Doc:
        group = SpanGroup(
            doc, name=SPANS_KEY,
            spans=[Span(doc, start, end, label=label) for start, end, label, _ in spans],
        )
        # The tagger's confidence in each span, as spaCy's spancat keeps it.
        group.attrs["scores"] = [score for *_, score in spans]
        # How the attributions read this model's spans (its span_transformer.json), so that
        # a retrained model brings its own thresholds.
        if thresholds:
            group.attrs["thresholds"] = dict(thresholds)
        doc.spans[SPANS_KEY] = group
        return doc

    def __call__(self, doc: Doc) -> Doc:
        return self._tag([doc])[0]

    def pipe(self, docs: Iterable[Doc], *, batch_size: int | None = None) -> Iterator[Doc]:
        # The windows of a batch of documents share forward passes.
        for batch in minibatch(docs, size=batch_size or self.batch_size):
            yield from self._tag(batch)


@Language.factory(
    "eventledger_attribution_spans",
    assigns=["doc.spans", "doc._.el_trigger_scores", "doc._.el_argument_states"],
    default_config={"model_path": None, "batch_size": 32, "device": "auto",
                    "precision": "auto", "event_head": True, "event_head_path": None,
                    "argument_head": True, "argument_head_path": None, "window": None, "overlap": 30, "only_cue_windows": True,
                    "extra_cues_path": None, "threads": 0},
)
def make_attribution_spans(
    nlp: Language, name: str, *, model_path: str | None, batch_size: int, device: str,
    precision: str, event_head: bool, event_head_path: str | None, argument_head: bool,
    argument_head_path: str | None, window: int | None, overlap: int | None, only_cue_windows: bool, extra_cues_path: str | None, threads: int,
) -> AttributionSpansTagger:
    """``model_path``: a folder written by ``training/attribution_spans/finetune.py``
    (default: the one eventledger ships). ``device``: ``auto`` (CUDA where torch sees a
    GPU, else the CPU), ``cpu`` or ``cuda``. ``precision``: what the encoder computes in,
    ``fp32``, ``bf16`` or ``auto`` (bfloat16 where the device has it natively, as a CPU
    with AMX; else float32). ``event_head``: also run the event trigger
    head on the same forward pass (``event_head_path``: a folder written by
    ``training/event_heads/train.py``; default: the one eventledger ships).
    ``argument_head``: also run the argument head's projection on that pass
    (``argument_head_path``: a folder written by ``training/event_heads/train_arguments.py``;
    default: the one eventledger ships). ``window``:
    word pieces per window (None: as the tagger was trained, 256); ``overlap``: pieces
    that neighbouring windows share (None: as trained, 62; 30 reads 13% fewer pieces and
    scores the same on PolNeAR dev). ``only_cue_windows``: tag only the windows that hold a cue candidate
    (a reporting word of the cue lexicon, with ``extra_cues_path``'s, a quotation mark,
    "according to"); the others are read only as high as the event head needs.
    ``threads``: torch's threads on the CPU (for the whole process); 0 leaves torch's
    own choice."""
    return AttributionSpansTagger(nlp, name, model_path=model_path, batch_size=batch_size,
                                  device=device, precision=precision,
                                  event_head=event_head,
                                  event_head_path=event_head_path,
                                  argument_head=argument_head,
                                  argument_head_path=argument_head_path, window=window,
                                  overlap=overlap, only_cue_windows=only_cue_windows,
                                  extra_cues_path=extra_cues_path, threads=threads)
