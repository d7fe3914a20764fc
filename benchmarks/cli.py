"""Command line start-up: wall time of ``palais --help`` and ``palais parse SEED`` as processes.

Usage: python benchmarks/cli.py [--runs R] [SEED]

Each command is started R times as a fresh process (``python -m palais ...``,
output discarded) and timed from start to exit, which is what a user waits for.
The reference, measured in the same run and interleaved with the commands so
that a busy machine slows all three alike, is ``python -c pass``: the
interpreter's own start-up, which no change to palais can remove. Prints the
median and range of each, the ratio to the reference and the target.

The commands run with bytecode caching on (``PYTHONDONTWRITEBYTECODE`` removed
from their environment), as an installed package has its ``.pyc`` files: the
warm-up run writes them, so no timed run compiles palais from source.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "seeds"
SEED = SEEDS / "fr_hrc_47_2021.txt"


ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def wall(argv: list[str]) -> float:
    """Seconds from starting ``argv`` to its exit; the command must succeed."""
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
                   env=ENV)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("seed", nargs="?", type=Path, default=SEED)
    args = ap.parse_args()
    py = sys.executable
    cases = {  # name -> (argv, target in seconds)
        "python -c pass": ([py, "-c", "pass"], None),
        "palais --help": ([py, "-m", "palais", "--help"], 0.3),
        f"palais parse {args.seed.name}": ([py, "-m", "palais", "parse", str(args.seed)], 0.6),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    for argv, _ in cases.values():
        wall(argv)  # warm the file cache and write the bytecode once
    for _ in range(args.runs):
        for name, (argv, _) in cases.items():
            times[name].append(wall(argv))
    reference = statistics.median(times["python -c pass"])
    print(f"runs: {args.runs} per command, interleaved; wall seconds")
    print(f"{'command':36s} {'median':>7s} {'min':>7s} {'max':>7s} {'ratio':>7s}  target")
    for name, (_, target) in cases.items():
        runs = times[name]
        median = statistics.median(runs)
        verdict = "" if target is None else (
            f"< {target:.1f} s {'met' if median < target else 'NOT met'}")
        print(f"{name:36s} {median:7.3f} {min(runs):7.3f} {max(runs):7.3f} "
              f"{median / reference:7.1f}  {verdict}")


if __name__ == "__main__":
    main()
