"""Every API test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.schemas import fresh_schema_url
from tests.web.harness import Api, Backend, make_api


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> Backend:
    if request.param == "postgresql":
        return Backend("postgresql", fresh_schema_url(request.getfixturevalue("postgres_url")))
    return Backend("sqlite")


@pytest.fixture
def api(backend: Backend, tmp_path: Path) -> Iterator[Api]:
    yield from make_api(backend, tmp_path)
