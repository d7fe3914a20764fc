"""The registry: every use case of the system of record, each one checked and audited.

:class:`Registry` gathers the use cases by concern, one module each:
:mod:`~palais.registry.accounts` (users, passwords, tokens),
:mod:`~palais.registry.submissions` (the workflow, each state change through
the one transition executor of :mod:`~palais.registry.transitions`),
:mod:`~palais.registry.translating` (assigning languages, translating, the
translation memory's suggestions, previews),
:mod:`~palais.registry.corrections` (corrigenda, revisions and addenda of an
issued document),
:mod:`~palais.registry.archive` (the public archive and the change records
the search index follows), :mod:`~palais.registry.backcatalogue` (earlier
documents imported into it), :mod:`~palais.registry.calendar` and
:mod:`~palais.registry.web_access` (web sessions and API tokens).
A use case runs in one database transaction and either commits whole or
changes nothing. The SQL is in :mod:`palais.store`.
"""

from __future__ import annotations

from palais.mail import SmtpMailer
from palais.registry.accounts import AccountCases
from palais.registry.archive import ArchiveReads
from palais.registry.backcatalogue import BackCatalogue
from palais.registry.calendar import CalendarCases
from palais.registry.corrections import CorrectionCases
from palais.registry.credentials import Passwords
from palais.registry.translating import TranslationCases
from palais.registry.uploads import UploadCases
from palais.registry.web_access import WebAccessCases
from palais.settings import Settings
from palais.store import BlobStore, open_engine, upgrade

# A standby on another machine that stops answering must not hold a reader for long.
STANDBY_CONNECT_TIMEOUT_S = 2


class Registry(
    WebAccessCases, AccountCases, UploadCases, TranslationCases, CorrectionCases, ArchiveReads,
    BackCatalogue,
    CalendarCases,
):
    """The use cases over one store. Open it with :meth:`open`; share it between threads."""

    @classmethod
    def open(cls, settings: Settings) -> Registry:
        """Open (creating and migrating as needed) the store that ``settings`` name."""
        engine = open_engine(settings.database_url)
        upgrade(engine)
        passwords = Passwords(settings.argon2_memory_kib, settings.argon2_time_cost)
        standby = (
            open_engine(settings.read_database_url, connect_timeout=STANDBY_CONNECT_TIMEOUT_S)
            if settings.read_database_url else None
        )
        registry = cls(engine, BlobStore(settings.blob_dir), passwords, standby)
        if settings.smtp_host:
            registry.mailer = SmtpMailer(settings.smtp_host, settings.smtp_port,
                                         settings.smtp_from)
        registry.public_url = settings.public_url
        return registry

    def close(self) -> None:
        """Close the database connections (the registry cannot be used afterwards)."""
        self.engine.dispose()
        if self.reads.standby is not None:
            self.reads.standby.dispose()
