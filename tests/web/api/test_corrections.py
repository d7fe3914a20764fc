"""Corrigenda, revisions and addenda over HTTP: who may start one, from which state,
their numbering, the translations they carry, what they print, and the links both ways."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.records import sample_translation
from tests.web.harness import Api

HEADINGS = {
    "ar": "تصويب", "zh": "更正", "en": "Corrigendum", "fr": "Rectificatif",
    "ru": "Исправление", "es": "Corrección",
}
PARAGRAPHS = [
    "The Permanent Mission presents its compliments.",
    "The Mission reports on the events of 2019 in the region.",
]


def issue(api: Api, sid: int) -> dict[str, Any]:
    """Issue ``sid`` through the API, supplying what the 422 says is missing first."""
    early = api.post("officer", f"/api/submissions/{sid}/issue")
    if early.status_code == 422:
        api.translate(sid, early.json()["missing"])
        early = api.post("officer", f"/api/submissions/{sid}/issue")
    assert early.status_code == 200, early.text
    body: dict[str, Any] = early.json()
    return body


def issued_note(api: Api) -> int:
    """The mission's note, registered, translated and issued through the API."""
    record = {**api.record, "paragraphs": PARAGRAPHS}
    sid = api.post("mission", "/api/submissions", json={"record": record}).json()["id"]
    assert api.post("officer", f"/api/submissions/{sid}/registration").status_code == 200
    issue(api, sid)
    return int(sid)


@pytest.fixture
def original(api: Api) -> int:
    return issued_note(api)


def start(api: Api, sid: int, who: str = "officer", **body: Any) -> Any:
    return api.post(who, f"/api/submissions/{sid}/versions", json=body)


CORRECTION = {"kind": "Corr", "corrections": [{"paragraph": 2, "new": "The events of 2021."}]}


def test_corrigenda_are_numbered_corr_1_then_corr_2_and_an_addendum_add_1(
    api: Api, original: int
) -> None:
    made = [
        start(api, original, **CORRECTION),
        start(api, original, kind="Corr",
              corrections=[{"paragraph": 1, "old": "presents", "new": "conveys"}]),
        start(api, original, kind="Add", paragraphs=["The Mission adds a list."]),
    ]
    assert [r.status_code for r in made] == [201, 201, 201], made[-1].text
    assert [r.json()["symbol"] for r in made] == [
        "A/HRC/41/G/1/Corr.1", "A/HRC/41/G/1/Corr.2", "A/HRC/41/G/1/Add.1",
    ]
    corr = made[0].json()
    assert (corr["state"], corr["parent_id"], corr["version_kind"]) == (
        "registered", original, "Corr",
    )
    assert corr["record"]["corrections"] == [
        {"paragraph": 2, "new": "The events of 2021.", "old": None}
    ]
    # The original stays issued; it lists a version only once that version is issued.
    still = api.get(None, "/api/documents/A/HRC/41/G/1")
    assert still.status_code == 200 and still.json()["versions"] == []


def test_only_an_officer_may_start_a_version(api: Api, original: int) -> None:
    before = api.snapshot()
    # A translator and another mission do not see the submission at all.
    for who, status in (("mission", 403), ("other_mission", 404), ("translator", 404),
                        (None, 401)):
        assert start(api, original, who, **CORRECTION).status_code == status, who
    assert api.snapshot() == before


def test_only_an_issued_document_gets_a_version(api: Api, original: int) -> None:
    corr = start(api, original, **CORRECTION).json()
    before = api.snapshot()
    refused = start(api, corr["id"], kind="Rev", paragraphs=["x"])
    assert refused.status_code == 409, "a registered corrigendum is not issued yet"
    assert "Registered" in refused.json()["detail"]
    assert api.snapshot() == before


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"kind": "Corr"}, "at least one correction"),
        ({"kind": "Corr", "corrections": [{"paragraph": 9, "new": "x"}]}, "2 paragraph"),
        ({"kind": "Corr", "corrections": [{"paragraph": 1, "old": "absent", "new": "x"}]},
         "does not contain"),
        ({"kind": "Add", "paragraphs": []}, "needs its text"),
        ({"kind": "Rev", "paragraphs": PARAGRAPHS}, "changes the text"),
    ],
)
def test_a_version_that_does_not_fit_the_original_is_refused_naming_the_field(
    api: Api, original: int, body: dict[str, Any], words: str
) -> None:
    before = api.snapshot()
    refused = start(api, original, **body)
    assert refused.status_code == 422, refused.text
    assert words in refused.json()["detail"]
    assert api.snapshot() == before


def test_a_corrigendum_needs_only_its_correction_translated_and_prints_its_heading(
    api: Api, original: int
) -> None:
    corr = start(api, original, **CORRECTION).json()
    early = api.post("officer", f"/api/submissions/{corr['id']}/issue")
    assert early.status_code == 422
    # The title's five translations came with it: only the correction waits.
    assert early.json()["missing"] == {
        lang: ["correction.1.new"] for lang in ("ar", "zh", "fr", "ru", "es")
    }
    issued = issue(api, corr["id"])
    assert issued["symbol"] == "A/HRC/41/G/1/Corr.1"
    for lang, heading in HEADINGS.items():
        text = api.get(None, f"/api/documents/A/HRC/41/G/1/Corr.1/{lang}.txt").text
        title = api.registry.get(api.registry.actor("officer"), original).document.title
        shown = title if lang == "en" else sample_translation(lang, "cover.title")
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines.index(heading) == lines.index(shown) + 1, (lang, lines)
        # Not a full copy: the uncorrected paragraph is not printed again.
        assert PARAGRAPHS[0] not in text and "cover.paragraph" not in text, lang
    english = api.get(None, "/api/documents/A/HRC/41/G/1/Corr.1/en.txt").text
    assert "Paragraph 2 should read:" in english and "The events of 2021." in english


def test_the_original_and_its_corrigendum_link_to_each_other(api: Api, original: int) -> None:
    corr = start(api, original, **CORRECTION).json()
    issue(api, corr["id"])
    assert api.get(None, "/api/documents/A/HRC/41/G/1").json()["versions"] == [
        "A/HRC/41/G/1/Corr.1"
    ]
    assert api.get(None, "/api/documents/A/HRC/41/G/1/Corr.1").json()["original"] == (
        "A/HRC/41/G/1"
    )
    for page, other in (("A/HRC/41/G/1", "A/HRC/41/G/1/Corr.1"),
                        ("A/HRC/41/G/1/Corr.1", "A/HRC/41/G/1")):
        html = api.get(None, f"/documents/{page}").text
        assert f'href="/documents/{other}"' in html, page


def test_a_revision_keeps_the_translations_of_the_paragraphs_it_keeps(
    api: Api, original: int
) -> None:
    rev = start(api, original, kind="Rev",
                paragraphs=[PARAGRAPHS[0], "The Mission reports on 2021."]).json()
    assert rev["symbol"] == "A/HRC/41/G/1/Rev.1"
    early = api.post("officer", f"/api/submissions/{rev['id']}/issue")
    assert early.json()["missing"] == {
        lang: ["cover.paragraph.2"] for lang in ("ar", "zh", "fr", "ru", "es")
    }
    issue(api, rev["id"])
    french = api.get(None, "/api/documents/A/HRC/41/G/1/Rev.1/fr.txt").text
    assert sample_translation("fr", "cover.paragraph.1") in french
    assert sample_translation("fr", "cover.paragraph.2") in french


def test_an_officer_reissues_an_issued_document_for_technical_reasons(
    api: Api, original: int
) -> None:
    assert api.post("mission", f"/api/submissions/{original}/reissue").status_code == 403
    reissued = api.post("officer", f"/api/submissions/{original}/reissue")
    assert reissued.status_code == 200, reissued.text
    assert reissued.json()["record"]["reissued_on"]
    arabic = api.get(None, "/api/documents/A/HRC/41/G/1/ar.txt").text
    assert "A/HRC/41/G/1*" in arabic and "أعيد إصدارها لأسباب فنية في" in arabic
    # Still the one document under its symbol, with its 24 files.
    assert len(api.get(None, "/api/documents/A/HRC/41/G/1").json()["manifestations"]) == 24
