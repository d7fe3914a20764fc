"""Search engines on a synthetic six-language archive: index time, size, query latency.

Usage:
    python benchmarks/search.py [--docs N] [--engines fts5,tantivy,postgres]
                                [--runs R] [--queries Q] [--workdir DIR] [--pg-url URL]

Builds N synthetic issued documents (default 100,000), one language each in
turn (ar zh en fr ru es), about 3 KB of text each, generated deterministically:
words drawn with a Zipf law from a 30,000-word vocabulary per language (made of
that language's letters and syllables, with inflection endings for Russian and
accents for French and Spanish; Chinese text drawn from 3,500 Han characters).
Document ``i`` is generated from seed ``i`` alone, so the archive streams into
each engine and queries are taken from documents regenerated on their own.

Each engine indexes the same documents through the same path as the
application (``SearchIndex.rebuild``: normalisation included), then answers Q
queries of each kind, each timed once per run, R runs:

- ``single``: one word; ``two``: two words of one document; ``phrase``: two
  consecutive words in quotes; ``zh2``: two Han characters; ``ar``: an Arabic
  word, half of the time written with diacritics.

Two latencies: ``ranked`` is the engine's ranked top-10 with the total count
(the search itself); ``page`` is ``SearchIndex.search`` as the web page calls
it (ranked page + facet counts + snippets). Figures are the median over runs of
each run's p50 and p99. The reference, measured in the same run, is the
normalisation of one 3 KB English text (``normalise.terms``), so the ratios
carry over to another machine.

``fts5`` is SQLite FTS5 (``unicode61`` over the same normalised terms) behind
the same interface, written here for the comparison only; ``postgres`` starts
a throwaway server from the test support unless ``--pg-url`` is given.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack
from datetime import date
from itertools import accumulate
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from palais.languages import Language
from palais.model import DocType, Document, Part, PartKind, Party
from palais.search import normalise
from palais.search.entries import Entry
from palais.search.index import Filters, Mark, Request, SearchIndex
from palais.search.query import Alternative, Clause, parse_query
from palais.symbols import Symbol

LANGS = tuple(Language)
VOCABULARY = 30_000
TARGET_BYTES = 3_000
SENDERS = ("AZE", "ARM", "FRA", "RUS", "CHN", "EGY", "ESP", "MEX", "GBR", "USA", "SAU", "CUB")
DOC_TYPES = (DocType.NOTE_VERBALE, DocType.LETTER, DocType.REPORT, DocType.WRITTEN_STATEMENT)
KINDS = ("single", "two", "phrase", "zh2", "ar")
# Documents are spread over this many sessions and numbered within each (G/<n>: a UN
# document number has at most six digits, so a running number would not do at 10^6).
SESSIONS = 58

_LATIN = {
    Language.EN: ("ta", "re", "con", "ment", "tion", "al", "in", "de", "pro", "ver", "ing", "ar"),
    Language.FR: ("té", "re", "con", "ment", "tion", "é", "ain", "de", "pro", "ès", "eau", "ou"),
    Language.ES: ("ción", "re", "con", "mien", "to", "ía", "ñi", "de", "pro", "ó", "ar", "es"),
}
_CYRILLIC = ("ра", "ко", "ни", "ст", "ве", "то", "за", "пре", "ли", "мо", "ду", "ще")
_RU_ENDINGS = ("", "а", "ов", "ами", "ой", "ия", "ию", "ы", "ам", "ом")
_ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإ"
_ARABIC_MARKS = "\u064e\u064f\u0650\u0651\u0652"
_HAN = [chr(0x4E00 + (i * 7) % 20_000) for i in range(3_500)]


# -- the synthetic archive ------------------------------------------------------


def _vocabulary(lang: Language) -> list[str]:
    rnd = random.Random(f"vocabulary-{lang.value}")
    words: dict[str, None] = {}
    while len(words) < VOCABULARY:
        if lang is Language.RU:
            word = "".join(rnd.choices(_CYRILLIC, k=rnd.randint(2, 5)))
        elif lang is Language.AR:
            word = "".join(rnd.choices(_ARABIC_LETTERS, k=rnd.randint(3, 7)))
        else:
            word = "".join(rnd.choices(_LATIN[lang], k=rnd.randint(2, 5)))
        words[word] = None
    return list(words)


_ZIPF = list(accumulate(1 / (r + 1) ** 1.07 for r in range(VOCABULARY)))
_ZIPF_HAN = list(accumulate(1 / (r + 1) ** 0.9 for r in range(len(_HAN))))
_VOCABULARIES = {lang: _vocabulary(lang) for lang in LANGS if lang is not Language.ZH}


def text_of(i: int) -> tuple[Language, str]:
    """Document ``i``'s language and text (about TARGET_BYTES of UTF-8)."""
    lang = LANGS[i % len(LANGS)]
    rnd = random.Random(i)
    parts: list[str] = []
    size = 0
    while size < TARGET_BYTES:
        if lang is Language.ZH:
            sentence = "".join(rnd.choices(_HAN, cum_weights=_ZIPF_HAN, k=rnd.randint(10, 30)))
            sentence += "。"
        else:
            words = rnd.choices(_VOCABULARIES[lang], cum_weights=_ZIPF, k=rnd.randint(8, 16))
            words = [_inflect(lang, w, rnd) for w in words]
            sentence = " ".join(words).capitalize() + "."
        parts.append(sentence)
        size += len(sentence.encode()) + 1
    return lang, " ".join(parts)


def _inflect(lang: Language, word: str, rnd: random.Random) -> str:
    if lang is Language.RU:
        return word + rnd.choice(_RU_ENDINGS)
    if lang is Language.AR:
        if rnd.random() < 0.3:
            word = "ال" + word
        if rnd.random() < 0.1:
            word = "".join(c + rnd.choice(_ARABIC_MARKS) for c in word)
    return word


def document(i: int) -> Document:
    lang, text = text_of(i)
    rnd = random.Random(-i - 1)
    session = 1 + i % SESSIONS
    year = 2006 + session // 3
    return Document(
        doc_type=rnd.choice(DOC_TYPES),
        parts=(Part(PartKind.COVER, lang, (text,)),),
        symbol=Symbol.parse(f"A/HRC/{session}/G/{i // SESSIONS + 1}"),
        session=session,
        agenda_items=tuple(sorted(rnd.sample(range(1, 11), rnd.randint(1, 2)))),
        doc_date=date(year, rnd.randint(1, 12), rnd.randint(1, 28)),
        sender=Party(rnd.choice(SENDERS)),
        language=lang,
        original_language=lang,
    )


def documents(n: int) -> Iterator[Document]:
    return (document(i) for i in range(n))


def queries(n_docs: int, per_kind: int, seed: int = 11) -> dict[str, list[str]]:
    """Queries taken from the archive's own documents, so each finds something."""
    rnd = random.Random(seed)
    out: dict[str, list[str]] = {k: [] for k in KINDS}

    def doc_words(lang: Language) -> list[str]:
        return text_of(_doc_of(rnd, n_docs, lang))[1].replace(".", "").split()

    latin_like = [Language.EN, Language.FR, Language.ES, Language.RU]
    for _ in range(per_kind):
        words = doc_words(rnd.choice(latin_like))
        out["single"].append(rnd.choice(words))
        out["two"].append(" ".join(rnd.sample(words, 2)))
        k = rnd.randrange(len(words) - 1)
        out["phrase"].append(f'"{words[k]} {words[k + 1]}"')
        han = [c for c in text_of(_doc_of(rnd, n_docs, Language.ZH))[1] if normalise.is_han(c)]
        k = rnd.randrange(len(han) - 1)
        out["zh2"].append(han[k] + han[k + 1])
        word = rnd.choice(doc_words(Language.AR))
        plain = normalise.fold(word)
        out["ar"].append(word if rnd.random() < 0.5 else "".join(c + "\u064e" for c in plain))
    return out


def _doc_of(rnd: random.Random, n_docs: int, lang: Language) -> int:
    return rnd.randrange(n_docs // len(LANGS)) * len(LANGS) + LANGS.index(lang)


# -- SQLite FTS5 behind the same interface, for the comparison --------------------


class Fts5Index(SearchIndex):
    """SQLite FTS5 (unicode61) over the normalised terms, one column per language."""

    def __init__(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        self.file = path / "search.sqlite"
        self.db = sqlite3.connect(self.file)
        self.db.executescript(
            """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS docs (
                id INTEGER PRIMARY KEY, symbol TEXT UNIQUE, digest TEXT, session INT,
                year INT, date INT, doc_type TEXT, payload TEXT);
            CREATE TABLE IF NOT EXISTS doc_values (id INT, facet TEXT, value TEXT);
            CREATE INDEX IF NOT EXISTS doc_values_id ON doc_values (id);
            CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
                t_ar, t_zh, t_en, t_fr, t_ru, t_es, content='',
                tokenize='unicode61 remove_diacritics 0');
            """
        )

    def warm(self) -> None:
        """Nothing: each query is timed after a warm-up round anyway."""

    def close(self) -> None:
        self.db.close()

    def _apply(self, puts: Sequence[Entry], removes: Sequence[str], mark: Mark | None) -> None:
        """Replace and delete by symbol (this comparison's index follows no store: no mark)."""
        self._delete([*removes, *(e.symbol for e in puts)])
        with self.db:
            self._insert(puts)

    def _mark(self) -> Mark | None:
        return None

    def _delete(self, symbols: Sequence[str]) -> None:
        # A contentless FTS5 table forgets a row only when told its terms again: they are
        # rebuilt from the entry kept in ``docs``.
        with self.db:
            for symbol in symbols:
                found = self.db.execute(
                    "SELECT id, payload FROM docs WHERE symbol = ?", (symbol,)
                ).fetchone()
                if found is None:
                    continue
                row, payload = found
                entry = Entry.from_payload(json.loads(payload))
                self.db.execute(
                    "INSERT INTO fts (fts, rowid, t_ar, t_zh, t_en, t_fr, t_ru, t_es) "
                    "VALUES ('delete', ?, ?, ?, ?, ?, ?, ?)",
                    (row, *(entry.terms(lang) for lang in LANGS)),
                )
                self.db.execute("DELETE FROM doc_values WHERE id = ?", (row,))
                self.db.execute("DELETE FROM docs WHERE id = ?", (row,))

    def _replace_all(self, entries: Iterable[Entry], mark: Mark | None) -> int:
        with self.db:
            self.db.execute("DELETE FROM docs")
            self.db.execute("DELETE FROM doc_values")
            self.db.execute("INSERT INTO fts (fts) VALUES ('delete-all')")
            return self._insert(entries)

    def _insert(self, entries: Iterable[Entry]) -> int:
        count = 0
        for e in entries:
            cur = self.db.execute(
                "INSERT INTO docs (symbol, digest, session, year, date, doc_type, payload) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    e.symbol,
                    e.digest,
                    e.session,
                    e.year,
                    e.ordinal,
                    e.doc_type,
                    json.dumps(e.payload(), ensure_ascii=False),
                ),
            )
            row = cur.lastrowid
            values = [("agenda_item", str(a)) for a in e.agenda_items]
            values += [("sender", s) for s in e.senders]
            values += [("language", lang.value) for lang in e.languages]
            self.db.executemany(
                "INSERT INTO doc_values VALUES (?, ?, ?)", [(row, f, v) for f, v in values]
            )
            self.db.execute(
                "INSERT INTO fts (rowid, t_ar, t_zh, t_en, t_fr, t_ru, t_es) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (row, *(e.terms(lang) for lang in LANGS)),
            )
            count += 1
        return count

    def _digests(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT symbol, digest FROM docs"))

    def _answer(self, request: Request, offset: int, limit: int) -> tuple[int, list, dict]:
        total, ranked = self._ranked(request, offset, limit)
        return total, ranked, self._facets(request)

    def _ranked(self, request: Request, offset: int, limit: int) -> tuple[int, list]:
        match = _fts_match(request.clauses)
        (total,) = self.db.execute(
            "SELECT count(*) FROM fts WHERE fts MATCH ?", (match,)
        ).fetchone()
        rows = self.db.execute(
            "SELECT d.payload, f.rank FROM fts f JOIN docs d ON d.id = f.rowid "
            "WHERE fts MATCH ? ORDER BY f.rank LIMIT ? OFFSET ?",
            (match, limit, offset),
        ).fetchall()
        return total, [(-rank, Entry.from_payload(json.loads(p))) for p, rank in rows]

    def _facets(self, request: Request) -> dict[str, dict[str, int]]:
        match = _fts_match(request.clauses)
        matched = "SELECT rowid FROM fts WHERE fts MATCH :m"
        out: dict[str, dict[str, int]] = {}
        for name in ("session", "year", "doc_type"):
            out[name] = {
                str(v): n
                for v, n in self.db.execute(
                    f"SELECT {name}, count(*) FROM docs WHERE id IN ({matched}) GROUP BY {name}",
                    {"m": match},
                )
            }
        for name in ("agenda_item", "sender"):
            out[name] = dict(
                self.db.execute(
                    f"SELECT value, count(*) FROM doc_values WHERE facet = '{name}' "
                    f"AND id IN ({matched}) GROUP BY value",
                    {"m": match},
                )
            )
        out["language"] = {
            lang.value: self.db.execute(
                "SELECT count(*) FROM fts WHERE fts MATCH ?", (_fts_match({lang: clauses}),)
            ).fetchone()[0]
            for lang, clauses in request.clauses.items()
        }
        return out


def _fts_match(clauses_by_lang: Mapping[Language, tuple[Clause, ...]]) -> str:
    return " OR ".join(
        f"{{t_{lang.value}}} : ("
        + " AND ".join("(" + " OR ".join(map(_fts_alt, c.alternatives)) + ")" for c in clauses)
        + ")"
        for lang, clauses in clauses_by_lang.items()
    )


def _fts_alt(alt: Alternative) -> str:
    if not alt.ordered:
        return "(" + " AND ".join(f'"{t}"' for t in alt.terms) + ")"
    phrase = '"' + " ".join(alt.terms) + '"'
    return phrase + ("*" if alt.prefix else "")


# -- measuring ----------------------------------------------------------------------


def percentile(samples: Sequence[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return (time.perf_counter() - start) * 1000


def ranked_call(index: SearchIndex, q: str) -> Callable[[], object]:
    request = _request(q)
    return lambda: index._ranked(request, 0, 10)


def size_of(index: SearchIndex, path: Path) -> int:
    if hasattr(index, "_engine"):
        import sqlalchemy as sa

        with index._engine.connect() as conn:
            return int(
                conn.execute(
                    sa.text(
                        "SELECT sum(pg_total_relation_size(relid)) FROM ("
                        " SELECT relid FROM pg_partition_tree('search_texts')"
                        " UNION ALL SELECT 'search_documents'::regclass) r"
                    )
                ).scalar_one()
            )
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def reference_ms() -> float:
    text = text_of(2)[1]
    samples = [timed(lambda: normalise.terms(text, Language.EN)) for _ in range(200)]
    return statistics.median(samples)


def measure(
    name: str, index: SearchIndex, path: Path, n: int, qs: dict[str, list[str]], runs: int
) -> dict[str, Any]:
    start = time.perf_counter()
    indexed = index.rebuild(_progress(name, documents(n), start))
    index_s = time.perf_counter() - start
    result: dict[str, Any] = {
        "engine": name,
        "docs": indexed,
        "index_s": round(index_s, 1),
        "size_mb": round(size_of(index, path) / 1e6, 1),
        "latency": {},
    }
    for kind, texts in qs.items():
        calls = {"ranked": [ranked_call(index, q) for q in texts]}
        calls["page"] = [lambda q=q: index.search(q) for q in texts]
        for call in calls["ranked"][:20] + calls["page"][:20]:
            call()  # warm caches
        for mode, funcs in calls.items():
            p50s, p99s, totals = [], [], []
            for _ in range(runs):
                samples = [timed(f) for f in funcs]
                p50s.append(percentile(samples, 0.5))
                p99s.append(percentile(samples, 0.99))
            if mode == "ranked":
                totals = [index._ranked(_request(q), 0, 1)[0] for q in texts]
                result.setdefault("matches", {})[kind] = statistics.median(totals)
            result["latency"][f"{kind}/{mode}"] = {
                "p50": round(statistics.median(p50s), 2),
                "p99": round(statistics.median(p99s), 2),
                "runs_p99": [round(x, 2) for x in p99s],
            }
    return result


def _progress(name: str, docs: Iterator[Document], start: float) -> Iterator[Document]:
    """The documents, saying on stderr how far indexing has gone every 100,000."""
    for i, doc in enumerate(docs, start=1):
        if i % 100_000 == 0:
            print(
                f"{name}: {i:,} documents read in {time.perf_counter() - start:.0f} s",
                file=sys.stderr,
                flush=True,
            )
        yield doc


def _request(q: str) -> Request:
    query = parse_query(q)
    return Request(query, {lang: query.clauses(lang) for lang in LANGS}, Filters())


def open_engine(
    name: str, workdir: Path, pg_url: str | None, pg_settings: dict[str, str], stack: ExitStack
) -> SearchIndex:
    if name == "fts5":
        return Fts5Index(workdir / "fts5")
    if name == "tantivy":
        from palais.search.embedded import TantivyIndex

        return TantivyIndex(workdir / "tantivy")
    if name == "postgres":
        from palais.search.postgres import PostgresIndex

        if pg_url is None:
            from tests.support.postgres import running_postgres

            server = stack.enter_context(running_postgres(pg_settings))
            pg_url = server.create_database()
        return PostgresIndex(pg_url)
    raise SystemExit(f"unknown engine {name!r}: fts5, tantivy or postgres")


def report(results: list[dict[str, Any]], ref: float) -> str:
    lines = [
        f"reference (normalise one 3 KB text): {ref:.3f} ms",
        "",
        "| engine | docs | index s | size MB |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {r['engine']} | {r['docs']:,} | {r['index_s']} | {r['size_mb']} |" for r in results
    ]
    lines += [
        "",
        "| engine | query | mode | p50 ms | p99 ms | p99/ref | matches (median) |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        for key, v in r["latency"].items():
            kind, mode = key.split("/")
            lines.append(
                f"| {r['engine']} | {kind} | {mode} | {v['p50']} | {v['p99']} | "
                f"{v['p99'] / ref:.1f} | {r['matches'][kind]:,.0f} |"
            )
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--engines", default="fts5,tantivy,postgres")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--workdir", type=Path)
    ap.add_argument("--pg-url")
    ap.add_argument(
        "--pg-shared-buffers",
        default="4GB",
        help="shared_buffers of the throwaway server (sized to hold the index, as a "
        "production server would be)",
    )
    ap.add_argument("--json", type=Path, help="append the results as one JSON line")
    args = ap.parse_args()
    qs = queries(args.docs, args.queries)
    results = []
    with ExitStack() as stack:
        workdir = args.workdir or Path(tempfile.mkdtemp(prefix="palais-search-bench-"))
        if args.workdir is None:
            stack.callback(shutil.rmtree, workdir, True)
        for name in args.engines.split(","):
            pg_settings = {"shared_buffers": args.pg_shared_buffers}
            index = open_engine(name, workdir, args.pg_url, pg_settings, stack)
            result = measure(name, index, workdir / name, args.docs, qs, args.runs)
            index.close()
            results.append(result)
            print(json.dumps(result), flush=True)
        ref = reference_ms()
    print(report(results, ref))
    if args.json:
        with args.json.open("a", encoding="utf-8") as out:
            out.write(json.dumps({"reference_ms": ref, "results": results}) + "\n")


if __name__ == "__main__":
    main()
