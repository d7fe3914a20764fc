"""Finding 12 (last part): a text file mixing encodings was stored as mojibake
without a warning.

A note whose heading lines are UTF-8 and whose body was pasted in from a
Windows code page is now read line by line, each line in its own encoding, and
the record says so. Failed before the fix (the Cyrillic came back as mojibake,
with no warning), checked by running it against the code before the change.
"""

from __future__ import annotations

from palais.intake import read_bytes
from tests.web.harness import Api

UTF8_PART = "Совет по правам человека\nСорок первая сессия\n"
CP1251_PART = "Постоянное представительство Азербайджанской Республики свидетельствует\n" * 6


def test_lines_in_two_encodings_are_each_read_and_flagged(api: Api) -> None:
    data = UTF8_PART.encode("utf-8") + CP1251_PART.encode("cp1251")
    source = read_bytes(data, "note.txt")
    assert source.text == UTF8_PART + CP1251_PART
    assert any("mixes encodings" in w for w in source.warnings)
    created = api.post_file("mission", "/api/submissions/upload", "note.txt", data)
    assert created.status_code == 201, created.text
    assert any("mixes encodings" in w for w in created.json()["record"]["warnings"])
