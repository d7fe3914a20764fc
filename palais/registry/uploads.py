"""A mission's upload between its preview and its confirmation, and its own file after.

:meth:`UploadCases.hold_upload` reads and parses the file (OCR for a scan)
once, keeps it in the pending uploads (:mod:`palais.store.pending`) under a
token bound to the mission's account, and says which of the mission's
submissions it seems to repeat; :meth:`UploadCases.submit_held` submits it as
read, so a confirmed scan is not read by OCR a second time and the file never
travels back from the browser. A refused file (empty, unreadable, another
State's) is refused here, before anything is held.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from palais.errors import NotFound
from palais.model import Document
from palais.records import from_record, to_record
from palais.registry import duplicates, intake, rows, visibility, workflow
from palais.registry.submissions import SubmissionCases
from palais.registry.transitions import visible
from palais.registry.values import Actor, Role, StoredFile, Submission
from palais.store import Connection, sha256_of, submissions


@dataclass(frozen=True, slots=True)
class Repeat:
    """An earlier submission that a held upload seems to repeat, as the mission is told."""

    id: int
    reason: duplicates.Reason
    received_at: datetime
    title: str | None


@dataclass(frozen=True, slots=True)
class HeldFile:
    """An upload read and kept for its owner's confirmation."""

    token: str
    filename: str
    media_type: str
    document: Document
    repeats: tuple[Repeat, ...] = ()


class UploadCases(SubmissionCases):
    """Holding a mission's upload for its preview, then submitting it."""

    def hold_upload(self, actor: Actor, filename: str, data: bytes) -> HeldFile:
        """Read ``data``, keep it for ``actor``'s confirmation, and find what it repeats."""
        workflow.check("submit", actor)
        received = intake.from_file(filename, data)
        document = visibility.for_mission(actor, received.document)
        about = {"record": to_record(document), "media_type": received.media_type}
        token = self.pending.hold(
            actor.username, filename, data, json.dumps(about, ensure_ascii=False)
        )
        sha256 = sha256_of(data)
        mission = actor.state if actor.role is Role.MISSION else None
        repeats = self._read(lambda c: self._described(c, document, sha256, mission))
        return HeldFile(token, filename, received.media_type, document, tuple(repeats))

    def held_upload(self, actor: Actor, token: str) -> HeldFile:
        """The upload ``actor`` holds under ``token`` (NotFound for anyone else's)."""
        held = self.pending.get(actor.username, token)
        about = json.loads(held.about)
        return HeldFile(token, held.filename, about["media_type"], from_record(about["record"]))

    def submit_held(self, actor: Actor, token: str) -> Submission:
        """Submit the upload ``actor`` holds under ``token``, as it was read; it is then
        no longer held."""
        workflow.check("submit", actor)
        held = self.pending.get(actor.username, token)
        about = json.loads(held.about)
        document = visibility.for_mission(actor, from_record(about["record"]))
        sha256 = self.blobs.put(held.data)
        submitted = self._submit(actor, document, (held.filename, about["media_type"], sha256))
        self.pending.release(token)
        return submitted

    def source_file(self, actor: Actor, submission_id: int) -> StoredFile:
        """The file a submission was made from, as received, for whoever may see it."""
        row = self._read(lambda c: visible(c, actor, submission_id))
        if row.source_sha256 is None:
            raise NotFound("submission %(id)s was made from fields, not a file",
                           id=submission_id)
        data = self.blobs.get(row.source_sha256)
        return StoredFile(row.source_sha256, len(data), row.media_type or "", data)

    def _described(
        self, connection: Connection, document: Document, sha256: str, mission: str | None
    ) -> list[Repeat]:
        found = self._repeats(connection, document, sha256, mission)
        if not found:
            return []
        by_id = {d.id: submissions.fetch(connection, d.id) for d in found}
        return [
            Repeat(d.id, d.reason, rows.aware(by_id[d.id].received_at) or rows.now(),
                   by_id[d.id].title)
            for d in found
        ]

