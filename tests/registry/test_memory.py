"""The translation memory: suggestions from what was issued, following withdrawals."""

from __future__ import annotations

from alembic import command
from sqlalchemy import select

from palais.compose.memory import segments
from palais.errors import PermissionDenied
from palais.languages import ALL, Language
from palais.registry import Registry
from palais.store import read_transaction, upgrade, write_transaction
from palais.store.migrate import _config
from palais.store.tables import memory_segments, submissions
from tests.registry.conftest import People, refused
from tests.support.bundles import current_bundle
from tests.support.records import RECORD, sample_translation

KALBAJAR = ("The annex contains the report of the Government of Azerbaijan on the "
            "situation in the Kalbajar district since May 2021.")
LACHIN = ("The annex contains the report of the Government of Azerbaijan on the "
          "situation in the Lachin district since May 2021.")
ARABIC = "يتضمن المرفق تقرير حكومة أذربيجان عن الحالة في منطقة كلبجار منذ أيار/مايو 2021."
FRENCH = ("L'annexe contient le rapport du Gouvernement de l'Azerbaïdjan sur la situation "
          "dans le district de Kalbajar depuis mai 2021.")


def issued_with(registry: Registry, people: People, paragraph: str, language: str = "en",
                translated: dict[Language, str] | None = None) -> tuple[int, str]:
    """A note with ``paragraph`` issued in six languages; its id and symbol."""
    record = {**RECORD, "language": language, "paragraphs": [paragraph]}
    sid = registry.submit_record(people.aze, record).id
    # The memory's notes repeat one another on purpose: the officer confirms each is no duplicate.
    registry.register(people.officer, sid, confirm_duplicate=True)
    for lang in ALL:
        if lang.value == language:
            continue
        registry.set_translation(people.officer, sid, "cover.title", lang,
                                 sample_translation(lang, "cover.title"))
        text = (translated or {}).get(lang) or sample_translation(lang, "cover.paragraph.1")
        registry.set_translation(people.officer, sid, "cover.paragraph.1", lang, text)
    issued = registry.issue(people.officer, sid, current_bundle(registry, sid))
    return sid, str(issued.symbol)


def waiting_with(registry: Registry, people: People, paragraph: str) -> int:
    sid = registry.submit_record(people.aze, {**RECORD, "paragraphs": [paragraph]}).id
    registry.register(people.officer, sid, confirm_duplicate=True)
    return sid


def test_the_same_passage_issued_before_is_suggested_with_its_symbol(
    registry: Registry, people: People
) -> None:
    _, symbol = issued_with(registry, people, KALBAJAR, translated={Language.AR: ARABIC})
    sid = waiting_with(registry, people, "  the annex CONTAINS the report of the Government "
                                         "of Azerbaijan on the situation in the Kalbajar "
                                         "district since May 2021 ")
    found = registry.suggestions(people.arabic, sid, "cover.paragraph.1", Language.AR)
    assert [(s.symbol, s.text, s.exact) for s in found] == [(symbol, ARABIC, True)]
    assert found[0].source_text == KALBAJAR


def test_a_nearly_identical_passage_is_suggested_with_how_alike_it_is(
    registry: Registry, people: People
) -> None:
    _, symbol = issued_with(registry, people, KALBAJAR, translated={Language.AR: ARABIC})
    sid = waiting_with(registry, people, LACHIN)
    [found] = registry.suggestions(people.arabic, sid, "cover.paragraph.1", Language.AR)
    assert found.symbol == symbol and found.text == ARABIC and not found.exact
    assert 0.9 < found.similarity < 1.0
    other = waiting_with(registry, people, "The Permanent Mission encloses a letter on "
                                           "water reservoirs of the Tartar river basin.")
    assert registry.suggestions(people.arabic, other, "cover.paragraph.1", Language.AR) == []


def test_any_language_of_an_issued_passage_is_a_source(
    registry: Registry, people: People
) -> None:
    """A French original's English translation meets a later English original."""
    _, symbol = issued_with(registry, people, FRENCH, language="fr",
                            translated={Language.EN: KALBAJAR, Language.AR: ARABIC})
    sid = waiting_with(registry, people, KALBAJAR)
    found = registry.suggestions(people.arabic, sid, "cover.paragraph.1", Language.AR)
    assert [(s.symbol, s.text) for s in found] == [(symbol, ARABIC)]
    french = registry.suggestions(people.translator, sid, "cover.paragraph.1", Language.FR)
    assert [s.text for s in french] == [FRENCH]


def test_a_withdrawn_document_is_suggested_no_more(registry: Registry, people: People) -> None:
    issued, _ = issued_with(registry, people, KALBAJAR, translated={Language.AR: ARABIC})
    sid = waiting_with(registry, people, KALBAJAR)
    assert registry.suggestions(people.arabic, sid, "cover.paragraph.1", Language.AR)
    registry.withdraw(people.officer, issued, "issued in error")
    assert registry.suggestions(people.arabic, sid, "cover.paragraph.1", Language.AR) == []


def test_the_memory_holds_exactly_the_segments_of_what_was_issued(
    registry: Registry, people: People
) -> None:
    issued_with(registry, people, KALBAJAR, translated={Language.AR: ARABIC})
    issued_with(registry, people, LACHIN)
    waiting_with(registry, people, KALBAJAR)
    with read_transaction(registry.engine) as connection:
        stored = sorted(
            (r.submission_id, r.passage, r.language, r.text, r.digest)
            for r in connection.execute(select(memory_segments))
        )
        records = connection.execute(
            select(submissions.c.id).where(submissions.c.state == "issued")
        ).scalars().all()
    officer = people.officer
    derived = sorted(
        (sid, s.passage, s.language.value, s.text, s.digest)
        for sid in records
        for s in segments(registry.get(officer, sid).document)
    )
    assert stored == derived and len(derived) == 2 * 2 * 6


def test_suggestions_are_for_translators_into_the_language(
    registry: Registry, people: People
) -> None:
    sid = waiting_with(registry, people, KALBAJAR)
    refused(registry, lambda: registry.suggestions(people.translator, sid, "cover.paragraph.1",
                                                   Language.AR), PermissionDenied)
    refused(registry, lambda: registry.suggestions(people.aze, sid, "cover.paragraph.1",
                                                   Language.AR), PermissionDenied)


def test_migration_0008_puts_the_archive_issued_before_it_into_the_memory(
    registry: Registry, people: People
) -> None:
    issued_with(registry, people, KALBAJAR, translated={Language.AR: ARABIC})
    sid = waiting_with(registry, people, KALBAJAR)
    before = registry.suggestions(people.arabic, sid, "cover.paragraph.1", Language.AR)
    config = _config()
    with write_transaction(registry.engine) as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")  # a store as it was before the memory existed
    upgrade(registry.engine)
    after = registry.suggestions(people.arabic, sid, "cover.paragraph.1", Language.AR)
    assert after == before and [s.text for s in after] == [ARABIC]
