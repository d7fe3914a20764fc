"""Fixtures shared by the whole suite."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.postgres import PostgresServer, running_postgres

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A real PostgreSQL server on 127.0.0.1 for this test session (one per worker)."""
    with running_postgres() as server:
        yield server


@pytest.fixture(scope="session")
def postgres_url(postgres_server: PostgresServer) -> str:
    """URL of a database on the session's server (shared; tests that need an empty
    database use ``fresh_postgres_url``)."""
    return postgres_server.create_database()


@pytest.fixture
def fresh_postgres_url(postgres_server: PostgresServer) -> str:
    """URL of a new, empty database, for a test that needs a clean store."""
    return postgres_server.create_database()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS
