"""The public archive as a reader uses it in Chromium, over the real registry: finding a
document by a word of its version in the reader's language, its title in that language
everywhere, filters combined and removed, sorting; in English and right to left in Arabic;
every page checked by axe-core."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from palais.publish.samples import issue_samples
from palais.web.ui.i18n import LANG_COOKIE
from tests.browser.conftest import UiServer
from tests.support.browser import run_axe, screenshot

pytestmark = pytest.mark.browser

SYMBOL = "A/HRC/41/G/7"
READERS = {
    # language: (a word only that version prints, the start of its title, facet names)
    "en": ("honour", "Note verbale dated 6 June 2019", "Session", "Agenda item"),
    "ar": ("تهدي", "مذكرة شفوية مؤرخة 6 حزيران/يونيه 2019", "الدورة", "البند"),
}


@pytest.fixture(scope="module")
def archive(ui_server: UiServer) -> UiServer:
    registry = ui_server.registry
    list(issue_samples(registry, registry.actor("officer")))
    return ui_server


def _accessible(page: Page, name: str) -> None:
    assert run_axe(page) == [], name


@pytest.mark.parametrize("lang", list(READERS))
def test_a_reader_finds_the_document_and_sees_its_title_in_their_language(
    context: BrowserContext, archive: UiServer, lang: str
) -> None:
    word, title, _session, _item = READERS[lang]
    context.add_cookies([{"name": LANG_COOKIE, "value": lang, "url": archive.base_url}])
    page = context.new_page()
    page.goto("/search")
    assert page.locator("html").get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
    page.fill("#q", word)
    page.locator("form.searchbox button[type=submit]").click()
    hit = page.locator("ol.hits li").filter(has_text=SYMBOL)
    expect(hit).to_have_count(1)
    expect(hit.locator(".title")).to_have_attribute("lang", lang)
    expect(hit.locator(".title")).to_contain_text(title)
    expect(hit.locator(".snippet mark").first).to_be_visible()
    _accessible(page, "results")
    screenshot(page, f"archive_search_{lang}")
    hit.locator("a", has_text=SYMBOL).click()
    expect(page.locator(".doc-title")).to_contain_text(title)
    expect(page.locator(".doc-title")).to_have_attribute("lang", lang)
    _accessible(page, "document")
    screenshot(page, f"archive_document_{lang}")
    for path in ("/", "/browse/sessions/41"):
        page.goto(path)
        listed = page.locator("ul.documents li").filter(has_text=SYMBOL).locator(".title")
        expect(listed).to_contain_text(title)
        expect(listed).to_have_attribute("lang", lang)
        _accessible(page, path)
    page.goto("/search?q=Kalbajar&page=abc")
    # The reason, in the reader's language, names the value that was wrong.
    wrong = page.locator("p.error[role=alert]")
    expect(wrong).to_contain_text("'abc'")
    if lang != "en":
        expect(wrong).not_to_contain_text("whole number")
    _accessible(page, "a malformed page number")
    page.goto("/search?q=Kalbajar&page=5")
    expect(page.locator("p.notice[role=status]")).to_be_visible()
    _accessible(page, "a page past the end")
    screenshot(page, f"archive_past_the_end_{lang}")
    page.goto("/browse")
    expect(page.locator("table.sessions tr.empty").first).to_be_visible()
    _accessible(page, "browse")
    screenshot(page, f"archive_browse_{lang}")
    page.goto("/search/help")
    expect(page.locator("dl.examples dt")).to_have_count(8)
    _accessible(page, "help")
    screenshot(page, f"archive_search_help_{lang}")
    page.locator("dl.examples dt a", has_text="人权理事会").click()
    expect(page.locator("ol.hits > li")).to_have_count(2)
    expect(page.locator("ol.hits mark").first).to_have_text("人权理事会")
    screenshot(page, f"archive_search_chinese_{lang}")


@pytest.mark.parametrize("lang", list(READERS))
def test_a_reader_combines_two_filters_removes_one_and_sorts_by_date(
    context: BrowserContext, archive: UiServer, lang: str
) -> None:
    _word, _title, session_name, item_name = READERS[lang]
    context.add_cookies([{"name": LANG_COOKIE, "value": lang, "url": archive.base_url}])
    page = context.new_page()
    page.goto("/search?q=Kalbajar")
    expect(page.locator("ol.hits li")).to_have_count(2)
    page.locator('a[data-facet="session"][data-value="41"]').click()
    expect(page.locator("ol.hits li")).to_have_count(1)
    page.locator('a[data-facet="agenda_item"][data-value="4"]').click()
    chips = page.locator("a.chip")
    expect(chips).to_have_count(2)
    expect(chips.nth(0)).to_contain_text(session_name)
    expect(chips.nth(1)).to_contain_text(item_name)
    expect(page.locator("ol.hits li")).to_have_count(1)
    _accessible(page, "two filters")
    screenshot(page, f"archive_two_filters_{lang}")
    chips.nth(0).click()  # the session goes; the agenda item stays
    expect(page.locator("a.chip")).to_have_count(1)
    expect(page.locator("a.chip")).to_contain_text(item_name)
    expect(page.locator("ol.hits li")).to_have_count(2)
    page.select_option("#sort", "date")
    page.locator("form.searchbox button[type=submit]").click()
    symbols = page.locator("ol.hits li > a[dir=ltr]").all_inner_texts()
    assert symbols == ["A/HRC/47/G/1", SYMBOL]  # 2021 before 2019
    expect(page.locator("a.chip")).to_have_count(1)  # the filter is kept by the form
    _accessible(page, "sorted")
    screenshot(page, f"archive_sorted_{lang}")


def test_the_api_reference_works_without_the_internet(
    context: BrowserContext, archive: UiServer
) -> None:
    """Every request leaving the server is refused: the page must still show the API."""
    outside: list[str] = []

    def only_local(route: Any) -> None:
        if route.request.url.startswith(archive.base_url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    page = context.new_page()
    page.goto("/api/docs")
    expect(page.locator("#swagger-ui .info .title")).to_contain_text("palais")
    expect(page.locator("#swagger-ui").get_by_text("/api/search").first).to_be_visible()
    assert outside == []
    screenshot(page, "archive_api_reference_offline")


def test_a_language_link_in_the_reading_pane_changes_the_page_too(
    context: BrowserContext, archive: UiServer
) -> None:
    page = context.new_page()
    page.goto(f"/documents/{SYMBOL}/en")
    pane = page.frame_locator("iframe.reading")
    pane.locator("a[hreflang='fr']").first.click()
    page.wait_for_url(f"**/documents/{SYMBOL}/fr")
    expect(page.locator("a[aria-current='page']")).to_have_attribute("hreflang", "fr")
    expect(page.locator("iframe.reading")).to_have_attribute("lang", "fr")
    expect(page.locator(".doc-title")).to_have_attribute("lang", "fr")
    _accessible(page, "version page")
    screenshot(page, "archive_reading_pane_fr")
