"""The English messages of palais's errors, for the page catalogues (a Babel extractor).

An error is raised with an English message holding ``%(name)s`` placeholders
and its values apart (:class:`palais.errors.PalaisError`); a page shows it with
``exc.translated(gettext)``. Those messages live all over the package, far from
the page modules that ``babel.cfg`` reads with the ``_`` keyword, so this
extractor finds them: the first argument, a plain string, of a call to any class
of :mod:`palais.errors` (``InvalidInput("…", limit=…)``), and of
``super().__init__("…")`` inside :mod:`palais.errors` itself, besides what
Babel's Python extractor finds (``_("…")``), so one method reads every module. A message built
with an f-string has its values inside it and cannot be translated; it is not
extracted, and the page shows it in English. ``babel.cfg`` names this function
under ``[extractors]``; ``tests/web/ui/test_error_texts.py`` checks that every
message found is in the catalogues.
"""

from __future__ import annotations

import ast
import inspect
import io
from collections.abc import Iterator
from typing import IO, Any, cast

from babel.messages.extract import extract_python

from palais import errors


def _error_classes() -> frozenset[str]:
    return frozenset(
        name for name, value in inspect.getmembers(errors, inspect.isclass)
        if issubclass(value, errors.PalaisError)
    )


def messages(source: str, filename: str = "") -> Iterator[tuple[int, str]]:
    """(line, message) of every translatable error message in ``source``."""
    classes = _error_classes()
    in_errors = filename.replace("\\", "/").endswith("palais/errors.py")
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        first = node.args[0]
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else (
            func.attr if isinstance(func, ast.Attribute) else ""
        )
        is_super = (
            in_errors and name == "__init__" and isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Call) and isinstance(func.value.func, ast.Name)
            and func.value.func.id == "super"
        )
        if name in classes or is_super:
            yield first.lineno, first.value


def extract(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: dict[str, Any]
) -> Iterator[tuple[Any, ...]]:
    """Babel's extractor interface: what Babel's own Python extractor finds (``_("…")``
    in the page modules), then the error messages."""
    data = fileobj.read()
    yield from extract_python(io.BytesIO(data), keywords, comment_tags, cast(Any, options))
    source = data.decode(options.get("encoding", "utf-8"))
    for line, message in messages(source, getattr(fileobj, "name", "")):
        yield line, None, message, []
