"""The one transition executor: every change of a submission's state goes through it.

A use case says what its action changes (:class:`Change`); the executor does the
rest in the caller's transaction, the same way for every action: lock the row
(invisible is not found), ask :mod:`palais.registry.workflow` whether this actor
may take this action from this state, write the change if the row is still in
the state it was read in, write one audit entry, and write a change record when
the action makes a document enter or leave the public archive.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from palais.errors import NotFound
from palais.languages import Language
from palais.registry import visibility, workflow
from palais.registry.rows import now
from palais.registry.values import Actor, State
from palais.store import Connection, changes, submissions


@dataclass(frozen=True, slots=True)
class Change:
    """What one action writes: columns, its audit entry's before/after, where it leads
    (when the rule does not say), and a detail line for the audit trail."""

    values: Mapping[str, Any] = field(default_factory=dict)
    before: Mapping[str, Any] = field(default_factory=dict)
    after: Mapping[str, Any] = field(default_factory=dict)
    target: State | None = None
    detail: str | None = None


def visible(
    connection: Connection, actor: Actor, submission_id: int, *, for_update: bool = False
) -> Any:
    """The row of a submission ``actor`` may see (NotFound otherwise, so nothing leaks)."""
    row = submissions.fetch(connection, submission_id, for_update=for_update)
    if not visibility.may_see(actor, State(row.state), row.mission):
        raise NotFound("no submission %(submission_id)s", submission_id=submission_id)
    return row


def run(
    connection: Connection,
    actor: Actor,
    action: str,
    submission_id: int,
    decide: Callable[[Any], Change],
    *,
    language: Language | None = None,
) -> Any:
    """Take ``action`` on the submission; ``decide(row)`` says what changes (and may
    refuse). Returns the row as written."""
    row = visible(connection, actor, submission_id, for_update=True)
    read_state = State(row.state)
    rule = workflow.check(action, actor, read_state, language)
    change = decide(row)
    target = change.target or rule.target or read_state
    at = now()
    submissions.advance(
        connection, row.id, row.state, state=target.value, updated_at=at, **change.values
    )
    before = {"state": read_state.value} if target is not read_state else {}
    after = {"state": target.value} if target is not read_state else {}
    submissions.log(
        connection, row.id, actor.username, action,
        {**before, **change.before} or None, {**after, **change.after} or None, at,
        change.detail,
    )
    if rule.public and State.ISSUED in (read_state, target) and read_state is not target:
        changes.record(connection, [row.id], action, at)
    return submissions.fetch(connection, row.id)
