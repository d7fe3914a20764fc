"""Atom feeds: valid Atom, newest first, one PDF link per language."""

from datetime import UTC, datetime

from lxml import etree

from palais.languages import ALL, Language
from palais.publish.feeds import ATOM_NS, FeedEntry, atom_feed, entry_id

NS = {"a": ATOM_NS}


def _entries() -> list[FeedEntry]:
    return [
        FeedEntry("A/HRC/41/G/1", "Note verbale", datetime(2019, 6, 20, 9, tzinfo=UTC), 41, ALL),
        FeedEntry(
            "A/HRC/41/G/2", "Letter", datetime(2019, 6, 21, 9, tzinfo=UTC), 41, (Language.EN,)
        ),
    ]


def test_feed_lists_newest_first_with_stable_ids() -> None:
    xml = atom_feed(
        _entries(), title="Issued", feed_path="/api/feeds/issued.atom",
        base_url="http://127.0.0.1:8000", documents_path="/api/documents",
    )
    root = etree.fromstring(xml)
    ids = root.xpath("a:entry/a:id/text()", namespaces=NS)
    assert ids == [entry_id("A/HRC/41/G/2"), entry_id("A/HRC/41/G/1")]
    assert root.xpath("a:updated/text()", namespaces=NS) == ["2019-06-21T09:00:00Z"]


def test_each_language_has_an_enclosure_with_hreflang() -> None:
    xml = atom_feed(
        _entries()[:1], title="Issued", feed_path="/f", base_url="http://h/",
        documents_path="/api/documents",
    )
    links = etree.fromstring(xml).xpath("a:entry/a:link[@rel='enclosure']", namespaces=NS)
    assert [link.get("hreflang") for link in links] == ["ar", "zh-Hans", "en", "fr", "ru", "es"]
    assert links[4].get("href") == "http://h/api/documents/A/HRC/41/G/1/ru.pdf"


def test_an_empty_feed_is_still_valid_atom() -> None:
    root = etree.fromstring(
        atom_feed([], title="Issued", feed_path="/f", base_url="http://h", documents_path="/d")
    )
    assert root.tag == f"{{{ATOM_NS}}}feed"
    assert root.xpath("a:entry", namespaces=NS) == []
    assert len(root.xpath("a:updated", namespaces=NS)) == 1
