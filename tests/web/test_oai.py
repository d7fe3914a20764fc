"""OAI-PMH over HTTP, harvested by a real client (Sickle) from a server in a thread:
every verb, resumption tokens over pages smaller than the archive, from/until and sets;
each response valid against the OAI-PMH 2.0 schema; MARC 21 records read back by pymarc."""

from __future__ import annotations

import io
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pymarc
import pytest
import requests
from lxml import etree
from sickle import Sickle
from sickle.oaiexceptions import BadArgument, CannotDisseminateFormat, IdDoesNotExist

from palais.model import Format
from palais.publish.samples import issue_samples
from palais.records import from_record
from palais.registry.values import Legacy
from tests.browser.conftest import serving
from tests.support.records import RECORD
from tests.web.harness import Api, Backend, make_api

PAGE = 4
IMPORTED = 9  # with the two samples: 11 documents, three pages of four


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    xsd = resources.files("palais.publish").joinpath("data/OAI-PMH.xsd").read_bytes()
    return etree.XMLSchema(etree.fromstring(xsd))


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[Api, str]]:
    for api in make_api(Backend("sqlite"), tmp_path):
        officer = api.registry.actor("officer")
        list(issue_samples(api.registry, officer))
        legacy = []
        for n in range(1, IMPORTED + 1):
            symbol = f"A/HRC/44/G/{n}"
            document = from_record({**RECORD, "session": 44, "symbol": symbol,
                                    "agenda_items": [3 if n % 2 else 4],
                                    "title": f"Note verbale number {n}"})
            text = f"{symbol}\nNote verbale number {n}."
            legacy.append(Legacy(f"{n}.txt", text.encode(), Format.TXT, document, text))
        api.registry.import_documents(officer, legacy)
        api.app.state.oai_page_size = PAGE
        with serving(api.app) as url:
            yield api, url


def _valid(schema: etree.XMLSchema, url: str, **params: str) -> etree._Element:
    response = requests.get(f"{url}/oai", params=params, timeout=30)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/xml")
    root = etree.fromstring(response.content)
    assert schema.validate(root), (params, schema.error_log)
    return root


def test_sickle_harvests_the_whole_archive_over_resumption_tokens(
    server: tuple[Api, str], schema: etree.XMLSchema
) -> None:
    api, url = server
    sickle = Sickle(f"{url}/oai")
    assert sickle.Identify().protocolVersion == "2.0"
    records = list(sickle.ListRecords(metadataPrefix="oai_dc"))
    symbols = [r.header.identifier.removeprefix("oai:palais.un-hrc:") for r in records]
    archive = [str(d.symbol) for d in api.registry.archive()]
    assert len(archive) == 2 + IMPORTED > PAGE
    assert symbols == archive  # every document once, in store order, across three pages
    seven = next(r for r in records if r.header.identifier.endswith("A/HRC/41/G/7"))
    assert seven.metadata["identifier"][0] == "A/HRC/41/G/7"
    assert seven.metadata["title"][0].startswith("Note verbale dated 6 June 2019")
    assert len(seven.metadata["title"]) == 6  # one title per language version
    identifiers = [h.identifier for h in sickle.ListIdentifiers(metadataPrefix="marcxml")]
    assert [i.removeprefix("oai:palais.un-hrc:") for i in identifiers] == archive
    # Every page of the harvest, and every verb, is valid OAI-PMH 2.0.
    token = _valid(schema, url, verb="ListRecords", metadataPrefix="marcxml").findtext(
        "{*}ListRecords/{*}resumptionToken")
    pages = 1
    while token:
        page = _valid(schema, url, verb="ListRecords", resumptionToken=token)
        token = page.findtext("{*}ListRecords/{*}resumptionToken")
        pages += 1
    assert pages == 3
    for params in ({"verb": "Identify"}, {"verb": "ListMetadataFormats"},
                   {"verb": "ListSets"}, {"verb": "Nonsense"},
                   {"verb": "GetRecord", "identifier": "oai:palais.un-hrc:A/HRC/41/G/7",
                    "metadataPrefix": "oai_dc"},
                   {"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "agenda:3"},
                   {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "from": "2999-01-01"}):
        _valid(schema, url, **params)


def test_sets_and_dates_select_records(server: tuple[Api, str]) -> None:
    api, url = server
    sickle = Sickle(f"{url}/oai")
    specs = {s.setSpec for s in sickle.ListSets()}
    assert {"session:41", "session:47", "agenda:4"} <= specs
    in_44 = [h.identifier for h in sickle.ListIdentifiers(metadataPrefix="oai_dc",
                                                          set="session:44")]
    assert len(in_44) == IMPORTED
    item_3 = list(sickle.ListIdentifiers(metadataPrefix="oai_dc", set="agenda:3"))
    assert len(item_3) == 5 and all("agenda:3" in h.setSpecs for h in item_3)
    since = list(sickle.ListIdentifiers(metadataPrefix="oai_dc", **{"from": "2020-01-01"}))
    issued_since = [d for d in api.registry.archive() if d.issued_at.year >= 2020]
    assert 0 < len(since) == len(issued_since) < 2 + IMPORTED
    with pytest.raises(Exception, match="no record"):
        list(sickle.ListIdentifiers(metadataPrefix="oai_dc", until="2019-01-01"))
    with pytest.raises(CannotDisseminateFormat):
        sickle.GetRecord(identifier="oai:palais.un-hrc:A/HRC/41/G/7", metadataPrefix="mods")
    with pytest.raises(IdDoesNotExist):
        sickle.GetRecord(identifier="oai:palais.un-hrc:A/HRC/41/G/99", metadataPrefix="oai_dc")
    with pytest.raises(BadArgument):
        sickle.ListRecords(metadataPrefix="oai_dc", **{"from": "June"})


def test_marc_records_read_back_by_pymarc_with_the_fields_written(
    server: tuple[Api, str],
) -> None:
    _api, url = server
    answer = requests.get(f"{url}/oai", params={
        "verb": "GetRecord", "identifier": "oai:palais.un-hrc:A/HRC/41/G/7",
        "metadataPrefix": "marcxml"}, timeout=30)
    marc = etree.fromstring(answer.content).find(".//{http://www.loc.gov/MARC21/slim}record")
    [record] = pymarc.parse_xml_to_array(io.BytesIO(etree.tostring(marc)))
    assert record["191"]["a"] == "A/HRC/41/G/7"
    assert (record["191"]["b"], record["191"]["c"]) == ("A/HRC/", "41")
    assert record["245"]["a"].startswith("Note verbale dated 6 June 2019 from the Permanent")
    assert not record["245"]["a"].endswith(".")
    assert record["041"]["a"] == "arachiengfrerusspa"
    assert record["269"]["a"] == "20190606" and record["260"]["c"] == "6 June 2019"
    assert record["091"]["a"] == "GEN"
    assert record["710"]["a"] == "UN. Human Rights Council"
    assert record["991"]["b"] == "4"
    assert record["991"]["c"] == "Human rights situations that require the Council’s attention"
    assert record["989"]["b"] == "Letters and Notes Verbales"
    links = record.get_fields("856")
    assert len(links) == 6 and links[2]["u"] == f"{url}/api/documents/A/HRC/41/G/7/en.pdf"
    assert requests.head(links[2]["u"], timeout=30).status_code == 200
    jobs = [f["b"] for f in record.get_fields("029")]
    assert len(jobs) == 6 and jobs[2].endswith(" E") and jobs[2].startswith("G")


def test_a_whole_harvest_reads_the_archive_once(
    server: tuple[Api, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each page goes on from the store position where the previous one stopped: over the
    whole harvest, each document is read once (and one more per page, to know there is a
    next), not once per page before it."""
    api, url = server
    read = 0
    original = api.registry.archive_after

    def counting(after: int, **kwargs: object) -> Iterator[object]:
        nonlocal read
        for item in original(after, **kwargs):  # type: ignore[arg-type]
            read += 1
            yield item

    monkeypatch.setattr(api.registry, "archive_after", counting)
    harvested = list(Sickle(f"{url}/oai").ListIdentifiers(metadataPrefix="oai_dc"))
    assert len(harvested) == IMPORTED + 2
    pages = -(-len(harvested) // PAGE)
    assert len(harvested) <= read <= len(harvested) + pages
