"""Suggestions from the translation memory: what issued documents say of a passage.

The memory's units and keys are :mod:`palais.compose.memory`'s; the store
keeps them from the moment a document is issued and reads them only while it
stays issued (:mod:`palais.store.memory`). Here the candidates the store finds
are scored and the good ones kept: the exact ones, then the nearest, each with
the symbol of the document it comes from, the text it matched and its
translation into the language asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

from palais.compose.memory import MIN_SIMILARITY, band_keys, digest, similarity
from palais.languages import Language
from palais.store import Connection
from palais.store import memory as stored

SUGGESTIONS = 5


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A translation an issued document already printed for the same or a nearly
    identical passage."""

    symbol: str
    text: str  # in the target language
    source_text: str  # the issued passage it matched, in the source language
    similarity: float  # 1.0 for the same text (once normalised)

    @property
    def exact(self) -> bool:
        return self.similarity >= 1.0


def suggest(
    connection: Connection, text: str, source: Language, target: Language,
    limit: int = SUGGESTIONS,
) -> list[Suggestion]:
    """The best suggestions for ``text`` (in ``source``) in ``target``, best first; one per
    distinct translation, so five documents printing the same words make one suggestion."""
    wanted = digest(text)
    found = stored.matches(
        connection, source.value, target.value, wanted, band_keys(text, source), limit
    )
    scored = sorted(
        (
            Suggestion(
                row.symbol, row.target_text, row.source_text,
                1.0 if row.digest == wanted else similarity(text, row.source_text),
            )
            for row in found
        ),
        key=lambda s: -s.similarity,
    )
    kept: dict[str, Suggestion] = {}
    for suggestion in scored:
        if suggestion.similarity >= MIN_SIMILARITY:
            kept.setdefault(digest(suggestion.text), suggestion)
    return list(kept.values())[:limit]
