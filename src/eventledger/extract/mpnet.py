"""MPNet's encoder for inference, in PyTorch alone: the attribution tagger's forward pass
without importing transformers, whose modules take seconds to import at each start.

The modules and their parameters are named as transformers' ``MPNetModel`` names them, so
the bundled ``model.safetensors`` and the tagger's tuned layers load as they are; the
operations are the same, in the same order, so the hidden states are the same to the bit
(``tests/test_span_transformer.py`` compares them). Training keeps transformers' model
(``span_transformer.build_model``), which has dropout and the rest.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from types import SimpleNamespace

import torch
from torch import nn

MODEL_TYPE = "mpnet"
_PADDING_IDX = 1


def read_config(encoder_dir: str | Path) -> SimpleNamespace:
    data = json.loads((Path(encoder_dir) / "config.json").read_text(encoding="utf-8"))
    return SimpleNamespace(**data)


def _embedding(count: int, size: int, padding_idx: int | None = None) -> nn.Embedding:
    """An embedding table given its (empty) weight: one that initialises its own draws it
    at random, which on the meta device imports torch's compiler (seconds at each start),
    only for the loaded weights to replace it."""
    return nn.Embedding(count, size, padding_idx=padding_idx, _weight=torch.empty(count, size))


class _Embeddings(nn.Module):
    def __init__(self, config: SimpleNamespace) -> None:
        super().__init__()
        self.word_embeddings = _embedding(config.vocab_size, config.hidden_size,
                                          padding_idx=_PADDING_IDX)
        self.position_embeddings = _embedding(config.max_position_embeddings,
                                              config.hidden_size, padding_idx=_PADDING_IDX)
        self.LayerNorm = nn.LayerNorm(config.hidden_size, eps=config.layer_norm_eps)

    def forward(self, input_ids: torch.Tensor) -> torch.Tensor:
        # Positions count the pieces that are not padding, from padding_idx + 1.
        mask = input_ids.ne(_PADDING_IDX).int()
        positions = (torch.cumsum(mask, dim=1).type_as(mask) * mask).long() + _PADDING_IDX
        embeddings = self.word_embeddings(input_ids) + self.position_embeddings(positions)
        return self.LayerNorm(embeddings)


class _SelfAttention(nn.Module):
    def __init__(self, config: SimpleNamespace) -> None:
        super().__init__()
        self.head_size = config.hidden_size // config.num_attention_heads
        self.q = nn.Linear(config.hidden_size, config.hidden_size)
        self.k = nn.Linear(config.hidden_size, config.hidden_size)
        self.v = nn.Linear(config.hidden_size, config.hidden_size)
        self.o = nn.Linear(config.hidden_size, config.hidden_size)
        # One fused kernel for the attention (``MPNetEncoder.fuse_attention``).
        self.fused = False

    def forward(self, hidden, mask, position_bias):
        shape = (*hidden.shape[:-1], -1, self.head_size)
        q = self.q(hidden).view(shape).transpose(1, 2)
        k = self.k(hidden).view(shape).transpose(1, 2)
        v = self.v(hidden).view(shape).transpose(1, 2)
        if self.fused:
            # ``position_bias`` holds the mask already (``_Encoder.forward``).
            context = nn.functional.scaled_dot_product_attention(
                q, k, v, attn_mask=position_bias.to(q.dtype))
            context = context.permute(0, 2, 1, 3).contiguous()
            return self.o(context.view(*context.shape[:-2], -1))
        scores = torch.matmul(q, k.transpose(-1, -2))
        scores = scores / math.sqrt(self.head_size)
        scores += position_bias
        if mask is not None:
            scores = scores + mask
        context = torch.matmul(nn.functional.softmax(scores, dim=-1), v)
        context = context.permute(0, 2, 1, 3).contiguous()
        return self.o(context.view(*context.shape[:-2], -1))


class _Attention(nn.Module):
    def __init__(self, config: SimpleNamespace) -> None:
        super().__init__()
        self.attn = _SelfAttention(config)
        self.LayerNorm = nn.LayerNorm(config.hidden_size, eps=config.layer_norm_eps)

    def forward(self, hidden, mask, position_bias):
        return self.LayerNorm(self.attn(hidden, mask, position_bias) + hidden)


class _Dense(nn.Module):
    def __init__(self, n_in: int, n_out: int, eps: float | None = None) -> None:
        super().__init__()
        self.dense = nn.Linear(n_in, n_out)
        if eps is not None:
            self.LayerNorm = nn.LayerNorm(n_out, eps=eps)


class _Layer(nn.Module):
    def __init__(self, config: SimpleNamespace) -> None:
        super().__init__()
        self.attention = _Attention(config)
        self.intermediate = _Dense(config.hidden_size, config.intermediate_size)
        self.output = _Dense(config.intermediate_size, config.hidden_size, config.layer_norm_eps)

    def forward(self, hidden, mask, position_bias):
        attended = self.attention(hidden, mask, position_bias)
        inner = nn.functional.gelu(self.intermediate.dense(attended))
        return self.output.LayerNorm(self.output.dense(inner) + attended)


class _Encoder(nn.Module):
    def __init__(self, config: SimpleNamespace) -> None:
        super().__init__()
        self.layer = nn.ModuleList([_Layer(config) for _ in range(config.num_hidden_layers)])
        self.relative_attention_bias = _embedding(config.relative_attention_num_buckets,
                                                  config.num_attention_heads)

    def forward(self, hidden, mask, every: list | None = None, layers: int | None = None):
        """The last layer's states; ``every``, when given, gets the input's and each
        layer's states (as transformers' ``hidden_states``). ``layers``: run the lowest
        this many layers only (a head that reads a lower layer needs no more)."""
        position_bias = self.compute_position_bias(hidden)
        if self.layer[0].attention.attn.fused:
            # The fused attention takes the bias and the mask as one, in the precision it
            # computes in, made once for every layer.
            if mask is not None:
                position_bias = position_bias + mask
            if torch.is_autocast_enabled(hidden.device.type):
                position_bias = position_bias.to(torch.get_autocast_dtype(hidden.device.type))
            mask = None
        if every is not None:
            every.append(hidden)
        for layer in self.layer[:layers]:
            hidden = layer(hidden, mask, position_bias)
            if every is not None:
                every.append(hidden)
        return hidden

    def compute_position_bias(self, x, num_buckets: int = 32):
        batch, length = x.size(0), x.size(1)
        context = torch.arange(length, dtype=torch.long, device=x.device)[:, None]
        memory = torch.arange(length, dtype=torch.long, device=x.device)[None, :]
        bucket = _relative_position_bucket(memory - context, num_buckets=num_buckets)
        values = self.relative_attention_bias(bucket).permute([2, 0, 1]).unsqueeze(0)
        return values.expand((batch, -1, length, length)).contiguous()


def _relative_position_bucket(relative_position, num_buckets: int = 32,
                              max_distance: int = 128):
    ret = 0
    n = -relative_position
    num_buckets //= 2
    ret += (n < 0).to(torch.long) * num_buckets
    n = torch.abs(n)
    max_exact = num_buckets // 2
    is_small = n < max_exact
    val_if_large = max_exact + (
        torch.log(n.float() / max_exact) / math.log(max_distance / max_exact)
        * (num_buckets - max_exact)
    ).to(torch.long)
    val_if_large = torch.min(val_if_large, torch.full_like(val_if_large, num_buckets - 1))
    ret += torch.where(is_small, n, val_if_large)
    return ret


class MPNetEncoder(nn.Module):
    """``MPNetModel``'s forward pass for inference: ``last_hidden_state`` of each piece,
    and with ``output_hidden_states`` the embeddings' and every layer's (``hidden_states``),
    which the event head reads; ``layers`` stops after that many layers."""

    def __init__(self, config: SimpleNamespace) -> None:
        super().__init__()
        self.config = config
        self.embeddings = _Embeddings(config)
        self.encoder = _Encoder(config)
        # Shipped in the checkpoint; the tagger reads the pieces' states, not the pooled one.
        self.pooler = _Dense(config.hidden_size, config.hidden_size)

    def fuse_attention(self, on: bool = True) -> None:
        """Compute attention with torch's fused kernel (``scaled_dot_product_attention``):
        much faster in bfloat16, but no longer the same to the bit as transformers'."""
        for layer in self.encoder.layer:
            layer.attention.attn.fused = on

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor | None = None,
                output_hidden_states: bool = False, layers: int | None = None):
        hidden = self.embeddings(input_ids)
        mask = None
        if attention_mask is not None and not bool(attention_mask.all()):
            # The additive mask transformers builds for eager attention: 0 or the lowest float.
            keep = attention_mask[:, None, None, :].bool()
            mask = torch.zeros(keep.shape, dtype=hidden.dtype, device=hidden.device)
            mask = mask.masked_fill(~keep, torch.finfo(hidden.dtype).min)
        every: list | None = [] if output_hidden_states else None
        last = self.encoder(hidden, mask, every, layers)
        return SimpleNamespace(last_hidden_state=last,
                               hidden_states=tuple(every) if every is not None else None)


def load_encoder(encoder_dir: str | Path) -> MPNetEncoder:
    """The pretrained encoder in ``encoder_dir`` (its ``config.json`` and
    ``model.safetensors``)."""
    from safetensors.torch import load_file

    # Built without memory of its own ("meta"), then given the loaded tensors as they are:
    # no random initialisation, and no second copy of the weights at its peak.
    with torch.device("meta"):
        model = MPNetEncoder(read_config(encoder_dir))
    weights = load_file(str(Path(encoder_dir) / "model.safetensors"))
    weights.pop("embeddings.position_ids", None)  # a buffer transformers keeps; not needed
    model.load_state_dict(weights, strict=True, assign=True)
    return model
