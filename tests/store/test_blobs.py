"""Content-addressed files: named by their SHA-256, stored once, never altered."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from palais.errors import InvalidInput, NotFound
from palais.store import BlobStore


def test_a_file_is_named_by_its_hash_and_read_back(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path)
    digest = blobs.put(b"note verbale")
    assert digest == hashlib.sha256(b"note verbale").hexdigest()
    assert blobs.get(digest) == b"note verbale"
    assert blobs.path(digest) == tmp_path / digest[:2] / digest[2:4] / digest
    assert digest in blobs


def test_the_same_bytes_are_kept_once_and_read_only(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path)
    first = blobs.put(b"annex")
    modified = blobs.path(first).stat().st_mtime_ns
    assert blobs.put(b"annex") == first
    assert blobs.path(first).stat().st_mtime_ns == modified
    assert not blobs.path(first).stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [first], "no temporaries left"


def test_unknown_and_malformed_hashes(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path)
    with pytest.raises(NotFound):
        blobs.get("0" * 64)
    with pytest.raises(InvalidInput):
        blobs.get("../../etc/passwd")


def test_a_failed_write_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blobs = BlobStore(tmp_path)

    def crash(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(OSError, match="disk full"):
        blobs.put(b"half")
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


@settings(max_examples=30, deadline=None)
@given(st.binary(max_size=2048))
def test_any_bytes_round_trip(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    blobs = BlobStore(tmp_path_factory.mktemp("blobs"))
    assert blobs.get(blobs.put(data)) == data
