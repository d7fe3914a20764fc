"""Which State a sender phrase names, for ``sender_state``.

Stop-gap until ``palais.conventions.find_state`` lands: names come from the
CLDR territory names that Babel ships (six languages) plus the UN's formal
short names where CLDR uses a colloquial one (UNTERM: "Syrian Arab Republic",
"Iran (Islamic Republic of)", "Russian Federation", observers "State of
Palestine" and "Holy See"). Phrases are matched by word stems so that the
case endings of Russian ("Азербайджана") and adjectives ("Азербайджанской
Республики") still find the State.
"""

from __future__ import annotations

import functools
import re

from palais.parse.lexicon import fold

_UN_NAMES = {
    "SYR": "syrian arab|arabe syrienne|árabe siria|сирийской арабской|сирийская арабская|"
    "العربية السورية|叙利亚",
    "IRN": "islamic republic of iran|iran (islamic|république islamique d'iran|"
    "república islámica del irán|исламской республики иран|исламская республика иран|"
    "جمهورية إيران|伊朗",
    "RUS": "russian federation|fédération de russie|federación de rusia|российской федерации|"
    "российская федерация|الاتحاد الروسي|俄罗斯",
    "PSE": "palestine|palestina|палестин|فلسطين|巴勒斯坦",
    "VAT": "holy see|saint-siège|santa sede|святейш|الكرسي الرسولي|罗马教廷",
    "GBR": "united kingdom|royaume-uni|reino unido|соединенного королевства|المملكة المتحدة|英国",
    "USA": "united states of america|états-unis|estados unidos|соединенных штатов|"
    "الولايات المتحدة|美国",
    "PRK": "democratic people's republic of korea|корейской народно|الشعبية الديمقراطية|朝鲜",
    "KOR": "republic of korea|république de corée|república de corea|республики корея|"
    "جمهورية كوريا|大韩民国",
    "VEN": "venezuela", "BOL": "bolivia|боливи", "MDA": "moldova|молдов",
    "TZA": "tanzania|танзани", "LAO": "lao people|лаосск", "VNM": "viet nam|вьетнам",
    "AZE": "azerbaïdjan|азербайджан|أذربيجان|阿塞拜疆",
}


@functools.cache
def _table() -> list[tuple[str, str]]:
    """(folded name, ISO3) pairs, longest first so "Republic of Korea" beats "Korea"."""
    import pycountry
    from babel import Locale

    pairs: dict[str, str] = {}
    for iso3, names in _UN_NAMES.items():
        for name in names.split("|"):
            pairs[fold(name)] = iso3
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    for code in ("en", "fr", "es", "ru", "ar", "zh"):
        for a2, name in Locale.parse(code).territories.items():
            if a2 in alpha3 and len(name) > (1 if code == "zh" else 2):
                key = fold(name)
                # Russian names decline: match on the stem ("Азербайджан-а", "Куб-ы").
                if code == "ru" and len(key) > 5 and key[-1] in "аяь":
                    key = key[:-1]
                pairs.setdefault(key, alpha3[a2])
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            english = getattr(c, attr, None)
            if english:
                pairs.setdefault(fold(str(english)), c.alpha_3)
    return sorted(pairs.items(), key=lambda kv: len(kv[0]), reverse=True)


@functools.cache
def _matcher() -> tuple[re.Pattern[str], dict[str, str]]:
    """One alternation of every name, compiled once (longest names first)."""
    table = _table()
    names = "|".join(re.escape(name) for name, _ in table)
    return re.compile(rf"(?<!\w)(?:{names})"), dict(table)


@functools.lru_cache(maxsize=4096)
def find_state(phrase: str) -> str | None:
    """ISO 3166-1 alpha-3 code of the State named in ``phrase``, or None."""
    try:
        from palais.conventions import find_state as conventions_find_state  # type: ignore
    except ImportError:
        conventions_find_state = None
    if conventions_find_state is not None:
        try:
            found = conventions_find_state(phrase)
        except Exception:
            found = None
        if found:
            return str(found)
    pattern, codes = _matcher()
    m = pattern.search(fold(phrase))
    return codes[m.group(0)] if m else None
