"""The translator's use cases: assign, claim, the queue, translate, suggestions, preview.

Every change goes through the one transition executor
(:func:`palais.registry.transitions.run`), which asks the rules table
(``assign``, ``claim``, ``translate``) and writes the audit entry; assigning or
claiming leaves the submission in its state. A translation is checked to be in
the language it is given for (:mod:`palais.parse.written_in`) before anything
is written; it may be revised as often as needed until the document is issued,
after which the rules refuse it.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from palais.compose import compose
from palais.compose.passages import missing_translations, passages
from palais.compose.version import ComposedVersion
from palais.errors import InvalidInput, NotFound
from palais.languages import Language
from palais.parse.written_in import check_written_in
from palais.registry import memory, rows, translation, workflow
from palais.registry.assignments import (
    Assignment,
    WorkItem,
    check_assignee,
    check_holder,
    open_to,
)
from palais.registry.base import StoreAccess
from palais.registry.transitions import Change, run, visible
from palais.registry.values import Actor, Role, Submission
from palais.registry.visibility import listing
from palais.store import Connection, accounts, assignments, submissions

QUEUE_LENGTH = 200
AWAITING = "[…]"
"""What a preview shows where a passage has no translation yet."""


class TranslationCases(StoreAccess):
    """Translating a registered submission, language by language."""

    def assign(
        self, actor: Actor, submission_id: int, language: Language | str, translator: str | None
    ) -> Assignment | None:
        """Give ``language`` of the submission to ``translator`` (None: to nobody)."""
        lang = Language.parse(language)
        who = (translator or "").strip() or None

        def work(connection: Connection) -> Assignment | None:
            def decide(row: Any) -> Change:
                held = _held(connection, row.id).get(lang)
                if who is None:
                    assignments.remove(connection, row.id, lang.value)
                else:
                    user = accounts.user(connection, who)
                    if user is None:
                        raise InvalidInput("no user %(username)s", username=who)
                    check_assignee(who, user.role, user.languages, lang)
                    assignments.put(connection, row.id, lang.value, who, actor.username, rows.now())
                before = held.translator if held else None
                return Change(
                    before={"language": lang.value, "translator": before},
                    after={"language": lang.value, "translator": who},
                )

            run(connection, actor, "assign", submission_id, decide)
            return _held(connection, submission_id).get(lang)

        return self._write(work)

    def claim(self, actor: Actor, submission_id: int, language: Language | str) -> Assignment:
        """Take ``language`` of the submission, unless another translator holds it."""
        lang = Language.parse(language)

        def work(connection: Connection) -> Assignment:
            def decide(row: Any) -> Change:
                held = _held(connection, row.id).get(lang)
                check_holder(actor, lang, held)
                if held is None:  # held already: by this translator, as it was given
                    assignments.put(
                        connection, row.id, lang.value, actor.username, actor.username,
                        rows.now(),
                    )
                return Change(after={"language": lang.value, "translator": actor.username})

            run(connection, actor, "claim", submission_id, decide, language=lang)
            return _held(connection, submission_id)[lang]

        return self._write(work)

    def assignments_of(self, actor: Actor, submission_id: int) -> dict[Language, Assignment]:
        """Who holds each language of a submission ``actor`` may see."""

        def work(connection: Connection) -> dict[Language, Assignment]:
            visible(connection, actor, submission_id)
            return _held(connection, submission_id)

        return self._read(work)

    def translators(self) -> builtins.list[Actor]:
        """Every translator, with their languages (for an officer's choice)."""
        return [rows.actor_of(r) for r in self._read(assignments.translators)]

    def queue(self, actor: Actor) -> builtins.list[WorkItem]:
        """The languages of submissions in translation that ``actor`` holds or may claim,
        with their passages (saved ones stay listed, revisable, until issue)."""

        def work(connection: Connection) -> builtins.list[WorkItem]:
            found, _total = submissions.page(
                connection, offset=0, limit=QUEUE_LENGTH, **listing(actor)
            )
            work_rows = [r for r in found if r.state in {s.value for s in workflow.IN_WORK}]
            held = assignments.of(connection, [r.id for r in work_rows])
            items = []
            for row in work_rows:
                submission = rows.submission_of(row)
                doc = submission.document
                keys = tuple(p.key for p in passages(doc))
                missing = missing_translations(doc)
                for lang in Language:
                    given = held.get(row.id, {}).get(lang.value)
                    holder = _assignment_of(given) if given is not None else None
                    if keys and lang is not doc.language and open_to(actor, lang, holder):
                        items.append(
                            WorkItem(submission, lang, holder, keys, tuple(missing[lang]))
                        )
            return items

        return self._read(work)

    def set_translation(
        self, actor: Actor, submission_id: int, passage: str, language: Language, text: str
    ) -> Submission:
        """Supply (or revise) one passage in one language; the submission is ready when
        none is missing. Saving in a language nobody holds claims it."""
        passage = translation.passage_key(passage)
        language = Language.parse(language)
        workflow.check("translate", actor, language=language)
        text = text.strip()
        if not text:
            raise InvalidInput("a translation cannot be empty")
        check_written_in(text, language)

        def work(connection: Connection) -> Submission:
            def decide(row: Any) -> Change:
                document = rows.document_of(row)
                translation.check_passage(document, passage)
                held = _held(connection, row.id).get(language)
                check_holder(actor, language, held)
                if held is None and actor.role is Role.TRANSLATOR:
                    assignments.put(
                        connection, row.id, language.value, actor.username, actor.username,
                        rows.now(),
                    )
                translations = {k: dict(v) for k, v in document.translations.items()}
                before = translations.get(passage, {}).get(language)
                translations.setdefault(passage, {})[language] = text
                document = replace(document, translations=translations)
                where = {"passage": passage, "language": language.value}
                return Change(
                    rows.document_columns(document),
                    {**where, "text": before},
                    {**where, "text": text},
                    target=workflow.after_translation(translation.anything_missing(document)),
                )

            return rows.submission_of(
                run(connection, actor, "translate", submission_id, decide, language=language)
            )

        return self._write(work)

    def suggestions(
        self, actor: Actor, submission_id: int, passage: str, language: Language | str
    ) -> builtins.list[memory.Suggestion]:
        """What issued documents offer for ``passage`` in ``language`` (the memory)."""
        passage = translation.passage_key(passage)
        lang = Language.parse(language)
        workflow.check("translate", actor, language=lang)

        def work(connection: Connection) -> builtins.list[memory.Suggestion]:
            doc = rows.document_of(visible(connection, actor, submission_id))
            original = next((p.original for p in passages(doc) if p.key == passage), None)
            if original is None or doc.language is None:
                raise NotFound(
                    "the document has no passage %(passage)s to translate", passage=passage
                )
            return memory.suggest(connection, original, doc.language, lang)

        return self._read(work)

    def preview(
        self, actor: Actor, submission_id: int, language: Language | str,
        drafts: Mapping[str, str] | None = None,
    ) -> ComposedVersion:
        """The ``language`` version as it would be composed with ``drafts`` (passage ->
        text not yet saved) over the saved translations; a passage with neither shows
        :data:`AWAITING`. Nothing is written."""
        lang = Language.parse(language)
        workflow.check("translate", actor, language=lang)
        doc = self._read(lambda c: rows.document_of(visible(c, actor, submission_id)))
        translations = {k: dict(v) for k, v in doc.translations.items()}
        for key in missing_translations(doc)[lang]:
            translations.setdefault(key, {})[lang] = AWAITING
        for key, text in (drafts or {}).items():
            if text.strip():
                translations.setdefault(translation.passage_key(key), {})[lang] = text
        return compose(replace(doc, translations=translations), lang)


def _assignment_of(row: Any) -> Assignment:
    return Assignment(
        row.submission_id, Language(row.language), row.translator, row.assigned_by,
        row.assigned_at,
    )


def _held(connection: Connection, submission_id: int) -> dict[Language, Assignment]:
    found = assignments.of(connection, [submission_id]).get(submission_id, {})
    return {Language(code): _assignment_of(row) for code, row in found.items()}
