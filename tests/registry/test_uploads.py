"""A mission's upload held between its preview and its confirmation."""

from __future__ import annotations

import time

import pytest

from palais.errors import NotFound, ParseError, PermissionDenied
from palais.registry import Registry
from palais.store.pending import HOLD_SECONDS
from tests.registry.conftest import People
from tests.support.notes import note_text

DATA = note_text("en_aze_wrapped").encode("utf-8")


def held_files(registry: Registry) -> list[str]:
    return sorted(p.name for p in registry.pending.root.glob("*"))


def test_a_held_upload_is_submitted_once_as_it_was_read(
    registry: Registry, people: People
) -> None:
    held = registry.hold_upload(people.aze, "note.txt", DATA)
    assert registry.list(people.officer)[1] == 0, "holding submits nothing"
    assert held.document.sender is not None and held.document.sender.iso3 == "AZE"
    assert registry.held_upload(people.aze, held.token).document == held.document
    submission = registry.submit_held(people.aze, held.token)
    assert submission.document == held.document
    assert (submission.filename, submission.media_type) == ("note.txt", "text/plain")
    assert registry.source_file(people.aze, submission.id).data == DATA
    assert held_files(registry) == []
    with pytest.raises(NotFound):
        registry.submit_held(people.aze, held.token)
    assert registry.list(people.officer)[1] == 1


def test_only_its_owner_may_use_a_held_upload(registry: Registry, people: People) -> None:
    held = registry.hold_upload(people.aze, "note.txt", DATA)
    for other in (people.fra, people.officer):
        with pytest.raises(NotFound):
            registry.submit_held(other, held.token)
    with pytest.raises(PermissionDenied):
        registry.submit_held(people.translator, held.token)
    with pytest.raises(NotFound):
        registry.held_upload(people.aze, "../" + held.token[3:])
    assert registry.list(people.officer)[1] == 0 and len(held_files(registry)) == 2


def test_a_refused_file_is_not_held(registry: Registry, people: People) -> None:
    with pytest.raises(ParseError):
        registry.hold_upload(people.aze, "empty.txt", b"")
    with pytest.raises(PermissionDenied):
        registry.hold_upload(people.fra, "note.txt", DATA)
    assert held_files(registry) == []


def test_uploads_left_unconfirmed_expire(registry: Registry, people: People) -> None:
    held = registry.hold_upload(people.aze, "note.txt", DATA)
    assert registry.pending.sweep() == 0
    assert registry.pending.sweep(now=time.time() + HOLD_SECONDS + 60) == 1
    assert held_files(registry) == []
    with pytest.raises(NotFound):
        registry.submit_held(people.aze, held.token)
