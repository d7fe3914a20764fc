"""Facets, filters, pagination and snippets, the same for both engines."""

from __future__ import annotations

from datetime import date

import pytest

from palais.errors import InvalidInput, UnknownLanguage, UnknownState
from palais.languages import Language
from palais.model import DocType
from palais.search import PAGE_SIZE, SearchIndex
from tests.search.documents import issued


def _archive() -> list:
    return [
        issued(1, "Shelling of villages near Tartar.", session=47, agenda_items=(4,), sender="AZE"),
        issued(
            2,
            "Shelling of the town reported.",
            session=47,
            agenda_items=(2, 4),
            sender="ARM",
            doc_type=DocType.LETTER,
        ),
        issued(
            3,
            "Shelling continued in 2019.",
            session=41,
            agenda_items=(4,),
            sender="AZE",
            doc_date=date(2019, 6, 6),
        ),
        issued(
            4,
            "Bombardement de villages.",
            lang=Language.FR,
            session=41,
            sender="AZE",
            doc_date=date(2019, 7, 1),
        ),
    ]


def test_facets_count_the_matching_documents(index: SearchIndex) -> None:
    index.warm()  # an empty index warms too (a server's first start)
    index.rebuild(_archive())
    index.warm()
    results = index.search("shelling")
    assert results.total == 3
    assert results.facets == {
        "session": [("41", 1), ("47", 2)],
        "agenda_item": [("2", 1), ("4", 3)],
        "sender": [("ARM", 1), ("AZE", 2)],
        "doc_type": [("letter", 1), ("note_verbale", 2)],
        "language": [("en", 3)],
        "year": [("2019", 1), ("2021", 2)],
    }


def test_browsing_is_a_search_without_words_newest_first(index: SearchIndex) -> None:
    index.rebuild(_archive())
    everything = index.search("")
    assert everything.total == 4
    assert dict(everything.facets["session"]) == {"41": 2, "47": 2}
    assert dict(everything.facets["language"]) == {"en": 3, "fr": 1}
    dates = [hit.doc_date for hit in everything.hits]
    assert dates == sorted(dates, reverse=True)
    listing = index.search("", filters={"session": "41"})
    assert {hit.symbol for hit in listing.hits} == {"A/HRC/41/G/3", "A/HRC/41/G/4"}
    (french,) = index.search("", filters={"language": "fr"}).hits
    assert (french.symbol, french.language) == ("A/HRC/41/G/4", Language.FR)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"session": "47"}, {"A/HRC/47/G/1", "A/HRC/47/G/2"}),
        ({"agenda_item": "2"}, {"A/HRC/47/G/2"}),
        ({"sender": "arm"}, {"A/HRC/47/G/2"}),
        ({"doc_type": "note_verbale", "year": "2019"}, {"A/HRC/41/G/3"}),
        ({"language": "en", "sender": "AZE"}, {"A/HRC/47/G/1", "A/HRC/41/G/3"}),
        ({"language": "fr"}, set()),
    ],
)
def test_filters_narrow_the_matches(
    index: SearchIndex, filters: dict[str, str], expected: set[str]
) -> None:
    index.rebuild(_archive())
    results = index.search("shelling", filters=filters)
    assert {hit.symbol for hit in results.hits} == expected
    assert results.total == len(expected)


@pytest.mark.parametrize(
    ("filters", "error"),
    [
        ({"colour": "red"}, InvalidInput),
        ({"session": "forty"}, InvalidInput),
        ({"language": "de"}, UnknownLanguage),
        ({"sender": "Azerbaijan"}, UnknownState),
    ],
)
def test_a_bad_filter_is_refused_with_its_name(
    index: SearchIndex, filters: dict[str, str], error: type[Exception]
) -> None:
    with pytest.raises(error):
        index.search("shelling", filters=filters)


def test_pages_cover_every_match_once(index: SearchIndex) -> None:
    count = PAGE_SIZE * 2 + 3
    index.rebuild(issued(n, f"Report number {n} on displacement.") for n in range(1, count + 1))
    pages = [index.search("displacement", page=p) for p in (1, 2, 3, 4)]
    symbols = [hit.symbol for page in pages for hit in page.hits]
    assert [len(page.hits) for page in pages] == [PAGE_SIZE, PAGE_SIZE, 3, 0]
    assert len(set(symbols)) == count
    assert {page.total for page in pages} == {count}
    assert pages[0].pages == 3
    with pytest.raises(InvalidInput):
        index.search("displacement", page=0)


def test_snippets_mark_the_words_and_escape_the_text(index: SearchIndex) -> None:
    text = (
        "Opening words of a long note that the snippet should skip over entirely, " * 6
        + "then <script>alert('x')</script> & the Kalbajar district was shelled."
    )
    index.add(issued(1, text))
    (hit,) = index.search("shelled kalbajar").hits
    html = str(hit.snippet)
    assert "<mark>Kalbajar</mark>" in html
    assert "<mark>shelled</mark>" in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp;" in html
    assert "<script>" not in html
    assert html.startswith("…")
    assert len(hit.snippet.striptags()) < 300


def test_a_chinese_snippet_marks_the_characters(index: SearchIndex) -> None:
    index.add(issued(1, "这是关于人权状况的报告。", lang=Language.ZH))
    (hit,) = index.search("人权").hits
    assert str(hit.snippet) == "这是关于<mark>人权</mark>状况的报告。"


def test_the_document_about_the_words_ranks_first(index: SearchIndex) -> None:
    index.rebuild(
        [
            issued(1, "A long note on water, roads, schools, clinics and, once, landmines."),
            issued(2, "Landmines: landmines laid near villages; landmines cleared."),
            issued(3, "Schools and clinics."),
        ]
    )
    assert [hit.symbol for hit in index.search("landmines").hits] == [
        "A/HRC/47/G/2",
        "A/HRC/47/G/1",
    ]
