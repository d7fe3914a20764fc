"""The officer's working day in a real browser, in French, then checked in Arabic.

A note verbale from Azerbaijan waits in the queue, and the mission sent it twice: the
second copy carries a duplicate flag and cannot be registered without confirming it.
The officer filters the queue, opens the note, types a date that does not exist and
then a session the calendar does not hold, and corrects both without retyping
anything else; registers it; assigns Arabic to a translator; once translated,
previews the six versions, reads what will be published and issues it after
confirming. The audit trail shows what changed, field by field. Every step leaves a
screenshot under tests/artifacts/screenshots.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from palais.compose.passages import missing_translations
from palais.languages import ALL
from tests.browser.conftest import UiServer
from tests.browser.test_publication import assert_accessible, log_in
from tests.support.browser import screenshot
from tests.support.records import sample_translation

pytestmark = pytest.mark.browser

NOTE = {
    "doc_type": "note_verbale", "body": "HRC", "session": 47, "agenda_items": [4],
    "sender_state": "AZE", "language": "fr", "doc_date": "2021-06-08",
    "title": "Note verbale datée du 8 juin 2021 adressée au Haut-Commissariat",
    "paragraphs": ["La Mission permanente de la République d’Azerbaïdjan présente ses "
                   "compliments au Haut-Commissariat des Nations Unies aux droits de l’homme."],
}
RAW = ("in_translation", "note_verbale", "AZE", "submitted", "registered", "issued")


def visible_text(page: Page) -> str:
    return page.locator("main").inner_text()


def no_raw_code(page: Page) -> None:
    shown = visible_text(page)
    for code in RAW:
        assert not re.search(rf"\b{code}\b", shown), (page.url, code)
    assert not re.search(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}", shown), page.url


def test_the_officers_day(context: BrowserContext, ui_server: UiServer) -> None:
    registry = ui_server.registry
    mission = registry.actor("aze-mission")
    sid = registry.submit_record(mission, NOTE).id
    again = registry.submit_record(mission, NOTE).id
    page = context.new_page()
    log_in(page, "officer")
    page.goto("/language/fr?next=/secretariat")

    # The queue, filtered by status and State; the form keeps what was chosen.
    page.locator("#q-state").select_option("submitted")
    page.locator("#q-sender").select_option(label="Azerbaïdjan")
    page.get_by_role("button", name="Filtrer").click()
    expect(page).to_have_url(re.compile(r"state=submitted.*sender=AZE"))
    expect(page.locator("#q-sender")).to_have_value("AZE")
    row = page.locator(f"table.queue tbody tr:has(a[href$='/submissions/{sid}'])")
    expect(row).to_contain_text("Note verbale datée du 8 juin 2021")
    expect(row).to_contain_text("Azerbaïdjan")
    expect(row).to_contain_text("Soumis")
    no_raw_code(page)
    assert_accessible(page)
    screenshot(page, "officer_queue_filtered_fr")

    # The copy sent again is flagged; registering it needs the officer's confirmation.
    flagged = page.locator(f"table.queue tbody tr:has(a[href$='/submissions/{again}'])")
    expect(flagged.locator(".badge.duplicate")).to_have_text(f"Doublon possible de {sid}")
    expect(row.locator(".badge.duplicate")).to_have_count(0)
    flagged.locator("a").first.click()
    register_again = page.locator("form.action-register")
    register_again.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert registry.get(registry.actor("officer"), again).state.value == "submitted"
    screenshot(page, "officer_duplicate_refused_fr")
    page.goto("/secretariat?state=submitted&sender=AZE")

    # The note: only what its state allows, the date as a French reader writes it.
    row.locator("a").click()
    expect(page).to_have_url(re.compile(rf"/secretariat/submissions/{sid}$"))
    expect(page.locator("#f-doc_date")).to_have_value("8 juin 2021")
    actions = page.locator("section.actions")
    expect(actions.get_by_role("button", name="Enregistrer", exact=True)).to_be_visible()
    expect(actions.get_by_role("link", name=re.compile("publier"))).to_have_count(0)

    # A date that does not exist: refused next to its field, nothing typed lost.
    page.locator("#f-title").fill("Note verbale corrigée")
    page.locator("#f-doc_date").fill("31 juin 2021")
    page.locator("#f-session").fill("99")
    page.locator("form.editor button[type=submit]").click()
    expect(page.locator("#e-doc_date")).to_have_text(
        "« 31 juin 2021 » n’est pas un jour du calendrier"
    )
    expect(page.locator("#f-doc_date")).to_have_attribute("aria-describedby",
                                                          re.compile("e-doc_date"))
    expect(page.locator("#f-title")).to_have_value("Note verbale corrigée")
    expect(page.locator("#f-session")).to_have_value("99")
    assert "isoformat" not in visible_text(page)
    assert_accessible(page)
    screenshot(page, "officer_editor_bad_date_fr")

    # The date fixed, the session the calendar lacks is named next to its field.
    page.locator("#f-doc_date").fill("9 juin 2021")
    page.locator("form.editor button[type=submit]").click()
    expect(page.locator("#e-session")).to_contain_text(
        "session 99 ne figure pas au calendrier du Conseil des droits de l’homme")
    expect(page.locator("#f-doc_date")).to_have_value("9 juin 2021")
    expect(page.locator("#f-title")).to_have_value("Note verbale corrigée")
    screenshot(page, "officer_editor_unknown_session_fr")

    page.locator("#f-session").fill("47")
    page.locator("form.editor button[type=submit]").click()
    expect(page.get_by_role("status")).to_have_text("La fiche a été enregistrée.")
    expect(page.locator("#f-doc_date")).to_have_value("9 juin 2021")
    audit = page.locator("ol.audit li").last
    expect(audit).to_contain_text("Modifié")
    expect(audit.locator("tr", has_text="Date")).to_contain_text("8 juin 2021")
    expect(audit.locator("tr", has_text="Date")).to_contain_text("9 juin 2021")
    expect(audit.locator("tr", has_text="Titre")).to_contain_text("Note verbale corrigée")
    screenshot(page, "officer_editor_saved_audit_fr")

    # Registered: the registry gives the symbol; the buttons follow the new state.
    actions.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page.locator(".state-registered").first).to_be_visible()
    symbol = page.locator("main > p").first.locator("span[dir=ltr]").inner_text()
    assert re.fullmatch(r"A/HRC/47/G?/?\d+", symbol), symbol
    expect(actions.get_by_role("button", name="Enregistrer", exact=True)).to_have_count(0)
    no_raw_code(page)

    # Arabic assigned to the translator; the other languages stay open to claim.
    page.get_by_role("link", name="Attribuer les langues aux traducteurs").click()
    page.locator("#a-ar").select_option("translator")
    page.get_by_role("button", name="Enregistrer les attributions").click()
    expect(page.get_by_role("status")).to_have_text("Les attributions ont été enregistrées.")
    expect(page.locator("#a-ar")).to_have_value("translator")
    expect(page.locator("#a-zh")).to_have_value("")
    assert_accessible(page)
    screenshot(page, "officer_assigned_fr")
    page.goto(f"/secretariat/submissions/{sid}")

    # The translators' work (their own day is another test): every passage supplied.
    translator = registry.actor("translator")
    document = registry.get(translator, sid).document
    for lang, passages in missing_translations(document).items():
        for passage in passages:
            registry.set_translation(
                translator, sid, passage, lang, sample_translation(lang, passage)
            )

    # Before issuing: the six versions, and what will be published.
    page.reload()
    page.get_by_role("link", name="Voir les six versions et publier").click()
    frames = page.locator("iframe.reading")
    expect(frames).to_have_count(6)
    for lang in ALL:
        frame = page.frame_locator(f"#version-{lang.value} iframe")
        expect(frame.locator("body")).to_contain_text(symbol)
    confirm = page.locator("section.confirm")
    expect(confirm).to_contain_text(symbol)
    for name in ("arabe", "chinois", "anglais", "français", "russe", "espagnol"):
        expect(confirm).to_contain_text(re.compile(name, re.IGNORECASE))
    slug = symbol.replace("/", "-")
    for lang in ALL:
        for ext in ("pdf", "html", "xml", "txt"):
            expect(confirm).to_contain_text(f"{slug}-{lang.value}.{ext}")
    assert_accessible(page)
    screenshot(page, "officer_issue_preview_fr")

    # Issuing is final: the confirmation must be ticked first.
    page.get_by_role("button", name="Publier maintenant").click()
    expect(page).to_have_url(re.compile(r"/issue$"))  # the browser holds the form back
    assert registry.get(translator, sid).state.value == "ready"
    page.get_by_label(re.compile("J’ai lu les six versions")).check()
    page.get_by_role("button", name="Publier maintenant").click()
    expect(page.locator(".state-issued").first).to_have_text("Publié")
    expect(page.locator("#closed a")).to_have_attribute("href", f"/documents/{symbol}")
    expect(page.locator("form.editor")).to_have_count(0)
    screenshot(page, "officer_issued_fr")

    # The same pages in Arabic: words, never codes or raw timestamps.
    page.goto(f"/language/ar?next=/secretariat/submissions/{sid}")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator(".state-issued").first).to_have_text("صادرة")
    no_raw_code(page)
    screenshot(page, "officer_issued_ar")
    page.goto("/secretariat")
    no_raw_code(page)
    expect(page.locator("table.queue")).to_contain_text("أذربيجان")
    assert_accessible(page)
    screenshot(page, "officer_queue_ar")
