"""A registry and a search index standing in for the real ones, for the pages' own tests.

The page tests check what the pages decide (language, direction, who may see
what, how a form is read and shown); the registry's and the index's rules are
tested with those packages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from types import SimpleNamespace
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from palais.conventions import load_calendar
from palais.errors import NotAuthenticated, NotFound
from palais.languages import Language
from palais.model import Document
from palais.parse import parse_text
from palais.records import from_record, to_record
from palais.titles import ShownTitle, title_for
from palais.web.csrf import CSRF_COOKIE, token_for
from palais.web.login import LoginGate
from palais.web.ui import install_ui

SECRET = b"test-secret"


class FakeRole(StrEnum):
    MISSION = "mission"
    OFFICER = "officer"
    TRANSLATOR = "translator"


@dataclass(frozen=True)
class FakeActor:
    username: str
    role: FakeRole
    languages: tuple[Language, ...] = ()


@dataclass
class FakeSubmission:
    id: int
    state: str
    record: dict[str, Any]

    @property
    def document(self) -> Document:
        return from_record(self.record)


@dataclass(frozen=True)
class FakeDocument:
    symbol: str
    title: str
    text: str
    session: int = 47
    sender: str = "AZE"
    doc_date: str = "2021-06-08"
    versions: tuple[str, ...] = ()

    @property
    def document(self) -> Document:
        """The issued record, as the registry's public view carries it."""
        return from_record({
            "symbol": self.symbol, "doc_type": "note_verbale", "session": self.session,
            "agenda_items": [4], "sender_state": self.sender, "doc_date": self.doc_date,
            "language": "fr", "title": self.title, "paragraphs": [self.text],
        })

    def title_for(self, reader: Language | None) -> ShownTitle | None:
        return title_for({}, reader, self.title, Language.FR)


@dataclass(frozen=True)
class FakeHit:
    symbol: str
    title: str
    snippet: str
    language: Language | None = None
    doc_date: str | None = None
    session: int | None = None
    agenda_items: tuple[int, ...] = ()
    languages: tuple[Language, ...] = ()

    def title_for(self, reader: Language | None) -> ShownTitle | None:
        return title_for({}, reader, self.title, Language.FR)


@dataclass(frozen=True)
class FakeResults:
    total: int
    hits: list[FakeHit]
    facets: dict[str, list[tuple[str, int]]]
    page: int = 1
    page_size: int = 10

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PAGE_SIZE))


PAGE_SIZE = 10


def _users() -> dict[str, FakeActor]:
    return {
        "aze": FakeActor("aze", FakeRole.MISSION),
        "officer": FakeActor("officer", FakeRole.OFFICER),
        "translator": FakeActor("translator", FakeRole.TRANSLATOR, (Language.AR, Language.ZH)),
    }


@dataclass
class FakeRegistry:
    users: dict[str, FakeActor] = field(default_factory=_users)
    submissions: dict[int, FakeSubmission] = field(default_factory=dict)
    issued: list[FakeDocument] = field(default_factory=list)

    def actor(self, username: str) -> FakeActor:
        if username not in self.users:
            raise NotAuthenticated(f"no user {username!r}")
        return self.users[username]

    def login(self, username: str, password: str) -> FakeActor:
        if password != "pw":
            raise NotAuthenticated("wrong password")
        return self.actor(username)

    def open_session(self, actor: FakeActor, client: str = "", address: str = "") -> str:
        return session_cookie(actor.username)

    def session_actor(self, token: str) -> FakeActor:
        """A session token here is ``session-<user name>`` (the real one is random)."""
        prefix, _, username = token.partition("-")
        if prefix != "session":
            raise NotAuthenticated("no such session")
        return self.actor(username)

    def end_session(self, token: str) -> None:
        return None

    def sessions_of(self, actor: FakeActor, current: str | None = None) -> list[Any]:
        """This browser and one other, as the account page lists them."""
        when = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
        return [
            SimpleNamespace(id=2, created_at=when, last_seen_at=when, client="Firefox/140.0",
                            address="192.0.2.7", current=True),
            SimpleNamespace(id=1, created_at=when, last_seen_at=when, client="curl/8.5",
                            address="198.51.100.4", current=False),
        ]

    def submit_file(self, actor: Any, filename: str, data: bytes) -> FakeSubmission:
        number = len(self.submissions) + 1
        record = to_record(parse_text(data.decode()))
        self.submissions[number] = FakeSubmission(number, "submitted", record)
        return self.submissions[number]

    def list(
        self, actor: Any, state: str | None = None, offset: int = 0, limit: int = 50,
        **filters: Any,
    ) -> tuple[list[FakeSubmission], int]:
        found = [s for s in self.submissions.values() if state in (None, s.state)]
        return found[offset : offset + limit], len(found)

    def get(self, actor: Any, submission_id: int) -> FakeSubmission:
        if submission_id not in self.submissions:
            raise NotFound(f"no submission {submission_id}")
        return self.submissions[submission_id]

    def update_record(self, actor: Any, submission_id: int, record: dict[str, Any]) -> None:
        self.submissions[submission_id].record = record

    def notifications(self, actor: Any) -> list[Any]:
        return []

    def queue(self, actor: Any) -> list[Any]:
        return []

    def audit(self, actor: Any, submission_id: int) -> list[Any]:
        return []

    def sessions(self) -> tuple[Any, ...]:
        return load_calendar().sessions()

    def session(self, number: int) -> Any:
        return load_calendar().session(number)

    def recently_issued(self, limit: int | None = None, actor: Any = None) -> list[FakeDocument]:
        return self.issued[:limit]

    def document(self, symbol: Any, actor: Any = None) -> FakeDocument:
        for doc in self.issued:
            if doc.symbol == str(symbol):
                return doc
        raise NotFound(f"no issued document {symbol}")


@dataclass
class FakeIndex:
    """Issued documents found by a word of their text, with session and State facets."""

    registry: FakeRegistry

    def search(
        self, q: str, filters: Any, page: int = 1, reader: Language | None = None,
        sort: str = "relevance",
    ) -> FakeResults:
        hits = [
            d
            for d in self.registry.issued
            if q.lower() in d.text.lower()
            and all(str(getattr(d, name, "")) == value for name, value in filters.items())
        ]
        facets = {
            "session": [(str(d.session), 1) for d in hits],
            "sender": [(d.sender, 1) for d in hits],
        }
        found = [FakeHit(d.symbol, d.title, d.text[:80]) for d in hits]
        shown = found[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
        return FakeResults(len(hits), shown, facets if hits else {}, page)


def make_app(registry: FakeRegistry | None = None) -> FastAPI:
    app = FastAPI()
    app.state.registry = registry or FakeRegistry()
    # The pages read the index through the app's follower of the store's changes.
    app.state.follower = SimpleNamespace(index=FakeIndex(app.state.registry), catch_up=lambda: 0)
    app.state.settings = SimpleNamespace(max_upload_bytes=1_000_000, secure_cookies=False)
    app.state.signing_key = SECRET
    app.state.login_gate = LoginGate()
    install_ui(app)
    return app


def page_client(app: FastAPI) -> TestClient:
    """A client holding a CSRF cookie and sending its token, as a browser's form would."""
    client = TestClient(app)
    client.cookies.set(CSRF_COOKIE, "browser-value")
    client.headers["X-CSRF-Token"] = token_for(SECRET, "browser-value")
    return client


def session_cookie(username: str) -> str:
    return f"session-{username}"
