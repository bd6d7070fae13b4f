"""Bytes to text: binary content refused, UTF-8 first, then a detected encoding.

Every function here raises :class:`InputProblem` with a plain message; the reader that
called it turns that into an :class:`~eventledger.errors.IngestError` for its source.
"""

from __future__ import annotations

import codecs
import logging
import re

import charset_normalizer

log = logging.getLogger(__name__)

# Bytes sniffed for binary content: enough to see a file's character, cheap to scan.
_SNIFF_BYTES = 8192
# Control characters that never occur in text (tab, newline, CR, form feed, ESC excepted).
_CONTROL = frozenset(set(range(0x00, 0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}) | {0x7F}
_MAX_CONTROL_SHARE = 0.05
_UTF16_32_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LINE_ENDS = re.compile(r"\r\n?")


class InputProblem(Exception):
    """What is wrong with one input, in words fit for a one-line message."""


def wide_bom_encoding(data: bytes) -> str | None:
    """``"utf-16"``/``"utf-32"`` when ``data`` opens with that byte order mark."""
    for bom, encoding in _UTF16_32_BOMS:
        if data.startswith(bom):
            return encoding
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or a high share of control characters, in the first few kilobytes.
    UTF-16/32 text (which is full of NULs) is recognised by its byte order mark first."""
    if wide_bom_encoding(data):
        return False
    sample = data[:_SNIFF_BYTES]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL)
    return controls / len(sample) > _MAX_CONTROL_SHARE


def normalise_line_ends(text: str) -> str:
    """CRLF and lone CR become ``\\n``; nothing else changes."""
    return _LINE_ENDS.sub("\n", text)


def decode_bytes(data: bytes, *, declared: str | None = None) -> str:
    """``data`` as text with ``\\n`` line ends and no BOM.

    UTF-8 is tried first (most input is), then the ``declared`` encoding (an HTML meta
    charset, say), then charset-normalizer's best guess. A guess it is not confident of
    is refused rather than turned into mojibake.
    """
    if looks_binary(data):
        raise InputProblem("not a text file (binary content)")
    wide = wide_bom_encoding(data)
    if wide:
        try:
            return normalise_line_ends(data.decode(wide).lstrip("\ufeff"))
        except UnicodeDecodeError as exc:
            raise InputProblem(f"unknown text encoding (broken {wide}: {exc.reason})") from exc
    try:
        return normalise_line_ends(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return normalise_line_ends(data.decode(declared))
        except (LookupError, UnicodeDecodeError):
            log.debug("declared encoding %r does not decode the input", declared)
    return normalise_line_ends(_detected(data))


def _detected(data: bytes) -> str:
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputProblem("unknown text encoding (not UTF-8, and no other encoding fits)")
    encoding = best.encoding
    # Several single-byte code pages often decode a short text the same way; English news
    # that is not UTF-8 is most often Windows-1252, so prefer it when it fits as well.
    if encoding != "cp1252" and "cp1252" in best.could_be_from_charset:
        encoding = "cp1252"
    log.debug("decoded as %s (not UTF-8)", encoding)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:  # pragma: no cover - charset-normalizer checked it decodes
        return str(best)
