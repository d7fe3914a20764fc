"""A write transaction that lost a race for a number runs again; other refusals do not."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, insert

from palais.errors import Conflict
from palais.store import open_engine, upgrade, write_transaction
from palais.store.engine import retrying_write
from palais.store.tables import allocations, submissions, users

NOW = datetime(2019, 6, 6, tzinfo=UTC)


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = open_engine(f"sqlite:///{tmp_path / 'palais.db'}")
    upgrade(engine)
    with write_transaction(engine) as connection:
        connection.execute(
            insert(submissions).values(
                id=1, state="submitted", submitted_by="t", received_at=NOW, updated_at=NOW,
                record="{}",
            )
        )
        connection.execute(
            insert(allocations).values(series="S", number=1, submission_id=1, allocated_at=NOW)
        )
    yield engine
    engine.dispose()


def test_a_lost_race_for_a_number_is_run_again(engine: Engine) -> None:
    attempts: list[int] = []

    def take(connection: Connection) -> int:
        # The first attempt takes number 1, as a racer that read before the winner
        # committed would; the database refuses it and the whole work runs again.
        number = len(attempts) + 1
        attempts.append(number)
        connection.execute(
            insert(allocations).values(
                series="S", number=number, submission_id=1, allocated_at=NOW
            )
        )
        return number

    assert retrying_write(engine, take) == 2
    assert attempts == [1, 2]


def test_any_other_refusal_is_a_conflict_at_once(engine: Engine) -> None:
    attempts: list[int] = []

    def add_twice(connection: Connection) -> None:
        attempts.append(1)
        for _ in range(2):
            connection.execute(
                insert(users).values(
                    username="same", role="officer", languages="", password_hash="x",
                    created_at=NOW,
                )
            )

    with pytest.raises(Conflict, match="refused"):
        retrying_write(engine, add_twice)
    assert attempts == [1]
