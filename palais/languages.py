"""The six official languages of the United Nations.

Every part of palais that speaks of a language uses :class:`Language`, so that a
language code is checked once, at the edge, and never travels as a bare string.
The facts kept here are the ones a program needs (codes, script, direction);
everything editorial (how a session or a date is written) lives in
:mod:`palais.conventions`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Language(StrEnum):
    """A UN official language, valued by its ISO 639-1 code.

    Members are declared in the UN's own order of the six languages
    (Arabic, Chinese, English, French, Russian, Spanish: English alphabetical
    order of their English names), which is the order used on UN pages that
    list the language versions of a document.
    """

    AR = "ar"
    ZH = "zh"
    EN = "en"
    FR = "fr"
    RU = "ru"
    ES = "es"

    @classmethod
    def parse(cls, value: str) -> Language:
        """Read a language from an ISO 639-1 or 639-3 code or an English name.

        Raises :class:`palais.errors.UnknownLanguage` for anything else, so that a
        typo in a CLI flag or a record names what was wrong.
        """
        from palais.errors import UnknownLanguage

        key = value.strip().lower()
        for lang in cls:
            info = lang.info
            if key in (lang.value, info.iso639_3, info.iso639_2b, info.english_name.lower()):
                return lang
        raise UnknownLanguage(value)

    @property
    def info(self) -> LanguageInfo:
        """The fixed facts about this language."""
        return _INFO[self]

    @property
    def rtl(self) -> bool:
        """True when the language is written right to left (Arabic)."""
        return self.info.direction == "rtl"


@dataclass(frozen=True, slots=True)
class LanguageInfo:
    """Codes and script facts of one language (ISO 639, ISO 15924, BCP 47)."""

    iso639_3: str
    iso639_2b: str
    english_name: str
    native_name: str
    script: str
    direction: str
    bcp47: str


# Sources: ISO 639-2/639-3 registries (SIL, Library of Congress); ISO 15924 script
# codes; the native names are those the UN uses on its language selectors.
_INFO: dict[Language, LanguageInfo] = {
    Language.AR: LanguageInfo("ara", "ara", "Arabic", "العربية", "Arab", "rtl", "ar"),
    Language.ZH: LanguageInfo("zho", "chi", "Chinese", "中文", "Hans", "ltr", "zh-Hans"),
    Language.EN: LanguageInfo("eng", "eng", "English", "English", "Latn", "ltr", "en"),
    Language.FR: LanguageInfo("fra", "fre", "French", "Français", "Latn", "ltr", "fr"),
    Language.RU: LanguageInfo("rus", "rus", "Russian", "Русский", "Cyrl", "ltr", "ru"),
    Language.ES: LanguageInfo("spa", "spa", "Spanish", "Español", "Latn", "ltr", "es"),
}

ALL: tuple[Language, ...] = tuple(Language)
"""The six languages in UN order."""
