"""The translator's API over HTTP: assignment and claim rules, the queue, the language check,
memory suggestions with their source symbol, previews, revision until issue and not after."""

from __future__ import annotations

from typing import Any

from palais.languages import Language
from palais.registry import Role
from tests.web.harness import PASSWORD, Api

KALBAJAR = ("The annex contains the report of the Government of Azerbaijan on the "
            "situation in the Kalbajar district since May 2021.")
ARABIC = "يتضمن المرفق تقرير حكومة أذربيجان عن الحالة في منطقة كلبجار منذ أيار/مايو 2021."


def registered(api: Api, paragraph: str = KALBAJAR) -> int:
    record: dict[str, Any] = {**api.record, "paragraphs": [paragraph]}
    sid = api.post("mission", "/api/submissions", json={"record": record}).json()["id"]
    # The notes here repeat one another on purpose: the officer confirms each is no duplicate.
    registration = f"/api/submissions/{sid}/registration?confirm_duplicate=true"
    assert api.post("officer", registration).status_code == 200
    return int(sid)


def issue(api: Api, sid: int) -> str:
    missing = api.post("officer", f"/api/submissions/{sid}/issue").json()["missing"]
    api.translate(sid, missing)
    issued = api.post("officer", f"/api/submissions/{sid}/issue")
    assert issued.status_code == 200, issued.text
    return str(issued.json()["symbol"])


def translation(api: Api, who: str, sid: int, passage: str, lang: str, text: str) -> Any:
    return api.put(who, f"/api/submissions/{sid}/translations/{passage}/{lang}",
                   json={"text": text})


def another_translator(api: Api, name: str, languages: tuple[Language, ...]) -> None:
    api.registry.create_user(name, PASSWORD, Role.TRANSLATOR, languages=languages)
    api.client.post("/api/auth/login", json={"username": name, "password": PASSWORD})
    api.tokens[name] = api.client.post("/api/auth/tokens", json={"name": "t"}).json()["token"]
    api.client.post("/api/auth/logout")
    api.client.cookies.clear()


def test_an_officer_assigns_and_a_translator_claims(api: Api) -> None:
    sid = registered(api)
    base = f"/api/submissions/{sid}/assignments"
    given = api.put("officer", f"{base}/ar", json={"translator": "arabic_translator"})
    assert given.status_code == 200, given.text
    assert given.json()["translator"] == "arabic_translator"
    assert api.get("officer", base).json()["ar"]["assigned_by"] == "officer"
    # Only an officer assigns; only to a translator into the language.
    assert api.put("translator", f"{base}/fr", json={"translator": "translator"}).status_code == 403
    wrong = api.put("officer", f"{base}/ar", json={"translator": "translator"})
    assert wrong.status_code == 422 and "does not translate into" in wrong.json()["detail"]
    # A claim: one's own language, free or already one's own.
    assert api.post("translator", f"{base}/ar/claim").status_code == 403
    claimed = api.post("translator", f"{base}/zh/claim")
    assert claimed.status_code == 200 and claimed.json()["translator"] == "translator"
    another_translator(api, "chinese", (Language.ZH,))
    taken = api.post("chinese", f"{base}/zh/claim")
    assert taken.status_code == 409 and "assigned to translator" in taken.json()["detail"]
    refused = translation(api, "chinese", sid, "cover.paragraph.1", "zh", "该段落的中文译文")
    assert refused.status_code == 409
    assert api.post("mission", f"{base}/fr/claim").status_code == 403


def test_the_queue_lists_held_and_claimable_languages_only(api: Api) -> None:
    sid = registered(api)
    another_translator(api, "chinese", (Language.ZH,))
    assert [i["language"] for i in api.get("chinese", "/api/translator/queue").json()
            if i["submission"]["id"] == sid] == ["zh"]
    api.put("officer", f"/api/submissions/{sid}/assignments/zh", json={"translator": "translator"})
    assert [i for i in api.get("chinese", "/api/translator/queue").json()
            if i["submission"]["id"] == sid] == []
    mine = {i["language"]: i for i in api.get("translator", "/api/translator/queue").json()
            if i["submission"]["id"] == sid}
    assert sorted(mine) == ["es", "fr", "ru", "zh"]  # English is the original
    assert mine["zh"]["assignment"]["translator"] == "translator"
    assert mine["fr"]["assignment"] is None
    assert mine["fr"]["missing"] == ["cover.title", "cover.paragraph.1"]
    assert api.get("mission", "/api/translator/queue").json() == []


def test_a_translation_not_in_its_language_is_refused_with_the_reason(api: Api) -> None:
    sid = registered(api)
    arabic = translation(api, "arabic_translator", sid, "cover.paragraph.1", "ar", "x")
    assert arabic.status_code == 422
    assert "Arabic script" in arabic.json()["detail"]
    chinese = translation(api, "translator", sid, "cover.paragraph.1", "zh",
                          "L'annexe contient le rapport du Gouvernement de l'Azerbaïdjan")
    assert chinese.status_code == 422 and "Chinese characters" in chinese.json()["detail"]
    record = api.get("officer", f"/api/submissions/{sid}").json()["record"]
    assert record.get("translations", {}) == {}


def test_memory_suggestions_name_the_document_they_come_from(api: Api) -> None:
    first = registered(api)
    assert translation(api, "arabic_translator", first, "cover.paragraph.1", "ar",
                       ARABIC).status_code == 200
    symbol = issue(api, first)
    sid = registered(api)
    path = f"/api/submissions/{sid}/suggestions/cover.paragraph.1/ar"
    found = api.get("arabic_translator", path)
    assert found.status_code == 200, found.text
    assert [(s["symbol"], s["text"], s["exact"]) for s in found.json()] == [
        (symbol, ARABIC, True)
    ]
    assert api.get("translator", path).status_code == 403
    withdrawn = api.post("officer", f"/api/submissions/{first}/withdrawal",
                         json={"reason": "issued in error"})
    assert withdrawn.status_code == 200, withdrawn.text
    assert api.get("arabic_translator", path).json() == []


def test_a_passage_is_revised_until_issue_and_not_after(api: Api) -> None:
    sid = registered(api)
    for text in ("Le passage en français", "Le passage révisé en français"):
        saved = translation(api, "translator", sid, "cover.title", "fr", text)
        assert saved.status_code == 200, saved.text
    record = api.get("officer", f"/api/submissions/{sid}").json()["record"]
    assert record["translations"]["cover.title"]["fr"] == "Le passage révisé en français"
    issue(api, sid)
    after = translation(api, "officer", sid, "cover.title", "fr", "Le titre après coup")
    assert after.status_code == 409 and "issued" in after.json()["detail"]
    assert translation(api, "translator", sid, "cover.title", "fr",
                       "Le titre après coup").status_code == 404


def test_a_preview_composes_the_version_with_the_text_typed(api: Api) -> None:
    sid = registered(api)
    path = f"/api/submissions/{sid}/preview/ar.html"
    shown = api.get("arabic_translator", path,
                    params={"passage": "cover.paragraph.1", "text": ARABIC})
    assert shown.status_code == 200 and shown.headers["content-type"].startswith("text/html")
    assert ARABIC in shown.text and 'dir="rtl"' in shown.text
    assert "[…]" in shown.text  # the title, not translated yet
    assert api.get("mission", path).status_code == 403
    record = api.get("officer", f"/api/submissions/{sid}").json()["record"]
    assert record.get("translations", {}) == {}
