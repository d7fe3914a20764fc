"""The translator's pages and the officer's assignment page, against the real registry over
a temporary store: names in words, context, refusals kept on the form, revision."""

from __future__ import annotations

import re
from typing import Any

import httpx

from palais.web.ui.i18n import LANG_COOKIE
from tests.web.harness import PASSWORD, Api

PARAGRAPH = ("The annex contains the report of the Government of Azerbaijan on the "
             "situation in the Kalbajar district since May 2021.")
ANNEX = {"language": "en", "title": "Report on the Kalbajar district",
         "paragraphs": ["Since May 2021 the district has seen a new provocation."]}


def log_in(api: Api, who: str, lang: str = "en") -> None:
    api.client.cookies.clear()
    api.client.cookies.set(LANG_COOKIE, lang)
    response = api.client.post(
        "/login", data={"username": who, "password": PASSWORD, "csrf_token": token(api)},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text


def token(api: Api, path: str = "/login") -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', api.client.get(path).text)
    assert found is not None
    return found.group(1)


def post(api: Api, path: str, **data: Any) -> httpx.Response:
    return api.client.post(path, data={**data, "csrf_token": token(api)}, follow_redirects=False)


def registered(api: Api) -> int:
    record = {**api.record, "paragraphs": [PARAGRAPH], "annexes": [ANNEX]}
    sid = int(api.post("mission", "/api/submissions", json={"record": record}).json()["id"])
    assert api.post("officer", f"/api/submissions/{sid}/registration").status_code == 200
    return sid


def test_the_queue_names_the_document_and_its_language_in_words(api: Api) -> None:
    sid = registered(api)
    symbol = api.get("officer", f"/api/submissions/{sid}").json()["symbol"]
    log_in(api, "translator", "fr")
    html = api.client.get("/translator").text
    assert f'href="/translator/{sid}/fr"' in html and symbol in html
    assert "Note verbale from Azerbaijan" in html and "(original : English)" in html
    assert "2 passages attendent leur traduction" in html
    assert "cover.paragraph" not in html
    # Once the French title is saved, the queue shows it.
    saved = post(api, f"/translator/{sid}/fr/passages/cover.title",
                 text="Note verbale de l'Azerbaïdjan")
    assert saved.status_code == 303
    html = api.client.get("/translator").text
    assert "Note verbale de l&#39;Azerbaïdjan" in html


def test_the_work_page_shows_the_note_and_annex_beside_each_passage(api: Api) -> None:
    sid = registered(api)
    log_in(api, "arabic_translator")
    html = api.client.get(f"/translator/{sid}/ar").text
    assert "Paragraph 1 of the note" in html and "Title of the note" in html
    assert "The note as sent" in html and PARAGRAPH in html
    assert "Report on the Kalbajar district" in html and ANNEX["paragraphs"][0] in html
    assert 'lang="ar" dir="rtl" required' in html
    assert "cover.paragraph.1</h2>" not in html


def test_a_refused_translation_comes_back_with_its_reason_in_the_page_language(
    api: Api,
) -> None:
    sid = registered(api)
    log_in(api, "arabic_translator", "fr")
    refused = post(api, f"/translator/{sid}/ar/passages/cover.paragraph.1", text="x")
    assert refused.status_code == 422
    assert "Une traduction arabe s&#39;écrit en écriture arabe" in refused.text
    assert re.search(r'<textarea id="t-p-cover-paragraph-1"[^>]*aria-invalid="true"[^>]*>x'
                     r"</textarea>", refused.text)
    assert api.get("officer", f"/api/submissions/{sid}").json()["record"].get(
        "translations", {}) == {}


def test_a_saved_passage_stays_on_the_page_and_is_revised(api: Api) -> None:
    sid = registered(api)
    log_in(api, "arabic_translator")
    first = "نص الفقرة مترجما إلى اللغة العربية"
    saved = post(api, f"/translator/{sid}/ar/passages/cover.paragraph.1", text=first)
    assert saved.status_code == 303
    page = api.client.get(saved.headers["location"]).text
    assert "The translation was saved." in page
    assert f">{first}</textarea>" in page and 'class="passage translated"' in page
    assert f"/api/submissions/{sid}/preview/ar.html" in page
    revised = "نص الفقرة بعد التنقيح باللغة العربية"
    assert post(api, f"/translator/{sid}/ar/passages/cover.paragraph.1",
                text=revised).status_code == 303
    record = api.get("officer", f"/api/submissions/{sid}").json()["record"]
    assert record["translations"]["cover.paragraph.1"]["ar"] == revised


def test_preview_and_suggestion_keep_the_text_in_the_field_unsaved(api: Api) -> None:
    sid = registered(api)
    log_in(api, "arabic_translator")
    typed = "نص لم يحفظ بعد باللغة العربية"
    shown = post(api, f"/translator/{sid}/ar/passages/cover.paragraph.1/preview", text=typed)
    assert shown.status_code == 200 and f">{typed}</textarea>" in shown.text
    assert f"/api/submissions/{sid}/preview/ar.html?passage=cover.paragraph.1" in shown.text
    used = post(api, f"/translator/{sid}/ar/passages/cover.title/use", text="مذكرة شفوية")
    assert ">مذكرة شفوية</textarea>" in used.text
    assert api.get("officer", f"/api/submissions/{sid}").json()["record"].get(
        "translations", {}) == {}


def test_the_officer_assigns_a_language_and_the_others_no_longer_see_it(api: Api) -> None:
    sid = registered(api)
    log_in(api, "officer")
    editor = api.client.get(f"/secretariat/submissions/{sid}").text
    assert f'href="/secretariat/submissions/{sid}/assignments"' in editor
    page = api.client.get(f"/secretariat/submissions/{sid}/assignments").text
    assert '<option value="arabic_translator">' in page
    done = post(api, f"/secretariat/submissions/{sid}/assignments", zh="translator", fr="")
    assert done.status_code == 303
    assert 'value="translator" selected' in api.client.get(done.headers["location"]).text
    wrong = post(api, f"/secretariat/submissions/{sid}/assignments", ar="translator")
    assert wrong.status_code == 422 and "does not translate into this language" in wrong.text
    held = api.get("officer", f"/api/submissions/{sid}/assignments").json()
    assert sorted(held) == ["zh"]
