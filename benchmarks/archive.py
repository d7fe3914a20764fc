"""The whole archive at 10,000 and 100,000 documents, built and read as users do.

    python benchmarks/archive.py [--docs 10000,100000] [--stores sqlite,postgres]
                                 [--queries 200] [--runs 3] [--keep DIR]

For each size, a folder of back-catalogue documents is written: texts as
extracted from UN PDFs, made from the two seeds and the parse fixtures (six
languages: Arabic, Chinese, English, French, Russian and Spanish), each with its
own symbol, date and a paragraph of words drawn from the corpus so that no two
texts are alike. Then, for each store (SQLite with the embedded index,
PostgreSQL with its own search tables, on a server this script starts), every
step runs as its own process, through the same code a user's command takes:

- ``palais import FOLDER``: import rate (documents per second);
- ``palais search rebuild``: the index made again from the store;
- app start-up: ``create_app`` over the store with a current index (the
  start-up check is one query), then the first page served;
- ``palais export --format jsonl``: every issued document's metadata;
- the search results page (``GET /search?q=...``, in process over HTTP with
  Starlette's test client): p50 and p99 over ``--queries`` queries of words
  from the corpus;
- the peak resident memory of each step's processes.

Every timing is the median of ``--runs`` runs (the import, which changes the
store, runs once per store and size). The reference, measured in the same run,
is the wall time of ``python -c pass`` (a process start); the ratios of the
costs at 100,000 to those at 10,000 show whether they grow linearly (10x).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
PASSWORD = "benchmark password"

# Templates: (file, pattern of the symbol printed on it, the symbol's form with {s} and {n},
# lines put before the text when it prints no masthead of its own).
_MASTHEADS = {
    "ru": "Организация Объединенных Наций {symbol}\nГенеральная Ассамблея Distr.: General\n"
          "17 June 2019\nRussian\nOriginal: Russian\n\n",
    "fr": "Nations Unies {symbol}\nAssemblée générale Distr. générale\n14 juin 2021\n"
          "Français\nOriginal : français\n\n",
}
TEMPLATES = [
    ("seeds/ru_a_hrc_41_2019.txt", None, "A/HRC/41/G/{n}", "ru"),
    ("seeds/fr_hrc_47_2021.txt", None, "A/HRC/47/G/{n}", "fr"),
    ("parse/es_nota_hrc.txt", r"A/HRC/45/G/3", "A/HRC/45/G/{n}", None),
    ("parse/zh_note_hrc.txt", r"A/HRC/43/G/9", "A/HRC/43/G/{n}", None),
    ("parse/ar_letter_ga.txt", r"A/74/555", "A/74/{n}", None),
    ("parse/en_letter_sc.txt", r"S/2015/123", "S/2015/{n}", None),
    ("parse/fr_report_crc.txt", r"CRC/C/FRA/CO/5", "CRC/C/FRA/CO/{n}", None),
    ("parse/ru_letter_chr.txt", r"E/CN\.4/2004/12", "E/CN.4/2004/{n}", None),
]
WORDS = re.compile(r"\w{5,}", re.UNICODE)


def write_corpus(folder: Path, count: int, seed: int = 7) -> list[str]:
    """``count`` text files in ``folder`` (100 a sub-folder); returns query words."""
    rng = random.Random(seed)
    templates = []
    vocabulary: list[str] = []
    for name, pattern, form, masthead in TEMPLATES:
        text = (FIXTURES / name).read_text(encoding="utf-8")
        words = WORDS.findall(text)
        vocabulary += words
        templates.append((text, pattern, form, masthead, words))
    for k in range(count):
        text, pattern, form, masthead, words = templates[k % len(templates)]
        symbol = form.format(n=k // len(templates) + 1)
        body = re.sub(pattern, symbol, text, count=1) if pattern else text
        if masthead:
            body = _MASTHEADS[masthead].format(symbol=symbol) + body
        extra = " ".join(rng.choice(words) for _ in range(40))
        sub = folder / f"{k // 100:05d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{k:07d}.txt").write_text(f"{body}\n\n{extra}.\n", encoding="utf-8")
    return sorted(set(vocabulary))


def measured(command: list[str], env: dict[str, str]) -> dict[str, Any]:
    """Run ``command`` in a child that reports the peak memory of its processes."""
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
        "wall = time.perf_counter() - start\n"
        "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "sys.stderr.write(done.stderr.decode()[-2000:])\n"
        "print(wall, rss, done.returncode)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", wrapper, *command], env=env, capture_output=True, text=True,
        check=True,
    )
    wall, rss, code = out.stdout.split()
    if int(code) not in (0, 1):
        raise SystemExit(f"{command} failed ({code}): {out.stderr}")
    return {"s": float(wall), "rss_mb": int(rss) / 1024, "stderr": out.stderr}


_SERVE = """
import json, statistics, sys, time
start = time.perf_counter()
from fastapi.testclient import TestClient
from palais.settings import Settings
from palais.web.app import create_app
imported = time.perf_counter()
app = create_app(Settings.load())
created = time.perf_counter()
words = json.loads(sys.argv[1])
latencies = []
with TestClient(app) as client:
    first = client.get("/search", params={"q": words[0]})
    assert first.status_code == 200, first.text[:300]
    ready = time.perf_counter()
    for word in words:
        t = time.perf_counter()
        page = client.get("/search", params={"q": word})
        latencies.append((time.perf_counter() - t) * 1000)
        assert page.status_code == 200
import resource
print(json.dumps({
    "import_s": imported - start, "create_app_s": created - imported,
    "first_page_s": ready - created, "latencies": latencies,
    "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


def serve(env: dict[str, str], words: list[str]) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-c", _SERVE, json.dumps(words)], env=env, capture_output=True,
        text=True, check=False,
    )
    if out.returncode != 0:
        raise SystemExit(f"serving failed: {out.stderr[-3000:]}")
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def reference(runs: int) -> float:
    """Wall seconds of ``python -c pass``: a process start on this machine, now."""
    times = []
    for _ in range(max(runs, 5)):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def one_store(
    store: str, docs: int, corpus: Path, words: list[str], args: argparse.Namespace,
    stack: ExitStack,
) -> dict[str, Any]:
    data = Path(tempfile.mkdtemp(prefix=f"palais-archive-{store}-{docs}-", dir=args.workdir))
    stack.callback(shutil.rmtree, data, ignore_errors=True)
    env = {**os.environ, "PALAIS_DATA_DIR": str(data), "PYTHONPATH": str(ROOT),
           "PALAIS_ARGON2_MEMORY_KIB": "1024", "PALAIS_ARGON2_TIME_COST": "1"}
    if store == "postgres":
        env["PALAIS_DATABASE_URL"] = postgres_url(stack)
    subprocess.run(
        [sys.executable, "-m", "palais", "users", "add", "archivist", "--role", "officer",
         "--password-stdin"], input=PASSWORD, text=True, env=env, check=True,
        capture_output=True,
    )
    result: dict[str, Any] = {"store": store, "docs": docs}
    imported = measured(
        [sys.executable, "-m", "palais", "import", str(corpus), "--as", "archivist"], env
    )
    counts = re.search(r"(\d+) imported, (\d+) already", imported["stderr"])
    result["imported"] = int(counts[1]) if counts else 0
    result["import_s"] = imported["s"]
    result["import_rate"] = result["imported"] / imported["s"]
    result["import_rss_mb"] = imported["rss_mb"]
    steps = {
        "rebuild": [sys.executable, "-m", "palais", "search", "rebuild"],
        "export": [sys.executable, "-m", "palais", "export", "--format", "jsonl", "-o",
                   str(data / "export.jsonl")],
    }
    for name, command in steps.items():
        runs = [measured(command, env) for _ in range(args.runs)]
        result[f"{name}_s"] = statistics.median(r["s"] for r in runs)
        result[f"{name}_rss_mb"] = max(r["rss_mb"] for r in runs)
    rng = random.Random(docs)
    queries = [rng.choice(words) for _ in range(args.queries)]
    served = [serve(env, queries) for _ in range(args.runs)]
    result["create_app_s"] = statistics.median(s["create_app_s"] for s in served)
    result["startup_s"] = statistics.median(
        s["import_s"] + s["create_app_s"] + s["first_page_s"] for s in served
    )
    latencies = [x for s in served for x in s["latencies"]]
    result["page_p50_ms"] = percentile(latencies, 0.5)
    result["page_p99_ms"] = percentile(latencies, 0.99)
    result["serve_rss_mb"] = max(s["rss_mb"] for s in served)
    print(json.dumps(result), flush=True)
    return result


def postgres_url(stack: ExitStack) -> str:
    sys.path.insert(0, str(ROOT))
    from tests.support.postgres import running_postgres

    server = stack.enter_context(running_postgres({"shared_buffers": "2GB"}))
    return server.create_database()


def report(results: list[dict[str, Any]], ref: float) -> Iterator[str]:
    yield f"reference (`python -c pass`, median): {ref * 1000:.1f} ms"
    yield ""
    yield ("| store | docs | import docs/s | rebuild s | start-up s (create_app s) | export s "
           "| page p50 / p99 ms | peak MB (import, rebuild, export, serve) |")
    yield "|---|---|---|---|---|---|---|---|"
    for r in results:
        yield (
            f"| {r['store']} | {r['docs']:,} | {r['import_rate']:.0f} | {r['rebuild_s']:.1f} | "
            f"{r['startup_s']:.2f} ({r['create_app_s']:.2f}) | {r['export_s']:.1f} | "
            f"{r['page_p50_ms']:.1f} / {r['page_p99_ms']:.1f} | "
            f"{r['import_rss_mb']:.0f}, {r['rebuild_rss_mb']:.0f}, {r['export_rss_mb']:.0f}, "
            f"{r['serve_rss_mb']:.0f} |"
        )
    by = {(r["store"], r["docs"]): r for r in results}
    sizes = sorted({r["docs"] for r in results})
    if len(sizes) < 2:
        return
    small, large = sizes[0], sizes[-1]
    yield ""
    yield f"Ratios {large:,} / {small:,} (linear: {large / small:g}; target under 13):"
    yield ""
    yield "| store | import s | rebuild s | start-up s | export s | page p50 |"
    yield "|---|---|---|---|---|---|"
    for store in sorted({r["store"] for r in results}):
        a, b = by.get((store, small)), by.get((store, large))
        if a and b:
            yield (
                f"| {store} | {b['import_s'] / a['import_s']:.1f} | "
                f"{b['rebuild_s'] / a['rebuild_s']:.1f} | {b['startup_s'] / a['startup_s']:.2f} | "
                f"{b['export_s'] / a['export_s']:.1f} | "
                f"{b['page_p50_ms'] / a['page_p50_ms']:.2f} |"
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", default="10000,100000")
    ap.add_argument("--stores", default="sqlite,postgres")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workdir", default=None, help="Where the corpora and stores are made")
    args = ap.parse_args()
    ref = reference(args.runs)
    results = []
    with ExitStack() as stack:
        for docs in (int(d) for d in args.docs.split(",")):
            corpus = Path(tempfile.mkdtemp(prefix=f"palais-corpus-{docs}-", dir=args.workdir))
            stack.callback(shutil.rmtree, corpus, ignore_errors=True)
            t = time.perf_counter()
            words = write_corpus(corpus, docs)
            print(f"corpus of {docs:,} written in {time.perf_counter() - t:.0f} s", flush=True)
            for store in args.stores.split(","):
                with ExitStack() as per_store:
                    results.append(one_store(store, docs, corpus, words, args, per_store))
    ref_after = reference(args.runs)
    print("\n".join(report(results, statistics.median([ref, ref_after]))))


if __name__ == "__main__":
    main()
