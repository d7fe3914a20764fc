"""Reading ``/documents/<symbol>[/<lang>.<ext> | /<lang>/<format>]`` paths.

A symbol contains slashes, so the document routes take the rest of the path
and split it here: a final ``ru.pdf`` or ``ru/pdf`` names one manifestation;
anything else must be a whole symbol. Language codes are lower case and symbol
components upper case, so the two readings never collide. Either may be typed in
any case (``a/hrc/41/g/7/EN.PDF``): :meth:`DocumentPath.canonical` is the path as
published, to which the routes redirect permanently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from palais.errors import InvalidInput
from palais.languages import Language
from palais.model import Format
from palais.symbols import Symbol

_BY_NAME = {f.value: f for f in Format} | {f.extension: f for f in Format}
_FILE = re.compile(r"^(?P<rest>.+)/(?P<lang>[a-zA-Z]{2,3})(?:\.|/)(?P<fmt>[a-zA-Z]+)$")


@dataclass(frozen=True, slots=True)
class DocumentPath:
    symbol: Symbol
    language: Language | None = None
    format: Format | None = None
    dotted: bool = field(default=True, compare=False)  # ``ru.pdf`` rather than ``ru/pdf``

    def canonical(self) -> str:
        """The path as published: canonical symbol, language code in lower case."""
        if self.language is None:
            return str(self.symbol)
        if self.format is None:
            return f"{self.symbol}/{self.language.value}"
        if self.dotted:
            return f"{self.symbol}/{self.language.value}.{self.format.extension}"
        return f"{self.symbol}/{self.language.value}/{self.format.value}"


def parse_document_path(path: str) -> DocumentPath:
    """Split a document path, raising InvalidInput/InvalidSymbol with what was wrong."""
    path = path.strip("/")
    m = _FILE.match(path)
    if m:
        fmt = _BY_NAME.get(m["fmt"].lower())
        if fmt is None:
            raise InvalidInput(
                "unknown format %(fmt)r: expected one of %(value)s",
                fmt=m['fmt'], value=', '.join(sorted(_BY_NAME)),
            )
        dotted = path[m.end("lang")] == "."
        return DocumentPath(
            Symbol.parse_any_case(m["rest"]), Language.parse(m["lang"].lower()), fmt, dotted
        )
    return DocumentPath(Symbol.parse_any_case(path))


def parse_page_path(path: str) -> DocumentPath:
    """A document page's path: a symbol, optionally followed by a language code (any case)."""
    path = path.strip("/")
    rest, _, last = path.rpartition("/")
    language = next((lang for lang in Language if lang.value == last.lower()), None)
    if rest and language is not None:
        return DocumentPath(Symbol.parse_any_case(rest), language)
    return DocumentPath(Symbol.parse_any_case(path))
