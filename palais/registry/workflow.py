"""The workflow as data: which role may take which action from which state.

::

    submitted ──register──> registered ──translate──> in_translation ──(complete)──> ready
        │                       │                           │                          │
        └─reject─> rejected     └───────────────issue───────┴──────────────────────────┴─> issued

    withdraw: from any state before issued (the mission or the secretariat),
              and from issued (the secretariat only).

Issuing is allowed from every working state because the real gate is
composition: :func:`palais.publish.issuing.render_all` refuses, listing what is
missing, while any passage awaits translation. A corrigendum, revision or
addendum is a new submission, registered at once under the original's symbol
with its modifier, and goes through translation and issue like any other.

Everything here is pure: :func:`check` says yes (returns) or raises
PermissionDenied (the role may never do this) or Conflict (not from this state).
"""

from __future__ import annotations

from palais.errors import Conflict, PermissionDenied
from palais.registry.values import Actor, Role, State

IN_WORK = frozenset({State.REGISTERED, State.IN_TRANSLATION, State.READY})
OPEN = IN_WORK | {State.SUBMITTED}
FINAL = frozenset({State.ISSUED, State.REJECTED, State.WITHDRAWN})

# action -> role -> the states that role may take the action from
RULES: dict[str, dict[Role, frozenset[State]]] = {
    "edit": {Role.OFFICER: OPEN, Role.MISSION: frozenset({State.SUBMITTED})},
    "register": {Role.OFFICER: frozenset({State.SUBMITTED})},
    "translate": {Role.OFFICER: IN_WORK, Role.TRANSLATOR: IN_WORK},
    "issue": {Role.OFFICER: IN_WORK},
    "attach": {Role.OFFICER: frozenset({State.ISSUED})},
    "reject": {Role.OFFICER: frozenset({State.SUBMITTED})},
    "withdraw": {Role.OFFICER: OPEN | {State.ISSUED}, Role.MISSION: OPEN},
    "new_version": {Role.OFFICER: frozenset({State.ISSUED})},
}

# Where an action leaves a submission (edit and attach leave it where it is;
# translate goes to in_translation or ready, decided by what is still missing).
TARGETS: dict[str, State] = {
    "register": State.REGISTERED,
    "issue": State.ISSUED,
    "reject": State.REJECTED,
    "withdraw": State.WITHDRAWN,
}


def check(action: str, actor: Actor, state: State) -> None:
    """Allow ``actor`` to take ``action`` on a submission in ``state``, or raise why not."""
    by_role = RULES[action]
    allowed = by_role.get(actor.role)
    if allowed is None:
        roles = ", ".join(sorted(r.value for r in by_role))
        raise PermissionDenied(f"a {actor.role.value} may not {_verb(action)} (only: {roles})")
    if state not in allowed:
        states = ", ".join(sorted(s.value for s in allowed))
        raise Conflict(
            f"cannot {_verb(action)} a submission that is {state.value}; "
            f"a {actor.role.value} may do so only when it is {states}"
        )


def after_translation(anything_missing: bool) -> State:
    """The state once a translation is saved: ready when nothing is missing any more."""
    return State.IN_TRANSLATION if anything_missing else State.READY


def _verb(action: str) -> str:
    return {"new_version": "start a new version of", "attach": "attach files to"}.get(
        action, action
    )
