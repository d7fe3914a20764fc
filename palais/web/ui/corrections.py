"""The officer's page for a corrigendum, an addendum or a revision of an issued document.

It is reached from the issued document's page (the button shows only to those
the workflow lets start one). The form shows the original's paragraphs,
numbered as a corrigendum cites them; a corrigendum's form starts with
:data:`ROWS` corrections (a paragraph that should read otherwise, or words
replaced in it) and "Add a correction" gives it one more, everything typed
kept, up to the registry's limit; an addendum its own text, a revision the whole text,
prefilled with the original's. A refusal comes back on the form, in the page's
language, next to the field it concerns, with everything typed kept. Once made,
the new version opens in the secretariat's editor, where it is translated and
issued like any other document. The same page reissues the document itself for
technical reasons (same symbol, its files composed again with the dated note).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from palais.errors import InvalidRecord, InvalidSymbol
from palais.model import Correction
from palais.publish.issuing import reissue_document
from palais.registry import workflow
from palais.registry.corrections import (
    MAX_CORRECTIONS,
    VersionRefused,
    VersionRequest,
    possible_kinds,
)
from palais.symbols import ModifierKind, Symbol
from palais.web.ui.access import SECRETARIAT, require
from palais.web.ui.i18n import negotiate, translations
from palais.web.ui.rendering import render

router = APIRouter(prefix="/secretariat")

Officer = Annotated[Any, Depends(require(SECRETARIAT))]

ROWS = 3
"""Corrections a corrigendum's form starts with."""

def may_start(actor: Any, issued: Any) -> bool:
    """Whether ``actor`` may start a new version of ``issued`` (the document page shows
    the button only then): the workflow lets them, and its symbol can take one."""
    role = getattr(actor, "role", None)
    allowed = workflow.RULES["new_version"].allowed.get(role) if role is not None else None
    state, symbol = getattr(issued, "state", None), getattr(issued, "symbol", None)
    return (
        allowed is not None and state in allowed
        and isinstance(symbol, Symbol) and bool(possible_kinds(symbol))
    )


@dataclass
class _Form:
    """What the officer typed, by field name, and the message next to each bad field."""

    kind: ModifierKind
    values: dict[str, str]
    errors: dict[str, str]
    rows: int = ROWS
    added: bool = False  # a row was just added: the page puts the cursor in it


@router.get("/versions/{path:path}")
def form(request: Request, actor: Officer, path: str, kind: str = "Corr") -> Response:
    issued = request.app.state.registry.document(Symbol.parse(path), actor=actor)
    chosen = _kind(kind, issued.symbol)
    values = _prefilled(issued.document, chosen)
    return _page(request, issued, _Form(chosen, values, {}))


@router.post("/reissue/{path:path}")
def reissue(request: Request, actor: Officer, path: str) -> Response:
    """Reissue the document for technical reasons today, then show its page."""
    registry = request.app.state.registry
    symbol = Symbol.parse(path)
    reissue_document(
        registry, actor, registry.issued_id(actor, symbol), follower=request.app.state.follower
    )
    return RedirectResponse(f"/documents/{symbol}", status_code=303)


@router.post("/versions/{path:path}")
async def start(request: Request, actor: Officer, path: str) -> Response:
    """Start the version, or show the form again saying what to correct."""
    posted = await request.form()
    values = {name: str(value) for name, value in posted.items() if name != "csrf_token"}
    registry = request.app.state.registry
    issued = await run_in_threadpool(registry.document, Symbol.parse(path), actor)
    typed = _Form(_kind(values.get("kind", ""), issued.symbol), values, {}, _rows(values))
    if "more" in values:  # "Add a correction": the same form, one row longer
        typed.rows, typed.added = min(typed.rows + 1, MAX_CORRECTIONS), True
        return await run_in_threadpool(_page, request, issued, typed)
    gettext = translations(negotiate(request)).gettext
    version, rows = _request(typed, gettext)
    if typed.errors:
        return await run_in_threadpool(_page, request, issued, typed, 422)
    try:
        made = await run_in_threadpool(registry.start_version_of, actor, issued.symbol, version)
    except VersionRefused as exc:
        typed.errors[_field(exc.field, rows)] = _refusal(exc, typed.kind, gettext)
        return await run_in_threadpool(_page, request, issued, typed, 422)
    except InvalidSymbol:
        typed.errors["kind"] = gettext(
            "A document with this symbol cannot take this kind of version: "
            "start it from the original document."
        )
        return await run_in_threadpool(_page, request, issued, typed, 422)
    return RedirectResponse(f"/secretariat/submissions/{made.id}", status_code=303)


def _rows(values: dict[str, str]) -> int:
    """The rows the posted form had (ROWS when it says nothing that reads)."""
    given = values.get("rows", "")
    return min(max(int(given), ROWS), MAX_CORRECTIONS) if given.isdigit() else ROWS


def _kind(value: str, symbol: Symbol) -> ModifierKind:
    """The kind asked for, if the symbol can take it, else the first it can take (the
    registry refuses a symbol that can take none)."""
    kinds = possible_kinds(symbol)
    try:
        kind = ModifierKind(value)
    except ValueError:
        kind = ModifierKind.CORRIGENDUM
    return kind if kind in kinds or not kinds else kinds[0]


def _prefilled(document: Any, kind: ModifierKind) -> dict[str, str]:
    """A revision starts from the original's text and title; the others from nothing."""
    if kind is ModifierKind.REVISION:
        return {"text": "\n\n".join(document.paragraphs), "title": document.title or ""}
    return {}


def _request(typed: _Form, gettext: Any) -> tuple[VersionRequest, list[int]]:
    """The registry's request from the form, and the form row of each correction; a
    row half filled gets its message here (the registry checks the rest)."""
    if typed.kind is not ModifierKind.CORRIGENDUM:
        text = typed.values.get("text", "")
        paragraphs = tuple(p.strip() for p in text.replace("\r\n", "\n").split("\n\n"))
        title = typed.values.get("title") if typed.kind is ModifierKind.REVISION else None
        return VersionRequest(typed.kind, paragraphs=paragraphs, title=title), []
    corrections, rows = [], []
    for row in range(1, typed.rows + 1):
        number = typed.values.get(f"paragraph_{row}", "").strip()
        old = typed.values.get(f"old_{row}", "").strip()
        new = typed.values.get(f"new_{row}", "").strip()
        if not (number or old or new):
            continue
        if not number.isdigit():
            typed.errors[f"paragraph_{row}"] = gettext("Choose the paragraph to correct.")
        elif not new:
            typed.errors[f"new_{row}"] = gettext("Write what the paragraph should read.")
        else:
            try:
                corrections.append(Correction(int(number), new, old or None))
            except InvalidRecord:
                typed.errors[f"paragraph_{row}"] = gettext("Choose the paragraph to correct.")
                continue
            rows.append(row)
    return VersionRequest(typed.kind, corrections=tuple(corrections)), rows


def _field(field: str, rows: list[int]) -> str:
    """The form field a registry refusal names ("corrections[0].old" -> "old_1")."""
    if field.startswith("corrections[") and rows:
        index = int(field[len("corrections[") : field.index("]")])
        part = field.rsplit(".", 1)[-1]
        return f"{part}_{rows[index]}"
    return "text" if field.startswith("paragraphs") else "kind"


def _refusal(exc: VersionRefused, kind: ModifierKind, gettext: Any) -> str:
    """The registry's reason, in the page's language."""
    params = exc.params
    messages = {
        "no_correction": gettext("Write at least one correction."),
        "no_such_paragraph": gettext("The original has no paragraph %(number)s.") % params
        if "number" in params else "",
        "words_not_found": gettext(
            "Paragraph %(number)s of the original does not contain these words."
        ) % params if "number" in params else "",
        "no_text": gettext("Write the text of the new version."),
        "too_long": gettext("This text is longer than %(limit)s characters.") % params
        if "limit" in params else "",
        "too_many": gettext("Write at most %(limit)s corrections.") % params
        if "limit" in params else "",
    }
    if exc.code == "unchanged":
        if kind is ModifierKind.REVISION:
            return str(gettext("The revision changes nothing: this is the original's text."))
        return str(gettext("Paragraph %(number)s already reads so.") % params)
    return str(messages.get(exc.code) or exc.detail)


def _page(request: Request, issued: Any, typed: _Form, status: int = 200) -> Response:
    return render(
        request,
        "secretariat/version.html",
        {
            "issued": issued,
            "document": issued.document,
            "kind": typed.kind.value,
            "kinds": [k.value for k in possible_kinds(issued.symbol)],
            "rows": range(1, typed.rows + 1),
            "more": typed.rows < MAX_CORRECTIONS,
            "added": typed.added,
            "values": typed.values,
            "errors": typed.errors,
        },
        status=status,
    )
