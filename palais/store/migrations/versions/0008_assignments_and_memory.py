"""Translators' assignments, and the translation memory built from the archive.

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-02

``assignments`` says which translator works on which language of a submission.
``memory_segments`` and ``memory_keys`` hold each passage of every issued
document in each of its languages, with the keys that find it again
(:mod:`palais.compose.memory`). Documents issued before this revision are put
into the memory here, from their records, exactly as issuing puts a new one.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assignments",
        sa.Column("submission_id", sa.Integer, sa.ForeignKey("submissions.id"), nullable=False),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("translator", sa.String(200), nullable=False),
        sa.Column("assigned_by", sa.String(200), nullable=False),
        sa.Column("assigned_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("submission_id", "language", name="pk_assignments"),
    )
    op.create_index("ix_assignments_translator", "assignments", ["translator"])
    op.create_table(
        "memory_segments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("submission_id", sa.Integer, sa.ForeignKey("submissions.id"), nullable=False),
        sa.Column("passage", sa.String(100), nullable=False),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
    )
    op.create_index("ix_memory_segments_digest", "memory_segments", ["language", "digest"])
    op.create_index(
        "ix_memory_segments_passage", "memory_segments", ["submission_id", "passage", "language"]
    )
    op.create_table(
        "memory_keys",
        sa.Column("key", sa.BigInteger, nullable=False),
        sa.Column(
            "segment_id", sa.Integer,
            sa.ForeignKey("memory_segments.id", ondelete="CASCADE"), nullable=False,
        ),
        sa.PrimaryKeyConstraint("key", "segment_id", name="pk_memory_keys"),
    )
    _remember_the_archive()


def _remember_the_archive() -> None:
    """Every document issued so far, into the memory, as issuing would have put it."""
    from palais.compose.memory import segments
    from palais.records import from_record
    from palais.store import memory

    connection = op.get_bind()
    issued = sa.text("SELECT id, record FROM submissions WHERE state = 'issued' ORDER BY id")
    for submission_id, record in connection.execute(issued):
        memory.remember(connection, submission_id, segments(from_record(json.loads(record))))


def downgrade() -> None:
    op.drop_table("memory_keys")
    op.drop_table("memory_segments")
    op.drop_index("ix_assignments_translator", table_name="assignments")
    op.drop_table("assignments")
