"""States (UN Members and observers) and their names in the six languages.

Names are Babel's CLDR territory names with the UN's own short names laid over
them from ``data/states.yaml`` (CLDR says "Russia", the UN "Russian
Federation"). Inflected forms that formulae need (the Russian genitive, the
French and Spanish article after "de", the English "the") come from the same
file or from one stated rule per language; a form that neither gives is
refused with :class:`palais.errors.MissingStateForm`, so composition asks a
translator rather than printing a guess.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

import pycountry
from babel import Locale

from palais.conventions.data import language, load
from palais.errors import MissingStateForm, UnknownState
from palais.languages import Language
from palais.model import Party

FORMS = ("short", "formal", "of", "genitive")
"""Forms :func:`state_name` gives: short name, formal name, the "of <State>"
complement that follows "Permanent Mission", and the Russian genitive."""


def fold(text: str) -> str:
    """Lower case without accents or diacritics (é -> e, ё -> е, أ -> ا), one apostrophe.

    The key under which printed names and words are compared, so that text
    extracted from PDFs (accents lost, typographic apostrophes) still matches.
    """
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _data() -> dict[str, Any]:
    return load("states")


@functools.cache
def _codes() -> tuple[str, ...]:
    data = _data()
    return tuple(data["members"]) + tuple(data["observers"])


@functools.cache
def _alpha2(iso3: str) -> str:
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:  # pragma: no cover - every listed code is in ISO 3166
        raise UnknownState("%(iso3)s is not an ISO 3166-1 alpha-3 code", iso3=iso3)
    return str(country.alpha_2)


def _check(iso3: str) -> str:
    code = iso3.strip().upper() if isinstance(iso3, str) else ""
    if code not in _codes():
        raise UnknownState(
            "%(iso3)r is not the ISO 3166-1 alpha-3 code of a UN Member or observer State",
            iso3=iso3,
        )
    return code


def states() -> tuple[Party, ...]:
    """The 193 Member States, then the observer States (Holy See, State of Palestine)."""
    return tuple(Party(code) for code in _codes())


def is_observer(iso3: str) -> bool:
    """True for a non-member observer State."""
    return _check(iso3) in _data()["observers"]


def alpha2(iso3: str) -> str:
    """ISO 3166-1 alpha-2 code of a State (for CLDR and flags)."""
    return _alpha2(_check(iso3))


def alpha3(alpha2_code: str) -> str:
    """ISO 3166-1 alpha-3 code of the State with this alpha-2 code."""
    country = pycountry.countries.get(alpha_2=alpha2_code.strip().upper())
    if country is None or country.alpha_3 not in _codes():
        raise UnknownState(
            "%(alpha2_code)r is not the alpha-2 code of a UN Member or observer State",
            alpha2_code=alpha2_code,
        )
    return str(country.alpha_3)


def _short(code: str, lang: Language) -> str:
    override = _data()["short"].get(code, {}).get(lang.value)
    if override:
        return str(override)
    return str(Locale.parse(lang.value).territories[_alpha2(code)])


def _formal(code: str, lang: Language) -> str:
    return str(_data()["formal"].get(code, {}).get(lang.value) or _short(code, lang))


def _ru_genitive(code: str) -> str:
    listed = _data()["ru_genitive"].get(code)
    if listed:
        return str(listed)
    name = _short(code, Language.RU)
    if " " in name or "-" in name or "(" in name:
        raise MissingStateForm(
            "no Russian genitive of %(name)r (%(code)s) in the conventions data",
            name=name, code=code,
        )
    # One-word names decline by their ending (Франция -> Франции, Куба -> Кубы,
    # Ямайка -> Ямайки, Китай -> Китая, Израиль -> Израиля, Ирак -> Ирака);
    # names ending in a vowel other than а/я do not decline (Того, Чили, Перу).
    if name.endswith(("ия", "ея")):
        return name[:-1] + "и"
    if name.endswith("а"):
        return name[:-1] + ("и" if name[-2] in "гкхжчшщ" else "ы")
    if name.endswith("я"):
        return name[:-1] + "и"
    if name.endswith(("й", "ь")):
        return name[:-1] + "я"
    if name[-1] in "оеиуюэы":
        return name
    return name + "а"


def _of(code: str, lang: Language) -> str:
    listed = _data()["of"].get(code, {}).get(lang.value)
    if listed:
        return str(listed)
    name = _short(code, lang)
    if lang is Language.EN:
        return f"of the {name}" if code in _data()["en_the"] else f"of {name}"
    if lang is Language.RU:
        return _ru_genitive(code)
    if lang is Language.FR:
        return _fr_of(code, name)
    if lang is Language.ES:
        article = next((a for a, codes in _data()["es_article"].items() if code in codes), None)
        if article == "el":
            return f"del {name}"
        return f"de {article} {name}" if article else f"de {name}"
    if lang is Language.AR:
        formal = _formal(code, lang) if "(" in name else name
        return "لل" + formal[2:] if formal.startswith("ال") else "ل" + formal
    return name


def _fr_of(code: str, name: str) -> str:
    article = next((a for a, codes in _data()["fr_article"].items() if code in codes), None)
    if article == "le":
        return f"du {name}"
    if article == "la":
        return f"de la {name}"
    if article == "les":
        return f"des {name}"
    if article == "none":
        return f"d’{name}" if fold(name[0]) in "aeiouy" else f"de {name}"
    if fold(name[0]) in "aeiouy":
        return f"de l’{name}"
    raise MissingStateForm(
        "no French article for %(name)r (%(code)s) in the conventions data",
        name=name, code=code,
    )


def state_name(iso3: str, lang: Language | str, *, form: str = "short") -> str:
    """The State's name in ``lang``: UN short name, formal name, "of" complement or genitive.

    Raises :class:`UnknownState` for a code that is no UN Member or observer
    State, :class:`MissingStateForm` when the data holds no such form for it.
    """
    code = _check(iso3)
    lang = language(lang)
    if form == "short":
        return _short(code, lang)
    if form == "formal":
        return _formal(code, lang)
    if form == "of":
        return _of(code, lang)
    if form == "genitive":
        if lang is not Language.RU:
            raise MissingStateForm(
                "the genitive form is kept for Russian only, not %(value)s",
                value=lang.value,
            )
        return _ru_genitive(code)
    raise ValueError(f"unknown form {form!r}: expected one of {', '.join(FORMS)}")


def _names(code: str, lang: Language) -> set[str]:
    """Every name of ``code`` in ``lang`` that text may print."""
    cldr = str(Locale.parse(lang.value).territories[_alpha2(code)])
    names = {_short(code, lang), _formal(code, lang), cldr}
    for form in ("of", "genitive"):
        try:
            names.add(state_name(code, lang, form=form))
        except MissingStateForm:
            continue
    if lang is Language.EN:
        country = pycountry.countries.get(alpha_3=code)
        names.update(str(getattr(country, a)) for a in ("name", "official_name", "common_name")
                     if getattr(country, a, None))
    keys = set()
    for name in names:
        key = fold(name)
        if lang is Language.EN or lang is Language.FR or lang is Language.ES:
            key = re.sub(r"^(?:of the|of|de la|de l'|du|des|del|de los|de|d')\s*", "", key)
        keys.add(key)
        if lang is Language.RU and " " not in key and len(key) > 5 and key[-1] in "аяь":
            keys.add(key[:-1])  # Russian names decline: match the stem (Азербайджан-а, Куб-ы)
    return {k for k in keys if len(k) > (1 if lang is Language.ZH else 2)}


@functools.cache
def _matcher(lang: Language | None) -> tuple[re.Pattern[str], dict[str, str]]:
    """One alternation of every name (longest first), and name -> code."""
    table: dict[str, str] = {}
    langs = tuple(Language) if lang is None else (lang,)
    for code in _codes():
        for alias in _data()["aliases"].get(code, ()):
            table.setdefault(fold(str(alias)), code)
    for code in _codes():
        for each in langs:
            for key in _names(code, each):
                table.setdefault(key, code)
    names = sorted(table, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + ")")
    return pattern, table


@functools.lru_cache(maxsize=4096)
def find_state(text: str, lang: Language | str | None = None) -> str | None:
    """ISO alpha-3 code of the first State named in ``text``, or None.

    Finds names in any of the six languages (or only in ``lang``), including
    CLDR's colloquial names, formal names, the forms after "Permanent Mission"
    and Russian inflected forms ("Азербайджана", "Азербайджанской Республики").
    """
    pattern, table = _matcher(None if lang is None else language(lang))
    match = pattern.search(fold(text))
    return table[match.group(0)] if match else None
