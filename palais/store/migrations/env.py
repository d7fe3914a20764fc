"""Alembic environment: migrations run on the connection palais hands over.

palais runs its migrations itself when a store is opened
(:func:`palais.store.migrate.upgrade`), so there is no alembic.ini: the
connection comes in ``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context

from palais.store.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
