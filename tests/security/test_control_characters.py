"""Finding 8: C0 control characters were accepted at intake, and issuing such a
document then failed with a 500 for ever (Akoma Ntoso, being XML, refuses them).

They are now removed at intake, from a file and from a record alike, with a
warning on the record. Failed before the fix (the characters were stored and
issuing answered 500), checked by running it against the code before the change.
"""

from __future__ import annotations

from tests.security.conftest import issue
from tests.web.harness import Api


def test_a_record_with_control_characters_is_cleaned_and_issues(api: Api) -> None:
    record = {**api.record, "title": "Note verbale\x0b from\x1b Azerbaijan\x07",
              "paragraphs": ["The Permanent Mission\x00 presents\x08 its compliments."]}
    created = api.post("mission", "/api/submissions", json={"record": record})
    assert created.status_code == 201, created.text
    stored = created.json()["record"]
    assert stored["title"] == "Note verbale from Azerbaijan"
    assert any("control character" in w for w in stored["warnings"]), stored["warnings"]
    symbol = issue(api, record)
    akn = api.get(None, f"/api/documents/{symbol}/en.xml")
    assert akn.status_code == 200, akn.text[:300]
    assert b"\x1b" not in akn.content


def test_a_text_file_with_control_characters_is_cleaned_with_a_warning(api: Api) -> None:
    seed = api.seed_bytes("ru_a_hrc_41_2019.txt").replace("Совет".encode(), "Со\x1bвет".encode())
    created = api.post_file("mission", "/api/submissions/upload", "note.txt", seed)
    assert created.status_code == 201, created.text
    record = created.json()["record"]
    assert "\\u001b" not in created.text and "Совет" in created.text
    assert any("control character" in w for w in record["warnings"]), record["warnings"]
