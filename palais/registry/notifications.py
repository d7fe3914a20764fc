"""What a mission is told: its note registered, its note issued.

A notification is written by :func:`record` in the very transaction of the
registration or the issue, so it exists exactly when the event committed (an
outbox: no message for an issue that rolled back, none lost for one that
committed). It is emailed afterwards, in the language of the note the mission
sent, by :meth:`NotificationCases.deliver`, outside any transaction: a mail
server that is down or slow never undoes or delays the event beyond its
timeout; the failure is logged and counted on the message, which the next
delivery (after the next registration or issue) tries again, up to
:data:`palais.store.notifications.MAX_ATTEMPTS` times. The mission also reads
every notification in its area, sent or not.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import quote

import yaml

from palais.languages import Language
from palais.mail import Mailer
from palais.registry.base import StoreAccess
from palais.registry.rows import aware, now
from palais.registry.values import Actor, Role
from palais.store import Connection, accounts
from palais.store import notifications as rows

logger = logging.getLogger(__name__)

_DELIVERING = threading.Lock()


@dataclass(frozen=True, slots=True)
class Notification:
    """One message to a mission about one of its submissions."""

    id: int
    submission_id: int
    event: str
    symbol: str | None
    created_at: datetime
    sent_at: datetime | None
    recipient: str | None
    attempts: int
    last_error: str | None


def record(connection: Connection, row: Any, event: str, at: datetime) -> None:
    """Write the notification of ``event`` for the submission ``row`` (in its transaction)."""
    if row.mission is None:
        return
    submitter = accounts.user(connection, row.submitted_by)
    recipient = getattr(submitter, "email", None) if submitter is not None else None
    rows.add(
        connection, submission_id=row.id, mission=row.mission, recipient=recipient,
        event=event, symbol=row.symbol, created_at=at,
    )


def message(
    event: str, submission_id: int, symbol: str | None, public_url: str, language: Language
) -> tuple[str, str]:
    """The subject and body of one notification, in ``language`` (the note's own: the
    mission wrote in it; ``data/notices.yaml``)."""
    link = f"{public_url.rstrip('/')}/documents/{quote(str(symbol), safe='/')}"
    texts = _notices()[event]
    values = {"number": submission_id, "symbol": symbol, "link": link}
    return (
        texts["subject"][language.value].format(**values),
        texts["body"][language.value].format(**values),
    )


@cache
def _notices() -> dict[str, dict[str, dict[str, str]]]:
    text = resources.files("palais.registry").joinpath("data/notices.yaml").read_text("utf-8")
    data: dict[str, dict[str, dict[str, str]]] = yaml.safe_load(text)
    return data


def _language(record: str) -> Language:
    """The language of the note behind a notification; English when the record names none."""
    try:
        return Language(json.loads(record).get("language"))
    except ValueError:
        return Language.EN


class NotificationCases(StoreAccess):
    """Listing a mission's notifications and sending those not yet sent."""

    mailer: Mailer | None = None
    public_url: str = "http://localhost:8000"

    def notifications(self, actor: Actor) -> list[Notification]:
        """The mission's notifications, newest first (none for other roles)."""
        if actor.role is not Role.MISSION or actor.state is None:
            return []
        state = actor.state
        return [_value(r) for r in self._read(lambda c: rows.of_mission(c, state))]

    def deliver(self) -> int:
        """Send the notifications not sent yet; returns how many were sent. Never raises.

        One delivery at a time in a process, so two requests finishing together do not
        send a message twice (nodes of a cluster each deliver their own events' and,
        rarely, one another's a second time).
        """
        if self.mailer is None:
            return 0
        with _DELIVERING:
            return self._deliver(self.mailer)

    def _deliver(self, mailer: Mailer) -> int:
        sent = 0
        try:
            waiting = self._read(rows.unsent)
        except Exception:  # the store being unavailable must not break the event
            logger.exception("notifications could not be read")
            return 0
        for item in waiting:
            subject, body = message(
                item.event, item.submission_id, item.symbol, self.public_url,
                _language(item.record),
            )
            try:
                mailer.send(item.recipient, subject, body)
            except Exception as exc:  # MailError, or an address the mail library refuses
                logger.warning("notification %s not sent: %s", item.id, exc)
                self._mark(item.id, str(exc))
                continue
            self._mark(item.id, None)
            sent += 1
        return sent

    def _mark(self, notification_id: int, error: str | None) -> None:
        """Record a send: done (``error`` None), or failed and why; a store that cannot
        be written is logged, the message then sent again next time."""

        def work(connection: Connection) -> None:
            if error is None:
                rows.mark_sent(connection, notification_id, now())
            else:
                rows.mark_failed(connection, notification_id, error)

        try:
            self._write(work)
        except Exception:
            logger.exception("notification %s: its sending could not be recorded",
                             notification_id)


def _value(row: Any) -> Notification:
    return Notification(
        row.id, row.submission_id, row.event, row.symbol, aware(row.created_at) or now(),
        aware(row.sent_at), row.recipient, row.attempts, row.last_error,
    )
