"""An officer issues a corrigendum of an issued document, in a real browser.

The note was issued in six languages. The officer opens its page, starts a
corrigendum from the button there, is told on the form (in the page's
language) that the words to replace are not in the paragraph, corrects that,
and lands on the corrigendum in the editor. The translator then has exactly
one passage per language to translate, the correction: the title and
everything else the corrigendum prints come from the original or the
conventions, nothing is typed again. Once issued, the corrigendum prints the
original's title and the heading of its language above the correction in all
six versions, and the two documents' pages link to each other. Screenshots and
the first page of two PDFs are left under tests/artifacts/screenshots.
"""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from palais.languages import ALL, Language
from palais.publish.issuing import issue_document
from tests.browser.conftest import UiServer
from tests.browser.test_publication import issue_as_officer, log_in
from tests.support.browser import SCREENSHOTS, run_axe, screenshot
from tests.support.records import RECORD

pytestmark = pytest.mark.browser

PARAGRAPHS = [
    "The Permanent Mission of the Republic of Azerbaijan presents its compliments to the "
    "Office of the United Nations High Commissioner for Human Rights.",
    "The Mission reports on the events of 12 May 2019 in the Kalbajar district.",
]
# The original's translations, as its translators wrote them: the corrigendum
# prints the title again in every language without anyone typing it.
ORIGINAL = {
    "cover.title": {
        "ar": "مذكرة شفوية من أذربيجان",
        "zh": "阿塞拜疆的普通照会",
        "fr": "Note verbale de l’Azerbaïdjan",
        "ru": "Вербальная нота Азербайджана",
        "es": "Nota verbal de Azerbaiyán",
    },
    "cover.paragraph.1": {
        "ar": "تهدي البعثة الدائمة لجمهورية أذربيجان تحياتها إلى مفوضية الأمم المتحدة السامية "
              "لحقوق الإنسان.",
        "zh": "阿塞拜疆共和国常驻代表团向联合国人权事务高级专员办事处致意。",
        "fr": "La Mission permanente de la République d’Azerbaïdjan présente ses compliments au "
              "Haut-Commissariat des Nations Unies aux droits de l’homme.",
        "ru": "Постоянное представительство Азербайджанской Республики свидетельствует свое "
              "уважение Управлению Верховного комиссара Организации Объединенных Наций по "
              "правам человека.",
        "es": "La Misión Permanente de la República de Azerbaiyán saluda atentamente a la Oficina "
              "del Alto Comisionado de las Naciones Unidas para los Derechos Humanos.",
    },
    "cover.paragraph.2": {
        "ar": "وتفيد البعثة بالأحداث التي وقعت في 12 أيار/مايو 2019 في مقاطعة كلبجار.",
        "zh": "代表团报告2019年5月12日在克尔巴贾尔区发生的事件。",
        "fr": "La Mission rend compte des événements du 12 mai 2019 dans le district de Kalbajar.",
        "ru": "Представительство сообщает о событиях 12 мая 2019 года в Кельбаджарском районе.",
        "es": "La Misión informa sobre los hechos del 12 de mayo de 2019 en el distrito de "
              "Kalbajar.",
    },
}
HEADINGS = {
    "ar": "تصويب", "zh": "更正", "en": "Corrigendum", "fr": "Rectificatif",
    "ru": "Исправление", "es": "Corrección",
}
# What the translators write for the one passage the corrigendum adds.
CORRECTED = {
    "ar": "وتفيد البعثة بالأحداث التي وقعت في 14 أيار/مايو 2019 في مقاطعة كلبجار.",
    "zh": "代表团报告2019年5月14日在克尔巴贾尔区发生的事件。",
    "fr": "La Mission rend compte des événements du 14 mai 2019 dans le district de Kalbajar.",
    "ru": "Представительство сообщает о событиях 14 мая 2019 года в Кельбаджарском районе.",
    "es": "La Misión informa sobre los hechos del 14 de mayo de 2019 en el distrito de Kalbajar.",
}


def correct_words(page: Page, labels: tuple[str, str, str, str], refusal: str) -> None:
    """Ask paragraph 2 to read "14 May 2019" instead of words it does not hold, through
    the form's ``labels`` (paragraph, words, new text, button) in the page's language,
    and see the refusal next to the words, everything typed kept."""
    paragraph, words, new, button = labels
    page.get_by_label(paragraph).first.select_option("2")
    page.get_by_label(words).first.fill("13 May 2019")
    page.get_by_label(new).first.fill("14 May 2019")
    page.get_by_role("button", name=button).click()
    expect(page.locator(".field-error")).to_have_text(refusal)
    expect(page.get_by_label(words).first).to_have_value("13 May 2019")
    expect(page.get_by_label(new).first).to_have_value("14 May 2019")
    assert run_axe(page) == [], page.url


def issued_original(ui_server: UiServer) -> str:
    """The mission's note, registered, translated into the five other languages and
    issued (as the publication test does it in the browser)."""
    registry = ui_server.registry
    mission, officer = registry.actor("aze-mission"), registry.actor("officer")
    sid = registry.submit_record(mission, {**RECORD, "paragraphs": PARAGRAPHS}).id
    registry.register(officer, sid)
    for key, by_language in ORIGINAL.items():
        for code, text in by_language.items():
            registry.set_translation(officer, sid, key, Language(code), text)
    return str(issue_document(registry, officer, sid, today=date(2019, 6, 20)).symbol)


def pdf_page_image(pdf: bytes, name: str) -> Path:
    """The first page of ``pdf`` as a PNG beside the screenshots (pdftoppm, 80 dpi)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    source = SCREENSHOTS / f"{name}.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(source),
         str(SCREENSHOTS / name)],
        check=True, timeout=60,
    )
    source.unlink()
    return SCREENSHOTS / f"{name}.png"


def test_officer_issues_a_corrigendum_in_six_languages_with_nothing_retyped(
    context: BrowserContext, ui_server: UiServer
) -> None:
    symbol = issued_original(ui_server)
    page = context.new_page()

    # The public sees no button; the officer does, on the issued document's page.
    page.goto(f"/documents/{symbol}")
    start = page.get_by_role("button", name="Issue a corrigendum, revision or addendum")
    expect(start).to_have_count(0)
    log_in(page, "officer")
    page.goto(f"/documents/{symbol}")
    start.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(symbol)
    assert run_axe(page) == [], page.url
    screenshot(page, "corrigendum_form")

    # Words that are not in the paragraph: refused on the form, what was typed kept.
    correct_words(
        page, ("Paragraph", "Words replaced (optional)", "New text", "Start the corrigendum"),
        "Paragraph 2 of the original does not contain these words.",
    )
    screenshot(page, "corrigendum_refused")
    # The same refusal in the language of the page: French here.
    page.get_by_role("link", name="Français").click()
    correct_words(
        page,
        ("Paragraphe", "Mots remplacés (facultatif)", "Nouveau texte", "Établir le rectificatif"),
        "Le paragraphe 2 de l’original ne contient pas ces mots.",
    )
    screenshot(page, "corrigendum_refused_french")
    page.get_by_role("link", name="English").click()
    page.get_by_label("Paragraph").first.select_option("2")
    # A fourth correction row, what was chosen kept and the cursor in the new row.
    page.get_by_role("button", name="Add a correction").click()
    expect(page.locator("fieldset.correction")).to_have_count(4)
    expect(page.locator("#f-paragraph_4")).to_be_focused()
    expect(page.get_by_label("Paragraph").first).to_have_value("2")
    screenshot(page, "corrigendum_fourth_row")

    # The whole paragraph then: the corrigendum is registered and opens in the editor.
    page.get_by_label("Words replaced (optional)").first.fill("")
    page.get_by_label("New text").first.fill(
        "The Mission reports on the events of 14 May 2019 in the Kalbajar district."
    )
    page.get_by_role("button", name="Start the corrigendum").click()
    corr = f"{symbol}/Corr.1"
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit the record")
    expect(page.locator("main")).to_contain_text(corr)
    editor_url = page.url
    screenshot(page, "corrigendum_registered")

    # The translator claims each language and finds one passage in it, the correction,
    # and nothing else.
    corrigendum_id = re.search(r"/secretariat/submissions/(\d+)", editor_url)
    assert corrigendum_id is not None, editor_url
    page.get_by_role("button", name="Log out").click()
    log_in(page, "translator")
    for lang in ALL:
        if lang is Language.EN:
            continue
        page.goto(f"/translator/{corrigendum_id.group(1)}/{lang.value}")
        page.get_by_role("button", name=re.compile("^Claim ")).click()
        # The title's translation came with the original; only the correction awaits.
        passages = page.locator("section.passage.awaiting")
        assert passages.count() == 1, lang
        expect(passages.first.get_by_role("heading", level=2)).to_have_text(
            "Correction 1: the new text"
        )
        if lang is Language.FR:
            screenshot(page, "corrigendum_translator")
        passages.first.locator("textarea").fill(CORRECTED[lang.value])
        with page.expect_navigation():
            passages.first.get_by_role("button", name="Save the translation").click()
        expect(page.locator("section.passage.awaiting")).to_have_count(0)

    # The officer issues it.
    issue_as_officer(page, editor_url)

    # Each version prints the original's title, then its heading, then the correction.
    original = ui_server.registry.document(symbol)
    for lang in ALL:
        text = page.request.get(f"/api/documents/{corr}/{lang.value}.txt").text()
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        heading = lines.index(HEADINGS[lang.value])
        title_words = " ".join(lines[:heading])
        printed_title = original.titles[lang]
        assert " ".join(printed_title.split()) in title_words.replace("- ", "-"), lang
        assert (CORRECTED | {"en": PARAGRAPHS[1].replace("12", "14")})[lang.value].split()[
            :3
        ] == " ".join(lines[heading + 2 :]).split()[:3], (lang, lines[heading:])
        # Not a full copy: the uncorrected paragraph is not printed again.
        first = PARAGRAPHS[0] if lang is Language.EN else ORIGINAL["cover.paragraph.1"][lang.value]
        assert first.split()[:4] != [] and " ".join(first.split()[:4]) not in " ".join(
            text.split()
        ), lang

    # Both pages link to each other; the French version is read in the page.
    related = page.locator("ul.related:not(.neighbours)")
    page.goto(f"/documents/{corr}")
    expect(related.get_by_role("link", name=symbol, exact=True)).to_be_visible()
    # A corrigendum takes no version of its own: no button on its page.
    expect(start).to_have_count(0)
    page.get_by_role("navigation", name="Language versions").get_by_role(
        "link", name="Français"
    ).click()
    frame = page.frame_locator("iframe.reading")
    expect(frame.get_by_text("Rectificatif", exact=True)).to_be_visible()
    assert run_axe(page) == [], page.url
    screenshot(page, "corrigendum_french")
    page.goto(f"/documents/{symbol}")
    expect(related.get_by_role("link", name=corr, exact=True)).to_be_visible()
    screenshot(page, "corrigendum_original_links")

    # The PDFs as printed: looked at from the images the test leaves.
    for lang in (Language.FR, Language.AR):
        pdf = page.request.get(f"/api/documents/{corr}/{lang.value}.pdf").body()
        assert pdf.startswith(b"%PDF-")
        image = pdf_page_image(pdf, f"corrigendum_pdf_{lang.value}")
        assert image.stat().st_size > 10_000
    assert re.fullmatch(r"A/HRC/41/G/\d+/Corr\.1", corr)
