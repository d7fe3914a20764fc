"""docs/cli.md is the command reference generated from ``--help``; it must not go stale.

Regenerate it with::

    .venv/bin/typer palais.cli utils docs --name palais --output docs/cli.md
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_cli_reference_matches_the_commands(tmp_path: Path) -> None:
    generated = tmp_path / "cli.md"
    typer = Path(sys.executable).with_name("typer")
    subprocess.run(
        [str(typer), "palais.cli", "utils", "docs", "--name", "palais", "--output",
         str(generated)],
        cwd=ROOT, check=True, capture_output=True, timeout=120,
    )
    committed = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert committed == generated.read_text(encoding="utf-8"), (
        "docs/cli.md is stale: regenerate it (command in this test's docstring)"
    )
