"""Is a translation written in the language it is given for? :func:`check_written_in`.

A translator who pastes the original, types "x" or fills the Chinese field with
the French text would otherwise get it issued in six languages. Two checks,
from the cheapest and surest:

* **script**: most letters of an Arabic, Chinese or Russian translation are in
  that language's script, and most letters of an English, French or Spanish
  one in the Latin alphabet. Names and symbols in another script inside a
  sentence are normal (a Latin "A/HRC/47/1" in Arabic text), hence "most",
  counted over letters only, never digits or signs;
* **language**, for the three Latin-script languages: a text of a few words
  that reads clearly as another of the three is refused. The function words
  of :mod:`palais.parse.detect` decide first, then lingua in its high-accuracy
  mode restricted to English, French and Spanish (a sentence of a translation
  is far shorter than the parser's samples, and the low-accuracy mode gives
  "The Permanent Mission presents its compliments to the Office" only 0.71 for
  English), and only a confident verdict refuses: a short or mixed text (a
  title of a few words, a list of names) is let through rather than refused
  wrongly.

Each refusal is its own English sentence, so the page can show it in the
reader's language from its catalogue.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import Any

from palais.errors import InvalidInput
from palais.languages import Language
from palais.parse.detect import SAMPLE, by_function_words

MIN_WORDS = 4
"""Words a Latin-script text needs before its language (not only its script) is judged."""
CONFIDENT = 0.75
"""lingua's confidence in another language above which a text is refused..."""
DOUBTFUL = 0.2
"""...provided its confidence in the language asked for is at most this."""


def _n(message: str) -> str:
    """Marks a message for the page catalogues (``pybabel extract -k _n``); it is
    translated where it is shown, through :meth:`palais.errors.PalaisError.translated`."""
    return message


_SCRIPT_OF = {
    Language.AR: "ARABIC", Language.ZH: "CJK", Language.RU: "CYRILLIC",
    Language.EN: "LATIN", Language.FR: "LATIN", Language.ES: "LATIN",
}

# One sentence per language expected: a translator reads it in the page's language.
_WRONG_SCRIPT = {
    Language.AR: _n("An Arabic translation is written in Arabic script: most letters of this "
                    "text are not Arabic."),
    Language.ZH: _n("A Chinese translation is written in Chinese characters: most of this text "
                    "is not."),
    Language.RU: _n("A Russian translation is written in Cyrillic: most letters of this text "
                    "are not Cyrillic."),
    Language.EN: _n("An English translation is written in the Latin alphabet: most letters of "
                    "this text are not."),
    Language.FR: _n("A French translation is written in the Latin alphabet: most letters of "
                    "this text are not."),
    Language.ES: _n("A Spanish translation is written in the Latin alphabet: most letters of "
                    "this text are not."),
}
_READS_AS = {
    (Language.FR, Language.EN): _n("This text reads as French, not English: give the English "
                                   "translation."),
    (Language.ES, Language.EN): _n("This text reads as Spanish, not English: give the English "
                                   "translation."),
    (Language.EN, Language.FR): _n("This text reads as English, not French: give the French "
                                   "translation."),
    (Language.ES, Language.FR): _n("This text reads as Spanish, not French: give the French "
                                   "translation."),
    (Language.EN, Language.ES): _n("This text reads as English, not Spanish: give the Spanish "
                                   "translation."),
    (Language.FR, Language.ES): _n("This text reads as French, not Spanish: give the Spanish "
                                   "translation."),
}
NO_LETTERS = _n("A translation is made of words: this text has no letter at all.")


class NotInLanguage(InvalidInput):
    """A translation that is not in the script or the language it was given for."""


def script_of(char: str) -> str:
    """The script of one letter as its Unicode name begins ("LATIN", "ARABIC", "CJK"...)."""
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else ""


def check_written_in(text: str, language: Language) -> None:
    """Return if ``text`` may be the ``language`` translation, else raise NotInLanguage."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        raise NotInLanguage(NO_LETTERS)
    expected = _SCRIPT_OF[language]
    share = sum(1 for c in letters if script_of(c) == expected) / len(letters)
    if share < 0.5:
        raise NotInLanguage(_WRONG_SCRIPT[language])
    if expected == "LATIN":
        other = _reads_as(text, language)
        if other is not None:
            raise NotInLanguage(_READS_AS[(other, language)])


def _reads_as(text: str, language: Language) -> Language | None:
    """Another Latin-script UN language that ``text`` clearly reads as, or None."""
    if len(text.split()) < MIN_WORDS:
        return None
    found = by_function_words(text)
    if found is None:
        scores = {
            _LATIN[v.language.name]: v.value
            for v in _detector().compute_language_confidence_values(text[:SAMPLE])
        }
        best = max(scores, key=lambda lang: scores[lang])
        doubtful = scores.get(language, 0.0) <= DOUBTFUL
        found = best if scores[best] >= CONFIDENT and doubtful else None
    return found if found is not language else None


_LATIN = {"ENGLISH": Language.EN, "FRENCH": Language.FR, "SPANISH": Language.ES}


@functools.cache
def _detector() -> Any:
    """lingua over the three Latin-script languages, high accuracy: built once, when the
    first translation is checked (it loads about 110 MB of models in a second)."""
    from lingua import Language as L
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(L.ENGLISH, L.FRENCH, L.SPANISH).build()
