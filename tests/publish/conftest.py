"""Publication runs on SQLite and on PostgreSQL, through the same app as the API tests."""

from __future__ import annotations

from tests.web.conftest import api, backend

__all__ = ["api", "backend"]
