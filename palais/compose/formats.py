"""Rendering a composed version in one format: each format is a small module.

Renderers load on first use, so composing text never pays for the PDF engine.
"""

from __future__ import annotations

import importlib

from palais.compose.version import ComposedVersion
from palais.model import Format

__all__ = ["render"]

_RENDERERS = {
    Format.TXT: "palais.compose.text",
    Format.HTML: "palais.compose.html",
    Format.AKN: "palais.compose.akn",
    Format.PDF: "palais.compose.pdf",
}


def render(version: ComposedVersion, fmt: Format) -> bytes:
    """``version`` in format ``fmt`` (one of :meth:`Format.composed`)."""
    data: bytes = importlib.import_module(_RENDERERS[fmt]).render(version)
    return data
