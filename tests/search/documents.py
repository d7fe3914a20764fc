"""Small issued documents written for the search tests, one language at a time."""

from __future__ import annotations

from datetime import date

from palais.languages import Language
from palais.model import DocType, Document, Part, PartKind, Party
from palais.symbols import Symbol


def issued(
    number: int,
    text: str,
    *,
    lang: Language = Language.EN,
    session: int = 47,
    agenda_items: tuple[int, ...] = (4,),
    sender: str = "AZE",
    doc_date: date = date(2021, 6, 8),
    doc_type: DocType = DocType.NOTE_VERBALE,
    annex: tuple[Language, str] | None = None,
    translations: dict[Language, str] | None = None,
    title: str | None = None,
) -> Document:
    """A note verbale A/HRC/<session>/G/<number> whose cover says ``text``."""
    parts = [Part(PartKind.COVER, lang, (text,))]
    if annex is not None:
        parts.append(Part(PartKind.ANNEX, annex[0], (annex[1],)))
    return Document(
        doc_type=doc_type,
        parts=tuple(parts),
        symbol=Symbol.parse(f"A/HRC/{session}/G/{number}"),
        session=session,
        agenda_items=agenda_items,
        doc_date=doc_date,
        sender=Party(sender),
        language=lang,
        original_language=lang,
        title=title,
        translations={"subject": translations} if translations else {},
    )
