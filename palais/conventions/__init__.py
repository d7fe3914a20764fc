"""UN editorial conventions for Human Rights Council documents, as data.

Every fact (session dates, agenda titles, how a session or a date is printed,
the wording of a note verbale, the names of States) lives in a YAML file of
``palais/conventions/data/``, one file per concern, the six languages side by
side and each fact with its source. The modules here only look facts up and
put them together; Babel (CLDR) supplies what it already knows in the UN's
form (month names, most country and language names).

    sessions.yaml  -> calendar   load_calendar, Calendar (cover_parts: parts, dates met)
    cover_style.yaml -> style    the cover style in force on a date (periods.select)
    (all of them)  -> cover      cover_lines: the cover block as printed on a date
    agenda.yaml    -> agenda     agenda_item, agenda_title, agenda_line, body_name
    ordinals.yaml  -> ordinals   session_line, session_ordinal, read_ordinal
    dates.yaml     -> dates      format_date, date_range, month_lexicon
    formulae.yaml  -> formulae   formulae, Formulae, language_name, language_lexicon
    states.yaml    -> states     state_name, find_state, states
    masthead.yaml  -> masthead   organization_name, organ_name
"""

from __future__ import annotations

from palais.conventions.agenda import (
    agenda_item,
    agenda_line,
    agenda_running,
    agenda_title,
    body_name,
)
from palais.conventions.calendar import Calendar, Span, load_calendar, parse_span
from palais.conventions.cover import CoverLines, cover_lines
from palais.conventions.dates import (
    date_range,
    format_date,
    month_lexicon,
    month_names,
    parts_range,
)
from palais.conventions.formulae import Formulae, formulae, language_lexicon, language_name
from palais.conventions.masthead import organ_name, organization_name
from palais.conventions.ordinals import (
    ordinal_lexicon,
    read_chinese_numeral,
    read_ordinal,
    session_line,
    session_ordinal,
)
from palais.conventions.states import (
    alpha2,
    alpha3,
    find_state,
    fold,
    is_observer,
    state_name,
    states,
)
from palais.conventions.style import parts_joiners

__all__ = [
    "Calendar",
    "CoverLines",
    "Formulae",
    "Span",
    "agenda_item",
    "agenda_line",
    "agenda_running",
    "agenda_title",
    "alpha2",
    "alpha3",
    "body_name",
    "cover_lines",
    "date_range",
    "find_state",
    "fold",
    "format_date",
    "formulae",
    "is_observer",
    "language_lexicon",
    "language_name",
    "load_calendar",
    "month_lexicon",
    "month_names",
    "ordinal_lexicon",
    "organ_name",
    "organization_name",
    "parse_span",
    "parts_joiners",
    "parts_range",
    "read_chinese_numeral",
    "read_ordinal",
    "session_line",
    "session_ordinal",
    "state_name",
    "states",
]
