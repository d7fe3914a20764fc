"""Akoma Ntoso: every version valid against the official schema, FRBR levels right."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from lxml import etree

import palais
from palais.compose import ComposedVersion, compose, render
from palais.compose.akn import NS
from palais.languages import ALL, Language
from palais.model import Document, Format
from palais.symbols import Symbol

XSD = Path(palais.__file__).parent / "data" / "akn" / "akomantoso30.xsd"
A = {"a": NS}


@functools.cache
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD)))


def tree(version: ComposedVersion) -> etree._Element:
    return etree.fromstring(render(version, Format.AKN))


def value(root: etree._Element, path: str) -> str:
    found = root.xpath(path, namespaces=A)
    assert found, path
    return str(found[0])


@pytest.mark.parametrize("lang", ALL, ids=str)
@pytest.mark.parametrize("sample", ["note_verbale_aze_2019_ru", "note_verbale_aze_2021_fr"])
def test_every_version_is_valid_akoma_ntoso(
    sample: str, lang: Language, versions: dict[tuple[str, Language], ComposedVersion]
) -> None:
    root = tree(versions[sample, lang])
    assert schema().validate(root), schema().error_log
    assert value(root, "/a:akomaNtoso/a:doc/@name") == "noteVerbale"
    code = lang.info.iso639_3
    assert value(root, "//a:doc/a:meta//a:FRBRExpression/a:FRBRlanguage/@language") == code


def test_frbr_uris_of_a_registered_version(samples: dict[str, Document]) -> None:
    doc = samples["note_verbale_aze_2019_ru"]
    root = tree(compose(doc, Language.RU, symbol=Symbol.parse("A/HRC/41/G/7")))
    work = "/akn/un/doc/noteVerbale/2019-06-06/A-HRC-41-G-7"
    ident = "/a:akomaNtoso/a:doc/a:meta/a:identification"
    assert value(root, f"{ident}/a:FRBRWork/a:FRBRuri/@value") == work
    assert value(root, f"{ident}/a:FRBRWork/a:FRBRnumber/@value") == "A/HRC/41/G/7"
    assert value(root, f"{ident}/a:FRBRExpression/a:FRBRuri/@value") == f"{work}/rus@"
    assert value(root, f"{ident}/a:FRBRManifestation/a:FRBRthis/@value") == f"{work}/rus@/!main.xml"
    # The annex keeps the language it was received in.
    annex = "//a:attachment/a:doc[@name='annex']/a:meta//a:FRBRExpression/a:FRBRlanguage/@language"
    assert value(root, annex) == "eng"


def test_an_unregistered_record_says_so_in_its_uris(samples: dict[str, Document]) -> None:
    root = tree(compose(samples["note_verbale_aze_2021_fr"], Language.EN))
    uri = value(root, "//a:FRBRExpression/a:FRBRuri/@value")
    assert uri == "/akn/un/doc/noteVerbale/2021-06-08/unregistered/eng@"
    assert not root.xpath("//a:FRBRnumber", namespaces=A)


def test_the_footnote_sits_at_its_marker(
    versions: dict[tuple[str, Language], ComposedVersion],
) -> None:
    root = tree(versions["note_verbale_aze_2021_fr", Language.FR])
    note = root.xpath("//a:mainBody/a:p/a:authorialNote", namespaces=A)
    assert len(note) == 1
    assert note[0].get("marker") == "*"
    paragraph = note[0].getparent()
    assert paragraph.text.endswith("son annexe")
    assert note[0].tail.startswith(" en tant que document")
    assert "reproduite telle" in "".join(note[0].itertext())


def test_the_preface_holds_the_cover_block(
    versions: dict[tuple[str, Language], ComposedVersion],
) -> None:
    version = versions["note_verbale_aze_2019_ru", Language.RU]
    root = tree(version)
    assert value(root, "//a:preface//a:docNumber/text()") == "A/HRC/41/G/7"
    assert value(root, "//a:preface//a:docAuthority/text()") == "Совет по правам человека"
    assert value(root, "//a:preface/a:longTitle//a:docTitle/text()") == version.title


@pytest.mark.parametrize("lang", [Language.AR, Language.ZH, Language.FR], ids=str)
def test_the_preface_opens_with_the_organization_and_the_organ(
    lang: Language, samples: dict[str, Document]
) -> None:
    version = compose(samples["note_verbale_aze_2019_ru"], lang)
    root = tree(version)
    named = root.xpath("/a:akomaNtoso/a:doc/a:preface/a:p/a:organization", namespaces=A)
    assert [n.text for n in named] == [version.organization, version.organ]
    for node in named:
        (ref,) = root.xpath(f"//a:TLCOrganization[@eId='{node.get('refersTo')[1:]}']",
                            namespaces=A)
        assert ref.get("showAs") == node.text
    # A series without an organ in the conventions: the Organization alone, still valid.
    treaty = tree(compose(samples["note_verbale_aze_2019_ru"], lang,
                          symbol=Symbol.parse("CCPR/C/SR.2040")))
    assert schema().validate(treaty), schema().error_log
    named = treaty.xpath("//a:preface/a:p/a:organization", namespaces=A)
    assert [n.text for n in named] == [version.organization]
