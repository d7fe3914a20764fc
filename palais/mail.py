"""Sending email: the SMTP server the settings name, or none.

The registry hands a message here after the transaction that made it has
committed (:mod:`palais.registry.notifications`); a server that refuses or
does not answer raises :class:`MailError`, which the registry records against
the message and tries again later. Python's :mod:`smtplib` is enough: one
plain-text message per event, over a server the installation trusts (STARTTLS
when the server offers it).
"""

from __future__ import annotations

import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Protocol

TIMEOUT_S = 10
"""A mail server that does not answer within this delays no one for long."""


class MailError(Exception):
    """The message could not be handed to the mail server."""


class Mailer(Protocol):
    def send(self, to: str, subject: str, body: str) -> None: ...


@dataclass(frozen=True, slots=True)
class SmtpMailer:
    """Messages through ``host``:``port``, sent as ``sender``."""

    host: str
    port: int
    sender: str

    def send(self, to: str, subject: str, body: str) -> None:
        message = EmailMessage()
        message["From"] = self.sender
        message["To"] = to
        message["Subject"] = subject
        message.set_content(body)
        try:
            with smtplib.SMTP(self.host, self.port, timeout=TIMEOUT_S) as server:
                server.ehlo()
                if server.has_extn("starttls"):
                    server.starttls()
                    server.ehlo()
                server.send_message(message)
        except (TimeoutError, smtplib.SMTPException, OSError) as exc:
            raise MailError(f"{self.host}:{self.port}: {exc}") from exc

