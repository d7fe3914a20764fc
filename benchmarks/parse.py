"""Parser throughput: documents per second on one core, text input.

Usage: python benchmarks/parse.py [--docs N] [--runs R] [--notes]

Builds a corpus of N two-page documents from the two seeds (cover page, form
feed, annex page), varying the dates, agenda item and the day of the note so no
two texts are alike, then parses all of them R times in this one process and
reports the median rate. The reference, measured in the same run, is the first
stage alone (line normalisation), so the ratio says what the whole pipeline
costs over merely reading the lines. The language detector is built before
timing (it is built once per process).

With ``--notes`` the corpus is made of the notes verbales as missions send them
(tests/fixtures/notes_as_sent, six languages, each with its day varied), which
take the parser's note-as-sent stages.

Each rate is given twice: by wall-clock time and by the CPU time of this process
(``time.process_time``). On a machine shared with other work the wall-clock rate
also counts the time the process waited for a core; the CPU-time rate is the
documents per second per core the parser itself achieves.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from palais.parse import parse_text
from palais.parse.detect import detect_language
from palais.parse.layout import normalise_lines

SEEDS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "seeds"
NOTES = SEEDS.parent / "notes_as_sent"


def corpus(n: int, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    out = []
    for i in range(n):
        text = texts[i % len(texts)]
        day = str(rnd.randint(1, 28))
        text = text.replace("6 июня 2019", f"{day} июня 2019")
        text = text.replace("8 juin 2021", f"{day} juin 2021")
        text = text.replace("пункту 4", f"пункту {rnd.randint(1, 10)}")
        text = text.replace("Annex to the note", "\fAnnex to the note", 1)
        out.append(text)
    return out


def notes(n: int, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted(NOTES.glob("*.txt"))]
    out = []
    for i in range(n):
        day = rnd.randint(10, 28)
        out.append(re.sub(r"(?<!\d)(?:10|20|8|6|3|12)(?= |th|rd|日| de )", str(day),
                          texts[i % len(texts)], count=1))
    return out


def rate(texts: list[str], func: Callable[[str], object]) -> tuple[float, float]:
    """(wall-clock, CPU-time) documents per second of ``func`` over ``texts``."""
    wall, cpu = time.perf_counter(), time.process_time()
    for t in texts:
        func(t)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return len(texts) / wall, len(texts) / cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--notes", action="store_true", help="notes verbales as missions send them")
    args = ap.parse_args()
    texts = notes(args.docs) if args.notes else corpus(args.docs)
    detect_language("warm up the detector once")
    parse_rates = [rate(texts, parse_text) for _ in range(args.runs)]
    ref_rates = [rate(texts, normalise_lines) for _ in range(args.runs)]
    kind = "notes as sent" if args.notes else "two-page texts"
    print(f"documents: {len(texts)} {kind}, runs: {args.runs}, one core")
    for k, clock in enumerate(("wall", "cpu")):
        p = statistics.median(x[k] for x in parse_rates)
        r = statistics.median(x[k] for x in ref_rates)
        runs = ", ".join(f"{x[k]:.0f}" for x in parse_rates)
        print(f"{clock:4s} parse_text       median {p:8.0f} docs/s  (runs: {runs})")
        print(f"{clock:4s} normalise_lines  median {r:8.0f} docs/s  (reference)")
        print(f"{clock:4s} ratio parse/reference: {p / r:.3f}")


if __name__ == "__main__":
    main()
