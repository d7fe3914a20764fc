"""What the public and each role find on their pages (over the registry stand-in)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from fastapi.testclient import TestClient

from palais.languages import Language
from palais.web.cookies import SESSION_COOKIE
from tests.web.ui.fakes import (
    FakeDocument,
    FakeRegistry,
    FakeSubmission,
    make_app,
    page_client,
    session_cookie,
)
from tests.web.ui.test_record_form import RECORD

SYMBOL = "A/HRC/47/G/3"


@pytest.fixture
def registry() -> FakeRegistry:
    return FakeRegistry(
        submissions={
            1: FakeSubmission(1, "submitted", dict(RECORD)),
            2: FakeSubmission(2, "issued", dict(RECORD) | {"symbol": SYMBOL}),
        },
        issued=[FakeDocument(SYMBOL, "Note verbale", "… dans la région de Kalbajar …")],
    )


def client_for(registry: FakeRegistry, user: str | None = None) -> TestClient:
    client = page_client(make_app(registry))
    if user:
        client.cookies.set(SESSION_COOKIE, session_cookie(user))
    return client


def test_document_page_offers_every_language_and_format(registry: FakeRegistry) -> None:
    html = client_for(registry).get(f"/documents/{SYMBOL}/fr").text
    for lang in Language:
        assert f'href="/documents/{SYMBOL}/{lang.value}"' in html
    for ext in ("pdf", "html", "xml", "txt"):
        assert f'href="/api/documents/{SYMBOL}/fr.{ext}"' in html
    assert f'href="/documents/{SYMBOL}/fr" lang="fr" hreflang="fr" aria-current="page"' in html


def test_document_page_of_an_unknown_symbol_is_a_404_page(registry: FakeRegistry) -> None:
    response = client_for(registry).get("/documents/A/HRC/47/G/99")
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.text


def test_a_malformed_symbol_is_explained(registry: FakeRegistry) -> None:
    response = client_for(registry).get("/documents/A/HRC/47")
    assert response.status_code == 422
    assert "needs a session and a number" in response.text


def test_search_lists_hits_with_links_and_a_count(registry: FakeRegistry) -> None:
    html = client_for(registry).get("/search", params={"q": "kalbajar"}).text
    assert "1 document found" in html
    assert f'href="/documents/{SYMBOL}"' in html


def test_search_counts_in_the_readers_language(registry: FakeRegistry) -> None:
    html = client_for(registry).get(
        "/search", params={"q": "kalbajar"}, headers={"Accept-Language": "ru"}
    ).text
    assert "Найден 1 документ" in html


def test_empty_search_shows_only_the_form(registry: FakeRegistry) -> None:
    html = client_for(registry).get("/search").text
    assert 'role="search"' in html and "found" not in html


def test_queue_filters_by_state(registry: FakeRegistry) -> None:
    html = client_for(registry, "officer").get("/secretariat", params={"state": "issued"}).text
    assert 'href="/secretariat/submissions/2"' in html
    assert 'href="/secretariat/submissions/1"' not in html




def test_home_lists_the_issued_documents(registry: FakeRegistry) -> None:
    html = client_for(registry).get("/").text
    assert f'href="/documents/{SYMBOL}"' in html


def test_browse_counts_documents_per_session_and_state(registry: FakeRegistry) -> None:
    html = client_for(registry).get("/browse").text
    assert 'href="/browse/sessions/47"' in html and 'href="/browse/states/AZE"' in html
    # Every session of the calendar is listed with its dates; one without documents unlinked.
    assert "Forty-sixth session" in html and 'href="/browse/sessions/46"' not in html
    assert "Forty-seventh session" in html and "21 June–9 July 2021" in html


def test_browse_names_sessions_items_and_states_in_the_readers_language(
    registry: FakeRegistry,
) -> None:
    client = client_for(registry)
    client.cookies.set("palais_lang", "ru")
    html = client.get("/browse").text
    assert "Сорок седьмая сессия" in html and "21 июня – 9 июля 2021 года" in html
    assert "Пункт 4 повестки дня" in html and ">Азербайджан</a>" in html


def test_browse_by_state_lists_its_documents(registry: FakeRegistry) -> None:
    client = client_for(registry)
    assert f'href="/documents/{SYMBOL}"' in client.get("/browse/states/aze").text
    assert f'href="/documents/{SYMBOL}"' not in client.get("/browse/states/ARM").text
    assert client.get("/browse/states/Azerbaijan").status_code == 404  # no such State code


def test_a_server_without_a_search_index_says_so(registry: FakeRegistry) -> None:
    app = make_app(registry)
    del app.state.follower
    html = TestClient(app).get("/search", params={"q": "kalbajar"}).text
    assert "Search is not available on this server." in html


def test_document_page_writes_session_state_and_date_in_the_readers_language(
    registry: FakeRegistry,
) -> None:
    client = client_for(registry)
    client.cookies.set("palais_lang", "fr")
    html = client.get(f"/documents/{SYMBOL}").text
    assert "Quarante-septième session" in html and ">Azerbaïdjan</a>" in html
    assert '<time datetime="2021-06-08">8 juin 2021</time>' in html


def test_document_page_links_its_corrigenda_revisions_and_addenda(registry: FakeRegistry) -> None:
    registry.issued[0] = replace(registry.issued[0], versions=(f"{SYMBOL}/Corr.1",))
    html = client_for(registry).get(f"/documents/{SYMBOL}").text
    assert f'<a href="/documents/{SYMBOL}/Corr.1" dir="ltr">{SYMBOL}/Corr.1</a>' in html


def test_a_long_listing_is_paged(registry: FakeRegistry) -> None:
    registry.issued.extend(
        FakeDocument(f"A/HRC/47/G/{n}", f"Note {n}", "Kalbajar") for n in range(10, 25)
    )
    client = client_for(registry)
    first = client.get("/search", params={"q": "Kalbajar"}).text
    assert 'rel="next" href="?q=Kalbajar&amp;page=2"' in first and 'rel="prev"' not in first
    second = client.get("/search", params={"q": "Kalbajar", "page": "2"}).text
    assert 'rel="prev" href="?q=Kalbajar&amp;page=1"' in second
