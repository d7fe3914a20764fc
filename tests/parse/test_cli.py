"""``palais parse``: JSON record, readable summary, intermediate tree, errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from palais.cli import app

SEED = Path(__file__).parent.parent / "fixtures" / "seeds" / "fr_hrc_47_2021.txt"
runner = CliRunner()


def test_parse_json_prints_the_record() -> None:
    result = runner.invoke(app, ["parse", str(SEED), "--json"])
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["session"] == 47
    assert "Haut-Commissariat" in record["title"]


def test_parse_emit_tree_shows_the_structure() -> None:
    result = runner.invoke(app, ["parse", str(SEED), "--emit", "tree"])
    assert result.exit_code == 0
    assert "header.session: Quarante-septième session" in result.stdout
    assert "annex[1] (page 1):" in result.stdout


def test_parse_summary_and_empty_file(tmp_path: Path) -> None:
    assert "note_verbale" in runner.invoke(app, ["parse", str(SEED)]).stdout
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    result = runner.invoke(app, ["parse", str(empty)])
    assert result.exit_code == 3
