"""Search over HTTP, on both stores: ``/api/search`` and the search page share the query
language, filters that combine, sorting and paging; the help page's examples find what
the page says they find."""

from __future__ import annotations

import html
import re

import pytest

from palais.publish.samples import issue_samples
from palais.web.ui.search_help import EXAMPLES
from tests.web.harness import Api

G7, G1 = "A/HRC/41/G/7", "A/HRC/47/G/1"
# What each example of the help page finds among the two sample documents.
PROMISED = {
    "Kalbajar": {G7, G1},
    '"cultural heritage"': {G7},
    "人权理事会": {G7, G1},
    "landmine*": {G1},
    "landmines OR heritage": {G7, G1},
    "Kalbajar -landmines": {G7},
    "symbol:A/HRC/41/*": {G7},
    "state:AZE session:47": {G1},
}


@pytest.fixture
def samples(api: Api) -> Api:
    officer = api.registry.actor("officer")
    list(issue_samples(api.registry, officer, follower=api.app.state.follower))
    return api


def _api(api: Api, **params: str) -> dict[str, object]:
    response = api.client.get("/api/search", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, object] = response.json()
    return body


def _symbols(body: dict[str, object]) -> list[str]:
    return [r["symbol"] for r in body["results"]]  # type: ignore[index, union-attr]


def test_every_help_example_finds_what_the_page_promises(samples: Api) -> None:
    assert set(PROMISED) == set(EXAMPLES)
    page = samples.client.get("/search/help", headers={"Accept-Language": "ru"}).text
    linked = [html.unescape(q) for q in re.findall(r'<code dir="ltr">([^<]+)</code>', page)]
    assert linked == list(EXAMPLES)
    for query, symbols in PROMISED.items():
        assert set(_symbols(_api(samples, q=query))) == symbols, query


def test_the_api_answers_hits_with_their_metadata_and_named_facets(samples: Api) -> None:
    body = _api(samples, q="Kalbajar", lang="fr")
    assert body["total"] == 2 and body["pages"] == 1
    [hit] = [r for r in body["results"] if r["symbol"] == G7]  # type: ignore[union-attr, index]
    assert hit["date"] == "2019-06-06" and hit["session"] == 41 and hit["agenda_items"] == [4]
    assert hit["languages"] == ["ar", "zh", "en", "fr", "ru", "es"]
    assert hit["title_language"] == "fr" and hit["title"].startswith("Note verbale datée")
    assert hit["page_url"] == f"/documents/{G7}/fr"
    facets = body["facets"]
    assert facets["sender"]["name"] == "État"  # type: ignore[index]
    assert facets["sender"]["values"] == [  # type: ignore[index]
        {"value": "AZE", "label": "Azerbaïdjan", "count": 2}]
    assert facets["doc_type"]["values"][0]["label"] == "Note verbale"  # type: ignore[index]


def test_api_filters_combine_sort_and_page(samples: Api) -> None:
    assert _symbols(_api(samples, q="Kalbajar", session="41", agenda_item="4")) == [G7]
    assert _symbols(_api(samples, q="Kalbajar", sort="date")) == [G1, G7]
    assert _symbols(_api(samples, q="Kalbajar", sort="symbol")) == [G7, G1]
    assert _symbols(_api(samples, q="Kalbajar", until="2020-01-01")) == [G7]
    past = samples.client.get("/api/search", params={"q": "Kalbajar", "page": "3"})
    assert past.status_code == 404 and "past the last page" in past.json()["detail"]
    nothing = _api(samples, q="zzzz")
    assert nothing["total"] == 0 and nothing["results"] == []


@pytest.mark.parametrize(
    ("params", "named"),
    [({"page": "abc"}, "page"), ({"page": "0"}, "page"), ({"sort": "colour"}, "sort"),
     ({"session": "x"}, "session"), ({"from": "June"}, "from"), ({"year": "２０２１"}, "year")],
)
def test_a_malformed_parameter_is_a_problem_naming_it(
    samples: Api, params: dict[str, str], named: str
) -> None:
    response = samples.client.get("/api/search", params={"q": "Kalbajar", **params})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert named in response.json()["detail"]
    page = samples.client.get("/search", params={"q": "Kalbajar", **params})
    assert page.status_code == 422 and page.headers["content-type"].startswith("text/html")
    assert "This search could not be read" in page.text and named in html.unescape(page.text)
    assert 'id="q"' in page.text  # the reader stays on the search page, with its form


def test_the_search_is_in_the_openapi_document(samples: Api) -> None:
    spec = samples.client.get("/openapi.json").json()
    names = {p["name"] for p in spec["paths"]["/api/search"]["get"]["parameters"]}
    assert {"q", "page", "sort", "session", "agenda_item", "sender", "from", "until"} <= names


def test_on_the_page_facets_add_to_the_filters_and_chips_remove_one(samples: Api) -> None:
    first = samples.client.get("/search", params={"q": "Kalbajar", "session": "41"}).text
    add = re.search(r'href="/search\?([^"]+)" data-facet="agenda_item" data-value="4"', first)
    assert add is not None
    combined = html.unescape(add.group(1))
    assert "session=41" in combined and "agenda_item=4" in combined
    page = samples.client.get(f"/search?{combined}").text
    chips = re.findall(r'class="chip" href="/search\?([^"]+)"[^>]*>([^<]+)', page)
    assert [label.strip() for _, label in chips] == [
        "Session: Forty-first session", "Agenda item: Agenda item 4"]
    without_session = html.unescape(chips[0][0])
    assert "session" not in without_session and "agenda_item=4" in without_session
    after = samples.client.get(f"/search?{without_session}").text
    assert "2 documents found" in after


def test_a_page_past_the_end_says_so_and_links_the_last(samples: Api) -> None:
    page = samples.client.get("/search", params={"q": "Kalbajar", "page": "4"})
    assert page.status_code == 200
    assert "There is no page 4: this search has 1." in page.text
    assert "No document matches" in samples.client.get("/search", params={"q": "zzzz"}).text
