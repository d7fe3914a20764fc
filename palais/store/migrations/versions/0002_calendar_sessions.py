"""Sessions added to the calendar by the secretariat.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar_sessions",
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("special", sa.Boolean, nullable=False),
        sa.Column("opening", sa.Date, nullable=False),
        sa.Column("closing", sa.Date, nullable=False),
        sa.Column("actual_closing", sa.Date),
        sa.Column("added_by", sa.String(200), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("number", "special", name="pk_calendar_sessions"),
    )


def downgrade() -> None:
    op.drop_table("calendar_sessions")
