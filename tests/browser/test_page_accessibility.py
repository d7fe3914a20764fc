"""Every page template, in English and in Arabic, passes axe-core with content on it.

The pages are served over the real registry on a temporary SQLite store, filled the way
users fill it: the sample documents issued through the workflow (lists, results and
facets), a mission's note submitted and another registered (the queues, the editor with
its passages), a second session of the officer (the account page's list).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext

from palais.publish.samples import issue_samples
from palais.registry import Registry
from palais.web.app import create_app
from palais.web.cookies import SESSION_COOKIE
from palais.web.ui.i18n import LANG_COOKIE
from tests.browser.conftest import serving
from tests.support.browser import run_axe, screenshot
from tests.support.records import RECORD
from tests.web.harness import Backend, add_users, make_settings

pytestmark = pytest.mark.browser

SYMBOL = "A/HRC/47/G/1"


@dataclass(frozen=True)
class Site:
    base_url: str
    registry: Registry
    submitted: int

    def pages(self, user: str | None) -> list[str]:
        sid = self.submitted
        return {
            None: ["/", "/browse", "/browse/sessions/47", f"/documents/{SYMBOL}/fr",
                   "/search?q=kalbajar", "/login", "/no/such/page"],
            "mission": ["/mission", "/mission/submit", f"/mission/submissions/{sid}"],
            "officer": ["/secretariat", f"/secretariat/submissions/{sid}", "/account"],
            "translator": ["/translator"],
        }[user]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    folder: Path = tmp_path_factory.mktemp("palais")
    settings = make_settings(Backend("sqlite"), folder)
    registry = Registry.open(settings)
    try:
        add_users(registry)
        app = create_app(settings, registry)
        officer, mission = registry.actor("officer"), registry.actor("mission")
        list(issue_samples(registry, officer, follower=app.state.follower))
        submitted = registry.submit_record(mission, RECORD).id
        second = registry.submit_record(mission, RECORD | {"title": "A second note"})
        registry.register(officer, second.id)
        registry.open_session(officer, "curl/8.5", "198.51.100.4")
        with serving(app) as url:
            yield Site(url, registry, submitted)
    finally:
        registry.close()


@pytest.fixture
def page_context(browser: Browser, site: Site) -> Iterator[BrowserContext]:
    # axe-core is injected as a script, which the pages' CSP rightly refuses.
    ctx = browser.new_context(base_url=site.base_url, bypass_csp=True)
    yield ctx
    ctx.close()


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("user", [None, "mission", "officer", "translator"])
def test_pages_have_no_serious_violation(
    page_context: BrowserContext, site: Site, lang: str, user: str | None
) -> None:
    cookies = [{"name": LANG_COOKIE, "value": lang, "url": site.base_url}]
    if user:
        token = site.registry.open_session(site.registry.actor(user), "Chromium", "127.0.0.1")
        cookies.append({"name": SESSION_COOKIE, "value": token, "url": site.base_url})
    page_context.add_cookies(cookies)  # type: ignore[arg-type]
    page = page_context.new_page()
    for path in site.pages(user):
        response = page.goto(path)
        assert response is not None
        assert response.status == (404 if path == "/no/such/page" else 200), path
        assert page.locator("html").get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
        assert run_axe(page) == [], path
    screenshot(page, f"pages_{user or 'public'}_{lang}")
