"""The catalogues hold every message the code and the templates can show: a message
added to an error or a page without being extracted and translated fails here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from palais.errors import Conflict, PalaisError, phrase
from palais.languages import ALL, Language
from palais.web.ui.i18n import CATALOGUES, translations

ROOT = Path(__file__).resolve().parents[3]


def _ids(path: Path) -> set[object]:
    with path.open("rb") as po:
        return {m.id if isinstance(m.id, str) else tuple(m.id) for m in read_po(po) if m.id}


def test_the_template_is_what_extraction_finds_now(tmp_path: Path) -> None:
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract",
         "-F", "palais/web/i18n/babel.cfg", "-k", "_", "-k", "ngettext:1,2",
         "--no-location", "--sort-output", "-o", str(fresh), "."],
        cwd=ROOT, check=True, capture_output=True,
    )
    found = _ids(fresh)
    assert found - _ids(CATALOGUES / "messages.pot") == set()
    # The error messages are among them: a refusal of the workflow, a symbol's reason.
    assert "cannot %(action)s a submission in the state \"%(state)s\"; %(role)s may do so " \
           "only in the states: %(states)s" in found
    assert "numbers start at 1 and have no leading zero" in found


@pytest.mark.parametrize("lang", [lang for lang in ALL if lang is not Language.EN])
def test_an_error_reads_in_the_readers_language_with_its_phrases(lang: Language) -> None:
    error = Conflict(
        "cannot %(action)s a submission in the state \"%(state)s\"; %(role)s may do so "
        "only in the states: %(states)s",
        action=phrase("issue"), state=phrase("Submitted"), role=phrase("an officer"),
        states=(phrase("Registered"), phrase("In translation")),
    )
    gettext = translations(lang).gettext
    shown = error.translated(gettext)
    assert shown != error.detail
    for word in ("issue", "Submitted", "an officer", "Registered", "In translation"):
        assert gettext(word) in shown
    assert isinstance(error, PalaisError) and error.detail.startswith("cannot issue")
