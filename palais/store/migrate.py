"""Running the migrations shipped inside the package, from code.

``Registry.open`` calls :func:`upgrade` so a new installation needs no separate
step and an upgraded one migrates its store on first start; ``palais db
upgrade`` does the same by hand. The scripts live in
``palais/store/migrations`` and travel with the wheel.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from palais.store.engine import storage_error, write_transaction

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Key of the PostgreSQL advisory lock held while migrating ("palais" in ASCII), so that
# several server processes starting at once on a new database migrate it once.
_MIGRATION_LOCK = 0x70616C616973


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head() -> str:
    """The revision the code expects."""
    revision = ScriptDirectory.from_config(_config()).get_current_head()
    assert revision is not None, "the package ships at least one migration"
    return revision


def current(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> str:
    """Bring the database to the newest revision; returns it. A no-op when up to date.

    A store that cannot be written (read-only or full) is StorageUnavailable naming it:
    this is the first write of a starting server.
    """
    try:
        return _upgrade(engine)
    except (OperationalError, OSError) as exc:
        where = str(engine.url.database or engine.url.host)
        raise storage_error(exc, where) or exc from exc


def _upgrade(engine: Engine) -> str:
    target = head()
    if current(engine) == target:
        return target
    config = _config()
    with write_transaction(engine) as connection:
        # SQLite's BEGIN IMMEDIATE already lets one migrator in at a time; the
        # next finds the revision current and does nothing.
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return target
