"""Composing a version: masthead lines, annex headings, links and identity."""

from __future__ import annotations

import dataclasses
from datetime import date

from palais.compose import compose
from palais.languages import ALL, Language
from palais.model import Document, Part, PartKind
from palais.symbols import Symbol


def test_russian_arabic_and_chinese_mastheads_are_printed_in_english(
    samples: dict[str, Document],
) -> None:
    doc = dataclasses.replace(samples["note_verbale_aze_2021_fr"], original_language=Language.EN)
    ru = compose(doc, Language.RU, issue_date=date(2021, 6, 18))
    assert (ru.issue_date, ru.language_line, ru.original_line) == (
        "18 June 2021",
        "Russian",
        "Original: English",
    )
    fr = compose(doc, Language.FR, issue_date=date(2021, 6, 18))
    assert (fr.distribution, fr.issue_date, fr.language_line, fr.original_line) == (
        "Distr. générale",
        "18 juin 2021",
        "Français",
        "Original : anglais",
    )
    # The original language's own version prints no language line.
    en = compose(doc, Language.EN)
    assert (en.language_line, en.original_line) == (None, "Original: English")


def test_original_is_the_language_the_record_was_written_in_when_it_does_not_say(
    samples: dict[str, Document],
) -> None:
    """A submission records no original language: the note as received is the record's
    own text, so "Original:" names the record's language on every version."""
    doc = samples["note_verbale_aze_2019_ru"]
    assert doc.original_language is None and doc.language is Language.RU
    en = compose(doc, Language.EN)
    assert (en.language_line, en.original_line) == (None, "Original: Russian")
    fr = compose(doc, Language.FR)
    assert (fr.language_line, fr.original_line) == ("Français", "Original : russe")
    ru = compose(doc, Language.RU)
    assert (ru.language_line, ru.original_line) == (None, "Original: Russian")


def test_issuing_values_override_the_record(samples: dict[str, Document]) -> None:
    version = compose(
        samples["note_verbale_aze_2021_fr"],
        Language.ZH,
        symbol=Symbol.parse("A/HRC/47/G/99"),
        job_number="GE.21-08238(C)",
        issue_date=date(2021, 6, 18),
    )
    assert (version.symbol, version.job_number) == ("A/HRC/47/G/99", "GE.21-08238(C)")
    assert version.frbr.expression == "/akn/un/doc/noteVerbale/2021-06-08/A-HRC-47-G-99/zho@"
    assert version.frbr.expression_date == date(2021, 6, 18)


def test_links_name_the_five_other_versions_in_their_own_language(
    samples: dict[str, Document],
) -> None:
    version = compose(samples["note_verbale_aze_2019_ru"], Language.AR)
    assert [link.language for link in version.links] == [x for x in ALL if x is not Language.AR]
    assert version.links[0].name == "中文"
    assert version.direction == "rtl"


def test_annexes_without_a_title_are_headed_in_the_cover_language(
    samples: dict[str, Document],
) -> None:
    doc = samples["note_verbale_aze_2019_ru"]
    untitled = Part(PartKind.ANNEX, Language.EN, paragraphs=("Text as received.",))
    two = dataclasses.replace(doc, parts=(doc.cover, untitled, untitled))
    headings = [a.heading for a in compose(two, Language.FR).annexes]
    assert headings == ["Annexe I", "Annexe II"]
    one = dataclasses.replace(doc, parts=(doc.cover, untitled))
    assert [a.heading for a in compose(one, Language.RU).annexes] == ["Приложение"]
    # The annex is reproduced as received: its own language and direction.
    annex = compose(one, Language.AR).annexes[0]
    assert (annex.language, annex.direction, annex.paragraphs) == (
        Language.EN,
        "ltr",
        ("Text as received.",),
    )


def test_organization_and_organ_are_in_the_version_language_and_follow_the_symbol(
    samples: dict[str, Document],
) -> None:
    doc = samples["note_verbale_aze_2019_ru"]
    ru = compose(doc, Language.RU)
    # In Russian, while the distribution lines stay English.
    assert (ru.organization, ru.organ, ru.distribution) == (
        "Организация Объединенных Наций",
        "Генеральная Ассамблея",
        "Distr.: General",
    )
    # Unregistered: the record's body (the Council) says which organ.
    unregistered = compose(samples["note_verbale_aze_2021_fr"], Language.ZH)
    assert (unregistered.symbol, unregistered.organ) == (None, "大会")
    # A series without an organ in the conventions prints no organ line.
    treaty = compose(doc, Language.EN, symbol=Symbol.parse("CCPR/C/SR.2040"))
    assert (treaty.organization, treaty.organ) == ("United Nations", None)


def test_a_cover_of_2007_prints_the_masthead_of_its_time(
    samples: dict[str, Document],
) -> None:
    """A/HRC/5/21 (Spanish, 7 August 2007): "Distr. GENERAL", "ESPAÑOL", "Original:
    INGLÉS"; and its job number in the form of the time, "GE.07-13561 (S)"."""
    doc = dataclasses.replace(samples["note_verbale_aze_2021_fr"], original_language=Language.EN)
    es = compose(doc, Language.ES, issue_date=date(2007, 8, 7), job_number="GE.07-13561")
    assert (es.distribution, es.language_line, es.original_line, es.job_number) == (
        "Distr. GENERAL",
        "ESPAÑOL",
        "Original: INGLÉS",
        "GE.07-13561 (S)",
    )
    today = compose(doc, Language.ES, issue_date=date(2021, 6, 18), job_number="GE.21-08012")
    assert (today.distribution, today.language_line, today.original_line, today.job_number) == (
        "Distr. general",
        "Español",
        "Original: inglés",
        "GE.21-08012(S)",
    )


def test_a_french_cover_of_2008_prints_the_masthead_of_its_time(
    samples: dict[str, Document],
) -> None:
    """A/HRC/7/78 (French, 14 July 2008): "Distr. GÉNÉRALE", "FRANÇAIS", "Original:
    ANGLAIS" (no space before the colon then), job number "GE.08-14663 (F)"."""
    doc = dataclasses.replace(samples["note_verbale_aze_2021_fr"], original_language=Language.EN)
    fr = compose(doc, Language.FR, issue_date=date(2008, 7, 14), job_number="GE.08-14663")
    assert (fr.distribution, fr.language_line, fr.original_line, fr.job_number) == (
        "Distr. GÉNÉRALE",
        "FRANÇAIS",
        "Original: ANGLAIS",
        "GE.08-14663 (F)",
    )
