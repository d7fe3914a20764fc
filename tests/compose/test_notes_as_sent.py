"""The Council document made from a note as sent: title, paragraphs kept, parts dropped.

Each fixture note is composed in its own language and compared with its golden
text version; its English title is the one the conventions write; nothing of
the letterhead, reference, closing formula, date line or addressee block is
printed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from palais.compose import compose, render
from palais.compose.formulaic import standard_title, title_is_standard
from palais.languages import Language
from palais.model import Format
from palais.parse import parse_text, parse_tree
from tests.support.notes import NAMES, note_text

GOLDEN = Path(__file__).parent.parent / "fixtures" / "golden" / "compose" / "notes_as_sent"
ENGLISH_TITLES = {
    "ar_egy_annex_en": "Note verbale dated 10 September 2024 from the Permanent Mission of Egypt "
    "to the United Nations Office at Geneva addressed to the Office of the United Nations High "
    "Commissioner for Human Rights",
    "fr_sen_datetop": "Note verbale dated 8 June 2021 from the Permanent Mission of Senegal to "
    "the United Nations Office at Geneva addressed to the Office of the United Nations High "
    "Commissioner for Human Rights",
    "es_mex_onepara": "Note verbale dated 8 September 2023 from the Permanent Mission of Mexico "
    "to the United Nations Office at Geneva addressed to the Office of the United Nations High "
    "Commissioner for Human Rights",
    "ru_rus_refbelow": "Note verbale dated 6 March 2023 from the Permanent Mission of the Russian "
    "Federation to the United Nations Office at Geneva addressed to the Office of the United "
    "Nations High Commissioner for Human Rights",
    "zh_chn_noheading": "Note verbale dated 10 September 2024 from the Permanent Mission of China "
    "to the United Nations Office at Geneva addressed to the Office of the United Nations High "
    "Commissioner for Human Rights",
    "en_aze_wrapped": "Note verbale dated 20 February 2025 from the Permanent Mission of "
    "Azerbaijan to the United Nations Office at Geneva addressed to the Office of the United "
    "Nations High Commissioner for Human Rights",
    "en_ken_president_noannex": "Note verbale dated 3 July 2023 from the Permanent Mission of "
    "Kenya to the United Nations Office at Geneva addressed to the President of the Human Rights "
    "Council",
    "en_usa_newyork_questionnaire": "Note verbale dated 27 March 2024 from the Permanent Mission "
    "of the United States of America to the United Nations addressed to the Office of the United "
    "Nations High Commissioner for Human Rights",
}


def _cover_text(name: str) -> str:
    doc = parse_text(note_text(name))
    assert doc.language is not None
    return render(compose(doc, doc.language), Format.TXT).decode("utf-8")


@pytest.mark.parametrize("name", NAMES)
def test_cover_matches_its_golden_text(name: str) -> None:
    golden = (GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
    assert _cover_text(name) == golden


@pytest.mark.parametrize("name", sorted(ENGLISH_TITLES))
def test_english_title_is_the_un_title(name: str) -> None:
    doc = parse_text(note_text(name))
    title = doc.title if doc.language is Language.EN else (
        standard_title(doc, Language.EN) if title_is_standard(doc) else None)
    assert title == ENGLISH_TITLES[name]


@pytest.mark.parametrize("name", NAMES)
def test_nothing_dropped_is_printed_on_the_cover(name: str) -> None:
    doc = parse_text(note_text(name))
    version = compose(doc, doc.language or Language.EN)
    # The title names the date itself, so the printed text is read from below it.
    printed = " ".join(" ".join([*version.paragraphs, *(f.text for f in version.footnotes)])
                       .split())
    for kind, text in parse_tree(note_text(name)).tree.sent:
        if kind in ("closing", "reference", "date", "stamp"):
            assert " ".join(text.split()) not in printed, (kind, text)


@pytest.mark.parametrize("name", NAMES)
def test_cover_says_the_original_language_and_keeps_the_paragraphs(name: str) -> None:
    doc = parse_text(note_text(name))
    version = compose(doc, doc.language or Language.EN)
    assert doc.original_language is doc.language and version.original_line
    assert version.paragraphs == doc.paragraphs
    if doc.annexes:
        assert [f.marker for f in version.footnotes] == ["*"]


def test_a_translation_takes_the_title_from_the_conventions() -> None:
    doc = parse_text(note_text("ru_rus_refbelow"))
    from dataclasses import replace

    translated = replace(doc, translations={
        f"cover.paragraph.{n}": {lang: f"[{lang.value}] {n}" for lang in Language}
        for n in range(1, len(doc.paragraphs) + 1)
    })
    french = compose(translated, Language.FR)
    assert french.title.startswith("Note verbale datée du 6 mars 2023")
