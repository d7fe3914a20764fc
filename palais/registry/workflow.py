"""The workflow as data: who may take which action from which state, where it leads,
and whether the public sees the change.

::

    submitted ──register──> registered ──translate──> in_translation ──(complete)──> ready
        │                       │                           │                          │
        └─reject─> rejected     └───────────────issue───────┴──────────────────────────┴─> issued

    withdraw: from any state before issued (the mission or the secretariat),
              and from issued (the secretariat only).

Issuing is allowed from every working state because the real gate is
composition: :func:`palais.compose.compose_bundle` refuses, listing what is
missing, while any passage awaits translation. A corrigendum, revision or
addendum is a new submission, registered at once under the original's symbol
with its modifier, and goes through translation and issue like any other.

Every permission rule of the registry is a row of :data:`RULES`; the use cases
ask :func:`check` and never test a role themselves. Everything here is pure:
:func:`check` says yes (returns) or raises PermissionDenied (the role may never
do this) or Conflict (not from this state).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from palais.errors import Conflict, PermissionDenied
from palais.languages import Language
from palais.registry.values import Actor, Role, State

IN_WORK = frozenset({State.REGISTERED, State.IN_TRANSLATION, State.READY})
OPEN = IN_WORK | {State.SUBMITTED}
FINAL = frozenset({State.ISSUED, State.REJECTED, State.WITHDRAWN})
# The "from" of an action that acts on no submission yet (submitting, importing, the
# calendar, accounts): the role alone decides.
NO_SUBMISSION: frozenset[State] = frozenset()


@dataclass(frozen=True, slots=True)
class Rule:
    """One action: the states each role may take it from, the state it leaves the
    submission in (None: where it was, or decided by the use case), and whether it
    changes what the public sees (then it writes a change record when it enters or
    leaves ``issued``)."""

    action: str
    allowed: Mapping[Role, frozenset[State]]
    target: State | None = None
    public: bool = False
    # A translator acts only in the languages of its account.
    own_languages: bool = False
    verb: str = ""

    @property
    def words(self) -> str:
        return self.verb or self.action


RULES: dict[str, Rule] = {
    rule.action: rule
    for rule in (
        Rule("submit", {Role.MISSION: NO_SUBMISSION, Role.OFFICER: NO_SUBMISSION},
             target=State.SUBMITTED, verb="submit documents"),
        Rule("edit", {Role.OFFICER: OPEN, Role.MISSION: frozenset({State.SUBMITTED})}),
        Rule("register", {Role.OFFICER: frozenset({State.SUBMITTED})},
             target=State.REGISTERED),
        Rule("translate", {Role.OFFICER: IN_WORK, Role.TRANSLATOR: IN_WORK},
             own_languages=True),
        # Who translates which language: the officer assigns, a translator claims one of
        # their own languages (palais.registry.assignments); neither changes the state.
        Rule("assign", {Role.OFFICER: IN_WORK}, verb="assign a language of"),
        Rule("claim", {Role.TRANSLATOR: IN_WORK}, own_languages=True,
             verb="claim a language of"),
        Rule("issue", {Role.OFFICER: IN_WORK}, target=State.ISSUED, public=True),
        Rule("reject", {Role.OFFICER: frozenset({State.SUBMITTED})}, target=State.REJECTED),
        Rule("withdraw", {Role.OFFICER: OPEN | {State.ISSUED}, Role.MISSION: OPEN},
             target=State.WITHDRAWN, public=True),
        Rule("new_version", {Role.OFFICER: frozenset({State.ISSUED})},
             target=State.REGISTERED, verb="start a new version of"),
        # Reissued for technical reasons: the same document, its files replaced.
        Rule("reissue", {Role.OFFICER: frozenset({State.ISSUED})}, verb="reissue"),
        Rule("import", {Role.OFFICER: NO_SUBMISSION}, target=State.ISSUED, public=True,
             verb="import documents into the archive"),
        Rule("calendar", {Role.OFFICER: NO_SUBMISSION}, verb="change the calendar"),
    )
}


def check(
    action: str, actor: Actor, state: State | None = None, language: Language | None = None
) -> Rule:
    """Allow ``actor`` to take ``action`` (on a submission in ``state``, in ``language``),
    or raise why not; returns the rule."""
    rule = RULES[action]
    allowed = rule.allowed.get(actor.role)
    if allowed is None:
        roles = ", ".join(sorted(r.value for r in rule.allowed))
        raise PermissionDenied(f"a {actor.role.value} may not {rule.words} (only: {roles})")
    if (
        rule.own_languages and actor.role is Role.TRANSLATOR and language is not None
        and language not in actor.languages
    ):
        own = ", ".join(lang.value for lang in actor.languages) or "no language"
        raise PermissionDenied(
            f"{actor.username} translates into {own} only, not {language.value}"
        )
    if state is not None and state not in allowed:
        states = ", ".join(sorted(s.value for s in allowed))
        raise Conflict(
            f"cannot {rule.words} a submission that is {state.value}; "
            f"a {actor.role.value} may do so only when it is {states}"
        )
    return rule


def after_translation(anything_missing: bool) -> State:
    """The state once a translation is saved: ready when nothing is missing any more."""
    return State.IN_TRANSLATION if anything_missing else State.READY
