"""Readers against one node and against two nodes behind HAProxy (scripts/cluster.sh), and the
search results page of a node following a large store.

    python benchmarks/cluster.py [--docs 100000] [--readers 8] [--seconds 8] [--runs 3]
                                 [--queries 200] [--keep DIR] [--search-only]

Starts the cluster of scripts/cluster.sh on 127.0.0.1 (a PostgreSQL primary and its
streaming standby, pgbouncer, two ``palais serve`` nodes each with its own embedded
index, HAProxy) and puts ``--docs`` back-catalogue documents into the primary through
``palais import`` (the corpus of benchmarks/archive.py), with the nodes stopped: the
import's wall and CPU time. Then each node is started and catches up with the store
(from nothing, or from where its index was when it stopped): the wall time until it is
ready and level with the store's latest change, and the node's CPU time.

With ``--keep DIR`` the corpus, the store and the nodes' indexes stay in DIR (outside
the repository) for the next run, which imports only the documents missing: a store of
100,000 documents grows to 1,000,000 by importing the other 900,000. With
``--follow-during-import`` the nodes are started first and follow the import as it goes
(as a running cluster would): then the time each needs after the import's end to be level.

Then, each figure the median of ``--runs`` runs:

- the search results page, one client, ``--queries`` one-word queries from the corpus
  against node 1: p50 and p99, and their ratio to the reference measured in the same
  run, the latency of ``/health/live`` on node 1 (the HTTP stack alone);
- unless ``--search-only``: for each target (node 1 alone; HAProxy over both) and each
  page (a document's page, read from the standby; the search results page, from the
  node's index), ``--readers`` threads requesting it for ``--seconds``: requests per
  second, p50 and p99, and the ratio of two nodes to one; the reference is the rate of
  ``/health/live`` on node 1.

Beside each load, the load average and the CPU time used: by the nodes (each one's
process), by the client (this process) and by the whole machine (busy share of its
cores), since the machine may be shared and what else runs shows there.

Client, servers and databases share this machine's cores, so two nodes cannot
serve more than one here: the ratio two/one shows what HAProxy and a second
process cost, not what a second machine gains.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx
import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from archive import TEMPLATES, write_corpus  # noqa: E402

from tests.support.cluster import Cluster, kept_cluster  # noqa: E402

PASSWORD = "benchmark password"
PER_FOLDER = 100  # write_corpus puts 100 files in each sub-folder
STORE = ("primary", "standby", "pgbouncer")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


# -- what the machine and the nodes spent --------------------------------------------------

def machine_jiffies() -> tuple[int, int]:
    """(busy, total) clock ticks of all cores since boot, from /proc/stat."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


def process_cpu_s(pid: int) -> float:
    """User + system seconds of one process (all its threads) so far; 0 when it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Spent:
    """CPU time of the nodes, the client and the machine, and the load, over a block."""

    def __init__(self, cluster: Cluster, nodes: tuple[int, ...]) -> None:
        self.pids = {n: int((cluster.folder / f"node{n}.pid").read_text()) for n in nodes}

    def __enter__(self) -> Spent:
        self._nodes = {n: process_cpu_s(p) for n, p in self.pids.items()}
        self._client = time.process_time()
        self._machine = machine_jiffies()
        self._wall = time.monotonic()
        return self

    def __exit__(self, *exc: object) -> None:
        busy, total = machine_jiffies()
        self.result = {
            "node_cpu_s": {n: round(process_cpu_s(p) - self._nodes[n], 1)
                           for n, p in self.pids.items()},
            "client_cpu_s": round(time.process_time() - self._client, 1),
            "machine_busy": round((busy - self._machine[0]) / max(total - self._machine[1], 1), 2),
            "load": round(os.getloadavg()[0], 1),
            "wall_s": round(time.monotonic() - self._wall, 1),
        }


# -- building the store ------------------------------------------------------------------

def ensure_corpus(corpus: Path, docs: int) -> list[str]:
    """The corpus of ``docs`` files (written once; the first N of a larger one are the
    corpus of N, the generator being seeded); returns the query words."""
    marker = corpus / "count.json"
    if marker.exists():
        written = json.loads(marker.read_text())
        if written["count"] >= docs:
            return list(written["words"])
    corpus.mkdir(parents=True, exist_ok=True)
    words = write_corpus(corpus, docs)
    marker.write_text(json.dumps({"count": docs, "words": words}))
    return words


def store_env(cluster: Cluster, folder: Path) -> dict[str, str]:
    return {
        **cluster.env,
        "PALAIS_DATABASE_URL": cluster.database_url,
        "PALAIS_DATA_DIR": str(folder / "importer"),
        "PALAIS_FILES_DIR": str(cluster.folder / "files"),
        "PALAIS_SEARCH": "embedded",
    }


def issued_count(cluster: Cluster) -> int:
    with psycopg.connect(primary_dsn(cluster)) as conn:
        row = conn.execute("SELECT count(*) FROM submissions WHERE state = 'issued'").fetchone()
    return int(row[0]) if row else 0


def primary_dsn(cluster: Cluster) -> str:
    return f"host=127.0.0.1 port={cluster.base + 1} user=palais dbname=palais"


def import_missing(cluster: Cluster, folder: Path, corpus: Path, docs: int) -> dict[str, Any]:
    """``palais import`` of the corpus's documents the store does not hold yet (whole
    sub-folders, in order), the nodes stopped: wall and CPU time of the import's processes."""
    env = store_env(cluster, folder)
    subprocess.run(
        [sys.executable, "-m", "palais", "users", "add", "archivist", "--role", "officer",
         "--password-stdin"], input=PASSWORD, text=True, env=env, check=False,
        capture_output=True,
    )
    held = issued_count(cluster)
    subfolders = [str(corpus / f"{k:05d}") for k in range(held // PER_FOLDER, docs // PER_FOLDER)]
    if not subfolders:
        return {"imported": 0, "held": held}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    busy0, total0 = machine_jiffies()
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "palais", "import", *subfolders, "--as", "archivist"], env=env,
        capture_output=True, text=True, check=False,
    )
    wall = time.monotonic() - start
    busy, total = machine_jiffies()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"import failed ({done.returncode}): {done.stderr[-3000:]}")
    now_held = issued_count(cluster)
    return {
        "from": held, "to": now_held, "imported": now_held - held, "wall_s": round(wall, 1),
        "cpu_s": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 1),
        "docs_per_s": round((now_held - held) / wall, 1), "load_before": round(load, 1),
        "load_after": round(os.getloadavg()[0], 1),
        "machine_busy": round((busy - busy0) / max(total - total0, 1), 2),
        "report": done.stderr.strip().splitlines()[-1:],
    }


def batch_import(cluster: Cluster, folder: Path, corpus: Path, docs: int) -> dict[str, Any]:
    """The corpus's missing documents through the back catalogue's batch use case
    (``Registry.import_documents``, 200 a transaction, as ``palais import`` stores them)
    without parsing each file: the eight templates are parsed once, and each file goes in
    as its template's document under the file's own symbol, with the file's own text as
    its searchable text (what the index holds is the same as after ``palais import``; the
    stored record's body paragraphs are the template's: checked against the parser on the
    first files). For a store larger than the time to parse it allows; its rate is the
    store's, not the parser's."""
    from dataclasses import replace

    from palais.model import Format
    from palais.parse.batch import parse_file
    from palais.registry import Registry
    from palais.registry.values import Legacy
    from palais.settings import Settings
    from palais.symbols import Symbol

    def path_of(k: int) -> Path:
        return corpus / f"{k // PER_FOLDER:05d}" / f"{k:07d}.txt"

    def legacy(k: int) -> Legacy:
        data = path_of(k).read_bytes()
        j = k % len(TEMPLATES)
        symbol = Symbol.parse(TEMPLATES[j][2].format(n=k // len(TEMPLATES) + 1))
        document = replace(parsed[j], symbol=symbol)
        return Legacy(str(path_of(k)), data, Format.TXT, document, data.decode("utf-8"))

    held = issued_count(cluster)
    start = max(held - 2 * 200, 0)  # an interrupted import's last batches, met as "already"
    registry = Registry.open(Settings(
        database_url=cluster.database_url, data_dir=folder / "importer",
        files_dir=cluster.folder / "files",
    ))
    parsed = {}
    for j in range(len(TEMPLATES)):
        template = parse_file(path_of(j))
        assert template.document is not None, template.error
        parsed[j] = template.document
    for k in range(start, start + len(TEMPLATES)):  # the parser's document but the body
        made, real = legacy(k).document, parse_file(path_of(k)).document
        assert real is not None and replace(made, parts=real.parts) == real, f"file {k}"
    actor = registry.actor("archivist")
    load, cpu, busy0 = os.getloadavg()[0], time.process_time(), machine_jiffies()
    started = time.monotonic()
    try:
        for first in range(start, docs, 200):
            registry.import_documents(actor, [legacy(k) for k in range(first, min(first + 200,
                                                                                    docs))])
            if first % 50_000 == 0:
                print(json.dumps({"batch import at": first, "s": round(
                    time.monotonic() - started, 1), "load": os.getloadavg()[0]}), flush=True)
    finally:
        registry.close()
    wall = time.monotonic() - started
    busy, total = machine_jiffies()
    now_held = issued_count(cluster)
    return {
        "from": held, "to": now_held, "imported": now_held - held, "wall_s": round(wall, 1),
        "cpu_s": round(time.process_time() - cpu, 1),
        "docs_per_s": round((now_held - held) / wall, 1), "load_before": round(load, 1),
        "load_after": round(os.getloadavg()[0], 1),
        "machine_busy": round((busy - busy0[0]) / max(total - busy0[1], 1), 2),
        "path": "Registry.import_documents, templates parsed once",
    }


def health(url: str) -> dict[str, Any]:
    body: dict[str, Any] = httpx.get(f"{url}/health/ready", timeout=30).json()
    return body


def start_node(cluster: Cluster, n: int) -> dict[str, Any]:
    """Start node ``n`` and wait until its index is level with the store: how long that
    took, and the node's CPU time (its catch-up runs before it listens)."""
    load = os.getloadavg()[0]
    start = time.monotonic()
    cluster.run("start", f"node{n}", timeout=None)
    ready = time.monotonic() - start
    url = cluster.node_url(n)
    while health(url).get("index", {}).get("behind") != 0:
        time.sleep(0.2)
    level = time.monotonic() - start
    pid = int((cluster.folder / f"node{n}.pid").read_text())
    return {"node": n, "ready_s": round(ready, 1), "level_s": round(level, 1),
            "node_cpu_s": round(process_cpu_s(pid), 1), "load_before": round(load, 1),
            "load_after": round(os.getloadavg()[0], 1), "latest": health(url)["store"]}


def wait_level(cluster: Cluster, n: int) -> dict[str, Any]:
    """Wait until node ``n``, which followed an import, is level with the store."""
    pid = int((cluster.folder / f"node{n}.pid").read_text())
    cpu, start = process_cpu_s(pid), time.monotonic()
    while (behind := health(cluster.node_url(n)).get("index", {}).get("behind")) != 0:
        time.sleep(0.5)
    return {"node": n, "after_import_s": round(time.monotonic() - start, 1),
            "node_cpu_s": round(process_cpu_s(pid) - cpu, 1), "behind": behind}


def sample_symbols(cluster: Cluster, count: int) -> list[str]:
    with psycopg.connect(primary_dsn(cluster)) as conn:
        found = conn.execute(
            "SELECT symbol FROM submissions WHERE state = 'issued' ORDER BY random() LIMIT %s",
            (count,),
        ).fetchall()
    return [row[0] for row in found]


# -- measuring ---------------------------------------------------------------------------

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


def sequential(url: str, paths: list[str]) -> dict[str, Any]:
    """One client GETting each of ``paths`` once, in turn: p50 and p99 in ms."""
    latencies = []
    with httpx.Client(base_url=url, timeout=60) as client:
        client.get(paths[0])
        for path in paths:
            t = time.perf_counter()
            answer = client.get(path)
            latencies.append(1000 * (time.perf_counter() - t))
            if answer.status_code != 200:
                raise SystemExit(f"{path}: {answer.status_code} {answer.text[:300]}")
    return {"p50_ms": percentile(latencies, 0.5), "p99_ms": percentile(latencies, 0.99),
            "max_ms": max(latencies), "latencies": latencies}


def han_run(word: str) -> bool:
    """A word of five or more Han characters: the corpus's "words" (runs of word
    characters) include whole Chinese sentences, which search as a phrase of four or
    more bigrams, not as one word."""
    return len(word) >= 5 and all("\u4e00" <= c <= "\u9fff" for c in word)


def search_latency(
    cluster: Cluster, words: list[str], args: argparse.Namespace
) -> dict[str, Any]:
    """The search results page, one client against node 1, with its reference."""
    rng = random.Random(11)
    queries = [f"/search?q={rng.choice(words)}" for _ in range(args.queries)]
    url = cluster.node_url(1)
    words_only = [k for k, q in enumerate(queries) if not han_run(q.split("=", 1)[1])]
    runs, refs, spent, word_runs = [], [], [], []
    for _ in range(args.runs):
        with Spent(cluster, (1,)) as used:
            refs.append(sequential(url, ["/health/live"] * 200)["p50_ms"])
            run = sequential(url, queries)
        latencies = run.pop("latencies")
        plain = [latencies[k] for k in words_only]
        runs.append(run)
        word_runs.append({"p50_ms": percentile(plain, 0.5), "p99_ms": percentile(plain, 0.99)})
        spent.append(used.result)
        print(json.dumps({"search page": run, "without Han runs": word_runs[-1],
                          "reference_ms": refs[-1], **used.result}), flush=True)
    ref = statistics.median(refs)
    p50 = statistics.median(r["p50_ms"] for r in runs)
    p99 = statistics.median(r["p99_ms"] for r in runs)
    return {"reference_ms": ref, "p50_ms": p50, "p99_ms": p99, "p99_runs": [
        round(r["p99_ms"], 1) for r in runs], "p99_over_reference": p99 / ref, "spent": spent,
        "queries": len(queries), "han_runs": len(queries) - len(words_only),
        "words_p50_ms": statistics.median(r["p50_ms"] for r in word_runs),
        "words_p99_ms": statistics.median(r["p99_ms"] for r in word_runs),
        "words_p99_runs": [round(r["p99_ms"], 1) for r in word_runs]}


def readers(
    cluster: Cluster, symbols: list[str], words: list[str], args: argparse.Namespace
) -> None:
    rng = random.Random(7)
    pages = {
        "document": [f"/documents/{rng.choice(symbols)}" for _ in range(500)],
        "search": [f"/search?q={rng.choice(words)}" for _ in range(500)],
    }
    targets = {"one node": cluster.node_url(1), "two nodes (HAProxy)": cluster.url}
    results: dict[tuple[str, str], list[dict[str, Any]]] = {}
    refs = []
    for _ in range(args.runs):
        refs.append(load(cluster.node_url(1), ["/health/live"], args.readers, 3)["rps"])
        for page, paths in pages.items():
            for target, url in targets.items():
                with Spent(cluster, (1, 2)) as used:
                    run = load(url, paths, args.readers, args.seconds)
                results.setdefault((page, target), []).append({**run, **used.result})
                print(json.dumps({"page": page, "target": target, **run, **used.result}),
                      flush=True)
    ref = statistics.median(refs)
    print()
    print(f"{args.readers} readers; {args.seconds:.0f} s per run; median of {args.runs} runs")
    print(f"reference (/health/live on one node, median): {ref:.0f} requests/s")
    print("| page | target | requests/s | p50 ms | p99 ms | failed | requests/s / reference "
          "| node CPU s (1, 2) | client CPU s | machine busy | load |")
    print("|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|")
    medians: dict[tuple[str, str], dict[str, float]] = {}
    for (page, target), runs in results.items():
        m = {k: statistics.median(r[k] for r in runs) for k in ("rps", "p50_ms", "p99_ms")}
        m["failed"] = sum(r["failed"] for r in runs)
        medians[(page, target)] = m
        cpu = [statistics.median(r["node_cpu_s"][n] for r in runs) for n in (1, 2)]
        client = statistics.median(r["client_cpu_s"] for r in runs)
        busy = statistics.median(r["machine_busy"] for r in runs)
        loads = [r["load"] for r in runs]
        print(f"| {page} | {target} | {m['rps']:.0f} | {m['p50_ms']:.1f} | {m['p99_ms']:.1f} "
              f"| {m['failed']:.0f} | {m['rps'] / ref:.2f} | {cpu[0]:.1f}, {cpu[1]:.1f} "
              f"| {client:.1f} | {busy:.0%} | {min(loads):.1f}-{max(loads):.1f} |")
    for page in pages:
        two, one = medians[(page, "two nodes (HAProxy)")], medians[(page, "one node")]
        print(f"{page}: two/one requests/s {two['rps'] / one['rps']:.2f}, "
              f"p50 {two['p50_ms'] / one['p50_ms']:.2f}, p99 {two['p99_ms'] / one['p99_ms']:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--readers", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=8.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--keep", type=Path, help="folder kept for the next run (the corpus, "
                    "the store, the indexes), outside the repository")
    ap.add_argument("--search-only", action="store_true",
                    help="node 1 only: the search page's latency, no reader load")
    ap.add_argument("--batch-import", action="store_true",
                    help="store the documents through the batch use case, the templates "
                    "parsed once (with --follow-during-import)")
    ap.add_argument("--follow-during-import", action="store_true",
                    help="start the nodes before the import: they follow it as it goes")
    args = ap.parse_args()
    os.environ.setdefault("CLUSTER_READY_TIMEOUT", "36000")
    with ExitStack() as stack:
        if args.keep is None:
            folder = Path(tempfile.mkdtemp(prefix="palais-bench-cluster-"))
            folder.chmod(0o755)  # the PostgreSQL servers run as their own user
            stack.callback(shutil.rmtree, folder, ignore_errors=True)
        else:
            folder = args.keep.resolve()
        words = ensure_corpus(folder / "corpus", args.docs)
        cluster = stack.enter_context(kept_cluster(folder / "cluster", *STORE))
        if args.keep is None:
            stack.callback(cluster.run, "clean")
        nodes = (1,) if args.search_only else (1, 2)
        if args.follow_during_import:
            for n in nodes:
                print(json.dumps({"catch-up": start_node(cluster, n)}), flush=True)
            load_store = batch_import if args.batch_import else import_missing
            with Spent(cluster, nodes) as used:
                imported = load_store(cluster, folder, folder / "corpus", args.docs)
            print(json.dumps({"import": imported, "nodes following": used.result}), flush=True)
            for n in nodes:
                print(json.dumps({"level after the import": wait_level(cluster, n)}), flush=True)
        else:
            imported = import_missing(cluster, folder, folder / "corpus", args.docs)
            print(json.dumps({"import": imported}), flush=True)
            for n in nodes:
                print(json.dumps({"catch-up": start_node(cluster, n)}), flush=True)
        held = issued_count(cluster)
        print(f"{held} documents in the store", flush=True)
        found = search_latency(cluster, words, args)
        print(json.dumps({"search page (one client, node 1)": found}), flush=True)
        print(f"search page at {held} documents, one client: p50 {found['p50_ms']:.1f} ms, "
              f"p99 {found['p99_ms']:.1f} ms (runs {found['p99_runs']}); reference "
              f"{found['reference_ms']:.2f} ms; p99 / reference {found['p99_over_reference']:.0f}; "
              f"without the {found['han_runs']} Han runs of 5+ characters: p50 "
              f"{found['words_p50_ms']:.1f} ms, p99 {found['words_p99_ms']:.1f} ms "
              f"(runs {found['words_p99_runs']})")
        if not args.search_only:
            cluster.run("start", "haproxy")
            readers(cluster, sample_symbols(cluster, 500), words, args)


if __name__ == "__main__":
    main()
