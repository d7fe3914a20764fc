"""A mission's working day in Chromium: a 19 MiB PDF and the signed scan of the same note.

The mission reads the limit on the form, uploads its note as a 19 MiB PDF (the
note typeset, then a page with a photograph-sized image), corrects the
reference number, confirms and keeps the receipt. It then sends the signed
scan of the same note: OCR reads it, the preview says a note of the same date
with nearly the same text was received, and the mission confirms anyway. Its
list names both states in words; it downloads its PDF back whole, and
withdraws the scan. A file of 30 MB, over the limit, comes back on the form
with the reason, as HTML: never a JSON problem or a broken connection. The
secretariat's queue shows the scan flagged as a possible duplicate.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.conftest import UiServer
from tests.browser.test_publication import assert_accessible, log_in
from tests.support.browser import screenshot
from tests.support.notes import scanned_pdf
from tests.support.uploads import padded_pdf

pytestmark = pytest.mark.browser

MIB = 1024 * 1024


def read(page: Page, path: Path) -> None:
    page.goto("/mission/submit")
    page.get_by_label("File").set_input_files(str(path))
    page.get_by_role("button", name="Read the file").click()


def test_a_missions_day(context: BrowserContext, ui_server: UiServer, tmp_path: Path) -> None:
    big = tmp_path / "note-verbale-2025-123.pdf"
    big.write_bytes(padded_pdf("en_aze_wrapped", 19 * MIB))
    assert 19 * MIB <= big.stat().st_size < 20 * MIB
    scan = tmp_path / "note-verbale-2025-123-signed.pdf"
    scan.write_bytes(scanned_pdf("en_aze_wrapped"))
    page = context.new_page()
    page.set_default_timeout(60_000)
    log_in(page, "aze-mission")

    # The form says how large a file may be; the 19 MiB PDF previews.
    page.goto("/mission/submit")
    expect(page.locator("#file-limit")).to_have_text("Files up to 20 MB are accepted.")
    read(page, big)
    expect(page.get_by_role("heading", level=1)).to_have_text("Check and confirm")
    expect(page.get_by_label("Session")).to_have_value("58")
    reference = page.get_by_label("Reference number")
    expect(reference).to_have_value("4/2025/123")
    reference.fill("4/2025/123-A")
    assert_accessible(page)
    screenshot(page, "mission_day_large_pdf_preview")
    page.get_by_role("button", name="Confirm the submission").click()

    # The receipt: number, date received in words, what happens next.
    expect(page.get_by_role("heading", level=1)).to_have_text("Receipt")
    expect(page.locator("#submission-number")).to_have_text("1")
    expect(page.locator("#received")).to_contain_text("UTC")
    expect(page.get_by_role("heading", name="What happens next")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "mission_day_receipt")
    officer = ui_server.registry.actor("officer")
    first = ui_server.registry.get(officer, 1)
    assert first.document.reference == "4/2025/123-A", "the correction was kept"

    # The signed scan of the same note: told it may repeat submission 1, sent anyway.
    read(page, scan)
    expect(page.get_by_role("heading", level=1)).to_have_text("Check and confirm")
    expect(page.locator("main")).to_contain_text("read by OCR")
    repeats = page.locator("#repeats")
    expect(repeats).to_contain_text("nearly the same text")
    expect(repeats).to_contain_text("as submission 1.")
    assert_accessible(page)
    screenshot(page, "mission_day_scan_repeats_warning")
    page.get_by_role("button", name="Confirm the submission").click()
    expect(page.locator("#submission-number")).to_have_text("2")

    # The list: both, states in words; the PDF comes back whole.
    page.goto("/mission")
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("Submitted")
    screenshot(page, "mission_day_list")
    page.get_by_role("link", name="1", exact=True).click()
    with page.expect_download() as download:
        page.get_by_role("link", name=big.name).click()
    kept = tmp_path / "downloaded.pdf"
    download.value.save_as(kept)
    assert kept.read_bytes() == big.read_bytes()

    # The scan is withdrawn; a withdrawal needs a reason.
    page.goto("/mission/submissions/2")
    page.get_by_label("Reason for withdrawing").fill("Sent twice: the PDF is submission 1")
    screenshot(page, "mission_day_withdraw")
    page.get_by_role("button", name="Withdraw").click()
    expect(page.locator("main .state").first).to_have_text("Withdrawn")
    expect(page.get_by_role("button", name="Withdraw")).to_have_count(0)
    assert_accessible(page)
    screenshot(page, "mission_day_withdrawn")
    assert ui_server.registry.get(officer, 2).state.value == "withdrawn"
    assert ui_server.registry.get(officer, 1).state.value == "submitted"

    # The secretariat's queue shows the scan flagged as a possible duplicate of the PDF.
    page.get_by_role("button", name="Log out").click()
    log_in(page, "officer")
    page.goto("/secretariat")
    flagged = page.locator("table tbody tr", has=page.locator(".badge.duplicate"))
    expect(flagged).to_have_count(1)
    expect(flagged).to_contain_text("Possible duplicate of 1")
    expect(flagged).to_contain_text("Withdrawn")
    screenshot(page, "mission_day_queue_duplicate_flag")


def test_a_file_over_the_limit_comes_back_on_the_form(
    context: BrowserContext, ui_server: UiServer, tmp_path: Path
) -> None:
    huge = tmp_path / "scans-of-the-year.pdf"
    huge.write_bytes(b"%PDF-1.7\n" + b"\0" * (30 * 1000 * 1000))
    page = context.new_page()
    page.set_default_timeout(60_000)
    log_in(page, "aze-mission")
    before = ui_server.registry.list(ui_server.registry.actor("officer"))[1]
    read(page, huge)
    expect(page.get_by_role("heading", level=1)).to_have_text("Submit a document")
    expect(page.locator("#upload-error")).to_have_text(
        "The file is larger than the limit of 20 MB.")
    assert_accessible(page)
    screenshot(page, "mission_day_too_large")
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    read(page, empty)
    expect(page.locator("#upload-error")).to_contain_text("empty.pdf is empty (0 bytes)")
    screenshot(page, "mission_day_empty_file")
    assert ui_server.registry.list(ui_server.registry.actor("officer"))[1] == before
