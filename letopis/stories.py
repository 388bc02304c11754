"""Near-duplicate documents grouped into stories: MinHash LSH over word shingles of the clean text.

A reprint on another site (its own boilerplate, a changed headline, a trimmed paragraph) shares
most 3-word shingles with the original, so its MinHash lands in the same LSH bucket and it joins
the original's story. Exact duplicates never get here: the content hash catches them first.
The signature is stored as a string (`mh1:<scheme>:` + base64 of the hash values), so a later batch can
rebuild the index from the store and join the stories that exist.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

__all__ = ["StoryIndex", "signature", "similarity", "THRESHOLD", "NUM_PERM"]

NUM_PERM = 128
# Estimated Jaccard of 3-word shingles above which two texts are one story. A reprint with a
# changed headline, two edited words, another site's boilerplate and its last third cut scores
# 0.48; the most similar pair of different dev stories (32 event docs) scores 0.10. 0.3 sits
# between with room for MinHash's estimation error (sd ~0.04 at 128 permutations).
THRESHOLD = 0.3
SHINGLE = 3
# Texts with fewer distinct shingles than this are too short to call near-duplicates.
MIN_SHINGLES = 8
_PREFIX = "mh1:"  # then the datasketch hashing scheme, then base64 of the uint64 hash values
_SCHEMES = ("affine32", "affine64", "legacy")
_WORD = re.compile(r"\w+")


def _shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}


def _minhash(shingles: set[bytes]) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM)
    minhash.update_batch(list(shingles))
    return minhash


def signature(text: str) -> str:
    """The stored form of a text's MinHash: `mh1:<scheme>:` + base64 of its hash values, '' if too short."""
    shingles = _shingles(text)
    if len(shingles) < MIN_SHINGLES:
        return ""
    return _encode(_minhash(shingles))


def _encode(minhash: MinHash) -> str:
    values = np.asarray(minhash.hashvalues, dtype="<u8")
    return f"{_PREFIX}{minhash.scheme}:" + base64.b64encode(values.tobytes()).decode("ascii")


def _decode(value: str) -> MinHash | None:
    if not value.startswith(_PREFIX) or value.count(":") != 2:
        return None
    _, scheme, encoded = value.split(":")
    if scheme not in _SCHEMES:
        return None
    try:
        raw = base64.b64decode(encoded, validate=True)
    except ValueError:
        return None
    values = np.frombuffer(raw, dtype="<u8")
    if len(values) != NUM_PERM:
        return None
    return MinHash(num_perm=NUM_PERM, hashvalues=values.astype(np.uint64), scheme=scheme)  # type: ignore[arg-type]


def similarity(first: str, second: str) -> float:
    """Estimated Jaccard similarity of two stored signatures (0.0 when either is empty)."""
    a, b = _decode(first), _decode(second)
    return float(a.jaccard(b)) if a is not None and b is not None else 0.0


class StoryIndex:
    """Assigns each new document to the story of its near-duplicates, or to a new story.

    Built from the signatures already stored (`(document_id, story_id, signature)` rows), so a
    re-run or a second batch joins the stories that exist.
    """

    def __init__(self, entries: Iterable[tuple[str, str, str]] = (), threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self.stories: dict[str, str] = {}
        self._signatures: dict[str, MinHash] = {}
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        for document_id, story_id, stored in entries:
            self.stories[document_id] = story_id
            minhash = _decode(stored or "")
            if minhash is not None:
                self._add(document_id, minhash)

    def _add(self, document_id: str, minhash: MinHash) -> None:
        if document_id not in self._signatures:
            self._signatures[document_id] = minhash
            self._lsh.insert(document_id, minhash)

    def assign(self, document_id: str, text: str) -> tuple[str, str]:
        """Return `(story_id, signature)` for a document; the signature is stored with it."""
        shingles = _shingles(text)
        if len(shingles) < MIN_SHINGLES:
            return self.stories.setdefault(document_id, document_id), ""
        minhash = _minhash(shingles)
        if document_id in self.stories:
            return self.stories[document_id], _encode(minhash)
        best, best_score = None, self.threshold
        for candidate in self._lsh.query(minhash):
            score = minhash.jaccard(self._signatures[candidate])
            if score >= best_score and candidate in self.stories:
                best, best_score = candidate, score
        story_id = self.stories[best] if best is not None else document_id
        self.stories[document_id] = story_id
        self._add(document_id, minhash)
        return story_id, _encode(minhash)
