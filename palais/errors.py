"""One exception tree for all of palais.

Every error a user can cause is a :class:`PalaisError`. Each class knows the HTTP
status the web edge answers with and the exit code the CLI ends with, so the
adapters translate errors in one place and the core never imports either::

    PalaisError                      400 / exit 1
    ├── InvalidInput                 422 / exit 2   bad value from a user or a file
    │   ├── UnknownLanguage
    │   ├── InvalidSymbol
    │   ├── UnknownSession
    │   ├── UnknownAgendaItem
    │   ├── UnknownState
    │   │   └── MissingStateForm     a State's name in a form the conventions lack
    │   └── InvalidRecord            a record (JSON) that does not fit the model
    ├── ParseError                   422 / exit 3   input that is no document at all
    ├── CompositionError             422 / exit 4
    │   └── MissingTranslation       lists the languages and passages awaiting translation
    ├── NotFound                     404 / exit 5
    ├── Conflict                     409 / exit 6   state machine refusal, duplicate, race lost
    │   └── UnconfirmedDuplicate     registering a likely duplicate without saying so
    ├── PermissionDenied             403 / exit 7
    ├── NotAuthenticated             401 / exit 7
    ├── PayloadTooLarge              413 / exit 2
    ├── TooManyRequests              429 / exit 1   login attempts throttled (Retry-After)
    └── StorageUnavailable           507 / exit 8   data folder read-only or full
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import ClassVar


class PalaisError(Exception):
    """Base of every error palais raises on purpose."""

    http_status: ClassVar[int] = 400
    exit_code: ClassVar[int] = 1
    title: ClassVar[str] = "Request could not be processed"

    def __init__(self, detail: str, /, **params: object) -> None:
        """``detail`` is English with ``%(name)s`` placeholders filled from ``params``.

        Keeping the message and its values apart lets a page say the same thing
        in the reader's language (:meth:`translated`) while logs, the CLI and the
        API's default stay in the English the code was written in.
        """
        self.message = detail
        self.params = params
        self.detail = detail % params if params else detail
        super().__init__(self.detail)

    def translated(self, gettext: Callable[[str], str]) -> str:
        """The detail in the language of ``gettext``'s catalogue (English when it lacks one)."""
        message = gettext(self.message)
        return message % self.params if self.params else message

    @property
    def type_slug(self) -> str:
        """A stable kebab-case name, used as the RFC 9457 problem ``type``."""
        name = type(self).__name__
        return "".join("-" + c.lower() if c.isupper() else c for c in name).lstrip("-")


class InvalidInput(PalaisError):
    """A value given by a user or read from a file is not acceptable."""

    http_status = 422
    exit_code = 2
    title = "Invalid input"


class UnknownLanguage(InvalidInput):
    """A language code that is not one of the six UN official languages."""

    def __init__(self, value: str) -> None:
        super().__init__(
            f"unknown language {value!r}: expected one of ar, zh, en, fr, ru, es"
        )
        self.value = value


class InvalidSymbol(InvalidInput):
    """A string that is not a valid UN document symbol; ``reason`` says which part."""

    def __init__(self, symbol: str, reason: str) -> None:
        super().__init__(f"invalid document symbol {symbol!r}: {reason}")
        self.symbol = symbol
        self.reason = reason


class UnknownSession(InvalidInput):
    """A session number that the session calendar does not hold."""


class UnknownAgendaItem(InvalidInput):
    """An agenda item number outside the body's agenda."""


class UnknownState(InvalidInput):
    """A State or observer that is not known (by ISO 3166-1 alpha-3 code or name)."""


class MissingStateForm(UnknownState):
    """The State is known, but the conventions hold no name of it in the form asked for.

    A Russian genitive or a French article that the data lacks is refused
    rather than guessed; composition turns this into a passage for a translator.
    """


class InvalidRecord(InvalidInput):
    """A document record (e.g. RECORD.json) that does not fit the domain model."""


class ParseError(PalaisError):
    """Input that is no document at all: empty, undecodable, or of an unknown format.

    Anything that *is* a document, however odd, parses to a record with warnings.
    """

    http_status = 422
    exit_code = 3
    title = "Not a readable document"


class CompositionError(PalaisError):
    """A language version could not be composed."""

    http_status = 422
    exit_code = 4
    title = "Document could not be composed"


class MissingTranslation(CompositionError):
    """Passages of free text lack a translation into one or more languages.

    ``missing`` maps each language code to the passage names that await a
    translator, so a user (or the registry's translation queue) knows exactly
    what to supply. palais never invents or machine-translates such text.
    """

    title = "Translation missing"

    def __init__(self, missing: Mapping[str, Sequence[str]]) -> None:
        parts = [f"{lang}: {', '.join(passages)}" for lang, passages in sorted(missing.items())]
        super().__init__("translation missing for " + "; ".join(parts))
        self.missing = {lang: tuple(passages) for lang, passages in missing.items()}


class NotFound(PalaisError):
    """The thing asked for does not exist (or is not visible to the caller)."""

    http_status = 404
    exit_code = 5
    title = "Not found"


class Conflict(PalaisError):
    """The request contradicts the current state (workflow, duplicate, lost race)."""

    http_status = 409
    exit_code = 6
    title = "Conflict"


class UnconfirmedDuplicate(Conflict):
    """The submission repeats one its mission already sent; registering it needs the
    officer's explicit confirmation (``duplicates`` names the earlier submissions)."""

    title = "Possible duplicate"

    def __init__(self, submission_id: int, duplicates: Sequence[int]) -> None:
        super().__init__(
            "submission %(id)s repeats submission(s) %(others)s of the same mission; "
            "confirm that it is no duplicate to register it",
            id=submission_id, others=", ".join(str(d) for d in duplicates),
        )
        self.duplicates = tuple(duplicates)


class PermissionDenied(PalaisError):
    """The caller is known but may not do this."""

    http_status = 403
    exit_code = 7
    title = "Forbidden"


class NotAuthenticated(PalaisError):
    """The caller did not prove who they are."""

    http_status = 401
    exit_code = 7
    title = "Authentication required"


class PayloadTooLarge(PalaisError):
    """An upload larger than the configured limit."""

    http_status = 413
    exit_code = 2
    title = "Payload too large"


class TooManyRequests(PalaisError):
    """Too many failed logins for one account or from one address: wait and try again."""

    http_status = 429
    exit_code = 1
    title = "Too many requests"

    def __init__(self, detail: str, retry_after: int) -> None:
        super().__init__(detail)
        self.retry_after = retry_after


class StorageUnavailable(PalaisError):
    """The store cannot be written: its folder is read-only, full, or missing."""

    http_status = 507
    exit_code = 8
    title = "Storage unavailable"
