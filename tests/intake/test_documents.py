"""PDF and Word files of the seeds: pages kept, cover fields as in the golden records."""

from __future__ import annotations

import io

import docx
import pytest

from palais.errors import ParseError
from palais.intake import pdf, read_bytes, read_path
from palais.intake.sniff import DOCX, PDF
from palais.parse import parse_source
from palais.records import to_record
from tests.intake.documents import SEED_NAMES, golden, note_docx, note_pdf, runaway_pdf

COVER_FIELDS = (
    "symbol", "body", "session", "session_dates", "agenda_items", "doc_type", "doc_date",
    "sender_state", "addressee", "language", "original_language", "title",
    "reproduced_as_received", "paragraphs", "footnotes",
)


@pytest.fixture(params=["pdftotext", "pdfminer"])
def pdf_reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both PDF readers: poppler's where installed, pdfminer.six where it is not."""
    if request.param == "pdfminer":
        monkeypatch.setattr(pdf.shutil, "which", lambda program: None)
    else:
        assert pdf.shutil.which("pdftotext"), "poppler-utils is installed by scripts/setup.sh"
    return str(request.param)


@pytest.mark.parametrize("name", SEED_NAMES)
def test_pdf_keeps_pages_and_gives_the_golden_cover(name: str, pdf_reader: str) -> None:
    src = read_bytes(note_pdf(name), f"{name}.pdf")
    assert src.media_type == PDF
    assert src.pages is not None and len(src.pages) >= 2
    assert src.text == "\f".join(src.pages)
    annex_page = next(i for i, page in enumerate(src.pages) if "Annex to the" in page)
    assert annex_page >= 1 and src.pages[annex_page].lstrip().startswith("Annex to the")
    record = to_record(parse_source(src))
    expected = golden(name)
    assert {k: record[k] for k in COVER_FIELDS} == {k: expected[k] for k in COVER_FIELDS}
    assert [a["language"] for a in record["annexes"]] == ["en"]


@pytest.mark.parametrize("name", SEED_NAMES)
def test_docx_page_break_starts_the_annex_and_cover_is_golden(name: str) -> None:
    src = read_bytes(note_docx(name), f"{name}.docx")
    assert src.media_type == DOCX
    assert src.pages is not None and len(src.pages) == 2
    assert src.pages[1].lstrip().startswith("Annex to the")
    record = to_record(parse_source(src))
    expected = golden(name)
    assert {k: record[k] for k in COVER_FIELDS} == {k: expected[k] for k in COVER_FIELDS}


def test_docx_tables_are_read_in_order_row_by_row() -> None:
    document = docx.Document()
    document.add_paragraph("Human Rights Council")
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"cell {r}{c}"
    document.add_paragraph("After the table.")
    out = io.BytesIO()
    document.save(out)
    text = read_bytes(out.getvalue(), "t.docx").text
    assert [line.strip() for line in text.splitlines()] == [
        "Human Rights Council", "cell 00\tcell 01", "cell 10\tcell 11", "After the table."
    ]


def test_read_path_reads_files_and_names_what_is_wrong(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    pdf = folder / "note.pdf"
    pdf.write_bytes(note_pdf("fr_hrc_47_2021"))
    src = read_path(pdf)
    assert src.name == str(pdf) and src.media_type == PDF
    with pytest.raises(ParseError, match="folder"):
        read_path(folder)
    with pytest.raises(ParseError, match="cannot read"):
        read_path(folder / "missing.txt")
    huge = folder / "huge.txt"
    with huge.open("wb") as sparse:
        sparse.truncate(257 * 1024 * 1024)  # sparse: no disk space used
    with pytest.raises(ParseError, match="refused unread"):
        read_path(huge)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
         "PDF"),
        (b"%PDF-1.4\n" + bytes(range(256)) * 4, "PDF"),
    ],
)
def test_damaged_pdf_is_a_parse_error(data: bytes, reason: str, pdf_reader: str) -> None:
    with pytest.raises(ParseError, match=reason):
        read_bytes(data, "broken.pdf")


def test_pdf_without_text_is_read_by_ocr_which_says_when_it_finds_none(pdf_reader: str) -> None:
    import typst

    blank = typst.compile(b'#set page(paper: "a6")\n#rect(width: 2cm, height: 2cm)')
    # Without poppler (the pdfminer case hides every program) OCR cannot run and says so.
    reason = "OCR found no text" if pdf_reader == "pdftotext" else "needs Tesseract and poppler"
    with pytest.raises(ParseError, match=reason):
        read_bytes(blank, "scan.pdf")


def test_cut_short_docx_is_a_parse_error() -> None:
    data = note_docx("fr_hrc_47_2021")
    with pytest.raises(ParseError, match="damaged"):
        read_bytes(data[: len(data) // 2], "note.docx")


def _with_footnotes() -> bytes:
    """A Word file whose cover cites a numbered footnote and a '*' footnote, then an annex."""
    from docx.enum.text import WD_BREAK
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    cited = document.add_paragraph("The Mission requests circulation of the annex")
    cited._p.append(parse_xml(f'<w:r {w}><w:footnoteReference w:id="1"/></w:r>'))
    cited._p.append(parse_xml(
        f'<w:r {w}><w:footnoteReference w:customMarkFollows="1" w:id="2"/><w:t>*</w:t></w:r>'
    ))
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("Annex to the note verbale")
    notes = (
        f'<w:footnotes {w}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve">'
        ' A numbered note.</w:t></w:r></w:p></w:footnote>'
        '<w:footnote w:id="2"><w:p><w:r><w:t>* Reproduced as received.</w:t></w:r></w:p>'
        '</w:footnote></w:footnotes>'
    )
    part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, notes.encode(),
                document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_footnotes_close_the_page_that_cites_them() -> None:
    src = read_bytes(_with_footnotes(), "note.docx")
    assert src.pages is not None
    cover = [line.strip() for line in src.pages[0].splitlines() if line.strip()]
    assert cover[-2:] == ["1 A numbered note.", "* Reproduced as received."]
    assert "Reproduced" not in src.pages[1]


def test_runaway_pdf_is_stopped_by_pdfminers_memory_cap() -> None:
    with pytest.raises(ParseError, match=r"MemoryError|needed more than"):
        pdf.read_with_pdfminer(runaway_pdf(), "runaway.pdf")


def test_runaway_pdf_is_stopped_by_pdfminers_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "SECONDS", 0.2)
    with pytest.raises(ParseError, match=r"took longer than 0\.2 s"):
        pdf.read_with_pdfminer(runaway_pdf(), "runaway.pdf")
    monkeypatch.undo()
    assert pdf.read_with_pdfminer(note_pdf("fr_hrc_47_2021"), "next.pdf")  # a fresh helper


def test_pdfs_read_from_several_threads() -> None:
    from concurrent.futures import ThreadPoolExecutor

    data = note_pdf("ru_a_hrc_41_2019")
    with ThreadPoolExecutor(3) as pool:
        sources = list(pool.map(lambda i: read_bytes(data, f"{i}.pdf"), range(3)))
    assert len({src.text for src in sources}) == 1 and sources[0].pages


def test_docx_page_break_ahead_of_the_text_starts_its_page() -> None:
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    document.add_paragraph("Cover text.")
    annex = document.add_paragraph()
    annex.add_run().add_break(WD_BREAK.PAGE)
    annex.add_run("Annex")
    document.add_paragraph("Annex text.")
    out = io.BytesIO()
    document.save(out)
    src = read_bytes(out.getvalue(), "note.docx")
    assert src.pages is not None
    assert [page.split() for page in src.pages] == [["Cover", "text."],
                                                    ["Annex", "Annex", "text."]]
