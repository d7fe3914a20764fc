"""What the API tests share: a store on each backend, users of every role, clients.

``api`` (in conftest) is an in-process client over a fresh store, on SQLite
and on PostgreSQL; ``prepared_store`` makes the same store for a server in a
subprocess (tests/web/live.py) and for benchmarks/api.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from palais.languages import Language
from palais.registry import Registry, Role
from palais.settings import Settings
from palais.store import read_transaction
from palais.store.tables import metadata
from palais.web.app import create_app
from tests.support.records import RECORD, sample_translation

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
PASSWORD = "correct horse battery staple"
SECRET = "test-secret-for-session-cookies-0123456789"


# name -> (role, State of a mission, languages of a translator)
USERS: dict[str, tuple[Role, str | None, tuple[Language, ...]]] = {
    "mission": (Role.MISSION, "AZE", ()),
    "other_mission": (Role.MISSION, "FRA", ()),
    "officer": (Role.OFFICER, None, ()),
    "translator": (Role.TRANSLATOR, None, (Language.EN, Language.FR, Language.RU, Language.ES,
                                           Language.ZH)),
    "arabic_translator": (Role.TRANSLATOR, None, (Language.AR,)),
}


@dataclass(frozen=True)
class Backend:
    name: str
    url: str | None = None  # None: a new SQLite file in the test's folder

    def database_url(self, folder: Path) -> str:
        return self.url or f"sqlite:///{folder / 'palais.db'}"


def make_settings(backend: Backend, folder: Path) -> Settings:
    # A cheap password hash keeps the suite fast; each hash records its own cost.
    return Settings(
        database_url=backend.database_url(folder), data_dir=folder, secret_key=SECRET,
        argon2_memory_kib=1024, argon2_time_cost=1,
    )


def add_users(registry: Registry) -> None:
    for name, (role, state, languages) in USERS.items():
        registry.create_user(name, PASSWORD, role, state=state, languages=languages)


def issue_tokens(client: httpx.Client | TestClient) -> dict[str, str]:
    """An API token per user, made through the API as a program's owner would."""
    tokens = {}
    for name in USERS:
        login = client.post("/api/auth/login", json={"username": name, "password": PASSWORD})
        login.raise_for_status()
        made = client.post("/api/auth/tokens", json={"name": "tests"})
        made.raise_for_status()
        tokens[name] = made.json()["token"]
        client.post("/api/auth/logout")
        client.cookies.clear()
    return tokens


@dataclass
class Api:
    """An in-process client with one token per user; ``None`` as user is the public."""

    app: FastAPI
    client: TestClient
    registry: Registry
    tokens: dict[str, str] = field(default_factory=dict)
    record: dict[str, Any] = field(default_factory=lambda: dict(RECORD))

    def auth(self, who: str | None) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}"} if who else {}

    def request(self, who: str | None, method: str, path: str, **kwargs: Any) -> httpx.Response:
        if kwargs.get("json") is None:
            kwargs.pop("json", None)
        return self.client.request(method, path, headers=self.auth(who), **kwargs)

    def get(self, who: str | None, path: str, **kwargs: Any) -> httpx.Response:
        return self.request(who, "GET", path, **kwargs)

    def post(self, who: str | None, path: str, **kwargs: Any) -> httpx.Response:
        return self.request(who, "POST", path, **kwargs)

    def put(self, who: str | None, path: str, **kwargs: Any) -> httpx.Response:
        return self.request(who, "PUT", path, **kwargs)

    def post_file(self, who: str, path: str, name: str, data: bytes) -> httpx.Response:
        return self.post(who, path, files={"file": (name, data, "text/plain")})

    def translate(self, sid: int, missing: dict[str, list[str]]) -> None:
        """Supply each missing passage through the API, each language by a translator
        assigned to it."""
        for lang, passages in missing.items():
            translator = "arabic_translator" if lang == "ar" else "translator"
            for passage in passages:
                put = self.put(
                    translator, f"/api/submissions/{sid}/translations/{passage}/{lang}",
                    json={"text": sample_translation(lang, passage)},
                )
                assert put.status_code == 200, put.text

    def seed_bytes(self, name: str) -> bytes:
        return (SEEDS / name).read_bytes()

    def snapshot(self) -> list[tuple[Any, ...]]:
        """The store as an officer sees it (every submission whole, with its record, state,
        symbol, versions and times, and its audit trail entry by entry), the number of rows
        of every table, and the stored files."""
        officer = self.registry.actor("officer")
        items, _ = self.registry.list(officer, offset=0, limit=10_000)
        seen = [(repr(s), repr(self.registry.audit(officer, s.id))) for s in items]
        with read_transaction(self.registry.engine) as connection:
            counts = [
                (table.name, connection.execute(select(func.count()).select_from(table)).scalar())
                for table in metadata.sorted_tables
            ]
        files = sorted(p.name for p in self.registry.blobs.root.rglob("*") if p.is_file())
        return [*seen, *counts, tuple(files)]


def make_api(backend: Backend, folder: Path) -> Iterator[Api]:
    settings = make_settings(backend, folder)
    registry = Registry.open(settings)
    add_users(registry)
    app = create_app(settings, registry)
    try:
        with TestClient(app, raise_server_exceptions=False) as client:
            api = Api(app, client, registry)
            api.tokens = issue_tokens(client)
            yield api
    finally:
        registry.close()


@dataclass
class PreparedStore:
    """A store with users, ready for a server process configured by ``env``."""

    settings: Settings
    env: dict[str, str]
    tokens: dict[str, str]

    def open_registry(self) -> Registry:
        return Registry.open(self.settings)

    def actor(self, registry: Registry, name: str) -> Any:
        return registry.actor(name)

    def submit(self, count: int) -> list[int]:
        """``count`` submissions of RECORD by the mission, made before a server starts
        (the tests that use this measure registration, not submission)."""
        registry = self.open_registry()
        try:
            mission = registry.actor("mission")
            return [registry.submit_record(mission, RECORD).id for _ in range(count)]
        finally:
            registry.close()


def prepared_store(backend: Backend, folder: Path) -> PreparedStore:
    settings = make_settings(backend, folder)
    registry = Registry.open(settings)
    add_users(registry)
    app = create_app(settings, registry)
    try:
        with TestClient(app) as client:
            tokens = issue_tokens(client)
    finally:
        registry.close()
    env = {
        "PALAIS_DATABASE_URL": settings.database_url,
        "PALAIS_DATA_DIR": str(folder),
        "PALAIS_SECRET_KEY": SECRET,
        "PALAIS_ARGON2_MEMORY_KIB": str(settings.argon2_memory_kib),
        "PALAIS_ARGON2_TIME_COST": str(settings.argon2_time_cost),
    }
    return PreparedStore(settings, env, tokens)
