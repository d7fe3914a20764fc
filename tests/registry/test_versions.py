"""Corrigenda, revisions and addenda: new Works linked to the original, which is kept."""

from __future__ import annotations

import pytest

from palais.errors import Conflict, InvalidSymbol
from palais.registry import Registry, State
from palais.symbols import ModifierKind
from tests.registry.conftest import People, refused
from tests.support.bundles import current_bundle
from tests.support.records import RECORD


@pytest.fixture
def issued(registry: Registry, people: People) -> int:
    sid = registry.submit_record(people.aze, RECORD).id
    registry.register(people.officer, sid)
    registry.issue(people.officer, sid, current_bundle(registry, sid))
    return sid


def test_a_corrigendum_is_a_new_registered_work_linked_to_the_original(
    registry: Registry, people: People, issued: int
) -> None:
    corrected = {**RECORD, "paragraphs": ["The Permanent Mission presents its compliments."]}
    corr = registry.new_version(people.officer, issued, ModifierKind.CORRIGENDUM, corrected)
    assert (corr.state, corr.parent_id, corr.version_kind) == (
        State.REGISTERED, issued, ModifierKind.CORRIGENDUM,
    )
    assert str(corr.document.symbol) == "A/HRC/41/G/1/Corr.1"
    assert corr.job_number is not None
    original = registry.get(people.officer, issued)
    assert (original.state, str(original.symbol)) == (State.ISSUED, "A/HRC/41/G/1")
    assert registry.audit(people.officer, issued)[-1].action == "versioned"
    # The public sees the link both ways once the corrigendum is issued.
    registry.issue(people.officer, corr.id, current_bundle(registry, corr.id))
    assert [str(v) for v in registry.document("A/HRC/41/G/1").versions] == [
        "A/HRC/41/G/1/Corr.1"
    ]
    assert str(registry.document("A/HRC/41/G/1/Corr.1").original) == "A/HRC/41/G/1"


def test_a_version_without_a_record_starts_from_the_originals(
    registry: Registry, people: People, issued: int
) -> None:
    add = registry.new_version(people.officer, issued, ModifierKind.ADDENDUM)
    assert add.document.paragraphs == tuple(RECORD["paragraphs"])
    assert add.document.translations == {}


def test_only_an_issued_document_gets_versions(registry: Registry, people: People) -> None:
    sid = registry.submit_record(people.aze, RECORD).id
    registry.register(people.officer, sid)
    refused(registry, lambda: registry.new_version(people.officer, sid, ModifierKind.REVISION),
            Conflict)


def test_a_corrigendum_of_a_corrigendum_is_refused_before_taking_a_number(
    registry: Registry, people: People, issued: int
) -> None:
    corr = registry.new_version(people.officer, issued, ModifierKind.CORRIGENDUM)
    registry.issue(people.officer, corr.id, current_bundle(registry, corr.id))
    with pytest.raises(InvalidSymbol):
        registry.new_version(people.officer, corr.id, ModifierKind.CORRIGENDUM)
    again = registry.new_version(people.officer, issued, ModifierKind.CORRIGENDUM)
    assert str(again.symbol) == "A/HRC/41/G/1/Corr.2"
