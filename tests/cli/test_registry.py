"""The registry commands, end to end over a store in a temporary folder."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from palais.cli import app
from palais.registry import Registry, State
from palais.settings import Settings
from tests.conftest import SEEDS
from tests.support.records import sample_translation

PASSWORD = "correct horse battery staple"
SEED = SEEDS / "ru_a_hrc_41_2019.txt"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        "PALAIS_DATA_DIR": str(tmp_path),
        "PALAIS_ARGON2_MEMORY_KIB": "1024",
        "PALAIS_ARGON2_TIME_COST": "1",
    }


@pytest.fixture
def runner(env: dict[str, str]) -> CliRunner:
    return CliRunner(env=env)


def _ok(runner: CliRunner, *args: str, stdin: str | None = None) -> str:
    result = runner.invoke(app, list(args), input=stdin)
    assert result.exit_code == 0, result.output
    return result.output


def _registry(env: dict[str, str]) -> Registry:
    return Registry.open(Settings.load(environ=env))


def test_users_add_with_a_prompted_or_piped_password(
    runner: CliRunner, env: dict[str, str]
) -> None:
    out = _ok(runner, "users", "add", "aze", "--role", "mission", "--state", "aze",
              stdin=f"{PASSWORD}\n{PASSWORD}\n")
    assert "created mission aze (AZE)" in out
    out = _ok(runner, "users", "add", "tr", "--role", "translator", "--languages", "en,fr",
              "--password-stdin", stdin=PASSWORD + "\n")
    assert "created translator tr (en, fr)" in out
    registry = _registry(env)
    assert registry.login("tr", PASSWORD).languages[1].value == "fr"
    registry.close()


def test_bad_input_exits_with_the_error_code(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["users", "add", "x", "--role", "mission", "--password-stdin"], input=PASSWORD
    )
    assert result.exit_code == 2
    assert "needs the State" in result.output
    result = runner.invoke(app, ["show", "A/HRC/41/G/1"])
    assert result.exit_code == 5
    assert "no issued document" in result.output


def test_submit_register_issue_show_export(runner: CliRunner, env: dict[str, str]) -> None:
    _ok(runner, "db", "upgrade")
    for name, role in (("aze", "mission"), ("officer", "officer")):
        args = ["users", "add", name, "--role", role, "--password-stdin"]
        _ok(runner, *args, *(["--state", "AZE"] if role == "mission" else []), stdin=PASSWORD)
    out = _ok(runner, "submit", str(SEED), "--as", "aze")
    assert out.startswith("submission 1: session 41, agenda [4], dated 2019-06-06, from AZE")
    refused = runner.invoke(app, ["register", "1", "--as", "aze"])
    assert refused.exit_code == 7, refused.output
    out = _ok(runner, "register", "1", "--session", "41", "--agenda", "4", "--as", "officer")
    assert out.startswith("A/HRC/41/G/1  (job number GE.")

    registry = _registry(env)
    officer = registry.actor("officer")
    submission = registry.get(officer, 1)
    assert submission.state is State.REGISTERED
    # Supply every missing passage, as translators would, so the CLI can issue.
    from palais.compose import missing_translations

    for lang, keys in missing_translations(submission.document).items():
        for key in keys:
            registry.set_translation(officer, 1, key, lang, sample_translation(lang, key))
    registry.close()

    assert _ok(runner, "issue", "1", "--as", "officer").strip() == "issued A/HRC/41/G/1"
    shown = json.loads(_ok(runner, "show", "A/HRC/41/G/1"))
    assert shown["symbol"] == "A/HRC/41/G/1"
    assert len(shown["manifestations"]) == 24
    rows = list(csv.DictReader(io.StringIO(_ok(runner, "export", "--format", "csv"))))
    assert [(r["symbol"], r["session"], r["sender_state"]) for r in rows] == [
        ("A/HRC/41/G/1", "41", "AZE")
    ]
    lines = _ok(runner, "export", "--format", "jsonl").splitlines()
    assert json.loads(lines[0])["symbol"] == "A/HRC/41/G/1"
