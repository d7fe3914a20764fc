"""The search interface both engines implement, and what they share.

An engine stores :class:`~palais.search.entries.Entry` objects and answers two
questions: which entries match (ranked, one page), and how the matches are
spread over the facets. Everything else — reading filters, compiling the query
per language, choosing the language version a hit links to, cutting snippets,
fingerprints for the drift check — is done once, here.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from markupsafe import Markup

from palais.errors import InvalidInput
from palais.integers import whole_number
from palais.languages import Language
from palais.model import Document, Party
from palais.search.entries import Entry, entry_of, fingerprint_of
from palais.search.query import Clause, Query, parse_query
from palais.search.snippets import snippet
from palais.symbols import Symbol, canonical_case
from palais.titles import ShownTitle, title_for

PAGE_SIZE = 10
MAX_PAGE = 1000
FACETS = ("session", "agenda_item", "sender", "doc_type", "language", "year")
# Filters that are not facets: a symbol (or its beginning, ending in *), a date range.
NARROWING = ("symbol", "from", "until")
SORTS = ("relevance", "date", "symbol")
_NUMERIC = frozenset({"session", "agenda_item", "year"})


@dataclass(frozen=True, slots=True)
class Hit:
    """One document found, linked to the language version that matched best."""

    symbol: str
    title: str | None
    snippet: Markup
    language: Language | None
    doc_date: date | None
    session: int | None
    agenda_items: tuple[int, ...]
    senders: tuple[str, ...]
    doc_type: str
    score: float
    titles: Mapping[Language, str] = field(default_factory=dict)
    original_language: Language | None = None
    languages: tuple[Language, ...] = ()

    def title_for(self, reader: Language | None) -> ShownTitle | None:
        """The title in ``reader``'s language where that version exists, else the original."""
        return title_for(self.titles, reader, self.title, self.original_language)


@dataclass(frozen=True, slots=True)
class Results:
    """A page of hits, the number of documents found, and facet counts over all of them."""

    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]]
    page: int = 1
    page_size: int = PAGE_SIZE

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


@dataclass(frozen=True, slots=True)
class Drift:
    """How the index differs from the documents it should hold."""

    missing: frozenset[str] = frozenset()
    extra: frozenset[str] = frozenset()
    stale: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.missing or self.extra or self.stale)


@dataclass(frozen=True, slots=True)
class Mark:
    """How far an index has followed a store: the store's identity and the position of
    the last change record applied."""

    store_id: str
    position: int


@dataclass(frozen=True, slots=True)
class Filters:
    """Facet filters, checked: a filter on an unknown facet or a malformed value is refused."""

    session: int | None = None
    agenda_item: int | None = None
    sender: str | None = None
    doc_type: str | None = None
    language: Language | None = None
    year: int | None = None
    symbol: str | None = None  # canonical symbol, or its beginning when symbol_prefix
    symbol_prefix: bool = False
    date_from: date | None = None
    date_until: date | None = None
    given: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, raw: Mapping[str, str] | None) -> Filters:
        raw = {k: v.strip() for k, v in (raw or {}).items() if v and v.strip()}
        unknown = sorted(set(raw) - set(FACETS) - set(NARROWING))
        if unknown:
            raise InvalidInput(
                "unknown search filter %(unknown)r: expected one of %(value)s",
                unknown=unknown[0], value=FACETS + NARROWING,
            )
        values: dict[str, Any] = {}
        for name, value in raw.items():
            if name in _NUMERIC:
                values[name] = whole_number(value, f"search filter {name}")
            elif name in ("from", "until"):
                values[f"date_{name}"] = _day(name, value)
            elif name == "symbol":
                values["symbol_prefix"] = value.endswith("*")
                values["symbol"] = (
                    canonical_case(value.rstrip("*")) if value.endswith("*")
                    else str(Symbol.parse_any_case(value))
                )
            elif name == "language":
                values[name] = Language.parse(value)
            elif name == "sender":
                values[name] = Party(value.upper()).iso3
            else:
                values[name] = value
        return cls(**values, given=raw)


@dataclass(frozen=True, slots=True)
class Request:
    """One search as an engine receives it: the query compiled per language field, filters."""

    query: Query
    clauses: Mapping[Language, tuple[Clause, ...]]
    filters: Filters
    reader: Language | None = None  # whose version a hit links to when matches tie
    excluded: Mapping[Language, tuple[Clause, ...]] = field(default_factory=dict)
    sort: str = "relevance"  # or "date" (newest first), "symbol" (in symbol order)

    @property
    def empty(self) -> bool:
        return self.query.empty


class SearchIndex(ABC):
    """Full-text search over issued documents; an engine implements the abstract methods."""

    def add(self, doc: Document, texts: Mapping[Language, str] | None = None) -> None:
        """Index ``doc`` (replacing what was indexed under its symbol)."""
        self._apply([entry_of(doc, texts)], [], None)

    def remove(self, symbol: object) -> None:
        """Forget the document under ``symbol`` (no error when it is not indexed)."""
        self._apply([], [str(symbol)], None)

    def follow(self, puts: Sequence[Entry], removes: Sequence[str], mark: Mark) -> None:
        """Apply one batch of the store's changes and remember ``mark``, as one unit:
        an index that stops midway applies the batch again (applying is idempotent)."""
        self._apply(puts, removes, mark)

    def rebuild(
        self, documents: Iterable[Document | Entry], mark: Mark | None = None
    ) -> int:
        """Replace the whole index by ``documents`` (read once, as a stream, so an archive
        of any size fits); returns how many were indexed. Readers see the old index until
        the new one is complete; an error leaves the old one in place."""
        return self._replace_all(map(_entry, documents), mark)

    def mark(self) -> Mark | None:
        """How far this index has followed its store (None: never)."""
        return self._mark()

    def symbols(self) -> frozenset[str]:
        return frozenset(self._digests())

    def fingerprint(self) -> str:
        """A hash of every indexed symbol and content; equals :func:`expected_fingerprint`."""
        return fingerprint_of(self._digests().items())

    def drift(self, documents: Iterable[Document | Entry]) -> Drift:
        """What differs between the index and ``documents`` (the store's issued documents)."""
        indexed = self._digests()
        wanted = {e.symbol: e.digest for e in map(_entry, documents)}
        return Drift(
            missing=frozenset(wanted.keys() - indexed.keys()),
            extra=frozenset(indexed.keys() - wanted.keys()),
            stale=frozenset(s for s in wanted.keys() & indexed.keys() if wanted[s] != indexed[s]),
        )

    def search(
        self,
        q: str,
        filters: Mapping[str, str] | None = None,
        page: int = 1,
        reader: Language | None = None,
        sort: str = "relevance",
    ) -> Results:
        """Ranked documents matching ``q`` (all, newest first, when ``q`` is empty), or
        sorted by ``sort``; each hit linked to the ``reader``'s version where it matches
        as well as any other. ``field:value`` in ``q`` narrows as the filter would."""
        if not 1 <= page <= MAX_PAGE:
            raise InvalidInput(
                "page must be between 1 and %(MAX_PAGE)s, got %(page)s",
                MAX_PAGE=MAX_PAGE, page=page,
            )
        if sort not in SORTS:
            raise InvalidInput(
                "sort must be one of %(SORTS)s, got %(sort)r",
                SORTS=SORTS, sort=sort,
            )
        query = parse_query(q)
        raw = dict(filters or {})
        for name, value in query.fields:
            if raw.get(name, value).lower() != value.lower():
                return Results(0, [], {}, page)  # two values of one field: nothing has both
            raw[name] = value
        checked = Filters.read(raw)
        languages = (checked.language,) if checked.language else tuple(Language)
        request = Request(
            query, {lang: query.clauses(lang) for lang in languages}, checked, reader,
            {lang: query.exclusions(lang) for lang in Language} if query.excluded else {},
            sort,
        )
        total, found, facets = self._answer(request, (page - 1) * PAGE_SIZE, PAGE_SIZE)
        hits = [_hit(entry, score, request) for score, entry in found]
        ordered = {name: _ordered(name, facets[name]) for name in FACETS if facets.get(name)}
        return Results(total, hits, ordered, page)

    @abstractmethod
    def warm(self) -> None:
        """Read what every results page reads, once, before the first reader comes (a
        server calls it at start)."""

    @abstractmethod
    def close(self) -> None:
        """Release files or connections (the index is unusable afterwards)."""

    @abstractmethod
    def _apply(self, puts: Sequence[Entry], removes: Sequence[str], mark: Mark | None) -> None:
        """Replace ``puts`` by symbol, delete ``removes``, and keep ``mark`` if given."""

    @abstractmethod
    def _replace_all(self, entries: Iterable[Entry], mark: Mark | None) -> int: ...

    @abstractmethod
    def _mark(self) -> Mark | None: ...

    @abstractmethod
    def _digests(self) -> dict[str, str]: ...

    @abstractmethod
    def _answer(
        self, request: Request, offset: int, limit: int
    ) -> tuple[int, list[tuple[float, Entry]], dict[str, dict[str, int]]]:
        """The number of matches, one page of (score, entry) best first, and the counts
        per facet value over all matches (``language``: matches per language field).

        One method, so that an engine can find the matches once for all three."""


def _day(name: str, value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(
            "search filter %(name)s must be a date as YYYY-MM-DD, got %(value)r",
            name=name, value=value,
        ) from None


def expected_fingerprint(documents: Iterable[Document | Entry]) -> str:
    """The fingerprint an index holding exactly ``documents`` reports."""
    return fingerprint_of((e.symbol, e.digest) for e in map(_entry, documents))


def _entry(item: Document | Entry) -> Entry:
    return item if isinstance(item, Entry) else entry_of(item)


def _hit(entry: Entry, score: float, request: Request) -> Hit:
    """The hit, linked to the language version with the most matches (the reader's on a
    tie, then the original)."""
    order = sorted(
        entry.texts,
        key=lambda lang: (
            lang is not request.reader, lang is not entry.language, list(Language).index(lang)
        ),
    )
    compiled = request.clauses
    if request.empty:
        preferred = [request.filters.language, request.reader, entry.language]
        order = [lang for lang in preferred if lang is not None and lang in entry.texts][
            :1
        ] or order[:1]
    candidates = [lang for lang in order if lang in compiled] or order
    best = None
    for lang in candidates:
        cut = snippet(entry.texts[lang], lang, compiled.get(lang, ()), request.query.needles())
        if best is None or cut.matches > best[1].matches:
            best = (lang, cut)
    language, html = (best[0], best[1].html) if best else (entry.language, Markup(""))
    return Hit(
        symbol=entry.symbol,
        title=entry.title,
        snippet=html,
        language=language,
        doc_date=entry.doc_date,
        session=entry.session,
        agenda_items=entry.agenda_items,
        senders=entry.senders,
        doc_type=entry.doc_type,
        score=score,
        titles=entry.titles,
        original_language=entry.language,
        languages=entry.languages,
    )


def _ordered(name: str, counts: Mapping[str, int]) -> list[tuple[str, int]]:
    """Numbers in numeric order, codes alphabetically; languages in the UN order."""
    if name in _NUMERIC:
        return sorted(counts.items(), key=lambda kv: int(kv[0]))
    if name == "language":
        return [(lang.value, counts[lang.value]) for lang in Language if counts.get(lang.value)]
    return sorted(counts.items())
