"""parse_files: every file gives an outcome; slow files are stopped, not waited for."""

from __future__ import annotations

from pathlib import Path

import pytest

from palais.errors import ParseError
from palais.parse.batch import collect, parse_file, parse_files
from tests.intake.documents import FIXTURES, note_pdf

SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))


def test_outcomes_for_good_and_bad_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(bytes(range(256)) * 4)
    outcomes = {Path(o.path).name: o for o in parse_files([*SEEDS, bad], workers=2)}
    assert outcomes["ru_a_hrc_41_2019.txt"].document is not None
    assert outcomes["ru_a_hrc_41_2019.txt"].document.session == 41
    assert not outcomes["bad.txt"].ok and "binary" in (outcomes["bad.txt"].error or "")
    assert outcomes["bad.txt"].sha256 is None


def test_a_file_over_its_time_is_reported_as_failed(tmp_path: Path) -> None:
    pdf = tmp_path / "note.pdf"
    pdf.write_bytes(note_pdf("ru_a_hrc_41_2019"))
    outcome = parse_file(pdf, timeout=0.0005)
    assert not outcome.ok and "took longer than" in (outcome.error or "")
    assert parse_file(pdf).ok  # the alarm is gone once the slow file is abandoned


def test_collect_walks_folders_by_suffix_and_refuses_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "a" / ".hidden").mkdir(parents=True)
    for name in ("a/x.TXT", "a/y.docx", "a/z.png", "a/.hidden/w.txt", "b.pdf"):
        (tmp_path / name).write_bytes(b"x")
    found = collect([tmp_path / "a", tmp_path / "b.pdf", tmp_path / "a"])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a/x.TXT", "a/y.docx",
                                                                    "b.pdf"]
    with pytest.raises(ParseError, match="does not exist"):
        collect([tmp_path / "nope"])


def test_parse_file_from_another_thread_reads_without_a_limit() -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        outcome = pool.submit(parse_file, SEEDS[0], 0.0005).result()
    assert outcome.ok and outcome.document is not None and outcome.document.session == 47
