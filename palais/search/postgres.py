"""The PostgreSQL engine: full-text search in the store's own database.

When the store is PostgreSQL, the index lives next to it (tables
``search_documents`` and ``search_texts``, made by the store's migrations) so a server
needs no index files and every application process sees the same index. One
row per language version holds a ``tsvector`` with a GIN index, in one partition
per language; ranking is ``ts_rank``, in two stages (a short head vector kept in
the row for every match, the whole vector for the best few hundred).

The ``tsvector`` is written directly from the terms of
:mod:`palais.search.normalise` (``'term':positions``), not by
``to_tsvector``: the terms are already folded, stemmed per language and cut
into Chinese bigrams, and PostgreSQL's parser would split them again by its own
(locale-dependent) rules. The result is what ``to_tsvector('simple', …)`` gives
for ASCII text, and the same terms as the embedded engine for every script.
Queries are written as ``tsquery`` text the same way (``&``, ``|``, ``<->`` for
phrases, ``:*`` for prefixes). Snippets are cut in Python
(:mod:`palais.search.snippets`) rather than by ``ts_headline``, which would
match the query against the unnormalised text by other rules.
"""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from palais.errors import InvalidInput
from palais.languages import Language
from palais.search.entries import Entry
from palais.search.index import Mark, Request, SearchIndex
from palais.search.query import Alternative, Clause
from palais.store import open_engine, upgrade

_MAX_POSITION = 16383  # PostgreSQL's limit; later words share the last position
_MAX_POSITIONS_PER_TERM = 256
_BATCH = 500
# Ranking: every match is scored on its head (symbol, title, opening: the first terms,
# small enough to stay in the row); the best RERANK by that score are scored again on
# their whole text. Scoring every match on its whole text reads each one's TOASTed
# tsvector: 0.3-0.4 s for a word found in 10,000 of 100,000 documents.
_HEAD_TERMS = 24
# The facets' columns, in both tables: a search with words filters and counts the
# matching text rows alone, without visiting each match's document.
_FACET_COLUMNS = "session, year, doc_type, agenda_items, senders"
_RERANK = 200

SCHEMA_VERSION = 6
# The tables (made by the store's migration 0003): one row per document, one per
# language version partitioned by language (a query compiled differently for some
# languages scans only their partitions' indexes, and the rows of one language lie
# together); documents carry a bigint id so that grouping the matches of a document's
# versions hashes numbers, not symbols; large values out of line, uncompressed.
_INSERT_DOCUMENT = sa.text(
    """
    INSERT INTO search_documents
        (id, symbol, digest, session, year, doc_date, doc_type, agenda_items, senders,
         languages, payload)
    VALUES (:id, :symbol, :digest, :session, :year, :doc_date, :doc_type, :agenda_items,
            :senders, :languages, CAST(:payload AS jsonb))
    """
)
_INSERT_TEXT = sa.text(
    f"INSERT INTO search_texts (doc, lang, terms, head, doc_date, {_FACET_COLUMNS}) "
    "VALUES (:doc, :lang, CAST(:terms AS tsvector), CAST(:head AS tsvector), :doc_date, "
    ":session, :year, :doc_type, :agenda_items, :senders)"
)
_NEW_IDS = sa.text("SELECT nextval('search_document_ids') FROM generate_series(1, :n)")
_FILTER_COLUMNS = {  # columns of both tables
    "session": "session = :f_session",
    "year": "year = :f_year",
    "doc_type": "doc_type = :f_doc_type",
    "agenda_item": ":f_agenda_item = ANY (agenda_items)",
    "sender": ":f_sender = ANY (senders)",
}


class PostgresIndex(SearchIndex):
    """Search index in the PostgreSQL database at ``url`` (a SQLAlchemy URL)."""

    def __init__(self, url: str) -> None:
        self._engine = open_engine(url)
        # The tables belong to the store's schema: its migrations make them.
        upgrade(self._engine)
        with self._engine.connect() as conn:
            version = conn.execute(sa.text("SELECT schema_version FROM search_meta")).scalar()
        if version != SCHEMA_VERSION:
            raise InvalidInput(
                "the search tables are at version %(version)s, this palais reads version "
                "%(SCHEMA_VERSION)s: upgrade palais or its store",
                version=version, SCHEMA_VERSION=SCHEMA_VERSION,
            )

    def warm(self) -> None:
        """Nothing: the server's own buffers hold what was read, whichever node asked."""

    def close(self) -> None:
        self._engine.dispose()

    # -- writing --------------------------------------------------------------

    def _apply(self, puts: Sequence[Entry], removes: Sequence[str], mark: Mark | None) -> None:
        """One transaction: the entries, the deletions and the mark together."""
        with self._engine.begin() as conn:
            self._delete_in(conn, [*removes, *(e.symbol for e in puts)])
            self._insert(conn, puts)
            if mark is not None:
                self._keep_mark(conn, mark)

    def _mark(self) -> Mark | None:
        with self._engine.connect() as conn:
            row = conn.execute(sa.text("SELECT store_id, position FROM search_meta")).first()
        if row is None or row.store_id is None:
            return None
        return Mark(row.store_id, int(row.position))

    @staticmethod
    def _keep_mark(conn: Connection, mark: Mark) -> None:
        conn.execute(
            sa.text("UPDATE search_meta SET store_id = :store_id, position = :position"),
            {"store_id": mark.store_id, "position": mark.position},
        )

    def _replace_all(self, entries: Iterable[Entry], mark: Mark | None) -> int:
        """One transaction: readers see the old index until the new one is committed.

        Then a ``VACUUM ANALYZE``: every old row is now dead and every new one unchecked,
        so without it the first searches after a rebuild would do that work (and the
        autovacuum that follows would compete with them); with it they find settled
        tables and fresh statistics."""
        count = 0
        with self._engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM search_texts"))
            conn.execute(sa.text("DELETE FROM search_documents"))
            iterator = iter(entries)
            while batch := list(itertools.islice(iterator, _BATCH)):
                self._insert(conn, batch)
                count += len(batch)
            if mark is not None:
                self._keep_mark(conn, mark)
        with self._engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(sa.text("VACUUM ANALYZE search_documents, search_texts"))
        return count

    @staticmethod
    def _delete_in(conn: Connection, symbols: Sequence[str]) -> None:
        if symbols:
            conn.execute(
                sa.text("DELETE FROM search_documents WHERE symbol = ANY (:symbols)"),
                {"symbols": list(symbols)},
            )

    @staticmethod
    def _insert(conn: Connection, entries: Sequence[Entry]) -> None:
        if not entries:
            return
        ids = conn.execute(_NEW_IDS, {"n": len(entries)}).scalars().all()
        documents, texts = [], []
        for doc, e in zip(ids, entries, strict=True):
            facets = {
                "session": e.session,
                "year": e.year,
                "doc_type": e.doc_type,
                "agenda_items": list(e.agenda_items),
                "senders": list(e.senders),
            }
            documents.append(
                {
                    "id": doc,
                    "symbol": e.symbol,
                    "digest": e.digest,
                    "doc_date": e.doc_date,
                    "languages": [lang.value for lang in e.languages],
                    "payload": json.dumps(e.payload(), ensure_ascii=False),
                    **facets,
                }
            )
            for lang in e.languages:
                terms = e.terms(lang)
                head = " ".join(terms.split(maxsplit=_HEAD_TERMS)[:_HEAD_TERMS])
                texts.append(
                    {
                        "doc": doc,
                        "lang": lang.value,
                        "terms": tsvector_literal(terms),
                        "head": tsvector_literal(head),
                        "doc_date": e.doc_date,
                        **facets,
                    }
                )
        conn.execute(_INSERT_DOCUMENT, documents)
        if texts:
            conn.execute(_INSERT_TEXT, texts)

    # -- reading --------------------------------------------------------------

    def _digests(self) -> dict[str, str]:
        with self._engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT symbol, digest FROM search_documents"))
            return {symbol: digest for symbol, digest in rows}

    def _answer(
        self, request: Request, offset: int, limit: int
    ) -> tuple[int, list[tuple[float, Entry]], dict[str, dict[str, int]]]:
        """Two statements: the page (with the total) and the facets; PostgreSQL plans each
        better alone than as one statement sharing the matches."""
        total, ranked = self._ranked(request, offset, limit)
        return total, ranked, self._facets(request)

    def _ranked(
        self, request: Request, offset: int, limit: int
    ) -> tuple[int, list[tuple[float, Entry]]]:
        where, params = _filter_sql(request)
        params |= {"limit": limit, "offset": offset}
        order = (
            "d.payload->>'symbol_key', d.symbol" if request.sort == "symbol"
            else "d.doc_date DESC NULLS LAST, d.symbol"
        )
        if request.empty:
            sql = f"""
                SELECT d.payload, 0.0 AS score, count(*) OVER () AS total
                FROM search_documents d WHERE {where}
                ORDER BY {order}
                LIMIT :limit OFFSET :offset"""
        elif request.sort != "relevance":
            matches, match_params = _matches_sql(request.clauses, where)
            params |= match_params
            sql = f"""
                WITH m AS MATERIALIZED ({matches})
                SELECT d.payload, 0.0 AS score, count(*) OVER () AS total
                FROM search_documents d WHERE d.id IN (SELECT doc FROM m)
                ORDER BY {order}
                LIMIT :limit OFFSET :offset"""
        else:
            matches, match_params = _matches_sql(request.clauses, where, score="head")
            params |= match_params | {"rerank": _RERANK, "window": max(_RERANK, offset + limit)}
            # m: every matching version (filtered) with its head score; f: one row per
            # matching document; top: the candidates of the window, numbered; r: the best
            # RERANK scored on their whole text.
            sql = f"""
                WITH m AS MATERIALIZED ({matches}),
                     f AS MATERIALIZED (
                        SELECT doc, max(score) AS score, max(doc_date) AS doc_date
                        FROM m GROUP BY doc),
                     top AS (
                        SELECT doc, score,
                               row_number() OVER (ORDER BY score DESC, doc_date DESC NULLS LAST,
                                                  doc) AS pos
                        FROM (SELECT * FROM f ORDER BY score DESC, doc_date DESC NULLS LAST, doc
                              LIMIT :window) w),
                     r AS (
                        SELECT m.doc, max(ts_rank(t.terms, {_query_case(match_params)})) AS score
                        FROM top JOIN m ON m.doc = top.doc
                             JOIN search_texts t ON t.doc = m.doc AND t.lang = m.lang
                        WHERE top.pos <= :rerank
                        GROUP BY m.doc),
                     page AS (
                        SELECT top.doc, coalesce(r.score, top.score) AS score,
                               top.pos > :rerank AS beyond, coalesce(r.score, 0) AS best, top.pos
                        FROM top LEFT JOIN r ON r.doc = top.doc
                        ORDER BY beyond, best DESC, top.pos
                        LIMIT :limit OFFSET :offset)
                SELECT d.payload, page.score, (SELECT count(*) FROM f) AS total
                FROM page JOIN search_documents d ON d.id = page.doc
                ORDER BY page.beyond, page.best DESC, page.pos"""
        with self._reading(words=not request.empty) as conn:
            rows = conn.execute(sa.text(sql), params).all()
        if not rows:
            return self._count(request) if offset else 0, []
        return int(rows[0].total), [(float(r.score), Entry.from_payload(r.payload)) for r in rows]

    @contextmanager
    def _reading(self, *, words: bool) -> Iterator[Connection]:
        """A connection for a search: without JIT compilation, and for a search with
        ``words`` without sequential scans.

        The facet query's estimated cost is high enough for PostgreSQL to compile it,
        which took 90 ms of a query that runs in 30 without. The planner prices ``@@`` on
        an out-of-line vector as cheap, so for a word found in most texts of a language
        it reads the whole partition and decompresses every vector (73 ms for a word in
        all 16,667 English texts of the benchmark) instead of asking the index (18 ms)."""
        with self._engine.connect() as conn:
            conn.execute(sa.text("SET LOCAL jit = off"))
            if words:
                conn.execute(sa.text("SET LOCAL enable_seqscan = off"))
            yield conn

    def _count(self, request: Request) -> int:
        """The number of matches, for a page past the last one (the window counted nothing)."""
        facets = self._facets(request, only_total=True)
        return sum(facets["total"].values())

    def _facets(self, request: Request, *, only_total: bool = False) -> dict[str, dict[str, int]]:
        where, params = _filter_sql(request)
        if request.empty:
            matched = f"SELECT {_FACET_COLUMNS}, languages FROM search_documents WHERE {where}"
            by_language = (
                "SELECT l AS value, count(*) AS n FROM f, unnest(f.languages) l GROUP BY l"
            )
        else:
            matches, match_params = _matches_sql(request.clauses, where, facets=True)
            params |= match_params
            # A document's versions share its facet values: one row per document.
            matched = f"""SELECT {", ".join(f"min({c}) AS {c}" for c in _FACET_COLUMNS.split(", "))}
                FROM m GROUP BY doc"""
            # m has one row per matching (document, language): counting rows counts documents.
            by_language = "SELECT lang AS value, count(*) AS n FROM m GROUP BY lang"
        parts = (
            [("total", "SELECT 'all' AS value, count(*) AS n FROM f")]
            if only_total
            else [
                (
                    "session",
                    "SELECT session::text AS value, count(*) AS n FROM f "
                    "WHERE session IS NOT NULL GROUP BY session",
                ),
                (
                    "year",
                    "SELECT year::text AS value, count(*) AS n FROM f "
                    "WHERE year IS NOT NULL GROUP BY year",
                ),
                ("doc_type", "SELECT doc_type AS value, count(*) AS n FROM f GROUP BY doc_type"),
                (
                    "agenda_item",
                    "SELECT a::text AS value, sum(g.n) AS n FROM (SELECT agenda_items, "
                    "count(*) AS n FROM f GROUP BY agenda_items) g, unnest(g.agenda_items) a "
                    "GROUP BY a",
                ),
                (
                    "sender",
                    "SELECT s AS value, sum(g.n) AS n FROM (SELECT senders, count(*) AS n "
                    "FROM f GROUP BY senders) g, unnest(g.senders) s GROUP BY s",
                ),
                ("language", by_language),
            ]
        )
        union = " UNION ALL ".join(
            f"SELECT '{name}' AS facet, value, n FROM ({sql}) x_{name}" for name, sql in parts
        )
        head = "" if request.empty else f"m AS MATERIALIZED ({matches}), "
        sql = f"WITH {head}f AS MATERIALIZED ({matched}) {union}"
        out: dict[str, dict[str, int]] = defaultdict(dict)
        with self._reading(words=not request.empty) as conn:
            for facet, value, n in conn.execute(sa.text(sql), params):
                out[facet][value] = int(n)
        return dict(out)


def tsvector_literal(terms: str) -> str:
    """``'term':1,4 'other':2`` for space-separated terms, within PostgreSQL's limits."""
    positions: dict[str, list[int]] = defaultdict(list)
    for i, term in enumerate(terms.split(), start=1):
        found = positions[term]
        if len(found) < _MAX_POSITIONS_PER_TERM:
            found.append(min(i, _MAX_POSITION))
    return " ".join(
        f"{_quote(term)}:{','.join(map(str, sorted(set(pos))))}" for term, pos in positions.items()
    )


def tsquery_text(clauses: tuple[Clause, ...]) -> str:
    """The clauses as ``tsquery`` text: clauses joined by ``&``, alternatives by ``|``."""
    return " & ".join(
        "(" + " | ".join(_alternative(a) for a in c.alternatives) + ")" for c in clauses
    )


def _alternative(alt: Alternative) -> str:
    words = [_quote(t) for t in alt.terms]
    if alt.prefix:
        words[-1] += ":*"
    return "(" + (" <-> " if alt.ordered else " & ").join(words) + ")"


def _quote(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def _matches_sql(
    compiled: Mapping[Language, tuple[Clause, ...]],
    where: str,
    *,
    score: str | None = None,
    facets: bool = False,
) -> tuple[str, dict[str, Any]]:
    """(doc, lang[, branch, doc_date, score][, facet columns]) of every matching version
    that passes the filters ``where``: one indexed branch per distinct tsquery.

    Languages whose terms come out the same (no stemmer, or a query the stemmers
    leave alone) share one branch, so a query costs one index scan per distinct
    form and language partition. ``score`` names the column to rank on; ``branch``
    says which tsquery matched, for :func:`_query_case`.
    """
    by_text: dict[str, list[str]] = defaultdict(list)
    for lang, clauses in compiled.items():
        by_text[tsquery_text(clauses)].append(lang.value)
    branches: list[str] = []
    params: dict[str, Any] = {}
    for n, (text, langs) in enumerate(by_text.items()):
        params[f"q{n}"] = text
        params[f"l{n}"] = langs
        columns = ["doc", "lang"]
        if score:
            columns += [
                f"{n} AS branch",
                "doc_date",
                f"ts_rank({score}, CAST(:q{n} AS tsquery)) AS score",
            ]
        if facets:
            columns.append(_FACET_COLUMNS)
        branches.append(
            f"SELECT {', '.join(columns)} FROM search_texts WHERE lang = ANY (:l{n}) "
            f"AND terms @@ CAST(:q{n} AS tsquery) AND {where}"
        )
    return " UNION ALL ".join(branches), params


def _query_case(params: Mapping[str, Any]) -> str:
    """The tsquery of a match's branch, for the branches' parameters ``q<n>``."""
    arms = " ".join(
        f"WHEN {key[1:]} THEN CAST(:{key} AS tsquery)" for key in params if key.startswith("q")
    )
    return f"(CASE m.branch {arms} END)"


def _filter_sql(request: Request) -> tuple[str, dict[str, Any]]:
    """The filters as a condition on the table searched: ``search_documents`` for a search
    without words, ``search_texts`` (whose ``doc`` is the document's id) with words."""
    filters = request.filters
    key = "id" if request.empty else "doc"
    conditions, params = ["TRUE"], {}
    for name, condition in _FILTER_COLUMNS.items():
        value = getattr(filters, name)
        if value is not None:
            conditions.append(condition)
            params[f"f_{name}"] = value
    if request.empty and filters.language is not None:
        conditions.append(":f_language = ANY (languages)")
        params["f_language"] = filters.language.value
    if filters.symbol is not None:
        same = "LIKE :f_symbol || '%'" if filters.symbol_prefix else "= :f_symbol"
        conditions.append(f"{key} IN (SELECT id FROM search_documents WHERE symbol {same})")
        params["f_symbol"] = filters.symbol.replace("%", r"\%").replace("_", r"\_")
    if filters.date_from is not None:
        conditions.append("doc_date >= :f_from")
        params["f_from"] = filters.date_from
    if filters.date_until is not None:
        conditions.append("doc_date <= :f_until")
        params["f_until"] = filters.date_until
    by_text: dict[str, list[str]] = defaultdict(list)
    for lang, clauses in request.excluded.items():
        by_text[" | ".join(tsquery_text((c,)) for c in clauses)].append(lang.value)
    for n, (text, langs) in enumerate(by_text.items()):
        conditions.append(
            f"{key} NOT IN (SELECT doc FROM search_texts WHERE lang = ANY (:x_l{n}) "
            f"AND terms @@ CAST(:x_q{n} AS tsquery))"
        )
        params |= {f"x_q{n}": text, f"x_l{n}": langs}
    return " AND ".join(conditions), params
