"""The attribution tagger's encoder computes in the ``precision`` setting: ``auto`` is
bfloat16 where the CPU computes in it natively (AMX, AVX-512 BF16), else float32; and
with the ``threads`` setting's number of threads."""

from __future__ import annotations

import pytest

from eventledger.config import load_settings
from eventledger.errors import ConfigError
from eventledger.extract import span_transformer
from eventledger.extract.attribution_spans import packaged_model_path


def test_an_unknown_precision_is_a_config_error():
    with pytest.raises(ConfigError, match="use one of auto, fp32, bf16"):
        span_transformer.resolve_precision("int4", "cpu")


def test_auto_precision_is_bfloat16_only_where_the_cpu_has_it_natively():
    expected = "bf16" if span_transformer.cpu_has_native_bf16() else "fp32"
    assert span_transformer.resolve_precision("auto", "cpu") == expected
    assert span_transformer.resolve_precision("fp32", "cpu") == "fp32"


def test_the_precision_setting_reaches_the_tagger(monkeypatch, model_name):
    from eventledger.pipeline import build_pipeline, component_configs, load_model

    monkeypatch.setenv("EVENTLEDGER_PRECISION", "fp32")
    settings = load_settings()
    assert settings.precision == "fp32"
    nlp = build_pipeline(load_model(model_name), component_configs(settings))
    assert nlp.get_pipe("eventledger_attribution_spans").tagger.precision == "fp32"


def test_bfloat16_tags_a_report_as_float32_does(bare_nlp):
    doc = bare_nlp("The harbour master said the crossing would resume on Monday.")
    path = str(packaged_model_path())
    exact = span_transformer.load(path, "cpu", "fp32").scored_spans_of([doc])[0]
    fast = span_transformer.load(path, "cpu", "bf16").scored_spans_of([doc])[0]
    assert [s[:3] for s in fast] == [s[:3] for s in exact]
    assert {s[2] for s in exact} == {"SOURCE", "CUE", "CONTENT"}


def test_the_threads_setting_sets_torchs_threads(monkeypatch, model_name):
    import torch

    from eventledger.pipeline import build_pipeline, component_configs, load_model

    before = torch.get_num_threads()
    try:
        assert load_settings().threads == 0
        monkeypatch.setenv("EVENTLEDGER_THREADS", "2")
        settings = load_settings()
        assert component_configs(settings)["eventledger_attribution_spans"]["threads"] == 2
        build_pipeline(load_model(model_name), component_configs(settings))
        assert torch.get_num_threads() == 2
        with pytest.raises(ConfigError, match="threads -1"):
            span_transformer.use_threads(-1)
    finally:
        torch.set_num_threads(before)


def test_by_default_a_worker_keeps_to_one_thread(model_name, monkeypatch):
    import os

    import torch

    from eventledger.distributed import SINGLE_THREAD_ENV, use_one_thread
    from eventledger.pipeline import build_pipeline, component_configs, load_model

    for name in SINGLE_THREAD_ENV:
        monkeypatch.setenv(name, os.environ.get(name, ""))  # use_one_thread sets them
    before = torch.get_num_threads()
    try:
        # a worker process sets one thread before it loads its pipeline; the default
        # setting (0, PyTorch's choice) leaves it so
        use_one_thread()
        build_pipeline(load_model(model_name), component_configs(load_settings()))
        assert torch.get_num_threads() == 1
    finally:
        torch.set_num_threads(before)
