"""A small pretrained transformer, fine-tuned to tag the spans of attributions.

A bundled encoder (``encoders``: all-mpnet-base-v2 in the tagger eventledger ships, or
all-MiniLM-L6-v2; the tagger's ``encoder`` setting names it) reads the document in
overlapping windows of word pieces; its top ``trainable_layers`` layers (six of twelve in
the shipped tagger), fine-tuned on PolNeAR's training articles, and a linear layer give each
piece a BIO tag of CONTENT, CUE or SOURCE. Only the fine-tuned layers are saved with
eventledger (``weights.safetensors``); the word embeddings and the frozen layers are loaded
from the packages, so nothing is downloaded at run time.

A spaCy token takes the tag of its first word piece.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy
from spacy.tokens import Doc

from ..errors import ConfigError
from . import encoders, tagger_cache
from .syntax import doc_text

CONFIG_FILE = "span_transformer.json"
# What span_transformer.json must give (``save`` writes them).
_SETTINGS = ("labels", "trainable_layers", "window", "stride")
WEIGHTS_FILE = "weights.safetensors"
# The files an encoder's pretrained weights may come in.
ENCODER_WEIGHTS = ("model.safetensors", "pytorch_model.bin")
# The longest window, special pieces included, that MPNet's positions reach (514 less the
# two that padding takes).
MAX_WINDOW = 512


@lru_cache(maxsize=2)
def bundled_tokenizer(name: str = encoders.MINILM):
    """The word-piece tokenizer of a bundled encoder."""
    from transformers import AutoTokenizer

    with _quiet_loading():
        return AutoTokenizer.from_pretrained(str(encoders.encoder_dir(name)))


class PieceTokenizer:
    """A bundled encoder's fast tokenizer read from its ``tokenizer.json`` with the
    ``tokenizers`` package, which transformers' fast tokenizer runs too: the same pieces
    and offsets, without importing transformers. Called as ``pieces_of`` calls
    transformers' tokenizer."""

    def __init__(self, folder: Path) -> None:
        from tokenizers import Tokenizer

        self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        # The file's own limits are for sentence embeddings; windows are cut here.
        self._tokenizer.no_truncation()
        self._tokenizer.no_padding()
        special = json.loads((folder / "special_tokens_map.json").read_text(encoding="utf-8"))
        self.cls_token_id = self._special_id(special["cls_token"])
        self.sep_token_id = self._special_id(special["sep_token"])

    def _special_id(self, token: str | dict) -> int:
        found = self._tokenizer.token_to_id(token["content"] if isinstance(token, dict) else token)
        if found is None:
            raise ConfigError(f"the encoder's tokenizer has no special token {token!r}")
        return found

    def __call__(self, text: str, *, add_special_tokens: bool = False,
                 return_offsets_mapping: bool = True, verbose: bool = False) -> dict:
        encoding = self._tokenizer.encode(text, add_special_tokens=add_special_tokens)
        return {"input_ids": encoding.ids, "offset_mapping": encoding.offsets}


@lru_cache(maxsize=2)
def inference_tokenizer(name: str):
    """The tokenizer the tagger runs with: :class:`PieceTokenizer` where the encoder ships a
    ``tokenizer.json``, else transformers' (``bundled_tokenizer``)."""
    folder = encoders.encoder_dir(name)
    if (folder / "tokenizer.json").is_file() and (folder / "special_tokens_map.json").is_file():
        return PieceTokenizer(folder)
    return bundled_tokenizer(name)


@contextmanager
def _quiet_loading() -> Iterator[None]:
    """transformers draws a progress bar while it loads weights; a library must not print."""
    from transformers.utils import logging as hf_logging

    was_on = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        if was_on:
            hf_logging.enable_progress_bar()


def windows(n: int, *, size: int, stride: int) -> list[tuple[int, int, int, int]]:
    """Windows (start, end) over ``n`` pieces, each with the part (keep_start, keep_end) it
    answers for: the middle of an overlap goes to the window it is farther inside."""
    if n <= size:
        return [(0, n, 0, n)]
    margin = (size - stride) // 2
    found = []
    start = 0
    while True:
        end = min(start + size, n)
        keep_start = 0 if start == 0 else start + margin
        keep_end = n if end == n else end - margin
        found.append((start, end, keep_start, keep_end))
        if end == n:
            return found
        start += stride


@dataclass
class Windowing:
    """How the tagger reads documents: windows of ``window`` word pieces (with the two
    special ones) every ``stride`` pieces (None: as the tagger was trained), and
    ``wanted``, for each document read (or None for all), one flag per token: whether it
    may belong to an attribution; a window without any is not tagged."""

    window: int | None = None
    stride: int | None = None
    wanted: list[numpy.ndarray | None] | None = None

    def __post_init__(self) -> None:
        if self.window is not None and not 3 <= self.window <= MAX_WINDOW:
            raise ConfigError(f"attribution span window {self.window}: use 3 to {MAX_WINDOW}")
        inside = (self.window or MAX_WINDOW) - 2
        if self.stride is not None and not 0 < self.stride <= inside:
            raise ConfigError(f"attribution span stride {self.stride}: use 1 to {inside}")

    def wanted_pieces(self, d: int, pieces: Pieces) -> numpy.ndarray | None:
        """Document ``d``'s wanted flags per word piece (a piece is its token's)."""
        if self.wanted is None or self.wanted[d] is None:
            return None
        tokens = self.wanted[d]
        owned = pieces.token >= 0
        flags = numpy.zeros(len(pieces.ids), dtype=bool)
        flags[owned] = tokens[pieces.token[owned]]
        return flags


@dataclass
class Pieces:
    """A document's word pieces: their ids, and the spaCy token each belongs to (-1 for
    none), and which pieces open a token."""

    ids: list[int]
    token: numpy.ndarray
    first: numpy.ndarray


def pieces_of(doc: Doc, tokenizer) -> Pieces:
    encoded = tokenizer(
        doc_text(doc), add_special_tokens=False, return_offsets_mapping=True, verbose=False
    )
    token_of = numpy.full(len(doc_text(doc)) + 1, -1, dtype="int64")
    for t in doc:
        token_of[t.idx : t.idx + len(t.text)] = t.i
    offsets = numpy.array(encoded["offset_mapping"], dtype="int64").reshape(-1, 2)
    owners = numpy.where(offsets[:, 1] > offsets[:, 0], token_of[offsets[:, 0]], -1)
    # A token's pieces follow one another, so its first piece is where the owner changes.
    first = (owners >= 0) & (owners != numpy.concatenate(([-1], owners[:-1])))
    return Pieces(list(encoded["input_ids"]), owners, first)


def bio_labels(labels: list[str]) -> list[str]:
    return ["O"] + [f"{prefix}-{label}" for label in labels for prefix in ("B", "I")]


def spans_from_tags(tags: list[str]) -> list[tuple[int, int, str]]:
    """Token spans (start, end, label) from one BIO tag per token; an I- tag that does not
    continue a span of its label opens one, as the model sometimes misses a B-."""
    spans: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, name = tag.partition("-")
        if start is not None and (prefix != "I" or name != label):
            spans.append((start, i, label))
            start, label = None, None
        if prefix == "B" or (prefix == "I" and start is None):
            start, label = i, name
    return spans


def allowed_transitions(tags: list[str]) -> numpy.ndarray:
    """``allowed[a, b]``: whether tag ``b`` may follow tag ``a``; I-X only continues X."""
    allowed = numpy.ones((len(tags), len(tags)), dtype=bool)
    for b, tag in enumerate(tags):
        if tag.startswith("I-"):
            for a, before in enumerate(tags):
                allowed[a, b] = before[2:] == tag[2:] and before != "O"
    return allowed


def best_path(log_probs: numpy.ndarray, allowed: numpy.ndarray) -> list[int]:
    """The likeliest sequence of tags that is well formed (Viterbi): a long content span
    stays one span where a tag taken word by word would break it at one unsure word."""
    n, k = log_probs.shape
    forbidden = numpy.where(allowed, 0.0, -numpy.inf)
    starts_inside = numpy.array([not allowed[0, j] and j != 0 for j in range(k)])
    score = numpy.where(starts_inside, -numpy.inf, log_probs[0])
    back = numpy.zeros((n, k), dtype="int64")
    for i in range(1, n):
        total = score[:, None] + forbidden
        back[i] = total.argmax(axis=0)
        score = total.max(axis=0) + log_probs[i]
    path = [int(score.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i, path[-1]]))
    return path[::-1]


def build_model(encoder_dir: str, *, labels: list[str], trainable_layers: int,
                inference: bool = False, layers: int | None = None):
    """The encoder with a tagging layer on top; everything below the top
    ``trainable_layers`` layers is frozen. ``inference``: an MPNet encoder is eventledger's
    own (``mpnet``: the same forward pass, without importing transformers); training needs
    transformers' model. ``layers``: keep only the encoder's lowest that many layers (a
    tagger distilled into fewer layers than its encoder has)."""
    import torch

    from . import mpnet

    own = inference and mpnet.read_config(encoder_dir).model_type == mpnet.MODEL_TYPE

    class SpanTagger(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            if own:
                self.encoder = mpnet.load_encoder(encoder_dir)
            else:
                from transformers import AutoModel

                with _quiet_loading():
                    self.encoder = AutoModel.from_pretrained(encoder_dir)
            self.dropout = torch.nn.Dropout(0.1)
            self.classify = torch.nn.Linear(
                self.encoder.config.hidden_size, len(bio_labels(labels))
            )

        def hidden(self, input_ids, attention_mask):
            """The encoder's last hidden states."""
            return self.states(input_ids, attention_mask)[-1]

        def states(self, input_ids, attention_mask, *, every_layer: bool = False,
                   layers: int | None = None):
            """The encoder's hidden states, from one pass: the last layer's alone, or the
            embeddings' and every layer's (for heads that read a lower layer). ``layers``:
            the lowest that many layers only (eventledger's own MPNet encoder)."""
            if layers is not None and not own:
                raise ValueError("only eventledger's own MPNet encoder stops at a layer")
            kwargs = {"layers": layers} if layers is not None else {}
            out = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                               output_hidden_states=every_layer, **kwargs)
            return out.hidden_states if every_layer else (out.last_hidden_state,)

        def forward(self, input_ids, attention_mask):
            return self.classify(self.dropout(self.hidden(input_ids, attention_mask)))

    model = SpanTagger()
    if layers is not None:
        model.encoder.encoder.layer = model.encoder.encoder.layer[:layers]
        model.encoder.config.num_hidden_layers = layers
    n_layers = model.encoder.config.num_hidden_layers
    for name, parameter in model.named_parameters():
        parameter.requires_grad = is_trainable(name, n_layers, trainable_layers)
    return model


def run_layers(encoder, hidden, mask, layers):
    """``hidden`` (a batch of windows' hidden states) through ``layers`` of ``encoder``, as
    the encoder's own forward pass runs them: training runs the frozen layers once and
    keeps what they give."""
    from transformers.masking_utils import create_bidirectional_mask

    extended = create_bidirectional_mask(
        config=encoder.config, inputs_embeds=hidden, attention_mask=mask
    )
    # MPNet adds a relative position bias that its encoder works out once for all layers.
    extra = {}
    if hasattr(encoder.encoder, "compute_position_bias"):
        extra["position_bias"] = encoder.encoder.compute_position_bias(hidden)
    for layer in layers:
        out = layer(hidden, attention_mask=extended, **extra)
        # Some layers give a tuple (hidden states, attentions), others the states alone.
        hidden = out[0] if isinstance(out, tuple) else out
    return hidden


def is_trainable(name: str, n_layers: int, trainable_layers: int) -> bool:
    if name.startswith("classify."):
        return True
    return any(
        name.startswith(f"encoder.encoder.layer.{i}.")
        for i in range(n_layers - trainable_layers, n_layers)
    )


def padded(rows: list[list[int]]):
    """Rows of piece ids as a zero-padded id tensor and its attention mask."""
    import torch

    longest = max(len(row) for row in rows)
    input_ids = torch.zeros((len(rows), longest), dtype=torch.long)
    mask = torch.zeros((len(rows), longest), dtype=torch.long)
    for i, row in enumerate(rows):
        input_ids[i, : len(row)] = torch.tensor(row)
        mask[i, : len(row)] = 1
    return input_ids, mask


DEVICES = ("auto", "cpu", "cuda")
PRECISIONS = ("auto", "fp32", "bf16")
# CPU flags of native bfloat16 arithmetic (AMX tiles, AVX-512 BF16): where the CPU has
# none, bfloat16 is emulated and slower than float32.
_BF16_FLAGS = ("amx_bf16", "avx512_bf16")


def resolve_device(device: str) -> str:
    """The torch device the tagger runs on: ``auto`` is CUDA where torch sees a GPU, else
    the CPU; ``cuda`` without one is a configuration error, not a silent fall back."""
    import torch

    if device not in DEVICES:
        raise ConfigError(f"attribution span device {device!r}: use one of {', '.join(DEVICES)}")
    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if device == "cuda" and not torch.cuda.is_available():
        raise ConfigError("attribution span device 'cuda': torch sees no CUDA device here")
    return device


def use_threads(threads: int) -> None:
    """Let torch compute with ``threads`` threads on the CPU (a setting of the whole
    process); 0 leaves torch's own choice."""
    if threads < 0:
        raise ConfigError(f"attribution span threads {threads}: use 0 or more")
    if threads:
        import torch

        torch.set_num_threads(threads)


def cpu_has_native_bf16() -> bool:
    """Whether this CPU computes in bfloat16 natively (its flags in /proc/cpuinfo)."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("flags"):
                    return any(flag in line.split() for flag in _BF16_FLAGS)
    except OSError:
        pass
    return False


def resolve_precision(precision: str, device: str) -> str:
    """The precision the encoder computes in on ``device`` (``cpu`` or ``cuda``): ``auto``
    is bfloat16 where the device computes in it natively (a CPU with AMX or AVX-512 BF16,
    a CUDA device that supports it), else float32."""
    import torch

    if precision not in PRECISIONS:
        raise ConfigError(f"attribution span precision {precision!r}: use one of "
                          f"{', '.join(PRECISIONS)}")
    if precision != "auto":
        return precision
    if device == "cuda":
        return "bf16" if torch.cuda.is_bf16_supported() else "fp32"
    return "bf16" if cpu_has_native_bf16() else "fp32"


class SpanTransformer:
    """The fine-tuned tagger, loaded from a folder written by ``save``, on ``device``
    (``auto``, ``cpu`` or ``cuda``), its encoder computing in ``precision`` (``auto``,
    ``fp32`` or ``bf16``: matrix products in bfloat16, through torch's autocast; the
    tagging layer and the heads read its states in float32)."""

    def __init__(self, path: str, device: str = "auto", precision: str = "fp32") -> None:
        import torch

        try:
            self.config = json.loads((Path(path) / CONFIG_FILE).read_text(encoding="utf-8"))
            labels, trainable_layers, _window, _stride = [self.config[k] for k in _SETTINGS]
        except (OSError, ValueError, KeyError) as exc:
            raise ConfigError(f"attribution span model not readable at {path}: {exc!r}") from exc
        self.labels = bio_labels(labels)
        self.allowed = allowed_transitions(self.labels)
        # For each label, the columns of its B- and I- tags (a span's score sums them).
        self._inside = {
            label: [i for i, tag in enumerate(self.labels) if tag[2:] == label]
            for label in labels
        }
        # Taggers saved before the encoder was a setting are all built on MiniLM.
        self.encoder = self.config.get("encoder", encoders.MINILM)
        self.tokenizer = inference_tokenizer(self.encoder)
        self.model = build_model(
            str(encoders.encoder_dir(self.encoder)), labels=labels,
            trainable_layers=trainable_layers, inference=True,
            layers=self.config.get("layers"),
        )
        self.device = resolve_device(device)
        self.precision = resolve_precision(precision, self.device)
        self._torch = torch
        self._load_weights(path)
        self.model.eval()
        self.n_layers = self.model.encoder.config.num_hidden_layers
        # Only eventledger's own encoder can stop below its top layer.
        from . import mpnet

        self.stops_early = isinstance(self.model.encoder, mpnet.MPNetEncoder)
        if self.precision == "bf16" and self.stops_early:
            # Much faster in bfloat16 (``MPNetEncoder.fuse_attention``).
            self.model.encoder.fuse_attention()
        # A piece's log probabilities where the tagger was not run: "O", surely.
        self._outside = numpy.full(len(self.labels), -numpy.inf, dtype="float32")
        self._outside[self.labels.index("O")] = 0.0

    def piece_scores_of(
        self, docs: list[Doc], *, windows_per_step: int = 16, windowing: Windowing | None = None
    ) -> list[tuple[Pieces, numpy.ndarray]]:
        """Each document's word pieces and their tags' log probabilities. The windows of all
        ``docs`` are read in steps of ``windows_per_step``, so short documents share a
        forward pass."""
        outputs = self.piece_outputs_of(docs, windows_per_step=windows_per_step,
                                        windowing=windowing)
        return [(p, scores) for p, scores, _heads in outputs]

    def piece_outputs_of(
        self, docs: list[Doc], *, windows_per_step: int = 16, heads: dict | None = None,
        windowing: Windowing | None = None,
    ) -> list[tuple[Pieces, numpy.ndarray, dict[str, numpy.ndarray]]]:
        """``piece_scores_of`` and, for each of ``heads`` (name -> a callable from the
        encoder's hidden states, a tuple of the embeddings' and each layer's output for a
        batch of windows, to one row of numbers per piece), its rows for each piece: every
        head reads the same forward pass of the encoder, as spaCy's transformer listeners
        share one transformer.

        ``windowing``: the windows' size and stride (default: those the tagger was trained
        with), and which tokens of each document may belong to an attribution; a window
        with none of them is tagged "O" throughout without the tagger, and the encoder
        reads it only as high as the heads need (not at all without heads)."""
        heads = heads or {}
        windowing = windowing or Windowing()
        size = windowing.window or self.config["window"]
        stride = windowing.stride or self.config["stride"]
        pieces = [pieces_of(doc, self.tokenizer) for doc in docs]
        rows = []  # (document, window start, keep_start, keep_end, piece ids, tagged)
        for d, p in enumerate(pieces):
            wanted = windowing.wanted_pieces(d, p)
            for start, end, keep_start, keep_end in windows(len(p.ids), size=size - 2,
                                                            stride=stride):
                ids = [self.tokenizer.cls_token_id, *p.ids[start:end],
                       self.tokenizer.sep_token_id]
                tagged = wanted is None or bool(wanted[start:end].any())
                rows.append((d, start, keep_start, keep_end, ids, tagged))
        scores = [numpy.zeros((len(p.ids), len(self.labels)), dtype="float32") for p in pieces]
        extra: dict[str, list] = {name: [None] * len(pieces) for name in heads}
        head_layers = self._layers_for(heads)
        if head_layers == self.n_layers:
            # The heads need every layer anyway: the tagging layer on top costs nothing.
            rows = [(*row[:5], True) for row in rows]
        for d, _start, keep_start, keep_end, _ids, tagged in rows:
            if not tagged:
                scores[d][keep_start:keep_end] = self._outside
        # Windows of like length share a step, so little of a step is padding; windows the
        # tagger reads and those only the heads read go in steps of their own.
        order = sorted(range(len(rows)), key=lambda r: (not rows[r][5], len(rows[r][4])))
        order = [r for r in order if rows[r][5] or heads]
        steps = [order[i : i + windows_per_step] for i in range(0, len(order), windows_per_step)]
        steps = [
            part for step in steps
            for part in ([r for r in step if rows[r][5]], [r for r in step if not rows[r][5]])
            if part
        ]
        for step in steps:
            chosen = [rows[r] for r in step]
            tagged = chosen[0][5]
            input_ids, mask = padded([row[4] for row in chosen])
            with self._torch.inference_mode():
                states = self.encoder_states(input_ids, mask, every_layer=bool(heads),
                                      layers=None if tagged else head_layers)
                out = None
                if tagged:
                    logits = self.model.classify(states[-1])
                    out = self._torch.log_softmax(logits, dim=-1).cpu().numpy()
                head_out = {name: head(states).float().cpu().numpy()
                            for name, head in heads.items()}
            for i, (d, start, keep_start, keep_end, _ids, _tagged) in enumerate(chosen):
                # +1 for the [CLS] piece that opens each window.
                if out is not None:
                    scores[d][keep_start:keep_end] = out[i, keep_start - start + 1 :
                                                         keep_end - start + 1]
                for name, head_rows in head_out.items():
                    if extra[name][d] is None:
                        extra[name][d] = numpy.zeros(
                            (len(pieces[d].ids), head_rows.shape[-1]), dtype="float32"
                        )
                    extra[name][d][keep_start:keep_end] = head_rows[
                        i, keep_start - start + 1 : keep_end - start + 1
                    ]
        return [
            (p, s, {name: _rows_or_empty(extra[name][d], len(p.ids)) for name in heads})
            for d, (p, s) in enumerate(zip(pieces, scores, strict=True))
        ]

    def _layers_for(self, heads: dict) -> int:
        """How many layers of the encoder ``heads`` read: up to the highest ``layer`` of
        theirs (an index into the embeddings' and each layer's states), every layer for a
        head that names none or reads the top one."""
        if not self.stops_early:
            return self.n_layers
        needed = [getattr(head, "layer", -1) for head in heads.values()]
        return max((self.n_layers if n < 0 else n for n in needed), default=0)

    def _load_weights(self, path: str) -> None:
        """The tuned layers into the model, on the device, in the precision; on the CPU
        converted once and read back from eventledger's cache at later starts
        (``tagger_cache``)."""

        def convert() -> None:
            load_tuned(self.model, path)
            self.model.to(self.device)
            if self.precision == "bf16":
                self._to_bfloat16()

        self.weights_from_cache = False
        if self.device != "cpu":
            convert()
            return
        self.weights_from_cache = tagger_cache.load_converted(
            self.model, self._cache_path(path), convert, made_from=Path(path))

    def _cache_path(self, path: str) -> Path | None:
        """The cache file of this tagger's converted weights, keyed on the files they are
        made of and the precision; None where those files cannot be read."""
        encoder = encoders.encoder_dir(self.encoder)
        files = [Path(path) / WEIGHTS_FILE, Path(path) / CONFIG_FILE, encoder / "config.json"]
        files += [encoder / name for name in ENCODER_WEIGHTS if (encoder / name).is_file()]
        try:
            key = tagger_cache.cache_key(files, [self.device, self.precision])
        except OSError:
            return None
        owner = [str(Path(path).resolve()), self.device, self.precision]
        return tagger_cache.cache_path(encoders.cache_dir(), owner, key)

    def _to_bfloat16(self) -> None:
        """The encoder's linear layers in bfloat16 once, rather than cast at each pass by
        autocast (which casts what it is given in float32). Layer norms stay in float32."""
        for module in self.model.encoder.modules():
            if isinstance(module, self._torch.nn.Linear):
                module.to(self._torch.bfloat16)

    def encoder_states(self, input_ids, mask, *, every_layer: bool, layers: int | None = None):
        """The encoder's hidden states for a batch of windows (up to ``layers``), in
        float32 whatever the precision it computed in."""
        input_ids, mask = input_ids.to(self.device), mask.to(self.device)
        if layers is not None and layers >= self.n_layers:
            layers = None
        if self.precision == "fp32":
            return self.model.states(input_ids, mask, every_layer=every_layer, layers=layers)
        with self._torch.autocast(self.device, dtype=self._torch.bfloat16):
            states = self.model.states(input_ids, mask, every_layer=every_layer,
                                       layers=layers)
        return tuple(s.float() for s in states)

    def token_tags_of(self, docs: list[Doc]) -> list[list[str]]:
        """One BIO tag per token of each document: the likeliest well-formed tags of the
        tokens' first pieces."""
        return [tags for tags, _probs in self._tags_and_probs(docs)]

    def _tags_and_probs(
        self, docs: list[Doc], windowing: Windowing | None = None
    ) -> list[tuple[list[str], numpy.ndarray]]:
        """Each document's tags (as ``token_tags_of``) and each token's probability of
        each BIO tag (read off its first piece; zero for a token without pieces)."""
        return self._tags_and_probs_of(docs, self.piece_scores_of(docs, windowing=windowing))

    def _tags_and_probs_of(
        self, docs: list[Doc], outputs: list[tuple[Pieces, numpy.ndarray]]
    ) -> list[tuple[list[str], numpy.ndarray]]:
        result = []
        for doc, (p, piece_scores) in zip(docs, outputs, strict=True):
            doc_tags = ["O"] * len(doc)
            probs = numpy.zeros((len(doc), len(self.labels)), dtype="float32")
            firsts = numpy.flatnonzero(p.first)
            if len(firsts):
                path = best_path(piece_scores[firsts], self.allowed)
                for piece, tag in zip(firsts, path, strict=True):
                    doc_tags[p.token[piece]] = self.labels[tag]
                probs[p.token[firsts]] = numpy.exp(piece_scores[firsts])
            result.append((doc_tags, probs))
        return result

    def spans_of(self, docs: list[Doc]) -> list[list[tuple[int, int, str]]]:
        return [spans_from_tags(tags) for tags in self.token_tags_of(docs)]

    def scored_spans_of(
        self, docs: list[Doc], windowing: Windowing | None = None
    ) -> list[list[tuple[int, int, str, float]]]:
        """``spans_of`` with a confidence for each span: the mean, over its tokens, of
        the probability that the token is inside a span of that label (B- or I-)."""
        return self._scored(self._tags_and_probs(docs, windowing))

    def scored_spans_and_heads_of(
        self, docs: list[Doc], heads: dict, windowing: Windowing | None = None
    ) -> list[tuple[list[tuple[int, int, str, float]], dict[str, numpy.ndarray]]]:
        """``scored_spans_of`` and, from the same forward pass, each of ``heads``' rows
        for each token (``token_rows``)."""
        outputs = self.piece_outputs_of(docs, heads=heads, windowing=windowing)
        scored = self._scored(self._tags_and_probs_of(docs, [(p, s) for p, s, _ in outputs]))
        return [
            (spans, {name: token_rows(doc, p, rows) for name, rows in head_rows.items()})
            for doc, spans, (p, _s, head_rows) in zip(docs, scored, outputs, strict=True)
        ]

    def _scored(self, tags_and_probs) -> list[list[tuple[int, int, str, float]]]:
        result = []
        for tags, probs in tags_and_probs:
            result.append([
                (start, end, label,
                 float(probs[start:end][:, self._inside[label]].sum(axis=1).mean()))
                for start, end, label in spans_from_tags(tags)
            ])
        return result


def _rows_or_empty(rows: numpy.ndarray | None, n: int) -> numpy.ndarray:
    """A head's rows for a document, or none where the document has no pieces."""
    return rows if rows is not None else numpy.zeros((n, 0), dtype="float32")


def token_rows(doc: Doc, pieces: Pieces, rows: numpy.ndarray) -> numpy.ndarray:
    """One row per token of ``doc``: the row of its first piece (zeros for a token without
    pieces), as a token takes the tag of its first piece."""
    result = numpy.zeros((len(doc), rows.shape[-1]), dtype="float32")
    firsts = numpy.flatnonzero(pieces.first)
    if len(firsts) and rows.shape[-1]:
        result[pieces.token[firsts]] = rows[firsts]
    return result


def load_tuned(model, path: str | Path) -> None:
    """Put the tuned layers that ``save`` wrote in ``path`` into ``model`` (one from
    ``build_model``); the rest of it stays as the package ships it."""
    from safetensors.torch import load_file

    try:
        tuned = load_file(str(Path(path) / WEIGHTS_FILE))
    except OSError as exc:
        raise ConfigError(f"attribution span model not readable at {path}: {exc!r}") from exc
    unknown = set(tuned) - set(model.state_dict())
    if unknown:
        raise ConfigError(f"{path}: weights for unknown parameters {sorted(unknown)[:3]}")
    # The converted tensors become the parameters (assign): copying them into the shipped
    # encoder's weights, which are mapped from its file, first made the system copy those
    # pages only to overwrite them (a third of a second of every start).
    model.load_state_dict({k: v.float() for k, v in tuned.items()}, strict=False, assign=True)


def save(model, folder: Path, *, labels: list[str], trainable_layers: int, window: int,
         stride: int, meta: dict) -> None:
    """The fine-tuned layers only, in half precision, and the settings to rebuild the rest."""
    from safetensors.torch import save_file

    folder.mkdir(parents=True, exist_ok=True)
    n_layers = model.encoder.config.num_hidden_layers
    tuned = {
        name: tensor.detach().half().contiguous()
        for name, tensor in model.state_dict().items()
        if is_trainable(name, n_layers, trainable_layers)
    }
    save_file(tuned, str(folder / WEIGHTS_FILE))
    config = {"labels": labels, "trainable_layers": trainable_layers, "window": window,
              "stride": stride, **meta}
    (folder / CONFIG_FILE).write_text(json.dumps(config, indent=2), encoding="utf-8")


def load(path: str, device: str = "auto", precision: str = "fp32") -> SpanTransformer:
    """The tagger in ``path`` on ``device`` in ``precision``, loaded once per process for
    each folder, device and precision it resolves to ("auto" and "cpu" share one copy on a
    machine without a GPU)."""
    resolved = resolve_device(device)
    return _load(path, resolved, resolve_precision(precision, resolved))


@lru_cache(maxsize=2)
def _load(path: str, device: str, precision: str) -> SpanTransformer:
    return SpanTransformer(path, device, precision)
