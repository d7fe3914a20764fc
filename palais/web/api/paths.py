"""Reading ``/documents/<symbol>[/<lang>.<ext> | /<lang>/<format>]`` paths.

A symbol contains slashes, so the document routes take the rest of the path
and split it here: a final ``ru.pdf`` or ``ru/pdf`` names one manifestation;
anything else must be a whole symbol. Language codes are lower case and symbol
components upper case, so the two readings never collide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from palais.errors import InvalidInput
from palais.languages import Language
from palais.model import Format
from palais.symbols import Symbol

_BY_NAME = {f.value: f for f in Format} | {f.extension: f for f in Format}
_FILE = re.compile(r"^(?P<rest>.+)/(?P<lang>[a-z]{2,3})(?:\.|/)(?P<fmt>[a-z]+)$")


@dataclass(frozen=True, slots=True)
class DocumentPath:
    symbol: Symbol
    language: Language | None = None
    format: Format | None = None


def parse_document_path(path: str) -> DocumentPath:
    """Split a document path, raising InvalidInput/InvalidSymbol with what was wrong."""
    path = path.strip("/")
    m = _FILE.match(path)
    if m:
        fmt = _BY_NAME.get(m["fmt"])
        if fmt is None:
            raise InvalidInput(
                f"unknown format {m['fmt']!r}: expected one of {', '.join(sorted(_BY_NAME))}"
            )
        return DocumentPath(Symbol.parse(m["rest"]), Language.parse(m["lang"]), fmt)
    return DocumentPath(Symbol.parse(path))
