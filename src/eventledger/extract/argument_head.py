"""A trained head that tells the arguments of an event (actor, recipient, location), on the
attribution tagger's forward pass.

Like the event head (``event_head``), it reads hidden states of the pass the attribution
span tagger makes anyway (the frozen lower six layers' output, ``layer`` 6), so arguments
cost a head, not a second pass of the encoder. Those states serve it better than the
tagger's last ones, which its tuning for attributions has specialised: out of fold on the
event_location train half, places chosen with layer 6 make 1,602 of 2,208 records right,
with the last layer 1,566 (the rules alone 1,498; ``train_arguments.py --kinds 0`` on
``prepare_arguments.py --layer 6`` and ``--layer -1``). Its part on the pass is a projection of
each word piece's state to a few units (``projection``); the events component then scores
each (trigger, candidate) pair with the head's pair scorer: the two words' projected states,
their product, and the parse features of ``events.argument_features`` go through a small
MLP that gives the probability of each role. A token reads its first piece's state.

The shipped head is in ``data/argument_head``: ``argument_head.json`` (its roles, the types
and features it was trained with, the encoder it reads and the thresholds with which the
events component combines it with its rules) and ``head.safetensors``. It is trained by
``training/event_heads/prepare_arguments.py`` and ``train_arguments.py``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import ConfigError

CONFIG_FILE = "argument_head.json"
WEIGHTS_FILE = "head.safetensors"
# What argument_head.json must give (``save`` writes them).
_SETTINGS = ("roles", "types", "features", "encoder", "hidden_size", "projection", "hidden",
             "layer", "thresholds")


def packaged_head_path() -> Path:
    return Path(str(resources.files("eventledger") / "data" / "argument_head"))


def build(hidden_size: int, projection: int, n_features: int, hidden: int, n_roles: int):
    """The head's modules: ``projection`` (on the encoder's pass) and ``scorer`` (of pairs)."""
    import torch

    return torch.nn.ModuleDict({
        "projection": torch.nn.Linear(hidden_size, projection),
        "scorer": torch.nn.Sequential(
            torch.nn.Linear(3 * projection + n_features, hidden), torch.nn.GELU(),
            torch.nn.Dropout(0.1), torch.nn.Linear(hidden, n_roles)),
    })


def pair_logits(modules, triggers, candidates, features):
    """Each pair's logit of each role, from the projected states of its trigger and its
    candidate (rows of the same length) and its parse features."""
    import torch

    return modules["scorer"](torch.cat([triggers, candidates, triggers * candidates,
                                        features], dim=-1))


class ArgumentHead:
    """The head in ``path``: called on the encoder's hidden states (the embeddings' and each
    layer's), it projects those of its ``layer``; ``score`` gives pairs their roles'
    probabilities."""

    def __init__(self, path: str | Path) -> None:
        import torch
        from safetensors.torch import load_file

        self.path = str(path)
        try:
            self.config = json.loads((Path(path) / CONFIG_FILE).read_text(encoding="utf-8"))
            (self.roles, self.types, self.features, self.encoder, hidden_size, projection,
             hidden, self.layer, self.thresholds) = [self.config[k] for k in _SETTINGS]
            weights = load_file(str(Path(path) / WEIGHTS_FILE))
        except (OSError, ValueError, KeyError) as exc:
            raise ConfigError(f"argument head not readable at {path}: {exc!r}") from exc
        self.modules = build(hidden_size, projection, len(self.features), hidden,
                             len(self.roles))
        try:
            self.modules.load_state_dict({k: v.float() for k, v in weights.items()})
        except RuntimeError as exc:
            raise ConfigError(f"argument head at {path} does not fit its settings: {exc}"
                              ) from exc
        self.modules.eval()
        self._torch = torch

    def __call__(self, states):
        hidden = states[self.layer]
        with self._torch.inference_mode():
            projection = self.modules["projection"].to(hidden.device)
            return projection(hidden.float())

    def score(self, triggers, candidates, features):
        """Each pair's probability of each of ``roles`` (numpy rows): ``triggers`` and
        ``candidates``, the projected states of the pairs' two words; ``features``, their
        ``argument_features.pair_features``."""
        torch = self._torch
        with torch.inference_mode():
            logits = pair_logits(self.modules, torch.as_tensor(triggers, dtype=torch.float32),
                                 torch.as_tensor(candidates, dtype=torch.float32),
                                 torch.as_tensor(features, dtype=torch.float32))
            return torch.sigmoid(logits).numpy()


def save(modules, folder: Path, *, roles: list[str], types: list[str], features: list[str],
         encoder: str, layer: int, thresholds: dict, meta: dict) -> None:
    """The head's weights (``build``'s modules) and the settings to rebuild it."""
    from safetensors.torch import save_file

    folder.mkdir(parents=True, exist_ok=True)
    save_file({k: v.detach().float().contiguous() for k, v in modules.state_dict().items()},
              str(folder / WEIGHTS_FILE))
    projection = modules["projection"]
    config = {"roles": roles, "types": types, "features": features, "encoder": encoder,
              "hidden_size": projection.in_features, "projection": projection.out_features,
              "hidden": modules["scorer"][0].out_features, "layer": layer,
              "thresholds": thresholds, **meta}
    (folder / CONFIG_FILE).write_text(json.dumps(config, indent=2), encoding="utf-8")


@lru_cache(maxsize=2)
def load(path: str) -> ArgumentHead:
    """The head in ``path``, loaded once per process."""
    return ArgumentHead(path)
