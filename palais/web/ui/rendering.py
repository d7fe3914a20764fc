"""Rendering a page: the Jinja2 environment and what every template receives.

Each page is rendered in the language :func:`palais.web.ui.i18n.negotiate`
chose, with ``lang`` and ``dir`` for the ``<html>`` element (Arabic pages are
right to left) and ``_``/``ngettext`` bound to that language's catalogue, so
templates never look a language up themselves.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from palais.languages import ALL, Language
from palais.web.csrf import csrf_field, set_new_cookie
from palais.web.ui.access import current_actor
from palais.web.ui.i18n import negotiate, translations
from palais.web.ui.words import Words

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

_env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def render(
    request: Request, template: str, context: dict[str, Any] | None = None, status: int = 200
) -> HTMLResponse:
    """``template`` rendered for ``request``'s language and caller."""
    lang = negotiate(request)
    catalogue = translations(lang)
    page = {
        "request": request,
        "lang": lang,
        "dir": "rtl" if lang.rtl else "ltr",
        "languages": ALL,
        "_": catalogue.gettext,
        "ngettext": catalogue.ngettext,
        "words": Words(lang, catalogue.gettext),
        "actor": current_actor(request),
        **(context or {}),
    }
    html = _env.get_template(template).render(page)
    response = HTMLResponse(html, status_code=status, headers={"Content-Language": lang.info.bcp47})
    set_new_cookie(request, response)
    return response


def language_name(lang: Language) -> str:
    """A language named in itself, as language switchers name them."""
    return lang.info.native_name


_env.globals["language_name"] = language_name
_env.globals["csrf_field"] = csrf_field
