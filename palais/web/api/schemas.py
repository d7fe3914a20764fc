"""Request bodies of the JSON API, as pydantic models (they make the OpenAPI schema).

A document record itself is not modelled here: its one contract is
:mod:`palais.records`, which the registry applies and whose errors name the bad
field, so the API takes a record as a JSON object and hands it on.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from palais.languages import Language
from palais.symbols import ModifierKind


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RecordBody(_Body):
    record: dict[str, Any] = Field(description="A document record (see palais.records)")


class Credentials(_Body):
    username: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=1, max_length=1000)


class TokenRequest(_Body):
    name: str = Field(min_length=1, max_length=200, description="What the token is for")
    days: int = Field(default=90, ge=1, le=365, description="Days until the token expires")
    grants: list[Literal["mint"]] = Field(
        default_factory=list, max_length=1,
        description="Beyond acting as the caller: 'mint' lets the token create tokens",
    )


class PasswordChange(_Body):
    current: str = Field(min_length=1, max_length=1000, description="The password now")
    new: str = Field(min_length=8, max_length=1000, description="The new password")


class TranslationBody(_Body):
    text: str = Field(min_length=1, max_length=100_000)


class ReasonBody(_Body):
    reason: str = Field(min_length=1, max_length=5_000)


class CorrectionBody(_Body):
    paragraph: int = Field(ge=1, le=10_000, description="The paragraph corrected (from 1)")
    new: str = Field(min_length=1, max_length=100_000, description="What it should read")
    old: str | None = Field(
        default=None, min_length=1, max_length=10_000,
        description="The words replaced in it; the whole paragraph when omitted",
    )


class NewVersionBody(_Body):
    kind: ModifierKind = Field(description="Corr (corrigendum), Rev (revision) or Add (addendum)")
    corrections: list[CorrectionBody] = Field(
        default_factory=list, max_length=50,
        description="A corrigendum's corrections, in the cover's language",
    )
    paragraphs: list[str] = Field(
        default_factory=list, max_length=1_000,
        description="An addendum's own text, or a revision's whole text, one paragraph each",
    )
    title: str | None = Field(
        default=None, max_length=5_000, description="A revision's new title, if it changes"
    )


class SessionBody(_Body):
    number: int = Field(ge=1, le=999, description="Session number")
    special: bool = Field(default=False, description="A special session (S-<n>)")
    opening: date = Field(description="Opening date, as printed on covers")
    closing: date = Field(description="Closing date, as printed on covers")
    actual_closing: date | None = Field(
        default=None, description="The date the session really closed, where it differs"
    )


class AssignmentBody(_Body):
    translator: str | None = Field(
        default=None, max_length=200,
        description="The user name of a translator into the language; null: nobody",
    )


__all__ = [
    "AssignmentBody",
    "CorrectionBody",
    "Credentials",
    "Language",
    "NewVersionBody",
    "ReasonBody",
    "RecordBody",
    "SessionBody",
    "TokenRequest",
    "TranslationBody",
]
