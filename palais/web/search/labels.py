"""Facet names and values as a reader reads them, in the page's language.

The index counts codes (``note_verbale``, ``AZE``, ``41``); a reader reads
"Note verbale", "Azerbaijan", "41st session". Names of sessions, agenda items
and States come from the conventions (the UN's own wording in each language),
document types and facet names from the page catalogues.
"""

from __future__ import annotations

from collections.abc import Callable

from palais import conventions
from palais.errors import PalaisError
from palais.languages import Language

Gettext = Callable[[str], str]


def facet_names(_: Gettext) -> dict[str, str]:
    """Each facet's name in the catalogue's language."""
    return {
        "session": _("Session"), "agenda_item": _("Agenda item"), "sender": _("State"),
        "language": _("Language"), "doc_type": _("Document type"), "year": _("Year"),
        "symbol": _("Symbol"), "from": _("From date"), "until": _("Until date"),
    }


def doc_type_names(_: Gettext) -> dict[str, str]:
    return {
        "note_verbale": _("Note verbale"), "letter": _("Letter"), "report": _("Report"),
        "resolution": _("Resolution"), "decision": _("Decision"),
        "written_statement": _("Written statement"), "draft_resolution": _("Draft resolution"),
        "summary_record": _("Summary record"), "other": _("Other document"),
    }


def value_label(name: str, value: str, lang: Language, _: Gettext) -> str:
    """``value`` of facet ``name`` as the reader reads it (the code itself when the
    conventions do not know it)."""
    try:
        if name == "session" and value.isdigit():
            return conventions.session_line(int(value), lang)
        if name == "agenda_item" and value.isdigit():
            return conventions.agenda_line([int(value)], lang)
        if name == "sender":
            return conventions.state_name(value, lang)
    except PalaisError:
        return value
    if name == "language":
        try:
            return Language.parse(value).info.native_name
        except PalaisError:
            return value
    if name == "doc_type":
        return doc_type_names(_).get(value, value)
    return value
