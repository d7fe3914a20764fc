"""Each role tries what it must not do: the exact refusal, and the store unchanged.

Every refusal below names the status and problem type it must get (401 for no
caller, 403 for a role the rule leaves out, 404 for a submission the caller may
not see, 409 for a state the rule does not allow the action from) and compares
a snapshot of the store (every submission whole, its audit trail entry by
entry, the row count of every table, the stored files) before and after. The
pages' own guard is checked the same way over the real registry.

Mutation run (2026-12-02, SQLite, on the registry of the transition executor): each rule
removed or widened in turn, this module run, the rule restored. "widened" gives the action to
every role, or allows it from every state; the test that then fails is named (without its
``test_`` prefix, long names cut).

=======================================================  ========================================
rule (where)                                             failing test(s)
=======================================================  ========================================
workflow.RULES submit: missions and officers only        translators_submit_nothing_and_see...
workflow.RULES edit: a mission only while submitted      actions_are_refused_from_states...,
                                                         an_issued_document_is_the_secretariats.
workflow.RULES edit: the officer only while open         an_issued_document_is_the_secretariats.
workflow.RULES edit: not translators                     roles_without_an_action_are_denied_it
workflow.RULES register: officer only                    roles_without_an_action_are_denied_it
workflow.RULES register: from submitted only             actions_are_refused_from_states...
workflow.RULES translate: officer and translator only    roles_without_an_action_are_denied_it
workflow.RULES translate: the officer only in work       actions_are_refused_from_states...,
                                                         an_issued_document_is_the_secretariats.
workflow.RULES translate: a translator only in work      none (see below)
workflow.RULES translate: own_languages                  a_translator_translates_only_into...
workflow.RULES issue: officer only                       roles_without_an_action_are_denied_it
workflow.RULES issue: from the in-work states only       actions_are_refused_from_states...,
                                                         an_issued_document_is_the_secretariats.
workflow.RULES reject: officer only                      roles_without_an_action_are_denied_it
workflow.RULES reject: from submitted only               actions_are_refused_from_states...
workflow.RULES withdraw: a mission not once issued       an_issued_document_is_the_secretariats.
workflow.RULES withdraw: not translators                 roles_without_an_action_are_denied_it
workflow.RULES new_version: officer only                 roles_without_an_action_are_denied_it
workflow.RULES new_version: from issued only             actions_are_refused_from_states...
workflow.RULES import: officer only                      none here: tests/cli/test_import.py
                                                         only_an_officer_imports, and
                                                         tests/registry only_the_secretariat...
workflow.RULES calendar: officer only                    roles_without_an_action_are_denied_it
workflow.check: the role refusal                         roles_without_an_action_are_denied_it,
                                                         translators_submit_nothing_and_see...
workflow.check: the state refusal                        actions_are_refused_from_states...,
                                                         an_issued_document_is_the_secretariats.
store.archive.issued_by_symbol: issued only              a_document_not_yet_issued_is_not_found.
registry.submissions new_version: what the caller sees   another_mission_does_not_see_a_submiss.
registry.accounts authenticate_token: unknown refused    a_bad_token_or_cookie_is_refused...
registry.accounts login: a wrong password refused        a_wrong_password_opens_no_session
visibility.for_mission: a mission for its own State      a_mission_submits_only_for_its_own_state
visibility.may_see: a mission sees its own State's       another_mission_does_not_see_a_submiss.
visibility.may_see: translators see work in progress     an_issued_document_is_the_secretariats.,
                                                         translators_submit_nothing_and_see...
visibility.listing: a mission lists its own              another_mission_does_not_see_a_submiss.
visibility.listing: translators list work in progress    translators_submit_nothing_and_see...
web.deps.required_actor: a caller is required            the_public_is_asked_to_authenticate...
web.deps.optional_actor: a forged cookie is refused      a_bad_token_or_cookie_is_refused...
web.ui.access.require: log in first                      the_public_is_sent_to_log_in...
web.ui.access.require: each area its roles               each_working_area_is_closed...
web.ui.access.AREA_ROLES mission / secretariat /         each_working_area_is_closed...
translator (each widened in turn)
=======================================================  ========================================

One rule cannot make any test fail, and no test is written to pretend otherwise:
``translate`` for translators from the in-work states only. A translator sees (and so can
reach) exactly the in-work states (``visibility.may_see``), so a translator acting on a
submitted or issued submission gets "not found" before the workflow is asked; the state set
of that row repeats the visibility rule and is unreachable.

Found on the way, and fixed: an upload refused because a mission sends it for another State
(``POST /api/submissions/upload``) left the uploaded file in the file store, which
``submit_file`` wrote before the own-State check; the check now comes first, and the refusal
is checked for an upload as for a JSON record (the snapshot includes the stored files).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from palais.web.cookies import SESSION_COOKIE
from tests.support.bundles import current_bundle
from tests.web.harness import PASSWORD, Api

RECORD = {
    "doc_type": "note_verbale",
    "body": "HRC",
    "session": 41,
    "agenda_items": [4],
    "sender_state": "AZE",
    "language": "ru",
    "paragraphs": ["Постоянное представительство свидетельствует свое уважение."],
}
SESSION = {"number": 70, "opening": "2030-01-01", "closing": "2030-02-01"}

PROBLEMS = {401: "not-authenticated", 403: "permission-denied", 404: "not-found",
            409: "conflict"}

Refusal = tuple[str | None, str, str, int, dict[str, Any]]


@pytest.fixture
def submitted(api: Api) -> int:
    response = api.post("mission", "/api/submissions", json={"record": RECORD})
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


@pytest.fixture
def registered(api: Api, submitted: int) -> int:
    response = api.post("officer", f"/api/submissions/{submitted}/registration")
    assert response.status_code == 200, response.text
    return submitted


@pytest.fixture
def issued(api: Api, registered: int) -> int:
    """Issued by the registry itself with a bundle of small files: what is checked here is who
    may act on an issued document, not composition (tests/publish issues through the whole
    pipeline)."""
    api.registry.issue(api.registry.actor("officer"), registered,
                       current_bundle(api.registry, registered))
    return registered


def refused(api: Api, who: str | None, method: str, path: str, status: int,
            **kwargs: Any) -> dict[str, Any]:
    """Send the request as ``who``; it must get exactly ``status`` and change nothing."""
    before = api.snapshot()
    response = api.request(who, method, path, **kwargs)
    label = f"{who} {method} {path}"
    assert response.status_code == status, (label, response.status_code, response.text)
    assert response.headers["content-type"] == "application/problem+json", label
    body: dict[str, Any] = response.json()
    assert body["type"] == "/api/problems/" + PROBLEMS[status], (label, body)
    assert body["status"] == status
    assert api.snapshot() == before, f"{label} changed the store"
    return body


def refuse_all(api: Api, refusals: list[Refusal]) -> None:
    for who, method, path, status, kwargs in refusals:
        refused(api, who, method, path, status, **kwargs)


def test_the_public_is_asked_to_authenticate_for_everything_but_issued_documents(
    api: Api, registered: int
) -> None:
    base = f"/api/submissions/{registered}"
    seed = ("note.txt", api.seed_bytes("ru_a_hrc_41_2019.txt"), "text/plain")
    refuse_all(api, [
        (None, "GET", "/api/submissions", 401, {}),
        (None, "GET", base, 401, {}),
        (None, "GET", f"{base}/audit", 401, {}),
        (None, "POST", "/api/submissions", 401, {"json": {"record": RECORD}}),
        (None, "POST", "/api/submissions/upload", 401, {"files": {"file": seed}}),
        (None, "PUT", f"{base}/record", 401, {"json": {"record": RECORD}}),
        (None, "POST", f"{base}/registration", 401, {}),
        (None, "PUT", f"{base}/translations/cover.paragraph.1/fr", 401,
         {"json": {"text": "Texte"}}),
        (None, "POST", f"{base}/issue", 401, {}),
        (None, "POST", f"{base}/rejection", 401, {"json": {"reason": "no"}}),
        (None, "POST", f"{base}/withdrawal", 401, {"json": {"reason": "no"}}),
        (None, "POST", f"{base}/versions", 401, {"json": {"kind": "Corr"}}),
        (None, "POST", "/api/auth/tokens", 401, {"json": {"name": "stolen"}}),
        (None, "POST", "/api/sessions", 401, {"json": SESSION}),
    ])


def test_a_document_not_yet_issued_is_not_found_for_anyone(api: Api, registered: int) -> None:
    for who in (None, "mission", "officer"):
        refused(api, who, "GET", "/api/documents/A/HRC/41/G/1", 404)
        refused(api, who, "GET", "/api/documents/A/HRC/41/G/1/ru.pdf", 404)


def test_a_bad_token_or_cookie_is_refused_not_treated_as_public(api: Api) -> None:
    response = api.client.get(
        "/api/documents/A/HRC/41/G/1", headers={"Authorization": "Bearer nonsense"}
    )
    assert response.status_code == 401
    assert response.json()["type"] == "/api/problems/not-authenticated"
    assert response.headers["www-authenticate"].startswith("Bearer")
    # on a path the public may read, so that a forged cookie taken as "no one" would show
    api.client.cookies.set(SESSION_COOKIE, "forged.cookie")
    try:
        refused(api, None, "GET", "/api/documents/A/HRC/41/G/1", 401)
    finally:
        api.client.cookies.clear()


def test_a_wrong_password_opens_no_session(api: Api) -> None:
    before = api.snapshot()
    response = api.client.post("/api/auth/login",
                               json={"username": "officer", "password": PASSWORD + "!"})
    assert response.status_code == 401, response.text
    assert response.json()["type"] == "/api/problems/not-authenticated"
    assert SESSION_COOKIE not in response.headers.get("set-cookie", "")
    assert api.snapshot() == before
    api.client.cookies.clear()


def test_another_mission_does_not_see_a_submission_at_all(api: Api, submitted: int) -> None:
    base = f"/api/submissions/{submitted}"
    refuse_all(api, [
        ("other_mission", "GET", base, 404, {}),
        ("other_mission", "GET", f"{base}/audit", 404, {}),
        ("other_mission", "PUT", f"{base}/record", 404, {"json": {"record": RECORD}}),
        ("other_mission", "POST", f"{base}/withdrawal", 404, {"json": {"reason": "not mine"}}),
        ("other_mission", "POST", f"{base}/registration", 404, {}),
        ("other_mission", "POST", f"{base}/versions", 404, {"json": {"kind": "Corr"}}),
    ])
    assert api.get("other_mission", "/api/submissions").json()["total"] == 0
    assert api.get("mission", "/api/submissions").json()["total"] == 1


def test_a_mission_submits_only_for_its_own_state(api: Api) -> None:
    body = refused(api, "mission", "POST", "/api/submissions", 403,
                   json={"record": {**RECORD, "sender_state": "FRA"}})
    assert "own State" in body["detail"]
    # The seed is Azerbaijan's note: France's mission may not upload it, and nothing is kept.
    seed = ("note.txt", api.seed_bytes("ru_a_hrc_41_2019.txt"), "text/plain")
    body = refused(api, "other_mission", "POST", "/api/submissions/upload", 403,
                   files={"file": seed})
    assert "own State" in body["detail"]


def test_translators_submit_nothing_and_see_nothing_before_registration(
    api: Api, submitted: int
) -> None:
    seed = ("note.txt", api.seed_bytes("ru_a_hrc_41_2019.txt"), "text/plain")
    for who in ("translator", "arabic_translator"):
        refuse_all(api, [
            (who, "POST", "/api/submissions", 403, {"json": {"record": RECORD}}),
            (who, "POST", "/api/submissions/upload", 403, {"files": {"file": seed}}),
            (who, "GET", f"/api/submissions/{submitted}", 404, {}),
        ])
        assert api.get(who, "/api/submissions").json()["total"] == 0


def test_roles_without_an_action_are_denied_it(api: Api, registered: int) -> None:
    """A registered submission of AZE: each role named lacks the action in the workflow rules."""
    base = f"/api/submissions/{registered}"
    refusals: list[Refusal] = []
    for who in ("mission", "translator", "arabic_translator"):
        refusals += [
            (who, "POST", f"{base}/registration", 403, {}),
            (who, "POST", f"{base}/issue", 403, {}),
            (who, "POST", f"{base}/rejection", 403, {"json": {"reason": "no"}}),
            (who, "POST", f"{base}/versions", 403, {"json": {"kind": "Corr"}}),
            (who, "POST", "/api/sessions", 403, {"json": SESSION}),
        ]
    for who in ("translator", "arabic_translator"):
        refusals += [
            (who, "PUT", f"{base}/record", 403, {"json": {"record": RECORD}}),
            (who, "POST", f"{base}/withdrawal", 403, {"json": {"reason": "no"}}),
        ]
    refusals.append(("mission", "PUT", f"{base}/translations/cover.paragraph.1/fr", 403,
                     {"json": {"text": "Texte"}}))
    refuse_all(api, refusals)


def test_a_translator_translates_only_into_assigned_languages(
    api: Api, registered: int
) -> None:
    base = f"/api/submissions/{registered}/translations/cover.paragraph.1"
    body = refused(api, "translator", "PUT", f"{base}/ar", 403, json={"text": "نص"})
    assert "not ar" in body["detail"]
    body = refused(api, "arabic_translator", "PUT", f"{base}/fr", 403, json={"text": "Texte"})
    assert "not fr" in body["detail"]
    # the same passages in their own languages are theirs to write
    assert api.put("translator", f"{base}/fr", json={"text": "Texte"}).status_code == 200
    assert api.put("arabic_translator", f"{base}/ar", json={"text": "نص"}).status_code == 200


def test_actions_are_refused_from_states_their_rule_does_not_list(
    api: Api, submitted: int
) -> None:
    base = f"/api/submissions/{submitted}"
    refuse_all(api, [  # still submitted
        ("officer", "POST", f"{base}/issue", 409, {}),
        ("officer", "PUT", f"{base}/translations/cover.paragraph.1/fr", 409,
         {"json": {"text": "Texte"}}),
        ("officer", "POST", f"{base}/versions", 409, {"json": {"kind": "Corr"}}),
    ])
    assert api.post("officer", f"{base}/registration").status_code == 200
    refuse_all(api, [  # registered
        ("mission", "PUT", f"{base}/record", 409, {"json": {"record": RECORD}}),
        ("officer", "POST", f"{base}/registration", 409, {}),
        ("officer", "POST", f"{base}/rejection", 409, {"json": {"reason": "late"}}),
        ("officer", "POST", f"{base}/versions", 409, {"json": {"kind": "Corr"}}),
    ])


def test_an_issued_document_is_the_secretariats_alone(api: Api, issued: int) -> None:
    base = f"/api/submissions/{issued}"
    refuse_all(api, [
        ("mission", "POST", f"{base}/withdrawal", 409, {"json": {"reason": "changed our mind"}}),
        ("mission", "PUT", f"{base}/record", 409, {"json": {"record": RECORD}}),
        ("officer", "PUT", f"{base}/record", 409, {"json": {"record": RECORD}}),
        ("officer", "POST", f"{base}/issue", 409, {}),
        ("officer", "PUT", f"{base}/translations/cover.paragraph.1/fr", 409,
         {"json": {"text": "Texte"}}),
        ("translator", "PUT", f"{base}/translations/cover.paragraph.1/fr", 404,
         {"json": {"text": "Texte"}}),
    ])


# -- the pages -----------------------------------------------------------------------------


def _form_token(api: Api) -> str:
    """The CSRF token a page's forms carry (its cookie stays in the client)."""
    found = re.search(r'name="csrf_token" value="([^"]+)"', api.client.get("/login").text)
    assert found is not None
    return found.group(1)


def _log_in(api: Api, who: str) -> None:
    api.client.cookies.clear()
    response = api.client.post(
        "/login", data={"username": who, "password": PASSWORD, "csrf_token": _form_token(api)},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text


def page_refused(api: Api, who: str | None, method: str, path: str, status: int,
                 says: str, **kwargs: Any) -> None:
    """A page request refused with exactly ``status``, saying ``says``, changing nothing
    (logging in opens a session: the store is compared from after that)."""
    if who is None:
        api.client.cookies.clear()
    else:
        _log_in(api, who)
    if method != "GET":  # as from the page's own form: the guard is what is tested
        kwargs["headers"] = {**kwargs.get("headers", {}), "X-CSRF-Token": _form_token(api)}
    before = api.snapshot()
    try:
        response = api.client.request(method, path, follow_redirects=False, **kwargs)
    finally:
        api.client.cookies.clear()
    label = f"{who} {method} {path}"
    assert response.status_code == status, (label, response.status_code, response.text[:500])
    if status == 303:
        assert response.headers["location"] == says, label
    else:
        assert says in response.text, (label, response.text[:2000])
    assert api.snapshot() == before, f"{label} changed the store"


def test_the_public_is_sent_to_log_in_from_every_working_page(api: Api, submitted: int) -> None:
    for path in ("/mission", "/secretariat", "/translator"):
        page_refused(api, None, "GET", path, 303, f"/login?next={path}")
    page_refused(api, None, "POST", f"/secretariat/submissions/{submitted}/register", 303,
                 f"/login?next=/secretariat/submissions/{submitted}/register")


def test_each_working_area_is_closed_to_the_other_roles(api: Api, submitted: int) -> None:
    closed = {"/mission": ("officer", "translator"), "/secretariat": ("mission", "translator"),
              "/translator": ("mission", "officer")}
    for path, roles in closed.items():
        area = path.strip("/")
        for who in roles:
            page_refused(api, who, "GET", path, 403, f"the {area} pages are not open to your role")
    # the registry would refuse these too; the page's guard refuses first, in its own words
    for who in ("mission", "translator"):
        page_refused(api, who, "POST", f"/secretariat/submissions/{submitted}/register", 403,
                     "the secretariat pages are not open to your role")
