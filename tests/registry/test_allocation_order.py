"""Any interleaving of allocations over several series numbers each series 1, 2, 3, ..."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import insert

from palais.registry.numbering import allocate
from palais.store import open_engine, upgrade, write_transaction
from palais.store.tables import submissions

SERIES = ("A/HRC/G/41", "A/HRC/G/42", "A/HRC/NGO/41", "GE.19", "A/HRC/41/G/1/Corr")
NOW = datetime(2019, 6, 6, tzinfo=UTC)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(SERIES), max_size=30))
def test_each_series_counts_on_its_own(
    tmp_path_factory: pytest.TempPathFactory, order: list[str]
) -> None:
    folder: Path = tmp_path_factory.mktemp("allocation")
    engine = open_engine(f"sqlite:///{folder / 'palais.db'}")
    upgrade(engine)
    given_numbers: dict[str, list[int]] = defaultdict(list)
    with write_transaction(engine) as connection:
        sid = connection.execute(
            insert(submissions).values(
                state="submitted", submitted_by="test", received_at=NOW, updated_at=NOW,
                record="{}",
            ).returning(submissions.c.id)
        ).scalar_one()
        for series in order:
            given_numbers[series].append(allocate(connection, series, sid, NOW))
    engine.dispose()
    for series, numbers in given_numbers.items():
        assert numbers == list(range(1, len(numbers) + 1)), series
