"""Titles in the reader's language: the document page, lists, search results and feeds
show the title the reader's version prints, else the original's, marked as such."""

from __future__ import annotations

import re

from lxml import etree

from palais.model import Format
from palais.publish.feeds import ATOM_NS
from palais.publish.samples import issue_samples
from palais.records import from_record
from palais.registry.values import Legacy
from tests.support.records import RECORD
from tests.web.harness import Api

SYMBOL = "A/HRC/41/G/7"  # received in Russian
ENGLISH = (
    "Note verbale dated 6 June 2019 from the Permanent Mission of Azerbaijan to the "
    "United Nations Office at Geneva addressed to the Office of the United Nations High "
    "Commissioner for Human Rights"
)
FRENCH_START = "Note verbale datée du 6 juin 2019"
ATOM = {"a": ATOM_NS}


def _issue(api: Api) -> None:
    officer = api.registry.actor("officer")
    list(issue_samples(api.registry, officer, follower=api.app.state.follower))


def _page(api: Api, path: str, lang: str) -> str:
    response = api.client.get(path, headers={"Accept-Language": lang})
    assert response.status_code == 200, response.text
    return response.text


def _titles(html: str) -> list[tuple[str, str]]:
    """(lang, text) of every title shown on a page."""
    found = re.findall(r'class="(?:doc-)?title" dir="auto" lang="([^"]+)">([^<]*)', html)
    return [(lang, text.strip()) for lang, text in found]


def test_an_english_reader_sees_the_english_title_everywhere(api: Api) -> None:
    _issue(api)
    pages = {
        "document": f"/documents/{SYMBOL}",
        "english version": f"/documents/{SYMBOL}/en",
        "search": "/search?q=Geneva",
        "session list": "/browse/sessions/41",
        "home": "/",
    }
    for name, path in pages.items():
        shown = _titles(_page(api, path, "en"))
        assert ("en", ENGLISH) in shown, name
        assert all(lang == "en" for lang, _ in shown), (name, shown)
        assert "original-mark" not in _page(api, path, "en"), name


def test_a_french_reader_sees_the_french_title_and_a_version_page_its_own(api: Api) -> None:
    _issue(api)
    shown = _titles(_page(api, f"/documents/{SYMBOL}", "fr"))
    assert shown[0][0] == "fr" and shown[0][1].startswith(FRENCH_START)
    # The page of the English version shows the title that version prints.
    assert _titles(_page(api, f"/documents/{SYMBOL}/en", "fr"))[0] == ("en", ENGLISH)


def test_a_document_with_one_version_shows_its_original_title_marked(api: Api) -> None:
    document = from_record({**RECORD, "symbol": "A/HRC/41/G/90", "language": "fr",
                            "title": "Note verbale du Burundi"})
    text = "A/HRC/41/G/90\nNote verbale du Burundi sur la situation."
    legacy = Legacy("90.txt", text.encode(), Format.TXT, document, text)
    [imported] = api.registry.import_documents(api.registry.actor("officer"), [legacy])
    assert imported.symbol == "A/HRC/41/G/90"
    for path in ("/documents/A/HRC/41/G/90", "/search?q=Burundi", "/browse/sessions/41"):
        html = _page(api, path, "en")
        assert ("fr", "Note verbale du Burundi") in _titles(html), path
        assert "original: French" in html, path  # named in the reader's language
    assert "الأصل: الفرنسية" in _page(api, "/documents/A/HRC/41/G/90", "ar")


def test_feeds_title_entries_in_the_readers_language_and_link_to_the_page(api: Api) -> None:
    _issue(api)
    for path in ("/api/feeds/documents.atom", "/api/feeds/issued.atom",
                 "/api/feeds/sessions/41.atom"):
        response = api.client.get(path, headers={"Accept-Language": "en"})
        assert response.status_code == 200, path
        root = etree.fromstring(response.content)
        [entry] = [e for e in root.xpath("a:entry", namespaces=ATOM)
                   if e.xpath("a:id/text()", namespaces=ATOM)[0].endswith(SYMBOL)]
        [title] = entry.xpath("a:title", namespaces=ATOM)
        assert title.text == f"{SYMBOL} — {ENGLISH}"
        assert title.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
        [page] = entry.xpath("a:link[@rel='alternate']", namespaces=ATOM)
        assert page.get("type") == "text/html"
        assert page.get("href") == f"http://testserver/documents/{SYMBOL}"
        assert api.client.get(page.get("href")).status_code == 200


def test_feeds_per_agenda_item_and_the_sitemap_lead_to_the_pages(api: Api) -> None:
    _issue(api)
    feed = etree.fromstring(api.client.get("/api/feeds/agenda/4.atom").content)
    pages = feed.xpath("a:entry/a:link[@rel='alternate']/@href", namespaces=ATOM)
    assert sorted(pages) == ["http://testserver/documents/A/HRC/41/G/7",
                             "http://testserver/documents/A/HRC/47/G/1"]
    assert feed.xpath("a:entry", namespaces=ATOM) and not etree.fromstring(
        api.client.get("/api/feeds/agenda/3.atom").content).xpath("a:entry", namespaces=ATOM)
    assert api.client.get("/api/feeds/agenda/11.atom").status_code == 404
    sitemap = etree.fromstring(api.client.get("/sitemap.xml").content)
    locations = sitemap.xpath("//s:loc/text()",
                              namespaces={"s": "http://www.sitemaps.org/schemas/sitemap/0.9"})
    assert f"http://testserver/documents/{SYMBOL}" in locations
    assert f"http://testserver/documents/{SYMBOL}/ar" in locations
    assert len(locations) == 4 + 2 * 7
    for location in locations:
        assert api.client.head(location).status_code == 200, location
