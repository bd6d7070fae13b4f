"""The attribution tagger's converted weights, kept in eventledger's cache: read back as
they were converted, made again when what they were made of changes, when the file is
of another key, or when it is damaged; never a failure of the tagger."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import torch

from eventledger.extract import encoders, tagger_cache
from eventledger.extract import span_transformer as st
from eventledger.extract.attribution_spans import packaged_model_path


def small_model() -> torch.nn.Module:
    torch.manual_seed(7)
    return torch.nn.Sequential(torch.nn.Linear(6, 4), torch.nn.LayerNorm(4),
                               torch.nn.Linear(4, 3))


class Conversion:
    """What the tagger's conversion does to a model: new weights for one layer (as the
    tuned layers are loaded) and the linear layers in bfloat16; it counts its runs."""

    def __init__(self, model: torch.nn.Module, scale: float = 2.0) -> None:
        self.model, self.scale, self.runs = model, scale, 0

    def __call__(self) -> None:
        self.runs += 1
        tuned = {"2.weight": torch.full((3, 4), self.scale), "2.bias": torch.ones(3)}
        self.model.load_state_dict(tuned, strict=False, assign=True)
        for module in self.model.modules():
            if isinstance(module, torch.nn.Linear):
                module.to(torch.bfloat16)


def converted(path: Path | None, scale: float = 2.0, made_from: Path | None = None
              ) -> tuple[torch.nn.Module, Conversion, bool]:
    model = small_model()
    conversion = Conversion(model, scale)
    from_cache = tagger_cache.load_converted(model, path, conversion, made_from=made_from)
    return model, conversion, from_cache


def assert_same_weights(a: torch.nn.Module, b: torch.nn.Module) -> None:
    first, second = a.state_dict(), b.state_dict()
    assert first.keys() == second.keys()
    for name, tensor in first.items():
        assert tensor.dtype == second[name].dtype, name
        assert torch.equal(tensor, second[name]), name


def files(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{tagger_cache.CACHE_PREFIX}*.safetensors"))


def test_the_conversion_is_saved_once_and_read_back_as_it_was_made(tmp_path):
    path = tagger_cache.cache_path(tmp_path, ["tagger", "cpu", "bf16"], "k1")
    model, conversion, from_cache = converted(path)
    assert (conversion.runs, from_cache) == (1, False)
    assert files(tmp_path) == [path]
    again, conversion, from_cache = converted(path)
    assert (conversion.runs, from_cache) == (0, True)
    assert_same_weights(again, model)
    assert again[0].weight.dtype == torch.bfloat16
    # only what the conversion changed is kept: the layer norm comes from the model itself
    from safetensors import safe_open

    with safe_open(str(path), framework="pt") as handle:
        assert sorted(handle.keys()) == ["0.bias", "0.weight", "2.bias", "2.weight"]


def test_a_file_of_another_key_is_not_read_and_is_replaced(tmp_path):
    old = tagger_cache.cache_path(tmp_path, ["tagger", "cpu", "bf16"], "k1")
    converted(old, scale=2.0)
    new = tagger_cache.cache_path(tmp_path, ["tagger", "cpu", "bf16"], "k2")
    model, conversion, from_cache = converted(new, scale=5.0)
    assert (conversion.runs, from_cache) == (1, False)
    assert torch.equal(model[2].weight, torch.full((3, 4), 5.0, dtype=torch.bfloat16))
    assert files(tmp_path) == [new]
    # a file renamed to another key's name is refused too: the key is inside it
    new.rename(old)
    model, conversion, from_cache = converted(old, scale=2.0)
    assert (conversion.runs, from_cache) == (1, False)
    assert torch.equal(model[2].weight, torch.full((3, 4), 2.0, dtype=torch.bfloat16))


def test_another_tagger_or_precision_keeps_its_own_file(tmp_path):
    bf16 = tagger_cache.cache_path(tmp_path, ["tagger", "cpu", "bf16"], "k1")
    fp32 = tagger_cache.cache_path(tmp_path, ["tagger", "cpu", "fp32"], "k1")
    other = tagger_cache.cache_path(tmp_path, ["another tagger", "cpu", "bf16"], "k1")
    assert len({bf16, fp32, other}) == 3
    for path in (bf16, fp32, other):
        converted(path)
    assert files(tmp_path) == sorted([bf16, fp32, other])


def test_the_files_of_taggers_whose_folder_is_gone_are_removed_at_the_next_write(tmp_path):
    cache = tmp_path / "cache"
    kept_tagger, gone_tagger = tmp_path / "kept", tmp_path / "gone"
    kept_tagger.mkdir()
    gone_tagger.mkdir()
    kept = tagger_cache.cache_path(cache, [str(kept_tagger), "cpu", "bf16"], "k1")
    gone = tagger_cache.cache_path(cache, [str(gone_tagger), "cpu", "bf16"], "k1")
    converted(kept, made_from=kept_tagger)
    converted(gone, made_from=gone_tagger)
    damaged = tagger_cache.cache_path(cache, ["damaged", "cpu", "bf16"], "k1")
    damaged.write_bytes(b"not a safetensors file")
    assert files(cache) == sorted([kept, gone, damaged])
    gone_tagger.rmdir()
    new_tagger = tmp_path / "new"
    new_tagger.mkdir()
    new = tagger_cache.cache_path(cache, [str(new_tagger), "cpu", "bf16"], "k1")
    converted(new, made_from=new_tagger)
    assert files(cache) == sorted([kept, new])
    assert converted(kept, made_from=kept_tagger)[2]


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "wrong shapes"])
def test_a_damaged_file_is_converted_again_and_rewritten(tmp_path, damage):
    path = tagger_cache.cache_path(tmp_path, ["tagger", "cpu", "bf16"], "k1")
    reference, _, _ = converted(path)
    data = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        path.write_bytes(b"\x00\xff not a safetensors file" * 10)
    elif damage == "empty":
        path.write_bytes(b"")
    else:
        from safetensors.torch import save_file

        save_file({"0.weight": torch.zeros(2, 2)}, str(path),
                  metadata={"key": path.stem, "count": "1"})
    model, conversion, from_cache = converted(path)
    assert (conversion.runs, from_cache) == (1, False)
    assert_same_weights(model, reference)
    again, conversion, from_cache = converted(path)
    assert (conversion.runs, from_cache) == (0, True)
    assert_same_weights(again, reference)


def test_a_folder_that_cannot_be_written_costs_only_the_conversion(tmp_path):
    blocked = tmp_path / "not a folder"
    blocked.write_text("a file where the cache folder would be")
    path = tagger_cache.cache_path(blocked, ["tagger", "cpu", "bf16"], "k1")
    for _ in range(2):
        model, conversion, from_cache = converted(path)
        assert (conversion.runs, from_cache) == (1, False)
    reference, _, _ = converted(None)
    assert_same_weights(model, reference)


def test_the_key_follows_the_files_it_is_made_of(tmp_path):
    made_of = tmp_path / "weights.safetensors"
    made_of.write_bytes(b"1234")
    key = tagger_cache.cache_key([made_of], ["bf16"])
    assert tagger_cache.cache_key([made_of], ["bf16"]) == key
    assert tagger_cache.cache_key([made_of], ["fp32"]) != key
    stat = made_of.stat()
    os.utime(made_of, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert tagger_cache.cache_key([made_of], ["bf16"]) != key
    with pytest.raises(OSError):
        tagger_cache.cache_key([tmp_path / "missing"], ["bf16"])


@pytest.fixture
def own_cache(tmp_path, monkeypatch):
    """An empty cache folder of eventledger's, with the unpacked encoder of the real one."""
    encoder = encoders.encoder_dir(encoders.MPNET)
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / encoders.MPNET).symlink_to(encoder, target_is_directory=True)
    monkeypatch.setenv("EVENTLEDGER_CACHE", str(folder))
    return folder


@pytest.mark.parametrize("precision", ["bf16", "fp32"])
def test_the_shipped_tagger_reads_its_weights_back_as_converted(own_cache, bare_nlp, precision):
    path = str(packaged_model_path())
    first = st.SpanTransformer(path, "cpu", precision)
    assert not first.weights_from_cache
    assert len(files(own_cache)) == 1
    second = st.SpanTransformer(path, "cpu", precision)
    assert second.weights_from_cache
    assert_same_weights(second.model, first.model)
    doc = bare_nlp("The harbour master said the crossing would resume on Monday.")
    assert second.scored_spans_of([doc]) == first.scored_spans_of([doc])
    assert {span[2] for span in first.scored_spans_of([doc])[0]} == {"SOURCE", "CUE", "CONTENT"}


def test_a_changed_tagger_file_is_converted_again(own_cache, tmp_path):
    tagger = tmp_path / "tagger"
    tagger.mkdir()
    for name in (st.WEIGHTS_FILE, st.CONFIG_FILE):
        (tagger / name).write_bytes((packaged_model_path() / name).read_bytes())
    st.SpanTransformer(str(tagger), "cpu", "bf16")
    (old,) = files(own_cache)
    assert st.SpanTransformer(str(tagger), "cpu", "bf16").weights_from_cache
    stat = (tagger / st.WEIGHTS_FILE).stat()
    os.utime(tagger / st.WEIGHTS_FILE, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert not st.SpanTransformer(str(tagger), "cpu", "bf16").weights_from_cache
    (new,) = files(own_cache)
    assert new != old
