"""The ordered change records, the printed text of each version, the store's identity,
and (on PostgreSQL) the tables of the search engine.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02

Every change that alters what the public sees writes a row of ``changes`` in its
own transaction; the search index applies them in order and remembers the last
one. Documents already issued before this revision get one change each, so an
index made from the change records holds them too. ``version_texts`` keeps
what each language version prints (the index is built from it). The search
engine's tables on PostgreSQL were created by the engine itself before; they
belong to the schema, so they are made here, and a later change of their shape
is a migration like any other.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
_SEARCH_SCHEMA_VERSION = 6
# The search engine's tables as its version 6 reads them (palais.search.postgres).
_POSTGRES_SEARCH = (
    "DROP TABLE IF EXISTS search_texts, search_documents, search_meta",
    "DROP SEQUENCE IF EXISTS search_document_ids",
    "CREATE SEQUENCE search_document_ids AS bigint",
    """
    CREATE TABLE search_documents (
        id bigint PRIMARY KEY,
        symbol text NOT NULL UNIQUE,
        digest text NOT NULL,
        session integer,
        year integer,
        doc_date date,
        doc_type text NOT NULL,
        agenda_items integer[] NOT NULL,
        senders text[] NOT NULL,
        languages text[] NOT NULL,
        payload jsonb NOT NULL
    )
    """,
    """
    CREATE TABLE search_texts (
        doc bigint NOT NULL REFERENCES search_documents (id) ON DELETE CASCADE,
        lang text NOT NULL,
        terms tsvector NOT NULL,
        head tsvector NOT NULL,
        doc_date date,
        session integer,
        year integer,
        doc_type text NOT NULL,
        agenda_items integer[] NOT NULL,
        senders text[] NOT NULL,
        PRIMARY KEY (doc, lang)
    ) PARTITION BY LIST (lang)
    """,
    *(
        f"CREATE TABLE search_texts_{lang} PARTITION OF search_texts FOR VALUES IN ('{lang}')"
        for lang in _LANGUAGES
    ),
    *(
        f"ALTER TABLE search_texts_{lang} ALTER COLUMN terms SET STORAGE EXTERNAL"
        for lang in _LANGUAGES
    ),
    "ALTER TABLE search_documents ALTER COLUMN payload SET STORAGE EXTERNAL",
    "CREATE INDEX search_texts_terms ON search_texts USING gin (terms)",
    "CREATE INDEX search_documents_date ON search_documents (doc_date DESC)",
    # One row: the schema version, and the last change record the index applied
    # (0: none; the index then starts from the store's documents).
    """
    CREATE TABLE search_meta (
        schema_version integer NOT NULL,
        store_id text,
        position bigint NOT NULL DEFAULT 0
    )
    """,
    f"INSERT INTO search_meta (schema_version) VALUES ({_SEARCH_SCHEMA_VERSION})",
)


def upgrade() -> None:
    op.create_table(
        "store_info",
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.bulk_insert(
        sa.table("store_info", sa.column("key"), sa.column("value")),
        [{"key": "store_id", "value": uuid.uuid4().hex}],
    )
    op.create_table(
        "changes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("submission_id", sa.Integer, sa.ForeignKey("submissions.id"), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "version_texts",
        sa.Column("submission_id", sa.Integer, sa.ForeignKey("submissions.id"), nullable=False),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("submission_id", "language", name="pk_version_texts"),
    )
    op.create_index("ix_submissions_parent_id", "submissions", ["parent_id"])
    op.create_index("ix_submissions_state_id", "submissions", ["state", "id"])
    now = datetime.now(UTC)
    issued = op.get_bind().execute(
        sa.text("SELECT id FROM submissions WHERE state = 'issued' ORDER BY issued_at, id")
    ).scalars().all()
    op.bulk_insert(
        sa.table("changes", sa.column("submission_id"), sa.column("action"), sa.column("at")),
        [{"submission_id": sid, "action": "issue", "at": now} for sid in issued],
    )
    if op.get_bind().dialect.name == "postgresql":
        for statement in _POSTGRES_SEARCH:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TABLE IF EXISTS search_texts, search_documents, search_meta")
        op.execute("DROP SEQUENCE IF EXISTS search_document_ids")
    op.drop_index("ix_submissions_state_id", "submissions")
    op.drop_index("ix_submissions_parent_id", "submissions")
    op.drop_table("version_texts")
    op.drop_table("changes")
    op.drop_table("store_info")
