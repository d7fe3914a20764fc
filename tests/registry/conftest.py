"""A registry over a fresh store, on SQLite and on PostgreSQL, with one user per role."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from palais.errors import PalaisError
from palais.languages import Language
from palais.registry import Actor, Registry, Role
from palais.settings import Settings
from tests.support.schemas import fresh_schema_url

PASSWORD = "correct horse battery staple"


def settings_for(url: str | None, folder: Path) -> Settings:
    return Settings(
        database_url=url or f"sqlite:///{folder / 'palais.db'}", data_dir=folder,
        argon2_memory_kib=1024, argon2_time_cost=1,
    )


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    url = None
    if request.param == "postgresql":
        url = fresh_schema_url(request.getfixturevalue("postgres_url"))
    return settings_for(url, tmp_path)


@pytest.fixture
def registry(settings: Settings) -> Iterator[Registry]:
    registry = Registry.open(settings)
    yield registry
    registry.close()


class People:
    """One actor per role (two missions, two translators) in ``registry``."""

    def __init__(self, registry: Registry) -> None:
        self.aze = registry.create_user("aze", PASSWORD, Role.MISSION, state="AZE")
        self.fra = registry.create_user("fra", PASSWORD, Role.MISSION, state="FRA")
        self.officer = registry.create_user("officer", PASSWORD, Role.OFFICER)
        self.translator = registry.create_user(
            "translator", PASSWORD, Role.TRANSLATOR, languages=[Language.FR, Language.EN]
        )
        self.arabic = registry.create_user(
            "arabic", PASSWORD, Role.TRANSLATOR, languages=[Language.AR]
        )

    def all(self) -> list[Actor]:
        return [self.aze, self.fra, self.officer, self.translator, self.arabic]


@pytest.fixture
def people(registry: Registry) -> People:
    return People(registry)


def snapshot(registry: Registry) -> list[Any]:
    """What the registry holds, read through its own functions: every submission whole
    (record, state, symbol, versions, times) with its audit trail, the issued documents
    with their files, the calendar, and the stored files."""
    officer = registry.actor("officer")
    items, _ = registry.list(officer, limit=None)
    return [
        [(repr(s), repr(registry.audit(officer, s.id))) for s in items],
        repr(registry.recently_issued(limit=None)),
        repr(registry.sessions()),
        sorted(p.name for p in registry.blobs.root.rglob("*") if p.is_file()),
    ]


def refused(
    registry: Registry, attempt: Callable[[], object], error: type[PalaisError],
    match: str | None = None,
) -> None:
    """``attempt`` raises exactly ``error`` (not a relative of it) and changes nothing."""
    before = snapshot(registry)
    try:
        attempt()
    except PalaisError as exc:
        assert type(exc) is error, f"{type(exc).__name__} ({exc.detail}), not {error.__name__}"
        assert match is None or re.search(match, exc.detail, re.IGNORECASE), exc.detail
    else:
        raise AssertionError(f"not refused: expected {error.__name__}")
    assert snapshot(registry) == before, "a refused attempt changed the store"
