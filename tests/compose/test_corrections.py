"""A corrigendum, an addendum and a reissue as printed: the original's title, the heading
of each language and the corrections, never a full copy; the golden text in six languages."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from lxml import etree

from palais.compose import compose, compose_bundle, missing_translations, passages, render
from palais.conventions import corrections as words
from palais.errors import CompositionError
from palais.languages import ALL, Language
from palais.model import Correction, Document, Format
from palais.symbols import Symbol
from tests.compose.conftest import GOLDEN
from tests.compose.test_akn import schema
from tests.compose.test_text import check_golden

ISSUED = date(2021, 7, 2)
HEADINGS = {
    "ar": "تصويب", "zh": "更正", "en": "Corrigendum", "fr": "Rectificatif",
    "ru": "Исправление", "es": "Corrección",
}
# The translators' words for the corrigendum's passages (the replaced words, the new
# words, the new request paragraph).
TRANSLATED = {
    "correction.1.old": {
        "ar": "منطقة كلبجار", "zh": "克尔巴贾尔地区", "en": "the Kalbajar region",
        "ru": "Кельбаджарского района", "es": "la región de Kalbajar",
    },
    "correction.1.new": {
        "ar": "منطقتي كلبجار ولاتشين", "zh": "克尔巴贾尔和拉钦地区",
        "en": "the Kalbajar and Lachin regions", "ru": "Кельбаджарского и Лачинского районов",
        "es": "las regiones de Kalbajar y Lachin",
    },
    "correction.2.new": {
        "ar": "وترجو البعثة الدائمة تعميم هذه المذكرة الشفوية ومرفقها بوصفهما وثيقة من وثائق "
              "الدورة السابعة والأربعين لمجلس حقوق الإنسان، في إطار البند 2 من جدول الأعمال.",
        "zh": "常驻代表团请将本普通照会及其附件作为人权理事会第四十七届会议议程项目2下的文件分发。",
        "en": "The Permanent Mission requests that the present note verbale and its annex be "
              "circulated as a document of the forty-seventh session of the Human Rights "
              "Council, under agenda item 2.",
        "ru": "Постоянное представительство просит распространить настоящую вербальную ноту и "
              "приложение к ней в качестве документа сорок седьмой сессии Совета по правам "
              "человека по пункту 2 повестки дня.",
        "es": "La Misión Permanente solicita que la presente nota verbal y su anexo se "
              "distribuyan como documento del cuadragésimo séptimo período de sesiones del "
              "Consejo de Derechos Humanos, en relación con el tema 2 de la agenda.",
    },
}
NEW_REQUEST = (
    "La Mission permanente prie le Haut-Commissariat des Nations Unies aux droits de l’homme "
    "de bien vouloir faire distribuer la présente note verbale et son annexe en tant que "
    "document de la quarante-septième session du Conseil des droits de l’homme, au titre du "
    "point 2 de l’ordre du jour."
)


@pytest.fixture(scope="module")
def corrigendum(samples: dict[str, Document]) -> Document:
    """A corrigendum of the 2021 note, as the registry derives it: the original's record
    with two corrections, registered, its passages translated."""
    original = samples["note_verbale_aze_2021_fr"]
    corrected = replace(
        original,
        symbol=Symbol.parse("A/HRC/47/G/1/Corr.1"),
        job_number="GE.21-09120",
        translations={},
        corrections=(
            Correction(1, "région de Kalbajar et de Latchine", old="région de Kalbajar"),
            Correction(2, NEW_REQUEST),
        ),
    )
    return replace(corrected, translations={
        key: {Language(code): text for code, text in by_lang.items()}
        for key, by_lang in TRANSLATED.items()
    })


def test_a_corrigendums_passages_are_its_corrections_only(corrigendum: Document) -> None:
    assert [p.key for p in passages(corrigendum)] == [
        "correction.1.old", "correction.1.new", "correction.2.new",
    ]
    assert not any(missing_translations(corrigendum).values())
    assert missing_translations(replace(corrigendum, translations={}))[Language.ZH] == [
        "correction.1.old", "correction.1.new", "correction.2.new",
    ]


@pytest.mark.parametrize("lang", ALL, ids=lambda lang: lang.value)
def test_the_corrigendum_text_matches_its_golden_file(
    corrigendum: Document, lang: Language
) -> None:
    version = compose(corrigendum, lang, issue_date=ISSUED)
    text = render(version, Format.TXT)
    check_golden(GOLDEN / "corrigendum_aze_2021_fr" / f"{lang.value}.txt", text)
    lines = [line.strip() for line in text.decode().split("\n") if line.strip()]
    # The heading comes right after the original's title, then the corrections only.
    before = " ".join(" ".join(lines[: lines.index(HEADINGS[lang.value])]).split())
    assert before.endswith(" ".join(version.title.split()))
    assert version.paragraphs == () and version.annexes == () and version.footnotes == ()
    assert "\f" not in text.decode(), "a corrigendum prints no annex"


def test_the_corrigendum_says_where_and_how_in_each_language(corrigendum: Document) -> None:
    leads = {
        lang.value: [c.lead for c in compose(corrigendum, lang, issue_date=ISSUED).corrections]
        for lang in ALL
    }
    assert leads["en"] == ["Paragraph 1", "Paragraph 2 should read:"]
    assert leads["fr"] == ["Paragraphe 1", "Le paragraphe 2 doit se lire comme suit :"]
    assert leads["zh"] == ["第1段", "第2段应改为："]
    english = compose(corrigendum, Language.EN, issue_date=ISSUED).corrections[0].text
    assert english == "For “the Kalbajar region” read “the Kalbajar and Lachin regions”"


def test_every_format_of_the_corrigendum_carries_its_heading(corrigendum: Document) -> None:
    bundle = compose_bundle(corrigendum, ISSUED)
    for file in bundle.files:
        if file.format is Format.AKN:
            root = etree.fromstring(file.data)
            schema().assertValid(root)
            assert HEADINGS[file.language.value].encode() in file.data
        elif file.format is Format.HTML:
            assert f'<p class="subtitle">{HEADINGS[file.language.value]}</p>' in (
                file.data.decode()
            )
        elif file.format is Format.PDF:
            assert file.data.startswith(b"%PDF-")
    assert set(bundle.titles) == set(ALL)


def test_a_corrigendum_without_corrections_is_not_composed(corrigendum: Document) -> None:
    with pytest.raises(CompositionError, match="corrections"):
        compose(replace(corrigendum, corrections=()), Language.EN, issue_date=ISSUED)


def test_an_addendum_prints_its_heading_under_the_originals_title(
    samples: dict[str, Document],
) -> None:
    add = replace(samples["note_verbale_aze_2019_ru"], symbol=Symbol.parse("A/HRC/41/G/1/Add.1"))
    headings = {lang.value: compose(add, lang).heading for lang in ALL}
    assert headings == {
        "ar": "إضافة", "zh": "增编", "en": "Addendum", "fr": "Additif", "ru": "Добавление",
        "es": "Adición",
    }
    text = render(compose(add, Language.ES), Format.TXT).decode()
    assert text.index("Adición") > text.index("Nota verbal")


def test_a_reissued_document_carries_its_dated_note_and_starred_symbol(
    samples: dict[str, Document],
) -> None:
    again = replace(
        samples["note_verbale_aze_2021_fr"], symbol=Symbol.parse("A/HRC/47/G/1"),
        reissued_on=date(2021, 7, 5),
    )
    english = compose(again, Language.EN, issue_date=ISSUED)
    assert english.symbol == "A/HRC/47/G/1*"
    assert english.footnotes[-1].text == "Reissued for technical reasons on 5 July 2021."
    arabic = compose(again, Language.AR, issue_date=ISSUED)
    assert arabic.footnotes[-1].text == words.reissue_note(date(2021, 7, 5), Language.AR)
    assert "تموز/يوليه 2021" in arabic.footnotes[-1].text
    assert render(english, Format.PDF).startswith(b"%PDF-")


def test_every_wording_says_how_sure_it_is() -> None:
    for path in (("heading", "Corr"), ("heading", "Add"), ("location", "paragraph"),
                 ("replace",), ("substitute",), ("reissued",)):
        marks = words.confidence(*path)
        assert set(marks) == {lang.value for lang in ALL} and set(marks.values()) <= {
            "C", "C2", "I",
        }, path
