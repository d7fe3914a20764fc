"""``palais conventions ...``: print what the conventions data says, for checking by eye.

Each command prints plain lines (one fact a line, in the order a cover prints
them), so that an editor can compare them with a real document.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from palais.cli.app import console, reports_errors
from palais.errors import InvalidInput
from palais.languages import Language

app = typer.Typer(
    help="UN editorial conventions: session lines, dates, agenda, States, formulae.",
    no_args_is_help=True,
)

LangOption = Annotated[
    str | None,
    typer.Option("--lang", "-l", help="ar, zh, en, fr, ru or es; all six when omitted."),
]


def _languages(lang: str | None) -> tuple[Language, ...]:
    return tuple(Language) if lang is None else (Language.parse(lang),)


def _print(line: str) -> None:
    console.print(line, markup=False, highlight=False, soft_wrap=True)


def _heading(lang: Language, several: bool) -> None:
    if several:
        _print(f"[{lang.value}]")


@app.command()
@reports_errors
def session(
    number: Annotated[int, typer.Argument(help="Session number.")],
    lang: LangOption = None,
    item: Annotated[
        list[int] | None,
        typer.Option("--item", "-i", help="Agenda item(s) for the agenda line (default 4)."),
    ] = None,
    special: Annotated[bool, typer.Option(help="A special session.")] = False,
    on: Annotated[
        str | None,
        typer.Option("--on", help="Date of the cover, YYYY-MM-DD (default: today)."),
    ] = None,
) -> None:
    """The header lines of a Council cover as a cover of that date printed them: body,
    session, dates (where the period printed them), agenda line and title."""
    from palais.conventions import cover_lines

    day = _iso(on) if on else date.today()
    items = item or [4]
    languages = _languages(lang)
    for i, each in enumerate(languages):
        if i:
            _print("")
        _heading(each, len(languages) > 1)
        for line in cover_lines(number, each, on=day, items=items, special=special).lines():
            _print(line)


@app.command()
@reports_errors
def sessions() -> None:
    """The session calendar: number, dates printed on covers, actual closing if it differs."""
    from palais.conventions import load_calendar

    for held in load_calendar().sessions():
        kind = "S-" if held.special else ""
        actual = f"  (closed {held.actual_closing})" if held.actual_closing else ""
        _print(f"{kind}{held.number:<4} {held.opening} {held.closing}{actual}")


@app.command()
@reports_errors
def agenda(lang: LangOption = None) -> None:
    """The ten standing agenda items with their titles."""
    from palais.conventions import agenda_line, agenda_title

    languages = _languages(lang)
    for i, each in enumerate(languages):
        if i:
            _print("")
        _heading(each, len(languages) > 1)
        for n in range(1, 11):
            _print(f"{agenda_line([n], each)}: {agenda_title(n, each)}")


@app.command("date")
@reports_errors
def date_command(
    start: Annotated[str, typer.Argument(help="A date, YYYY-MM-DD.")],
    end: Annotated[str | None, typer.Argument(help="End of a range, YYYY-MM-DD.")] = None,
    lang: LangOption = None,
) -> None:
    """A date, or a date range, as printed in each language."""
    from palais.conventions import date_range, format_date

    first, last = _iso(start), _iso(end) if end else None
    for each in _languages(lang):
        text = format_date(first, each) if last is None else date_range(first, last, each)
        _print(f"{each.value}  {text}")


def _iso(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput("not a date in the form YYYY-MM-DD: %(value)r", value=value) from None


@app.command()
@reports_errors
def states(
    lang: Annotated[str, typer.Option("--lang", "-l", help="Language of the names.")] = "en",
    form: Annotated[str, typer.Option(help="short, formal, of or genitive.")] = "short",
) -> None:
    """UN Member and observer States: ISO code and name (observers marked *)."""
    from palais.conventions import is_observer, state_name
    from palais.conventions import states as all_states
    from palais.errors import MissingStateForm

    language = Language.parse(lang)
    for party in all_states():
        try:
            name = state_name(party.iso3, language, form=form)
        except MissingStateForm:
            name = "-"
        mark = " *" if is_observer(party.iso3) else ""
        _print(f"{party.iso3}  {name}{mark}")


@app.command()
@reports_errors
def formulae(lang: LangOption = None) -> None:
    """The note-verbale formulae of each language, with their confidence marks."""
    from palais.conventions import formulae as formulae_of

    languages = _languages(lang)
    for i, each in enumerate(languages):
        if i:
            _print("")
        _heading(each, len(languages) > 1)
        wording = formulae_of(each)
        marks = dict(wording.confidence)
        for name in ("distribution", "original", "language_line", "note_verbale_title",
                     "opening", "request_paragraph", "annex_heading", "annex_title",
                     "reproduced_footnote"):
            mark = f" [{marks[name]}]" if name in marks else ""
            _print(f"{name}{mark}: {getattr(wording, name)}")
