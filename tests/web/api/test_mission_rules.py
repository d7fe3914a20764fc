"""The API's rules for a mission's submission: withdrawal, duplicates, size, refusals, its file.

Every test drives the API over HTTP against the real registry (SQLite and
PostgreSQL), as a mission's or the secretariat's program would.
"""

from __future__ import annotations

from typing import Any

from palais.registry import Role
from tests.support.notes import note_text, pdf_of, scan_of
from tests.support.uploads import photo_jpeg
from tests.web.harness import PASSWORD, SEEDS, Api

NOTE = (SEEDS / "fr_hrc_47_2021.txt").read_bytes()


def upload(api: Api, who: str, data: bytes, name: str = "note.txt",
           media: str = "text/plain") -> Any:
    return api.post(who, "/api/submissions/upload", files={"file": (name, data, media)})


def submitted(api: Api, data: bytes = NOTE, who: str = "mission") -> int:
    made = upload(api, who, data)
    assert made.status_code == 201, made.text
    return int(made.json()["id"])


def withdraw(api: Api, who: str, sid: int, reason: str = "sent by mistake") -> Any:
    return api.post(who, f"/api/submissions/{sid}/withdrawal", json={"reason": reason})


def register(api: Api, sid: int, **params: str) -> Any:
    return api.post("officer", f"/api/submissions/{sid}/registration", params=params)


def issued(api: Api, sid: int) -> None:
    assert register(api, sid).status_code == 200
    early = api.post("officer", f"/api/submissions/{sid}/issue")
    api.translate(sid, early.json().get("missing", {}))
    done = api.post("officer", f"/api/submissions/{sid}/issue")
    assert done.status_code == 200, done.text


def test_a_mission_withdraws_its_own_submission_before_issue(api: Api) -> None:
    first, second = submitted(api), submitted(api, NOTE + b"\n")
    assert register(api, second, confirm_duplicate="true").status_code == 200
    for sid in (first, second):
        done = withdraw(api, "mission", sid)
        assert done.status_code == 200, done.text
        assert (done.json()["state"], done.json()["reason"]) == ("withdrawn", "sent by mistake")


def test_withdrawal_is_refused_to_others_without_reason_and_after_issue(api: Api) -> None:
    sid = submitted(api)
    assert withdraw(api, "other_mission", sid).status_code == 404, "another State's is unseen"
    assert withdraw(api, "translator", sid).status_code == 404
    blank = withdraw(api, "mission", sid, "   ")
    assert blank.status_code == 422 and "reason is required" in blank.json()["detail"]
    assert api.get("mission", f"/api/submissions/{sid}").json()["state"] == "submitted"
    issued(api, sid)
    late = withdraw(api, "mission", sid)
    assert late.status_code == 409
    assert late.json()["type"] == "/api/problems/conflict"
    assert api.get("mission", f"/api/submissions/{sid}").json()["state"] == "issued"
    assert withdraw(api, "officer", sid).status_code == 200, "the secretariat still may"


def test_the_same_file_twice_needs_confirmation_to_register(api: Api) -> None:
    first, second = submitted(api), submitted(api)
    body = api.get("officer", f"/api/submissions/{second}").json()
    assert body["duplicate_of"] == [first]
    refused = register(api, second)
    assert refused.status_code == 409
    problem = refused.json()
    assert problem["type"] == "/api/problems/unconfirmed-duplicate"
    assert problem["duplicates"] == [first]
    assert api.get("officer", f"/api/submissions/{second}").json()["symbol"] is None
    done = register(api, second, confirm_duplicate="true")
    assert done.status_code == 200 and done.json()["symbol"]
    audit = api.get("officer", f"/api/submissions/{second}/audit").json()
    assert audit[-1]["after"]["confirmed_duplicate_of"] == [first]
    assert register(api, first).status_code == 200, "the first is no duplicate"


def test_nearly_the_same_text_of_the_same_date_is_a_duplicate(api: Api) -> None:
    first = submitted(api)
    retyped = NOTE.replace(b"tensions", b"tensoins", 1)  # a typo, the same note
    assert retyped != NOTE
    near = submitted(api, retyped)
    assert api.get("officer", f"/api/submissions/{near}").json()["duplicate_of"] == [first]
    other = NOTE.decode("utf-8").split("\n")
    rewritten = "\n".join(line if len(line) < 80 else line[::-1] for line in other)
    different = submitted(api, rewritten.encode("utf-8"))
    assert api.get("officer", f"/api/submissions/{different}").json()["duplicate_of"] == []


def test_an_arabic_note_sent_as_a_pdf_then_scanned_is_a_duplicate(api: Api) -> None:
    # The scan is read by OCR (Arabic and English: the note quotes its English annex), the
    # PDF by pdftotext, whose backwards lam-alef ligatures are put right.
    api.registry.create_user("egypt", PASSWORD, Role.MISSION, state="EGY")
    api.client.post("/api/auth/login", json={"username": "egypt", "password": PASSWORD})
    api.tokens["egypt"] = api.client.post("/api/auth/tokens", json={"name": "t"}).json()["token"]
    api.client.cookies.clear()
    text = note_text("ar_egy_annex_en")
    first = upload(api, "egypt", pdf_of(text, "ar"), "note.pdf", "application/pdf")
    again = upload(api, "egypt", scan_of(text, "ar"), "scan.pdf", "application/pdf")
    assert first.status_code == 201 and again.status_code == 201, again.text
    body = api.get("officer", f"/api/submissions/{again.json()['id']}").json()
    assert body["duplicate_of"] == [first.json()["id"]]


def test_a_withdrawn_submission_is_no_original_to_repeat(api: Api) -> None:
    first = submitted(api)
    second = submitted(api)
    assert withdraw(api, "mission", first).status_code == 200
    assert register(api, second).status_code == 200, "its original was withdrawn"
    third = submitted(api)
    assert api.get("officer", f"/api/submissions/{third}").json()["duplicate_of"] == [second]


def test_another_missions_note_is_never_its_duplicate(api: Api) -> None:
    submitted(api)
    record = {"doc_type": "note_verbale", "sender_state": "FRA", "language": "fr",
              "doc_date": "2021-06-08", "session": 47, "agenda_items": [4],
              "title": "Note verbale", "paragraphs": [NOTE.decode("utf-8")]}
    made = api.post("other_mission", "/api/submissions", json={"record": record})
    assert made.status_code == 201 and made.json()["duplicate_of"] == []


def test_an_upload_over_the_limit_is_413_and_nothing_is_kept(api: Api) -> None:
    limit = api.app.state.settings.max_upload_bytes
    before = api.snapshot()
    response = upload(api, "mission", b"x" * (limit + 1))
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["type"] == "/api/problems/payload-too-large"
    assert api.snapshot() == before


def test_unreadable_uploads_are_refused_saying_why(api: Api) -> None:
    before = api.snapshot()
    cases = [
        (b"", "empty.txt", "text/plain", "is empty (0 bytes)"),
        (photo_jpeg(), "photo.jpg", "image/jpeg", "OCR found no text"),
        (b"plain words", "note.pdf", "application/pdf", "not a PDF"),
        (b"GIF89a\x01\x00", "anim.gif", "image/gif", "declared as image/gif"),
    ]
    for data, name, media, said in cases:
        refused = upload(api, "mission", data, name, media)
        assert refused.status_code == 422, (name, refused.text)
        assert refused.json()["type"] == "/api/problems/parse-error"
        assert said in refused.json()["detail"], refused.json()
    assert api.snapshot() == before


def test_a_mission_downloads_only_its_own_file(api: Api) -> None:
    sid = submitted(api)
    own = api.get("mission", f"/api/submissions/{sid}/file")
    assert own.status_code == 200 and own.content == NOTE
    assert own.headers["content-type"].startswith("text/plain")
    assert api.get("other_mission", f"/api/submissions/{sid}/file").status_code == 404
    assert api.get(None, f"/api/submissions/{sid}/file").status_code == 401
    record = api.post("mission", "/api/submissions", json={"record": api.record}).json()["id"]
    assert api.get("mission", f"/api/submissions/{record}/file").status_code == 404
