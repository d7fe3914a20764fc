"""Coverage-guided fuzzing of intake and parse with atheris (libFuzzer).

Usage::

    python benchmarks/fuzz_parse.py --make-corpus .fuzz/corpus
    python benchmarks/fuzz_parse.py .fuzz/corpus -max_total_time=600 -timeout=20 -rss_limit_mb=4096

The first line writes a starting corpus (both seeds in five encodings, a PDF
and a Word file made from them, the notes as sent of tests/fixtures/notes_as_sent,
a scanned note as PDF and as PNG); the second fuzzes for ten minutes. Each input
is one byte choosing the file name (``.txt``, ``.pdf``, ``.docx``, ``.png`` or
none) followed by the file's bytes; images and image-only PDFs go through OCR
(Tesseract, with its time limits). It goes through ``palais.intake.read_bytes`` and
``palais.parse.parse_text``; the contract is that the result is a Document or a
ParseError. Any other exception is a crash that libFuzzer saves as
``crash-<sha1>`` with the input, and ``-timeout`` turns an input that runs too
long into a failure too. Replay one with ``python benchmarks/fuzz_parse.py
crash-<sha1>``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

# Coverage is collected in palais and the libraries it runs in this process.
# PDFs are read by poppler's pdftotext, or pdfminer in a helper process where it is
# missing (palais.intake.pdf): libFuzzer sees neither's coverage; what is checked
# there is the contract, including the time limits.
with atheris.instrument_imports(include=["palais", "docx", "charset_normalizer"]):
    from palais.errors import ParseError
    from palais.intake import ocr, pdf, poppler, read_bytes
    from palais.parse import parse_text

# Below libFuzzer's -timeout, so a runaway PDF shows as a ParseError.
pdf.SECONDS = poppler.SECONDS = 5.0
ocr.SECONDS_PER_PAGE = 5.0
ocr.SECONDS_PER_FILE = 8.0

NAMES = ("note.txt", "note.pdf", "note.docx", "note", "scan.png")
ROOT = Path(__file__).resolve().parent.parent


def one_input(data: bytes) -> None:
    """The contract: a Document or a ParseError with a reason, nothing else."""
    if not data:
        return
    name = NAMES[data[0] % len(NAMES)]
    try:
        src = read_bytes(data[1:], name)
        parse_text(src.text, pages=src.pages, ocr=src.ocr)
    except ParseError as exc:
        if not exc.detail.strip():
            raise AssertionError("ParseError without a reason") from exc


def make_corpus(folder: Path) -> None:
    """Seeds in several encodings, and a PDF and .docx of one, each behind its name byte."""
    sys.path.insert(0, str(ROOT))
    from tests.intake.documents import note_docx, note_pdf

    folder.mkdir(parents=True, exist_ok=True)
    for seed in sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt")):
        text = seed.read_text("utf-8")
        for encoding in ("utf-8", "utf-16", "cp1251", "gb18030", "utf-8-sig"):
            data = text.encode(encoding, errors="replace")
            (folder / f"{seed.stem}.{encoding}").write_bytes(bytes([0]) + data)
    (folder / "note.pdf").write_bytes(bytes([1]) + note_pdf("fr_hrc_47_2021"))
    (folder / "note.docx").write_bytes(bytes([2]) + note_docx("ru_a_hrc_41_2019"))
    from tests.support.notes import NAMES as SENT
    from tests.support.notes import note_text, scanned_pdf

    for name in SENT:
        (folder / f"{name}.txt").write_bytes(bytes([0]) + note_text(name).encode("utf-8"))
    (folder / "scan.pdf").write_bytes(bytes([1]) + scanned_pdf("en_ken_president_noannex"))
    (folder / "scan.png").write_bytes(bytes([4]) + _png_of(scanned_pdf("fr_sen_datetop")))


def _png_of(pdf_bytes: bytes) -> bytes:
    """The first page of a PDF as a 150 dpi PNG (a smaller image keeps fuzzing fast)."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "in.pdf").write_bytes(pdf_bytes)
        subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", "-singlefile",
                        str(Path(folder) / "in.pdf"), str(Path(folder) / "page")],
                       check=True, timeout=60)
        return (Path(folder) / "page.png").read_bytes()


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--make-corpus":
        make_corpus(Path(sys.argv[2]))
        return
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
