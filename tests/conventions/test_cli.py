"""``palais conventions``: the lines an editor checks by eye."""

from __future__ import annotations

from datetime import date

from typer.testing import CliRunner

from palais.cli import app

runner = CliRunner()


def test_session_41_in_russian_prints_the_cover_lines() -> None:
    # The seed's cover is dated 6 June 2019 (tests/fixtures/seeds/ru_a_hrc_41_2019.txt).
    result = runner.invoke(
        app, ["conventions", "session", "41", "--lang", "ru", "--on", "2019-06-06"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Совет по правам человека",
        "Сорок первая сессия",
        "24 июня – 12 июля 2019 года",
        "Пункт 4 повестки дня",
        "Ситуации в области прав человека, требующие внимания со стороны Совета",
    ]


def test_session_in_all_languages_with_two_items() -> None:
    result = runner.invoke(
        app, ["conventions", "session", "47", "-i", "2", "-i", "3", "--on", "2021-06-08"]
    )
    assert result.exit_code == 0, result.output
    assert "[ar]" in result.output and "[es]" in result.output
    assert "Agenda items 2 and 3" in result.output
    assert "21 June–9 July 2021" in result.output


def test_unknown_session_and_language_are_clear_errors() -> None:
    result = runner.invoke(app, ["conventions", "session", "400"])
    assert result.exit_code == 2
    assert "not in the Human Rights Council calendar" in result.output
    result = runner.invoke(app, ["conventions", "session", "41", "--lang", "de"])
    assert result.exit_code == 2
    assert "unknown language" in result.output


def test_states_dates_agenda_sessions_formulae() -> None:
    states = runner.invoke(app, ["conventions", "states", "--lang", "fr"])
    assert "IRN  Iran (République islamique d’)" in states.output
    assert "PSE  État de Palestine *" in states.output
    genitive = runner.invoke(app, ["conventions", "states", "-l", "ru", "--form", "genitive"])
    assert "AZE  Азербайджана" in genitive.output
    dates = runner.invoke(app, ["conventions", "date", "2019-06-24", "2019-07-12", "-l", "fr"])
    assert dates.output.strip() == "fr  24 juin-12 juillet 2019"
    bad = runner.invoke(app, ["conventions", "date", "24/06/2019"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output
    agenda = runner.invoke(app, ["conventions", "agenda", "-l", "en"])
    assert len(agenda.output.splitlines()) == 10
    sessions = runner.invoke(app, ["conventions", "sessions"])
    assert "47   2021-06-21 2021-07-09  (closed 2021-07-14)" in sessions.output
    wording = runner.invoke(app, ["conventions", "formulae", "-l", "en"])
    assert "reproduced_footnote [C]: Reproduced as received" in wording.output


def test_help_lists_the_group() -> None:
    result = runner.invoke(app, ["--help"])
    assert "conventions" in result.output


def test_on_a_date_of_the_period_without_dates_prints_no_dates_line() -> None:
    """A/HRC/DEC/19/119 (25 April 2012) prints body, session, agenda item and title only."""
    result = runner.invoke(
        app, ["conventions", "session", "19", "--lang", "en", "-i", "1", "--on", "2012-04-25"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Human Rights Council",
        "Nineteenth session",
        "Agenda item 1",
        "Organizational and procedural matters",
    ]


def test_on_defaults_to_today_and_a_bad_date_is_refused() -> None:
    today = runner.invoke(app, ["conventions", "session", "41", "--lang", "ru"])
    dated = runner.invoke(
        app, ["conventions", "session", "41", "--lang", "ru", "--on", date.today().isoformat()]
    )
    assert today.exit_code == dated.exit_code == 0
    assert today.output == dated.output
    bad = runner.invoke(app, ["conventions", "session", "41", "--on", "2019-13-01"])
    assert bad.exit_code == 2
    assert "YYYY-MM-DD" in bad.output
