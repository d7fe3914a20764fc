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

from palais.errors import Conflict, PermissionDenied, Phrase, phrase
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


RULES: dict[str, Rule] = {
    rule.action: rule
    for rule in (
        Rule("submit", {Role.MISSION: NO_SUBMISSION, Role.OFFICER: NO_SUBMISSION},
             target=State.SUBMITTED),
        Rule("edit", {Role.OFFICER: OPEN, Role.MISSION: frozenset({State.SUBMITTED})}),
        Rule("register", {Role.OFFICER: frozenset({State.SUBMITTED})},
             target=State.REGISTERED),
        Rule("translate", {Role.OFFICER: IN_WORK, Role.TRANSLATOR: IN_WORK},
             own_languages=True),
        # Who translates which language: the officer assigns, a translator claims one of
        # their own languages (palais.registry.assignments); neither changes the state.
        Rule("assign", {Role.OFFICER: IN_WORK}),
        Rule("claim", {Role.TRANSLATOR: IN_WORK}, own_languages=True),
        Rule("issue", {Role.OFFICER: IN_WORK}, target=State.ISSUED, public=True),
        Rule("reject", {Role.OFFICER: frozenset({State.SUBMITTED})}, target=State.REJECTED),
        Rule("withdraw", {Role.OFFICER: OPEN | {State.ISSUED}, Role.MISSION: OPEN},
             target=State.WITHDRAWN, public=True),
        Rule("new_version", {Role.OFFICER: frozenset({State.ISSUED})},
             target=State.REGISTERED),
        # Reissued for technical reasons: the same document, its files replaced.
        Rule("reissue", {Role.OFFICER: frozenset({State.ISSUED})}),
        Rule("import", {Role.OFFICER: NO_SUBMISSION}, target=State.ISSUED, public=True),
        Rule("calendar", {Role.OFFICER: NO_SUBMISSION}),
    )
}


# How a refusal names each action, role and state, in words a page translates.
VERBS: dict[str, Phrase] = {
    "submit": phrase("submit documents"), "edit": phrase("edit"),
    "register": phrase("register"), "translate": phrase("translate"),
    "issue": phrase("issue"), "reject": phrase("reject"), "withdraw": phrase("withdraw"),
    "assign": phrase("assign a language of"), "claim": phrase("claim a language of"),
    "new_version": phrase("start a new version of"), "reissue": phrase("reissue"),
    "import": phrase("import documents into the archive"),
    "calendar": phrase("change the calendar"),
}
ROLE_WORDS: dict[Role, Phrase] = {
    Role.MISSION: phrase("a mission"), Role.OFFICER: phrase("an officer"),
    Role.TRANSLATOR: phrase("a translator"),
}
STATE_WORDS: dict[State, Phrase] = {
    State.SUBMITTED: phrase("Submitted"), State.REGISTERED: phrase("Registered"),
    State.IN_TRANSLATION: phrase("In translation"), State.READY: phrase("Translated"),
    State.ISSUED: phrase("Issued"), State.REJECTED: phrase("Rejected"),
    State.WITHDRAWN: phrase("Withdrawn"),
}


def check(
    action: str, actor: Actor, state: State | None = None, language: Language | None = None
) -> Rule:
    """Allow ``actor`` to take ``action`` (on a submission in ``state``, in ``language``),
    or raise why not; returns the rule."""
    rule = RULES[action]
    allowed = rule.allowed.get(actor.role)
    if allowed is None:
        raise PermissionDenied(
            "%(role)s may not %(action)s (only: %(roles)s)",
            role=ROLE_WORDS[actor.role], action=VERBS[action],
            roles=tuple(ROLE_WORDS[r] for r in sorted(rule.allowed)),
        )
    if (
        rule.own_languages and actor.role is Role.TRANSLATOR and language is not None
        and language not in actor.languages
    ):
        own = ", ".join(lang.value for lang in actor.languages) or "-"
        raise PermissionDenied(
            "%(username)s translates into %(own)s only, not %(language)s",
            username=actor.username, own=own, language=language.value,
        )
    if state is not None and state not in allowed:
        raise Conflict(
            "cannot %(action)s a submission in the state \"%(state)s\"; %(role)s may do so "
            "only in the states: %(states)s",
            action=VERBS[action], state=STATE_WORDS[state], role=ROLE_WORDS[actor.role],
            states=tuple(STATE_WORDS[s] for s in State if s in allowed),
        )
    return rule


def allowed_actions(actor: Actor, state: State) -> tuple[str, ...]:
    """Every action ``actor``'s role may take on a submission in ``state``, in the order
    of :data:`RULES` (what a page offers as buttons; the registry still checks each)."""
    return tuple(
        rule.action for rule in RULES.values() if state in rule.allowed.get(actor.role, ())
    )


def after_translation(anything_missing: bool) -> State:
    """The state once a translation is saved: ready when nothing is missing any more."""
    return State.IN_TRANSLATION if anything_missing else State.READY
