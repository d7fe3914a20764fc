"""``palais ingest``: a folder of seeds, a PDF, a Word file and bad files."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from palais.cli import app
from tests.intake.documents import FIXTURES, golden, note_docx, note_pdf

runner = CliRunner()


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """A folder tree: both seeds, a PDF and a .docx of a seed, and two bad files."""
    (tmp_path / "seeds").mkdir()
    for seed in (FIXTURES / "seeds").glob("*.txt"):
        shutil.copy(seed, tmp_path / "seeds" / seed.name)
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "note.pdf").write_bytes(note_pdf("fr_hrc_47_2021"))
    (tmp_path / "sub" / "deeper" / "note.docx").write_bytes(note_docx("ru_a_hrc_41_2019"))
    (tmp_path / "sub" / "error-page.pdf").write_bytes(b"<html>Session expired</html>")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # not searched for
    return tmp_path


def _records(text: str) -> dict[str, dict[str, object]]:
    lines = [json.loads(line) for line in text.splitlines() if line.strip()]
    return {Path(str(r["source"])).name: r for r in lines}


def test_folder_is_ingested_and_bad_files_reported(batch: Path) -> None:
    result = runner.invoke(app, ["ingest", str(batch), "--workers", "2"])
    assert result.exit_code == 1  # some failed, some parsed
    records = _records(result.stdout)
    assert set(records) == {"ru_a_hrc_41_2019.txt", "fr_hrc_47_2021.txt", "note.pdf",
                            "note.docx"}
    seed = batch / "seeds" / "ru_a_hrc_41_2019.txt"
    ru = records["ru_a_hrc_41_2019.txt"]
    assert ru["sha256"] == hashlib.sha256(seed.read_bytes()).hexdigest()
    assert ru["source"] == str(seed)
    expected = golden("ru_a_hrc_41_2019")
    assert {k: ru[k] for k in expected if not k.startswith("_")} == {
        k: v for k, v in expected.items() if not k.startswith("_")
    }
    assert records["note.pdf"]["session"] == 47
    assert records["note.docx"]["sender_state"] == "AZE"
    assert "4 parsed, 2 failed" in result.stderr
    assert "error-page.pdf" in result.stderr and "named .pdf" in result.stderr
    assert "empty.txt" in result.stderr and "empty" in result.stderr


def test_output_file_and_exit_status_when_all_parse(batch: Path, tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    result = runner.invoke(app, ["ingest", str(batch / "seeds"), str(batch / "sub" / "note.pdf"),
                                 "-o", str(out)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert sorted(_records(out.read_text("utf-8"))) == [
        "fr_hrc_47_2021.txt", "note.pdf", "ru_a_hrc_41_2019.txt"
    ]


def test_exit_status_when_nothing_parses_or_path_is_missing(batch: Path) -> None:
    result = runner.invoke(app, ["ingest", str(batch / "empty.txt"),
                                 str(batch / "picture.png")])
    assert result.exit_code == 3
    assert "0 parsed, 2 failed" in result.stderr and "PNG image" in result.stderr
    missing = runner.invoke(app, ["ingest", str(batch / "nowhere")])
    assert missing.exit_code == 3 and "does not exist" in missing.stderr


def test_parse_command_reads_pdf_and_docx(batch: Path) -> None:
    for path, session in ((batch / "sub" / "note.pdf", 47),
                          (batch / "sub" / "deeper" / "note.docx", 41)):
        result = runner.invoke(app, ["parse", str(path), "--json"])
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout)["session"] == session


def test_parsed_files_are_submitted_to_the_registry_as_uploads(tmp_path: Path) -> None:
    from palais.registry import Registry, Role
    from palais.settings import Settings

    store = tmp_path / "store"
    env = {"PALAIS_DATA_DIR": str(store), "PALAIS_ARGON2_MEMORY_KIB": "1024",
           "PALAIS_ARGON2_TIME_COST": "1"}
    settings = Settings.load(environ=env)
    registry = Registry.open(settings)
    registry.create_user("officer", "pw-officer-1", Role.OFFICER)
    registry.create_user("fra", "pw-mission-1", Role.MISSION, state="FRA")
    seeds = FIXTURES / "seeds"

    first = runner.invoke(app, ["ingest", str(seeds), "-j", "1", "--submit", "--as", "officer"],
                          env=env)
    assert first.exit_code == 0, first.output
    lines = [json.loads(line) for line in first.stdout.splitlines() if line.startswith("{")]
    assert sorted(line["submission"] for line in lines) == [1, 2]
    assert all(line["duplicate_of"] == [] for line in lines)
    officer = registry.actor("officer")
    items, total = registry.list(officer, offset=0, limit=10)
    assert total == 2 and {s.source_sha256 for s in items} == {line["sha256"] for line in lines}

    # The same files again are submitted, and flagged as possible duplicates.
    again = runner.invoke(app, ["ingest", str(seeds), "-j", "1", "--submit", "--as", "officer"],
                          env=env)
    assert again.exit_code == 0, again.output
    flagged = [json.loads(line) for line in again.stdout.splitlines() if line.startswith("{")]
    assert all(line["duplicate_of"] for line in flagged)

    # A mission cannot submit another State's notes: each file fails, nothing is stored.
    refused = runner.invoke(app, ["ingest", str(seeds), "-j", "1", "--submit", "--as", "fra"],
                            env=env)
    assert refused.exit_code == 3
    assert "0 parsed, 2 failed" in refused.stderr and "FRA" in refused.stderr
    assert registry.list(officer, offset=0, limit=10)[1] == 4


def test_submitting_needs_an_account() -> None:
    result = runner.invoke(app, ["ingest", str(FIXTURES / "seeds"), "--submit"])
    assert result.exit_code != 0
    assert "--as USER" in result.stderr
