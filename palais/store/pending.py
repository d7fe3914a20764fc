"""Uploads held between a mission's preview and its confirmation.

A mission's file is kept the moment its preview is shown, so the confirmation
names it by a token instead of carrying the file back (a form field cannot
hold a 20 MiB file, and a file sent twice is twice the wait). Each held upload
is two files in one folder: ``<token>.bin`` (the bytes) and ``<token>.json``
(who uploaded it, its name, when). The token is 32 random bytes, so it cannot
be guessed, and it is bound to its owner: another account holding the token is
told the upload does not exist. A held upload is removed when it is confirmed,
and any held longer than :data:`HOLD_SECONDS` is removed by the next upload
(:meth:`PendingUploads.sweep`), so abandoned previews do not accumulate.
Nothing here is the record: a held file enters the content-addressed store only
when its submission is confirmed.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from palais.errors import NotFound
from palais.store.engine import storage_error

HOLD_SECONDS = 24 * 3600
"""A preview may be left open for a working day before it is confirmed."""
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")


@dataclass(frozen=True, slots=True)
class HeldUpload:
    token: str
    owner: str
    filename: str
    held_at: float
    data: bytes
    about: str
    """What the holder kept with the file (the registry: the record read from it)."""


class PendingUploads:
    """A folder of uploads awaiting their owner's confirmation."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def hold(self, owner: str, filename: str, data: bytes, about: str = "") -> str:
        """Keep ``data`` (and ``about`` it) for ``owner``; returns the token that names it."""
        self.sweep()
        token = secrets.token_urlsafe(32)
        sidecar = {"owner": owner, "filename": filename, "held_at": time.time(), "about": about}
        try:
            self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
            self._write(self.root / f"{token}.bin", data)
            self._write(self.root / f"{token}.json", json.dumps(sidecar).encode("utf-8"))
        except OSError as exc:
            raise storage_error(exc, str(self.root)) or exc from exc
        return token

    def get(self, owner: str, token: str) -> HeldUpload:
        """The upload ``token`` names, if ``owner`` made it and it has not expired."""
        missing = NotFound("the uploaded file is no longer held; upload it again")
        if not _TOKEN.match(token):
            raise missing
        try:
            sidecar = json.loads((self.root / f"{token}.json").read_text(encoding="utf-8"))
            data = (self.root / f"{token}.bin").read_bytes()
        except (OSError, ValueError):
            raise missing from None
        if sidecar.get("owner") != owner or time.time() - sidecar["held_at"] > HOLD_SECONDS:
            raise missing
        return HeldUpload(token, owner, str(sidecar["filename"]), float(sidecar["held_at"]),
                          data, str(sidecar.get("about", "")))

    def release(self, token: str) -> None:
        """Forget a held upload (it was confirmed)."""
        if _TOKEN.match(token):
            for suffix in (".bin", ".json"):
                (self.root / f"{token}{suffix}").unlink(missing_ok=True)

    def sweep(self, now: float | None = None) -> int:
        """Remove uploads held longer than :data:`HOLD_SECONDS`; returns how many."""
        if not self.root.is_dir():
            return 0
        limit = (time.time() if now is None else now) - HOLD_SECONDS
        removed = 0
        for path in self.root.glob("*.bin"):
            try:
                expired = path.stat().st_mtime < limit
            except FileNotFoundError:
                continue
            if expired:
                self.release(path.stem)
                removed += 1
        return removed

    @staticmethod
    def _write(target: Path, data: bytes) -> None:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
