"""Assigning and claiming languages, the translator's queue, revising until issue, previews."""

from __future__ import annotations

import pytest

from palais.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from palais.languages import ALL, Language
from palais.parse.written_in import NotInLanguage
from palais.registry import Actor, Registry, Role
from palais.registry.translating import AWAITING
from tests.registry.conftest import PASSWORD, People, refused
from tests.support.bundles import current_bundle
from tests.support.records import RECORD, sample_translation


def registered(registry: Registry, people: People) -> int:
    sid = registry.submit_record(people.aze, RECORD).id
    registry.register(people.officer, sid)
    return sid


def languages_in_queue(registry: Registry, actor: Actor, sid: int) -> set[Language]:
    return {item.language for item in registry.queue(actor) if item.submission.id == sid}


def test_an_officer_assigns_a_language_to_a_translator_into_it(
    registry: Registry, people: People
) -> None:
    sid = registered(registry, people)
    held = registry.assign(people.officer, sid, Language.AR, "arabic")
    assert held is not None and held.translator == "arabic" and not held.claimed
    assert registry.assignments_of(people.officer, sid)[Language.AR].assigned_by == "officer"
    assert registry.audit(people.officer, sid)[-1].after == {"language": "ar",
                                                             "translator": "arabic"}
    refused(registry, lambda: registry.assign(people.officer, sid, Language.AR, "translator"),
            InvalidInput, "does not translate into")
    refused(registry, lambda: registry.assign(people.officer, sid, Language.FR, "aze"),
            InvalidInput, "not a translator")
    refused(registry, lambda: registry.assign(people.officer, sid, Language.FR, "nobody"),
            InvalidInput, "no user nobody")
    refused(registry, lambda: registry.assign(people.translator, sid, Language.FR, "translator"),
            PermissionDenied)
    assert registry.assign(people.officer, sid, Language.AR, None) is None
    assert Language.AR not in registry.assignments_of(people.officer, sid)


def test_nothing_is_assigned_or_claimed_before_registration(
    registry: Registry, people: People
) -> None:
    waiting = registry.submit_record(people.aze, RECORD).id
    refused(registry, lambda: registry.assign(people.officer, waiting, Language.AR, "arabic"),
            Conflict, "submitted")
    # A translator does not even see a submission before it is registered.
    refused(registry, lambda: registry.claim(people.arabic, waiting, Language.AR), NotFound)


def test_a_translator_claims_only_a_free_language_of_their_own(
    registry: Registry, people: People
) -> None:
    sid = registered(registry, people)
    second = registry.create_user("second", PASSWORD, Role.TRANSLATOR, languages=[Language.FR])
    assert languages_in_queue(registry, second, sid) == {Language.FR}
    claimed = registry.claim(people.translator, sid, Language.FR)
    assert claimed.translator == "translator" and claimed.claimed
    # Held by another: neither in the queue, nor claimable, nor writable.
    assert languages_in_queue(registry, second, sid) == set()
    refused(registry, lambda: registry.claim(second, sid, Language.FR), Conflict,
            "assigned to translator")
    refused(registry, lambda: registry.set_translation(second, sid, "cover.title", Language.FR,
                                                       "Note verbale"), Conflict)
    refused(registry, lambda: registry.claim(people.arabic, sid, Language.FR), PermissionDenied,
            "not fr")
    refused(registry, lambda: registry.claim(people.aze, sid, Language.FR), PermissionDenied)
    # Claiming again what one holds changes nothing but is allowed.
    assert registry.claim(people.translator, sid, Language.FR).translator == "translator"
    # An officer's assignment wins: the language moves to the other translator.
    registry.assign(people.officer, sid, Language.FR, "second")
    assert languages_in_queue(registry, second, sid) == {Language.FR}
    # Claiming what one was given keeps it as given.
    assert registry.claim(second, sid, Language.FR).assigned_by == "officer"
    assert languages_in_queue(registry, people.translator, sid) == {Language.EN} - {
        registry.get(people.officer, sid).document.language
    }


def test_saving_in_a_free_language_claims_it(registry: Registry, people: People) -> None:
    sid = registered(registry, people)
    registry.set_translation(people.arabic, sid, "cover.title", Language.AR,
                             sample_translation(Language.AR))
    held = registry.assignments_of(people.officer, sid)[Language.AR]
    assert held.translator == "arabic" and held.claimed


def test_the_queue_shows_each_open_language_with_its_passages(
    registry: Registry, people: People
) -> None:
    sid = registered(registry, people)
    items = [i for i in registry.queue(people.translator) if i.submission.id == sid]
    # English is the cover's own language: only French is left to this translator.
    assert [i.language for i in items] == [Language.FR]
    assert items[0].passages == ("cover.title", "cover.paragraph.1")
    assert items[0].missing == items[0].passages
    assert registry.queue(people.aze) == []


@pytest.mark.parametrize(
    ("language", "text", "says"),
    [
        (Language.AR, "x", "Arabic script"),
        (Language.ZH, "Le passage en français, tel que la mission l'a écrit", "Chinese characters"),
        (Language.RU, "The passage in English", "Cyrillic"),
        (Language.FR, "The Permanent Mission presents its compliments to the Office", "reads as "
                      "English, not French"),
        (Language.EN, "1234 / 56", "no letter"),
    ],
)
def test_a_translation_in_another_language_or_script_is_refused(
    registry: Registry, people: People, language: Language, text: str, says: str
) -> None:
    sid = registered(registry, people)
    refused(registry, lambda: registry.set_translation(people.officer, sid, "cover.title",
                                                       language, text), NotInLanguage, says)


def test_a_saved_passage_is_revised_until_issue_and_not_after(
    registry: Registry, people: People
) -> None:
    sid = registered(registry, people)
    registry.set_translation(people.translator, sid, "cover.title", Language.FR, "Note verbale")
    revised = registry.set_translation(
        people.translator, sid, "cover.title", Language.FR, "Note verbale de l'Azerbaïdjan"
    )
    assert revised.document.translations["cover.title"][Language.FR] == (
        "Note verbale de l'Azerbaïdjan"
    )
    trail = registry.audit(people.officer, sid)[-1]
    assert trail.before is not None and trail.before["text"] == "Note verbale"
    # The saved passage stays in the queue, missing no longer.
    item = next(i for i in registry.queue(people.translator) if i.submission.id == sid)
    assert "cover.title" in item.passages and "cover.title" not in item.missing
    for lang in ALL:
        if lang is not Language.EN:
            for key in ("cover.title", "cover.paragraph.1"):
                registry.set_translation(people.officer, sid, key, lang,
                                         sample_translation(lang, key))
    registry.issue(people.officer, sid, current_bundle(registry, sid))
    # Issued: the officer is told so; a translator no longer sees the document at all.
    refused(registry, lambda: registry.set_translation(
        people.officer, sid, "cover.title", Language.FR, "Note verbale révisée"
    ), Conflict, "issued")
    refused(registry, lambda: registry.set_translation(
        people.translator, sid, "cover.title", Language.FR, "Note verbale révisée"
    ), NotFound)
    refused(registry, lambda: registry.assign(people.officer, sid, Language.FR, "translator"),
            Conflict, "issued")
    assert languages_in_queue(registry, people.translator, sid) == set()


def test_a_preview_composes_the_language_with_what_was_typed(
    registry: Registry, people: People
) -> None:
    sid = registered(registry, people)
    registry.set_translation(people.translator, sid, "cover.title", Language.FR,
                             "Note verbale de l'Azerbaïdjan")
    typed = "La Mission permanente présente ses compliments."
    version = registry.preview(people.translator, sid, Language.FR, {"cover.paragraph.1": typed})
    assert version.language is Language.FR
    assert version.title == "Note verbale de l'Azerbaïdjan"
    assert version.paragraphs == (typed,)
    # Nothing typed nor saved for Spanish yet: the gaps are marked, nothing is stored.
    spanish = registry.preview(people.officer, sid, Language.ES)
    assert spanish.title == AWAITING and spanish.paragraphs == (AWAITING,)
    assert registry.get(people.officer, sid).document.translations.keys() == {"cover.title"}
    refused(registry, lambda: registry.preview(people.arabic, sid, Language.FR),
            PermissionDenied)
