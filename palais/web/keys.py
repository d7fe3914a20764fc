"""The key that signs what the server hands out (CSRF tokens): one per installation.

Configured as ``PALAIS_SECRET_KEY``, or else generated once into the data
folder (``secret_key``, readable by its owner only) and read from there by
every worker process: a key drawn by each process on its own made a request
that reached another worker fail its check. The file is created with
``O_EXCL``, so workers starting at once agree on whichever was written first.
"""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path

from palais.settings import Settings
from palais.store.engine import storage_error

KEY_FILE = "secret_key"
_KEY_BYTES = 32


def signing_key(settings: Settings) -> bytes:
    """The configured key, else the data folder's (made on first use)."""
    if settings.secret_key:
        return str(settings.secret_key).encode()
    path = Path(settings.data_dir) / KEY_FILE
    try:
        return _read_or_create(path)
    except OSError as exc:
        raise storage_error(exc, str(path)) or exc from exc


def _read_or_create(path: Path) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read(path)
    with os.fdopen(fd, "w") as out:
        out.write(secrets.token_hex(_KEY_BYTES))
        out.flush()
        os.fsync(out.fileno())
    return _read(path)


def _read(path: Path) -> bytes:
    # Another worker may have created the file an instant ago and not written it yet.
    for _ in range(50):
        key = path.read_text(encoding="ascii").strip()
        if len(key) == 2 * _KEY_BYTES:
            return key.encode()
        time.sleep(0.02)
    raise OSError(f"{path} does not hold a key; remove it to have a new one made")
