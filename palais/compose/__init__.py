"""From a document record to its six language versions, each in four formats.

:func:`compose` makes one :class:`~palais.compose.version.ComposedVersion` (a
language version with every line already written in its language);
:func:`render` lays it out in one :class:`~palais.model.Format`, each format a
small module (``text``, ``html``, ``akn``, ``pdf``) exposing
``render(version) -> bytes``. :func:`missing_translations` tells what a record
still lacks before every version can be composed; :func:`compose_bundle` makes
every file and text of a document in one pass, for issuing.
"""

from __future__ import annotations

from palais.compose.bundle import compose_bundle, compose_file
from palais.compose.cover import compose
from palais.compose.formats import render
from palais.compose.passages import missing_translations, passages
from palais.compose.version import ComposedVersion

__all__ = [
    "ComposedVersion",
    "compose",
    "compose_bundle",
    "compose_file",
    "missing_translations",
    "passages",
    "render",
]
