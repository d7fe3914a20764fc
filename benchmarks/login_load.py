"""Login under attack: 64 parallel wrong logins against one server, and a reader meanwhile.

Starts ``palais serve`` on 127.0.0.1 over a fresh SQLite store with the
default password-hashing cost (argon2id, 64 MiB, 3 passes), then per run:

* the reference, measured in the same run: ``GET /api/sessions`` latency with
  no login load (``--gets`` sequential requests);
* a crowd: ``--attackers`` client threads (64), each logging in once to an
  account of its own with the right password (never throttled, so
  every one is a full argon2 check: this measures the bound on hashings at once);
* the attack: as many threads each sending ``--attempts`` wrong passwords for
  the officer as fast as the server answers (what the throttle is for);

while one thread repeats the GET and the server's resident memory (VmRSS) is
sampled every 20 ms. It reports per phase the peak RSS, the GET latency
p50/p99 and its ratio to the reference p99, and how the logins were answered
(200, 401: checked; 429: throttled). Each figure is the median of ``--runs``
runs; every run is bounded in requests and in time (``--deadline`` seconds).
Usage::

    .venv/bin/python -m benchmarks.login_load [--runs 3] [--attackers 64] [--attempts 4]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

from palais.registry import Registry, Role
from palais.settings import Settings
from tests.security.conftest import palais_serve

PASSWORD = "the right passphrase for the officer"
PATH = "/api/sessions"


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _server_pid(port: int) -> int:
    """The process listening on ``port`` (``palais serve`` runs uvicorn in itself)."""
    inode = None
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[1].endswith(f":{port:04X}") and fields[3] == "0A":
            inode = fields[9]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                for fd in (entry / "fd").iterdir():
                    if os.readlink(fd) == f"socket:[{inode}]":
                        return int(entry.name)
            except OSError:
                continue
    raise RuntimeError(f"no process listens on port {port}")


def _gets(client: httpx.Client, count: int, stop: Any = None) -> list[float]:
    latencies: list[float] = []
    for _ in range(count):
        if stop is not None and stop.is_set():
            break
        start = time.perf_counter()
        client.get(PATH).raise_for_status()
        latencies.append(time.perf_counter() - start)
    return latencies


def _reader(base: str, count: int, ready: Any, stop: Any, out: Any) -> None:
    """The GET loop, in a process of its own: in the attackers' process it would wait for
    their interpreter lock, and that wait would be measured as the server's latency."""
    with httpx.Client(base_url=base, timeout=30) as client:
        _gets(client, 5)
        ready.set()
        out.send(_gets(client, count, stop))


def _phase(
    base: str, pid: int, args: argparse.Namespace, client: httpx.Client, right: bool
) -> dict[str, float]:
    spawn = multiprocessing.get_context("spawn")
    stop, ready = spawn.Event(), spawn.Event()
    peak = [_rss_mib(pid)]

    def sample() -> None:
        while not stop.is_set():
            peak.append(_rss_mib(pid))
            time.sleep(0.02)

    answers: Counter[int] = Counter()
    deadline = time.monotonic() + args.deadline

    # Made beforehand: making 64 clients at once is a burst of CPU in this process that
    # would be measured as the server's latency.
    clients = [httpx.Client(base_url=base, timeout=args.deadline) for _ in range(args.attackers)]

    def login(n: int) -> None:
        for i in range(1 if right else args.attempts):
            if time.monotonic() > deadline:
                return
            body = ({"username": f"delegate-{n}", "password": PASSWORD} if right
                    else {"username": "officer", "password": f"guess {n}-{i}"})
            answers[clients[n].post("/api/auth/login", json=body).status_code] += 1

    receiving, sending = spawn.Pipe(duplex=False)
    reader = spawn.Process(target=_reader, args=(base, args.gets * 50, ready, stop, sending))
    reader.start()
    ready.wait(60)  # the reader's interpreter starting is no part of the measure
    sampler = threading.Thread(target=sample)
    sampler.start()
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=args.attackers) as pool:
        list(pool.map(login, range(args.attackers)))
    elapsed = time.perf_counter() - started
    stop.set()
    loaded = receiving.recv()
    reader.join()
    sampler.join()
    for own in clients:
        own.close()
    name = "crowd" if right else "attack"
    return {
        f"{name}_seconds": elapsed,
        f"{name}_get_p50_ms": 1000 * _percentile(loaded, 0.5),
        f"{name}_get_p99_ms": 1000 * _percentile(loaded, 0.99),
        f"{name}_gets": len(loaded),
        f"{name}_peak_rss_mib": max(peak),
        **{f"{name}_answered_{code}": float(n) for code, n in sorted(answers.items())},
    }


def one_run(base: str, pid: int, args: argparse.Namespace) -> dict[str, float]:
    with httpx.Client(base_url=base, timeout=30) as client:
        _gets(client, 20)  # warm up: the first requests pay for imports and caches
        reference = _gets(client, args.gets)
        result = {
            "idle_rss_mib": _rss_mib(pid),
            "reference_get_p50_ms": 1000 * _percentile(reference, 0.5),
            "reference_get_p99_ms": 1000 * _percentile(reference, 0.99),
        }
        result.update(_phase(base, pid, args, client, right=True))
        result.update(_phase(base, pid, args, client, right=False))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--attackers", type=int, default=64)
    parser.add_argument("--attempts", type=int, default=4)
    parser.add_argument("--gets", type=int, default=200)
    parser.add_argument("--deadline", type=float, default=120.0)
    args = parser.parse_args()
    results = []
    for run in range(args.runs):
        # A fresh store and server per run: the throttle's counts start from nothing.
        with tempfile.TemporaryDirectory() as folder:
            settings = Settings(data_dir=Path(folder))
            registry = Registry.open(settings)
            registry.create_user("officer", PASSWORD, Role.OFFICER)
            for n in range(args.attackers):
                registry.create_user(f"delegate-{n}", PASSWORD, Role.MISSION, state="AZE")
            registry.close()
            env = {**os.environ, "PALAIS_DATA_DIR": folder}
            with palais_serve(env) as base:
                pid = _server_pid(int(base.rsplit(":", 1)[1]))
                result = one_run(base, pid, args)
        print(f"run {run + 1}: " + ", ".join(f"{k} {v:.1f}" for k, v in result.items()),
              file=sys.stderr)
        results.append(result)
    print(f"median of {args.runs} runs, {args.attackers} attackers x {args.attempts} wrong logins:")
    for key in results[0]:
        print(f"  {key}: {statistics.median(r.get(key, 0.0) for r in results):.1f}")
    for name in ("crowd", "attack"):
        ratio = statistics.median(
            r[f"{name}_get_p99_ms"] / r["reference_get_p99_ms"] for r in results
        )
        print(f"  {name}: GET p99 / reference p99: {ratio:.2f}")


if __name__ == "__main__":
    main()
