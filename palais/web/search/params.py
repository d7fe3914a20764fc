"""A search read from a query string, checked the same way for the page and the API.

Query parameters are read here rather than declared to FastAPI as typed arguments,
so that a malformed one (``page=abc``) is a clear 400 naming the parameter on the
page the reader was on, in HTML or as a problem, instead of FastAPI's raw 422.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode

from palais.errors import InvalidInput
from palais.search.index import FACETS, MAX_PAGE, NARROWING, SORTS

# Every filter a search URL may carry: the facets, a symbol, a date range.
FILTERS = FACETS + NARROWING


@dataclass(frozen=True, slots=True)
class SearchParams:
    """What a reader asked: words, filters, a page and an order."""

    q: str = ""
    filters: Mapping[str, str] = field(default_factory=dict)
    page: int = 1
    sort: str = "relevance"

    @property
    def asked(self) -> bool:
        """Whether there is anything to search for (else the page shows only its form)."""
        return bool(self.q.strip() or self.filters)

    def query_string(self, **changes: str | None) -> str:
        """This search's query string with ``changes`` (None removes); page 1 unless
        given, since a changed search starts at its first page."""
        values: dict[str, str] = {"q": self.q, **self.filters}
        if self.sort != "relevance":
            values["sort"] = self.sort
        for name, value in changes.items():
            if value is None:
                values.pop(name, None)
            else:
                values[name] = value
        return urlencode({k: v for k, v in values.items() if v})


def read_search(params: Mapping[str, str]) -> SearchParams:
    """The search in ``params``; InvalidInput naming the parameter that is wrong."""
    page_text = params.get("page", "1").strip() or "1"
    if not (page_text.isascii() and page_text.isdigit()) or not 1 <= int(page_text) <= MAX_PAGE:
        raise InvalidInput(
            "page must be a whole number from 1 to %(MAX_PAGE)s, got %(value)r",
            MAX_PAGE=MAX_PAGE, value=page_text[:20],
        )
    sort = params.get("sort", "relevance").strip() or "relevance"
    if sort not in SORTS:
        raise InvalidInput(
            "sort must be one of %(value)s, got %(value2)r",
            value=', '.join(SORTS), value2=sort[:20],
        )
    filters = {name: params[name].strip() for name in FILTERS if params.get(name, "").strip()}
    return SearchParams(params.get("q", ""), filters, int(page_text), sort)
