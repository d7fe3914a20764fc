"""Corrigenda, revisions and addenda through the API: new Works linked to the original."""

from __future__ import annotations

from tests.support.bundles import current_bundle
from tests.web.harness import Api


def test_an_officer_starts_numbered_versions_of_an_issued_document(api: Api) -> None:
    sid = api.post("mission", "/api/submissions", json={"record": api.record}).json()["id"]
    officer = api.registry.actor("officer")
    api.registry.register(officer, sid)
    # Metadata only: composition is tested in the journey.
    api.registry.issue(officer, sid, current_bundle(api.registry, sid))
    made = [
        api.post("officer", f"/api/submissions/{sid}/versions", json={"kind": kind})
        for kind in ("Corr", "Corr", "Add")
    ]
    assert [r.status_code for r in made] == [201, 201, 201], made[-1].text
    assert [r.json()["symbol"] for r in made] == [
        "A/HRC/41/G/1/Corr.1", "A/HRC/41/G/1/Corr.2", "A/HRC/41/G/1/Add.1",
    ]
    corr = made[0].json()
    assert (corr["state"], corr["parent_id"], corr["version_kind"]) == ("registered", sid, "Corr")
    assert corr["record"]["symbol"] == "A/HRC/41/G/1/Corr.1"
    original = api.get(None, "/api/documents/A/HRC/41/G/1")
    assert original.status_code == 200 and original.json()["versions"] == []
    refused = api.post("officer", f"/api/submissions/{corr['id']}/versions", json={"kind": "Rev"})
    assert refused.status_code == 409, "only an issued document gets versions"
