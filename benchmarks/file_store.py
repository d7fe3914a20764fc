"""The shared file store of a cluster: a folder every node mounts, or a table in the store?

    python benchmarks/file_store.py [--files 300] [--size 65536] [--reads 2000] [--runs 3]

Writes ``--files`` files of ``--size`` random bytes (an issued PDF is 30-120 KB),
each made durable, then reads ``--reads`` of them at random, into:

- the content-addressed folder (:class:`palais.store.BlobStore`: temporary file,
  fsync, rename, fsync of the folder) on this machine's disk;
- a ``bytea`` table in PostgreSQL (one ``INSERT`` per file, committed with
  ``synchronous_commit=on`` and ``fsync=on``; reads by primary key), on a
  server this script starts, over TCP on 127.0.0.1.

Each figure is the median of ``--runs`` runs; the reference, measured in the same
run, is one ``SELECT 1`` round trip to the same server. What a network file
system adds to the folder (NFS round trips) is not measured here: see
docs/decisions.md.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from palais.store import BlobStore  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def folder_run(files: list[bytes], reads: int) -> dict[str, float]:
    root = Path(tempfile.mkdtemp(prefix="palais-files-"))
    try:
        store = BlobStore(root)
        start = time.perf_counter()
        digests = [store.put(data) for data in files]
        write_s = time.perf_counter() - start
        latencies = []
        rng = random.Random(1)
        for _ in range(reads):
            digest = rng.choice(digests)
            t = time.perf_counter()
            store.get(digest)
            latencies.append(time.perf_counter() - t)
        return {"write_ms": write_s * 1000 / len(files), "read_p50_ms": 1000 * percentile(
            latencies, 0.5), "read_p99_ms": 1000 * percentile(latencies, 0.99)}
    finally:
        shutil.rmtree(root, ignore_errors=True)


def table_run(dsn: str, files: list[bytes], reads: int) -> dict[str, float]:
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS blobs")
        conn.execute("CREATE TABLE blobs (id serial PRIMARY KEY, data bytea NOT NULL)")
        start = time.perf_counter()
        ids = [
            conn.execute("INSERT INTO blobs (data) VALUES (%s) RETURNING id", (data,))
            .fetchone()[0]  # type: ignore[index]
            for data in files
        ]
        write_s = time.perf_counter() - start
        latencies = []
        rng = random.Random(1)
        for _ in range(reads):
            key = rng.choice(ids)
            t = time.perf_counter()
            conn.execute("SELECT data FROM blobs WHERE id = %s", (key,)).fetchone()
            latencies.append(time.perf_counter() - t)
        ref = []
        for _ in range(200):
            t = time.perf_counter()
            conn.execute("SELECT 1").fetchone()
            ref.append(time.perf_counter() - t)
    return {"write_ms": write_s * 1000 / len(files), "read_p50_ms": 1000 * percentile(
        latencies, 0.5), "read_p99_ms": 1000 * percentile(latencies, 0.99),
        "ref_ms": 1000 * statistics.median(ref)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=300)
    ap.add_argument("--size", type=int, default=65536)
    ap.add_argument("--reads", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    from tests.support.postgres import running_postgres

    files = [os.urandom(args.size) for _ in range(args.files)]
    durable = {"fsync": "on", "synchronous_commit": "on", "full_page_writes": "on"}
    with running_postgres(durable) as server:
        dsn = f"host=127.0.0.1 port={server.port} user=palais dbname=postgres"
        folder = [folder_run(files, args.reads) for _ in range(args.runs)]
        table = [table_run(dsn, files, args.reads) for _ in range(args.runs)]
    ref = statistics.median(r["ref_ms"] for r in table)
    print(f"{args.files} files of {args.size} bytes, {args.reads} reads, median of {args.runs}")
    print(f"reference (SELECT 1 round trip): {ref:.3f} ms")
    print("| store | write ms/file | read p50 ms | read p99 ms | read p50 / reference |")
    print("|---|---:|---:|---:|---:|")
    for name, runs in (("folder (BlobStore)", folder), ("PostgreSQL bytea table", table)):
        m = {k: statistics.median(r[k] for r in runs) for k in ("write_ms", "read_p50_ms",
                                                             "read_p99_ms")}
        print(f"| {name} | {m['write_ms']:.2f} | {m['read_p50_ms']:.3f} | "
              f"{m['read_p99_ms']:.3f} | {m['read_p50_ms'] / ref:.1f} |")


if __name__ == "__main__":
    main()
