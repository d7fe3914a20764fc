"""The wording of corrigenda, addenda and reissues, from ``data/corrections.yaml``.

Composition asks here for the heading a version prints under the original's
title ("Corrigendum", "Rectificatif" ...), the lines that say where a
correction applies and what it does ("Paragraph 3 should read:", "For “x”
read “y”"), and the note of a document reissued for technical reasons. The
code only looks the words up: which of them were seen on UN documents, and
where, is recorded in the data file beside each entry.
"""

from __future__ import annotations

from datetime import date

from palais.conventions.data import language, load
from palais.conventions.dates import format_date
from palais.errors import CompositionError
from palais.languages import Language
from palais.symbols import ModifierKind

__all__ = [
    "REISSUE_MARKER",
    "confidence",
    "heading",
    "paragraph_location",
    "reissue_note",
    "replacement_lead",
    "substitution",
]

REISSUE_MARKER = "*"
"""What follows the symbol of a reissued document and opens its note (A/65/L.78*)."""


def heading(kind: ModifierKind, lang: Language | str) -> str | None:
    """The heading a corrigendum or an addendum prints under the original's title;
    None for a revision, which prints none."""
    entry = load("corrections")["heading"].get(kind.value)
    return str(entry[language(lang).value]) if entry else None


def paragraph_location(number: int, lang: Language | str) -> str:
    """"Paragraph 3" as a corrigendum names the paragraph it corrects."""
    return _words("location", "paragraph", lang=lang).format(n=number)


def replacement_lead(number: int, lang: Language | str) -> str:
    """The line before a paragraph's new text ("Paragraph 3 should read:")."""
    return _words("replace", lang=lang).format(n=number)


def substitution(old: str, new: str, lang: Language | str) -> str:
    """Words replaced inside a paragraph ("For “2019” read “2021”")."""
    return _words("substitute", lang=lang).format(old=old, new=new)


def reissue_note(on: date, lang: Language | str) -> str:
    """"Reissued for technical reasons on 16 June 2011." in ``lang``, dated as the
    language prints dates."""
    lang = language(lang)
    return _words("reissued", lang=lang).format(date=format_date(on, lang))


def confidence(*path: str) -> dict[str, str]:
    """The confidence mark of each language of one entry (C, C2 or I)."""
    entry = load("corrections")
    for key in path:
        entry = entry[key]
    return {str(k): str(v) for k, v in entry["confidence"].items()}


def _words(*path: str, lang: Language | str) -> str:
    entry = load("corrections")
    for key in path:
        entry = entry[key]
    text = entry.get(language(lang).value)
    if not text:
        raise CompositionError(f"the conventions give no wording for {'.'.join(path)} in {lang}")
    return str(text)
