"""The attribution tagger's weights as it computes with them, kept in eventledger's cache.

Loading the shipped tagger converts weights at each start: its tuned layers from half to
single precision and, in bfloat16, every linear layer of the encoder (a quarter of a
second of a cold start). :func:`load_converted` writes the tensors that the conversion
made once into the cache folder (``config.cache_dir``), and later starts take them back
as they are, mapped from the file. The file's name holds a key of everything the
conversion depends on (:func:`cache_key`: the files it reads, by path, size and time of
change, the precision, the torch, safetensors and eventledger versions); a file of
another key is never read, and is replaced when the tagger is converted again. A file
that cannot be read or does not fit the model is written anew. Each write removes the
files of taggers whose folder is gone (taggers trained in temporary folders).
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

log = logging.getLogger(__name__)

CACHE_PREFIX = "tagger-"
# Bumped when what the conversion makes changes in a way the key does not see.
FORMAT = "1"


def cache_key(files: Iterable[Path], extra: Iterable[str]) -> str:
    """A key of ``files`` (their resolved path, size and time of change) and ``extra``
    (the settings and versions the conversion depends on), with the versions of torch,
    safetensors and eventledger."""
    import safetensors
    import torch

    from .. import __version__

    digest = hashlib.sha256()
    for part in (FORMAT, torch.__version__, safetensors.__version__, __version__, *extra):
        digest.update(f"{part}\0".encode())
    for file in files:
        stat = file.stat()
        digest.update(f"{file.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()[:32]


def cache_path(cache_dir: Path, owner: Iterable[str], key: str) -> Path:
    """The cache file for ``key`` of one tagger as loaded one way (``owner``: its folder,
    device and precision), so that taggers loaded in turn keep their own files."""
    folder = hashlib.sha256("\0".join(owner).encode()).hexdigest()[:12]
    return cache_dir / f"{CACHE_PREFIX}{folder}-{key}.safetensors"


def load_converted(model, path: Path | None, convert: Callable[[], None], *,
                   made_from: Path | None = None) -> bool:
    """Give ``model`` its converted weights: those saved in ``path`` where they fit the
    model, else by ``convert()`` (which changes ``model`` in place), and then saves the
    tensors that ``convert`` changed in ``path``. True when they came from ``path``.
    ``path`` None: no cache, ``convert()`` only. ``made_from``: the folder the weights
    come from (the tagger's); the file is removed once that folder is gone."""
    if path is not None and path.is_file():
        cached = _read(path, model)
        if cached is not None:
            model.load_state_dict(cached, strict=False, assign=True)
            return True
    # Held until the conversion is done, so that no new tensor takes an old one's memory.
    before = model.state_dict()
    convert()
    if path is not None:
        changed = {name: tensor for name, tensor in model.state_dict().items()
                   if name not in before or not _same(tensor, before[name])}
        _write(path, changed, made_from)
    return False


def _same(tensor, other) -> bool:
    return tensor.dtype == other.dtype and tensor.data_ptr() == other.data_ptr()


def _read(path: Path, model) -> dict | None:
    """The tensors saved in ``path``, or None where the file is unreadable, was written
    under another key, or holds a tensor the model does not have in that shape."""
    from safetensors import safe_open

    try:
        with safe_open(str(path), framework="pt") as handle:
            metadata = handle.metadata() or {}
            tensors = {name: handle.get_tensor(name) for name in handle.keys()}
    except Exception as exc:  # safetensors raises its own error types for bad files
        log.debug("tagger cache: %s unreadable (%s), converted again", path, exc)
        return None
    expected = model.state_dict()
    if (metadata.get("key") != path.stem or metadata.get("count") != str(len(tensors))
            or not tensors or any(name not in expected or expected[name].shape != tensor.shape
                                  for name, tensor in tensors.items())):
        log.debug("tagger cache: %s does not fit the tagger, converted again", path)
        return None
    return tensors


def _write(path: Path, tensors: dict, made_from: Path | None) -> None:
    """Write the cache file whole or not at all (two processes may write it at once), and
    remove the stale ones (:func:`_remove_stale`); a folder that cannot be written to only
    costs the next start the conversion."""
    from safetensors import SafetensorError
    from safetensors.torch import save_file

    metadata = {"key": path.stem, "count": str(len(tensors))}
    if made_from is not None:
        metadata["made_from"] = str(made_from.resolve())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale(path)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-",
                                             suffix=".tmp")
        os.close(handle)
        try:
            save_file({name: tensor.contiguous() for name, tensor in tensors.items()},
                      temporary, metadata=metadata)
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
    except (OSError, SafetensorError) as exc:  # safetensors' for a write that failed
        log.debug("tagger cache: cannot write %s (%s)", path, exc)


def _remove_stale(path: Path) -> None:
    """Remove the cache files beside ``path`` that no start will read again: the same
    tagger's of other keys, those whose tagger folder is gone (a tagger trained in a
    temporary folder), and those that cannot be read."""
    from safetensors import safe_open

    prefix = path.name.rsplit("-", 1)[0] + "-"
    for old in path.parent.glob(f"{CACHE_PREFIX}*.safetensors"):
        if old == path:
            continue
        if not old.name.startswith(prefix):
            try:
                with safe_open(str(old), framework="pt") as handle:
                    made_from = (handle.metadata() or {}).get("made_from")
                if made_from is None or Path(made_from).is_dir():
                    continue
            except Exception:  # a damaged file: safetensors raises its own error types
                pass
        old.unlink(missing_ok=True)
