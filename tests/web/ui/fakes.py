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

    def recent_documents(self, limit: int = 10) -> list[Any]:
        return []

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

    def translation_queue(self, actor: Any) -> list[Any]:
        return []


def make_app(registry: FakeRegistry | None = None) -> FastAPI:
    app = FastAPI()
    app.state.registry = registry or FakeRegistry()
    app.state.cookie_signer = CookieSigner(SECRET)
    install_ui(app)
    return app


def session_cookie(username: str) -> str:
    return CookieSigner(SECRET).sign(username)
