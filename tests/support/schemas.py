"""An empty PostgreSQL schema per test, in the session's shared database.

Creating a database costs most of a second (the server flushes it to disk);
creating a schema costs milliseconds. A URL whose connections set
``search_path`` to the new schema gives a test a store as empty as a new
database, tables, migrations record and triggers included.
"""

from __future__ import annotations

import uuid

import psycopg
from sqlalchemy.engine import make_url


def fresh_schema_url(database_url: str) -> str:
    """``database_url`` with its connections confined to a new, empty schema."""
    url = make_url(database_url)
    name = f"t_{uuid.uuid4().hex[:12]}"
    conninfo = f"host={url.host} port={url.port} user={url.username} dbname={url.database}"
    with psycopg.connect(conninfo, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{name}"')
    confined = url.update_query_dict({"options": f"-csearch_path={name}"})
    return confined.render_as_string(hide_password=False)
