"""Which language a text is in (py3langid): eventledger reads English only.

A text is refused only when the classifier is clearly against English: its best language
is another one AND English scores far behind it. Short English headlines full of place
names ("Ashdod and Ashkelon sirens") otherwise come out as Bikol or Malay.
"""

from __future__ import annotations

import contextlib
import logging
import lzma
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

from ..config import cache_dir

log = logging.getLogger(__name__)

SUPPORTED = "en"
# Below this many characters the guess is noise: such texts are taken as English.
MIN_CHARS = 20
# How far (log-probability) English may trail the best language and still be given the
# benefit of the doubt. Real German or French trails English by ~50 for one sentence and
# by hundreds for a paragraph; misread English headlines trail by ~5.
MARGIN = 20.0
# The classifier reads this much of a long text; the opening says enough.
_SAMPLE_CHARS = 3000


@lru_cache(maxsize=1)
def _rank():
    # Imported late: loading the model takes a moment, and not every caller needs it.
    import py3langid

    identifier = _unpacked_identifier()
    return identifier.rank if identifier is not None else py3langid.rank


# The classifier's arrays, each unpacked into a file of its own that is mapped, not read:
# a text's features touch a few thousand of the transition table's 20 million entries.
_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def _unpacked_identifier():
    """py3langid's classifier read from its model unpacked once into eventledger's cache,
    one ``.npy`` file per array, mapped into memory: the package ships it LZMA-compressed,
    and unpacking it took most of a second at each start, reading it whole a fifth of one.
    None where this py3langid keeps its model otherwise (its own loader is used)."""
    try:
        import numpy
        from py3langid import __version__ as version
        from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
        from py3langid.modelio import _to_array
    except ImportError:
        return None
    packed = Path(MODEL_DIR) / MODEL_FILE
    if not packed.name.endswith(".npz.xz") or not packed.is_file():
        return None
    unpacked = cache_dir() / f"py3langid-{version}-{packed.stat().st_size}"
    try:
        try:
            data = _mapped(unpacked)
        except (OSError, ValueError):  # not unpacked yet, or a file of it damaged
            _unpack(packed, unpacked)
            data = _mapped(unpacked)
        nextmove = data["nextmove"]
        # The transition table as py3langid's own loader gives it (an array of unsigned
        # ints, read an entry at a time), but mapped rather than copied.
        typecode = _to_array(nextmove[:0]).typecode
        return LanguageIdentifier(
            data["ptc"], numpy.array(data["pc"]), data["classes"].tolist(),
            memoryview(nextmove).cast("B").cast(typecode), data["out_feat"].tolist(),
            tk_row=_to_array(data["nextmove_row"]),
        )
    except (OSError, ValueError, KeyError, TypeError, lzma.LZMAError) as exc:
        # A cache that cannot be written (a read-only home) costs time, not the answer.
        log.debug("language model not unpacked (%s); read from the package", exc)
        return None


def _mapped(unpacked: Path) -> dict:
    import numpy

    return {name: numpy.load(unpacked / f"{name}.npy", mmap_mode="r", allow_pickle=False)
            for name in _ARRAYS}


def _unpack(packed: Path, unpacked: Path) -> None:
    """Unpack the model's arrays into the folder ``unpacked``, beside it first and then
    renamed into it: two runs at once never read half a file. The single file of
    earlier versions of this cache is removed."""
    import numpy

    unpacked.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".py3langid-", dir=unpacked.parent))
    try:
        with tempfile.TemporaryFile(dir=unpacked.parent) as npz:
            with lzma.open(packed) as src:
                shutil.copyfileobj(src, npz, 1 << 20)
            npz.seek(0)
            with numpy.load(npz, allow_pickle=False) as data:
                for name in _ARRAYS:
                    numpy.save(staging / f"{name}.npy", data[name], allow_pickle=False)
        staging.chmod(0o755)
        if unpacked.exists():  # a damaged one: moved aside whole, then removed
            aside = Path(tempfile.mkdtemp(prefix=".py3langid-", dir=unpacked.parent))
            with contextlib.suppress(OSError):
                unpacked.rename(aside / unpacked.name)
            shutil.rmtree(aside, ignore_errors=True)
        try:
            staging.rename(unpacked)
        except OSError:  # another run put its own there first
            if not all((unpacked / f"{name}.npy").is_file() for name in _ARRAYS):
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    Path(f"{unpacked}.npz").unlink(missing_ok=True)


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``'s language; ``"en"`` when the text is too short to
    judge or English is a close enough second."""
    sample = text.strip()[:_SAMPLE_CHARS]
    if len(sample) < MIN_CHARS:
        return SUPPORTED
    ranking = _rank()(sample)
    best, best_score = ranking[0]
    if best == SUPPORTED:
        return SUPPORTED
    english = dict(ranking).get(SUPPORTED)
    if english is not None and best_score - english < MARGIN:
        return SUPPORTED
    return best


def unsupported_language(text: str) -> str | None:
    """The message for a text that is not English, or None when it is."""
    language = detect_language(text)
    if language == SUPPORTED:
        return None
    return f"language {language!r} is not supported (English only): skipped"
