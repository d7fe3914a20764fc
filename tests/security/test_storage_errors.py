"""Finding 11: a data folder that cannot be written gave a 570-line traceback at
start and bare 500s at run time.

A full disk is reproduced with the file-size limit of the server's process
(``RLIMIT_FSIZE``, which needs no privilege: a write past it fails as on a full
disk); the same mapping covers a read-only folder (EROFS, SQLite's "readonly
database"). Both tests failed before the fix (a traceback on stderr; a 500 to
the upload), checked by running them against the code before the change.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import httpx

from tests.security.conftest import environment, palais_serve
from tests.web.harness import Backend, prepared_store
from tests.web.live import ROOT

# Below the size at which the multipart parser spools an upload to a temporary file.
ONE_MEGABYTE = 1 << 20


def _limited(size: int) -> Callable[[], None]:
    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return limit


def _palais(args: list[str], env: dict[str, str], limit: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "palais", *args], env={**os.environ, **env, "PYTHONPATH": str(ROOT)},
        preexec_fn=_limited(limit), capture_output=True, text=True, timeout=120, cwd=ROOT,
    )


def test_a_full_disk_at_start_is_one_line_naming_the_path(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    env = {"PALAIS_DATA_DIR": str(folder), "PALAIS_ARGON2_MEMORY_KIB": "1024", "COLUMNS": "500"}
    done = _palais(["users", "add", "someone", "--role", "officer", "--password-stdin"], env, 0)
    assert done.returncode == 8, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert str(folder / "palais.db") in " ".join(lines[0].split()), lines
    assert "Traceback" not in done.stderr


def test_a_full_disk_at_run_time_is_a_507_naming_the_folder(tmp_path: Path) -> None:
    store = prepared_store(Backend("sqlite"), tmp_path)
    env = {**environment(), **store.env}
    with palais_serve(env, preexec_fn=_limited(ONE_MEGABYTE // 2)) as base:
        text = ("The Permanent Mission presents its compliments. " * 16_000).encode()
        answer = httpx.post(
            base + "/api/submissions/upload", timeout=60,
            headers={"Authorization": f"Bearer {store.tokens['mission']}"},
            files={"file": ("note.txt", text, "text/plain")},
        )
        assert answer.status_code == 507, answer.text[:500]
        assert str(tmp_path / "files") in answer.json()["detail"]
        assert httpx.get(base + "/api/sessions", timeout=10).status_code == 200
