"""A translator's working day, in a real browser.

An earlier note on the Kalbajar district was issued in six languages through the
registry. A new note says the same thing: the translator finds it in their
queue under its symbol and title, claims Arabic, takes the Arabic wording the
memory offers from the earlier document (named by its symbol), saves it; is
refused a French text given as the Chinese translation, with the text kept in
the field; previews the Chinese version with a real translation, saves it, and
revises the Arabic one. Each step leaves a screenshot in tests/artifacts/screenshots.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from palais.languages import ALL, Language
from palais.publish.issuing import issue_document
from palais.registry import Role
from tests.browser.conftest import PASSWORD, UiServer
from tests.support.browser import run_axe, screenshot
from tests.support.records import RECORD, sample_translation

pytestmark = pytest.mark.browser

PARAGRAPH = ("The annex contains the report of the Government of Azerbaijan on the "
             "situation in the Kalbajar district since May 2021.")
ARABIC = "يتضمن المرفق تقرير حكومة أذربيجان عن الحالة في منطقة كلبجار منذ أيار/مايو 2021."
CHINESE = "附件载有阿塞拜疆政府关于2021年5月以来克尔巴贾尔区局势的报告。"
FRENCH = ("L'annexe contient le rapport du Gouvernement de l'Azerbaïdjan sur la situation "
          "dans le district de Kalbajar depuis mai 2021.")
REVISED = "يتضمن المرفق تقرير حكومة جمهورية أذربيجان عن الحالة في منطقة كلبجار منذ أيار/مايو 2021."
ANNEX = {"language": "en", "title": "Report on the Kalbajar district",
         "paragraphs": ["Since May 2021 the district has seen a new provocation."]}


def log_in(page: Page, username: str) -> None:
    page.goto("/login")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def earlier_and_new(ui_server: UiServer) -> tuple[str, int, str]:
    """An earlier note issued in six languages, and a new one registered: the earlier
    symbol, the new submission and its symbol."""
    registry = ui_server.registry
    mission, officer = registry.actor("aze-mission"), registry.actor("officer")
    record = {**RECORD, "paragraphs": [PARAGRAPH], "annexes": [ANNEX]}
    earlier = registry.submit_record(mission, record).id
    registry.register(officer, earlier)
    for lang in ALL:
        if lang is not Language.EN:
            registry.set_translation(officer, earlier, "cover.title", lang,
                                     sample_translation(lang, "cover.title"))
            registry.set_translation(officer, earlier, "cover.paragraph.1", lang,
                                     ARABIC if lang is Language.AR
                                     else sample_translation(lang, "cover.paragraph.1"))
    issued = str(issue_document(registry, officer, earlier).symbol)
    new = registry.submit_record(mission, record).id
    # The new note repeats the earlier one on purpose (that is what the memory is for).
    symbol = str(registry.register(officer, new, confirm_duplicate=True).symbol)
    return issued, new, symbol


def test_a_translators_day(context: BrowserContext, ui_server: UiServer) -> None:
    ui_server.registry.create_user("translator-ar-zh", PASSWORD, Role.TRANSLATOR,
                                   languages=(Language.AR, Language.ZH))
    earlier, sid, symbol = earlier_and_new(ui_server)
    page = context.new_page()
    log_in(page, "translator-ar-zh")

    # The queue: the new note under its symbol and title, Arabic and Chinese open to claim.
    page.goto("/translator")
    row = page.locator("tr.work-item", has=page.locator(f'a[href="/translator/{sid}/ar"]'))
    expect(row).to_contain_text(symbol)
    expect(row).to_contain_text("Note verbale from Azerbaijan")
    expect(row).to_contain_text("2 passages await translation")
    assert run_axe(page) == []
    screenshot(page, "translator_day_queue")
    row.get_by_role("button", name="Claim Arabic").click()
    expect(page.get_by_text("You claimed this language.")).to_be_visible()

    # The work page: the note and annex beside the passages, the memory's suggestion.
    expect(page.get_by_role("heading", name="The note as sent (English)")).to_be_visible()
    expect(page.get_by_text("Report on the Kalbajar district")).to_be_visible()
    passage = page.locator("section#p-cover-paragraph-1")
    expect(passage.get_by_role("heading", name="Paragraph 1 of the note")).to_be_visible()
    suggestion = passage.locator("li.suggestion.memory")
    expect(suggestion).to_contain_text(ARABIC)
    expect(suggestion).to_contain_text(f"The same passage was issued in {earlier}.")
    assert run_axe(page) == []
    screenshot(page, "translator_day_suggestion")
    suggestion.get_by_role("button", name="Use this translation").click()
    expect(passage.locator("textarea")).to_have_value(ARABIC)
    with page.expect_navigation():
        passage.get_by_role("button", name="Save the translation").click()
    expect(page.get_by_text("The translation was saved.")).to_be_visible()
    expect(page.locator("section#p-cover-paragraph-1.translated")).to_be_visible()

    # Chinese: a French text is refused, on the form, the text kept.
    page.goto(f"/translator/{sid}/zh")
    passage = page.locator("section#p-cover-paragraph-1")
    passage.locator("textarea").fill(FRENCH)
    passage.get_by_role("button", name="Save the translation").click()
    error = page.locator("section#p-cover-paragraph-1 .field-error")
    expect(error).to_have_text(re.compile("A Chinese translation is written in Chinese characters"))
    expect(page.locator("section#p-cover-paragraph-1 textarea")).to_have_value(FRENCH)
    screenshot(page, "translator_day_refused")

    # A real translation, previewed in the composed Chinese version, then saved.
    passage = page.locator("section#p-cover-paragraph-1")
    passage.locator("textarea").fill(CHINESE)
    passage.get_by_role("button", name="Preview").click()
    frame = page.frame_locator("iframe.reading")
    expect(frame.locator("body")).to_contain_text(CHINESE)
    expect(frame.locator("body")).to_contain_text(symbol)
    page.locator("iframe.reading").scroll_into_view_if_needed()
    screenshot(page, "translator_day_preview")
    assert ui_server.registry.get(ui_server.registry.actor("officer"), sid).document \
        .translations == {"cover.paragraph.1": {Language.AR: ARABIC}}
    with page.expect_navigation():
        page.locator("section#p-cover-paragraph-1").get_by_role(
            "button", name="Save the translation").click()
    expect(page.get_by_text("The translation was saved.")).to_be_visible()

    # Back to Arabic: the saved passage is still there, and is revised.
    page.goto(f"/translator/{sid}/ar")
    passage = page.locator("section#p-cover-paragraph-1")
    expect(passage.locator("textarea")).to_have_value(ARABIC)
    passage.locator("textarea").fill(REVISED)
    with page.expect_navigation():
        passage.get_by_role("button", name="Save the translation").click()
    expect(page.locator("section#p-cover-paragraph-1 textarea")).to_have_value(REVISED)
    screenshot(page, "translator_day_revised")
    saved = ui_server.registry.get(ui_server.registry.actor("officer"), sid).document
    assert saved.translations["cover.paragraph.1"] == {Language.AR: REVISED, Language.ZH: CHINESE}
