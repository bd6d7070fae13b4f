"""The attribution tagger runs where the ``device`` setting says: ``auto`` (CUDA where torch
sees a GPU, else the CPU), ``cpu`` or ``cuda``."""

from __future__ import annotations

import pytest
import torch

from eventledger.config import load_settings
from eventledger.errors import ConfigError
from eventledger.extract import span_transformer
from eventledger.extract.attribution_spans import packaged_model_path
from eventledger.pipeline import load_pipeline

CUDA = torch.cuda.is_available()
TEXT = 'The mayor said the bridge would reopen in May. "We are ready," she added.'


def _parameter_devices(tagger) -> set[str]:
    return {p.device.type for p in tagger.model.parameters()}


def test_cpu_keeps_every_weight_on_the_cpu():
    tagger = span_transformer.load(str(packaged_model_path()), "cpu")
    assert tagger.device == "cpu"
    assert _parameter_devices(tagger) == {"cpu"}


def test_auto_takes_the_gpu_only_where_torch_sees_one():
    tagger = span_transformer.load(str(packaged_model_path()), "auto")
    assert _parameter_devices(tagger) == {"cuda" if CUDA else "cpu"}


def test_an_unknown_device_is_a_config_error():
    with pytest.raises(ConfigError, match="use one of auto, cpu, cuda"):
        span_transformer.resolve_device("tpu")


@pytest.mark.skipif(CUDA, reason="this machine has CUDA")
def test_cuda_without_a_gpu_is_a_config_error_not_a_silent_fallback():
    with pytest.raises(ConfigError, match="no CUDA device"):
        span_transformer.load(str(packaged_model_path()), "cuda")


def test_the_device_setting_is_auto_unless_the_environment_says(monkeypatch):
    assert load_settings().device == "auto"
    monkeypatch.setenv("EVENTLEDGER_DEVICE", "cpu")
    assert load_settings().device == "cpu"


def test_the_device_reaches_the_pipelines_tagger(model_name):
    nlp = load_pipeline(model_name, "cpu")
    assert nlp.get_pipe("eventledger_attribution_spans").tagger.device == "cpu"
    assert nlp.get_pipe_config("eventledger_attribution_spans")["device"] == "cpu"


@pytest.mark.skipif(not CUDA, reason="needs a CUDA device")
def test_the_tagger_on_cuda_finds_the_spans_it_finds_on_the_cpu(bare_nlp):
    doc = bare_nlp(TEXT)
    on_cpu = span_transformer.load(str(packaged_model_path()), "cpu").scored_spans_of([doc])
    on_gpu = span_transformer.load(str(packaged_model_path()), "cuda")
    assert _parameter_devices(on_gpu) == {"cuda"}
    found = on_gpu.scored_spans_of([doc])
    assert [s[:3] for s in found[0]] == [s[:3] for s in on_cpu[0]]
    assert [s[3] for s in found[0]] == pytest.approx([s[3] for s in on_cpu[0]], abs=1e-3)
