"""A mission's pages over the real registry and a temporary SQLite store.

Upload, preview, confirm and receipt; every refusal on the upload form, in the
page's language; the held file bound to its owner; the list, the mission's own
file and withdrawal; the duplicate told on the preview and the officer's
confirmation on the register form.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from palais.registry import Registry
from palais.web.app import create_app
from tests.support.notes import note_text
from tests.support.uploads import padded_pdf, photo_jpeg
from tests.web.harness import PASSWORD, SEEDS, Backend, add_users, make_settings

LIMIT = 2 * 1024 * 1024
NOTE = (SEEDS / "fr_hrc_47_2021.txt").read_bytes()
FIELDS = {"doc_type": "note_verbale", "sender_state": "AZE", "doc_date": "2021-06-08",
          "session": "47", "agenda_items": "4", "language": "fr", "addressee": "OHCHR"}


@dataclasses.dataclass
class Site:
    app: Any
    registry: Registry
    folder: Path

    def browser(self, user: str, lang: str = "en") -> Browser:
        client = TestClient(self.app, raise_server_exceptions=False)
        client.headers["Accept-Language"] = lang
        login = client.post("/api/auth/login", json={"username": user, "password": PASSWORD})
        assert login.status_code == 200, login.text
        return Browser(client)

    def count(self) -> int:
        return self.registry.list(self.registry.actor("officer"))[1]

    def held(self) -> list[Path]:
        return sorted((self.folder / "files" / "pending").glob("*.bin"))


@dataclasses.dataclass
class Browser:
    """A person's browser: its cookies, and the CSRF token of the last page it read."""

    client: TestClient

    def token(self, page: str = "/mission/submit") -> str:
        found = re.search(r'name="csrf_token" value="([^"]+)"', self.client.get(page).text)
        assert found is not None
        return found.group(1)

    def upload(self, name: str, data: bytes, media: str = "text/plain") -> httpx.Response:
        return self.client.post("/mission/submit", data={"csrf_token": self.token()},
                                files={"file": (name, data, media)})

    def post(self, path: str, **data: str) -> httpx.Response:
        return self.client.post(path, data={"csrf_token": self.token(), **data},
                                follow_redirects=False)


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    settings = dataclasses.replace(
        make_settings(Backend("sqlite"), tmp_path), max_upload_bytes=LIMIT
    )
    registry = Registry.open(settings)
    add_users(registry)
    app = create_app(settings, registry)
    try:
        yield Site(app, registry, tmp_path)
    finally:
        registry.close()


def spaced(html: str) -> str:
    """``html`` with the no-break spaces of French typography as plain spaces."""
    return html.replace("\u202f", " ").replace("\xa0", " ")


def upload_token(html: str) -> str:
    found = re.search(r'name="upload" value="([^"]+)"', html)
    assert found is not None, html[:800]
    return found.group(1)


def test_the_file_is_held_at_preview_and_confirmed_by_its_token(site: Site) -> None:
    mission = site.browser("mission")
    form = mission.client.get("/mission/submit").text
    assert "Files up to 2 MB are accepted." in form
    preview = mission.upload("note.txt", NOTE)
    assert preview.status_code == 200, preview.text[-1500:]
    for shown in ('id="f-session" name="session" dir="auto" value="47"',
                  'value="2021-06-08" type="date"', "Note verbale datée du 8 juin 2021"):
        assert shown in preview.text
    assert 'name="payload"' not in preview.text, "the file does not travel back"
    assert site.count() == 0 and len(site.held()) == 1
    token = upload_token(preview.text)
    confirmed = mission.post("/mission/confirm", upload=token, **FIELDS)
    assert confirmed.status_code == 303
    receipt = mission.client.get(confirmed.headers["location"])
    assert re.fullmatch(r"/mission/submissions/(\d+)/receipt", confirmed.headers["location"])
    assert "Receipt" in receipt.text and "What happens next" in receipt.text
    assert 'id="submission-number">1<' in receipt.text
    assert re.search(r'id="received">\d{1,2} \w{3} 20\d\d, \d\d:\d\d UTC<', receipt.text)
    assert site.count() == 1 and site.held() == [], "a confirmed file is no longer held"
    again = mission.post("/mission/confirm", upload=token, **FIELDS)
    assert again.status_code == 404 and "no longer held" in again.text
    assert site.count() == 1


def test_a_file_larger_than_a_form_field_confirms_like_any_other(site: Site) -> None:
    mission = site.browser("mission")
    big = padded_pdf("en_aze_wrapped", 1536 * 1024)  # over Starlette's 1 MiB field limit
    preview = mission.upload("note.pdf", big, "application/pdf")
    assert preview.status_code == 200, preview.text[:500]
    fields = {**FIELDS, "doc_date": "2025-02-20", "session": "58", "language": "en"}
    confirmed = mission.post("/mission/confirm", upload=upload_token(preview.text), **fields)
    assert confirmed.status_code == 303
    sid = int(confirmed.headers["location"].split("/")[3])
    page = mission.client.get(f"/mission/submissions/{sid}")
    assert f'href="/mission/submissions/{sid}/file"' in page.text
    download = mission.client.get(f"/mission/submissions/{sid}/file")
    assert download.content == big and download.headers["content-type"] == "application/pdf"
    assert site.browser("other_mission").client.get(
        f"/mission/submissions/{sid}/file").status_code == 404


@pytest.mark.parametrize(
    ("name", "data", "media", "status", "said"),
    [
        ("empty.txt", b"", "text/plain", 422, "is empty (0 bytes)"),
        ("photo.jpg", None, "image/jpeg", 422, "OCR found no text"),
        ("note.pdf", b"plain words", "application/pdf", 422, "its content is not a PDF"),
        ("tune.mp3", b"ID3\x03\x00", "audio/mpeg", 422, "declared as audio/mpeg"),
        ("big.txt", b"x" * (LIMIT + 10), "text/plain", 413, "larger than the limit of 2 MB"),
        ("huge.txt", b"x" * (3 * LIMIT), "text/plain", 413, "larger than the limit of 2 MB"),
    ],
)
def test_every_refusal_comes_back_on_the_upload_form(
    site: Site, name: str, data: bytes | None, media: str, status: int, said: str
) -> None:
    response = site.browser("mission").upload(name, photo_jpeg() if data is None else data,
                                              media)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert 'id="upload-error"' in response.text and said in response.text
    assert 'action="/mission/submit"' in response.text, "the form is there to try again"
    assert site.count() == 0 and site.held() == []


def test_refusals_are_said_in_the_pages_language(site: Site) -> None:
    french = site.browser("mission", "fr")
    assert "Les fichiers jusqu’à 2 Mo sont acceptés." in spaced(
        french.client.get("/mission/submit").text)
    empty = french.upload("vide.txt", b"")
    assert "vide.txt est vide (0 octet)" in empty.text
    huge = french.upload("gros.txt", b"x" * (3 * LIMIT))
    assert huge.status_code == 413 and "Le fichier dépasse la limite de 2 Mo." in spaced(huge.text)


def test_the_points_to_check_are_said_in_the_pages_language(site: Site) -> None:
    note = note_text("en_aze_wrapped").encode()
    english = site.browser("mission").upload("note.txt", note).text
    assert re.search(r'id="w-reference" lang="en"[^>]*>“No. 4/2025/123”, as printed<', english)
    french = spaced(site.browser("mission", "fr").upload("note.txt", note).text)
    assert re.search(r'id="w-reference" lang="fr"[^>]*>« No. 4/2025/123 », tel qu’imprimé<',
                     french)
    assert "la ligne de date à la fin, « Geneva, 20 February 2025 »" in french
    assert "Annexes : une annexe, en anglais, après le bloc du destinataire" in french
    assert "Dates de la session : celles de la session, d’après le calendrier" in french
    assert "as printed" not in french and "from the request to circulate" not in french


def test_another_states_note_is_refused_on_the_form(site: Site) -> None:
    response = site.browser("other_mission").upload("note.txt", NOTE)
    assert response.status_code == 403
    assert "may submit only for its own State" in response.text
    assert site.held() == []


def test_only_the_owner_of_a_held_file_may_confirm_it(site: Site) -> None:
    token = upload_token(site.browser("mission").upload("note.txt", NOTE).text)
    # Another account of the same State, then another State: neither sees the file.
    site.registry.create_user("mission2", PASSWORD, "mission", state="AZE")
    for other in ("mission2", "other_mission"):
        refused = site.browser(other).post("/mission/confirm", upload=token, **FIELDS)
        assert refused.status_code == 404 and "no longer held" in refused.text
    assert site.count() == 0 and len(site.held()) == 1


def test_the_list_names_states_in_words_and_a_mission_withdraws(site: Site) -> None:
    mission = site.browser("mission")
    token = upload_token(mission.upload("note.txt", NOTE).text)
    mission.post("/mission/confirm", upload=token, **FIELDS)
    listing = mission.client.get("/mission").text
    assert 'href="/mission/submissions/1"' in listing
    assert ">Submitted</span>" in listing and "submitted</" not in listing
    no_reason = mission.post("/mission/submissions/1/withdraw", reason="  ")
    assert no_reason.status_code == 422 and 'id="withdraw-error"' in no_reason.text
    assert "a reason is required" in no_reason.text
    done = mission.post("/mission/submissions/1/withdraw", reason="Sent by mistake")
    assert done.status_code == 303
    page = mission.client.get("/mission/submissions/1").text
    assert ">Withdrawn</span>" in page and "Sent by mistake" in page
    assert "/withdraw" not in page, "a withdrawn submission offers no withdrawal"
    french = site.browser("mission", "fr").client.get("/mission").text
    assert ">Retiré" in french or ">Retirée" in french


def test_a_note_sent_again_is_told_on_the_preview_and_the_officer_confirms(
    site: Site,
) -> None:
    mission = site.browser("mission")
    first = upload_token(mission.upload("note.txt", NOTE).text)
    mission.post("/mission/confirm", upload=first, **FIELDS)
    again = mission.upload("copie.txt", NOTE)
    assert again.status_code == 200
    assert "You may have sent this note already" in again.text
    assert "The same file was received on" in again.text and "as submission 1." in again.text
    confirmed = mission.post("/mission/confirm", upload=upload_token(again.text), **FIELDS)
    assert confirmed.status_code == 303, "the mission may still go on"

    officer = site.browser("officer")
    queue = officer.client.get("/secretariat").text
    assert "Possible duplicate of 1" in queue
    editor = officer.client.get("/secretariat/submissions/2").text
    assert 'name="confirm_duplicate"' in editor
    refused = officer.post("/secretariat/submissions/2/register")
    assert refused.status_code == 409 and "confirm that it is no duplicate" in refused.text
    assert site.registry.get(site.registry.actor("officer"), 2).symbol is None
    registered = officer.post("/secretariat/submissions/2/register", confirm_duplicate="1")
    assert registered.status_code == 303
    assert site.registry.get(site.registry.actor("officer"), 2).symbol is not None
