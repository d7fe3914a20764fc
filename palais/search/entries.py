"""What the index holds for one issued document: its record's facets and what it prints.

The index is derived data: an :class:`Entry` comes from the
:class:`palais.model.Document` the registry issued and the printed text of each
of its language versions (the text the one compose pass made, kept by the
store), so every word a reader sees in a version is searchable in that
version's language: cover lines, titles, formulaic paragraphs, translations,
and each annex in the language it was received in (annexes are reproduced as
received). A document known only by its record (no printed texts) is indexed
from the record: the cover in its language, translated passages in theirs.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from palais.errors import InvalidInput
from palais.languages import Language
from palais.model import Document, Part
from palais.search import normalise
from palais.symbols import sort_text


@dataclass(frozen=True, slots=True)
class Entry:
    """One document as indexed: metadata for facets, original text per language."""

    symbol: str
    doc_type: str
    language: Language | None
    title: str | None = None
    doc_date: date | None = None
    session: int | None = None
    agenda_items: tuple[int, ...] = ()
    senders: tuple[str, ...] = ()
    texts: Mapping[Language, str] = field(default_factory=dict)
    titles: Mapping[Language, str] = field(default_factory=dict)  # as each version prints it

    @property
    def year(self) -> int | None:
        return self.doc_date.year if self.doc_date else None

    @property
    def languages(self) -> tuple[Language, ...]:
        return tuple(lang for lang in Language if self.texts.get(lang))

    @property
    def ordinal(self) -> int:
        """The date as a sortable integer (0 when unknown): listings show the newest first."""
        return self.doc_date.toordinal() if self.doc_date else 0

    def payload(self) -> dict[str, Any]:
        """A JSON-ready dict from which :meth:`from_payload` rebuilds the entry."""
        return {
            "symbol": self.symbol,
            "doc_type": self.doc_type,
            "language": self.language.value if self.language else None,
            "title": self.title,
            "doc_date": self.doc_date.isoformat() if self.doc_date else None,
            "session": self.session,
            "agenda_items": list(self.agenda_items),
            "senders": list(self.senders),
            "texts": {lang.value: text for lang, text in self.texts.items()},
            "titles": {lang.value: title for lang, title in self.titles.items()},
            "symbol_key": sort_text(self.symbol),  # what engines sort symbols by
        }

    @classmethod
    def from_payload(cls, data: Mapping[str, Any]) -> Entry:
        return cls(
            symbol=data["symbol"],
            doc_type=data["doc_type"],
            language=Language(data["language"]) if data["language"] else None,
            title=data["title"],
            doc_date=date.fromisoformat(data["doc_date"]) if data["doc_date"] else None,
            session=data["session"],
            agenda_items=tuple(data["agenda_items"]),
            senders=tuple(data["senders"]),
            texts={Language(k): v for k, v in data["texts"].items()},
            titles={Language(k): v for k, v in data.get("titles", {}).items()},
        )

    @property
    def digest(self) -> str:
        """Hash of what is indexed, and of the normaliser's version: changes mean drift."""
        body = json.dumps(self.payload(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(f"{normalise.VERSION}\n{body}".encode()).hexdigest()

    def terms(self, lang: Language) -> str:
        """The index terms of the ``lang`` field; the symbol is searchable in every field."""
        text = self.texts.get(lang, "")
        return normalise.index_text(f"{self.symbol}\n{text}", lang) if text else ""


def entry_of(
    doc: Document,
    texts: Mapping[Language, str] | None = None,
    titles: Mapping[Language, str] | None = None,
) -> Entry:
    """The entry of an issued document, from the printed ``texts`` (and ``titles``) of its
    versions when given; a document without a symbol cannot be indexed."""
    if doc.symbol is None:
        raise InvalidInput("only a registered document (one with a symbol) can be indexed")
    cover_lang = doc.language or doc.original_language
    chunks = _printed(texts) if texts else _recorded(doc, cover_lang)
    senders = doc.senders or ((doc.sender,) if doc.sender else ())
    return Entry(
        symbol=str(doc.symbol),
        doc_type=doc.doc_type.value,
        language=doc.original_language or cover_lang,
        title=doc.title,
        doc_date=doc.doc_date,
        session=doc.session,
        agenda_items=tuple(doc.agenda_items),
        senders=tuple(dict.fromkeys(p.iso3 for p in senders)),
        texts={
            lang: "\n".join(c for c in chunks[lang] if c) for lang in Language if lang in chunks
        },
        titles={lang: t for lang, t in (titles or {}).items() if t},
    )


def _printed(texts: Mapping[Language, str]) -> dict[Language, list[str]]:
    return {lang: [text] for lang, text in texts.items() if text.strip()}


def _recorded(doc: Document, cover_lang: Language | None) -> dict[Language, list[str]]:
    chunks: dict[Language, list[str]] = {}
    if cover_lang is not None:
        chunks.setdefault(cover_lang, []).extend(_part_text(doc.cover, doc.title))
    for by_lang in doc.translations.values():
        for lang, text in by_lang.items():
            if lang is not cover_lang:
                chunks.setdefault(lang, []).append(text)
    for annex in doc.annexes:
        annex_lang = annex.language or cover_lang
        if annex_lang is not None:
            chunks.setdefault(annex_lang, []).extend(_part_text(annex))
    return chunks


def _part_text(part: Part, title: str | None = None) -> Iterable[str]:
    yield from (t for t in (title, part.title, part.subtitle) if t)
    yield from part.paragraphs
    yield from (f.text for f in part.footnotes)


def fingerprint_of(digests: Iterable[tuple[str, str]]) -> str:
    """One hash over (symbol, digest) pairs, independent of their order."""
    h = hashlib.sha256()
    for symbol, digest in sorted(digests):
        h.update(f"{symbol}\t{digest}\n".encode())
    return h.hexdigest()
