"""Many documents' files as one ZIP, written as it is sent.

A session or a search can hold hundreds of documents of 24 files each; the ZIP is
produced file by file into a small buffer that is handed out after each member, so
memory holds one file at a time whatever the archive's size. ``zipfile`` writes to
a stream it cannot seek with data descriptors, which every unzip tool reads.
PDFs are already compressed and are stored; the other formats are deflated.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from palais.model import Format


class _Pipe:
    """A write-only file whose written bytes are taken out after each member."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.position = 0

    def write(self, data: bytes) -> int:
        self.chunks.append(bytes(data))
        self.position += len(data)
        return len(data)

    def tell(self) -> int:
        return self.position

    def flush(self) -> None:
        """Nothing is buffered here."""

    def take(self) -> bytes:
        out, self.chunks = b"".join(self.chunks), []
        return out


def zip_stream(
    documents: Iterable[Any], read: Callable[[Any, Any], bytes], formats: Iterable[Format]
) -> Iterator[bytes]:
    """The ZIP of the ``formats`` files of ``documents`` (IssuedDocuments), each file's
    bytes read by ``read(issued, ref)``, as chunks; members are ``<symbol>/<lang>.<ext>``
    with the symbol's slashes as in its URL slug."""
    wanted = set(formats)
    pipe = _Pipe()
    with zipfile.ZipFile(pipe, "w") as archive:  # type: ignore[call-overload]
        for issued in documents:
            for ref in issued.manifestations:
                if ref.format not in wanted:
                    continue
                name = f"{issued.symbol.uri_slug()}/{ref.language.value}.{ref.format.extension}"
                method = zipfile.ZIP_STORED if ref.format is Format.PDF else zipfile.ZIP_DEFLATED
                archive.writestr(name, read(issued, ref), compress_type=method)
                yield pipe.take()
    yield pipe.take()
