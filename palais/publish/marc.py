"""An issued document as a MARC 21 bibliographic record, the UN Digital Library's way.

One record per symbol covering every language version (the UN catalogues the
Work, with a file per language), following how the Dag Hammarskjöld Library
catalogues Council documents: the symbol in 191 ($a whole, $b series with its
final slash, $c session), the English title in 245 without a final full stop,
the languages issued in 041 as one run of codes, the masthead date in 269
(``YYYYMMDD``) and 260 $c, the job number per language in 029, the agenda item
in 991, related symbols in 993, the Council as corporate author in 710, the
library's browse and resource-type fields 981/989 for letters and notes verbales,
and one 856 per language file. palais's own prefix is used in 035 (never the
library's ``(DHL)`` numbers). Sources: docs/decisions.md, "The public archive".
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from typing import Any

from lxml import etree

from palais import conventions
from palais.conventions.jobs import base_job_number
from palais.errors import PalaisError
from palais.languages import Language
from palais.model import DocType, Format

MARC_NS = "http://www.loc.gov/MARC21/slim"
MARC_SCHEMA = "http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd"
_JOB_LETTER = {
    Language.AR: "A", Language.ZH: "C", Language.EN: "E", Language.FR: "F",
    Language.RU: "R", Language.ES: "S",
}
_LETTERS = (DocType.NOTE_VERBALE, DocType.LETTER)
Subfields = Iterable[tuple[str, str]]


def marc_record(issued: Any, base_url: str) -> etree._Element:
    """The MARCXML ``record`` element of ``issued`` (a registry IssuedDocument); file
    links are absolute under ``base_url``."""
    doc = issued.document
    symbol = str(issued.symbol)
    record = etree.Element(f"{{{MARC_NS}}}record", nsmap={None: MARC_NS})
    _leader(record, "00000nam a2200000 a 4500")
    _control(record, "001", symbol)
    _control(record, "005", issued.issued_at.strftime("%Y%m%d%H%M%S.0"))
    if doc.job_number:
        base = re.sub(r"\D", "", base_job_number(doc.job_number))
        for lang in issued.languages:
            _field(record, "029", "  ", [("a", "JN"), ("b", f"G{base} {_JOB_LETTER[lang]}")])
    _field(record, "035", "  ", [("a", f"(palais){symbol}")])
    # MARC language codes (ISO 639-2/B), run together in alphabetical order.
    codes = sorted(lang.info.iso639_2b for lang in issued.languages)
    _field(record, "041", "  ", [("a", "".join(codes))])
    _field(record, "091", "  ", [("a", "GEN")])
    parts = [("a", symbol)]
    if issued.symbol.session is not None:
        series = symbol.split(f"/{issued.symbol.session}/")[0] + "/"
        parts += [("b", series), ("c", str(issued.symbol.session))]
    _field(record, "191", "  ", parts)
    english = issued.title_for(Language.EN)
    if english is not None:
        _field(record, "245", "10", [("a", english.text.rstrip(". "))])
    if doc.doc_date is not None:
        _field(record, "260", "  ", [("c", conventions.format_date(doc.doc_date, Language.EN))])
        _field(record, "269", "  ", [("a", doc.doc_date.strftime("%Y%m%d"))])
    if len(issued.languages) == 1:
        only = issued.languages[0]
        _field(record, "546", "  ", [("a", f"{only.info.english_name} only.")])
    _field(record, "710", "2 ", [("a", "UN. Human Rights Council")])
    for lang in issued.languages:
        name = f"{symbol.replace('/', '_')}-{lang.value.upper()}.pdf"
        url = f"{base_url.rstrip('/')}/api/documents/{symbol}/{lang.value}.{Format.PDF.extension}"
        _field(record, "856", "4 ", [("u", url), ("3", lang.info.native_name), ("y", name)])
    _field(record, "980", "  ", [("a", "BIB")])
    _field(record, "981", "  ", [("a", "Human Rights Bodies"),
                                 ("b", "Charter-Based Human Rights Bodies"),
                                 ("c", "Human Rights Council")])
    kind = "Letters and Notes Verbales" if doc.doc_type in _LETTERS else None
    _field(record, "989", "  ", [("a", "Documents and Publications")]
           + ([("b", kind)] if kind else []))
    for item in doc.agenda_items:
        sub = [("a", f"A/HRC/{doc.session}/1")] if doc.session else []
        sub.append(("b", str(item)))
        with contextlib.suppress(PalaisError):
            sub.append(("c", conventions.agenda_title(item, Language.EN)))
        _field(record, "991", "1 ", sub)
    related = ([issued.original] if issued.original else []) + list(issued.versions)
    for other in related:
        _field(record, "993", "  ", [("a", str(other))])
    return record


def _leader(record: etree._Element, text: str) -> None:
    etree.SubElement(record, f"{{{MARC_NS}}}leader").text = text


def _control(record: etree._Element, tag: str, value: str) -> None:
    etree.SubElement(record, f"{{{MARC_NS}}}controlfield", tag=tag).text = value


def _field(record: etree._Element, tag: str, indicators: str, subfields: Subfields) -> None:
    field = etree.SubElement(
        record, f"{{{MARC_NS}}}datafield", tag=tag, ind1=indicators[0], ind2=indicators[1]
    )
    for code, value in subfields:
        etree.SubElement(field, f"{{{MARC_NS}}}subfield", code=code).text = value
