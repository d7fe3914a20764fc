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

# A translation of some passage as a test supplies it: in the language's own script and,
# for the Latin-script languages, reading as that language (palais.parse.written_in).
SAMPLE_TRANSLATIONS: dict[str, str] = {
    "ar": "نص الفقرة مترجما إلى اللغة العربية",
    "zh": "该段落的中文译文",
    "en": "The passage in English",
    "fr": "Le passage en français",
    "ru": "Текст отрывка на русском языке",
    "es": "El pasaje en español",
}


def sample_translation(language: object, passage: str = "") -> str:
    """A translation of ``passage`` into ``language`` (a code or a Language)."""
    code = str(getattr(language, "value", language))
    number = passage.rsplit(".", 1)[-1]
    return f"{SAMPLE_TRANSLATIONS[code]} ({number})" if number.isdigit() else (
        SAMPLE_TRANSLATIONS[code]
    )


def version_request(kind: ModifierKind) -> VersionRequest:
    """A corrigendum, addendum or revision that fits RECORD (one paragraph)."""
    if kind is ModifierKind.CORRIGENDUM:
        return VersionRequest(kind, corrections=(Correction(1, "The corrected paragraph."),))
    return VersionRequest(kind, paragraphs=(f"The paragraph of the {kind.name.lower()}.",))
