"""Words inside an error's message (phrases) are translated with it."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from palais.errors import Conflict, PalaisError, phrase
from palais.languages import ALL, Language
from palais.web.ui.i18n import translations

ROOT = Path(__file__).resolve().parents[3]


def _ids(path: Path) -> set[object]:
    with path.open("rb") as po:
        return {m.id if isinstance(m.id, str) else tuple(m.id) for m in read_po(po) if m.id}


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
