"""Near-duplicate articles: the same wire story carried by several sites.

Each text becomes a MinHash of its word 5-shingles (after the identity normalisation of
:func:`eventledger.document.normalise_text`, lower-cased); MinHashLSH finds the stored
texts whose estimated Jaccard similarity may pass the threshold, and those that do are
returned. The seed is fixed, so a signature stored today matches one computed tomorrow.
"""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..document import normalise_text

SHINGLE_WORDS = 5
SEED = 1
# datasketch 2 hashes with a choice of schemes; stored signatures only compare with ones
# made the same way, so the scheme is named rather than left to the library default.
SCHEME = "affine32"
_WORD = re.compile(r"\w+")


def _new_minhash(num_perm: int, **values) -> MinHash:
    try:
        return MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME, **values)
    except TypeError:  # datasketch before 2.0 has a single scheme and no such option
        return MinHash(num_perm=num_perm, seed=SEED, **values)


def shingles(text: str, *, size: int = SHINGLE_WORDS) -> set[str]:
    """The word ``size``-grams of the normalised, lower-cased text (the whole text as one
    shingle when it is shorter)."""
    words = _WORD.findall(normalise_text(text).lower())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


class NearDuplicateIndex:
    """Signatures of the documents seen so far, and which of them a new one resembles."""

    def __init__(self, *, threshold: float = 0.8, num_perm: int = 128):
        if not 0.0 < threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._hashes: dict[str, MinHash] = {}

    def signature(self, text: str) -> bytes:
        """The text's MinHash as bytes (``num_perm`` unsigned 64-bit values), to be stored."""
        minhash = _new_minhash(self.num_perm)
        minhash.update_batch([shingle.encode("utf-8") for shingle in sorted(shingles(text))])
        return minhash.hashvalues.astype("<u8").tobytes()

    def _minhash(self, signature: bytes) -> MinHash:
        if len(signature) != 8 * self.num_perm:
            raise ValueError(
                f"signature has {len(signature)} bytes; this index expects "
                f"{8 * self.num_perm} (num_perm={self.num_perm})"
            )
        values = np.frombuffer(signature, dtype="<u8").astype(np.uint64)
        return _new_minhash(self.num_perm, hashvalues=values)

    def add(self, doc_id: str, signature: bytes) -> None:
        """Remember ``doc_id``; adding an id again changes nothing."""
        if doc_id in self._hashes:
            return
        minhash = self._minhash(signature)
        self._lsh.insert(doc_id, minhash)
        self._hashes[doc_id] = minhash

    def query(self, signature: bytes) -> list[tuple[str, float]]:
        """``[(doc_id, estimated Jaccard)]`` of the stored documents at or above the
        threshold, most similar first (ties by id)."""
        minhash = self._minhash(signature)
        found = []
        for doc_id in self._lsh.query(minhash):
            similarity = float(minhash.jaccard(self._hashes[doc_id]))
            if similarity >= self.threshold:
                found.append((doc_id, similarity))
        return sorted(found, key=lambda pair: (-pair[1], pair[0]))

    def __len__(self) -> int:
        return len(self._hashes)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._hashes
