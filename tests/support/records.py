"""The record a mission submits in the registry and web tests: one definition for both."""

from __future__ import annotations

from typing import Any

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
