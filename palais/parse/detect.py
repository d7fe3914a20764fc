"""Language identification of one part of a document.

Arabic, Chinese and Russian are told by their script alone (cheap and certain
among the six UN languages); English, French and Spanish go to a lingua
detector restricted to the six languages, built once on first use because
building it is slow, and fed a bounded sample so time per document is flat.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from palais.languages import Language

SAMPLE = 400
"""Characters given to the detector: plenty to tell English, French and Spanish apart."""


@functools.cache
def _detector() -> Any:
    from lingua import Language as L
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(
        L.ARABIC, L.CHINESE, L.ENGLISH, L.FRENCH, L.RUSSIAN, L.SPANISH
    ).with_low_accuracy_mode().build()


_LINGUA = {"ARABIC": Language.AR, "CHINESE": Language.ZH, "ENGLISH": Language.EN,
           "FRENCH": Language.FR, "RUSSIAN": Language.RU, "SPANISH": Language.ES}


_SCRIPTS = {
    "latin": re.compile(r"[A-Za-zÀ-ÿ]"),
    "cyrl": re.compile(r"[\u0400-\u052f]"),
    "arab": re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]"),
    "han": re.compile(r"[\u4e00-\u9fff]"),
}


def detect_language(text: str) -> Language | None:
    """The UN language ``text`` is written in, or None when there is too little text."""
    sample = text[:SAMPLE]
    counts = {name: len(rx.findall(sample)) for name, rx in _SCRIPTS.items()}
    total = sum(counts.values())
    if total < 12:
        return None
    for script, lang in (("han", Language.ZH), ("arab", Language.AR), ("cyrl", Language.RU)):
        if counts[script] >= 0.3 * total:
            return lang
    found = _detector().detect_language_of(sample)
    return _LINGUA.get(found.name) if found is not None else None
