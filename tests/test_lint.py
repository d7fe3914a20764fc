"""Style and types are part of the suite: ruff over the project, mypy over the package.

Both read their configuration from pyproject.toml; a finding fails the suite
with the tool's own report.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing() -> None:
    result = _run(str(BIN / "ruff"), "check", "palais", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing() -> None:
    result = _run(str(BIN / "mypy"), "--cache-dir", str(ROOT / ".cache" / "mypy"))
    assert result.returncode == 0, result.stdout + result.stderr
