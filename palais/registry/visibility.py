"""Who sees which submissions, and what a mission may submit.

A mission sees only its own State's submissions; a translator sees those
awaiting translation; the secretariat sees everything. What a caller may not
see answers "not found", exactly as if it did not exist, so probing identifiers
tells nothing. The same rule is written twice, once as a Python predicate for a
single row and once as the selection a listing asks the store for;
``tests/registry`` checks they agree.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from palais.errors import PermissionDenied
from palais.model import Document, Party
from palais.registry.values import Actor, Role, State
from palais.registry.workflow import IN_WORK


def may_see(actor: Actor, state: State, mission: str | None) -> bool:
    if actor.role is Role.OFFICER:
        return True
    if actor.role is Role.MISSION:
        return mission is not None and mission == actor.state
    return state in IN_WORK


def listing(actor: Actor) -> dict[str, Any]:
    """The selection of :func:`palais.store.submissions.page` that ``actor`` may see."""
    if actor.role is Role.OFFICER:
        return {"everything": True}
    if actor.role is Role.MISSION:
        return {"mission": actor.state}
    return {"states": frozenset(s.value for s in IN_WORK)}


def for_mission(actor: Actor, document: Document) -> Document:
    """A mission's document, sent by that mission's State.

    A document naming no sender is taken to be from the mission's State; one
    naming others (and not it) is refused: a mission acts only for its own
    State. A joint letter naming it among several senders is its to submit.
    Translations are the translators' (or an officer's) to supply, through the
    translation use case: a record from a mission holding some is refused, or the
    mission would issue its own wording in every language, skipping them.
    """
    if actor.role is not Role.MISSION:
        return document
    if document.translations:
        raise PermissionDenied(
            "a mission may not supply translations: the record holds translations of "
            f"{', '.join(sorted(document.translations))}; translators supply them after "
            "registration"
        )
    if actor.state is None:
        return document
    own = Party(actor.state)
    senders = {p for p in (document.sender, *document.senders) if p is not None}
    if not senders:
        return replace(document, sender=own, senders=(own,))
    if own not in senders:
        named = ", ".join(sorted(p.iso3 for p in senders))
        raise PermissionDenied(
            "the mission of %(own)s may submit only for its own State; "
            "the document is from %(named)s", own=own.iso3, named=named,
        )
    return document
