"""The JSON API, one router module per resource, gathered in :data:`api_router`."""

from __future__ import annotations

from fastapi import APIRouter

from palais.web.api import (
    auth,
    bulk,
    citations,
    documents,
    notifications,
    problems,
    publication,
    search,
    sessions,
    submissions,
    translation,
)

api_router = APIRouter()
for _module in (
    auth, submissions, notifications, translation, documents, citations, sessions, publication,
    search, bulk, problems,
):
    api_router.include_router(_module.router)
