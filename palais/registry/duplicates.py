"""Whether a new submission repeats one its mission already sent.

Two submissions are the same note when they are the same file (the same
SHA-256), or when they are from the same State, bear the same date and say
nearly the same thing: the resemblance of their texts, measured as the Jaccard
index of their word 3-shingles (the sets of three consecutive words), is at
least :data:`NEARLY_THE_SAME`. A note typed again with a typo corrected, or
re-exported to PDF, or scanned where it was first sent as Word, keeps nearly
all its shingles; two different notes of one mission on one day share their
compliments and closing formula, never most of their sentences
(docs/decisions.md says why shingles rather than an edit ratio). Submissions
withdrawn or rejected are not counted: sending a note again after withdrawing
it is no duplicate. A text of fewer than :data:`MIN_WORDS` words is compared by
its file alone: it is little more than the formulae every note of the mission
shares, and its resemblance to another says nothing (nor does the title, which
the conventions write the same for every note of one mission on one day).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from palais.model import Document

NEARLY_THE_SAME = 0.6
SHINGLE = 3
MIN_WORDS = 20
_WORD = re.compile(r"\w+")
_IDEOGRAPH = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

Reason = Literal["file", "text"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """An earlier submission of the same mission: same file, or same date."""

    id: int
    sha256: str | None
    document: Document


@dataclass(frozen=True, slots=True)
class Duplicate:
    """An earlier submission the new one repeats, and why it is taken for the same."""

    id: int
    reason: Reason
    resemblance: float


def words(document: Document) -> list[str]:
    """The words of every part, folded; Chinese and Japanese ideographs one word each."""
    out: list[str] = []
    for part in document.parts:
        for text in (part.title or "", *part.paragraphs):
            for word in _WORD.findall(text.casefold()):
                if _IDEOGRAPH.search(word):
                    out.extend(word)
                else:
                    out.append(word)
    return out


def shingles(document: Document) -> frozenset[tuple[str, ...]]:
    tokens = words(document)
    if len(tokens) < SHINGLE:
        return frozenset({tuple(tokens)}) if tokens else frozenset()
    return frozenset(tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def resemblance(a: Document, b: Document) -> float:
    """The Jaccard index of the two documents' 3-shingles (1.0: the same words in order;
    0.0 when either is too short to compare)."""
    if min(len(words(a)), len(words(b))) < MIN_WORDS:
        return 0.0
    first, second = shingles(a), shingles(b)
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def repeated(
    document: Document, sha256: str | None, candidates: Iterable[Candidate]
) -> list[Duplicate]:
    """The candidates ``document`` (kept as ``sha256``) repeats, in id order."""
    found: list[Duplicate] = []
    for candidate in candidates:
        if sha256 is not None and candidate.sha256 == sha256:
            found.append(Duplicate(candidate.id, "file", 1.0))
            continue
        if document.doc_date is None or candidate.document.doc_date != document.doc_date:
            continue
        score = resemblance(document, candidate.document)
        if score >= NEARLY_THE_SAME:
            found.append(Duplicate(candidate.id, "text", round(score, 3)))
    return sorted(found, key=lambda d: d.id)
