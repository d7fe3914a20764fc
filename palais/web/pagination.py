"""Page-numbered lists with a total and RFC 8288 ``Link`` relations.

Lists are addressed by ``page`` (from 1) and ``per_page`` (at most
:data:`MAX_PER_PAGE`); every list body says ``total`` and carries ``links`` to the
first, previous, next and last pages, the same links also being sent in the
``Link`` header so generic HTTP clients can follow them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query, Request, Response
from pydantic import BaseModel

MAX_PER_PAGE = 200
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class PageParams:
    page: int
    per_page: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


def page_params(
    page: Annotated[int, Query(ge=1, le=1_000_000, description="Page number, from 1")] = 1,
    per_page: Annotated[
        int, Query(ge=1, le=MAX_PER_PAGE, description="Items per page")
    ] = 50,
) -> PageParams:
    return PageParams(page, per_page)


class PageLinks(BaseModel):
    self: str
    first: str
    last: str
    prev: str | None = None
    next: str | None = None


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    page: int
    per_page: int
    links: PageLinks


def make_page(
    request: Request, response: Response, params: PageParams, items: Sequence[Any], total: int
) -> dict[str, Any]:
    """The body of one page, and its ``Link`` header set on ``response``."""
    last = max(1, -(-total // params.per_page))

    def url(page: int) -> str:
        return str(request.url.include_query_params(page=page, per_page=params.per_page))

    links: dict[str, str | None] = {
        "self": url(params.page),
        "first": url(1),
        "last": url(last),
        "prev": url(params.page - 1) if 1 < params.page <= last + 1 else None,
        "next": url(params.page + 1) if params.page < last else None,
    }
    response.headers["Link"] = ", ".join(
        f'<{href}>; rel="{rel}"' for rel, href in links.items() if href and rel != "self"
    )
    return {
        "items": list(items),
        "total": total,
        "page": params.page,
        "per_page": params.per_page,
        "links": links,
    }
