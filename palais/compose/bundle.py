"""One compose pass: a record -> the :class:`~palais.bundles.Bundle` it is issued from.

Everything that can fail (a missing translation, a template error, a character
a format cannot hold) fails here, before the registry is touched. The printed
text of each version is its plain-text rendering, so the search index holds
exactly the words a reader sees: cover lines, titles and formulaic paragraphs
in every language, not only the record's own fields.
"""

from __future__ import annotations

from datetime import date

from palais.bundles import Bundle, RenderedFile, record_digest
from palais.compose.cover import compose
from palais.compose.formats import render
from palais.compose.passages import missing_translations
from palais.errors import Conflict, MissingTranslation
from palais.languages import ALL, Language
from palais.model import Document, Format

__all__ = ["compose_bundle", "compose_file"]


def compose_bundle(doc: Document, issue_date: date) -> Bundle:
    """The 6 languages x 4 formats of ``doc`` and their texts; raises before anything
    is stored when a version cannot be composed."""
    _check_composable(doc)
    files: list[RenderedFile] = []
    texts = {}
    titles = {}
    for lang in ALL:
        version = compose(
            doc, lang, symbol=doc.symbol, job_number=doc.job_number, issue_date=issue_date
        )
        titles[lang] = version.title
        for fmt in Format.composed():
            data = render(version, fmt)
            files.append(RenderedFile(lang, fmt, data))
            if fmt is Format.TXT:
                texts[lang] = data.decode("utf-8")
    return Bundle(record_digest(doc), tuple(files), texts, titles)


def compose_file(doc: Document, lang: Language, fmt: Format, issue_date: date) -> bytes:
    """One file of the bundle :func:`compose_bundle` would make, exactly as it would be
    issued (the preview the secretariat reads before issuing, one version at a time)."""
    _check_composable(doc)
    version = compose(
        doc, lang, symbol=doc.symbol, job_number=doc.job_number, issue_date=issue_date
    )
    return render(version, fmt)


def _check_composable(doc: Document) -> None:
    missing = missing_translations(doc)
    if any(missing.values()):
        raise MissingTranslation({lang.value: p for lang, p in missing.items() if p})
    if doc.symbol is None:
        raise Conflict("a document is registered (given a symbol) before it is issued")
