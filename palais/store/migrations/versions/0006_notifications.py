"""What a mission is told, and where it is told it.

Revision ID: 0006
Revises: 0011
Create Date: 2026-12-02

A mission is told by email when its note is registered and when it is issued.
Each message is a row of ``notifications``, written in the transaction of the
registration or the issue (so a message exists exactly when its event
committed) and sent after that transaction, when ``sent_at`` is filled in; a
failed attempt is counted and its error kept, and the message is tried again
later. The address is the submitting account's ``email``, which accounts made
before this revision do not have (their messages are listed, not emailed).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as table:
        table.add_column(sa.Column("email", sa.String(320)))
    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("submission_id", sa.Integer, sa.ForeignKey("submissions.id"), nullable=False),
        sa.Column("mission", sa.String(3)),
        sa.Column("recipient", sa.String(320)),
        sa.Column("event", sa.String(20), nullable=False),
        sa.Column("symbol", sa.String(120)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True)),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_error", sa.Text),
    )
    op.create_index("ix_notifications_mission", "notifications", ["mission"])
    op.create_index("ix_notifications_unsent", "notifications", ["sent_at"])


def downgrade() -> None:
    op.drop_index("ix_notifications_unsent", "notifications")
    op.drop_index("ix_notifications_mission", "notifications")
    op.drop_table("notifications")
    with op.batch_alter_table("users") as table:
        table.drop_column("email")
