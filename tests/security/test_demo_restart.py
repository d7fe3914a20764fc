"""Finding 12 (third part): ``palais demo`` could not start again on its own
archive once a sample had been withdrawn (it submitted the sample again and its
registration under the withdrawn document's symbol was refused).

Failed before the fix (the second run ended with a Conflict), checked by running
it against the code before the change.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from palais.cli import app
from palais.registry import Registry, State
from palais.settings import Settings

FAST_HASHING = {"PALAIS_ARGON2_MEMORY_KIB": "1024", "PALAIS_ARGON2_TIME_COST": "1"}


def test_the_demo_starts_again_after_a_sample_was_withdrawn(tmp_path: Path) -> None:
    first = CliRunner().invoke(app, ["demo", "--data-dir", str(tmp_path), "--no-serve"],
                               env=FAST_HASHING)
    assert first.exit_code == 0, first.output
    registry = Registry.open(Settings(data_dir=tmp_path, **_fast()))
    officer = registry.actor("demo-officer")
    everything, _ = registry.list(officer, state=State.ISSUED)
    sample = next(s for s in everything if str(s.document.symbol) == "A/HRC/41/G/7")
    registry.withdraw(officer, sample.id, "withdrawn by the mission")
    registry.close()

    again = CliRunner().invoke(app, ["demo", "--data-dir", str(tmp_path), "--no-serve"],
                               env=FAST_HASHING)
    assert again.exit_code == 0, again.output
    assert "A/HRC/41/G/7: withdrawn" in again.output
    assert "A/HRC/47/G/1: already issued" in again.output
    registry = Registry.open(Settings(data_dir=tmp_path, **_fast()))
    withdrawn, _ = registry.list(registry.actor("demo-officer"), state=State.WITHDRAWN)
    assert [s.document.symbol and str(s.document.symbol) for s in withdrawn] == ["A/HRC/41/G/7"]
    registry.close()


def _fast() -> dict[str, int]:
    return {"argon2_memory_kib": 1024, "argon2_time_cost": 1}
