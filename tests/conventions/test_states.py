"""States: UN short names over CLDR, inflected forms, and finding a State in text."""

from __future__ import annotations

import pytest
from babel import Locale

from palais.conventions import alpha2, alpha3, find_state, is_observer, state_name, states
from palais.conventions.data import load
from palais.errors import MissingStateForm, UnknownState
from palais.languages import Language

LANGS = list(Language)


def test_member_and_observer_states() -> None:
    codes = [party.iso3 for party in states()]
    assert len(codes) == 195 and len(set(codes)) == 195
    assert codes[-2:] == ["VAT", "PSE"]
    assert is_observer("PSE") and is_observer("vat") and not is_observer("FRA")


# UN short names (UNTERM / M49) where CLDR says otherwise.
OVERRIDES = {
    "IRN": ("إيران (جمهورية - الإسلامية)", "伊朗伊斯兰共和国", "Iran (Islamic Republic of)",
            "Iran (République islamique d’)", "Иран (Исламская Республика)",
            "Irán (República Islámica del)"),
    "TUR": ("تركيا", "土耳其", "Türkiye", "Türkiye", "Турция", "Türkiye"),
    "PSE": ("دولة فلسطين", "巴勒斯坦国", "State of Palestine", "État de Palestine",
            "Государство Палестина", "Estado de Palestina"),
    "BOL": ("بوليفيا (دولة - المتعددة القوميات)", "多民族玻利维亚国",
            "Bolivia (Plurinational State of)", "Bolivie (État plurinational de)",
            "Боливия (Многонациональное Государство)",
            "Bolivia (Estado Plurinacional de)"),
    "VEN": ("فنزويلا (جمهورية - البوليفارية)", "委内瑞拉玻利瓦尔共和国",
            "Venezuela (Bolivarian Republic of)", "Venezuela (République bolivarienne du)",
            "Венесуэла (Боливарианская Республика)", "Venezuela (República Bolivariana de)"),
    "KOR": ("جمهورية كوريا", "大韩民国", "Republic of Korea", "République de Corée",
            "Республика Корея", "República de Corea"),
    "PRK": ("جمهورية كوريا الشعبية الديمقراطية", "朝鲜民主主义人民共和国",
            "Democratic People's Republic of Korea", "République populaire démocratique de Corée",
            "Корейская Народно-Демократическая Республика",
            "República Popular Democrática de Corea"),
    "MDA": ("جمهورية مولدوفا", "摩尔多瓦共和国", "Republic of Moldova", "République de Moldova",
            "Республика Молдова", "República de Moldova"),
    "GBR": ("المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية", "大不列颠及北爱尔兰联合王国",
            "United Kingdom of Great Britain and Northern Ireland",
            "Royaume-Uni de Grande-Bretagne et d’Irlande du Nord",
            "Соединенное Королевство Великобритании и Северной Ирландии",
            "Reino Unido de Gran Bretaña e Irlanda del Norte"),
    "USA": ("الولايات المتحدة الأمريكية", "美利坚合众国", "United States of America",
            "États-Unis d’Amérique", "Соединенные Штаты Америки", "Estados Unidos de América"),
    "VAT": ("الكرسي الرسولي", "罗马教廷", "Holy See", "Saint-Siège", "Святой Престол",
            "Santa Sede"),
}


@pytest.mark.parametrize(("iso3", "names"), OVERRIDES.items())
def test_un_short_names_in_six_languages(iso3: str, names: tuple[str, ...]) -> None:
    assert tuple(state_name(iso3, lang) for lang in LANGS) == names


def test_cldr_names_where_they_are_the_uns() -> None:
    assert state_name("AZE", Language.FR) == "Azerbaïdjan"
    assert state_name("CHE", Language.ZH) == "瑞士"


def test_forms_after_permanent_mission() -> None:
    # The seeds: "Постоянного представительства Азербайджана",
    # "Mission permanente de l’Azerbaïdjan".
    assert state_name("AZE", Language.RU, form="of") == "Азербайджана"
    assert state_name("AZE", Language.FR, form="of") == "de l’Azerbaïdjan"
    assert state_name("AZE", Language.EN, form="of") == "of Azerbaijan"
    assert state_name("RUS", Language.EN, form="of") == "of the Russian Federation"
    assert state_name("MEX", Language.FR, form="of") == "du Mexique"
    assert state_name("USA", Language.ES, form="of") == "de los Estados Unidos de América"
    assert state_name("IRN", Language.FR, form="of") == "de la République islamique d’Iran"
    assert state_name("SYR", Language.AR, form="of") == "للجمهورية العربية السورية"


@pytest.mark.parametrize(
    ("iso3", "genitive"),
    [("FRA", "Франции"), ("CUB", "Кубы"), ("JAM", "Ямайки"), ("CHN", "Китая"),
     ("ISR", "Израиля"), ("IRQ", "Ирака"), ("TGO", "Того"), ("PER", "Перу"),
     ("EGY", "Египта"), ("RUS", "Российской Федерации")],
)
def test_russian_genitive_by_rule_and_data(iso3: str, genitive: str) -> None:
    assert state_name(iso3, Language.RU, form="genitive") == genitive


def test_missing_forms_are_refused_not_guessed() -> None:
    with pytest.raises(MissingStateForm):
        state_name("FRA", Language.EN, form="genitive")
    with pytest.raises(UnknownState):
        state_name("XYZ", Language.EN)
    with pytest.raises(ValueError, match="unknown form"):
        state_name("FRA", Language.EN, form="dative")


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Вербальная нота Постоянного представительства Азербайджана при Отделении", "AZE"),
        ("Постоянное представительство Азербайджанской Республики", "AZE"),
        ("par la Mission permanente de l’Azerbaïdjan auprès de l’Office", "AZE"),
        ("la Misión Permanente de Azerbaiyán ante la Oficina", "AZE"),
        ("阿塞拜疆常驻联合国日内瓦办事处代表团", "AZE"),
        ("من البعثة الدائمة لأذربيجان لدى مكتب الأمم المتحدة", "AZE"),
        ("Permanent Mission of the Islamic Republic of Iran", "IRN"),
        ("Исламской Республики Иран", "IRN"),
        ("Mission permanente de la Turquie", "TUR"),
        ("Permanent Observer Mission of the State of Palestine", "PSE"),
        ("Святейшего Престола", "VAT"),
        ("Republic of Korea", "KOR"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("Nigeria", "NGA"),
        ("Niger", "NER"),
        ("Guinea-Bissau", "GNB"),
        ("South Sudan", "SSD"),
        ("Dominican Republic", "DOM"),
        ("a note about nothing in particular", None),
    ],
)
def test_find_state(text: str, iso3: str | None) -> None:
    assert find_state(text) == iso3


def test_find_state_in_one_language() -> None:
    assert find_state("Азербайджана", Language.RU) == "AZE"
    assert find_state("Azerbaijan", Language.RU) is None


@pytest.mark.parametrize("lang", LANGS)
def test_every_name_finds_its_state(lang: Language) -> None:
    for party in states():
        for form in ("short", "formal", "of"):
            assert find_state(state_name(party.iso3, lang, form=form)) == party.iso3


def test_alpha_codes() -> None:
    assert alpha2("AZE") == "AZ" and alpha3("az") == "AZE"
    with pytest.raises(UnknownState):
        alpha3("XX")


def test_unterm_spanish_names_override_cldr() -> None:
    """UNTERM writes "Nueva Zelandia" and "Rumania" where CLDR writes "Nueva Zelanda",
    "Rumanía"; CLDR's spellings are still recognised in text."""
    assert (state_name("NZL", "es"), state_name("ROU", "es")) == ("Nueva Zelandia", "Rumania")
    assert (find_state("Nueva Zelanda"), find_state("Rumanía")) == ("NZL", "ROU")


@pytest.mark.parametrize("lang", list(Language), ids=str)
def test_every_state_has_a_un_sourced_name_or_a_note_that_cldr_equals_it(
    lang: Language,
) -> None:
    """Per language, each Member and observer State either has an override in
    states.yaml `short` (UNTERM's short name, or M49's where `short_sources` says so)
    or is listed in `cldr_equals`, checked against UNTERM: CLDR's name is the UN's.
    A listed State must still get CLDR's name, so a Babel upgrade that renames one
    fails here rather than printing a name nobody checked."""
    data = load("states")
    overridden = {iso for iso, names in data["short"].items() if lang.value in names}
    equal = set(data["cldr_equals"][lang.value])
    codes = set(data["members"]) | set(data["observers"])
    assert not overridden & equal, "a State is either overridden or CLDR's, not both"
    assert codes <= overridden | equal, sorted(codes - overridden - equal)
    territories = Locale.parse(lang.value).territories
    for iso in sorted(equal):
        assert state_name(iso, lang) == territories[alpha2(iso)], iso
    for iso in sorted(overridden & codes):
        assert state_name(iso, lang) == data["short"][iso][lang.value], iso
    for iso, sources in data["short_sources"].items():
        assert set(sources) <= set(data["short"][iso]), iso
