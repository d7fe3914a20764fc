"""What only the PostgreSQL engine does: reranking a broad query, its own schema."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from palais.errors import InvalidInput
from palais.languages import Language
from palais.search import PAGE_SIZE, open_index, postgres
from tests.search.documents import issued

pytestmark = pytest.mark.postgres


def test_a_broad_query_reranks_the_best_and_pages_through_the_rest(
    fresh_postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(postgres, "_RERANK", 3)
    index = open_index(fresh_postgres_url)
    count = PAGE_SIZE + 5
    index.rebuild(
        issued(n, "Report on displacement. " + "Displacement again. " * (n % 4))
        for n in range(1, count + 1)
    )
    first, second = index.search("displacement", page=1), index.search("displacement", page=2)
    symbols = [h.symbol for h in first.hits + second.hits]
    assert len(set(symbols)) == count == first.total
    assert [h.score for h in first.hits[:3]] == sorted(
        (h.score for h in first.hits[:3]), reverse=True
    )
    index.close()


def test_the_search_tables_are_the_stores_migrations_and_never_dropped(
    fresh_postgres_url: str,
) -> None:
    index = open_index(fresh_postgres_url)
    index.add(issued(1, "Text."))
    index.close()
    engine = sa.create_engine(fresh_postgres_url)
    with engine.connect() as conn:
        revision = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    assert revision is not None and int(revision) >= 3  # 0003 made the search tables
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE search_meta SET schema_version = 99"))
    with pytest.raises(InvalidInput, match="version 99"):
        open_index(fresh_postgres_url)
    with engine.connect() as conn:
        kept = conn.execute(sa.text("SELECT count(*) FROM search_documents")).scalar()
    engine.dispose()
    assert kept == 1  # refused, and nothing dropped


def test_a_rebuild_leaves_every_language_partition_vacuumed_and_analysed(
    fresh_postgres_url: str,
) -> None:
    index = open_index(fresh_postgres_url)
    index.rebuild(issued(n, f"Report number {n}.") for n in range(1, 4))
    engine = sa.create_engine(fresh_postgres_url)
    with engine.connect() as conn:
        settled = dict(
            conn.execute(
                sa.text(
                    "SELECT relname, last_vacuum IS NOT NULL AND last_analyze IS NOT NULL "
                    "FROM pg_stat_user_tables WHERE relname LIKE 'search\\_%'"
                )
            ).all()
        )
    engine.dispose()
    assert settled == {
        "search_documents": True,
        **{f"search_texts_{lang.value}": True for lang in Language},
        "search_meta": False,
        "search_texts": False,  # the partitioned parent: no rows of its own
    }
    assert index.search("report").total == 3
    index.close()
