"""Choosing the page language: cookie, then Accept-Language, then English; Arabic right to left
(the pages served over the real registry on a temporary SQLite store)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from palais.languages import ALL, Language
from palais.web.ui.i18n import LANG_COOKIE, from_accept_language, translations
from tests.web.harness import Backend, make_api


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    """The public's browser on the application over the real registry and a new store."""
    for api in make_api(Backend("sqlite"), tmp_path):
        api.client.cookies.clear()
        yield api.client


def _html_tag(html: str) -> str:
    match = re.search(r"<html[^>]*>", html)
    assert match is not None
    return match.group(0)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("", Language.EN),
        ("fr-CH, fr;q=0.9, en;q=0.8", Language.FR),
        ("de-DE, ru;q=0.5, es;q=0.7", Language.ES),
        ("zh-CN,zh;q=0.9", Language.ZH),
        ("ar;q=0, fr;q=0.1", Language.FR),
        ("de, it", Language.EN),
        ("ru;q=bad, es;q=0.2", Language.ES),
        ("*", Language.EN),
    ],
)
def test_accept_language_picks_the_best_weighted_language(header: str, expected: Language) -> None:
    assert from_accept_language(header) is expected


def test_page_follows_accept_language(client: TestClient) -> None:
    response = client.get("/", headers={"Accept-Language": "ru-RU,ru;q=0.9"})
    assert response.headers["content-language"] == "ru"
    assert 'lang="ru"' in _html_tag(response.text)
    assert "Документы Совета по правам человека" in response.text


def test_cookie_choice_wins_over_accept_language(client: TestClient) -> None:
    client.cookies.set(LANG_COOKIE, "es")
    response = client.get("/", headers={"Accept-Language": "fr"})
    assert 'lang="es"' in _html_tag(response.text)
    assert "Documentos del Consejo de Derechos Humanos" in response.text


def test_unknown_cookie_value_falls_back_to_the_header(client: TestClient) -> None:
    client.cookies.set(LANG_COOKIE, "klingon")
    response = client.get("/", headers={"Accept-Language": "zh"})
    assert 'lang="zh-Hans"' in _html_tag(response.text)


def test_switcher_sets_the_cookie_and_returns_to_the_page(client: TestClient) -> None:
    response = client.get("/language/ar?next=/browse", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/browse"
    assert f"{LANG_COOKIE}=ar" in response.headers["set-cookie"]


def test_switcher_never_redirects_off_site(client: TestClient) -> None:
    response = client.get("/language/fr?next=//evil.example/", follow_redirects=False)
    assert response.headers["location"] == "/"


def test_switcher_refuses_a_language_that_is_not_official(client: TestClient) -> None:
    response = client.get("/language/de", follow_redirects=False)
    assert response.status_code == 422
    assert "unknown language" in response.text


def test_arabic_pages_are_right_to_left(client: TestClient) -> None:
    tag = _html_tag(client.get("/", headers={"Accept-Language": "ar"}).text)
    assert 'dir="rtl"' in tag and 'lang="ar"' in tag


@pytest.mark.parametrize("lang", [lang for lang in ALL if lang is not Language.AR])
def test_other_languages_are_left_to_right(client: TestClient, lang: Language) -> None:
    tag = _html_tag(client.get("/", headers={"Accept-Language": lang.value}).text)
    assert 'dir="ltr"' in tag


def test_switcher_names_each_language_in_itself_with_its_lang(client: TestClient) -> None:
    html = client.get("/").text
    for lang in ALL:
        assert f'lang="{lang.info.bcp47}" hreflang="{lang.info.bcp47}"' in html
        assert lang.info.native_name in html


@pytest.mark.parametrize("lang", [lang for lang in ALL if lang is not Language.EN])
def test_every_catalogue_translates_every_message(lang: Language) -> None:
    """No message of the template is left in English in another language's catalogue."""
    from babel.messages.pofile import read_po

    from palais.web.ui.i18n import CATALOGUES

    with (CATALOGUES / lang.value / "LC_MESSAGES" / "messages.po").open("rb") as po:
        catalog = read_po(po)
    untranslated = [m.id for m in catalog if m.id and not m.string]
    assert untranslated == []
    assert translations(lang).gettext("Log in") != "Log in"
