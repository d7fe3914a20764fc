"""Opening the store: one SQLite file in WAL mode by default, PostgreSQL by URL."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.engine import make_url

from palais.errors import InvalidInput
from palais.store import open_engine, read_transaction, upgrade, write_transaction
from palais.store.engine import SQLITE_BUSY_TIMEOUT_MS
from palais.store.migrate import current, head
from palais.store.tables import metadata, users


def test_sqlite_is_one_file_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "new" / "palais.db"
    engine = open_engine(f"sqlite:///{path}")
    with read_transaction(engine) as connection:
        pragmas = {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "foreign_keys", "busy_timeout", "synchronous")
        }
    engine.dispose()
    assert path.exists()
    assert pragmas == {
        "journal_mode": "wal", "foreign_keys": 1, "busy_timeout": SQLITE_BUSY_TIMEOUT_MS,
        "synchronous": 2,
    }


def test_a_write_transaction_takes_the_sqlite_write_lock_at_once(tmp_path: Path) -> None:
    engine = open_engine(f"sqlite:///{tmp_path / 'palais.db'}")
    with write_transaction(engine) as connection:
        # In autocommit mode the driver reports a transaction only when BEGIN ran.
        assert connection.connection.dbapi_connection.in_transaction  # type: ignore[union-attr]
    engine.dispose()


@pytest.mark.parametrize(
    "url", ["mysql://localhost/palais", "not a url", "oracle+cx_oracle://x/y"]
)
def test_other_databases_are_refused(url: str) -> None:
    with pytest.raises(InvalidInput):
        open_engine(url)


def test_a_plain_postgresql_url_gets_psycopg_3() -> None:
    engine = open_engine("postgresql://palais@127.0.0.1:1/palais")
    assert make_url(str(engine.url)).drivername == "postgresql+psycopg"
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgresql":
        from tests.support.schemas import fresh_schema_url

        return fresh_schema_url(request.getfixturevalue("postgres_url"))
    return f"sqlite:///{tmp_path / 'palais.db'}"


def test_migrations_make_the_declared_tables_and_run_once(database_url: str) -> None:
    engine = open_engine(database_url)
    assert current(engine) is None
    assert upgrade(engine) == head() == current(engine)
    assert upgrade(engine) == head(), "a second upgrade does nothing"
    inspector = inspect(engine)
    tables = set(inspector.get_table_names())
    assert set(metadata.tables) <= tables
    for table in metadata.sorted_tables:
        columns = {c["name"] for c in inspector.get_columns(table.name)}
        assert columns == set(table.columns.keys()), table.name
    engine.dispose()


def test_processes_starting_together_migrate_a_new_store_once(database_url: str) -> None:
    engines = [open_engine(database_url) for _ in range(4)]
    with ThreadPoolExecutor(max_workers=len(engines)) as pool:
        revisions = list(pool.map(upgrade, engines))
    assert revisions == [head()] * len(engines)
    for engine in engines:
        engine.dispose()


def test_a_nul_character_is_bad_input_on_both_databases(database_url: str) -> None:
    engine = open_engine(database_url)
    upgrade(engine)
    with pytest.raises(InvalidInput, match="NUL"), read_transaction(engine) as connection:
        connection.execute(select(users).where(users.c.username == "a\x00b"))
    engine.dispose()
