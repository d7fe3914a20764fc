"""A translation memory's units: each passage of an issued document in each of its languages.

When a document is issued, every free-text passage (:mod:`palais.compose.passages`)
exists in six languages: the mission's original and five translations, aligned
by the passage's key. Those aligned texts are the memory: a later passage in
English that is the same as, or nearly the same as, the English text of an
issued passage is offered that passage's Arabic text, with the symbol it was
issued under. Any language can be the source, so a French original meets an
earlier English original's French translation.

Finding "nearly the same" among every passage ever issued must not read them
all. Each text gets two kinds of keys, stored beside it and indexed:

* a **digest** of its normalised form (case, accents and diacritics, punctuation
  and spacing ignored): equal digests are an exact match, one index lookup;
* **MinHash band keys** (locality-sensitive hashing): the text's shingles (word
  pairs; character pairs for Chinese, which has no spaces) are hashed under
  :data:`HASHES` permutations, the minimum of each kept, and each run of
  :data:`ROWS` minima hashed into one key. Two texts whose shingle sets overlap
  by a Jaccard similarity ``s`` share at least one of the :data:`BANDS` keys
  with probability ``1 - (1 - s**ROWS)**BANDS``: 0.95 at s = 0.7, 0.66 at
  s = 0.5, 0.02 at s = 0.2, so candidates are few and mostly right.

Candidates are then scored by :func:`similarity` (rapidfuzz's normalised
Indel ratio over the normalised texts), and only those above
:data:`MIN_SIMILARITY` are offered. Everything here is pure; the store keeps
the keys and the registry asks it.
"""

from __future__ import annotations

import hashlib
import itertools
import unicodedata
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from palais.compose.passages import passages, translation
from palais.languages import Language
from palais.model import Document

__all__ = ["Segment", "band_keys", "digest", "normalise", "segments", "similarity"]

BANDS = 8
ROWS = 3
HASHES = BANDS * ROWS
MIN_SIMILARITY = 0.75
"""Below this a suggestion is more noise than help (one word in four different)."""

_PRIME = (1 << 61) - 1
# Fixed permutation coefficients: keys written today must match keys computed later.
_COEFFICIENTS = [
    (
        int.from_bytes(hashlib.blake2b(f"a{i}".encode(), digest_size=8).digest()) % _PRIME | 1,
        int.from_bytes(hashlib.blake2b(f"b{i}".encode(), digest_size=8).digest()) % _PRIME,
    )
    for i in range(HASHES)
]


@dataclass(frozen=True, slots=True)
class Segment:
    """One passage of an issued document in one language, with its lookup keys."""

    passage: str
    language: Language
    text: str
    digest: str
    keys: tuple[int, ...]


def segments(doc: Document) -> list[Segment]:
    """The memory's units of an issued ``doc``: each passage in every language it has,
    when it has at least two (a passage with no translation pairs with nothing)."""
    if doc.language is None:
        return []
    found: list[Segment] = []
    for passage in passages(doc):
        texts = {doc.language: passage.original}
        for lang in Language:
            text = translation(doc, passage.key, lang)
            if text is not None and lang is not doc.language:
                texts[lang] = text
        if len(texts) < 2:
            continue
        found.extend(
            Segment(passage.key, lang, text, digest(text), band_keys(text, lang))
            for lang, text in texts.items()
        )
    return found


def normalise(text: str) -> str:
    """``text`` as compared: compatibility forms folded, accents, diacritics and case
    dropped, every run of non-letters and non-digits one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(
        c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c)
    )
    return " ".join(kept.casefold().split())


def digest(text: str) -> str:
    """The exact-match key: SHA-256 of the normalised text."""
    return hashlib.sha256(normalise(text).encode()).hexdigest()


def _shingles(normalised: str, lang: Language) -> set[str]:
    units = list(normalised.replace(" ", "")) if lang is Language.ZH else normalised.split()
    if len(units) < 2:
        return set(units)
    return {f"{a} {b}" for a, b in itertools.pairwise(units)}


def _hash(value: str) -> int:
    return int.from_bytes(hashlib.blake2b(value.encode(), digest_size=8).digest())


def band_keys(text: str, lang: Language) -> tuple[int, ...]:
    """The MinHash band keys of ``text`` (signed 64-bit, as the store's BIGINT holds)."""
    hashed = [_hash(s) for s in _shingles(normalise(text), lang)]
    if not hashed:
        return ()
    minima = [min((a * h + b) % _PRIME for h in hashed) for a, b in _COEFFICIENTS]
    return tuple(_band_key(band, minima[band * ROWS:(band + 1) * ROWS]) for band in range(BANDS))


def _band_key(band: int, minima: list[int]) -> int:
    raw = hashlib.blake2b(f"{band}:{minima}".encode(), digest_size=8).digest()
    return int.from_bytes(raw, signed=True)


def similarity(a: str, b: str) -> float:
    """How alike two texts are once normalised, from 0 (nothing shared) to 1 (the same)."""
    return float(Indel.normalized_similarity(normalise(a), normalise(b)))

