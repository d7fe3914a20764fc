"""The embedded engine: a tantivy index in a folder of the data directory.

Chosen over SQLite FTS5 by measurement (docs/decisions.md, BENCHMARKS.md):
tantivy's block-max scoring keeps ranked queries in single milliseconds where
FTS5 has to score every matching row. Each language version has its own text
field (``t_ar`` … ``t_es``) holding the terms of :mod:`palais.search.normalise`
split on whitespace, with positions for phrases; facets are fast fields read by
tantivy's terms aggregation; the entry itself is a stored JSON payload, so a
hit is rebuilt without the store.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import threading
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from functools import cache
from pathlib import Path
from typing import Any

import tantivy

from palais.languages import Language
from palais.search.entries import Entry
from palais.search.index import Mark, Request, SearchIndex
from palais.search.query import Alternative, Clause
from palais.symbols import sort_text

SCHEMA_VERSION = 2  # 2: symbol_key, to sort by symbol
_WRITER_HEAP = 64_000_000
_FACET_SIZE = 10_000
_BUILT_QUERIES = 512
_THREADS = 4  # the process's searches running beside a results page's aggregation
_LOCK_WAIT_S = 10.0
_TOKENIZER = "palais_terms"
_TOTAL = "_total"  # the aggregation counting every match, beside the facets
_MARK = "mark.json"  # how far the index has followed its store (palais.search.index.Mark)
# Facet name -> fast field.
_FACET_FIELDS = {
    "session": "session",
    "agenda_item": "agenda_item",
    "sender": "sender",
    "doc_type": "doc_type",
    "year": "year",
}


def _schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("symbol", tokenizer_name="raw")
    sb.add_text_field("key", tokenizer_name="raw")  # symbol TAB digest, for the drift check
    sb.add_text_field("symbol_key", tokenizer_name="raw", fast=True)  # sorts as symbols do
    for lang in Language:
        sb.add_text_field(f"t_{lang.value}", tokenizer_name=_TOKENIZER, index_option="position")
    sb.add_integer_field("session", indexed=True, fast=True)
    sb.add_integer_field("agenda_item", indexed=True, fast=True)
    sb.add_integer_field("year", indexed=True, fast=True)
    sb.add_integer_field("date", fast=True)
    for name in ("sender", "doc_type", "languages"):
        sb.add_text_field(name, tokenizer_name="raw", fast=True)
    sb.add_bytes_field("payload", stored=True)
    return sb.build()


class TantivyIndex(SearchIndex):
    """Search index stored under ``path`` (created when absent)."""

    def __init__(self, path: Path) -> None:
        self.path = path / f"tantivy-v{SCHEMA_VERSION}"
        self.path.mkdir(parents=True, exist_ok=True)
        self._schema = _schema()
        self._index = tantivy.Index(self._schema, path=str(self.path))
        self._index.register_tokenizer(
            _TOKENIZER, tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()
        )
        self._lock = threading.Lock()
        self._built: dict[tuple[Language, tuple[Clause, ...]], tantivy.Query] = {}

    def close(self) -> None:
        """Nothing to release: readers and writers live only during a call."""

    def warm(self) -> None:
        """Every facet's column and the date order read once over the whole index, so the
        first searches after a start do not wait for the disk (measured at 1,000,000
        documents after the page cache was dropped: BENCHMARKS.md)."""
        searcher = self._index.searcher()
        everything = tantivy.Query.all_query()
        searcher.aggregate(everything, {
            name: {"terms": {"field": field, "size": _FACET_SIZE}}
            for name, field in {**_FACET_FIELDS, "language": "languages"}.items()
        })
        searcher.search(everything, 1, count=False, order_by_field="date")

    # -- writing --------------------------------------------------------------

    def _apply(self, puts: Sequence[Entry], removes: Sequence[str], mark: Mark | None) -> None:
        with self._writer() as writer:
            for symbol in (*removes, *(e.symbol for e in puts)):
                writer.delete_documents_by_term("symbol", symbol)
            for entry in puts:
                writer.add_document(self._document(entry))
        if mark is not None:
            self._keep_mark(mark)

    def _replace_all(self, entries: Iterable[Entry], mark: Mark | None) -> int:
        """One commit: readers see the old index until the new one is complete."""
        count = 0
        with self._writer(threads=0) as writer:
            writer.delete_all_documents()
            for entry in entries:
                writer.add_document(self._document(entry))
                count += 1
        if mark is not None:
            self._keep_mark(mark)
        return count

    def _mark(self) -> Mark | None:
        try:
            data = json.loads((self.path / _MARK).read_text())
            return Mark(str(data["store_id"]), int(data["position"]))
        except (FileNotFoundError, ValueError, KeyError, TypeError):
            return None

    def _keep_mark(self, mark: Mark) -> None:
        """Written after the commit, atomically: a crash between the two leaves the older
        mark, and the changes after it are applied again (which changes nothing)."""
        temporary = self.path / f".{_MARK}.incoming"
        temporary.write_text(json.dumps({"store_id": mark.store_id, "position": mark.position}))
        os.replace(temporary, self.path / _MARK)

    def _writer(self, threads: int = 1) -> _Writing:
        return _Writing(self, threads)

    def _document(self, entry: Entry) -> tantivy.Document:
        doc = tantivy.Document()
        doc.add_text("symbol", entry.symbol)
        doc.add_text("key", f"{entry.symbol}\t{entry.digest}")
        doc.add_text("symbol_key", sort_text(entry.symbol))
        for lang in entry.languages:
            doc.add_text(f"t_{lang.value}", entry.terms(lang))
            doc.add_text("languages", lang.value)
        if entry.session is not None:
            doc.add_integer("session", entry.session)
        for item in entry.agenda_items:
            doc.add_integer("agenda_item", item)
        if entry.year is not None:
            doc.add_integer("year", entry.year)
        doc.add_integer("date", entry.ordinal)
        for sender in entry.senders:
            doc.add_text("sender", sender)
        doc.add_text("doc_type", entry.doc_type)
        doc.add_bytes("payload", json.dumps(entry.payload(), ensure_ascii=False).encode())
        return doc

    # -- reading --------------------------------------------------------------

    def _digests(self) -> dict[str, str]:
        searcher = self._index.searcher()
        live = tantivy.Query.all_query()
        pairs = searcher.terms_with_prefix("key", "", filter_query=live)
        return dict(key.split("\t", 1) for key, count in pairs if count)

    def _answer(
        self, request: Request, offset: int, limit: int
    ) -> tuple[int, list[tuple[float, Entry]], dict[str, dict[str, int]]]:
        """The matches are counted once, by the aggregations of their facets, while the
        page is ranked without counting, which lets tantivy skip the blocks of a common
        word that cannot reach the top (block-max WAND). tantivy releases the GIL while
        it searches, so the page, the two halves of the facets and the languages' counts
        run on the cores at once: at 1,000,000 matches the aggregation alone is 20 ms."""
        searcher = self._index.searcher()
        q = self._query(request)
        page = _threads().submit(self._page, searcher, q, request, offset, limit, count=False)
        specs: dict[str, Any] = {
            name: {"terms": {"field": field, "size": _FACET_SIZE}}
            for name, field in _FACET_FIELDS.items()
        }
        specs[_TOTAL] = {"value_count": {"field": "date"}}  # every document has one date
        if request.empty:
            specs["language"] = {"terms": {"field": "languages", "size": _FACET_SIZE}}
        names = list(specs)
        other = _threads().submit(
            searcher.aggregate, q, {n: specs[n] for n in names[: len(names) // 2]}
        )
        languages = {} if request.empty else self._by_language(searcher, request)
        answer = searcher.aggregate(q, {n: specs[n] for n in names[len(names) // 2 :]})
        answer |= other.result()
        total = int(answer.pop(_TOTAL)["value"])
        facets = {
            name: {_key(b["key"]): int(b["doc_count"]) for b in answer[name]["buckets"]}
            for name in answer
        }
        if not request.empty:
            facets["language"] = {
                lang.value: total if count is None else count.result()
                for lang, count in languages.items()
            }
        _, hits = page.result()
        return total, hits, facets

    def _ranked(
        self, request: Request, offset: int, limit: int
    ) -> tuple[int, list[tuple[float, Entry]]]:
        """One page and the number of matches counted while ranking, without facets: what
        ``benchmarks/search.py`` compares across engines."""
        searcher = self._index.searcher()
        return self._page(searcher, self._query(request), request, offset, limit, count=True)

    def _page(
        self,
        searcher: tantivy.Searcher,
        q: tantivy.Query,
        request: Request,
        offset: int,
        limit: int,
        *,
        count: bool,
    ) -> tuple[int, list[tuple[float, Entry]]]:
        """The page (and, with ``count``, the number of matches; else 0)."""
        if request.sort == "symbol":
            found = searcher.search(
                q, limit, count=count, offset=offset, order_by_field="symbol_key",
                order=tantivy.Order.Asc,
            )
        elif request.empty or request.sort == "date":
            found = searcher.search(q, limit, count=count, offset=offset, order_by_field="date")
        else:
            found = searcher.search(q, limit, count=count, offset=offset)
        return _count(found), [
            (_score(score), Entry.from_payload(json.loads(searcher.doc(address)["payload"][0])))
            for score, address in found.hits
        ]

    def _by_language(
        self, searcher: tantivy.Searcher, request: Request
    ) -> dict[Language, Future[int] | None]:
        """The languages that may match, each with its count under way; None: the only
        one, which holds all the matches. A field lacking one term of every alternative of
        a clause cannot match, as its terms' document frequencies say without a search."""
        possible = [
            lang for lang, clauses in request.clauses.items()
            if all(self._may_match(searcher, f"t_{lang.value}", c) for c in clauses)
        ]
        if len(possible) == 1:
            return {possible[0]: None}
        return {
            lang: _threads().submit(
                lambda q: _count(searcher.search(q, 1)), self._query(_only(request, lang))
            )
            for lang in possible
        }

    @staticmethod
    def _may_match(searcher: tantivy.Searcher, field: str, clause: Clause) -> bool:
        return any(
            a.prefix or all(searcher.doc_freq(field, term) for term in a.terms)
            for a in clause.alternatives
        )

    def _query(self, request: Request) -> tantivy.Query:
        must: list[tantivy.Query] = []
        if not request.empty:
            must.append(
                _any([self._language_query(lang, c) for lang, c in request.clauses.items()])
            )
        elif request.filters.language is not None:
            must.append(self._term("languages", request.filters.language.value))
        for name, value in (
            ("session", request.filters.session),
            ("agenda_item", request.filters.agenda_item),
            ("year", request.filters.year),
            ("sender", request.filters.sender),
            ("doc_type", request.filters.doc_type),
        ):
            if value is not None:
                must.append(self._term(name, value))
        must.extend(self._narrowing(request))
        excluded = [
            self._language_query(lang, (clause,))
            for lang, clauses in request.excluded.items()
            for clause in clauses
        ]
        if excluded:
            return tantivy.Query.boolean_query(
                [(tantivy.Occur.Must, _all(must) if must else tantivy.Query.all_query())]
                + [(tantivy.Occur.MustNot, q) for q in excluded]
            )
        if not must:
            return tantivy.Query.all_query()
        return _all(must)

    def _narrowing(self, request: Request) -> list[tantivy.Query]:
        """The symbol (or its beginning) and the date range."""
        filters = request.filters
        out: list[tantivy.Query] = []
        if filters.symbol is not None:
            out.append(
                tantivy.Query.regex_query(self._schema, "symbol", re.escape(filters.symbol) + ".*")
                if filters.symbol_prefix else self._term("symbol", filters.symbol)
            )
        if filters.date_from is not None or filters.date_until is not None:
            low, high = filters.date_from, filters.date_until
            out.append(tantivy.Query.range_query(
                self._schema, "date", tantivy.FieldType.Integer,
                low.toordinal() if low else None, high.toordinal() if high else None,
            ))
        return out

    def _language_query(self, lang: Language, clauses: tuple[Clause, ...]) -> tantivy.Query:
        """The query of one language field; built queries are kept (regexes are costly)."""
        key = (lang, clauses)
        if key not in self._built:
            if len(self._built) >= _BUILT_QUERIES:
                self._built.clear()
            field = f"t_{lang.value}"
            self._built[key] = _all([self._clause(field, c) for c in clauses])
        return self._built[key]

    def _clause(self, field: str, clause: Clause) -> tantivy.Query:
        """Any alternative; single-word prefixes share one regex (one automaton to build)."""
        prefixes = [a.terms[0] for a in clause.alternatives if a.prefix and len(a.terms) == 1]
        queries = [
            self._alternative(field, a)
            for a in clause.alternatives
            if not (a.prefix and len(a.terms) == 1)
        ]
        if prefixes:
            pattern = "(" + "|".join(re.escape(p) for p in prefixes) + ").*"
            # A regex walks every term with the prefix; a phrase-prefix query stops at 50.
            queries.append(tantivy.Query.regex_query(self._schema, field, pattern))
        return _any(queries)

    def _alternative(self, field: str, alt: Alternative) -> tantivy.Query:
        terms: list[str | tuple[int, str]] = list(alt.terms)
        if len(terms) == 1:
            return self._term(field, alt.terms[0])
        if not alt.ordered:
            return _all([self._term(field, t) for t in alt.terms])
        if alt.prefix:
            return tantivy.Query.phrase_prefix_query(self._schema, field, terms)
        return tantivy.Query.phrase_query(self._schema, field, terms)

    def _term(self, field: str, value: object) -> tantivy.Query:
        return tantivy.Query.term_query(self._schema, field, value)


class _Writing:
    """A writer for one unit of work: committed on success, rolled back on error."""

    def __init__(self, index: TantivyIndex, threads: int) -> None:
        self._owner = index
        self._threads = threads

    def __enter__(self) -> tantivy.IndexWriter:
        self._owner._lock.acquire()
        try:
            self._writer = self._acquire()
        except BaseException:
            self._owner._lock.release()
            raise
        return self._writer

    def _acquire(self) -> tantivy.IndexWriter:
        """The index's writer; another process (a second server worker) may hold it a moment."""
        deadline = time.monotonic() + _LOCK_WAIT_S
        while True:
            try:
                return self._owner._index.writer(_WRITER_HEAP, self._threads)
            except ValueError as exc:
                if "LockBusy" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        try:
            if exc_type is None:
                self._writer.commit()
            else:
                self._writer.rollback()
            self._writer.wait_merging_threads()
            self._owner._index.reload()
        finally:
            self._owner._lock.release()


@cache
def _threads() -> ThreadPoolExecutor:
    """One pool for the process, started at its first search (so after a fork)."""
    return ThreadPoolExecutor(max_workers=_THREADS, thread_name_prefix="palais-search")


def _any(queries: list[tantivy.Query]) -> tantivy.Query:
    if len(queries) == 1:
        return queries[0]
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in queries])


def _all(queries: list[tantivy.Query]) -> tantivy.Query:
    if len(queries) == 1:
        return queries[0]
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in queries])


def _key(value: object) -> str:
    """Aggregation keys come back as int, float or str; facets speak strings."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _only(request: Request, lang: Language) -> Request:
    """The same search in one language field."""
    return dataclasses.replace(request, clauses={lang: request.clauses[lang]})


def _score(key: object) -> float:
    """A hit's score; a hit ordered by a field has that field's value instead: no score."""
    return float(key) if isinstance(key, (int, float)) else 0.0


def _count(found: tantivy.SearchResult) -> int:
    """The number of matches (``count=True`` searches; tantivy's type stubs omit it)."""
    return int(getattr(found, "count", None) or 0)
