"""Language identification of one part of a document.

Arabic, Chinese and Russian are told by their script alone (cheap and certain
among the six UN languages); English, French and Spanish go to a lingua
detector restricted to the six languages, built once on first use because
building it is slow, and fed a bounded sample so time per document is flat.
"""

from __future__ import annotations

import functools
from typing import Any

from palais.languages import Language

SAMPLE = 1200
"""Characters given to the detector: plenty for three Latin-script languages."""


@functools.cache
def _detector() -> Any:
    from lingua import Language as L
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(
        L.ARABIC, L.CHINESE, L.ENGLISH, L.FRENCH, L.RUSSIAN, L.SPANISH
    ).build()


_LINGUA = {"ARABIC": Language.AR, "CHINESE": Language.ZH, "ENGLISH": Language.EN,
           "FRENCH": Language.FR, "RUSSIAN": Language.RU, "SPANISH": Language.ES}


def detect_language(text: str) -> Language | None:
    """The UN language ``text`` is written in, or None when there is too little text."""
    sample = text[:SAMPLE]
    counts = {"latin": 0, "cyrl": 0, "arab": 0, "han": 0}
    for ch in sample:
        o = ord(ch)
        if ch.isascii():
            counts["latin"] += ch.isalpha()
        elif 0x400 <= o < 0x530:
            counts["cyrl"] += 1
        elif 0x600 <= o < 0x700 or (0xFB50 <= o < 0xFF00 and o < 0xFE00):
            counts["arab"] += 1
        elif 0x4E00 <= o < 0xA000:
            counts["han"] += 1
        elif ch.isalpha():
            counts["latin"] += 1
    total = sum(counts.values())
    if total < 12:
        return None
    for script, lang in (("han", Language.ZH), ("arab", Language.AR), ("cyrl", Language.RU)):
        if counts[script] >= 0.3 * total:
            return lang
    found = _detector().detect_language_of(sample)
    return _LINGUA.get(found.name) if found is not None else None
