"""``palais sessions``: the secretariat extends the calendar from the command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from palais.cli import app
from palais.registry import Registry, Role
from palais.settings import Settings


@pytest.fixture
def runner(tmp_path: Path) -> CliRunner:
    env = {"PALAIS_DATA_DIR": str(tmp_path), "PALAIS_ARGON2_MEMORY_KIB": "1024",
           "PALAIS_ARGON2_TIME_COST": "1"}
    registry = Registry.open(Settings.load(environ=env))
    registry.create_user("officer", "pw-officer-1", Role.OFFICER)
    registry.create_user("aze", "pw-mission-1", Role.MISSION, state="AZE")
    registry.close()
    return CliRunner(env=env)


def test_an_officer_adds_a_session_that_the_list_then_shows(runner: CliRunner) -> None:
    added = runner.invoke(app, ["sessions", "add", "62", "--opening", "2026-06-15",
                                "--closing", "2026-07-10", "--as", "officer"])
    assert added.exit_code == 0, added.output
    listed = runner.invoke(app, ["sessions", "list", "--last", "2"])
    assert listed.exit_code == 0, listed.output
    assert "62" in listed.output and "2026-07-10" in listed.output and "61" in listed.output


def test_bad_dates_and_other_roles_are_refused_with_the_reason(runner: CliRunner) -> None:
    bad = runner.invoke(app, ["sessions", "add", "62", "--opening", "15 June",
                              "--closing", "2026-07-10", "--as", "officer"])
    assert bad.exit_code == 2 and "opening: '15 June' is not a date" in bad.output
    reversed_ = runner.invoke(app, ["sessions", "add", "62", "--opening", "2026-07-10",
                                    "--closing", "2026-06-15", "--as", "officer"])
    assert reversed_.exit_code == 2 and "before it opens" in reversed_.output
    mission = runner.invoke(app, ["sessions", "add", "62", "--opening", "2026-06-15",
                                  "--closing", "2026-07-10", "--as", "aze"])
    assert mission.exit_code != 0 and "may not change the calendar" in mission.output


def _palais(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "palais", *args], env=env, capture_output=True, text=True,
        timeout=120,
    )


@pytest.fixture
def process_env(tmp_path: Path) -> dict[str, str]:
    env = {**os.environ, "PALAIS_DATA_DIR": str(tmp_path), "PALAIS_ARGON2_MEMORY_KIB": "1024",
           "PALAIS_ARGON2_TIME_COST": "1", "COLUMNS": "200",
           "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    registry = Registry.open(Settings.load(environ=env))
    registry.create_user("officer", "pw-officer-1", Role.OFFICER)
    registry.close()
    return env


def test_a_future_session_suspended_and_resumed_prints_both_parts_once_resumed(
    process_env: dict[str, str],
) -> None:
    """The secretariat records session 62 as scheduled, then the parts it met in once it
    was suspended and resumed; a cover dated before the resumption prints the scheduled
    dates, one dated after prints both parts, in every language's form."""
    env = process_env
    added = _palais(env, "sessions", "add", "62", "--opening", "2026-06-15",
                    "--closing", "2026-07-10", "--as", "officer")
    assert added.returncode == 0, added.stderr
    before = _palais(env, "sessions", "cover", "62", "--lang", "en", "--on", "2026-06-20")
    assert before.returncode == 0, before.stderr
    assert "15 June–10 July 2026" in before.stdout.splitlines()
    resumed = _palais(env, "sessions", "add", "62", "--opening", "2026-06-15",
                      "--closing", "2026-07-10", "--as", "officer",
                      "--part", "2026-06-15/2026-06-26", "--part", "2026-10-05/2026-10-09")
    assert resumed.returncode == 0, resumed.stderr
    assert "met 2026-06-15 to 2026-06-26, 2026-10-05 to 2026-10-09" in resumed.stdout
    during_break = _palais(env, "sessions", "cover", "62", "--on", "2026-08-03")
    assert "15 June–10 July 2026" in during_break.stdout.splitlines()
    expected = {
        "en": "15–26 June and 5–9 October 2026",
        "fr": "15-26 juin et 5-9 octobre 2026",
        "es": "15 a 26 de junio y 5 a 9 de octubre de 2026",
    }
    for lang, line in expected.items():
        after = _palais(env, "sessions", "cover", "62", "--lang", lang, "--on", "2026-10-06",
                        "--item", "1")
        assert after.returncode == 0, after.stderr
        assert line in after.stdout.splitlines(), after.stdout
    listed = _palais(env, "sessions", "list", "--last", "1")
    assert "2026-06-15/2026-06-26, 2026-10-05/2026-10-09" in listed.stdout, listed.stdout


def test_parts_that_cannot_be_are_refused_and_nothing_is_stored(
    process_env: dict[str, str],
) -> None:
    env = process_env
    base = ["sessions", "add", "62", "--opening", "2026-06-15", "--closing", "2026-07-10",
            "--as", "officer"]
    late_start = _palais(env, *base, "--part", "2026-06-16/2026-06-26",
                         "--part", "2026-10-05/2026-10-09")
    assert late_start.returncode == 2
    assert "the first part starts on 2026-06-16, the session opened on 2026-06-15" in (
        late_start.stderr + late_start.stdout)
    overlap = _palais(env, *base, "--part", "2026-06-15/2026-06-26",
                      "--part", "2026-06-20/2026-06-30")
    assert overlap.returncode == 2 and "part 2 starts" in overlap.stderr + overlap.stdout
    malformed = _palais(env, *base, "--part", "15 June-26 June", "--part", "2026-10-05")
    assert malformed.returncode == 2
    assert "is not a part written FIRST/LAST" in malformed.stderr + malformed.stdout
    listed = _palais(env, "sessions", "list", "--last", "1")
    assert "2026-07-10" not in listed.stdout, listed.stdout


def test_a_future_session_that_closed_late_prints_the_dates_it_met_once_closed(
    process_env: dict[str, str],
) -> None:
    """A session added as scheduled and later recorded as closed on another day: covers
    issued during it print the scheduled dates, covers issued after it the dates met."""
    env = process_env
    added = _palais(env, "sessions", "add", "63", "--opening", "2026-09-14",
                    "--closing", "2026-10-09", "--actually-closed", "2026-10-14",
                    "--as", "officer")
    assert added.returncode == 0, added.stderr
    during = _palais(env, "sessions", "cover", "63", "--lang", "es", "--on", "2026-10-01")
    assert "14 de septiembre a 9 de octubre de 2026" in during.stdout.splitlines()
    after = _palais(env, "sessions", "cover", "63", "--lang", "es", "--on", "2026-11-02")
    assert "14 de septiembre a 14 de octubre de 2026" in after.stdout.splitlines(), after.stdout
    assert "63er período de sesiones" in after.stdout.splitlines()
