"""Formulaic wording of notes verbales, and language names, from ``data/formulae.yaml``."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from babel import Locale

from palais.conventions.data import language, load
from palais.languages import Language


@dataclass(frozen=True, slots=True)
class Formulae:
    """The fixed wording of one language's note verbale and cover masthead.

    Templates use ``str.format`` placeholders: ``{date}`` (format_date),
    ``{state_of}`` (state_name(..., form="of")), ``{session_ordinal}``
    (session_ordinal(..., case="genitive")), ``{agenda_item}``
    (agenda_running), ``{language}`` (language_name) and ``{subject}`` (free
    text a translator supplies).
    """

    language: Language
    masthead_language: Language
    """Language of the masthead lines: English on Russian, Arabic, Chinese covers."""
    distribution: str
    original: str
    language_line: str | None
    """The version's own language line under the symbol ("Français"); None in English."""
    note_verbale_title: str
    opening: str
    request_paragraph: str
    annex_heading: str
    annex_title: str
    reproduced_footnote: str
    confidence: tuple[tuple[str, str], ...]
    """(field, mark) pairs: C confirmed, C2 secondary source, I inferred."""


@functools.cache
def formulae(lang: Language | str) -> Formulae:
    """The formulae of ``lang``."""
    lang = language(lang)
    entry = load("formulae")[lang.value]
    return Formulae(
        language=lang,
        masthead_language=Language(entry["masthead_language"]),
        distribution=entry["distribution"],
        original=entry["original"],
        language_line=entry["language_line"],
        note_verbale_title=entry["note_verbale_title"],
        opening=entry["opening"],
        request_paragraph=entry["request_paragraph"],
        annex_heading=entry["annex_heading"],
        annex_title=entry["annex_title"],
        reproduced_footnote=entry["reproduced_footnote"],
        confidence=tuple(sorted(entry["confidence"].items())),
    )


@functools.cache
def language_name(of: Language | str, in_lang: Language | str) -> str:
    """The name of language ``of`` written in ``in_lang``, as after "Original:".

    CLDR's names serve English, French, Spanish and Russian ("anglais",
    "английский"); the UN's Arabic and Chinese names differ (الإنكليزية, 英文) and
    come from the data file. English names are capitalised ("English").
    """
    of, in_lang = language(of), language(in_lang)
    listed = load("formulae")["language_names"].get(in_lang.value)
    if listed:
        return str(listed[of.value])
    return str(Locale.parse(in_lang.value).languages[of.value])


@functools.cache
def language_lexicon() -> Mapping[str, Language]:
    """Every printed name of the six languages (folded) -> the language, for reading.

    Names in all six languages (CLDR and the UN forms above) and the variants
    of formulae.yaml, so "Original: ANGLAIS", "Original: الإنكليزية" are read.
    """
    from palais.conventions.states import fold

    table: dict[str, Language] = {}
    for of in Language:
        for in_lang in Language:
            table[fold(language_name(of, in_lang))] = of
        for name in load("formulae")["language_name_variants"][of.value]:
            table[fold(str(name))] = of
    return MappingProxyType(table)
