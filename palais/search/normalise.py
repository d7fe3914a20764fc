"""Turning text into index terms, the same way for documents and for queries.

No search engine handles the six UN languages well out of the box, so both
engines index the *output* of this module (space-separated terms) with a plain
whitespace tokenizer, and every query goes through the same functions. That
keeps the engines interchangeable and the language rules in one place:

- **Folding**: case folded; Latin accents removed ("résolution" = "resolution",
  "Kəlbəcər" keeps its schwa, which has no decomposition); Cyrillic "ё" read as
  "е" while "й" stays a letter of its own.
- **Arabic**: diacritics (harakat, shadda, sukun, dagger alef) and tatweel
  removed; alef forms (أ إ آ ٱ) read as ا, ى as ي, ة as ه, ؤ as و, ئ as ي,
  Persian/Urdu ک ی as ك ي; the article (ال, وال, بال, كال, فال, لل) removed from
  words that stay at least three letters long, after the "light10" prefix list of
  Larkey, Ballesteros and Connell (2002), so "كلبجار" also finds "والكلبجار".
- **Chinese**: a run of Han characters becomes its overlapping character bigrams
  plus its last character, so a two-character query is one term and any
  single character is the prefix of one term per occurrence.
- **Inflection**: Snowball stemmers (Russian, French, Spanish, English), taken
  from tantivy's analyzers (a dependency already, so no second stemming
  library), applied per language field: the Russian field is stemmed as
  Russian, and a query is stemmed once per field it is searched in.

:data:`VERSION` changes whenever the output of this module changes, so an index
built by an older version is seen as drifted and rebuilt.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache

import tantivy

from palais.languages import Language

VERSION = "1"

_STEMMERS: dict[Language, str] = {
    Language.EN: "english",
    Language.FR: "french",
    Language.RU: "russian",
    Language.ES: "spanish",
}

_ARABIC = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ی": "ي",
        "ک": "ك",
        "ё": "е",
        "\u0640": None,  # tatweel
    }
)
_ARABIC_ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")
# Combining marks to drop after NFD: Latin accents, Arabic harakat and dagger alef.
# The breve of Cyrillic "й" (U+0306 after "и") is kept, and so is the Cyrillic letter.
_MARKS = re.compile(r"(?<!и)\u0306|[\u0300-\u0305\u0307-\u036f\u064b-\u065f\u0670\u06d6-\u06ed]")
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_HAN}]+|[^\W_{_HAN}]+")
_HAN_RUN = re.compile(rf"[{_HAN}]+")


def fold(text: str) -> str:
    """Case, accents, Arabic letter variants and diacritics folded away."""
    text = unicodedata.normalize("NFD", text.casefold().translate(_ARABIC))
    return unicodedata.normalize("NFC", _MARKS.sub("", text))


def words(text: str) -> list[str]:
    """The folded words of ``text``, a run of Han characters counting as one word."""
    return [_strip_article(w) for w in _TOKEN.findall(fold(text))]


def is_han(word: str) -> bool:
    return _HAN_RUN.fullmatch(word) is not None


def _strip_article(word: str) -> str:
    for article in _ARABIC_ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 3:
            return word[len(article) :]
    return word


def han_terms(run: str) -> list[str]:
    """Overlapping bigrams of a Han run, then its last character (one term per character)."""
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)] + [run[-1]]


def stem(words_: list[str], lang: Language | None) -> list[str]:
    """The words stemmed for ``lang``'s field, one term per word (positions are kept)."""
    name = _STEMMERS.get(lang) if lang is not None else None
    if name is None or not words_:
        return words_
    stems = _analyzer(name).analyze(" ".join(words_))
    return stems if len(stems) == len(words_) else words_


@cache
def _analyzer(name: str) -> tantivy.TextAnalyzer:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace())
        .filter(tantivy.Filter.stemmer(name))
        .build()
    )


def terms(text: str, lang: Language | None) -> list[str]:
    """Index terms of ``text`` for the field of ``lang``, in reading order."""
    return list(_expand(words(text), lang))


def _expand(found: list[str], lang: Language | None) -> Iterator[str]:
    plain = [w for w in found if not is_han(w)]
    stems = iter(stem(plain, lang))
    for word in found:
        if is_han(word):
            yield from han_terms(word)
        else:
            yield next(stems)


def index_text(text: str, lang: Language | None) -> str:
    """What an engine indexes for ``text``: its terms separated by spaces."""
    return " ".join(terms(text, lang))
