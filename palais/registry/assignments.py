"""Who translates which language of a submission: the values and the rule.

An officer assigns a language of a submission to a translator of that
language; a translator may claim a language of theirs that nobody holds yet.
Saving a translation in a language nobody holds claims it, so two translators
never work on the same language of one submission unawares. A translator's
queue shows the languages held by them and those open to claim
(:func:`open_to`); a language held by another is neither shown nor writable.
Everything here is pure; :mod:`palais.registry.translating` runs it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from palais.errors import Conflict, InvalidInput
from palais.languages import Language
from palais.registry.values import Actor, Role, Submission


@dataclass(frozen=True, slots=True)
class Assignment:
    """One language of one submission held by one translator."""

    submission_id: int
    language: Language
    translator: str
    assigned_by: str
    assigned_at: datetime

    @property
    def claimed(self) -> bool:
        """True when the translator took it themselves rather than being given it."""
        return self.assigned_by == self.translator


@dataclass(frozen=True, slots=True)
class WorkItem:
    """One language of one submission in a translator's queue, with its passages."""

    submission: Submission
    language: Language
    assignment: Assignment | None
    passages: tuple[str, ...]
    missing: tuple[str, ...]


def open_to(actor: Actor, language: Language, held: Assignment | None) -> bool:
    """May ``actor`` work on ``language`` of a submission, held as ``held`` says?"""
    if actor.role is not Role.TRANSLATOR:
        return actor.role is Role.OFFICER
    return language in actor.languages and (held is None or held.translator == actor.username)


def check_holder(actor: Actor, language: Language, held: Assignment | None) -> None:
    """Raise Conflict when another translator holds ``language`` of the submission."""
    if actor.role is Role.TRANSLATOR and held is not None and held.translator != actor.username:
        raise Conflict(
            "this language of the submission is assigned to %(translator)s",
            translator=held.translator,
        )


def check_assignee(username: str, role: str | None, languages: str, language: Language) -> None:
    """Raise InvalidInput unless ``username`` is a translator into ``language``."""
    if role != Role.TRANSLATOR.value:
        raise InvalidInput("%(username)s is not a translator", username=username)
    if language.value not in languages.split(","):
        raise InvalidInput(
            "%(username)s does not translate into this language", username=username
        )
