"""Public reads and a standby that is not there, or not a standby: the primary answers.

Reads from a real streaming standby, and a standby stopped under load, are tested on
the cluster's topology (tests/cluster).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from palais.registry import Registry
from palais.settings import Settings
from tests.support.bundles import current_bundle
from tests.support.records import RECORD
from tests.web.live import free_port

pytestmark = pytest.mark.postgres


def _registry(primary: str, standby: str, folder: Path) -> Registry:
    return Registry.open(Settings(
        database_url=primary, read_database_url=standby, data_dir=folder,
        argon2_memory_kib=1024, argon2_time_cost=1,
    ))


def _issued(registry: Registry) -> str:
    registry.create_user("officer", "correct horse battery staple", "officer")
    officer = registry.actor("officer")
    sid = registry.submit_record(officer, RECORD).id
    registry.register(officer, sid)
    return str(registry.issue(officer, sid, current_bundle(registry, sid)).symbol)


def test_an_unreachable_standby_leaves_public_reads_on_the_primary(
    fresh_postgres_url: str, tmp_path: Path
) -> None:
    nobody = f"postgresql+psycopg://palais@127.0.0.1:{free_port()}/palais"
    registry = _registry(fresh_postgres_url, nobody, tmp_path)
    try:
        symbol = _issued(registry)
        assert str(registry.document(symbol).symbol) == symbol
        assert [str(d.symbol) for d in registry.recently_issued()] == [symbol]
        assert [str(d.symbol) for d in registry.archive()] == [symbol]
        state = registry.reads.state()
        assert (state.configured, state.reachable, state.in_use) == (True, False, False)
    finally:
        registry.close()


def test_a_read_url_that_is_no_standby_is_not_used(
    fresh_postgres_url: str, tmp_path: Path
) -> None:
    registry = _registry(fresh_postgres_url, fresh_postgres_url, tmp_path)
    try:
        symbol = _issued(registry)
        assert str(registry.document(symbol).symbol) == symbol
        state = registry.reads.state()
        assert (state.reachable, state.in_use, state.lag_bytes) == (True, False, None)
    finally:
        registry.close()
