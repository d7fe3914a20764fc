"""A session's or a search's files as one ZIP, streamed, opened by zipfile."""

from __future__ import annotations

import io
import zipfile

from palais.publish.samples import issue_samples
from tests.web.harness import Api


def _issue(api: Api) -> None:
    officer = api.registry.actor("officer")
    list(issue_samples(api.registry, officer, follower=api.app.state.follower))


def test_a_sessions_files_come_as_one_zip(api: Api) -> None:
    _issue(api)
    response = api.client.get("/api/bulk/sessions/41.zip")
    assert response.status_code == 200 and response.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        assert len(names) == 24 and "A-HRC-41-G-7/en.pdf" in names
        pdf = api.client.get("/api/documents/A/HRC/41/G/7/en.pdf").content
        assert archive.read("A-HRC-41-G-7/en.pdf") == pdf
    only_pdf = api.client.get("/api/bulk/sessions/41.zip", params={"formats": "pdf,txt"})
    assert len(zipfile.ZipFile(io.BytesIO(only_pdf.content)).namelist()) == 12
    assert api.client.get("/api/bulk/sessions/99.zip").status_code == 404
    assert api.client.get("/api/bulk/sessions/41.zip?formats=odt").status_code == 422


def test_a_searchs_files_come_as_one_zip(api: Api) -> None:
    _issue(api)
    response = api.client.get("/api/bulk/search.zip", params={"q": "Kalbajar", "formats": "pdf"})
    assert response.status_code == 200
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert sorted({n.split("/")[0] for n in names}) == ["A-HRC-41-G-7", "A-HRC-47-G-1"]
    assert len(names) == 12
    narrowed = api.client.get("/api/bulk/search.zip",
                              params={"q": "Kalbajar", "session": "47", "formats": "txt"})
    assert sorted(zipfile.ZipFile(io.BytesIO(narrowed.content)).namelist()) == sorted(
        f"A-HRC-47-G-1/{lang}.txt" for lang in ("ar", "zh", "en", "fr", "ru", "es"))
