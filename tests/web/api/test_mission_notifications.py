"""A mission is told by email when its note is registered and when it is issued.

A real SMTP server (aiosmtpd) is started by each test on 127.0.0.1; palais is
configured to send through it as an installation would be (smtp_host,
smtp_port, smtp_from, public_url). The "issued" message carries the symbol and
a link to the document's public page, which the test then follows. A mail
server that is down never breaks the registration: the message is recorded as
not sent, with the error, and sent by the next delivery.
"""

from __future__ import annotations

import dataclasses
import email
import email.policy
import time
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from fastapi.testclient import TestClient

from palais.languages import Language
from palais.registry import Registry, Role
from palais.registry.notifications import message
from palais.web.app import create_app
from tests.web.harness import PASSWORD, Api, Backend, add_users, issue_tokens, make_settings
from tests.web.live import free_port

PUBLIC = "http://palais.example.org"


class Inbox:
    """An aiosmtpd handler keeping every message it is given."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        self.messages.append(parsed)
        return "250 OK"

    def wait_for(self, count: int, seconds: float = 10) -> list[EmailMessage]:
        deadline = time.monotonic() + seconds
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.messages


@dataclasses.dataclass
class Mailed:
    api: Api
    port: int
    inbox: Inbox
    controller: Controller | None = None

    def start_smtp(self) -> None:
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def notifications(self) -> list[dict[str, Any]]:
        listed = self.api.get("aze", "/api/notifications")
        assert listed.status_code == 200, listed.text
        return list(listed.json())


def mailed_site(tmp_path: Path, *, smtp_up: bool) -> Iterator[Mailed]:
    port = free_port()
    settings = dataclasses.replace(
        make_settings(Backend("sqlite"), tmp_path), smtp_host="127.0.0.1", smtp_port=port,
        smtp_from="registry@palais.example.org", public_url=PUBLIC,
    )
    registry = Registry.open(settings)
    add_users(registry)
    registry.create_user("aze", PASSWORD, Role.MISSION, state="AZE", email="mission@aze.example")
    app = create_app(settings, registry)
    mailed = Mailed(Api(app, TestClient(app), registry), port, Inbox())
    if smtp_up:
        mailed.start_smtp()
    try:
        with mailed.api.client:
            mailed.api.tokens = issue_tokens(mailed.api.client)
            mailed.api.tokens["aze"] = _token(mailed.api.client, "aze")
            yield mailed
    finally:
        if mailed.controller is not None:
            mailed.controller.stop()
        registry.close()


def _token(client: TestClient, user: str) -> str:
    login = client.post("/api/auth/login", json={"username": user, "password": PASSWORD})
    login.raise_for_status()
    made = client.post("/api/auth/tokens", json={"name": "tests"})
    made.raise_for_status()
    client.post("/api/auth/logout")
    client.cookies.clear()
    return str(made.json()["token"])


@pytest.fixture
def mailed(tmp_path: Path) -> Iterator[Mailed]:
    yield from mailed_site(tmp_path, smtp_up=True)


@pytest.fixture
def mail_down(tmp_path: Path) -> Iterator[Mailed]:
    yield from mailed_site(tmp_path, smtp_up=False)


def submit(api: Api) -> int:
    made = api.post("aze", "/api/submissions", json={"record": api.record})
    assert made.status_code == 201, made.text
    return int(made.json()["id"])


def test_the_mission_is_emailed_when_registered_and_when_issued(mailed: Mailed) -> None:
    api = mailed.api
    sid = submit(api)
    registered = api.post("officer", f"/api/submissions/{sid}/registration")
    assert registered.status_code == 200, registered.text
    symbol = registered.json()["symbol"]
    first = mailed.inbox.wait_for(1)[0]
    assert first["To"] == "mission@aze.example"
    assert first["From"] == "registry@palais.example.org"
    assert symbol in first["Subject"] and symbol in first.get_content()

    early = api.post("officer", f"/api/submissions/{sid}/issue")
    api.translate(sid, early.json().get("missing", {}))
    assert len(mailed.inbox.messages) == 1, "nothing is sent for an issue that failed"
    assert api.post("officer", f"/api/submissions/{sid}/issue").status_code == 200
    issued = mailed.inbox.wait_for(2)[1]
    body = issued.get_content()
    link = f"{PUBLIC}/documents/{symbol}"
    assert issued["Subject"] == f"{symbol} was issued"
    assert symbol in body and link in body
    page = api.client.get(link.removeprefix(PUBLIC))
    assert page.status_code == 200 and symbol in page.text

    told = mailed.notifications()
    assert [(n["event"], n["symbol"]) for n in told] == [("issued", symbol),
                                                         ("registered", symbol)]
    assert all(n["sent_at"] and n["attempts"] == 1 for n in told)
    assert api.get("other_mission", "/api/notifications").json() == []


def test_a_note_sent_in_french_is_answered_in_french(mailed: Mailed) -> None:
    api = mailed.api
    api.record = {**api.record, "language": "fr"}
    sid = submit(api)
    registered = api.post("officer", f"/api/submissions/{sid}/registration")
    assert registered.status_code == 200, registered.text
    symbol = registered.json()["symbol"]
    told = mailed.inbox.wait_for(1)[0]
    assert told["Subject"] == f"Votre soumission {sid} a été enregistrée sous la cote {symbol}"
    assert "six langues officielles" in told.get_content()


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("event", ["registered", "issued"])
def test_every_message_names_the_submission_and_its_symbol_in_each_language(
    event: str, language: Language
) -> None:
    subject, body = message(event, 12, "A/HRC/47/G/3", PUBLIC, language)
    assert "A/HRC/47/G/3" in subject and "A/HRC/47/G/3" in body and "12" in body
    assert (f"{PUBLIC}/documents/A/HRC/47/G/3" in body) is (event == "issued")
    assert "{" not in subject + body


def test_a_mail_server_that_is_down_never_breaks_registration(mail_down: Mailed) -> None:
    api = mail_down.api
    sid = submit(api)
    registered = api.post("officer", f"/api/submissions/{sid}/registration")
    assert registered.status_code == 200, registered.text
    (waiting,) = mail_down.notifications()
    assert waiting["sent_at"] is None and waiting["attempts"] == 1
    assert "127.0.0.1" in waiting["last_error"]

    mail_down.start_smtp()
    assert api.registry.deliver() == 1
    (sent,) = mail_down.inbox.wait_for(1)
    assert registered.json()["symbol"] in sent["Subject"]
    (told,) = mail_down.notifications()
    assert told["sent_at"] is not None and told["last_error"] is None
    assert api.registry.deliver() == 0, "a message is sent once"


def test_the_missions_area_lists_what_it_was_told(mailed: Mailed) -> None:
    api = mailed.api
    sid = submit(api)
    api.post("officer", f"/api/submissions/{sid}/registration")
    mailed.inbox.wait_for(1)
    page = TestClient(api.app)
    page.post("/api/auth/login", json={"username": "aze", "password": PASSWORD})
    listing = page.get("/mission").text
    assert "Registered as A/HRC/41/G/1" in listing
    assert "Email sent on" in listing
