"""Atom feeds (RFC 4287) of newly issued documents: one for all, one per session.

A feed lists the most recent issues first. Each entry's id is a ``tag:`` URI
(RFC 4151) built from the symbol, so it stays the same whatever host serves the
feed, and its links point to the document's metadata and to each language's
PDF, marked with ``hreflang`` so a reader can pick its language.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import quote
from xml.etree import ElementTree as ET

from palais.languages import Language

ATOM_NS = "http://www.w3.org/2005/Atom"
ATOM_MEDIA_TYPE = "application/atom+xml"
TAG_AUTHORITY = "palais.un-hrc,2019"


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """What a feed says about one issued document."""

    symbol: str
    title: str
    issued_at: datetime
    session: int | None
    languages: Sequence[Language]
    summary: str | None = None
    title_language: Language | None = None  # the reader's where that version has a title


def entry_id(symbol: str) -> str:
    return f"tag:{TAG_AUTHORITY}:document/{symbol}"


def atom_feed(
    entries: Iterable[FeedEntry],
    *,
    title: str,
    feed_path: str,
    base_url: str,
    documents_path: str,
    pages_path: str = "/documents",
) -> bytes:
    """The Atom XML of ``entries`` (newest first), with absolute links under ``base_url``:
    each entry's link is the page a person reads (``pages_path``), its metadata and files
    are under ``documents_path``."""
    ET.register_namespace("", ATOM_NS)
    ordered = sorted(entries, key=lambda e: e.issued_at, reverse=True)
    base = base_url.rstrip("/")
    feed = ET.Element(_q("feed"))
    _text(feed, "id", f"tag:{TAG_AUTHORITY}:feed{feed_path}")
    _text(feed, "title", title)
    updated = ordered[0].issued_at if ordered else datetime(2006, 6, 19, tzinfo=UTC)
    _text(feed, "updated", _iso(updated))
    ET.SubElement(feed, _q("link"), rel="self", href=base + feed_path, type=ATOM_MEDIA_TYPE)
    author = ET.SubElement(feed, _q("author"))
    _text(author, "name", "Human Rights Council secretariat")
    for e in ordered:
        entry = ET.SubElement(feed, _q("entry"))
        doc_url = f"{base}{documents_path}/{quote(e.symbol)}"
        _text(entry, "id", entry_id(e.symbol))
        heading = _text(entry, "title", f"{e.symbol} — {e.title}")
        if e.title_language is not None:
            heading.set(_XML_LANG, e.title_language.info.bcp47)
        _text(entry, "updated", _iso(e.issued_at))
        _text(entry, "published", _iso(e.issued_at))
        page_url = f"{base}{pages_path}/{quote(e.symbol)}"
        ET.SubElement(entry, _q("link"), rel="alternate", href=page_url, type="text/html")
        ET.SubElement(entry, _q("link"), rel="related", href=doc_url, type="application/json")
        for lang in e.languages:
            ET.SubElement(
                entry, _q("link"), rel="enclosure", href=f"{doc_url}/{lang.value}.pdf",
                type="application/pdf", hreflang=lang.info.bcp47,
            )
        if e.session is not None:
            ET.SubElement(entry, _q("category"), term=f"session-{e.session}")
        if e.summary:
            _text(entry, "summary", e.summary)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _q(name: str) -> str:
    return f"{{{ATOM_NS}}}{name}"


def _text(parent: ET.Element, name: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, _q(name))
    element.text = value
    return element


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")
