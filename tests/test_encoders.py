"""The pretrained encoders the span tagger is built on, found in their packages and unpacked
where a package ships an archive cut in parts."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from eventledger.errors import ConfigError
from eventledger.extract import encoders


def _split_archive(tmp_path, files: dict[str, bytes], part_size: int):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    whole = buffer.getvalue()
    parts = []
    for i in range(0, len(whole), part_size):
        path = tmp_path / f"model.zip.{len(parts) + 1:03d}"
        path.write_bytes(whole[i : i + part_size])
        parts.append(path)
    return whole, parts


def test_parts_read_as_one_file_across_their_seams(tmp_path):
    whole, parts = _split_archive(
        tmp_path, {"a/config.json": b'{"x": 1}', "a/weights.bin": random.Random(3).randbytes(10_000)}, 997
    )
    assert len(parts) > 3
    with encoders._JoinedParts(parts) as joined:
        assert joined.read() == whole
        joined.seek(990)
        assert joined.read(20) == whole[990:1010]
        joined.seek(-5, io.SEEK_END)
        assert joined.read() == whole[-5:]


def test_an_archive_cut_in_parts_opens_as_a_zip(tmp_path):
    data = random.Random(5).randbytes(8_000)
    _whole, parts = _split_archive(tmp_path, {"m/model.safetensors": data}, 1500)
    with encoders._JoinedParts(parts) as joined, zipfile.ZipFile(joined) as archive:
        assert archive.read("m/model.safetensors") == data


def test_an_unknown_encoder_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown encoder 'bert-huge'"):
        encoders.encoder_dir("bert-huge")


def test_the_cache_folder_is_a_setting(monkeypatch, tmp_path):
    monkeypatch.setenv("EVENTLEDGER_CACHE", str(tmp_path / "c"))
    assert encoders.cache_dir() == tmp_path / "c"
    monkeypatch.delenv("EVENTLEDGER_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert encoders.cache_dir() == tmp_path / "xdg" / "eventledger"


def test_the_minilm_encoder_is_the_folder_its_package_ships():
    folder = encoders.encoder_dir(encoders.MINILM)
    assert (folder / "config.json").is_file()
