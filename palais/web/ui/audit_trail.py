"""A submission's audit trail as the secretariat reads it: who did what, when, and for
each field that changed, what it was before and what it became, all in words.

The registry keeps each entry's before and after as data (field -> value, in the
record's codes); this module only names them in the reader's language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from palais.languages import Language
from palais.web.ui.i18n import translations
from palais.web.ui.record_form import field_labels
from palais.web.ui.words import Words

LONGEST = 240  # characters of a long value (a paragraph) shown before "…"
# Not shown: digests and ids, and the list of States the record keeps beside its one
# sender (it follows the sender field, shown itself).
HIDDEN = frozenset({"sha256", "submission_id", "sender_states"})


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class AuditRow:
    at: Any
    moment: str
    actor: str
    action: str
    changes: tuple[Change, ...]
    context: tuple[Change, ...] = ()


def _actions(_: Callable[[str], str]) -> dict[str, str]:
    return {
        "submit": _("Submitted"), "edit": _("Edited"), "register": _("Registered"),
        "translate": _("Translation saved"), "issue": _("Issued"), "reject": _("Rejected"),
        "withdraw": _("Withdrawn"), "new_version": _("New version started"),
        "versioned": _("New version started"), "import": _("Imported"),
    }


def _other_labels(_: Callable[[str], str]) -> dict[str, str]:
    return {
        "state": _("Status"), "file": _("File"), "reason": _("Reason"),
        "passage": _("Passage"), "text": _("Text"), "issued_at": _("Issued on"),
        "files": _("Files"), "kind": _("Kind"), "version": _("Version"),
        "sender_states": _("States"), "doc_type": _("Document type"), "annexes": _("Annexes"),
        "translations": _("Translations"), "warnings": _("Points to check"),
        "body": _("Body"), "parts": _("Parts"),
    }


def audit_rows(entries: Sequence[Any], lang: Language) -> list[AuditRow]:
    """The entries, oldest first, each with its changes named in ``lang``."""
    gettext = translations(lang).gettext
    words = Words(lang, gettext)
    labels = {**_other_labels(gettext), **field_labels(gettext)}
    actions = _actions(gettext)
    rows = []
    for entry in entries:
        before: Mapping[str, Any] = entry.before or {}
        after: Mapping[str, Any] = entry.after or {}
        names = [k for k in after if k not in HIDDEN]
        names += [k for k in before if k not in after and k not in HIDDEN]
        shown = [
            Change(labels.get(k, k), _shown(k, before.get(k), words),
                   _shown(k, after.get(k), words))
            for k in names
            if before.get(k) not in (None, "", []) or after.get(k) not in (None, "", [])
        ]
        # What an action names without changing it (the passage and language of a
        # translation) is said once, beside the action.
        changes = tuple(c for c in shown if c.before != c.after)
        context = tuple(c for c in shown if c.before == c.after)
        rows.append(AuditRow(
            entry.at, words.moment(entry.at), entry.actor,
            actions.get(entry.action, entry.action), changes, context,
        ))
    return rows


def _shown(name: str, value: Any, words: Words) -> str:
    """One value in words: a state, session, agenda, date, State or language by name."""
    if value is None or value == "" or value == []:
        return "—"
    named: dict[str, Callable[[Any], str]] = {
        "state": words.state, "session": words.session, "agenda_items": words.agenda,
        "doc_date": words.day, "sender_state": words.country, "language": words.language,
        "original_language": words.language, "doc_type": words.kind,
        "issued_at": words.moment,
        "sender_states": lambda v: ", ".join(words.country(c) for c in v),
        "files": lambda v: str(len(v)),
    }
    if name in named:
        text = named[name](value) or str(value)
    elif isinstance(value, list):
        text = " / ".join(str(v) for v in value)
    elif isinstance(value, dict):
        text = str(len(value))
    else:
        text = str(value)
    return text if len(text) <= LONGEST else text[: LONGEST - 1] + "…"
