"""The parts a session added by the secretariat met in.

Revision ID: 0011
Revises: 0005
Create Date: 2026-12-02

A session may be suspended and resumed (the forty-third, in 2020); covers issued
once the resumed part has opened print every part. The conventions data holds
the parts of past sessions; this column holds those the secretariat records for
sessions it adds, as "FIRST/LAST" spans separated by spaces. NULL: no parts
recorded here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("calendar_sessions") as table:
        table.add_column(sa.Column("parts", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("calendar_sessions") as table:
        table.drop_column("parts")
