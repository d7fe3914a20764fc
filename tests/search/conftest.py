"""Both engines under the same tests: each test taking ``index`` runs twice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from palais.search import SearchIndex, open_index


@pytest.fixture(params=["embedded", pytest.param("postgres", marks=pytest.mark.postgres)])
def index(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SearchIndex]:
    if request.param == "embedded":
        opened = open_index(f"sqlite:///{tmp_path / 'palais.db'}", tmp_path)
    else:
        opened = open_index(request.getfixturevalue("fresh_postgres_url"))
    yield opened
    opened.close()
