"""Which text of a cover is free text a person translates, and which is formula.

A cover mixes two kinds of text. Formulaic text (the session line, the dates,
the agenda line and title, the note verbale's title, the standard request to
circulate, the "reproduced as received" footnote) is written by the
conventions in every language. Everything else was written by the mission (the
first paragraph saying what the annex is about, a request worded its own way, a
title that is no standard title) and must be translated by a person.

Each such passage has a stable key, so a translation stays attached to its
passage however often the record is edited:

* ``cover.title``: the document title, when the conventions cannot write it;
* ``cover.paragraph.N``: the Nth cover paragraph (from 1), unless it is the
  standard request in the cover's language. A paragraph that is a variant of
  the request (worded otherwise, e.g. without the session) is the mission's
  text and is translated as written; its passage carries the formula in each
  other language as a ``suggestion`` for the translator, never applied by itself;
* ``cover.footnote.N``: the Nth cover footnote, unless it is the standard
  "reproduced as received" note;
* ``correction.N.new`` and ``correction.N.old``: the new text and the words
  replaced of a corrigendum's Nth correction. A corrigendum prints the
  original's title and its corrections only, so those are its only passages:
  the title's translations come with it from the original, and only what the
  corrigendum changes waits for a translator.

The language the cover was written in needs no translation: its text is the
record's own. palais never fills a passage by itself: a missing translation
stops composition (:class:`~palais.errors.MissingTranslation`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from palais.compose import formulaic
from palais.languages import ALL, Language
from palais.model import Document

__all__ = ["Passage", "missing_translations", "passages", "translation"]

TITLE = "cover.title"


@dataclass(frozen=True, slots=True)
class Passage:
    """A free-text passage of a cover, with its text in the cover's language."""

    key: str
    original: str
    suggestions: Mapping[Language, str] = field(default_factory=dict)
    """The nearest formula in each other language, where the passage is a variant of one."""


def passages(doc: Document) -> list[Passage]:
    """The free-text passages of ``doc``'s cover, in reading order."""
    found: list[Passage] = []
    if doc.title and not formulaic.title_is_standard(doc):
        found.append(Passage(TITLE, doc.title))
    if doc.corrections:
        for n, correction in enumerate(doc.corrections, 1):
            if correction.old is not None:
                found.append(Passage(f"correction.{n}.old", correction.old))
            found.append(Passage(f"correction.{n}.new", correction.new))
        return found
    for n, paragraph in enumerate(doc.paragraphs, 1):
        if not formulaic.is_standard_request(doc, paragraph):
            found.append(Passage(
                f"cover.paragraph.{n}", paragraph, formulaic.suggested_request(doc, paragraph)
            ))
    for n, note in enumerate(doc.footnotes, 1):
        if not formulaic.is_standard_footnote(doc, note.text):
            found.append(Passage(f"cover.footnote.{n}", note.text))
    return found


def translation(doc: Document, key: str, lang: Language) -> str | None:
    """The translation of passage ``key`` into ``lang``, or None when there is none yet."""
    text = doc.translations.get(key, {}).get(lang)
    return text if text and text.strip() else None


def missing_translations(doc: Document) -> dict[Language, list[str]]:
    """Per language, the keys of the passages still awaiting a translation.

    Every language is a key; the cover's own language (and a language with
    every passage translated) maps to an empty list.
    """
    keys = [p.key for p in passages(doc)]
    return {
        lang: []
        if lang is doc.language
        else [k for k in keys if translation(doc, k, lang) is None]
        for lang in ALL
    }
