"""Files kept by their SHA-256: submitted originals and issued manifestations.

A file's name is the hash of its bytes, so the same bytes are kept once, a
stored file can be checked against its name at any time, and nothing ever
overwrites a stored file with other content. A file is written to a temporary
name in the same folder, flushed to disk, then renamed into place: a crash
leaves either the whole file or none (perhaps a stray temporary, never a
truncated blob). Stored files are made read-only, for their owner alone: a
submission's original is not public before it is issued. A folder that is
read-only or full is :class:`palais.errors.StorageUnavailable` naming it.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from palais.errors import InvalidInput, NotFound
from palais.store.engine import storage_error

_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_WRITERS = 8


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class BlobStore:
    """A folder of content-addressed files: ``<root>/ab/cd/abcd…`` (fan-out by prefix)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path(self, sha256: str) -> Path:
        if not _HEX64.match(sha256):
            raise InvalidInput("not a SHA-256 hex digest: %(sha256)r", sha256=sha256)
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def put(self, data: bytes) -> str:
        """Store ``data`` (once) and return its SHA-256."""
        digest = sha256_of(data)
        target = self.path(digest)
        if target.exists():
            return digest
        try:
            self._write(target, data)
        except OSError as exc:
            raise storage_error(exc, str(target.parent)) or exc from exc
        return digest

    def _write(self, target: Path, data: bytes) -> None:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temporary, 0o400)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _fsync_dir(target.parent)

    def put_many(self, items: Sequence[bytes]) -> list[str]:
        """Store several files at once; returns their SHA-256s in order.

        Each file is made durable as by :meth:`put`; the writes run on a few threads
        because most of a write's time is the disk flushing it, and flushes issued
        together are committed together by the file system's journal (a bulk import
        of the back catalogue is bound by them otherwise).
        """
        if len(items) < 2:
            return [self.put(data) for data in items]
        with ThreadPoolExecutor(max_workers=_WRITERS) as pool:
            return list(pool.map(self.put, items))

    def get(self, sha256: str) -> bytes:
        """The bytes stored under ``sha256``; raises NotFound if absent."""
        try:
            return self.path(sha256).read_bytes()
        except FileNotFoundError:
            raise NotFound("no stored file with SHA-256 %(sha256)s", sha256=sha256) from None

    def __contains__(self, sha256: str) -> bool:
        return self.path(sha256).exists()


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX needs the directory flushed)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
