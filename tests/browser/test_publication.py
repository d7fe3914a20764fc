"""From a mission's upload to the public archive, in a real browser.

The story of the 2021 seed: the Permanent Mission of Azerbaijan submits its note
verbale and checks what was read; an officer registers and issues it; anyone
then finds it by a place name in French or in Russian, reads the French
version and downloads its PDF. Every main page is checked with axe-core on
the way, and each step leaves a screenshot under tests/artifacts/screenshots.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.conftest import PASSWORD, UiServer
from tests.support.browser import run_axe, screenshot

pytestmark = pytest.mark.browser

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "fr_hrc_47_2021.txt"

# What a translator would write for the seed's free-text passage (the subject of
# the annex); the Russian one is how the public can find it by "Кельбаджар".
TRANSLATIONS = {
    "ar": "استفزاز جديد من جانب القوات المسلحة الأرمينية على طول الحدود باتجاه منطقة كلبجار",
    "zh": "亚美尼亚武装部队沿边界向克尔巴贾尔地区发动的新挑衅",
    "en": "a new provocation by the Armenian armed forces along the border towards Kalbajar",
    "fr": "une nouvelle provocation des forces armées arméniennes vers la région de Kalbajar",
    "ru": "новая провокация вооруженных сил Армении на границе в направлении района Кельбаджар",
    "es": "una nueva provocación de las fuerzas armadas armenias hacia la región de Kalbajar",
}


def log_in(page: Page, username: str) -> None:
    page.goto("/login")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def issue_as_officer(page: Page, editor_url: str) -> None:
    """The officer signs in, opens the submission, reads the six versions and issues them."""
    page.get_by_role("button", name="Log out").click()
    log_in(page, "officer")
    page.goto(editor_url)
    page.get_by_role("link", name="Preview the six versions and issue").click()
    page.get_by_label(re.compile("I have read the six versions")).check()
    page.get_by_role("button", name="Issue now").click()
    expect(page.locator(".state-issued").first).to_be_visible()


def assert_accessible(page: Page) -> None:
    assert run_axe(page) == [], page.url


def test_seed_goes_from_mission_to_public(context: BrowserContext, ui_server: UiServer) -> None:
    page = context.new_page()

    # The mission uploads the note verbale and sees what was read before confirming.
    log_in(page, "aze-mission")
    page.goto("/mission/submit")
    assert_accessible(page)
    page.get_by_label("File").set_input_files(str(SEED))
    page.get_by_role("button", name="Read the file").click()
    expect(page.get_by_label("Session")).to_have_value("47")
    expect(page.get_by_label("State (ISO 3166 alpha-3 code)")).to_have_value("AZE")
    expect(page.get_by_label("Date")).to_have_value("2021-06-08")
    screenshot(page, "mission_preview")
    page.get_by_role("button", name="Confirm the submission").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Receipt")
    page.goto("/mission")
    expect(page.locator("table tbody tr")).to_have_count(1)
    screenshot(page, "mission_submissions")

    # An officer finds it in the queue and registers it: a symbol is allocated.
    page.get_by_role("button", name="Log out").click()
    log_in(page, "officer")
    page.goto("/secretariat")
    assert_accessible(page)
    screenshot(page, "secretariat_queue")
    page.locator("table tbody tr a").first.click()
    editor_url = page.url
    expect(page.locator("#f-sender_state")).to_have_value("AZE")
    page.get_by_role("button", name="Register").click()
    symbol = page.locator("main p").first.locator("span[dir=ltr]")
    expect(symbol).to_have_text(re.compile(r"^A/HRC/47/"))
    allocated = symbol.inner_text()

    # A translator supplies the free-text passages, each beside its original.
    page.get_by_role("button", name="Log out").click()
    log_in(page, "translator")
    page.goto("/translator")
    assert_accessible(page)
    screenshot(page, "translator_passages")
    # Each language of the note is a page of its own; a saved passage stays on it.
    for href in [a.get_attribute("href") or "" for a in page.locator("a.work").all()]:
        page.goto(href)
        while page.locator("section.passage.awaiting").count():
            passage = page.locator("section.passage.awaiting").first
            language = passage.locator("textarea").get_attribute("lang") or ""
            passage.locator("textarea").fill(TRANSLATIONS[language[:2]])
            # Wait for the page the save leads to before counting what is left.
            with page.expect_navigation():
                passage.get_by_role("button", name="Save the translation").click()
    page.goto("/translator")
    expect(page.get_by_text("No passage awaits translation into your languages.")).to_be_visible()

    # The officer issues it: six languages, four formats each.
    issue_as_officer(page, editor_url)
    screenshot(page, "secretariat_issued")
    page.get_by_role("button", name="Log out").click()

    # The public finds it by the place name, in French and in Russian.
    for query in ("Kalbajar", "Кельбаджар"):
        page.goto("/search")
        page.get_by_label("Words, a symbol or a State").fill(query)
        page.get_by_role("button", name="Search").click()
        expect(page.locator("ol.hits")).to_contain_text(allocated)
    assert_accessible(page)
    screenshot(page, "search_results")

    # It opens the document, then its French version, and downloads the PDF.
    page.goto(f"/documents/{allocated}")
    assert_accessible(page)
    page.get_by_role("navigation", name="Language versions").get_by_role(
        "link", name="Français"
    ).click()
    expect(page.get_by_role("heading", level=2, name=re.compile("Français"))).to_be_visible()
    screenshot(page, "document_french")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download PDF").click()
    pdf = Path(download_info.value.path())
    assert pdf.read_bytes().startswith(b"%PDF-")


def test_main_public_pages_are_accessible(context: BrowserContext) -> None:
    page = context.new_page()
    for path in ("/", "/browse", "/search?q=Kalbajar", "/login"):
        page.goto(path)
        assert_accessible(page)
    screenshot(page, "login")


def test_arabic_ui_is_right_to_left(context: BrowserContext, ui_server: UiServer) -> None:
    page = context.new_page()
    page.goto("/")
    page.get_by_role("link", name="العربية").click()
    html = page.locator("html")
    expect(html).to_have_attribute("dir", "rtl")
    expect(html).to_have_attribute("lang", "ar")
    expect(page.get_by_role("heading", level=1)).to_have_text("وثائق مجلس حقوق الإنسان")
    # Right to left for real: the navigation starts at the right edge of the page.
    banner = page.locator("header .site").bounding_box()
    width = page.viewport_size["width"] if page.viewport_size else 1280
    assert banner is not None and banner["x"] + banner["width"] > width / 2
    assert_accessible(page)
    screenshot(page, "home_arabic")
