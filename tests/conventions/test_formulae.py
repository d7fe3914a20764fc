"""Note-verbale formulae: the seeds' wording rebuilt from conventions data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from palais.conventions import (
    agenda_running,
    format_date,
    formulae,
    language_lexicon,
    language_name,
    session_ordinal,
    state_name,
)
from palais.languages import Language

SEEDS = Path(__file__).parents[1] / "fixtures" / "seeds"


def _seed_text(name: str) -> str:
    """The seed as one line of text (printed lines joined by single spaces)."""
    return " ".join((SEEDS / name).read_text(encoding="utf-8").split())


def _title(lang: Language, day: date) -> str:
    return formulae(lang).note_verbale_title.format(
        date=format_date(day, lang), state_of=state_name("AZE", lang, form="of")
    )


def _request(lang: Language, session: int) -> str:
    return formulae(lang).request_paragraph.format(
        session_ordinal=session_ordinal(session, lang, case="genitive"),
        agenda_item=agenda_running(4, lang),
    )


@pytest.mark.parametrize(
    ("seed", "lang", "day", "session"),
    [
        ("ru_a_hrc_41_2019.txt", Language.RU, date(2019, 6, 6), 41),
        ("fr_hrc_47_2021.txt", Language.FR, date(2021, 6, 8), 47),
    ],
)
def test_seed_title_footnote_and_request_tail(
    seed: str, lang: Language, day: date, session: int
) -> None:
    text = _seed_text(seed)
    assert _title(lang, day) in text
    assert formulae(lang).reproduced_footnote in text
    # The seeds' missions name themselves in full before the verb; from the verb
    # on the request is the formula.
    tail = _request(lang, session).split(" ", 2)[2]
    assert tail in text


def test_english_title_of_a_hrc_47_g_10() -> None:
    assert _title(Language.EN, date(2021, 6, 8)) == (
        "Note verbale dated 8 June 2021 from the Permanent Mission of Azerbaijan to the United "
        "Nations Office at Geneva addressed to the Office of the United Nations High Commissioner "
        "for Human Rights"
    )


@pytest.mark.parametrize("lang", list(Language))
def test_every_language_has_every_formula(lang: Language) -> None:
    wording = formulae(lang)
    assert wording.language is lang
    for name in ("distribution", "note_verbale_title", "opening", "request_paragraph",
                 "annex_heading", "annex_title", "reproduced_footnote"):
        assert getattr(wording, name)
    assert "{language}" in wording.original
    assert "{date}" in wording.note_verbale_title
    assert "{state_of}" in wording.note_verbale_title
    assert "{session_ordinal}" in wording.request_paragraph
    assert "{agenda_item}" in wording.request_paragraph
    assert set(dict(wording.confidence).values()) <= {"C", "C2", "I"}


def test_masthead_stays_english_in_russian_arabic_chinese() -> None:
    for lang in (Language.RU, Language.AR, Language.ZH):
        wording = formulae(lang)
        assert wording.masthead_language is Language.EN
        assert wording.original.format(
            language=language_name(Language.EN, wording.masthead_language)
        ) == "Original: English"
    french = formulae(Language.FR)
    assert french.original.format(language=language_name(Language.EN, Language.FR)) == (
        "Original : anglais"
    )


def test_language_names() -> None:
    assert language_name(Language.EN, Language.ZH) == "英文"
    assert language_name(Language.EN, Language.AR) == "الإنكليزية"
    assert language_name(Language.RU, Language.ES) == "ruso"
    lexicon = language_lexicon()
    assert lexicon["anglais"] is Language.EN and lexicon["英文"] is Language.EN
    assert lexicon["ingles"] is Language.EN
