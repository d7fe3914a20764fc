"""The title each language version prints, kept beside its printed text.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02

Lists, search results, document pages and feeds show a document's title in the
reader's language where that version exists. The title is what the version's
composition printed (for an imported document, the one title read from its
file), so it is stored when the document is issued rather than composed again
at every read. Rows from before this revision keep no title: the record's
title, in the original language, is shown for them, marked as the original.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("version_texts") as table:
        table.add_column(sa.Column("title", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("version_texts") as table:
        table.drop_column("title")
