"""The language of the web pages: chosen by the user, else negotiated, then translated.

A person picks a language with the switcher, which stores it in the
``palais_lang`` cookie; without that choice the ``Accept-Language`` header
decides, and English is the last resort. The catalogues are the ``.po`` files
under ``palais/web/i18n/<lang>/LC_MESSAGES/`` (extracted with ``pybabel``);
they are compiled in memory the first time a language is asked for, so a fresh
clone needs no build step and an installed package no writable directory (see
docs/decisions.md, "Web pages").
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from starlette.requests import Request

from palais.errors import UnknownLanguage
from palais.languages import ALL, Language

LANG_COOKIE = "palais_lang"
DEFAULT = Language.EN
CATALOGUES = Path(__file__).resolve().parent.parent / "i18n"
DOMAIN = "messages"


def negotiate(request: Request) -> Language:
    """The cookie's language if valid, else the best match of Accept-Language, else English."""
    chosen = request.cookies.get(LANG_COOKIE)
    if chosen:
        try:
            return Language.parse(chosen)
        except UnknownLanguage:
            pass
    return from_accept_language(request.headers.get("accept-language", ""))


def from_accept_language(header: str) -> Language:
    """The highest-weighted of the six languages in an RFC 9110 Accept-Language header.

    Only the primary subtag counts ("zh-CN" and "zh-Hant" both mean Chinese,
    the only Chinese the UN publishes being simplified); ties keep the
    header's order, and ``q=0`` means "not this one".
    """
    ranked: list[tuple[float, int, Language]] = []
    for position, item in enumerate(header.split(",")):
        tag, _, params = item.strip().partition(";")
        weight = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        primary = tag.strip().split("-")[0].lower()
        lang = next((lang for lang in ALL if lang.value == primary), None)
        if lang is not None and weight > 0:
            ranked.append((-weight, position, lang))
    return min(ranked)[2] if ranked else DEFAULT


@cache
def translations(lang: Language) -> gettext.NullTranslations:
    """The compiled catalogue of ``lang`` (English is the source language)."""
    po_path = CATALOGUES / lang.value / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po_path.exists():
        return gettext.NullTranslations()
    with po_path.open("rb") as po:
        catalog = read_po(po, locale=lang.value)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)
