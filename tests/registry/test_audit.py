"""The audit log: who, when, what, before and after, for every change; never rewritten."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, update
from sqlalchemy.exc import DatabaseError

from palais.errors import Conflict, PermissionDenied
from palais.languages import Language
from palais.registry import Registry
from palais.store import write_transaction
from palais.store.tables import audit_log
from tests.registry.conftest import People, refused
from tests.support.bundles import current_bundle
from tests.support.records import RECORD


def test_each_transition_is_recorded_with_before_and_after(
    registry: Registry, people: People
) -> None:
    sid = registry.submit_record(people.aze, RECORD).id
    registry.register(people.officer, sid)
    registry.set_translation(people.translator, sid, "cover.title", Language.FR, "Note verbale")
    trail = registry.audit(people.officer, sid)
    assert [(e.action, e.actor) for e in trail] == [
        ("submit", "aze"), ("register", "officer"), ("translate", "translator"),
    ]
    register = trail[1]
    assert register.before == {"state": "submitted"}
    assert register.after is not None
    assert (register.after["state"], register.after["symbol"]) == ("registered", "A/HRC/41/G/1")
    translate = trail[2]
    assert translate.before is not None and translate.after is not None
    assert (translate.before["text"], translate.after["text"]) == (None, "Note verbale")
    assert all(e.at.tzinfo is not None for e in trail)
    assert [e.at for e in trail] == sorted(e.at for e in trail)


def test_an_edit_keeps_the_whole_record_before_and_after(
    registry: Registry, people: People
) -> None:
    sid = registry.submit_record(people.aze, RECORD).id
    registry.update_record(people.officer, sid, {**RECORD, "agenda_items": [3]})
    edit = registry.audit(people.officer, sid)[-1]
    assert edit.action == "edit"
    assert edit.before is not None and edit.after is not None
    assert (edit.before["agenda_items"], edit.after["agenda_items"]) == ([4], [3])


def test_a_refused_action_changes_nothing_and_records_nothing(
    registry: Registry, people: People
) -> None:
    sid = registry.submit_record(people.aze, RECORD).id
    before = (registry.get(people.officer, sid), registry.audit(people.officer, sid))
    refused(registry, lambda: registry.register(people.aze, sid), PermissionDenied)
    refused(registry, lambda: registry.issue(people.officer, sid, current_bundle(registry, sid)),
            Conflict)
    after = (registry.get(people.officer, sid), registry.audit(people.officer, sid))
    assert after == before


@pytest.mark.parametrize("statement", ["update", "delete"])
def test_the_database_refuses_to_rewrite_the_log(
    registry: Registry, people: People, statement: str
) -> None:
    registry.submit_record(people.aze, RECORD)
    change = update(audit_log).values(actor="nobody") if statement == "update" else delete(
        audit_log
    )
    with pytest.raises(DatabaseError, match="append-only"), write_transaction(
        registry.engine
    ) as connection:
        connection.execute(change)
    assert [e.actor for e in registry.audit(people.officer, 1)] == ["aze"]
