"""Corrigenda, revisions and addenda: new Works registered under the original's symbol,
carrying the translations of what they keep, the original staying issued."""

from __future__ import annotations

from datetime import date

import pytest

from palais.compose import compose, missing_translations
from palais.errors import Conflict, InvalidSymbol, NotFound, PermissionDenied
from palais.languages import ALL, Language
from palais.model import Correction, Format
from palais.publish.issuing import issue_document, reissue_document
from palais.registry import Registry, State
from palais.registry.corrections import VersionRefused, VersionRequest
from palais.symbols import ModifierKind
from tests.registry.conftest import People, refused
from tests.support.bundles import current_bundle
from tests.support.records import RECORD, sample_translation

PARAGRAPHS = [
    "The Permanent Mission presents its compliments.",
    "The Mission reports on the events of 2019 in the region.",
]
OTHERS = [lang for lang in ALL if lang is not Language.EN]
CORR = ModifierKind.CORRIGENDUM


def translate_all(registry: Registry, people: People, sid: int) -> None:
    """Every passage still missing, in every language, as a translator would write it."""
    submission = registry.get(people.officer, sid)
    for lang, keys in missing_translations(submission.document).items():
        for key in keys:
            registry.set_translation(people.officer, sid, key, lang, sample_translation(lang, key))


@pytest.fixture
def issued(registry: Registry, people: People) -> int:
    """A note of two paragraphs, translated into the five other languages and issued."""
    sid = registry.submit_record(people.aze, {**RECORD, "paragraphs": PARAGRAPHS}).id
    registry.register(people.officer, sid)
    translate_all(registry, people, sid)
    registry.issue(people.officer, sid, current_bundle(registry, sid))
    return sid


def corrigendum(*corrections: Correction) -> VersionRequest:
    return VersionRequest(CORR, corrections=corrections)


def test_a_corrigendum_is_registered_under_the_next_number_and_the_original_stays_issued(
    registry: Registry, people: People, issued: int
) -> None:
    first = registry.start_version(
        people.officer, issued, corrigendum(Correction(2, "The Mission reports on 2021."))
    )
    assert (first.state, first.parent_id, first.version_kind) == (
        State.REGISTERED, issued, CORR,
    )
    assert str(first.symbol) == "A/HRC/41/G/1/Corr.1" and first.job_number
    second = registry.start_version(
        people.officer, issued, corrigendum(Correction(1, "2019", old="presents"))
    )
    assert str(second.symbol) == "A/HRC/41/G/1/Corr.2"
    original = registry.get(people.officer, issued)
    assert (original.state, str(original.symbol)) == (State.ISSUED, "A/HRC/41/G/1")
    trail = registry.audit(people.officer, issued)
    assert [e.action for e in trail[-2:]] == ["versioned", "versioned"]
    assert trail[-1].after == {"version": "A/HRC/41/G/1/Corr.2", "submission_id": second.id}


def test_a_corrigendum_carries_the_title_translations_and_needs_only_its_correction(
    registry: Registry, people: People, issued: int
) -> None:
    original = registry.get(people.officer, issued).document
    corr = registry.start_version(
        people.officer, issued, corrigendum(Correction(2, "The Mission reports on 2021."))
    )
    assert corr.document.translations["cover.title"] == original.translations["cover.title"]
    assert "cover.paragraph.2" not in corr.document.translations
    assert missing_translations(corr.document) == {
        lang: ([] if lang is Language.EN else ["correction.1.new"]) for lang in ALL
    }
    assert registry.audit(people.officer, corr.id)[-1].after["translations_carried"] == [
        "cover.title"
    ]


def test_a_corrigendum_is_composed_with_its_heading_and_corrections_not_a_full_copy(
    registry: Registry, people: People, issued: int
) -> None:
    corr = registry.start_version(
        people.officer, issued,
        corrigendum(
            Correction(2, "The Mission reports on 2021."), Correction(1, "2019", "presents")
        ),
    )
    translate_all(registry, people, corr.id)
    document = registry.get(people.officer, corr.id).document
    headings = {}
    for lang in ALL:
        version = compose(document, lang, issue_date=date(2019, 7, 1))
        headings[lang.value] = version.heading
        assert version.paragraphs == () and version.annexes == ()
        # The original's title, as the original printed it in that language.
        assert version.title == (
            RECORD["title"] if lang is Language.EN else sample_translation(lang, "cover.title")
        )
        assert len(version.corrections) == 2
    assert headings == {
        "ar": "تصويب", "zh": "更正", "en": "Corrigendum", "fr": "Rectificatif",
        "ru": "Исправление", "es": "Corrección",
    }
    english = compose(document, Language.EN, issue_date=date(2019, 7, 1))
    assert [(c.lead, c.text) for c in english.corrections] == [
        ("Paragraph 2 should read:", "The Mission reports on 2021."),
        ("Paragraph 1", "For “presents” read “2019”"),
    ]
    assert PARAGRAPHS[0] not in english.corrections[1].text


def test_issued_corrigendum_and_original_link_to_each_other(
    registry: Registry, people: People, issued: int
) -> None:
    corr = registry.start_version(
        people.officer, issued, corrigendum(Correction(2, "The Mission reports on 2021."))
    )
    translate_all(registry, people, corr.id)
    issue_document(registry, people.officer, corr.id, today=date(2019, 7, 1))
    assert [str(v) for v in registry.document("A/HRC/41/G/1").versions] == [
        "A/HRC/41/G/1/Corr.1"
    ]
    public = registry.document("A/HRC/41/G/1/Corr.1")
    assert str(public.original) == "A/HRC/41/G/1"
    assert registry.get(people.officer, issued).state is State.ISSUED


def test_only_an_officer_starts_a_version(
    registry: Registry, people: People, issued: int
) -> None:
    request = corrigendum(Correction(1, "New text."))
    refused(registry, lambda: registry.start_version(people.aze, issued, request),
            PermissionDenied)
    # Another mission, or a translator, does not see the submission at all.
    for actor in (people.fra, people.translator):
        refused(registry, lambda a=actor: registry.start_version(a, issued, request), NotFound)
    # By its symbol (the document is public), the role decides.
    refused(registry, lambda: registry.start_version_of(people.translator, "A/HRC/41/G/1",
                                                        request), PermissionDenied)


def test_only_an_issued_document_gets_versions(registry: Registry, people: People) -> None:
    sid = registry.submit_record(people.aze, RECORD).id
    registry.register(people.officer, sid)
    refused(
        registry,
        lambda: registry.start_version(people.officer, sid, corrigendum(Correction(1, "x y"))),
        Conflict, match="registered",
    )


@pytest.mark.parametrize(
    ("corrections", "field", "code"),
    [
        ((), "corrections", "no_correction"),
        ((Correction(3, "Text."),), "corrections[0].paragraph", "no_such_paragraph"),
        ((Correction(1, "now", old="never written"),), "corrections[0].old", "words_not_found"),
        ((Correction(1, PARAGRAPHS[0]),), "corrections[0].new", "unchanged"),
    ],
)
def test_a_corrigendum_that_does_not_fit_the_original_is_refused(
    registry: Registry, people: People, issued: int,
    corrections: tuple[Correction, ...], field: str, code: str,
) -> None:
    with pytest.raises(VersionRefused) as caught:
        registry.start_version(people.officer, issued, corrigendum(*corrections))
    assert (caught.value.field, caught.value.code) == (field, code)
    refused(registry, lambda: registry.start_version(
        people.officer, issued, corrigendum(*corrections)), VersionRefused)


def test_a_corrigendum_of_a_corrigendum_is_refused_before_taking_a_number(
    registry: Registry, people: People, issued: int
) -> None:
    corr = registry.start_version(people.officer, issued, corrigendum(Correction(1, "New.")))
    registry.issue(people.officer, corr.id, current_bundle(registry, corr.id))
    with pytest.raises(InvalidSymbol):
        registry.start_version(people.officer, corr.id, corrigendum(Correction(1, "Newer.")))
    again = registry.start_version(people.officer, issued, corrigendum(Correction(1, "New.")))
    assert str(again.symbol) == "A/HRC/41/G/1/Corr.2"


def test_a_revision_keeps_the_translations_of_every_paragraph_it_keeps(
    registry: Registry, people: People, issued: int
) -> None:
    original = registry.get(people.officer, issued).document
    text = ["A new opening paragraph.", PARAGRAPHS[0], PARAGRAPHS[1]]
    rev = registry.start_version(
        people.officer, issued, VersionRequest(ModifierKind.REVISION, paragraphs=tuple(text))
    )
    assert str(rev.symbol) == "A/HRC/41/G/1/Rev.1"
    kept = rev.document.translations
    # The kept paragraphs moved down one place and took their translations along.
    assert kept["cover.paragraph.2"] == original.translations["cover.paragraph.1"]
    assert kept["cover.paragraph.3"] == original.translations["cover.paragraph.2"]
    assert kept["cover.title"] == original.translations["cover.title"]
    assert "cover.paragraph.1" not in kept
    assert {lang: keys for lang, keys in missing_translations(rev.document).items() if keys} == {
        lang: ["cover.paragraph.1"] for lang in OTHERS
    }
    registry.issue(people.officer, rev.id, current_bundle(registry, rev.id))
    second = registry.start_version(
        people.officer, rev.id, VersionRequest(ModifierKind.REVISION, paragraphs=(PARAGRAPHS[0],))
    )
    assert str(second.symbol) == "A/HRC/41/G/1/Rev.2"


def test_a_revision_that_changes_nothing_is_refused(
    registry: Registry, people: People, issued: int
) -> None:
    refused(registry, lambda: registry.start_version(
        people.officer, issued,
        VersionRequest(ModifierKind.REVISION, paragraphs=tuple(PARAGRAPHS)),
    ), VersionRefused, match="changes the text")


def test_an_addendum_has_its_own_text_under_the_originals_title(
    registry: Registry, people: People, issued: int
) -> None:
    add = registry.start_version(
        people.officer, issued,
        VersionRequest(ModifierKind.ADDENDUM, paragraphs=("The Mission adds a list.", " ")),
    )
    assert str(add.symbol) == "A/HRC/41/G/1/Add.1"
    assert add.document.paragraphs == ("The Mission adds a list.",)
    assert set(add.document.translations) == {"cover.title"}
    translate_all(registry, people, add.id)
    version = compose(registry.get(people.officer, add.id).document, Language.FR,
                      issue_date=date(2019, 7, 1))
    french = sample_translation(Language.FR, "cover.paragraph.1")
    assert (version.heading, version.paragraphs) == ("Additif", (french,))
    refused(registry, lambda: registry.start_version(
        people.officer, issued, VersionRequest(ModifierKind.ADDENDUM, paragraphs=(" ",))
    ), VersionRefused, match="needs its text")


def test_a_reissue_replaces_the_files_with_the_starred_symbol_and_dated_note(
    registry: Registry, people: People, issued: int
) -> None:
    before = registry.document("A/HRC/41/G/1")
    reissued = reissue_document(registry, people.officer, issued, today=date(2019, 7, 5))
    assert (reissued.state, str(reissued.symbol)) == (State.ISSUED, "A/HRC/41/G/1")
    assert reissued.document.reissued_on == date(2019, 7, 5)
    after = registry.document("A/HRC/41/G/1")
    assert len(after.manifestations) == 24
    assert {m.sha256 for m in after.manifestations}.isdisjoint(
        {m.sha256 for m in before.manifestations}
    )
    english = registry.manifestation("A/HRC/41/G/1", Language.EN, Format.TXT).data.decode()
    assert "A/HRC/41/G/1*" in english
    assert "* Reissued for technical reasons on 5 July 2019." in english
    entry = registry.audit(people.officer, issued)[-1]
    assert (entry.action, entry.after["reissued_on"]) == ("reissue", "2019-07-05")


def test_a_reissue_is_for_an_officer_and_an_issued_document_composed_as_stored(
    registry: Registry, people: People, issued: int
) -> None:
    bundle = current_bundle(registry, issued)  # composed without the reissue's date
    refused(registry, lambda: registry.reissue(people.officer, issued, date(2019, 7, 5), bundle),
            Conflict, match="nothing was reissued")
    refused(registry, lambda: registry.reissue(people.aze, issued, date(2019, 7, 5), bundle),
            PermissionDenied)
    sid = registry.submit_record(people.aze, RECORD).id
    refused(registry, lambda: reissue_document(registry, people.officer, sid), Conflict,
            match="submitted")
