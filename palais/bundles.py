"""What one compose pass hands to the registry when a document is issued.

Issuing is final, and what is published must be what was composed from the
record that is issued. So composing produces one :class:`Bundle`: every file
of every language version and format, the printed text and title of each version (what
search indexes: every word a reader sees, cover lines and formulae included),
and the digest of the record it was composed from. The registry checks that
digest against the stored record under the row lock: an edit that slipped in
while the files were rendered makes the issue fail instead of publishing files
that disagree with the record.

The types live in the core because both the composer (which makes bundles) and
the registry (which stores them) need them, and neither may import the other.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from palais.languages import Language
from palais.model import Document, Format
from palais.records import to_record

__all__ = ["Bundle", "RenderedFile", "record_digest"]


def record_digest(document: Document) -> str:
    """SHA-256 of the record's canonical JSON: equal records, equal digests."""
    canonical = json.dumps(to_record(document), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class RenderedFile:
    """One format of one language version, as it will be published."""

    language: Language
    format: Format
    data: bytes


@dataclass(frozen=True, slots=True)
class Bundle:
    """Every file of a document and the printed text of each version, from one record."""

    record_digest: str
    files: tuple[RenderedFile, ...]
    texts: Mapping[Language, str] = field(default_factory=dict)
    titles: Mapping[Language, str] = field(default_factory=dict)  # as each version prints it
