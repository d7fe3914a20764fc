"""Notes verbales as missions send them, in the formats they arrive in.

The text fixtures (tests/fixtures/notes_as_sent/*.txt) are what a mission typed;
from each, these functions make the Word file, the PDF and the signed-and-scanned
PDF a mission might send instead: the scan is the PDF rendered at 300 dpi by
``pdftoppm``, turned by a slight skew, sprinkled with specks, and put back into a
PDF as an image with no text layer.
"""

from __future__ import annotations

import io
import random
import re
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path

import docx
import typst

NOTES = Path(__file__).parent.parent / "fixtures" / "notes_as_sent"
NAMES = tuple(sorted(p.stem for p in NOTES.glob("*.txt")))


def note_text(name: str) -> str:
    return (NOTES / f"{name}.txt").read_text(encoding="utf-8")


def _blocks(text: str) -> list[str]:
    """Paragraphs as a word processor holds them: the file's hard line breaks joined."""
    out = []
    for block in re.split(r"\n\s*\n", text.strip("\n")):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if all(len(line) < 60 for line in lines) or re.search(r"[\u4e00-\u9fff]", block):
            out.extend(lines)  # letterhead, date, address, Chinese: one line a paragraph
        else:
            out.append(" ".join(lines))
    return out


def note_docx(name: str) -> bytes:
    document = docx.Document()
    for block in _blocks(note_text(name)):
        document.add_paragraph(block)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _typst(text: str) -> str:
    for char in "\\#*_`$<>@[]=-+/~":
        text = text.replace(char, "\\" + char)
    return text


def note_pdf(name: str) -> bytes:
    return pdf_of(note_text(name), name.split("_", 1)[0])


def pdf_of(text: str, lang: str) -> bytes:
    """``text`` typeset on A4, one paragraph a block of the text."""
    out = ['#set page(paper: "a4", margin: (x: 2.5cm, y: 2cm))',
           f'#set text(size: 11pt, lang: "{lang}")', "#set par(spacing: 1.2em)"]
    out += [_typst(block) for block in _blocks(text)]
    pdf: bytes = typst.compile("\n\n".join(out).encode("utf-8"))
    return pdf


def scanned_pdf(name: str, *, seed: int = 7) -> bytes:
    return scan_of(note_text(name), name.split("_", 1)[0], seed=seed)


def scan_of(text: str, lang: str, *, seed: int = 7) -> bytes:
    """``text`` printed, signed and scanned: an image-only PDF (see the module docstring)."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "note.pdf"
        pdf.write_bytes(pdf_of(text, lang))
        subprocess.run(["pdftoppm", "-r", "300", "-gray", "-f", "1", "-l", "1", "-singlefile",
                        str(pdf), str(Path(folder) / "page")], check=True, timeout=60)
        width, height, pixels = _read_pgm((Path(folder) / "page.pgm").read_bytes())
        pixels = _skewed(pixels, width, height, shift_per_row=1 / 400)
        for _ in range(4000):  # specks of dust and toner
            x, y = rng.randrange(width), rng.randrange(height)
            pixels[y * width + x] = rng.randrange(0, 160)
        (Path(folder) / "scan.png").write_bytes(png(width, height, pixels))
        page = ('#set page(width: 210mm, height: 297mm, margin: 0pt)\n'
                '#image("scan.png", width: 100%)')
        (Path(folder) / "scan.typ").write_text(page, encoding="utf-8")
        data: bytes = typst.compile(str(Path(folder) / "scan.typ"))
        return data


def _read_pgm(data: bytes) -> tuple[int, int, bytearray]:
    fields = data.split(maxsplit=4)
    width, height = int(fields[1]), int(fields[2])
    return width, height, bytearray(fields[4][: width * height])


def _skewed(pixels: bytearray, width: int, height: int, shift_per_row: float) -> bytearray:
    """Each row moved right a little more than the one above: a page fed in at a slant."""
    out = bytearray(b"\xff" * len(pixels))
    for y in range(height):
        shift = int(y * shift_per_row)
        row = pixels[y * width : (y + 1) * width]
        out[y * width + shift : (y + 1) * width] = row[: width - shift]
    return out


def png(width: int, height: int, pixels: bytearray) -> bytes:
    """An 8-bit grey PNG (no image library needed)."""
    raw = b"".join(b"\x00" + bytes(pixels[y * width : (y + 1) * width]) for y in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))
