"""One search run for a reader, as the page shows it and as ``/api/search`` answers it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from palais.languages import Language
from palais.search.index import Hit, Results, SearchIndex
from palais.web.search.labels import Gettext, facet_names, value_label
from palais.web.search.params import SearchParams


@dataclass(frozen=True, slots=True)
class Chip:
    """A filter in force, and the query string of the same search without it."""

    name: str
    label: str
    without: str


@dataclass(frozen=True, slots=True)
class Found:
    """The results, with what the reader needs around them."""

    params: SearchParams
    results: Results
    facets: dict[str, list[tuple[str, str, int, str]]]  # value, label, count, query string
    chips: list[Chip]

    @property
    def past_the_end(self) -> bool:
        """A page after the last one (the search found documents, this page has none)."""
        return self.results.total > 0 and not self.results.hits


def run_search(
    index: SearchIndex, params: SearchParams, lang: Language, _: Gettext
) -> Found:
    """``params`` searched for a reader of ``lang``: facets add to the filters in force
    (they combine), and each filter in force is a chip that removes it."""
    results = index.search(
        params.q, filters=params.filters, page=params.page, reader=lang, sort=params.sort
    )
    names = facet_names(_)
    facets = {
        name: [
            (value, value_label(name, value, lang, _), count, params.query_string(**{name: value}))
            for value, count in values
            if params.filters.get(name) != value
        ]
        for name, values in results.facets.items()
    }
    chips = [
        Chip(name, f"{names.get(name, name)}: {value_label(name, value, lang, _)}",
             params.query_string(**{name: None}))
        for name, value in params.filters.items()
    ]
    return Found(params, results, {k: v for k, v in facets.items() if v}, chips)


def found_json(found: Found, lang: Language, _: Gettext) -> dict[str, Any]:
    """The JSON body of ``/api/search``."""
    results = found.results
    names = facet_names(_)
    return {
        "query": found.params.q,
        "filters": dict(found.params.filters),
        "sort": found.params.sort,
        "page": results.page,
        "page_size": results.page_size,
        "pages": results.pages,
        "total": results.total,
        "results": [_hit_json(hit, lang) for hit in results.hits],
        "facets": {
            name: {
                "name": names.get(name, name),
                "values": [
                    {"value": value, "label": label, "count": count}
                    for value, label, count, _query in values
                ],
            }
            for name, values in found.facets.items()
        },
    }


def _hit_json(hit: Hit, lang: Language) -> dict[str, Any]:
    shown = hit.title_for(lang)
    version = f"/{hit.language.value}" if hit.language else ""
    return {
        "symbol": hit.symbol,
        "title": shown.text if shown else None,
        "title_language": shown.language.value if shown and shown.language else None,
        "title_is_original": bool(shown and shown.original),
        "snippet_html": str(hit.snippet),
        "language": hit.language.value if hit.language else None,
        "languages": [v.value for v in hit.languages],
        "date": hit.doc_date.isoformat() if hit.doc_date else None,
        "session": hit.session,
        "agenda_items": list(hit.agenda_items),
        "senders": list(hit.senders),
        "doc_type": hit.doc_type,
        "score": hit.score,
        "page_url": f"/documents/{hit.symbol}{version}",
        "api_url": f"/api/documents/{hit.symbol}",
    }
