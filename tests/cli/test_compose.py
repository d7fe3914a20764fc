"""``palais compose``: one version, every version, and the refusal to write half a set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from palais.cli import app
from palais.languages import ALL
from palais.model import Format
from palais.parse import parse_text
from palais.records import to_record
from palais.samples import record
from tests.support.poppler import pdftotext, squeeze, unhyphenated

SEEDS = Path(__file__).parent.parent / "fixtures" / "seeds"
runner = CliRunner()


@pytest.fixture
def sample_2019(tmp_path: Path) -> Path:
    path = tmp_path / "record.json"
    path.write_text(json.dumps(record("note_verbale_aze_2019_ru.json"), ensure_ascii=False))
    return path


@pytest.fixture
def parsed_seed(tmp_path: Path) -> Path:
    """``palais parse seed --json``: a record with no translations at all."""
    result = runner.invoke(app, ["parse", str(SEEDS / "fr_hrc_47_2021.txt"), "--json"])
    assert result.exit_code == 0
    path = tmp_path / "parsed.json"
    path.write_text(result.stdout, encoding="utf-8")
    return path


def test_one_version_in_one_format(sample_2019: Path, tmp_path: Path) -> None:
    out = tmp_path / "ru.txt"
    result = runner.invoke(
        app, ["compose", str(sample_2019), "--lang", "ru", "--format", "txt", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert to_record(parse_text(out.read_text(encoding="utf-8")))["session"] == 41


def test_all_languages_in_all_formats(sample_2019: Path, tmp_path: Path) -> None:
    out = tmp_path / "versions"
    result = runner.invoke(app, ["compose", str(sample_2019), "--all", "-o", str(out)])
    assert result.exit_code == 0, result.output
    expected = {f"{lang.value}.{fmt.extension}" for lang in ALL for fmt in Format.composed()}
    assert {p.name for p in out.iterdir()} == expected
    assert (out / "zh.pdf").read_bytes().startswith(b"%PDF")
    assert 'href="ar.html"' in (out / "ru.html").read_text(encoding="utf-8")


def test_a_parsed_seed_rebuilds_its_own_language(parsed_seed: Path, tmp_path: Path) -> None:
    out = tmp_path / "fr.html"
    result = runner.invoke(
        app, ["compose", str(parsed_seed), "--lang", "fr", "--format", "html", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "Quarante-septième session" in out.read_text(encoding="utf-8")


def test_parse_then_compose_rebuilds_the_russian_seed_as_pdf(tmp_path: Path) -> None:
    seed = SEEDS / "ru_a_hrc_41_2019.txt"
    parsed = runner.invoke(app, ["parse", str(seed), "--json"])
    record_path = tmp_path / "r.json"
    record_path.write_text(parsed.stdout, encoding="utf-8")
    out = tmp_path / "r.pdf"
    result = runner.invoke(
        app, ["compose", str(record_path), "--lang", "ru", "--format", "pdf", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    text = unhyphenated(squeeze(pdftotext(out)))
    for paragraph in json.loads(parsed.stdout)["paragraphs"]:
        assert unhyphenated(squeeze(paragraph)) in text


def test_missing_translations_are_reported_and_nothing_is_written(
    parsed_seed: Path, tmp_path: Path
) -> None:
    out = tmp_path / "versions"
    result = runner.invoke(app, ["compose", str(parsed_seed), "--all", "-o", str(out)])
    assert result.exit_code == 4
    assert not out.exists()
    for lang in ("ar", "zh", "en", "ru", "es"):
        assert f"{lang}: cover.paragraph.1" in " ".join(result.output.split())
    one = tmp_path / "en.pdf"
    result = runner.invoke(
        app, ["compose", str(parsed_seed), "--lang", "en", "--format", "pdf", "-o", str(one)]
    )
    assert result.exit_code == 4
    assert not one.exists()
    assert "en: cover.paragraph.1" in " ".join(result.output.split())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lang", "xx", "--format", "txt"], "unknown language 'xx'"),
        (["--lang", "ru", "--format", "doc"], "unknown format 'doc'"),
        (["--lang", "ru"], "give --lang and --format"),
        (["--all", "--lang", "ru"], "drop --lang and --format"),
    ],
)
def test_bad_options_are_named(
    sample_2019: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    result = runner.invoke(app, ["compose", str(sample_2019), *args, "-o", str(tmp_path / "x")])
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())


def test_a_file_that_is_no_record(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = runner.invoke(
        app, ["compose", str(bad), "--lang", "ru", "--format", "txt", "-o", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    assert "not a JSON record" in result.output
