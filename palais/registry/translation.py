"""Which passages a submission needs translated, as composition defines them.

A passage is free text of a cover that a person must translate; which ones a
record has, and which languages still lack them, is composition's knowledge
(:mod:`palais.compose.passages`), asked here rather than restated, so the
registry's "ready" and composition's refusal can never disagree.
"""

from __future__ import annotations

import re

from palais.compose.passages import missing_translations, passages
from palais.errors import InvalidInput, NotFound
from palais.model import Document

_KEY = re.compile(r"^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*$")
MAX_KEY_LENGTH = 100


def passage_key(value: str) -> str:
    """A passage name as written in a URL (``cover.paragraph.1``), checked."""
    if len(value) > MAX_KEY_LENGTH or not _KEY.match(value):
        raise InvalidInput(
            "invalid passage name %(value)r: expected e.g. cover.title, cover.paragraph.1",
            value=value[:40],
        )
    return value


def check_passage(document: Document, key: str) -> None:
    """Raise NotFound unless ``key`` is a passage of ``document`` that needs translating."""
    keys = [p.key for p in passages(document)]
    if key not in keys:
        listed = ", ".join(keys) or "none"
        raise NotFound(
            "the document has no passage %(key)r to translate (passages: %(listed)s)",
            key=key, listed=listed,
        )


def anything_missing(document: Document) -> bool:
    return any(missing_translations(document).values())
