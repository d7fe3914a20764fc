"""The command line starts without the store, the web application or the parser it does not use.

``palais --help`` builds every command's options, and ``palais parse`` reads one
file; neither needs SQLAlchemy, FastAPI, the registry, search or composition.
Each case runs the real command as a process under ``python -X importtime``,
which names on stderr every module the process imported, and checks the names
against the heavy ones. A command that does need the store is run the same way
as a control, so the check is shown to see such imports when they happen.
(Timing is measured by ``benchmarks/cli.py``, not here.)
"""

from __future__ import annotations

import os
import subprocess
import sys
import typing
from pathlib import Path

from palais.cli.ingest import DEFAULT_TIMEOUT
from palais.cli.registry import RoleName
from palais.parse import batch
from palais.registry import Role

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "fixtures" / "seeds" / "fr_hrc_47_2021.txt"

EDGES = ("sqlalchemy", "alembic", "psycopg", "fastapi", "starlette", "uvicorn", "jinja2",
         "palais.store", "palais.registry", "palais.web", "palais.publish", "palais.search")
"""Storage, HTTP and the use cases over them: only the commands over the store need them."""

RENDERING = ("typst", "tantivy", "palais.compose")
"""Composition and the index."""

READERS = ("pdfminer", "docx", "lxml", "lingua")
"""Readers of PDF and Word files, and the statistical language detector: a text seed whose
language its function words tell needs none of them."""


def imported(*args: str, env: dict[str, str] | None = None) -> set[str]:
    """The modules ``python -m palais ARGS`` imports, as ``-X importtime`` reports them."""
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "palais", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, **(env or {})},
    )
    assert run.returncode == 0, run.stderr[-2000:]
    names = {line.rsplit("|", 1)[1].strip() for line in run.stderr.splitlines()
             if line.startswith("import time:") and "|" in line}
    assert "palais.cli" in names, "-X importtime gave no module names"
    return names


def loaded(names: set[str], packages: tuple[str, ...]) -> list[str]:
    """The names among ``names`` that are ``packages`` or inside them."""
    return sorted(n for n in names if any(n == p or n.startswith(p + ".") for p in packages))


def test_help_imports_none_of_the_edges_nor_the_parser() -> None:
    names = imported("--help")
    assert loaded(names, EDGES + RENDERING + READERS + ("palais.parse", "yaml")) == []


def test_parse_of_a_seed_imports_the_parser_only() -> None:
    names = imported("parse", str(SEED))
    assert "palais.parse.fields" in names and "palais.intake.text" in names
    assert loaded(names, EDGES + RENDERING + READERS) == []


def test_a_command_over_the_store_is_seen_importing_it(tmp_path: Path) -> None:
    names = imported("sessions", "list", env={"PALAIS_DATA_DIR": str(tmp_path)})
    assert {"sqlalchemy", "palais.registry", "palais.store"} <= set(loaded(names, EDGES))


def test_the_values_restated_for_a_light_start_match_their_source() -> None:
    # ``palais ingest --help`` and ``palais users add --help`` show them without importing
    # the parser or the registry.
    assert batch.DEFAULT_TIMEOUT == DEFAULT_TIMEOUT
    assert typing.get_args(RoleName) == tuple(role.value for role in Role)
