"""The state machine: each transition from the states it allows, refused from the others."""

from __future__ import annotations

import pytest

from palais.errors import Conflict, InvalidInput, PermissionDenied
from palais.languages import ALL, Language
from palais.registry import Registry, State
from palais.registry.values import Actor, Role
from palais.registry.workflow import RULES, check
from tests.registry.conftest import People, refused
from tests.support.bundles import current_bundle
from tests.support.records import RECORD, sample_translation


def _translate_everything(registry: Registry, people: People, sid: int) -> State:
    state = State.REGISTERED
    for lang in ALL:
        if lang is Language.EN:
            continue
        for passage in ("cover.title", "cover.paragraph.1"):
            state = registry.set_translation(
                people.officer, sid, passage, lang, sample_translation(lang, passage)
            ).state
    return state


def test_the_main_path_submitted_registered_in_translation_ready_issued(
    registry: Registry, people: People
) -> None:
    sid = registry.submit_record(people.aze, RECORD).id
    assert registry.get(people.officer, sid).state is State.SUBMITTED
    assert registry.register(people.officer, sid).state is State.REGISTERED
    first = registry.set_translation(people.translator, sid, "cover.title", Language.FR, "Note")
    assert first.state is State.IN_TRANSLATION
    assert _translate_everything(registry, people, sid) is State.READY
    issued = registry.issue(people.officer, sid, current_bundle(registry, sid))
    assert issued.state is State.ISSUED
    assert registry.get(people.officer, sid).issued_at is not None


def test_registration_happens_once(registry: Registry, people: People) -> None:
    sid = registry.submit_record(people.aze, RECORD).id
    symbol = registry.register(people.officer, sid).symbol
    refused(registry, lambda: registry.register(people.officer, sid), Conflict, "registered")
    assert registry.get(people.officer, sid).symbol == symbol


def test_nothing_is_issued_before_registration(registry: Registry, people: People) -> None:
    sid = registry.submit_record(people.aze, RECORD).id
    refused(registry, lambda: registry.issue(people.officer, sid, current_bundle(registry, sid)),
            Conflict, "submitted")
    assert registry.get(people.officer, sid).state is State.SUBMITTED


def test_rejection_needs_a_reason_and_is_final(registry: Registry, people: People) -> None:
    sid = registry.submit_record(people.aze, RECORD).id
    refused(registry, lambda: registry.reject(people.officer, sid, "  "), InvalidInput, "reason")
    rejected = registry.reject(people.officer, sid, "not addressed to the Council")
    assert (rejected.state, rejected.reason) == (State.REJECTED, "not addressed to the Council")
    for attempt in (
        lambda: registry.register(people.officer, sid),
        lambda: registry.withdraw(people.aze, sid, "changed our mind"),
        lambda: registry.update_record(people.officer, sid, RECORD),
    ):
        refused(registry, attempt, Conflict)


def test_a_mission_withdraws_its_own_until_issue_only(registry: Registry, people: People) -> None:
    sid = registry.submit_record(people.aze, RECORD).id
    registry.register(people.officer, sid)
    assert registry.withdraw(people.aze, sid, "sent by mistake").state is State.WITHDRAWN
    issued = registry.submit_record(people.aze, RECORD).id
    registry.register(people.officer, issued)
    registry.issue(people.officer, issued, current_bundle(registry, issued))
    refused(registry, lambda: registry.withdraw(people.aze, issued, "too late"), Conflict,
            "issued")
    assert registry.withdraw(people.officer, issued, "withdrawn by the secretariat").state is (
        State.WITHDRAWN
    )


def test_a_mission_edits_its_record_only_before_registration(
    registry: Registry, people: People
) -> None:
    sid = registry.submit_record(people.aze, RECORD).id
    edited = registry.update_record(people.aze, sid, {**RECORD, "agenda_items": [3]})
    assert edited.document.agenda_items == (3,)
    registry.register(people.officer, sid)
    refused(registry, lambda: registry.update_record(people.aze, sid, RECORD), Conflict)
    assert registry.update_record(people.officer, sid, RECORD).document.agenda_items == (4,)


def test_an_edit_cannot_change_the_allocated_symbol(registry: Registry, people: People) -> None:
    sid = registry.submit_record(people.aze, RECORD).id
    registry.register(people.officer, sid)
    with pytest.raises(InvalidInput, match="symbol"):
        registry.update_record(people.officer, sid, {**RECORD, "symbol": "A/HRC/41/G/99"})
    assert str(registry.get(people.officer, sid).symbol) == "A/HRC/41/G/1"


@pytest.mark.parametrize(
    ("role", "action"),
    [(role, action) for action, rule in RULES.items() for role in Role if role not in rule.allowed],
)
def test_a_role_without_the_action_is_denied_whatever_the_state(role: Role, action: str) -> None:
    actor = Actor("someone", role, "AZE" if role is Role.MISSION else None)
    for state in State:
        with pytest.raises(PermissionDenied):
            check(action, actor, state)


def test_an_edit_cannot_move_a_registered_document_out_of_its_series(
    registry: Registry, people: People
) -> None:
    sid = registry.submit_record(people.aze, RECORD).id
    registry.register(people.officer, sid)
    with pytest.raises(InvalidInput, match="session 41"):
        registry.update_record(people.officer, sid, {**RECORD, "session": 42})
    with pytest.raises(InvalidInput, match="doc_type"):
        registry.update_record(people.officer, sid, {**RECORD, "doc_type": "report"})
    assert registry.get(people.officer, sid).document.session == 41
