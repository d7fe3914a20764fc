"""Read the YAML files of ``palais/conventions/data/``, once each.

Everything editorial lives in those files; the modules of this package only
look facts up and format them. Files are read lazily and cached, so importing
:mod:`palais.conventions` costs nothing until a fact is needed.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import yaml

from palais.errors import UnknownLanguage
from palais.languages import Language

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""The safe loader, in libyaml's C implementation where PyYAML was built with it (the wheels
are): the same constructor over a scanner ten times faster, which is most of the time the first
parse of a process spends (the State names file alone is 0.15 s with the Python scanner)."""


@functools.cache
def load(name: str) -> dict[str, Any]:
    """The parsed content of ``data/<name>.yaml`` (read once per process)."""
    path = resources.files("palais.conventions").joinpath("data").joinpath(f"{name}.yaml")
    text = path.read_text(encoding="utf-8")
    content = yaml.load(text, Loader=SafeLoader)
    if not isinstance(content, dict):
        raise ValueError(f"conventions data file {name}.yaml is not a mapping")
    return content


def language(lang: Language | str) -> Language:
    """Accept a :class:`Language` or its code, so callers may pass either."""
    if isinstance(lang, Language):
        return lang
    if isinstance(lang, str):
        return Language.parse(lang)
    raise UnknownLanguage(repr(lang))
