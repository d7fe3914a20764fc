"""``palais import``, run as a process: the back catalogue into the public archive."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from palais import samples
from palais.compose import compose, render
from palais.languages import Language
from palais.model import Format
from palais.registry import Registry, Role
from palais.settings import Settings
from tests.conftest import FIXTURES

PASSWORD = "correct horse battery staple"
PARSE = FIXTURES / "parse"


def _palais(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "palais", *args], env=env, capture_output=True, text=True,
        timeout=300,
    )


@pytest.fixture
def archive(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """An empty store with an officer, and a folder of earlier documents: UN texts as
    extracted from their PDFs, a PDF as issued, and a file that is no document."""
    env = {
        **os.environ,
        "PALAIS_DATA_DIR": str(tmp_path / "data"),
        "PALAIS_ARGON2_MEMORY_KIB": "1024",
        "PALAIS_ARGON2_TIME_COST": "1",
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
        "COLUMNS": "400",  # the report's table, unabridged
    }
    settings = Settings.load(data_dir=tmp_path / "data")
    registry = Registry.open(settings)
    registry.create_user("archivist", PASSWORD, Role.OFFICER)
    registry.close()
    folder = tmp_path / "back-catalogue"
    shutil.copytree(PARSE, folder, ignore=shutil.ignore_patterns("pdftotext"))
    sample = samples.load()[0]
    version = compose(sample, Language.RU, symbol=sample.symbol, issue_date=date(2019, 6, 20))
    (folder / "A-HRC-41-G-7-ru.pdf").write_bytes(render(version, Format.PDF))
    (folder / "shopping.txt").write_text("Milk\nBread\nTwo lemons\n", encoding="utf-8")
    return env, folder


def test_earlier_documents_go_into_the_archive_once_with_a_report(
    archive: tuple[dict[str, str], Path],
) -> None:
    env, folder = archive
    first = _palais(env, "import", str(folder), "--as", "archivist")
    assert first.returncode == 1, first.stderr  # some went in, one could not
    assert "7 imported, 0 already in the archive, 1 not imported" in first.stderr
    assert "shopping.txt" in first.stderr and "no symbol could be read" in first.stderr

    again = _palais(env, "import", str(folder), "--as", "archivist")
    assert "0 imported, 7 already in the archive, 1 not imported" in again.stderr

    shown = _palais(env, "show", "A/HRC/45/G/3")
    assert shown.returncode == 0, shown.stderr
    assert '"doc_date": "2020-08-25"' in shown.stdout
    found = _palais(env, "search", "query", "Kenya")
    assert "A/HRC/45/G/3" in found.stdout and found.stdout.startswith("1 documents")
    # The PDF is issued in the past, under its printed symbol, found by a Russian word.
    found = _palais(env, "search", "query", "Кельбаджарского")
    assert "A/HRC/41/G/7" in found.stdout, found.stdout + found.stderr


def test_an_imported_document_keeps_its_file_as_received(
    archive: tuple[dict[str, str], Path],
) -> None:
    env, folder = archive
    run = _palais(env, "import", str(folder / "A-HRC-41-G-7-ru.pdf"), "--as", "archivist")
    assert run.returncode == 0, run.stderr
    registry = Registry.open(Settings.load(data_dir=Path(env["PALAIS_DATA_DIR"])))
    try:
        issued = registry.document("A/HRC/41/G/7")
        assert [(r.language, r.format) for r in issued.manifestations] == [
            (Language.RU, Format.PDF)
        ]
        kept = registry.manifestation("A/HRC/41/G/7", Language.RU, Format.PDF)
        assert kept.data == (folder / "A-HRC-41-G-7-ru.pdf").read_bytes()
        assert issued.issued_at.date() == date(2019, 6, 6)  # the date printed on it
    finally:
        registry.close()


def test_only_an_officer_imports(archive: tuple[dict[str, str], Path]) -> None:
    env, folder = archive
    registry = Registry.open(Settings.load(data_dir=Path(env["PALAIS_DATA_DIR"])))
    registry.create_user("aze", PASSWORD, Role.MISSION, state="AZE")
    registry.close()
    run = _palais(env, "import", str(folder), "--as", "aze")
    assert run.returncode != 0
    assert "a mission may not import documents into the archive" in run.stderr
