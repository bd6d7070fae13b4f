"""Many names found in running text at once, case-blind, by their words: what spaCy's
``PhraseMatcher(attr="LOWER")`` finds, without a spaCy Doc built for every name.

The gazetteer's ~10,000 surface names are cut into words by the model's tokenizer once
and kept in eventledger's cache folder, keyed on the names and the tokenizer: at a cold
start, reading the words back takes hundredths of a second where tokenizing the names
took half a second.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

log = logging.getLogger(__name__)

CACHE_PREFIX = "name-words-"


class NameMatcher:
    """Every stretch of a Doc's tokens whose words, in lower case, are one of the names'."""

    def __init__(self, names: Iterable[list[str]]):
        self.names = {tuple(words) for words in names if words}
        # the lengths of the names by their first word
        self.lengths: dict[str, list[int]] = {}
        for words in self.names:
            self.lengths.setdefault(words[0], []).append(len(words))
        for lengths in self.lengths.values():
            lengths.sort()

    def __call__(self, doc: Doc) -> list[Span]:
        """The matches, in order of their start, the shorter first."""
        lower = [token.lower_ for token in doc]
        found = []
        for start, word in enumerate(lower):
            for length in self.lengths.get(word, ()):
                end = start + length
                if end > len(lower):
                    break
                if tuple(lower[start:end]) in self.names:
                    found.append(Span(doc, start, end))
        return found


def name_words(nlp: Language, names: list[str], cache_dir: Path | None) -> list[list[str]]:
    """The words (in lower case) of each of ``names``, as ``nlp``'s tokenizer cuts them;
    read from ``cache_dir`` when they were cut before with the same tokenizer."""
    key = _cache_key(nlp, names)
    path = cache_dir / f"{CACHE_PREFIX}{key}.json" if cache_dir is not None else None
    if path is not None and path.is_file():
        try:
            words = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(words, list) and len(words) == len(names):
                return words
        except (OSError, ValueError) as exc:
            log.debug("name words: %s unreadable (%s), cut again", path, exc)
    words = [[token.lower_ for token in doc] for doc in nlp.tokenizer.pipe(names)]
    if path is not None:
        _write(path, words)
    return words


def _cache_key(nlp: Language, names: list[str]) -> str:
    digest = hashlib.sha256()
    meta = nlp.meta
    for part in (spacy.__version__, meta.get("lang"), meta.get("name"), meta.get("version")):
        digest.update(f"{part}\0".encode())
    digest.update(nlp.tokenizer.to_bytes(exclude=["vocab"]))
    digest.update("\n".join(names).encode("utf-8"))
    return digest.hexdigest()[:32]


def _write(path: Path, words: list[list[str]]) -> None:
    """Write the cache file whole or not at all; a folder that cannot be written to only
    costs the next start the tokenizing."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob(f"{CACHE_PREFIX}*.json"):
            if old != path:
                old.unlink(missing_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(words, out, ensure_ascii=False, separators=(",", ":"))
        os.replace(temporary, path)
    except OSError as exc:
        log.debug("name words: cannot write %s (%s)", path, exc)
