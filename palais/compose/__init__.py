"""From a document record to its six language versions, each in four formats.

:func:`compose` makes one :class:`~palais.compose.version.ComposedVersion` (a
language version with every line already written in its language);
:func:`render` lays it out in one :class:`~palais.model.Format`, each format a
small module (``text``, ``html``, ``akn``, ``pdf``) exposing
``render(version) -> bytes``. :func:`missing_translations` tells what a record
still lacks before every version can be composed.
"""

from __future__ import annotations

import importlib

from palais.compose.cover import compose
from palais.compose.passages import missing_translations, passages
from palais.compose.version import ComposedVersion
from palais.model import Format

__all__ = ["ComposedVersion", "compose", "missing_translations", "passages", "render"]

_RENDERERS = {
    Format.TXT: "palais.compose.text",
    Format.HTML: "palais.compose.html",
    Format.AKN: "palais.compose.akn",
    Format.PDF: "palais.compose.pdf",
}


def render(version: ComposedVersion, fmt: Format) -> bytes:
    """``version`` in format ``fmt``. Renderers load on first use, so composing text
    never pays for the PDF engine."""
    data: bytes = importlib.import_module(_RENDERERS[fmt]).render(version)
    return data
