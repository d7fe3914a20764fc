"""``palais search``: rebuild from the store, check for drift, query, over a real store."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from palais.cli import app
from palais.publish.samples import issue_samples
from palais.registry import Registry, Role
from palais.search import open_index
from palais.settings import Settings


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A store with the bundled samples issued, and no search index yet."""
    env = {
        "PALAIS_DATA_DIR": str(tmp_path),
        "PALAIS_ARGON2_MEMORY_KIB": "1024",
        "PALAIS_ARGON2_TIME_COST": "1",
    }
    registry = Registry.open(Settings.load(environ=env))
    officer = registry.create_user("officer", "a long enough password", Role.OFFICER)
    list(issue_samples(registry, officer))
    registry.close()
    return env


def _run(env: dict[str, str], *args: str) -> tuple[int, str]:
    result = CliRunner(env=env).invoke(app, ["search", *args])
    return result.exit_code, result.output


def test_check_rebuild_and_query(env: dict[str, str], tmp_path: Path) -> None:
    code, out = _run(env, "check")
    assert code == 1
    assert "missing from the index: A/HRC/41/G/7, A/HRC/47/G/1" in out

    assert _run(env, "rebuild") == (0, "indexed 2 issued documents\n")
    assert _run(env, "check") == (0, "the index matches the store\n")

    code, out = _run(env, "query", "Кельбаджар", "--filter", "language=ru")
    assert code == 0
    assert out.startswith("2 documents (page 1 of 1)")
    index = open_index(Settings.load(environ=env))
    assert index.symbols() == {"A/HRC/41/G/7", "A/HRC/47/G/1"}


def test_a_malformed_filter_is_refused(env: dict[str, str]) -> None:
    code, out = _run(env, "query", "Kalbajar", "--filter", "session")
    assert code == 2
    assert "FACET=VALUE" in out
