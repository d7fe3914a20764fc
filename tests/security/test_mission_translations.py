"""Finding 12 (second part): a mission could put translations in its record and so
skip the translators (its own wording issued in every language).

Failed before the fix (the submission was accepted with the mission's
translations, and the officer could issue it at once), checked by running it
against the code before the change.
"""

from __future__ import annotations

from palais.languages import ALL
from tests.web.harness import Api


def test_a_mission_cannot_supply_translations(api: Api) -> None:
    passages = ["title", "paragraph-1"]
    forged = {p: {lang.value: f"mission's own {lang.value}" for lang in ALL} for p in passages}
    refused = api.post("mission", "/api/submissions",
                       json={"record": {**api.record, "translations": forged}})
    assert refused.status_code == 403, refused.text
    assert "translations" in refused.json()["detail"]
    created = api.post("mission", "/api/submissions", json={"record": api.record})
    sid = created.json()["id"]
    edit = api.put("mission", f"/api/submissions/{sid}/record",
                   json={"record": {**api.record, "translations": forged}})
    assert edit.status_code == 403, edit.text
    officer = api.put("officer", f"/api/submissions/{sid}/record",
                      json={"record": {**api.record, "translations": forged}})
    assert officer.status_code == 200, officer.text
