"""The officer's page for a new version: an addendum and a revision through its forms,
refusals on the form, the reissue button, and the page closed to other roles."""

from __future__ import annotations

import re

import pytest

from tests.web.api.test_corrections import PARAGRAPHS, issued_note
from tests.web.harness import Api
from tests.web.test_authorization import _form_token, _log_in

PAGE = "/secretariat/versions/A/HRC/41/G/1"


@pytest.fixture
def original(api: Api) -> int:
    """The issued note, and the officer signed in on the pages."""
    sid = issued_note(api)
    _log_in(api, "officer")
    return sid


def post(api: Api, path: str, **data: str) -> object:
    return api.client.post(
        path, data={**data, "csrf_token": _form_token(api)}, follow_redirects=False
    )


def test_a_revision_starts_from_the_originals_text_and_keeps_what_is_unchanged(
    api: Api, original: int
) -> None:
    form = api.client.get(f"{PAGE}?kind=Rev")
    assert form.status_code == 200
    assert PARAGRAPHS[0] in form.text and 'aria-current="page">Revision' in form.text
    unchanged = post(api, PAGE, kind="Rev", title=api.record["title"],
                     text="\n\n".join(PARAGRAPHS))
    assert unchanged.status_code == 422
    assert "The revision changes nothing" in unchanged.text
    made = post(api, PAGE, kind="Rev", title=api.record["title"],
                text=f"{PARAGRAPHS[0]}\r\n\r\nThe events of 2021.")
    assert made.status_code == 303
    sid = int(made.headers["location"].rsplit("/", 1)[1])
    revision = api.registry.get(api.registry.actor("officer"), sid)
    assert str(revision.symbol) == "A/HRC/41/G/1/Rev.1"
    assert revision.document.paragraphs == (PARAGRAPHS[0], "The events of 2021.")
    assert "cover.paragraph.1" in revision.document.translations


def test_an_addendum_needs_its_text_and_gets_its_symbol(api: Api, original: int) -> None:
    empty = post(api, PAGE, kind="Add", text="  ")
    assert empty.status_code == 422 and "Write the text of the new version." in empty.text
    made = post(api, PAGE, kind="Add", text="The Mission adds a list.")
    assert made.status_code == 303
    assert api.get(None, "/api/documents/A/HRC/41/G/1").json()["versions"] == []
    sid = int(made.headers["location"].rsplit("/", 1)[1])
    assert str(api.registry.get(api.registry.actor("officer"), sid).symbol) == (
        "A/HRC/41/G/1/Add.1"
    )


def test_a_half_filled_correction_is_refused_in_the_pages_language(
    api: Api, original: int
) -> None:
    api.client.cookies.set("palais_lang", "es")
    refused = post(api, PAGE, kind="Corr", paragraph_1="", new_1="Texto nuevo")
    assert refused.status_code == 422
    assert "Elija el párrafo que se corrige." in refused.text
    assert "Texto nuevo" in refused.text, "what was typed is kept"


def test_the_reissue_button_reissues_the_document(api: Api, original: int) -> None:
    done = post(api, "/secretariat/reissue/A/HRC/41/G/1")
    assert done.status_code == 303 and done.headers["location"] == "/documents/A/HRC/41/G/1"
    text = api.get(None, "/api/documents/A/HRC/41/G/1/en.txt").text
    assert re.search(r"Reissued for technical reasons on \d+ \w+ \d{4}\.", text)


def test_other_roles_do_not_see_the_button_or_the_page(api: Api, original: int) -> None:
    button = "Issue a corrigendum, revision or addendum"
    assert button in api.client.get("/documents/A/HRC/41/G/1").text
    _log_in(api, "mission")
    assert button not in api.client.get("/documents/A/HRC/41/G/1").text
    assert api.client.get(PAGE).status_code == 403
    api.client.cookies.clear()
    assert button not in api.client.get("/documents/A/HRC/41/G/1").text


def test_a_corrigendum_takes_more_corrections_than_the_form_starts_with(
    api: Api, original: int
) -> None:
    typed = {"kind": "Corr", "paragraph_1": "1", "new_1": "First", "paragraph_2": "2",
             "new_2": "Second", "paragraph_3": "1", "old_3": "Mission", "new_3": "Third"}
    form = api.client.get(PAGE).text
    assert form.count('<fieldset class="correction">') == 3
    longer = post(api, PAGE, **typed, rows="3", more="1")
    assert longer.status_code == 200, "a row is added, nothing is started"
    assert longer.text.count('<fieldset class="correction">') == 4
    assert 'name="rows" value="4"' in longer.text and "Third" in longer.text
    assert re.search(r'id="f-paragraph_4"[^>]*autofocus', longer.text)
    made = post(api, PAGE, **typed, rows="4", paragraph_4="2", new_4="Fourth")
    assert made.status_code == 303, made.text[-1500:]
    sid = int(made.headers["location"].rsplit("/", 1)[1])
    corrigendum = api.registry.get(api.registry.actor("officer"), sid).document
    assert [c.new for c in corrigendum.corrections] == ["First", "Second", "Third", "Fourth"]
    nonsense = post(api, PAGE, kind="Corr", rows="many", more="1")
    assert nonsense.text.count('<fieldset class="correction">') == 4, "from the 3 it starts with"
