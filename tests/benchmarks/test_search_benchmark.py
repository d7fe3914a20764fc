"""The engines' comparison (benchmarks/search.py) still runs: a few documents, once.

The benchmark keeps engines of its own (SQLite FTS5) behind palais's search interface;
when that interface changes, this is what notices, not the next person to measure.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_engines_comparison_runs_and_both_engines_find_the_same(tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "search.py"), "--docs", "300",
         "--engines", "fts5,tantivy", "--runs", "1", "--queries", "5",
         "--workdir", str(tmp_path / "work"), "--json", str(out)],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    (line,) = out.read_text().splitlines()
    results = {r["engine"]: r for r in json.loads(line)["results"]}
    assert set(results) == {"fts5", "tantivy"}
    assert results["fts5"]["docs"] == results["tantivy"]["docs"] == 300
    assert results["fts5"]["matches"] == results["tantivy"]["matches"]
