"""Finding 12 (first part): the SQLite store, which holds the password and token
hashes, was created world-readable (0644), and stored files readable by all.

Failed before the fix (mode 0644 and 0444), checked by running it against the
code before the change.
"""

from __future__ import annotations

import stat
from pathlib import Path

from tests.web.harness import Api


def test_the_store_and_its_files_are_readable_by_their_owner_only(
    api: Api, tmp_path: Path
) -> None:
    upload = api.post_file("mission", "/api/submissions/upload", "note.txt",
                           api.seed_bytes("ru_a_hrc_41_2019.txt"))
    assert upload.status_code == 201, upload.text
    database = tmp_path / "palais.db"
    kept = [database, *(p for p in (tmp_path / "files").rglob("*") if p.is_file())]
    kept += [p for p in (database.with_name("palais.db-wal"),) if p.exists()]
    assert len(kept) >= 2
    for path in kept:
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, (path, oct(path.stat().st_mode))
