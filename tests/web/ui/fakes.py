"""A registry stand-in holding a few users, for testing the pages' own behaviour.

The page tests check what the pages decide (language, direction, who may see
what, how a form is read); the registry's rules are tested in tests/registry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from fastapi import FastAPI

from palais.errors import NotAuthenticated, NotFound
from palais.languages import Language
from palais.web.cookies import CookieSigner
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


@dataclass
class FakeSubmission:
    id: str
    state: str
    record: dict[str, Any]
    symbol: str | None = None


@dataclass(frozen=True)
class FakeDocument:
    symbol: str
    title: str
    text: str
    session: int = 47
    agenda_items: tuple[int, ...] = (4,)
    sender: str = "AZE"
    doc_date: str = "2021-06-08"


@dataclass(frozen=True)
class FakeFacet:
    value: Any
    label: str
    count: int


@dataclass(frozen=True)
class FakeHit:
    symbol: str
    title: str
    snippet: str
    language: str | None = None


@dataclass(frozen=True)
class FakeResults:
    total: int
    hits: list[FakeHit]
    facets: dict[str, list[tuple[str, int]]]


@dataclass(frozen=True)
class FakePassage:
    submission_id: str
    symbol: str
    passage: str
    original: str
    source_language: Language
    language: Language


@dataclass
class FakeRegistry:
    users: dict[str, FakeActor] = field(
        default_factory=lambda: {
            "aze": FakeActor("aze", FakeRole.MISSION),
            "officer": FakeActor("officer", FakeRole.OFFICER),
            "translator": FakeActor("translator", FakeRole.TRANSLATOR),
        }
    )
    submissions: dict[str, FakeSubmission] = field(default_factory=dict)

    def actor(self, username: str) -> FakeActor:
        if username not in self.users:
            raise NotAuthenticated(f"no user {username!r}")
        return self.users[username]

    def login(self, username: str, password: str) -> FakeActor:
        if password != "pw":
            raise NotAuthenticated("wrong password")
        return self.actor(username)

    issued: list[FakeDocument] = field(default_factory=list)
    awaiting: list[FakePassage] = field(default_factory=list)

    def recent_documents(self, limit: int = 10) -> list[FakeDocument]:
        return self.issued[:limit]

    def public_facets(self) -> dict[str, list[FakeFacet]]:
        return {
            "sessions": [FakeFacet(d.session, str(d.session), 1) for d in self.issued],
            "agenda_items": [FakeFacet(i, str(i), 1) for d in self.issued for i in d.agenda_items],
            "states": [FakeFacet(d.sender, d.sender, 1) for d in self.issued],
        }

    def public_documents(self, **filters: Any) -> list[FakeDocument]:
        return self.issued

    def document(self, symbol: Any) -> FakeDocument:
        for doc in self.issued:
            if doc.symbol == str(symbol):
                return doc
        raise NotFound(f"no issued document {symbol}")

    def search(self, q: str, filters: dict[str, str], page: int = 1) -> FakeResults:
        hits = [d for d in self.issued if q.lower() in d.text.lower()]
        facets = {"session": [(str(d.session), 1) for d in hits]} if hits else {}
        found = [FakeHit(d.symbol, d.title, d.text[:80]) for d in hits]
        return FakeResults(len(hits), found, facets)

    def list(self, actor: Any, state: str | None = None) -> list[FakeSubmission]:
        return [s for s in self.submissions.values() if state in (None, s.state)]

    def get(self, actor: Any, submission_id: str) -> FakeSubmission:
        if submission_id not in self.submissions:
            raise NotFound(f"no submission {submission_id}")
        return self.submissions[submission_id]

    def update_record(self, actor: Any, submission_id: str, record: dict[str, Any]) -> None:
        self.submissions[submission_id].record = record

    def audit(self, actor: Any, submission_id: str) -> list[Any]:
        return []

    def workflow_states(self) -> list[str]:
        return ["submitted", "registered", "issued"]

    def translation_queue(self, actor: Any) -> list[FakePassage]:
        return self.awaiting


def make_app(registry: FakeRegistry | None = None) -> FastAPI:
    app = FastAPI()
    app.state.registry = registry or FakeRegistry()
    app.state.cookie_signer = CookieSigner(SECRET)
    install_ui(app)
    return app


def session_cookie(username: str) -> str:
    return CookieSigner(SECRET).sign(username)
