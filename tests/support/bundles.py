"""A bundle for a submission's record as it is now, without rendering anything.

Registry tests exercise the registry's rules (the digest check under the row
lock, the states, the audit trail); composing real files is tested in
``tests/compose`` and along the users' paths. The files here are small and
different per language and format, so a test can tell them apart.
"""

from __future__ import annotations

from palais.bundles import Bundle, RenderedFile, record_digest
from palais.languages import ALL
from palais.model import Document, Format
from palais.registry import Registry, Role


def bundle_for(document: Document) -> Bundle:
    files = tuple(
        RenderedFile(lang, fmt, f"{document.symbol} {lang.value} {fmt.value}".encode())
        for lang in ALL
        for fmt in Format.composed()
    )
    texts = {lang: f"{document.symbol} {document.title or ''} ({lang.value})" for lang in ALL}
    return Bundle(record_digest(document), files, texts)


def current_bundle(registry: Registry, submission_id: int) -> Bundle:
    """The bundle of the submission's record as the store holds it now."""
    from palais.registry import Actor

    officer = Actor("bundle-reader", Role.OFFICER)
    return bundle_for(registry.get(officer, submission_id).document)
