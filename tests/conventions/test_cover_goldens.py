"""Golden test: cover blocks read on real UN documents, reproduced for their date.

Each case in tests/fixtures/conventions/cover_goldens.yaml names the document it
was read on and where; palais must print those lines for a cover of that date.
Periods covered: 2006-2008 (capitals, hyphens, Spanish words, resumed parts),
2009-2016 (no dates line), 2017 onwards, and session 43 before and after it
resumed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from palais.conventions import cover_lines, load_calendar, parts_range, session_line

ALL_CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parents[1] / "fixtures" / "conventions" / "cover_goldens.yaml").read_text(
        "utf-8"
    )
)
CASES = [c for c in ALL_CASES if c.get("kind", "cover") == "cover"]
DATES = [c for c in ALL_CASES if c.get("kind") == "dates"]
TITLES = [c for c in ALL_CASES if c.get("kind") == "title"]


@pytest.mark.parametrize("case", CASES, ids=[c["document"][:40] for c in CASES])
def test_cover_block_as_printed_on_the_document(case: dict[str, Any]) -> None:
    assert case["source"], "every golden names the document it was read on"
    lines = cover_lines(case["session"], case["lang"], on=case["cover_date"], items=case["items"],
                        special=case.get("special", False))
    printed = lines.lines()
    expected = [str(line) for line in case["lines"]]
    if case["complete"]:
        assert sorted(printed) == sorted(expected)
    else:
        assert set(expected) <= set(printed), (expected, printed)
    if "dates_printed" in case:
        assert (lines.dates is not None) is case["dates_printed"]


@pytest.mark.parametrize("case", DATES, ids=[c["document"][:40] for c in DATES])
def test_session_dates_as_printed(case: dict[str, Any]) -> None:
    """The dates of a session as UN documents of that date print them (a session met
    in parts, the Spanish "y" between its parts)."""
    day = case["cover_date"]
    parts = load_calendar().cover_parts(case["session"], day)
    assert [parts_range(parts, case["lang"], on=day)] == case["lines"]


@pytest.mark.parametrize("case", TITLES, ids=[c["document"][:50] for c in TITLES])
def test_session_line_and_dates_as_printed_on_a_title_page(case: dict[str, Any]) -> None:
    """The session's name and dates as the title page of a Council report to the General
    Assembly printed them, in the house style of its year (a Spanish "16º", French
    "1er", the Arabic double month names, a Russian minus sign in 2014, an English
    hyphen in 2017)."""
    assert case["source"], "every golden names the document it was read on"
    day = case["cover_date"]
    parts = load_calendar().cover_parts(case["session"], day)
    printed = [session_line(case["session"], case["lang"], on=day),
               parts_range(parts, case["lang"], on=day)]
    assert printed == [str(line) for line in case["lines"]]


def test_goldens_span_every_period() -> None:
    years = {c["cover_date"].year for c in CASES}
    assert years & set(range(2006, 2009)) and years & set(range(2009, 2017))
    assert years & set(range(2017, 2027))
    on_43 = sorted(c["cover_date"] for c in CASES if c["session"] == 43)
    assert len(on_43) == 2 and on_43[0].month == 3 and on_43[1].month > 6


def test_a_2012_cover_has_no_dates_line() -> None:
    day = next(c["cover_date"] for c in CASES if c["cover_date"].year == 2012)
    lines = cover_lines(19, "en", on=day, items=[1])
    assert lines.dates is None


@pytest.mark.parametrize(
    "case",
    [c for c in CASES if c["complete"] and c["lang"] in ("en", "fr", "es", "ru")],
    ids=lambda c: c["document"][:40],
)
def test_the_parser_reads_every_period_back(case: dict[str, Any]) -> None:
    """A cover block of any period (capitals, words, hyphens, parts, no dates line) is
    read back to its session, agenda item and the span of dates it prints."""
    from palais.conventions import load_calendar
    from palais.parse import parse_text

    lines = cover_lines(case["session"], case["lang"], on=case["cover_date"], items=case["items"])
    doc = parse_text("\n".join(lines.lines()) + "\n")
    assert (doc.session, doc.agenda_items) == (case["session"], tuple(case["items"]))
    parts = load_calendar().cover_parts(case["session"], case["cover_date"])
    expected = (parts[0][0], parts[-1][1]) if lines.dates else None
    assert doc.session_dates == expected
    assert not [w for w in doc.warnings if "calendar" in w]
