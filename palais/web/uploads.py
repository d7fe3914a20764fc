"""Checks on uploaded files before any parser sees them.

An upload is refused when it is larger than the configured limit (413) or when
neither its declared media type nor its first bytes say it is one of the
formats intake reads (PDF, Word .docx, plain text, or a scan: PNG, JPEG, TIFF) (415
is not in the error tree;
an unreadable kind of file is a :class:`palais.errors.ParseError`, 422). The
size is counted while reading, so a client that lies in ``Content-Length``
cannot make the server hold more than the limit in memory.
"""

from __future__ import annotations

from fastapi import UploadFile

from palais.errors import ParseError, PayloadTooLarge
from palais.intake import sniff

ACCEPTED_MEDIA_TYPES = {sniff.PDF: "pdf", sniff.DOCX: "docx", sniff.TEXT: "txt",
                        sniff.PNG: "png", sniff.JPEG: "jpeg", sniff.TIFF: "tiff"}
_CHUNK = 64 * 1024


def read_limited(upload: UploadFile, limit: int) -> bytes:
    """The upload's bytes, or PayloadTooLarge as soon as more than ``limit`` are read."""
    chunks: list[bytes] = []
    size = 0
    while chunk := upload.file.read(_CHUNK):
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge("the file is larger than the limit of %(limit)s bytes",
                                  limit=limit)
        chunks.append(chunk)
    return b"".join(chunks)


def sniff_kind(data: bytes, declared: str | None, filename: str | None) -> str:
    """``pdf``, ``docx``, ``txt`` or a scan's image kind from the bytes, cross-checked
    with the declared type.

    The bytes are judged by :func:`palais.intake.sniff.media_type`, the same rule
    the readers apply (UTF-16 text, with its zero bytes, is text; a program is
    refused whatever its name), so the web never accepts what intake refuses
    nor refuses what it reads; only the declared media type is checked here.
    """
    media = (declared or "").split(";")[0].strip().lower()
    if media.startswith(("video/", "audio/")) or (
        media.startswith("image/") and media not in ACCEPTED_MEDIA_TYPES
    ):
        raise ParseError(
            "%(name)s: declared as %(media)s; palais reads PDF, Word (.docx), "
            "plain-text files and scans (PNG, JPEG, TIFF)", name=filename or "upload", media=media,
        )
    kind = ACCEPTED_MEDIA_TYPES[sniff.media_type(data, filename or "upload")]
    generic = ("", "application/octet-stream")
    if media not in generic and ACCEPTED_MEDIA_TYPES.get(media) != kind:
        raise ParseError(
            "%(name)s: declared as %(media)s but its content is %(kind)s; palais reads PDF, "
            "Word (.docx), plain-text files and scans (PNG, JPEG, TIFF)",
            name=filename or "upload", media=media, kind=kind,
        )
    return kind
