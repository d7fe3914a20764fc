"""The record a mission submits in the registry and web tests: one definition for both."""

from __future__ import annotations

from typing import Any

from palais.model import Correction
from palais.registry.corrections import VersionRequest
from palais.symbols import ModifierKind

RECORD: dict[str, Any] = {
    "doc_type": "note_verbale",
    "body": "HRC",
    "session": 41,
    "agenda_items": [4],
    "sender_state": "AZE",
    "language": "en",
    "doc_date": "2019-06-06",
    "title": "Note verbale from Azerbaijan",
    "paragraphs": ["The Permanent Mission presents its compliments."],
}


def version_request(kind: ModifierKind) -> VersionRequest:
    """A corrigendum, addendum or revision that fits RECORD (one paragraph)."""
    if kind is ModifierKind.CORRIGENDUM:
        return VersionRequest(kind, corrections=(Correction(1, "The corrected paragraph."),))
    return VersionRequest(kind, paragraphs=(f"The paragraph of the {kind.name.lower()}.",))
