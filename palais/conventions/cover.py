"""The cover block of a Council document as printed on a given date.

One function, :func:`cover_lines`, puts together what the other modules know:
the body line (in capitals on covers of 2006-2008), the session line (Spanish
numbers in words until 2008), the dates line (absent from covers of about
2009-2016; the parts of a resumed session once it has resumed; the dates a
session really met once it has closed), the agenda line and each item's title
(none before resolution 5/1's agenda). Both ``palais conventions session`` and
composition print these lines, so a cover and the command agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from palais.conventions.agenda import agenda_line, body_name, cover_agenda_title
from palais.conventions.calendar import Calendar, load_calendar
from palais.conventions.data import language
from palais.conventions.dates import parts_range
from palais.conventions.ordinals import session_line
from palais.conventions.style import value
from palais.languages import Language
from palais.model import Body

__all__ = ["CoverLines", "cover_lines"]


@dataclass(frozen=True, slots=True)
class CoverLines:
    """The lines of a cover block, top to bottom; None (or no titles) where not printed."""

    body: str
    session: str
    dates: str | None
    agenda: str | None
    titles: tuple[str, ...]

    def lines(self) -> list[str]:
        """The printed lines in order, leaving out those the cover does not print."""
        out = [self.body, self.session]
        out += [line for line in (self.dates, self.agenda) if line is not None]
        return out + list(self.titles)


def body_line(body: Body, lang: Language | str, on: date | None) -> str:
    """The body's name as a cover of ``on`` printed it ("HUMAN RIGHTS COUNCIL" in 2007)."""
    name = body_name(body, lang)
    return name.upper() if value("organ_case", lang, on, "as_written") == "upper" else name


def dates_printed(
    lang: Language | str, on: date | None, opening: date | None = None, special: bool = False
) -> bool:
    """Whether covers of ``on`` printed the session's dates under the session line
    (``opening``: the session's first day, for periods that printed them only once
    the session had opened; ``special``: a special session, whose covers printed
    their dates in years when regular sessions' covers did not)."""
    style = value("dates_line", lang, on, "printed")
    if special:
        style = value("special_dates_line", lang, on, style)
    if style == "from_opening":
        return opening is None or on is None or on >= opening
    return style == "printed"


def cover_lines(
    session: int,
    lang: Language | str,
    *,
    on: date | None = None,
    items: Sequence[int] = (),
    special: bool = False,
    body: Body = Body.HRC,
    calendar: Calendar | None = None,
) -> CoverLines:
    """The cover block for ``session`` in ``lang`` on a cover dated ``on`` (today when None).

    :class:`~palais.errors.UnknownSession` for a session the calendar does not hold,
    :class:`~palais.errors.UnknownAgendaItem` for an item not on the session's agenda.
    """
    lang = language(lang)
    day = on or date.today()
    calendar = calendar or load_calendar()
    held = calendar.session(session, special=special)
    dates = None
    if dates_printed(lang, day, held.opening, special):
        dates = parts_range(calendar.cover_parts(session, day, special=special), lang, on=day)
    number = None if special else session
    titles: tuple[str, ...] = ()
    if len(items) == 1:
        title = cover_agenda_title(items[0], lang, session=number, on=day)
        titles = (title,) if title else ()
    return CoverLines(
        body=body_line(body, lang, day),
        session=session_line(session, lang, special=special, on=day),
        dates=dates,
        agenda=agenda_line(items, lang, session=number) if items else None,
        titles=titles,
    )
