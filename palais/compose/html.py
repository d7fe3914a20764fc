"""HTML of a language version: one accessible page, linked to the other five.

The page carries its language and direction on ``<html>``, and each annex its
own (an English annex inside the Arabic page reads left to right); landmarks
(banner masthead, navigation between versions, main document) and headings
(the title, then each annex) let assistive technology move through it. The
template is Jinja2 with autoescaping, so record text can never become markup.
"""

from __future__ import annotations

import functools
from importlib import resources

import jinja2
import yaml

from palais.compose.version import ComposedVersion
from palais.languages import Language

__all__ = ["render"]


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("palais.compose", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


@functools.cache
def _labels() -> dict[str, dict[str, str]]:
    text = resources.files("palais.compose").joinpath("data/labels.yaml").read_text("utf-8")
    data: dict[str, dict[str, str]] = yaml.safe_load(text)
    return data


def labels(lang: Language) -> dict[str, str]:
    """The page's own words (not the document's) in ``lang``."""
    return {name: by_lang[lang.value] for name, by_lang in _labels().items()}


def render(version: ComposedVersion) -> bytes:
    template = _environment().get_template("version.html")
    return template.render(v=version, labels=labels(version.language)).encode("utf-8")
