"""The masthead's Organization and organ lines: wording per language, organ per series."""

from __future__ import annotations

import pytest

from palais.conventions import body_name, organ_name, organization_name
from palais.conventions.data import load
from palais.errors import InvalidInput, InvalidSymbol, UnknownLanguage
from palais.languages import ALL, Language
from palais.model import Body
from palais.symbols import Symbol

# As printed on the documents the data file cites (A/HRC/24/1, A/HRC/7/78 ES,
# S/2016/588 FR and RU, A/65/L.78 AR, the UNOG Chinese template).
PRINTED = {
    Language.EN: ("United Nations", "General Assembly"),
    Language.FR: ("Nations Unies", "Assemblée générale"),
    Language.ES: ("Naciones Unidas", "Asamblea General"),
    Language.RU: ("Организация Объединенных Наций", "Генеральная Ассамблея"),
    Language.AR: ("الأمم المتحدة", "الجمعية العامة"),
    Language.ZH: ("联合国", "大会"),
}


@pytest.mark.parametrize("lang", ALL, ids=str)
def test_a_human_rights_council_symbol_is_a_general_assembly_document(lang: Language) -> None:
    organization, organ = PRINTED[lang]
    assert organization_name(lang) == organization
    assert organ_name(Symbol.parse("A/HRC/41/G/7"), lang) == organ
    assert organ_name("A/HRC/RES/42/23", lang.value) == organ
    # A record not yet registered has no symbol: its body says which organ.
    assert organ_name(Body.HRC, lang) == organ
    assert organ_name("hrc", lang) == organ


@pytest.mark.parametrize(
    ("of", "body"),
    [
        ("S/2016/588", Body.SC),
        ("E/CN.4/2003/G/13", Body.ECOSOC),
        ("E/C.12/GC/24", Body.ECOSOC),
        ("A/65/721", Body.GA),
        (Body.CHR, Body.ECOSOC),
    ],
)
def test_the_organ_is_that_of_the_series(of: str | Body, body: Body) -> None:
    # The organs' names are the bodies' names the cover prints: one name per organ.
    for lang in ALL:
        assert organ_name(of, lang) == body_name(body, lang)


@pytest.mark.parametrize(
    "of", ["CCPR/C/SR.2040", "CRC/C/TUV/CO/2-5", "CERD/C/SR.1523", Body.CCPR, Body.CAT]
)
def test_a_treaty_body_gets_no_guessed_organ(of: str | Body) -> None:
    assert all(organ_name(of, lang) is None for lang in ALL)


def test_every_entry_has_six_languages_and_a_confidence_mark() -> None:
    data = load("masthead")
    for entry in (data["organization"], *data["organs"].values()):
        assert {lang.value for lang in ALL} <= set(entry)
        assert set(entry["confidence"]) == {lang.value for lang in ALL}
        assert set(entry["confidence"].values()) <= {"C", "C2", "I"}
    assert set(data["series"].values()) <= set(data["organs"])
    assert set(data["bodies"].values()) <= set(data["organs"])
    assert set(data["bodies"]) <= {b.value for b in Body}


def test_bad_input_is_refused_with_a_reason() -> None:
    with pytest.raises(InvalidInput, match="unknown body 'XYZ'"):
        organ_name("XYZ", Language.EN)
    with pytest.raises(InvalidInput, match="by symbol or body"):
        organ_name("  ", Language.EN)
    with pytest.raises(InvalidSymbol):
        organ_name("A//1", Language.EN)
    with pytest.raises(UnknownLanguage):
        organization_name("de")
