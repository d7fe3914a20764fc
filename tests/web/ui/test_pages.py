"""What the public finds on its pages, over the real registry on a temporary SQLite store:
the sample documents are submitted, registered and issued through the workflow."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from palais.languages import Language
from palais.publish.issuing import issue_document
from palais.publish.samples import issue_samples
from palais.symbols import ModifierKind
from tests.support.records import RECORD, version_request
from tests.web.harness import Api, Backend, make_api
from tests.web.officer import missing

SYMBOL = "A/HRC/47/G/1"  # the sample note verbale of Azerbaijan, 8 June 2021, in French


@pytest.fixture
def api(tmp_path: Path) -> Iterator[Api]:
    """A fresh store with the two sample documents issued and indexed."""
    for api in make_api(Backend("sqlite"), tmp_path):
        officer = api.registry.actor("officer")
        list(issue_samples(api.registry, officer, follower=api.app.state.follower))
        yield api


def client_for(api: Api) -> TestClient:
    api.client.cookies.clear()
    return api.client


def issue(api: Api, sid: int) -> str:
    """Have the translators supply what ``sid`` still lacks, then issue it."""
    api.translate(sid, missing(api, sid))
    officer = api.registry.actor("officer")
    return str(issue_document(api.registry, officer, sid, follower=api.app.state.follower).symbol)


def test_document_page_offers_every_language_and_format(api: Api) -> None:
    html = client_for(api).get(f"/documents/{SYMBOL}/fr").text
    for lang in Language:
        assert f'href="/documents/{SYMBOL}/{lang.value}"' in html
    for ext in ("pdf", "html", "xml", "txt"):
        assert f'href="/api/documents/{SYMBOL}/fr.{ext}"' in html
    assert f'href="/documents/{SYMBOL}/fr" lang="fr" hreflang="fr" aria-current="page"' in html


def test_document_page_of_an_unknown_symbol_is_a_404_page(api: Api) -> None:
    response = client_for(api).get("/documents/A/HRC/47/G/99")
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.text


def test_a_malformed_symbol_is_explained(api: Api) -> None:
    response = client_for(api).get("/documents/A/HRC/47")
    assert response.status_code == 422
    assert "needs a session and a number" in response.text


def test_search_lists_hits_with_links_and_a_count(api: Api) -> None:
    html = client_for(api).get("/search", params={"q": "landmines"}).text
    assert "1 document found" in html
    assert f'href="/documents/{SYMBOL}/en"' in html


def test_search_counts_in_the_readers_language(api: Api) -> None:
    html = client_for(api).get(
        "/search", params={"q": "landmines"}, headers={"Accept-Language": "ru"}
    ).text
    assert "Найден 1 документ" in html


def test_empty_search_shows_only_the_form(api: Api) -> None:
    html = client_for(api).get("/search").text
    assert 'role="search"' in html and "found" not in html


def test_home_lists_the_issued_documents(api: Api) -> None:
    html = client_for(api).get("/").text
    assert f'href="/documents/{SYMBOL}"' in html


def test_browse_counts_documents_per_session_and_state(api: Api) -> None:
    html = client_for(api).get("/browse").text
    assert 'href="/browse/sessions/47"' in html and 'href="/browse/states/AZE"' in html
    # Every session of the calendar is listed with its dates; one without documents unlinked.
    assert "Forty-sixth session" in html and 'href="/browse/sessions/46"' not in html
    assert "Forty-seventh session" in html and "21 June–9 July 2021" in html


def test_browse_names_sessions_items_and_states_in_the_readers_language(api: Api) -> None:
    client = client_for(api)
    client.cookies.set("palais_lang", "ru")
    html = client.get("/browse").text
    assert "Сорок седьмая сессия" in html and "21 июня – 9 июля 2021 года" in html
    assert "Пункт 4 повестки дня" in html and ">Азербайджан</a>" in html


def test_browse_by_state_lists_its_documents(api: Api) -> None:
    client = client_for(api)
    assert f'href="/documents/{SYMBOL}"' in client.get("/browse/states/aze").text
    assert f'href="/documents/{SYMBOL}"' not in client.get("/browse/states/ARM").text
    assert client.get("/browse/states/Azerbaijan").status_code == 404  # no such State code


def test_a_server_without_a_search_index_says_so(api: Api) -> None:
    del api.app.state.follower
    html = client_for(api).get("/search", params={"q": "landmines"}).text
    assert "Search is not available on this server." in html


def test_document_page_writes_session_state_and_date_in_the_readers_language(api: Api) -> None:
    client = client_for(api)
    client.cookies.set("palais_lang", "fr")
    html = client.get(f"/documents/{SYMBOL}").text
    assert "Quarante-septième session" in html and ">Azerbaïdjan</a>" in html
    assert '<time datetime="2021-06-08">8 juin 2021</time>' in html


def test_document_page_links_its_corrigenda_revisions_and_addenda(api: Api) -> None:
    officer = api.registry.actor("officer")
    corrigendum = api.registry.start_version_of(
        officer, SYMBOL, version_request(ModifierKind.CORRIGENDUM)
    )
    assert issue(api, corrigendum.id) == f"{SYMBOL}/Corr.1"
    html = client_for(api).get(f"/documents/{SYMBOL}").text
    assert f'<a href="/documents/{SYMBOL}/Corr.1" dir="ltr">{SYMBOL}/Corr.1</a>' in html


def test_a_long_listing_is_paged(api: Api) -> None:
    mission, officer = api.registry.actor("mission"), api.registry.actor("officer")
    for n in range(10, 20):  # with the two samples, twelve documents name Kalbajar
        record = {**RECORD, "title": f"Note {n}", "paragraphs": [f"Kalbajar, note {n}."]}
        sid = api.registry.submit_record(mission, record).id
        api.registry.register(officer, sid)
        issue(api, sid)
    client = client_for(api)
    first = client.get("/search", params={"q": "Kalbajar"}).text
    assert "12 documents found" in first
    assert 'rel="next" href="?q=Kalbajar&amp;page=2"' in first and 'rel="prev"' not in first
    second = client.get("/search", params={"q": "Kalbajar", "page": "2"}).text
    assert 'rel="prev" href="?q=Kalbajar&amp;page=1"' in second and 'rel="next"' not in second
