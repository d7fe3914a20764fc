"""``palais sessions``: the secretariat extends the calendar from the command line."""

from __future__ import annotations

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
