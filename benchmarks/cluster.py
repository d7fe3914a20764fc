"""Readers against one node and against two nodes behind HAProxy (scripts/cluster.sh).

    python benchmarks/cluster.py [--docs 2000] [--readers 8] [--seconds 8] [--runs 3]

Starts the cluster of scripts/cluster.sh on free ports of 127.0.0.1 (a PostgreSQL
primary and its streaming standby, pgbouncer, two ``palais serve`` nodes each with
its own embedded index, HAProxy), imports ``--docs`` back-catalogue documents
through ``palais import`` (the corpus of benchmarks/archive.py) into the primary,
waits until both nodes' indexes have followed the store, then for each target
(node 1 alone; HAProxy over both) and each page (a document's page, read from the
standby; the search results page, from the node's index) runs ``--readers``
threads requesting it for ``--seconds``: requests per second, p50 and p99. Each
figure is the median of ``--runs`` runs; the reference, measured in the same run,
is the rate of ``/health/live`` on node 1 (the HTTP stack alone).

Client, servers and databases share this machine's cores, so two nodes cannot
serve more than one here: the ratio two/one shows what HAProxy and a second
process cost, not what a second machine gains.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import ExitStack
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from archive import write_corpus  # noqa: E402

from tests.support.cluster import Cluster, running_cluster  # noqa: E402

PASSWORD = "benchmark password"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def load(url: str, paths: list[str], readers: int, seconds: float) -> dict[str, float]:
    """``readers`` threads GETting ``paths`` in turn for ``seconds``."""
    latencies: list[float] = []
    failures = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def read(k: int) -> None:
        mine: list[float] = []
        with httpx.Client(base_url=url, timeout=30) as client:
            n = k
            while time.monotonic() < deadline:
                n += 1
                t = time.perf_counter()
                ok = client.get(paths[n % len(paths)]).status_code == 200
                mine.append(time.perf_counter() - t)
                if not ok:
                    with lock:
                        failures[0] += 1
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=read, args=(k,)) for k in range(readers)]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - start
    return {
        "rps": len(latencies) / elapsed,
        "p50_ms": 1000 * percentile(latencies, 0.5),
        "p99_ms": 1000 * percentile(latencies, 0.99),
        "failed": failures[0],
    }


def populate(cluster: Cluster, docs: int, folder: Path) -> tuple[list[str], list[str]]:
    """Import ``docs`` documents into the primary; returns (symbols, query words)."""
    env = {
        **cluster.env,
        "PALAIS_DATABASE_URL": cluster.database_url,
        "PALAIS_DATA_DIR": str(folder / "importer"),
        "PALAIS_FILES_DIR": str(cluster.folder / "files"),
        "PALAIS_SEARCH": "embedded",
    }
    corpus = folder / "corpus"
    corpus.mkdir()
    words = write_corpus(corpus, docs)
    python = sys.executable
    subprocess.run(
        [python, "-m", "palais", "users", "add", "archivist", "--role", "officer",
         "--password-stdin"], input=PASSWORD, text=True, env=env, check=True,
        capture_output=True,
    )
    subprocess.run(
        [python, "-m", "palais", "import", str(corpus), "--as", "archivist"], env=env,
        check=True, capture_output=True,
    )
    exported = subprocess.run(
        [python, "-m", "palais", "export", "--format", "jsonl"], env=env, check=True,
        capture_output=True, text=True,
    ).stdout
    symbols = [json.loads(line)["symbol"] for line in exported.splitlines() if line.strip()]
    return symbols, words


def wait_followed(cluster: Cluster, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    for n in (1, 2):
        while True:
            ready = httpx.get(f"{cluster.node_url(n)}/health/ready", timeout=10).json()
            if ready.get("index", {}).get("behind") == 0:
                break
            if time.monotonic() > deadline:
                raise RuntimeError(f"node {n} did not follow the store: {ready}")
            time.sleep(0.5)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--readers", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=8.0)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="palais-bench-cluster-"))
    with ExitStack() as stack:
        stack.callback(shutil.rmtree, folder, ignore_errors=True)
        cluster = stack.enter_context(running_cluster())
        started = time.monotonic()
        symbols, words = populate(cluster, args.docs, folder)
        wait_followed(cluster)
        print(f"{len(symbols)} documents imported and followed by both nodes in "
              f"{time.monotonic() - started:.1f} s", flush=True)
        rng = random.Random(7)
        pages = {
            "document": [f"/documents/{rng.choice(symbols)}" for _ in range(500)],
            "search": [f"/search?q={rng.choice(words)}" for _ in range(500)],
        }
        targets = {"one node": cluster.node_url(1), "two nodes (HAProxy)": cluster.url}
        results: dict[tuple[str, str], list[dict[str, float]]] = {}
        refs = []
        for _ in range(args.runs):
            refs.append(load(cluster.node_url(1), ["/health/live"], args.readers, 3)["rps"])
            for page, paths in pages.items():
                for target, url in targets.items():
                    run = load(url, paths, args.readers, args.seconds)
                    results.setdefault((page, target), []).append(run)
                    print(json.dumps({"page": page, "target": target, **run}), flush=True)
    ref = statistics.median(refs)
    print()
    print(f"{len(symbols)} documents; {args.readers} readers; {args.seconds:.0f} s per run; "
          f"median of {args.runs} runs")
    print(f"reference (/health/live on one node, median): {ref:.0f} requests/s")
    print("| page | target | requests/s | p50 ms | p99 ms | failed | requests/s / reference |")
    print("|---|---|---:|---:|---:|---:|---:|")
    medians: dict[tuple[str, str], dict[str, float]] = {}
    for (page, target), runs in results.items():
        m = {k: statistics.median(r[k] for r in runs) for k in ("rps", "p50_ms", "p99_ms")}
        m["failed"] = sum(r["failed"] for r in runs)
        medians[(page, target)] = m
        print(f"| {page} | {target} | {m['rps']:.0f} | {m['p50_ms']:.1f} | {m['p99_ms']:.1f} "
              f"| {m['failed']:.0f} | {m['rps'] / ref:.2f} |")
    for page in pages:
        two, one = medians[(page, "two nodes (HAProxy)")], medians[(page, "one node")]
        print(f"{page}: two/one requests/s {two['rps'] / one['rps']:.2f}, "
              f"p99 {two['p99_ms'] / one['p99_ms']:.2f}")


if __name__ == "__main__":
    main()
