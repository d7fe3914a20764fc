"""The HTML page of a version: languages, directions, landmarks, links, escaping."""

from __future__ import annotations

import dataclasses

import pytest
from lxml import html as lxml_html

from palais.compose import ComposedVersion, render
from palais.languages import ALL, Language
from palais.model import Format
from tests.compose.conftest import GOLDEN
from tests.compose.test_text import check_golden


def page(version: ComposedVersion) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(render(version, Format.HTML))


@pytest.mark.parametrize("lang", ALL, ids=str)
@pytest.mark.parametrize("sample", ["note_verbale_aze_2019_ru", "note_verbale_aze_2021_fr"])
def test_html_matches_its_golden_file(
    sample: str, lang: Language, versions: dict[tuple[str, Language], ComposedVersion]
) -> None:
    data = render(versions[sample, lang], Format.HTML)
    check_golden(GOLDEN / sample / f"{lang.value}.html", data)


@pytest.mark.parametrize("lang", ALL, ids=str)
def test_each_page_links_to_the_five_other_versions(
    lang: Language, versions: dict[tuple[str, Language], ComposedVersion]
) -> None:
    root = page(versions["note_verbale_aze_2021_fr", lang])
    assert root.get("lang") == lang.info.bcp47
    assert root.get("dir") == ("rtl" if lang is Language.AR else "ltr")
    links = root.xpath("//nav//a")
    assert [a.get("href") for a in links] == [f"{o.value}.html" for o in ALL if o is not lang]
    assert all(a.get("lang") and a.get("hreflang") for a in links)
    assert root.xpath("//nav/@aria-label")


def test_an_english_annex_reads_left_to_right_in_the_arabic_page(
    versions: dict[tuple[str, Language], ComposedVersion],
) -> None:
    root = page(versions["note_verbale_aze_2019_ru", Language.AR])
    assert root.get("dir") == "rtl"
    (annex,) = root.xpath("//section[contains(@class, 'annex')]")
    assert (annex.get("lang"), annex.get("dir")) == ("en", "ltr")
    heading = annex.xpath("h2")[0].text_content()
    assert heading.startswith("Annex to the note verbale dated 6 June 2019")


def test_landmarks_and_headings(versions: dict[tuple[str, Language], ComposedVersion]) -> None:
    version = versions["note_verbale_aze_2019_ru", Language.RU]
    root = page(version)
    assert len(root.xpath("//header")) == 1
    assert len(root.xpath("//nav")) == 1
    assert len(root.xpath("//main")) == 1
    assert [h.text_content() for h in root.xpath("//h1")] == [version.title]
    assert root.xpath("//a[@class='skip']/@href") == ["#document"]
    assert root.xpath("//main/@id") == ["document"]


def test_record_text_is_escaped(versions: dict[tuple[str, Language], ComposedVersion]) -> None:
    version = versions["note_verbale_aze_2021_fr", Language.EN]
    hostile = dataclasses.replace(version, paragraphs=("<script>alert(1)</script> & more",))
    data = render(hostile, Format.HTML).decode()
    assert "<script>" not in data
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in data


def test_an_english_masthead_is_marked_english_in_the_arabic_page(
    versions: dict[tuple[str, Language], ComposedVersion],
) -> None:
    arabic = page(versions["note_verbale_aze_2019_ru", Language.AR])
    (masthead,) = arabic.xpath("//header[@class='masthead']")
    assert (masthead.get("lang"), masthead.get("dir")) == ("en", "ltr")
    french = page(versions["note_verbale_aze_2019_ru", Language.FR])
    assert french.xpath("//header[@class='masthead']/@lang") == []


@pytest.mark.parametrize("lang", [Language.RU, Language.AR, Language.ES], ids=str)
def test_organization_and_organ_are_in_the_version_language_in_the_masthead(
    lang: Language, versions: dict[tuple[str, Language], ComposedVersion]
) -> None:
    version = versions["note_verbale_aze_2019_ru", lang]
    root = page(version)
    (organization,) = root.xpath("//header//p[@class='organization']")
    (organ,) = root.xpath("//header//p[@class='organ']")
    assert (organization.text_content(), organ.text_content()) == (
        version.organization,
        version.organ,
    )
    # Where the rest of the masthead is English, these two lines say they are not.
    own = (lang.info.bcp47, lang.info.direction) if version.masthead_language else (None, None)
    for line in (organization, organ):
        assert (line.get("lang"), line.get("dir")) == own
    # The Organization shares the symbol's line, mirrored on a right-to-left page.
    (top,) = root.xpath("//header/div[@class='masthead-top']")
    assert [p.get("class") for p in top] == ["organization", "symbol"]
    assert top.get("dir") == lang.info.direction
