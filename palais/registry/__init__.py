"""The system of record: submissions, their workflow, symbols, users and the audit log.

:class:`Registry` holds the use cases (submit, register, translate, issue,
reject, withdraw, new versions, the public archive); the values it hands out
are in :mod:`palais.registry.values`; the rules are data in
:mod:`palais.registry.workflow` (who may do what from which state) and
:mod:`palais.registry.visibility` (who sees what).
"""

from __future__ import annotations

from palais.registry.registry import Registry
from palais.registry.values import (
    Actor,
    AuditEntry,
    IssuedDocument,
    ManifestationRef,
    Role,
    State,
    StoredFile,
    Submission,
)

__all__ = [
    "Actor",
    "AuditEntry",
    "IssuedDocument",
    "ManifestationRef",
    "Registry",
    "Role",
    "State",
    "StoredFile",
    "Submission",
]
