"""The document page shows what the UN Digital Library shows, and the citation exports
parse with the libraries reference managers use (bibtexparser, rispy)."""

from __future__ import annotations

import json
import re

import bibtexparser
import rispy

from palais.model import Format
from palais.publish.samples import issue_samples
from palais.records import from_record
from palais.registry.values import Legacy
from tests.support.records import RECORD
from tests.web.harness import Api

G7 = "A/HRC/41/G/7"


def _setup(api: Api) -> None:
    officer = api.registry.actor("officer")
    list(issue_samples(api.registry, officer, follower=api.app.state.follower))
    document = from_record({**RECORD, "session": 41, "symbol": "A/HRC/41/G/30",
                            "sender_state": "AZE", "title": "Note verbale on Lachin"})
    text = "A/HRC/41/G/30\nNote verbale on Lachin."
    api.registry.import_documents(
        officer, [Legacy("30.txt", text.encode(), Format.TXT, document, text)]
    )


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_page_shows_dates_languages_job_agenda_annex_relations_and_files(api: Api) -> None:
    _setup(api)
    html = api.client.get(f"/documents/{G7}", headers={"Accept-Language": "en"}).text
    text = _text(html)
    issued = api.registry.document(G7)
    assert f"Distribution date {issued.issued_at.day} " in text
    assert "Original language Русский" in text
    assert f"Job number {issued.document.job_number}" in text
    assert "Agenda item 4 Human rights situations that require the Council’s attention" in text
    assert "Annex in English, reproduced as received" in text
    assert 'href="/documents/A/HRC/41/G/30"' in html  # same State, same session
    assert 'href="/documents/A/HRC/47/G/1"' not in html
    for lang in ("ar", "zh", "en", "fr", "ru", "es"):
        for ext in ("pdf", "html", "xml", "txt"):
            link = f"/api/documents/{G7}/{lang}.{ext}"
            assert f'href="{link}"' in html
    assert api.client.head(f"/api/documents/{G7}/ru.xml").status_code == 200
    # A version offers the formats it exists in: composed, no Word file.
    version = api.client.get(f"/documents/{G7}/en").text
    assert f"/api/documents/{G7}/en.pdf" in version and ".docx" not in version
    assert "Note verbale dated 6 June 2019 from the Permanent Mission of Azerbaijan" in text
    assert f"({G7})" in text
    french = _text(api.client.get(f"/documents/{G7}", headers={"Accept-Language": "fr"}).text)
    assert "Langue originale Русский" in french and "Date de distribution" in french


def test_citations_download_and_parse(api: Api) -> None:
    _setup(api)
    bib = api.client.get(f"/api/citations/{G7}.bib")
    assert bib.status_code == 200 and bib.headers["content-type"].startswith("application/x-bibtex")
    [entry] = bibtexparser.loads(bib.text).entries
    assert entry["number"] == G7 and entry["year"] == "2019"
    assert entry["title"].strip("{}").startswith("Note verbale dated 6 June 2019")
    assert entry["author"] == "{Human Rights Council}"
    [ris] = rispy.loads(api.client.get(f"/api/citations/{G7}.ris").text)
    assert ris["type_of_reference"] == "GOVDOC" and ris["authors"] == ["Human Rights Council"]
    assert ris["year"] == "2019" and ris["urls"] == [f"http://testserver/documents/{G7}"]
    [csl] = json.loads(api.client.get(f"/api/citations/{G7}.json").text)
    assert csl["number"] == G7 and csl["issued"] == {"date-parts": [[2019, 6, 6]]}
    assert csl["title"].startswith("Note verbale dated")
    assert api.client.get(f"/api/citations/{G7}.doc").status_code == 422
    assert api.client.get("/api/citations/A/HRC/41/G/99.bib").status_code == 404
