"""Notes verbales as missions send them: their parts, their fields, in six languages.

Each fixture (tests/fixtures/notes_as_sent) is a note as a mission typed it; its
golden record says every field and where it was read. The same note as a Word
file and as a PDF gives the same fields and paragraphs.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from palais.intake import read_bytes
from palais.model import DocType
from palais.parse import OcrNotes, parse_source, parse_text, parse_tree
from palais.records import to_record
from tests.support.notes import NAMES, note_docx, note_pdf, note_text

GOLDEN = Path(__file__).parent.parent / "fixtures" / "golden" / "notes_as_sent"
SEEDS = Path(__file__).parent.parent / "fixtures" / "seeds"
FIELDS = ("doc_type", "doc_date", "sender_state", "sender_states", "reference", "addressee",
          "session", "agenda_items", "language", "original_language", "on_behalf_of", "title")
DROPPED = ("letterhead", "reference", "heading", "closing", "date", "stamp", "addressee")
PDF_NAMES = tuple(n for n in NAMES if n[:2] in ("en", "fr", "es", "ru"))
"""Typst's Arabic and Chinese PDFs come back from pdftotext with their own artefacts
(ligatures split, digits displaced); the text and Word forms of those notes are tested."""


def _record(name: str) -> dict:
    return to_record(parse_source(read_bytes(note_text(name).encode("utf-8"), f"{name}.txt")))


@pytest.mark.parametrize("name", NAMES)
def test_note_as_sent_matches_its_golden_record(name: str) -> None:
    golden = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    assert _record(name) == golden


@pytest.mark.parametrize("name", NAMES)
def test_dropped_parts_never_reach_the_cover(name: str) -> None:
    parsed = parse_tree(note_text(name))
    kinds = {kind for kind, _ in parsed.tree.sent}
    assert {"opening", "closing"} <= kinds
    cover = " ".join(parsed.document.paragraphs)
    for kind, text in parsed.tree.sent:
        if kind in DROPPED:
            assert text not in parsed.document.paragraphs, (kind, text)
        if kind in ("closing", "reference", "date"):
            assert text not in cover, (kind, text)


@pytest.mark.parametrize("name", NAMES)
def test_every_field_says_where_it_came_from(name: str) -> None:
    warned = {w.split(":", 1)[0] for w in _record(name)["warnings"]}
    assert {"language", "reference", "doc_date", "sender_state", "addressee", "session",
            "agenda_items", "annexes", "title"} <= warned


@pytest.mark.parametrize("name", NAMES)
def test_word_file_gives_the_same_record(name: str) -> None:
    text, word = _record(name), to_record(parse_source(read_bytes(note_docx(name), "n.docx")))
    assert {k: word[k] for k in FIELDS} == {k: text[k] for k in FIELDS}
    assert word["paragraphs"] == text["paragraphs"]
    assert [a["language"] for a in word["annexes"]] == [a["language"] for a in text["annexes"]]


@pytest.mark.parametrize("name", PDF_NAMES)
def test_pdf_gives_the_same_record(name: str) -> None:
    text, pdf = _record(name), to_record(parse_source(read_bytes(note_pdf(name), "n.pdf")))
    assert {k: pdf[k] for k in FIELDS} == {k: text[k] for k in FIELDS}
    assert pdf["paragraphs"] == text["paragraphs"]


@pytest.mark.parametrize("seed", ["ru_a_hrc_41_2019", "fr_hrc_47_2021"])
def test_un_issued_documents_are_not_read_as_notes_as_sent(seed: str) -> None:
    parsed = parse_tree((SEEDS / f"{seed}.txt").read_text(encoding="utf-8"))
    assert parsed.tree.sent == [] and parsed.document.reference is None


def test_a_field_read_from_words_ocr_doubted_is_marked() -> None:
    text = note_text("en_aze_wrapped")
    doc = parse_text(text, ocr=OcrNotes(71.5, frozenset({"fifty-eighth"})))
    session = next(w for w in doc.warnings if w.startswith("session:"))
    assert "OCR was unsure" in session and "fifty-eighth" in session
    assert doc.ocr_confidence == 71.5
    assert any(w.startswith("text: read by OCR, mean confidence 72%") for w in doc.warnings)


def test_a_note_without_date_or_state_says_so_and_has_no_title() -> None:
    doc = parse_text("NOTE VERBALE\n\nThe Mission presents its compliments to the Office of the "
                     "United Nations High Commissioner for Human Rights and has the honour to "
                     "inform it of a change of address.\n\nThe Mission avails itself of this "
                     "opportunity to renew the assurances of its highest consideration.\n")
    assert doc.doc_type is DocType.NOTE_VERBALE and doc.title is None
    assert any(w.startswith("doc_date: not found") for w in doc.warnings)
    assert any(w.startswith("sender_state: not found") for w in doc.warnings)
    assert any(w.startswith("title: not written") for w in doc.warnings)


_BLOCKS = {name: [b for b in note_text(name).split("\n\n") if b.strip()] for name in NAMES}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(NAMES),
    data=st.data(),
    width=st.integers(min_value=8, max_value=120),
    junk=st.text(max_size=40),
)
def test_parser_is_total_over_notes_shuffled_cut_and_rewrapped(
    name: str, data: st.DataObject, width: int, junk: str
) -> None:
    blocks = _BLOCKS[name]
    kept = data.draw(st.lists(st.sampled_from(blocks), max_size=len(blocks) + 3))
    rewrapped = []
    for block in kept:
        words = block.split()
        lines, line = [], ""
        for word in words:
            if line and len(line) + len(word) + 1 > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        rewrapped.append("\n".join([*lines, line]))
    text = "\n\n".join(rewrapped) + "\n" + junk
    if not text.strip():
        return
    doc = parse_text(text)
    # Whatever was cut or moved, the closing formula is never printed as a cover paragraph.
    closing = [t for k, t in parse_tree(text).tree.sent if k == "closing"]
    assert not any(c in doc.paragraphs for c in closing)


_SHORT_NOTE = """PERMANENT MISSION OF ROMANIA
GENEVA

                                          {date}      Ref: 123/HR

The Permanent Mission of Romania to the United Nations Office at Geneva presents its \
compliments to the Secretariat of the Human Rights Council and has the honour to request that \
the present note verbale be circulated as a document of the 58th session of the Human Rights \
Council under item 4.

The Permanent Mission of Romania avails itself of this opportunity to renew the assurances of \
its highest consideration.
"""


@pytest.mark.parametrize("printed", ["20th of February 2025", "20.02.2025", "20/02/2025",
                                     "February 20, 2025", "Geneva, 20 February 2025"])
def test_a_short_note_with_its_reference_beside_the_date(printed: str) -> None:
    doc = parse_text(_SHORT_NOTE.format(date=printed))
    assert (doc.doc_date.isoformat() if doc.doc_date else None) == "2025-02-20"
    assert (doc.reference, doc.addressee, doc.session, doc.agenda_items) == (
        "123/HR", "OHCHR", 58, (4,))
    assert doc.sender is not None and doc.sender.iso3 == "ROU"
    assert len(doc.paragraphs) == 1


def test_a_special_session_takes_the_special_sessions_dates() -> None:
    regular = note_text("en_aze_wrapped")
    text = regular.replace("fifty-eighth session", "thirty-fifth special session")
    doc = parse_text(text)
    assert doc.session == 35
    assert any(w.startswith("session: 35 (a special session)") for w in doc.warnings)
    assert doc.session_dates != parse_text(regular).session_dates


def test_an_annex_announced_but_not_sent_is_said_to_be_missing() -> None:
    text = note_text("en_aze_wrapped").split("Statement of the Ministry")[0]
    doc = parse_text(text)
    assert doc.annexes == ()
    assert any(w.startswith("annexes: the note mentions an annex but none follows")
               for w in doc.warnings)


@pytest.mark.parametrize(
    ("name", "printed", "written"),
    [
        ("en_aze_wrapped", "No. 4/2025/123\n\nNOTE VERBALE", "NOTE VERBALE No. 4/2025/123"),
        ("en_aze_wrapped", "No. 4/2025/123", "Réf. : 4/2025/123"),
        ("en_aze_wrapped", "Geneva, 20 February 2025", "Geneva, «20» February 2025"),
        ("ru_rus_refbelow", "Женева, 6 марта 2023 года", "Женева, «6» марта 2023 г."),
        ("en_aze_wrapped", "Office of the United Nations High Commissioner for Human Rights\n",
         "The Office of the United Nations High Com\n"),
    ],
)
def test_variants_of_reference_date_and_address_lines_read_the_same(
    name: str, printed: str, written: str
) -> None:
    original = note_text(name)
    assert printed in original
    fields = ("reference", "doc_date", "sender_state", "session", "agenda_items", "title")
    want, got = _record(name), to_record(parse_text(original.replace(printed, written)))
    assert {k: got[k] for k in fields} == {k: want[k] for k in fields}
    assert got["paragraphs"] == want["paragraphs"]
    assert len(got["annexes"]) == len(want["annexes"])


def test_an_observer_states_mission_is_titled_a_permanent_observer_mission() -> None:
    text = (note_text("en_aze_wrapped").replace("Republic of Azerbaijan", "State of Palestine")
            .replace("The Permanent Mission of", "The Permanent Observer Mission of"))
    doc = parse_text(text)
    assert doc.sender is not None and doc.sender.iso3 == "PSE"
    assert doc.title == (
        "Note verbale dated 20 February 2025 from the Permanent Observer Mission of the State of "
        "Palestine to the United Nations Office at Geneva addressed to the Office of the United "
        "Nations High Commissioner for Human Rights")
