"""Which title a reader is shown: their language's version where it exists, else the
original, marked as such.

Every language version of an issued document prints its own title (the composed
version's), and the store keeps them beside the printed texts. Lists, search
results, document pages and feeds all choose the same way, so the choice is made
once, here, in the core.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from palais.languages import Language

__all__ = ["ShownTitle", "title_for"]


@dataclass(frozen=True, slots=True)
class ShownTitle:
    """A title as shown: its text, its language, and whether it is the original shown
    because the reader's language has no version (pages then say so)."""

    text: str
    language: Language | None
    original: bool = False


def title_for(
    titles: Mapping[Language, str],
    reader: Language | None,
    original: str | None,
    original_language: Language | None,
) -> ShownTitle | None:
    """The title of the ``reader``'s version, else the original's (marked when the reader
    asked for another language); None when the document has no title at all."""
    if reader is not None and titles.get(reader):
        return ShownTitle(titles[reader], reader)
    text = (titles.get(original_language) if original_language else None) or original
    if not text:
        fallback = next(((lang, t) for lang, t in titles.items() if t), None)
        if fallback is None:
            return None
        return ShownTitle(fallback[1], fallback[0], original=reader is not None)
    return ShownTitle(text, original_language, original=reader is not None)
