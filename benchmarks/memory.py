"""Translation memory suggestions at archive scale: the indexed lookup against a full scan.

    python benchmarks/memory.py [--passages 50000] [--queries 200] [--runs 3]
                                [--database-url URL]

A store (SQLite in a temporary folder unless ``--database-url`` names another)
gets ``--passages`` issued passages, each in English and in Arabic, put into the
memory exactly as issuing puts them (:func:`palais.store.memory.remember` with
the keys of :mod:`palais.compose.memory`). The English texts are sentences of
20 to 40 words drawn from the vocabulary of the seeds' (English) annexes, so that no two are alike.
Then, for ``--queries`` passages of the memory:

- **exact**: the same passage, its case and spacing changed;
- **fuzzy**: the same passage with two of its words replaced by others;

each is looked up through the registry's :func:`palais.registry.memory.suggest`
(median and 95th percentile of the time per lookup, and the recall: how often
the passage it was made from is among the suggestions). The reference, measured
in the same run on the same passages, is the lookup without the keys: rapidfuzz's
``process.extractOne`` over every English text, already in memory (the fastest
scan there is, in C, reading nothing from the store). Every timing is the
median of ``--runs`` runs.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from rapidfuzz import fuzz, process
from sqlalchemy import insert

from palais.compose.memory import Segment, band_keys, digest, normalise
from palais.languages import Language
from palais.registry.memory import suggest
from palais.store import memory, open_engine, read_transaction, upgrade, write_transaction
from palais.store.tables import submissions

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
_ARABIC = ("المرفق تقرير حكومة الحالة منطقة منذ مجلس حقوق الإنسان الدورة البند جدول "
           "الأعمال الممثلة الدائمة تهدي تحياتها مفوضية الأمم المتحدة السامية")
ARABIC_WORDS = _ARABIC.split()


def vocabulary() -> list[str]:
    words = set()
    for seed in SEEDS.glob("*.txt"):  # their annexes are in English
        words.update(w for w in re.findall(r"[A-Za-z]{3,}", seed.read_text()) if w.islower())
    return sorted(words)


def sentence(rng: random.Random, words: list[str], n: int) -> str:
    return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."


def build(url: str, passages: int, rng: random.Random, words: list[str]) -> list[str]:
    """The store with ``passages`` issued passages in the memory; their English texts."""
    engine = open_engine(url)
    upgrade(engine)
    texts = [sentence(rng, words, rng.randint(20, 40)) for _ in range(passages)]
    at = datetime.now(UTC)
    batch = 1000
    for start in range(0, passages, batch):
        with write_transaction(engine) as connection:
            rows = [
                {"state": "issued", "submitted_by": "benchmark", "received_at": at,
                 "updated_at": at, "issued_at": at, "record": "{}",
                 "symbol": f"A/HRC/99/{start + i + 1}"}
                for i in range(min(batch, passages - start))
            ]
            ids = connection.execute(
                insert(submissions).returning(submissions.c.id, sort_by_parameter_order=True),
                rows,
            ).scalars().all()
            for sid, text in zip(ids, texts[start:start + batch], strict=True):
                arabic = " ".join(rng.choice(ARABIC_WORDS) for _ in range(20))
                memory.remember(connection, sid, [
                    Segment("cover.paragraph.1", Language.EN, text, digest(text),
                            band_keys(text, Language.EN)),
                    Segment("cover.paragraph.1", Language.AR, arabic, digest(arabic),
                            band_keys(arabic, Language.AR)),
                ])
    engine.dispose()
    return texts


def altered(rng: random.Random, text: str, words: list[str]) -> str:
    tokens = text.rstrip(".").split()
    for i in rng.sample(range(len(tokens)), 2):
        tokens[i] = rng.choice(words)
    return " ".join(tokens) + "."


def timed(runs: int, lookups: list[str], look: Callable[[str], object]) -> list[float]:
    """Per lookup, the median over ``runs`` of its time in milliseconds."""
    per_run = []
    for _ in range(runs):
        times = []
        for text in lookups:
            start = time.perf_counter()
            look(text)
            times.append((time.perf_counter() - start) * 1000)
        per_run.append(times)
    return [statistics.median(t) for t in zip(*per_run, strict=True)]


def p95(values: list[float]) -> float:
    return sorted(values)[int(0.95 * (len(values) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--passages", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    rng = random.Random(7)
    words = vocabulary()
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{Path(folder) / 'memory.db'}"
        start = time.perf_counter()
        texts = build(url, args.passages, rng, words)
        built = time.perf_counter() - start
        picked = rng.sample(range(len(texts)), args.queries)
        exact = ["  " + texts[i].upper() + " " for i in picked]
        fuzzy = [altered(rng, texts[i], words) for i in picked]
        engine = open_engine(url)
        with read_transaction(engine) as connection:
            def look(text: str) -> list[object]:
                return list(suggest(connection, text, Language.EN, Language.AR))

            results = {}
            for name, lookups in (("exact", exact), ("fuzzy", fuzzy)):
                times = timed(args.runs, lookups, look)
                found = sum(
                    any(s.source_text == texts[i] for s in suggest(
                        connection, q, Language.EN, Language.AR))
                    for q, i in zip(lookups, picked, strict=True)
                )
                results[name] = (statistics.median(times), p95(times), found / len(lookups))
        engine.dispose()
        normalised = [normalise(t) for t in texts]
        scan_queries = fuzzy[: max(10, args.queries // 10)]
        scan = timed(args.runs, scan_queries, lambda q: process.extractOne(
            normalise(q), normalised, scorer=fuzz.ratio))
    print(f"{args.passages} passages (English and Arabic) put into the memory in {built:.1f} s")
    for name, (median, high, recall) in results.items():
        print(f"{name:6s} lookups: median {median:.2f} ms, p95 {high:.2f} ms, "
              f"recall {recall:.1%} ({args.queries} lookups, {args.runs} runs)")
    reference = statistics.median(scan)
    print(f"full scan (rapidfuzz extractOne over the texts in memory): median {reference:.2f} ms "
          f"({len(scan_queries)} lookups)")
    print(f"ratio fuzzy lookup / full scan: {results['fuzzy'][0] / reference:.3f}")


if __name__ == "__main__":
    main()
