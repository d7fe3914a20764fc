"""Permanent, forgiving URLs: any case of a symbol or language code leads (308) to the
canonical URL; unknown sessions, agenda items, States and symbols are 404; every GET
route answers HEAD with the GET's status and headers."""

from __future__ import annotations

import pytest

from palais.publish.samples import issue_samples
from tests.web.harness import Api

G7 = "A/HRC/41/G/7"


@pytest.fixture
def samples(api: Api) -> Api:
    officer = api.registry.actor("officer")
    list(issue_samples(api.registry, officer, follower=api.app.state.follower))
    return api


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("/documents/a/hrc/41/g/7", f"/documents/{G7}"),
        ("/documents/A/HRC/41/G/7/EN", f"/documents/{G7}/en"),
        ("/documents/a/Hrc/41/G/7/Ru?x=1", f"/documents/{G7}/ru?x=1"),
        ("/api/documents/a/hrc/41/g/7", f"/api/documents/{G7}"),
        ("/api/documents/A/HRC/41/G/7/EN.PDF", f"/api/documents/{G7}/en.pdf"),
        ("/api/documents/a/hrc/41/g/7/Fr/Html", f"/api/documents/{G7}/fr/html"),
        ("/browse/states/aze", "/browse/states/AZE"),
    ],
)
def test_any_case_redirects_permanently_to_the_canonical_url(
    samples: Api, typed: str, canonical: str
) -> None:
    response = samples.client.get(typed, follow_redirects=False)
    assert response.status_code == 308
    assert response.headers["location"] == canonical
    assert samples.client.get(canonical).status_code == 200


@pytest.mark.parametrize(
    "path",
    ["/browse/sessions/99", "/browse/agenda/11", "/browse/agenda/0", "/browse/states/XXX",
     "/documents/A/HRC/41/G/99", "/documents/A/HRC/41/G/99/en", "/api/documents/A/HRC/41/G/99",
     "/api/documents/A/HRC/41/G/99/en.pdf"],
)
def test_what_does_not_exist_is_404(samples: Api, path: str) -> None:
    assert samples.client.get(path).status_code == 404
    assert samples.client.head(path).status_code == 404


def test_every_get_route_answers_head_as_its_get(samples: Api) -> None:
    paths = [
        "/", "/browse", "/browse/sessions/41", "/browse/agenda/4", "/browse/states/AZE",
        "/search?q=Kalbajar", "/search/help", f"/documents/{G7}", f"/documents/{G7}/en",
        f"/api/documents/{G7}", f"/api/documents/{G7}/en.pdf", "/api/search?q=Kalbajar",
        "/api/feeds/documents.atom", "/api/sessions", "/openapi.json", "/api/docs",
    ]
    for path in paths:
        got = samples.client.get(path)
        head = samples.client.head(path)
        assert (path, head.status_code) == (path, got.status_code)
        assert head.content == b""
        for name in ("content-type", "etag"):
            assert head.headers.get(name) == got.headers.get(name), (path, name)
    pdf = samples.client.head(f"/api/documents/{G7}/en.pdf")
    assert int(pdf.headers["content-length"]) > 1000
    assert samples.client.head(f"/documents/{G7}/EN", follow_redirects=False).status_code == 308
