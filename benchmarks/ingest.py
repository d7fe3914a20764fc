"""Bulk ingest throughput: files per second with one worker process and with one per core.

Usage: python benchmarks/ingest.py [--files N] [--runs R]

Writes N text files (the two seeds, alternately, each made distinct by a
varied note date) to a temporary folder and runs ``parse_files`` over them R
times with ``workers=1`` (the reference, in the same run) and with one worker
per core; the ratio is the speed-up parallelism buys on this machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from palais.parse.batch import collect, parse_files

SEEDS = sorted((Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "seeds")
               .glob("*.txt"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=400)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        texts = [seed.read_text("utf-8") for seed in SEEDS]
        for i in range(args.files):
            text = texts[i % len(texts)].replace(" 6 ", f" {1 + i % 28} ", 1)
            (Path(tmp) / f"doc{i:05}.txt").write_text(text, encoding="utf-8")
        files = collect([Path(tmp)])
        rates = {}
        for workers in sorted({1, cores}):
            runs = []
            for _ in range(args.runs):
                start = time.perf_counter()
                ok = sum(o.ok for o in parse_files(files, workers=workers))
                runs.append(len(files) / (time.perf_counter() - start))
                assert ok == len(files)
            rates[workers] = statistics.median(runs)
    for workers, rate in rates.items():
        print(f"workers={workers}: {rate:7.1f} files/s  ratio to 1 worker {rate / rates[1]:.2f}")


if __name__ == "__main__":
    main()
