"""Who sees and touches what: missions their own State's, translators their languages."""

from __future__ import annotations

from palais.errors import NotFound, PermissionDenied
from palais.languages import Language
from palais.registry import Registry, State
from tests.registry.conftest import People, refused
from tests.support.bundles import current_bundle
from tests.support.records import RECORD


def test_a_mission_sees_only_its_own_states_submissions(
    registry: Registry, people: People
) -> None:
    own = registry.submit_record(people.aze, RECORD).id
    theirs = registry.submit_record(people.fra, {**RECORD, "sender_state": "FRA"}).id
    items, total = registry.list(people.aze)
    assert ([s.id for s in items], total) == ([own], 1)
    refused(registry, lambda: registry.get(people.aze, theirs), NotFound)
    refused(registry, lambda: registry.audit(people.aze, theirs), NotFound)
    refused(registry, lambda: registry.withdraw(people.aze, theirs, "not ours"), NotFound)
    refused(registry, lambda: registry.update_record(people.aze, theirs, RECORD), NotFound)
    assert registry.get(people.officer, theirs).state is State.SUBMITTED


def test_a_mission_submits_only_for_its_own_state(registry: Registry, people: People) -> None:
    refused(registry, lambda: registry.submit_record(people.aze, {**RECORD, "sender_state": "FRA"}),
            PermissionDenied, "own State")
    assert registry.list(people.officer) == ([], 0)
    joint = {**RECORD, "sender_state": None, "sender_states": ["FRA", "AZE"]}
    assert registry.submit_record(people.aze, joint).mission == "AZE"
    unsigned = {**RECORD, "sender_state": None}
    assert registry.submit_record(people.aze, unsigned).document.sender is not None


def test_translators_see_work_awaiting_translation_only(
    registry: Registry, people: People
) -> None:
    waiting = registry.submit_record(people.aze, RECORD).id
    refused(registry, lambda: registry.get(people.translator, waiting), NotFound)
    registry.register(people.officer, waiting)
    assert [s.id for s in registry.list(people.translator)[0]] == [waiting]


def test_a_translator_edits_only_assigned_languages(registry: Registry, people: People) -> None:
    sid = registry.submit_record(people.aze, RECORD).id
    registry.register(people.officer, sid)
    refused(
        registry,
        lambda: registry.set_translation(people.translator, sid, "cover.title", Language.AR, "x"),
        PermissionDenied, "not ar",
    )
    assert registry.get(people.officer, sid).document.translations == {}
    done = registry.set_translation(people.arabic, sid, "cover.title", Language.AR, "مذكرة")
    assert done.document.translations["cover.title"][Language.AR] == "مذكرة"


def test_only_passages_the_cover_has_are_translated(registry: Registry, people: People) -> None:
    sid = registry.submit_record(people.aze, RECORD).id
    registry.register(people.officer, sid)
    refused(
        registry,
        lambda: registry.set_translation(people.translator, sid, "cover.paragraph.9",
                                         Language.FR, "x"),
        NotFound, r"cover\.paragraph\.1",
    )


def test_the_public_reads_issued_documents_only(registry: Registry, people: People) -> None:
    sid = registry.submit_record(people.aze, RECORD).id
    symbol = registry.register(people.officer, sid).symbol
    assert symbol is not None
    refused(registry, lambda: registry.document(symbol), NotFound)
    assert registry.recently_issued() == []
    registry.issue(people.officer, sid, current_bundle(registry, sid))
    assert registry.document(symbol).symbol == symbol
    assert [d.symbol for d in registry.recently_issued()] == [symbol]


def test_the_listing_condition_agrees_with_the_single_row_rule(
    registry: Registry, people: People
) -> None:
    """A submission in each state, then: listed for an actor exactly when gettable."""
    ids = []
    for sender, mission in (("AZE", people.aze), ("FRA", people.fra)):
        record = {**RECORD, "sender_state": sender}
        ids.append(registry.submit_record(mission, record).id)
        registered = registry.submit_record(mission, record).id
        registry.register(people.officer, registered)
        ids.append(registered)
        issued = registry.submit_record(mission, record).id
        registry.register(people.officer, issued)
        registry.issue(people.officer, issued, current_bundle(registry, issued))
        ids.append(issued)
        rejected = registry.submit_record(mission, record).id
        registry.reject(people.officer, rejected, "duplicate")
        ids.append(rejected)
    for actor in people.all():
        listed = {s.id for s in registry.list(actor, limit=None)[0]}
        gettable = set()
        for sid in ids:
            try:
                registry.get(actor, sid)
            except NotFound:
                continue
            gettable.add(sid)
        assert listed == gettable, actor.username
