"""Every page template, in English and in Arabic, passes axe-core with content on it.

The pages are filled from a registry stand-in (tests/web/ui/fakes.py) so that
each template is checked with lists, results, facets, field errors and
passages present, independently of the rest of the system; the end-to-end
story in test_publication.py checks the same pages over the real registry.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext

from palais.web.cookies import SESSION_COOKIE
from palais.web.ui.i18n import LANG_COOKIE
from tests.browser.conftest import serving
from tests.support.browser import run_axe, screenshot
from tests.web.ui.fakes import (
    FakeDocument,
    FakeRegistry,
    FakeSubmission,
    make_app,
    session_cookie,
)
from tests.web.ui.test_record_form import RECORD

pytestmark = pytest.mark.browser

SYMBOL = "A/HRC/47/G/3"
PAGES = {
    None: ["/", "/browse", "/browse/sessions/47", f"/documents/{SYMBOL}/fr", "/search?q=kalbajar",
           "/login", "/no/such/page"],
    "aze": ["/mission", "/mission/submit", "/mission/submissions/1"],
    "officer": ["/secretariat", "/secretariat/submissions/1", "/account"],
    "translator": ["/translator"],
}


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    registry = FakeRegistry(
        submissions={1: FakeSubmission(1, "submitted", dict(RECORD))},
        issued=[FakeDocument(SYMBOL, "Note verbale", "… dans la région de Kalbajar …")],
    )
    with serving(make_app(registry)) as url:
        yield url


@pytest.fixture
def page_context(browser: Browser, base_url: str) -> Iterator[BrowserContext]:
    # axe-core is injected as a script, which the pages' CSP rightly refuses.
    ctx = browser.new_context(base_url=base_url, bypass_csp=True)
    yield ctx
    ctx.close()


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("user", list(PAGES))
def test_pages_have_no_serious_violation(
    page_context: BrowserContext, base_url: str, lang: str, user: str | None
) -> None:
    cookies = [{"name": LANG_COOKIE, "value": lang, "url": base_url}]
    if user:
        cookies.append({"name": SESSION_COOKIE, "value": session_cookie(user), "url": base_url})
    page_context.add_cookies(cookies)  # type: ignore[arg-type]
    page = page_context.new_page()
    for path in PAGES[user]:
        page.goto(path)
        assert page.locator("html").get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
        assert run_axe(page) == [], path
    screenshot(page, f"pages_{user or 'public'}_{lang}")
