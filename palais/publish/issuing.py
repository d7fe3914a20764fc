"""Issuing a document: the moment a registered submission becomes public.

Issuing is all or nothing, and what is published is what was composed from the
record that is issued. Every language version is composed and rendered in
every format first, in one pass (:func:`palais.compose.compose_bundle`),
because composition is where things fail (a missing translation, a template
error); then one transition of the registry checks the bundle against the
stored record under the row lock, stores every file and text, writes one audit
entry and the change record. The search index follows the change record right
after, in the same request; had the process died between the two, the next
catch-up would apply it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from palais.compose import compose_bundle
from palais.publish.following import IndexFollower
from palais.registry import Actor, IssuedDocument, Registry, Submission, workflow


def issue_document(
    registry: Registry,
    actor: Actor,
    submission_id: int,
    *,
    follower: IndexFollower | None = None,
    today: date | None = None,
) -> IssuedDocument:
    """Compose the submission as it is now, issue it with that bundle, update the index."""
    workflow.check("issue", actor)  # a role that may never issue learns it before composing
    submission = registry.get(actor, submission_id)
    workflow.check("issue", actor, submission.state)
    bundle = compose_bundle(submission.document, today or date.today())
    issued = registry.issue(actor, submission_id, bundle)
    if follower is not None:
        follower.catch_up()
    return issued


def reissue_document(
    registry: Registry,
    actor: Actor,
    submission_id: int,
    *,
    follower: IndexFollower | None = None,
    today: date | None = None,
) -> Submission:
    """Reissue an issued document for technical reasons today: composed again with its
    dated note, under its symbol and the date it was first issued, its files replaced."""
    workflow.check("reissue", actor)
    submission = registry.get(actor, submission_id)
    workflow.check("reissue", actor, submission.state)
    on = today or date.today()
    first = submission.issued_at.date() if submission.issued_at else on
    bundle = compose_bundle(replace(submission.document, reissued_on=on), first)
    reissued = registry.reissue(actor, submission_id, on, bundle)
    if follower is not None:
        follower.catch_up()
    return reissued
