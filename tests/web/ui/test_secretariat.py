"""The officer's pages over the real registry on a temporary SQLite store: the queue's
filters, the buttons each state allows, the editor's checks, the preview and the
confirmation before issuing, and the audit trail in words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from palais.registry import State
from palais.web.ui.record_form import form_values
from tests.web.harness import PASSWORD, Api, Backend, make_api
from tests.web.officer import in_state, missing, submit

AR = {"Accept-Language": "ar"}
FR = {"Accept-Language": "fr"}


@pytest.fixture
def api(tmp_path: Path) -> Iterator[Api]:
    yield from make_api(Backend("sqlite"), tmp_path)


@pytest.fixture
def officer(api: Api) -> Api:
    """``api`` whose client is the officer's browser (its session cookie)."""
    answer = api.client.post("/api/auth/login", json={"username": "officer", "password": PASSWORD})
    assert answer.status_code == 200, answer.text
    return api


def token(api: Api, page: str, headers: dict[str, str] | None = None) -> str:
    html = api.client.get(page, headers=headers).text
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found is not None
    return found.group(1)


def post_form(
    api: Api, sid: int, values: dict[str, str], headers: dict[str, str] | None = None
) -> Any:
    page = f"/secretariat/submissions/{sid}"
    data = values | {"csrf_token": token(api, page, headers)}
    return api.client.post(page, data=data, headers=headers, follow_redirects=False)


def buttons(html: str) -> set[str]:
    return set(re.findall(r'class="action-(\w+)"', html))


def test_each_state_shows_only_the_actions_the_workflow_allows(officer: Api) -> None:
    sid = submit(officer)
    page = f"/secretariat/submissions/{sid}"
    assert buttons(officer.client.get(page).text) == {"register", "reject", "withdraw"}
    assert officer.post("officer", f"/api/submissions/{sid}/registration").status_code == 200
    html = officer.client.get(page).text
    assert buttons(html) == {"assign", "issue", "withdraw"}
    assert 'name="title"' in html and "readonly" not in html

    rejected = submit(officer, title="Another note")
    assert officer.post("officer", f"/api/submissions/{rejected}/rejection",
                        json={"reason": "Not for the Council"}).status_code == 200
    html = officer.client.get(f"/secretariat/submissions/{rejected}").text
    assert buttons(html) == set()
    assert 'id="closed"' in html
    assert '<form method="post" action="/secretariat/submissions/' not in html


def test_a_refusal_reads_as_a_sentence_in_the_page_language(officer: Api) -> None:
    sid = submit(officer)
    assert officer.post("officer", f"/api/submissions/{sid}/registration").status_code == 200
    page = f"/secretariat/submissions/{sid}"
    answer = officer.client.post(f"{page}/register", headers=FR,
                                 data={"csrf_token": token(officer, page, FR)})
    assert answer.status_code == 409
    assert ("l’action « enregistrer » n’est pas possible sur une soumission à l’état "
            "« Enregistré » ; un fonctionnaire du secrétariat ne peut l’effectuer qu’aux "
            "états : Soumis") in answer.text
    assert "registered" not in _visible_text(answer.text)


def test_the_editor_is_pre_filled_with_codes_named_in_words(officer: Api) -> None:
    sid = submit(officer)
    html = officer.client.get(f"/secretariat/submissions/{sid}", headers=FR).text
    assert '<option value="AZE" selected>Azerbaïdjan</option>' in html
    assert '<option value="en" selected>Anglais</option>' in html
    assert 'id="f-doc_date" name="doc_date" aria-describedby="h-doc_date" dir="auto" ' \
           'value="6 juin 2019"' in html


def test_a_session_outside_the_calendar_is_refused_next_to_its_field(officer: Api) -> None:
    sid = submit(officer)
    values = form_values(officer.record) | {"session": "99", "title": "Corrected title"}
    answer = post_form(officer, sid, values)
    assert answer.status_code == 422
    html = answer.text
    assert re.search(r'id="f-session" name="session" aria-invalid="true" '
                     r'aria-describedby="[^"]*e-session"', html)
    assert 'id="e-session">session 99 is not in the Human Rights Council calendar' in html
    assert 'value="Corrected title"' in html  # nothing typed is lost
    stored = officer.get("officer", f"/api/submissions/{sid}").json()
    assert stored["record"]["session"] == 41 and stored["record"]["title"] != "Corrected title"


def test_a_date_in_the_page_language_is_read_and_a_wrong_one_explained(officer: Api) -> None:
    sid = submit(officer)
    values = form_values(officer.record) | {"doc_date": "31 juin 2021", "title": "Gardé"}
    refused = post_form(officer, sid, values, FR)
    assert refused.status_code == 422
    assert "Invalid isoformat" not in refused.text
    assert 'id="e-doc_date">« 31 juin 2021 » n’est pas un jour du calendrier' in refused.text
    assert 'value="Gardé"' in refused.text

    saved = post_form(officer, sid, values | {"doc_date": "8 juin 2021"}, FR)
    assert saved.status_code == 303, saved.text
    record = officer.get("officer", f"/api/submissions/{sid}").json()["record"]
    assert (record["doc_date"], record["title"]) == ("2021-06-08", "Gardé")
    # The date is shown back as the reader writes it.
    assert 'value="8 juin 2021"' in officer.client.get(f"/secretariat/submissions/{sid}",
                                                       headers=FR).text


def test_agenda_items_must_be_on_the_councils_agenda(officer: Api) -> None:
    sid = submit(officer)
    answer = post_form(officer, sid, form_values(officer.record) | {"agenda_items": "4, 12"})
    assert answer.status_code == 422
    assert 'id="e-agenda_items">agenda item 12 is not one of the Council' in answer.text


def test_editing_an_issued_document_keeps_the_text_and_leads_to_its_page(officer: Api) -> None:
    sid = submit(officer)
    page = f"/secretariat/submissions/{sid}"
    stale_token = token(officer, page)
    in_state(officer, State.ISSUED, sid)
    issued = officer.get("officer", f"/api/submissions/{sid}").json()["record"]["symbol"]
    values = form_values(officer.record) | {"title": "A late correction"}
    answer = officer.client.post(page, data=values | {"csrf_token": stale_token},
                                 follow_redirects=False)
    assert answer.status_code == 409
    assert 'value="A late correction"' in answer.text and "readonly" in answer.text
    assert f'href="/documents/{issued}"' in answer.text
    assert "Save the record" not in answer.text


def test_issuing_previews_six_versions_and_asks_for_a_confirmation(officer: Api) -> None:
    sid = submit(officer)
    assert officer.post("officer", f"/api/submissions/{sid}/registration").status_code == 200
    officer.translate(sid, missing(officer, sid))
    preview = officer.client.get(f"/secretariat/submissions/{sid}/issue")
    assert preview.status_code == 200, preview.text[:500]
    symbol = officer.get("officer", f"/api/submissions/{sid}").json()["record"]["symbol"]
    slug = symbol.replace("/", "-")
    for lang in ("ar", "zh", "en", "fr", "ru", "es"):
        frame = f'/api/submissions/{sid}/issue/{lang}.html'
        assert f'src="{frame}"' in preview.text
        version = officer.client.get(frame)
        assert version.status_code == 200 and symbol in version.text
        assert version.headers["content-type"].startswith("text/html")
        for ext in ("pdf", "html", "xml", "txt"):
            assert f"{slug}-{lang}.{ext}" in preview.text

    unconfirmed = officer.client.post(
        f"/secretariat/submissions/{sid}/issue",
        data={"csrf_token": token(officer, f"/secretariat/submissions/{sid}/issue")},
    )
    assert unconfirmed.status_code == 422 and 'id="e-confirm"' in unconfirmed.text
    assert officer.get("officer", f"/api/submissions/{sid}").json()["state"] == "ready"

    done = officer.client.post(
        f"/secretariat/submissions/{sid}/issue", follow_redirects=False,
        data={"confirm": "yes",
              "csrf_token": token(officer, f"/secretariat/submissions/{sid}/issue")},
    )
    assert done.status_code == 303
    assert officer.get("officer", f"/api/submissions/{sid}").json()["state"] == "issued"


def test_issuing_with_translations_missing_says_so_on_the_record(officer: Api) -> None:
    sid = submit(officer)
    assert officer.post("officer", f"/api/submissions/{sid}/registration").status_code == 200
    answer = officer.client.get(f"/secretariat/submissions/{sid}/issue")
    assert answer.status_code == 422
    assert 'id="e-record" role="alert">translation missing for ar:' in answer.text


def test_the_audit_trail_shows_each_field_before_and_after(officer: Api) -> None:
    sid = submit(officer)
    values = form_values(officer.record) | {"doc_date": "2021-06-08", "sender_state": "FRA"}
    assert post_form(officer, sid, values).status_code == 303
    html = officer.client.get(f"/secretariat/submissions/{sid}", headers=FR).text
    audit = html[html.index('id="audit-heading"'):]
    assert "<th scope=\"row\">Date</th><td dir=\"auto\">6 juin 2019</td>" \
           "<td dir=\"auto\">8 juin 2021</td>" in audit
    assert "<td dir=\"auto\">Azerbaïdjan</td><td dir=\"auto\">France</td>" in audit
    assert "Modifié" in audit
    entry = officer.get("officer", f"/api/submissions/{sid}/audit").json()[-1]
    assert entry["before"]["doc_date"] == "2019-06-06"
    assert entry["after"]["doc_date"] == "2021-06-08"
    assert set(entry["after"]) == {"doc_date", "sender_state", "sender_states"}


def test_the_queue_filters_combine_and_the_form_keeps_them(officer: Api) -> None:
    first = submit(officer)
    other = submit(officer, session=47, title="Another note")
    assert officer.post("officer", f"/api/submissions/{other}/registration").status_code == 200
    html = officer.client.get("/secretariat", params={"state": "registered", "session": "47",
                                                      "sender": "AZE"}).text
    assert f'href="/secretariat/submissions/{other}"' in html
    assert f'href="/secretariat/submissions/{first}"' not in html
    assert '<option value="registered" selected>' in html
    assert '<option value="47" selected>' in html and '<option value="AZE" selected>' in html
    assert f'href="/secretariat/submissions/{first}"' in officer.client.get(
        "/secretariat", params={"session": "41"}).text
    nobody = officer.client.get("/secretariat", params={"sender": "FRA"}).text
    assert "/secretariat/submissions/" not in nobody.split("</form>", 1)[1]


def test_the_queue_filters_by_the_day_received(officer: Api) -> None:
    sid = submit(officer)
    received = officer.registry.get(officer.registry.actor("officer"), sid).received_at.date()
    same_day = officer.client.get("/secretariat", params={
        "received_from": received.isoformat(), "received_to": received.isoformat()}).text
    assert f'href="/secretariat/submissions/{sid}"' in same_day
    later = officer.client.get("/secretariat", params={"received_from": "1 January 2099"}).text
    assert f'href="/secretariat/submissions/{sid}"' not in later
    assert 'value="1 January 2099"' in later


def test_a_mistyped_filter_is_named_and_kept(officer: Api) -> None:
    answer = officer.client.get("/secretariat", params={"session": "forty", "received_to": "soon"},
                                headers=FR)
    assert answer.status_code == 200
    assert 'id="qe-session"' in answer.text and 'id="qe-received_to"' in answer.text
    assert "« soon » n’est pas une date" in answer.text
    assert 'value="soon"' in answer.text


@pytest.mark.parametrize("headers", [FR, AR], ids=["fr", "ar"])
def test_no_raw_code_or_timestamp_on_the_officers_pages(
    officer: Api, headers: dict[str, str]
) -> None:
    sid = submit(officer)
    other = submit(officer, title="Another note")
    assert officer.post("officer", f"/api/submissions/{other}/registration").status_code == 200
    officer.translate(other, {"fr": missing(officer, other)["fr"]})  # now in translation
    pages = [
        "/secretariat", "/secretariat?state=in_translation",
        f"/secretariat/submissions/{sid}", f"/secretariat/submissions/{other}",
    ]
    for path in pages:
        html = officer.client.get(path, headers=headers).text
        shown = _visible_text(html)
        for code in ("in_translation", "note_verbale", "AZE", "submitted", "registered",
                     "edit", "submit", "register"):
            assert not re.search(rf"\b{code}\b", shown), (path, code, shown[:2000])
        assert not re.search(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}", shown), (path, shown[:2000])
        assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", shown.replace("2021-06-08", "")), path


def _visible_text(html: str) -> str:
    """What a reader sees: the text between tags, without attributes, scripts or styles."""
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))
