"""Turning the registry's values into JSON bodies.

The registry returns frozen dataclasses; :func:`plain` walks them generically
(a :class:`~palais.model.Document` through :func:`palais.records.to_record`,
the one JSON contract of a record), so a field added to a registry value shows
up in the API without a second model to keep in step.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any

from palais.languages import ALL, Language
from palais.model import Document
from palais.publish.feeds import FeedEntry
from palais.records import to_record
from palais.symbols import Symbol

Json = dict[str, Any]
_HIDDEN = frozenset({"password_hash", "token_hash", "data"})


def plain(value: Any) -> Any:
    """A JSON-ready copy of ``value`` (dataclasses, enums, dates, symbols, documents)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Symbol):
        return str(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Document):
        return to_record(value)
    if isinstance(value, bytes):
        return None
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in _HIDDEN and not f.name.startswith("_")
        }
    if isinstance(value, Mapping):
        return {str(plain(k)): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(v) for v in value]
    return str(value)


def submission_json(submission: Any) -> Json:
    body: Json = plain(submission)
    if "document" in body:
        body["record"] = body.pop("document")
    return body


def actor_json(actor: Any) -> Json:
    body: Json = plain(actor)
    return body


def audit_json(entry: Any) -> Json:
    body: Json = plain(entry)
    return body


def session_json(session: Any) -> Json:
    body: Json = plain(session)
    return body


def agenda_item_json(item: Any) -> Json:
    body: Json = plain(item)
    return body


def document_json(document: Any, api_prefix: str = "/api") -> Json:
    """An issued document's metadata, with the URL of each language and format."""
    body: Json = plain(document)
    symbol = str(getattr(document, "symbol", body.get("symbol")))
    base = f"{api_prefix}/documents/{symbol}"
    files: dict[str, dict[str, str]] = {}
    for ref in getattr(document, "manifestations", ()):
        files.setdefault(ref.language.value, {})[ref.format.value] = (
            f"{base}/{ref.language.value}.{ref.format.extension}"
        )
    body["files"] = files
    return body


def feed_entry(issued: Any, reader: Language | None = None) -> FeedEntry:
    """A feed's entry, titled in ``reader``'s language where that version exists."""
    doc: Document = issued.document
    languages: tuple[Language, ...] = tuple(getattr(issued, "languages", ALL))
    shown = issued.title_for(reader)
    return FeedEntry(
        symbol=str(issued.symbol),
        title=shown.text if shown else doc.doc_type.value.replace("_", " "),
        title_language=shown.language if shown else None,
        issued_at=issued.issued_at,
        session=doc.session,
        languages=languages,
    )


def metadata_row(issued: Any) -> Json:
    doc: Document = issued.document
    record = to_record(doc)
    return {
        **record,
        "symbol": str(issued.symbol),
        "state": plain(getattr(issued, "state", "issued")),
        "issued_at": plain(getattr(issued, "issued_at", None)),
        "languages": [lang.value for lang in getattr(issued, "languages", ALL)],
    }
