"""Cover pages of other bodies and languages: synthetic fixtures modelled on UN layouts.

Each fixture under tests/fixtures/parse/ is a short cover written for these tests
(first-page block, session, agenda item, title, opening paragraphs); the expected
fields below are read off the fixture by a person.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from palais.parse import parse_text
from palais.records import to_record

FIXTURES = Path(__file__).parent.parent / "fixtures" / "parse"

EXPECTED = {
    "en_letter_sc.txt": dict(symbol="S/2015/123", body="SC", doc_type="letter",
                             doc_date="2015-02-18", sender_state="CHL", addressee="PSC",
                             language="en", original_language="en"),
    "es_nota_hrc.txt": dict(symbol="A/HRC/45/G/3", body="HRC", session=45,
                            session_dates=["2020-09-14", "2020-10-02"], agenda_items=[2],
                            doc_type="note_verbale", doc_date="2020-08-25", sender_state="KEN",
                            addressee="OHCHR", language="es", original_language="en"),
    "ar_letter_ga.txt": dict(symbol="A/74/555", body="GA", session=74, agenda_items=[70],
                             doc_type="letter", doc_date="2019-11-01", sender_state="QAT",
                             addressee="SG", language="ar", original_language="ar"),
    "zh_note_hrc.txt": dict(symbol="A/HRC/43/G/9", body="HRC", session=43, agenda_items=[4],
                            doc_type="note_verbale", doc_date="2020-02-10", sender_state="MNG",
                            language="zh", original_language="en"),
    "ru_letter_chr.txt": dict(symbol="E/CN.4/2004/12", body="CHR", session=60, agenda_items=[9],
                              doc_type="letter", doc_date="2004-01-02", sender_state="BEL",
                              addressee="CCHR", language="ru", original_language="fr"),
    "fr_report_crc.txt": dict(symbol="CRC/C/FRA/CO/5", body="CRC", doc_type="other",
                              doc_date="2016-02-23", language="fr", original_language="en",
                              sender_state=None),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_cover_fields(name: str) -> None:
    record = to_record(parse_text((FIXTURES / name).read_text(encoding="utf-8")))
    for key, value in EXPECTED[name].items():
        assert record[key] == value, key
