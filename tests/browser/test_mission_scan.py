"""A mission sends a signed and scanned note, corrects what OCR could not read, confirms.

The scan is made from a note whose date line the stamp has made unreadable (it
is left out of the printed page), so the preview reads every field but the date
and says so beside the date field; the mission types the date, confirms, and the
officer's queue shows the record with the UN title written from the corrected
date. A shopping list sent by mistake is said not to be a note verbale and
cannot be confirmed until the mission says what it is.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from playwright.sync_api import BrowserContext, expect

from palais.web.ui.i18n import LANG_COOKIE
from tests.browser.conftest import UiServer
from tests.browser.test_publication import assert_accessible, log_in
from tests.support.browser import screenshot
from tests.support.notes import note_text, scan_of

pytestmark = pytest.mark.browser

TITLE = ("Note verbale dated 20 February 2025 from the Permanent Mission of Azerbaijan to the "
         "United Nations Office at Geneva addressed to the Office of the United Nations High "
         "Commissioner for Human Rights")


def undated_scan(folder: Path) -> Path:
    """The note signed and scanned, its date line lost under the stamp."""
    undated = note_text("en_aze_wrapped").replace("Geneva, 20 February 2025\n", "")
    scan = folder / "note-verbale-scan.pdf"
    scan.write_bytes(scan_of(undated, "en"))
    return scan


def test_mission_corrects_a_scanned_note_and_the_officer_sees_it(
    context: BrowserContext, ui_server: UiServer, tmp_path: Path
) -> None:
    scan = undated_scan(tmp_path)
    page = context.new_page()
    log_in(page, "aze-mission")
    page.goto("/mission/submit")
    page.get_by_label("File").set_input_files(str(scan))
    page.get_by_role("button", name="Read the file").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check and confirm")
    expect(page.locator("main")).to_contain_text("read by OCR")
    expect(page.get_by_label("State (ISO 3166 alpha-3 code)")).to_have_value("AZE")
    expect(page.get_by_label("Session")).to_have_value("58")
    expect(page.get_by_label("Reference number")).to_have_value("4/2025/123")
    date = page.get_by_label("Date")
    expect(date).to_have_value("")
    expect(page.locator("#w-doc_date")).to_contain_text("not found")
    expect(page.locator("#title")).to_have_text("—")
    assert_accessible(page)
    screenshot(page, "mission_scan_preview_warning")

    date.fill("2025-02-20")
    screenshot(page, "mission_scan_preview_corrected")
    page.get_by_role("button", name="Confirm the submission").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Receipt")
    screenshot(page, "mission_scan_submitted")

    page.get_by_role("button", name="Log out").click()
    log_in(page, "officer")
    page.goto("/secretariat")
    row = page.locator("table tbody tr", has_text="20 February 2025")
    expect(row).to_contain_text(TITLE)
    screenshot(page, "secretariat_queue_corrected_scan")
    row.locator("a").click()
    expect(page.get_by_label("Date")).to_have_value("20 February 2025")
    expect(page.locator("ol.audit")).to_contain_text("Submitted")


def test_a_file_that_is_no_note_cannot_be_confirmed_until_the_mission_says_what_it_is(
    context: BrowserContext, ui_server: UiServer, tmp_path: Path
) -> None:
    document = docx.Document()
    for line in ("Shopping list", "Bread", "Milk", "Coffee for the meeting room"):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    shopping = tmp_path / "list.docx"
    shopping.write_bytes(out.getvalue())
    page = context.new_page()
    log_in(page, "aze-mission")
    before = ui_server.registry.list(ui_server.registry.actor("officer"))[1]
    page.goto("/mission/submit")
    page.get_by_label("File").set_input_files(str(shopping))
    page.get_by_role("button", name="Read the file").click()
    expect(page.locator("#not-a-note")).to_be_visible()
    kind = page.get_by_label("Kind of document")
    expect(kind).to_have_value("")
    screenshot(page, "mission_not_a_note")
    page.get_by_role("button", name="Confirm the submission").click()
    expect(page.locator(".field-error").first).to_contain_text("say what this document is")
    assert ui_server.registry.list(ui_server.registry.actor("officer"))[1] == before
    assert_accessible(page)
    screenshot(page, "mission_not_a_note_refused")
    page.get_by_label("Kind of document").select_option("letter")
    page.get_by_role("button", name="Confirm the submission").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Receipt")
    assert ui_server.registry.list(ui_server.registry.actor("officer"))[1] == before + 1


def test_a_french_speaking_mission_reads_the_points_to_check_in_french(
    context: BrowserContext, ui_server: UiServer, tmp_path: Path
) -> None:
    scan = undated_scan(tmp_path)
    page = context.new_page()
    log_in(page, "aze-mission")
    context.add_cookies([{"name": LANG_COOKIE, "value": "fr", "url": ui_server.base_url}])
    page.goto("/mission/submit")
    page.get_by_label("Fichier").set_input_files(str(scan))
    page.get_by_role("button", name="Lire le fichier").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vérifier et confirmer")
    expect(page.locator("#w-doc_date")).to_have_text(
        "introuvable : aucune ligne de date (lieu et date) n’a été reconnue")
    expect(page.locator("#w-doc_date")).to_have_attribute("lang", "fr")
    expect(page.locator("#w-reference")).to_have_text("« No. 4/2025/123 », tel qu’imprimé")
    expect(page.locator("section.warnings")).to_contain_text(
        "Texte : lu par reconnaissance de caractères, confiance moyenne")
    assert "from the" not in page.locator("main").inner_text()
    assert_accessible(page)
    screenshot(page, "mission_scan_preview_fr")
