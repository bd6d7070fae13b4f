"""A trained head that tags event triggers with their PLOVER types, on the attribution
tagger's forward pass.

The attribution span tagger (``span_transformer``) reads each window of word pieces once;
this head is a linear layer, or a small MLP (``hidden`` units in its settings), over hidden
states of that same pass, so events cost a head, not a second pass of the encoder. The shipped head reads the output of the frozen lower
six layers (``layer`` 6 in its settings), which the tagger computes on its way to its
tuned top: on held-out training texts that serves events much better than the tagger's
last hidden states, which its tuning for attributions has specialised
(``training/event_heads/compare_layers.py``). It gives each piece a probability of each
BIO tag of the PLOVER types (``B-ASSAULT``, ``I-ASSAULT``, ..., ``O``); a token reads its
first piece's.

The shipped head is in ``data/event_head``: ``event_head.json`` (its labels, the encoder it
reads, and the default thresholds with which the events component combines it with its
rules) and ``head.safetensors``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import ConfigError
from .span_transformer import bio_labels

CONFIG_FILE = "event_head.json"
WEIGHTS_FILE = "head.safetensors"
# What event_head.json must give (``save`` writes them).
_SETTINGS = ("types", "encoder", "hidden_size", "thresholds")


def packaged_head_path() -> Path:
    return Path(str(resources.files("eventledger") / "data" / "event_head"))


class EventHead:
    """The head in ``path``: called on the encoder's hidden states (the embeddings' and
    each layer's, ``SpanTransformer.piece_outputs_of``), it reads those of its ``layer``
    and gives each piece the probability of each of ``labels``."""

    def __init__(self, path: str | Path) -> None:
        import torch
        from safetensors.torch import load_file

        try:
            self.config = json.loads((Path(path) / CONFIG_FILE).read_text(encoding="utf-8"))
            self.types, self.encoder, hidden_size, self.thresholds = [
                self.config[k] for k in _SETTINGS
            ]
            weights = load_file(str(Path(path) / WEIGHTS_FILE))
        except (OSError, ValueError, KeyError) as exc:
            raise ConfigError(f"event head not readable at {path}: {exc!r}") from exc
        self.labels = bio_labels(self.types)
        # Which hidden states it reads: an index into (embeddings, layer 1, ..., layer 12).
        self.layer = int(self.config.get("layer", -1))
        self.linear = build(hidden_size, len(self.labels), int(self.config.get("hidden", 0)))
        try:
            self.linear.load_state_dict({k: v.float() for k, v in weights.items()})
        except RuntimeError as exc:
            raise ConfigError(f"event head at {path} does not fit its settings: {exc}") from exc
        self.linear.eval()
        self._torch = torch

    def __call__(self, states):
        hidden = states[self.layer]
        with self._torch.inference_mode():
            linear = self.linear.to(hidden.device)
            return self._torch.softmax(linear(hidden.float()), dim=-1)


def build(in_size: int, n_labels: int, hidden: int = 0):
    """A linear head, or with ``hidden`` units an MLP of one hidden layer."""
    import torch

    if not hidden:
        return torch.nn.Linear(in_size, n_labels)
    return torch.nn.Sequential(torch.nn.Linear(in_size, hidden), torch.nn.GELU(),
                               torch.nn.Dropout(0.1), torch.nn.Linear(hidden, n_labels))


def save(layer, folder: Path, *, types: list[str], encoder: str, thresholds: dict,
         meta: dict, reads: int = -1) -> None:
    """The head's weights (``build``'s module) and the settings to rebuild it."""
    import torch
    from safetensors.torch import save_file

    folder.mkdir(parents=True, exist_ok=True)
    save_file({k: v.detach().float().contiguous() for k, v in layer.state_dict().items()},
              str(folder / WEIGHTS_FILE))
    first = layer[0] if isinstance(layer, torch.nn.Sequential) else layer
    hidden = first.out_features if isinstance(layer, torch.nn.Sequential) else 0
    config = {"types": types, "encoder": encoder, "hidden_size": first.in_features,
              "hidden": hidden, "layer": reads, "thresholds": thresholds, **meta}
    (folder / CONFIG_FILE).write_text(json.dumps(config, indent=2), encoding="utf-8")


@lru_cache(maxsize=2)
def load(path: str) -> EventHead:
    """The head in ``path``, loaded once per process."""
    return EventHead(path)
