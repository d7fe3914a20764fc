"""Server-side web sessions; API tokens with an expiry, a scope and revocation.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)
# Tokens made before tokens expired get the default lifetime from the day of the upgrade.
_EXISTING_TOKENS_DAYS = 90


def upgrade() -> None:
    op.create_table(
        "web_sessions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("last_seen_at", _TS, nullable=False),
        sa.Column("expires_at", _TS, nullable=False),
        sa.Column("ended_at", _TS),
        sa.Column("client", sa.String(300), nullable=False, server_default=""),
        sa.Column("address", sa.String(64), nullable=False, server_default=""),
        sa.Index("ix_web_sessions_user", "user_id"),
    )
    with op.batch_alter_table("api_tokens") as batch:
        batch.add_column(sa.Column("expires_at", _TS))
        batch.add_column(sa.Column("revoked_at", _TS))
        batch.add_column(sa.Column("scope", sa.String(100), nullable=False, server_default=""))
    expiry = datetime.now(UTC) + timedelta(days=_EXISTING_TOKENS_DAYS)
    tokens = sa.table("api_tokens", sa.column("expires_at", _TS))
    op.execute(tokens.update().values(expires_at=expiry))
    with op.batch_alter_table("api_tokens") as batch:
        batch.alter_column("expires_at", existing_type=_TS, nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("api_tokens") as batch:
        batch.drop_column("scope")
        batch.drop_column("revoked_at")
        batch.drop_column("expires_at")
    op.drop_table("web_sessions")
