"""Opening the database: SQLite (embedded default) or PostgreSQL, and its transactions.

SQLite runs in WAL mode (readers never wait for the writer), with foreign keys
on and a busy timeout so a writer waits its turn instead of failing. A
transaction that will write starts with ``BEGIN IMMEDIATE``: it takes the
write lock at once, so two writers queue on the busy timeout rather than both
reading and then one failing to upgrade its lock (which no timeout can wait
out). PostgreSQL needs none of this; its URL is given the psycopg 3 driver.

The SQLite file holds password and token hashes, so it is created readable by
its owner only (0600; SQLite gives its -wal and -shm files the same mode). A
data folder that is read-only or full is a :class:`StorageUnavailable` naming
the path, at start and at run time, never a traceback or a bare 500.
"""

from __future__ import annotations

import errno
import os
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError

from palais.errors import Conflict, InvalidInput, StorageUnavailable

T = TypeVar("T")
SQLITE_BUSY_TIMEOUT_MS = 30_000
# A transaction that lost a race for a number, found SQLite busy past its
# timeout, or was chosen by PostgreSQL's deadlock detector, runs again.
MAX_ATTEMPTS = 200
_WRITE = "palais_write"
STORE_FILE_MODE = 0o600
# What SQLite says when its file cannot be written, and the errno of the same for files.
_STORAGE_MESSAGES = ("readonly database", "disk is full", "unable to open database file",
                     "disk i/o error", "no space left")
_STORAGE_ERRNOS = frozenset({errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOSPC,
                             errno.EDQUOT, errno.EFBIG, errno.ENOTDIR, errno.EIO})
_HINT = " (is the folder read-only or the disk full?)"


def open_engine(url: str, connect_timeout: int | None = None) -> Engine:
    """An engine for ``url``; an SQLite file and its folder are created on first use.

    ``connect_timeout`` (seconds, PostgreSQL) bounds the wait for a server that
    does not answer, e.g. a standby whose machine is gone."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise InvalidInput("not a database URL: %(url)r", url=url) from exc
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    if parsed.get_backend_name() != "postgresql":
        raise InvalidInput(
            "unsupported database %(value)r: use sqlite:/// or postgresql://",
            value=parsed.get_backend_name(),
        )
    connect_args = {} if connect_timeout is None else {"connect_timeout": connect_timeout}
    engine = create_engine(
        parsed, pool_size=10, max_overflow=30, pool_pre_ping=True, connect_args=connect_args
    )
    event.listen(engine, "before_cursor_execute", _refuse_nul)
    return engine


def _refuse_nul(
    _connection: Any, _cursor: Any, _statement: str, parameters: Any, _context: Any,
    _executemany: bool,
) -> None:
    """PostgreSQL text cannot hold a NUL character: say so as bad input, not a crash.

    (SQLite would store it, so the same check runs there and both stores accept
    the same texts.)
    """
    if _holds_nul(parameters):
        raise InvalidInput("text may not contain the NUL character (U+0000)")


def _holds_nul(parameters: Any) -> bool:
    """Whether any text among ``parameters`` holds a NUL: a dict, a sequence of values, or
    (for a statement run for many rows, or many rows in one) a sequence of either."""
    if isinstance(parameters, str):
        return "\x00" in parameters
    if isinstance(parameters, dict):
        return any(_holds_nul(v) for v in parameters.values())
    if isinstance(parameters, list | tuple):
        return any(_holds_nul(v) for v in parameters)
    return False


def storage_error(exc: BaseException, location: str) -> StorageUnavailable | None:
    """``exc`` as a one-line StorageUnavailable naming ``location``, or None if it is
    something else (a database error that is no storage failure)."""
    if isinstance(exc, OSError) and exc.errno in _STORAGE_ERRNOS:
        reason = os.strerror(exc.errno or 0).lower()
        where = exc.filename or location
        return StorageUnavailable(
            "cannot write to %(where)s: %(reason)s%(HINT)s",
            where=where, reason=reason, HINT=_HINT,
        )
    text = str(getattr(exc, "orig", exc)).lower()
    if isinstance(exc, OperationalError) and any(m in text for m in _STORAGE_MESSAGES):
        return StorageUnavailable(
            "cannot write to %(location)s: %(text)s%(HINT)s",
            location=location, text=text, HINT=_HINT,
        )
    return None


def _prepare_sqlite_file(path: Path) -> None:
    """The database's folder and an empty file, owner-only, before SQLite opens it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, STORE_FILE_MODE))
        elif path.stat().st_mode & 0o077:
            os.chmod(path, STORE_FILE_MODE)  # made by an earlier version, world-readable
    except OSError as exc:
        raise storage_error(exc, str(path)) or exc from exc


def _sqlite_engine(url: Any) -> Engine:
    if url.database and url.database != ":memory:":
        _prepare_sqlite_file(Path(url.database))
    engine = create_engine(
        url,
        pool_size=10,
        max_overflow=30,
        connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        # Autocommit at the driver level: SQLAlchemy's "begin" event below issues
        # BEGIN itself, choosing DEFERRED or IMMEDIATE.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        # FULL: a commit is on disk when acknowledged, even after a power cut.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get(_WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    event.listen(engine, "before_cursor_execute", _refuse_nul)
    return engine


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction that will write, committed on success."""
    with engine.connect() as connection:
        connection = connection.execution_options(**{_WRITE: True})
        with connection.begin():
            yield connection


@contextmanager
def read_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection in a read transaction (one consistent snapshot)."""
    with engine.connect() as connection, connection.begin():
        yield connection


def retrying_write(engine: Engine, work: Callable[[Connection], T]) -> T:
    """Run ``work`` in a write transaction, from the start again when it lost a race.

    A race is lost on the ``allocations`` key (another transaction took the
    number first) or to a busy or deadlocked database; any other refusal of
    the database is a Conflict at once.
    """
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            with write_transaction(engine) as connection:
                return work(connection)
        except (IntegrityError, OperationalError) as exc:
            unavailable = storage_error(exc, _location(engine))
            if unavailable is not None:
                raise unavailable from exc
            if not _lost_race(exc) or attempt == MAX_ATTEMPTS:
                raise _as_conflict(exc) from exc
            time.sleep(random.uniform(0, 0.002 * min(attempt, 10)))
    raise AssertionError("unreachable: the last attempt returns or raises")


def in_transaction(connection: Connection, work: Callable[[Connection], T]) -> T:
    """Run ``work`` in the caller's transaction, where a lost race cannot be retried."""
    try:
        return work(connection)
    except IntegrityError as exc:
        raise _as_conflict(exc) from exc


def _location(engine: Engine) -> str:
    """The file (SQLite) or server (PostgreSQL) a storage error is about."""
    url = engine.url
    return str(url.database) if url.get_backend_name() == "sqlite" else f"the database {url.host}"


def _lost_race(exc: IntegrityError | OperationalError) -> bool:
    text = str(exc.orig).lower()
    if isinstance(exc, IntegrityError):
        return "allocations" in text
    return "locked" in text or "deadlock" in text or "could not serialize" in text


def _as_conflict(exc: IntegrityError | OperationalError) -> Exception:
    if isinstance(exc, IntegrityError):
        return Conflict(
            "the store refused a change that would break a rule: %(orig)s",
            orig=exc.orig,
        )
    return exc
