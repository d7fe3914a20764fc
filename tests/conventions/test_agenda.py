"""The ten standing agenda items, the agenda line and body names, six languages."""

from __future__ import annotations

import pytest

from palais.conventions import agenda_item, agenda_line, agenda_running, agenda_title, body_name
from palais.errors import InvalidInput, UnknownAgendaItem
from palais.languages import Language
from palais.model import AgendaItem, Body

ITEMS = range(1, 11)

# English titles as printed in the annotated agenda A/HRC/27/1 and on covers.
ENGLISH = {
    1: "Organizational and procedural matters",
    4: "Human rights situations that require the Council’s attention",
    6: "Universal periodic review",
    10: "Technical assistance and capacity-building",
}


@pytest.mark.parametrize("lang", list(Language))
def test_every_item_has_a_title_and_a_line_in_every_language(lang: Language) -> None:
    titles = [agenda_title(n, lang) for n in ITEMS]
    assert all(t and t == t.strip() and "\n" not in t for t in titles)
    assert len(set(titles)) == 10
    for n in ITEMS:
        assert agenda_item(n) == AgendaItem(n)
        assert str(n) in agenda_line([n], lang)
        assert str(n) in agenda_running(n, lang)


@pytest.mark.parametrize(("number", "title"), ENGLISH.items())
def test_english_titles_as_printed(number: int, title: str) -> None:
    assert agenda_title(number, Language.EN) == title


def test_titles_confirmed_on_covers() -> None:
    # A/HRC/RES/51/7 covers (FR, RU, AR) and A/HRC/RES/53/7 (ES) print item 3.
    assert agenda_title(3, Language.FR).startswith("Promotion et protection de tous les droits")
    assert agenda_title(3, Language.ES).endswith("incluido el derecho al desarrollo")
    assert agenda_title(3, Language.RU).endswith("включая право на развитие")
    assert agenda_title(1, Language.ZH) == "组织和程序事项"


@pytest.mark.parametrize(
    ("lang", "one", "two", "three"),
    [
        (Language.EN, "Agenda item 4", "Agenda items 2 and 3", "Agenda items 2, 3 and 4"),
        (Language.FR, "Point 4 de l’ordre du jour", "Points 2 et 3 de l’ordre du jour",
         "Points 2, 3 et 4 de l’ordre du jour"),
        (Language.RU, "Пункт 4 повестки дня", "Пункты 2 и 3 повестки дня",
         "Пункты 2, 3 и 4 повестки дня"),
        (Language.ES, "Tema 4 de la agenda", "Temas 2 y 3 de la agenda",
         "Temas 2, 3 y 4 de la agenda"),
        # The dual for two items, as on A/65/L.78 (AR): "البندان 13 و 115 من جدول الأعمال".
        (Language.AR, "البند 4 من جدول الأعمال", "البندان 2 و 3 من جدول الأعمال",
         "البنود 2، 3 و 4 من جدول الأعمال"),
        (Language.ZH, "议程项目4", "议程项目2和3", "议程项目2、3和4"),
    ],
)
def test_agenda_lines(lang: Language, one: str, two: str, three: str) -> None:
    assert agenda_line([4], lang) == one
    assert agenda_line([2, 3], lang) == two
    assert agenda_line([2, 3, 4], lang) == three


@pytest.mark.parametrize("bad", [0, 11, -1, True])
def test_unknown_items_are_refused(bad: int) -> None:
    with pytest.raises(UnknownAgendaItem):
        agenda_title(bad, Language.EN)
    with pytest.raises(UnknownAgendaItem):
        agenda_line([4, bad], Language.EN)


def test_empty_agenda_line_is_refused() -> None:
    with pytest.raises(UnknownAgendaItem):
        agenda_line([], Language.EN)


def test_body_names() -> None:
    assert body_name(Body.HRC, Language.RU) == "Совет по правам человека"
    assert body_name("hrc", "fr") == "Conseil des droits de l’homme"
    assert body_name(Body.GA, Language.ES) == "Asamblea General"
    with pytest.raises(InvalidInput, match="CCPR"):
        body_name(Body.CCPR, Language.EN)
