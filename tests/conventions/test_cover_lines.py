"""Golden test: the header lines of both seed covers, from the conventions data alone.

The seeds are real UN documents (tests/fixtures/seeds/): the Russian version of
an A/HRC/41 note verbale (session 41, agenda item 4) and the French version of a
session-47 note verbale. Their first five printed lines must come out of the
conventions exactly, and the same five lines must exist in all six languages.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from palais.conventions import (
    agenda_line,
    agenda_title,
    body_name,
    date_range,
    load_calendar,
    session_line,
)
from palais.languages import Language
from palais.model import Body

SEEDS = Path(__file__).parents[1] / "fixtures" / "seeds"


def cover_lines(session: int, agenda: int, lang: Language) -> list[str]:
    """Body, session line, dates, agenda line, agenda title, as a cover prints them."""
    held = load_calendar().session(session)
    return [
        body_name(Body.HRC, lang),
        session_line(session, lang),
        date_range(held.opening, held.closing, lang),
        agenda_line([agenda], lang),
        agenda_title(agenda, lang),
    ]


def printed_header(seed: str) -> list[str]:
    """The seed's first lines up to the note's title, a wrapped title joined into one line."""
    lines = [" ".join(line.split()) for line in (SEEDS / seed).read_text("utf-8").splitlines()]
    lines = [line for line in lines if line]
    header, title = lines[:4], lines[4:6]
    return [*header, " ".join(title)]


@pytest.mark.parametrize(
    ("seed", "session", "agenda", "lang"),
    [
        ("ru_a_hrc_41_2019.txt", 41, 4, Language.RU),
        ("fr_hrc_47_2021.txt", 47, 4, Language.FR),
    ],
)
def test_seed_header_reproduced_exactly(
    seed: str, session: int, agenda: int, lang: Language
) -> None:
    assert cover_lines(session, agenda, lang) == printed_header(seed)


def test_russian_seed_lines_verbatim() -> None:
    assert cover_lines(41, 4, Language.RU) == [
        "Совет по правам человека",
        "Сорок первая сессия",
        "24 июня – 12 июля 2019 года",
        "Пункт 4 повестки дня",
        "Ситуации в области прав человека, требующие внимания со стороны Совета",
    ]


@pytest.mark.parametrize("lang", list(Language))
@pytest.mark.parametrize(("session", "agenda"), [(41, 4), (47, 4)])
def test_same_lines_exist_in_every_language(session: int, agenda: int, lang: Language) -> None:
    lines = cover_lines(session, agenda, lang)
    assert len(lines) == 5
    assert all(line and line == line.strip() for line in lines)
    assert len(set(lines)) == 5
    assert str(agenda) in lines[3]
