"""Document records as JSON: the contract between parse, compose, registry and users.

``palais parse FILE --json`` prints the shape that :func:`to_record` makes, and
``palais compose RECORD.json`` reads it back with :func:`from_record`, so a
record can be edited by hand in between. Keys (all present on output; on input
only ``doc_type`` or ``paragraphs`` may not be omitted together)::

    symbol, body, session, session_dates [start, end], agenda_items [int],
    doc_type, doc_date, sender_state (ISO3, null for a joint letter),
    sender_states [ISO3], addressee, language (of the cover),
    original_language, title, paragraphs [str], footnotes [str],
    annexes [{language, title, subtitle, paragraphs}], reproduced_as_received,
    job_number, translations {passage: {lang: text}}, warnings [str],
    reference (the sender's number as printed), on_behalf_of (a group of States),
    ocr_confidence (0-100 where the text was read by OCR, else null)

and, only on the records they apply to (so every other record keeps its shape)::

    corrections [{paragraph, new, old}] (a corrigendum's corrections of its cover),
    reissued_on (the date a document was reissued for technical reasons)

``warnings`` of a record read from a note as sent hold one line a field,
"field: where it was read" or "field: not found ...".

A footnote is written with its marker as printed ("* Reproduced as received…").
Dates are ISO 8601; unknown values are null, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from palais.errors import InvalidRecord, PalaisError
from palais.languages import Language
from palais.model import Body, Correction, DocType, Document, Footnote, Part, PartKind, Party
from palais.symbols import Symbol

__all__ = ["from_record", "to_record"]

_FOOTNOTE_MARKER = re.compile(r"^\s*(\*+|\d+|[a-z])\s+(.*)$", re.DOTALL)


def to_record(doc: Document) -> dict[str, Any]:
    """The JSON-ready dict of ``doc`` (keys in contract order)."""
    record = _common(doc)
    if doc.corrections:
        record["corrections"] = [
            {"paragraph": c.paragraph, "new": c.new, "old": c.old} for c in doc.corrections
        ]
    if doc.reissued_on:
        record["reissued_on"] = doc.reissued_on.isoformat()
    return record


def _common(doc: Document) -> dict[str, Any]:
    return {
        "symbol": str(doc.symbol) if doc.symbol else None,
        "body": doc.body.value if doc.body else None,
        "session": doc.session,
        "session_dates": [d.isoformat() for d in doc.session_dates] if doc.session_dates else None,
        "agenda_items": list(doc.agenda_items),
        "doc_type": doc.doc_type.value,
        "doc_date": doc.doc_date.isoformat() if doc.doc_date else None,
        "sender_state": doc.sender.iso3 if doc.sender else None,
        "sender_states": [p.iso3 for p in doc.senders],
        "addressee": doc.addressee,
        "language": doc.language.value if doc.language else None,
        "original_language": doc.original_language.value if doc.original_language else None,
        "title": doc.title,
        "paragraphs": list(doc.cover.paragraphs),
        "footnotes": [f"{f.marker} {f.text}" for f in doc.cover.footnotes],
        "annexes": [
            {
                "language": a.language.value if a.language else None,
                "title": a.title,
                "subtitle": a.subtitle,
                "paragraphs": list(a.paragraphs),
            }
            for a in doc.annexes
        ],
        "reproduced_as_received": doc.reproduced_as_received,
        "job_number": doc.job_number,
        "translations": {
            passage: {lang.value: text for lang, text in by_lang.items()}
            for passage, by_lang in doc.translations.items()
        },
        "warnings": list(doc.warnings),
        "reference": doc.reference,
        "on_behalf_of": doc.on_behalf_of,
        "ocr_confidence": doc.ocr_confidence,
    }


def from_record(record: Mapping[str, Any]) -> Document:
    """Build a Document from a record, or raise InvalidRecord naming the bad field."""
    if not isinstance(record, Mapping):
        raise InvalidRecord("a record must be a JSON object")
    r = _Reader(record)
    cover_language = r.language("language")
    cover = Part(
        PartKind.COVER,
        cover_language,
        paragraphs=r.strings("paragraphs"),
        title=r.text("title"),
        footnotes=tuple(_footnote(f) for f in r.strings("footnotes")),
    )
    annexes = tuple(_annex(a, i) for i, a in enumerate(r.sequence("annexes")))
    sender = r.value("sender_state", lambda v: Party(str(v)))
    senders = tuple(Party(str(v)) for v in r.sequence("sender_states"))
    return Document(
        doc_type=r.value("doc_type", DocType) or DocType.OTHER,
        parts=(cover, *annexes),
        symbol=r.value("symbol", Symbol.parse),
        body=r.value("body", Body),
        session=r.integer("session"),
        session_dates=r.date_pair("session_dates"),
        agenda_items=tuple(r.integers("agenda_items")),
        doc_date=r.value("doc_date", _iso_date),
        sender=sender,
        senders=senders,
        addressee=r.text("addressee"),
        language=cover_language,
        original_language=r.language("original_language"),
        title=r.text("title"),
        reproduced_as_received=r.boolean("reproduced_as_received"),
        job_number=r.text("job_number"),
        translations=_translations(record.get("translations") or {}),
        warnings=r.strings("warnings"),
        reference=r.text("reference"),
        on_behalf_of=r.text("on_behalf_of"),
        ocr_confidence=r.number("ocr_confidence"),
        corrections=tuple(_correction(c, i) for i, c in enumerate(r.sequence("corrections"))),
        reissued_on=r.value("reissued_on", _iso_date),
    )


def _iso_date(value: Any) -> date:
    return date.fromisoformat(str(value))


def _footnote(text: str) -> Footnote:
    m = _FOOTNOTE_MARKER.match(text)
    return Footnote(m[1], m[2].strip()) if m else Footnote("*", text.strip())


def _correction(raw: Any, index: int) -> Correction:
    if not isinstance(raw, Mapping):
        raise InvalidRecord(f"corrections[{index}] must be an object")
    r = _Reader(raw, prefix=f"corrections[{index}].")
    paragraph, new = r.integer("paragraph"), r.text("new")
    if paragraph is None or new is None:
        raise InvalidRecord(f"corrections[{index}] needs its paragraph and its new text")
    return Correction(paragraph, new, r.text("old"))


def _annex(raw: Any, index: int) -> Part:
    if not isinstance(raw, Mapping):
        raise InvalidRecord(f"annexes[{index}] must be an object")
    r = _Reader(raw, prefix=f"annexes[{index}].")
    return Part(
        PartKind.ANNEX,
        r.language("language"),
        paragraphs=r.strings("paragraphs"),
        title=r.text("title"),
        subtitle=r.text("subtitle"),
    )


def _translations(raw: Any) -> dict[str, dict[Language, str]]:
    if not isinstance(raw, Mapping):
        raise InvalidRecord("translations must map passage names to {language: text}")
    out: dict[str, dict[Language, str]] = {}
    for passage, by_lang in raw.items():
        if not isinstance(by_lang, Mapping):
            raise InvalidRecord(f"translations[{passage!r}] must map languages to text")
        try:
            out[str(passage)] = {
                Language.parse(str(k)): _unicode(v, f"translations[{passage!r}][{k!r}]")
                for k, v in by_lang.items()
            }
        except InvalidRecord:
            raise
        except PalaisError as exc:
            raise InvalidRecord(f"translations[{passage!r}]: {exc.detail}") from exc
    return out


def _unicode(value: Any, where: str) -> str:
    """``value`` if it is text that UTF-8 can carry.

    JSON can spell a lone surrogate (``"\\ud800"``), which Python accepts as a
    string but no file, database or renderer can write: refused here, once, so
    no later stage fails on it halfway through.
    """
    if not isinstance(value, str):
        raise InvalidRecord(f"{where}: expected text, got {value!r}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InvalidRecord(
            f"{where}: contains a lone surrogate (U+{ord(value[exc.start]):04X}) at "
            f"character {exc.start}, which is not Unicode text"
        ) from exc
    return value


class _Reader:
    """Reads typed fields out of a mapping; every failure names the field."""

    def __init__(self, data: Mapping[str, Any], prefix: str = "") -> None:
        self.data = data
        self.prefix = prefix

    def _fail(self, key: str, expected: str) -> InvalidRecord:
        return InvalidRecord(f"{self.prefix}{key}: expected {expected}, got {self.data[key]!r}")

    def value(self, key: str, convert: Any) -> Any:
        raw = self.data.get(key)
        if raw is None:
            return None
        try:
            return convert(raw)
        except PalaisError as exc:
            raise InvalidRecord(f"{self.prefix}{key}: {exc.detail}") from exc
        except (ValueError, TypeError) as exc:
            raise InvalidRecord(f"{self.prefix}{key}: {exc}") from exc

    def text(self, key: str) -> str | None:
        raw = self.data.get(key)
        if raw is None:
            return None
        if not isinstance(raw, str):
            raise self._fail(key, "text")
        return _unicode(raw, f"{self.prefix}{key}")

    def integer(self, key: str) -> int | None:
        raw = self.data.get(key)
        if raw is None:
            return None
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise self._fail(key, "a whole number")
        return raw

    def number(self, key: str) -> float | None:
        raw = self.data.get(key)
        if raw is None:
            return None
        if isinstance(raw, bool) or not isinstance(raw, int | float) or not 0 <= raw <= 100:
            raise self._fail(key, "a number from 0 to 100")
        return float(raw)

    def boolean(self, key: str) -> bool | None:
        raw = self.data.get(key)
        if raw is None or isinstance(raw, bool):
            return raw
        raise self._fail(key, "true, false or null")

    def sequence(self, key: str) -> list[Any]:
        raw = self.data.get(key)
        if raw is None:
            return []
        if not isinstance(raw, list):
            raise self._fail(key, "a list")
        return raw

    def strings(self, key: str) -> tuple[str, ...]:
        items = self.sequence(key)
        if not all(isinstance(i, str) for i in items):
            raise self._fail(key, "a list of text")
        return tuple(_unicode(item, f"{self.prefix}{key}[{n}]") for n, item in enumerate(items))

    def integers(self, key: str) -> list[int]:
        items = self.sequence(key)
        if not all(isinstance(i, int) and not isinstance(i, bool) for i in items):
            raise self._fail(key, "a list of whole numbers")
        return items

    def language(self, key: str) -> Language | None:
        return self.value(key, lambda v: Language.parse(str(v)))

    def date_pair(self, key: str) -> tuple[date, date] | None:
        items = self.sequence(key)
        if not items:
            return None
        if len(items) != 2:
            raise self._fail(key, "[start, end] dates")
        start, end = (self.value_of(key, v) for v in items)
        return (start, end)

    def value_of(self, key: str, raw: Any) -> date:
        try:
            return _iso_date(raw)
        except ValueError as exc:
            raise InvalidRecord(f"{self.prefix}{key}: {exc}") from exc
