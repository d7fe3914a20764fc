"""The PostgreSQL test server really runs and accepts SQL."""

import psycopg


def test_fresh_databases_are_separate_and_usable(postgres_server) -> None:
    first = postgres_server.create_database()
    second = postgres_server.create_database()
    assert first != second
    dsn = first.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn) as conn:
        assert conn.execute("select 1 + 1").fetchone() == (2,)
        assert conn.execute("show server_version_num").fetchone()[0] >= "150000"
