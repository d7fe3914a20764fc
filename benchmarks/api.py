"""HTTP API throughput: registrations per second and latency of reads by symbol.

Starts a real uvicorn server on 127.0.0.1 over a fresh SQLite file and a fresh
PostgreSQL database, and for each:

* registers N submissions from C concurrent client threads and reports
  registrations per second;
* issues three copies of the 2019 seed (translations supplied, six languages
  composed in four formats) and reads them by symbol from C threads, the metadata
  (``GET /api/documents/<symbol>``) and a PDF (``.../ru.pdf``), reporting the
  p50 and p99 latency of each;
* as the reference measured in the same run, ``GET /openapi.json`` (served from
  memory, no store access), so the ratio says what the store and the registry
  add over the bare HTTP stack.

Each figure is the median of ``--runs`` runs. Usage::

    .venv/bin/python -m benchmarks.api [--runs 3] [--count 200] [--threads 8]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from palais.compose import missing_translations
from palais.publish.issuing import issue_document
from tests.support.postgres import running_postgres
from tests.support.records import sample_translation
from tests.web.harness import RECORD, SEEDS, Backend, PreparedStore, prepared_store
from tests.web.live import live_server


def _timed(calls: list[Callable[[], None]], threads: int) -> tuple[float, list[float]]:
    latencies: list[float] = []

    def run(call: Callable[[], None]) -> None:
        start = time.perf_counter()
        call()
        latencies.append(time.perf_counter() - start)

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        list(pool.map(run, calls))
    return time.perf_counter() - start, latencies


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def issue_some(store: PreparedStore, how_many: int) -> list[str]:
    """Submit the 2019 seed ``how_many`` times, register, translate and issue each."""
    registry = store.open_registry()
    officer = store.actor(registry, "officer")
    mission = store.actor(registry, "mission")
    seed = SEEDS / "ru_a_hrc_41_2019.txt"
    symbols = []
    try:
        for _ in range(how_many):
            sid = registry.submit_file(mission, seed.name, seed.read_bytes()).id
            doc = registry.register(officer, sid).document
            for lang, keys in missing_translations(doc).items():
                for key in keys:
                    registry.set_translation(officer, sid, key, lang, sample_translation(lang, key))
            symbols.append(str(issue_document(registry, officer, sid).symbol))
    finally:
        registry.close()
    return symbols


def one_run(store: PreparedStore, workdir: Path, count: int, threads: int) -> dict[str, float]:
    with live_server(store.env, workdir / "server.log") as server:
        client = httpx.Client(base_url=server.base_url, timeout=60, limits=httpx.Limits(
            max_connections=threads * 2))
        mission = {"Authorization": f"Bearer {store.tokens['mission']}"}
        officer = {"Authorization": f"Bearer {store.tokens['officer']}"}
        ids = [
            client.post("/api/submissions", json={"record": RECORD}, headers=mission).json()["id"]
            for _ in range(count)
        ]

        def register(sid: int) -> Callable[[], None]:
            def call() -> None:
                r = client.post(f"/api/submissions/{sid}/registration", headers=officer)
                r.raise_for_status()
            return call

        elapsed, _ = _timed([register(s) for s in ids], threads)
        symbols = issue_some(store, 3)

        def read(path: str) -> Callable[[], None]:
            def call() -> None:
                client.get(path).raise_for_status()
            return call

        reads = count * 2
        meta = [read(f"/api/documents/{symbols[i % len(symbols)]}") for i in range(reads)]
        pdfs = [read(f"/api/documents/{symbols[i % len(symbols)]}/ru.pdf") for i in range(reads)]
        _, meta_latency = _timed(meta, threads)
        _, pdf_latency = _timed(pdfs, threads)
        _, refs = _timed([read("/openapi.json")] * reads, threads)
        client.close()
    return {
        "registrations_per_s": count / elapsed,
        "read_p50_ms": _percentile(meta_latency, 0.5) * 1000,
        "read_p99_ms": _percentile(meta_latency, 0.99) * 1000,
        "pdf_p50_ms": _percentile(pdf_latency, 0.5) * 1000,
        "pdf_p99_ms": _percentile(pdf_latency, 0.99) * 1000,
        "ref_p50_ms": _percentile(refs, 0.5) * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()
    with running_postgres() as pg:
        backends = {
            "sqlite": lambda d: prepared_store(Backend("sqlite"), d),
            "postgresql": lambda d: prepared_store(Backend("postgresql", pg.create_database()), d),
        }
        print(f"count={args.count} threads={args.threads} runs={args.runs} (medians)")
        print(
            "| store | registrations/s | metadata p50 / p99 ms | PDF p50 / p99 ms "
            "| reference p50 ms | metadata p50 / reference |"
        )
        print("|---|---|---|---|---|---|")
        for name, make in backends.items():
            runs = []
            for _ in range(args.runs):
                with tempfile.TemporaryDirectory() as tmp:
                    store = make(Path(tmp))
                    runs.append(one_run(store, Path(tmp), args.count, args.threads))
            med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
            rates = ", ".join(f"{r['registrations_per_s']:.0f}" for r in runs)
            print(
                f"| {name} | {med['registrations_per_s']:.0f} ({rates}) | "
                f"{med['read_p50_ms']:.1f} / {med['read_p99_ms']:.1f} | "
                f"{med['pdf_p50_ms']:.1f} / {med['pdf_p99_ms']:.1f} | {med['ref_p50_ms']:.1f} | "
                f"{med['read_p50_ms'] / med['ref_p50_ms']:.2f} |"
            )


if __name__ == "__main__":
    main()
