"""The whole journey through the HTTP API, on SQLite and on PostgreSQL.

A mission submits the 2019 seed, an officer registers it (the first G symbol
of session 41), a translator supplies the missing passages, the officer issues
it, and the public fetches the six PDFs and the Akoma Ntoso XML.
"""

from __future__ import annotations

from lxml import etree

from palais.languages import ALL
from tests.web.harness import Api

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


def test_seed_goes_from_mission_to_public(api: Api) -> None:
    seed = api.seed_bytes("ru_a_hrc_41_2019.txt")
    created = api.post_file("mission", "/api/submissions/upload", "ru_a_hrc_41_2019.txt", seed)
    assert created.status_code == 201, created.text
    sid = created.json()["id"]

    registered = api.post("officer", f"/api/submissions/{sid}/registration")
    assert registered.status_code == 200, registered.text
    assert registered.json()["symbol"] == "A/HRC/41/G/1"

    early = api.post("officer", f"/api/submissions/{sid}/issue")
    assert early.status_code == 422
    missing = early.json()["missing"]
    assert missing, "the seed's free-text passages need translating"

    api.translate(sid, missing)

    issued = api.post("officer", f"/api/submissions/{sid}/issue")
    assert issued.status_code == 200, issued.text
    assert issued.json()["state"] == "issued"
    # The answer names every file published: six languages in four formats.
    files = issued.json()["files"]
    assert {lang: set(formats) for lang, formats in files.items()} == {
        lang.value: {"pdf", "html", "akn", "txt"} for lang in ALL
    }
    assert len(issued.json()["manifestations"]) == 24

    meta = api.get(None, "/api/documents/A/HRC/41/G/1")
    assert meta.status_code == 200, meta.text
    assert meta.json()["symbol"] == "A/HRC/41/G/1"
    for lang in ALL:
        pdf = api.get(None, f"/api/documents/A/HRC/41/G/1/{lang.value}.pdf")
        assert pdf.status_code == 200, (lang, pdf.text[:300])
        assert pdf.headers["content-type"] == "application/pdf"
        assert pdf.content.startswith(b"%PDF-")
    akn = api.get(None, "/api/documents/A/HRC/41/G/1/ru.xml")
    assert akn.status_code == 200
    root = etree.fromstring(akn.content)
    assert root.tag == f"{{{AKN_NS}}}akomaNtoso"

    trail = api.get("officer", f"/api/submissions/{sid}/audit").json()
    actions = [entry["action"] for entry in trail]
    assert actions[0] == "submit"
    assert actions.index("register") < actions.index("translate") < actions.index("issue")
    # Issuing is one transition: one entry, naming the 24 files stored with it.
    assert actions[-1] == "issue" and actions.count("issue") == 1
    stored = trail[-1]["after"]["files"]
    assert len(stored) == 24 and {f["format"] for f in stored} == {"pdf", "html", "akn", "txt"}
