"""Files a mission might upload that are no ordinary note: a large PDF, a photograph.

``padded_pdf`` is a real note verbale typeset as PDF (its text on page 1) followed
by a page holding a photograph-sized image of random grey pixels, which no
compression shrinks, so the file has the size asked for (within a few kilobytes)
and still reads as the note. ``photo_jpeg`` is a JPEG with no text at all (smooth
shades of grey, as a photograph of a wall): OCR finds nothing in it.
"""

from __future__ import annotations

import math
import os
import subprocess
import tempfile
from pathlib import Path

import typst

from tests.support.notes import _blocks, _typst, note_text, png


def padded_pdf(name: str, size: int) -> bytes:
    """The note ``name`` as a PDF of about ``size`` bytes (never less, at most ~64 KiB more)."""
    data = _with_noise(name, math.isqrt(size) + 1)
    if len(data) < size:  # the image's share of the file is a little under its pixels
        data = _with_noise(name, math.isqrt(size + 2 * (size - len(data))) + 1)
    if len(data) < size:
        raise AssertionError(f"padded PDF came out at {len(data)} bytes, under {size}")
    return data


def _with_noise(name: str, side: int) -> bytes:
    pixels = bytearray(os.urandom(side * side))
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "noise.png").write_bytes(png(side, side, pixels))
        lang = name.split("_", 1)[0]
        out = ['#set page(paper: "a4", margin: (x: 2.5cm, y: 2cm))',
               f'#set text(size: 11pt, lang: "{lang}")', "#set par(spacing: 1.2em)"]
        out += [_typst(block) for block in _blocks(note_text(name))]
        out += ["#pagebreak()", '#image("noise.png", width: 100%)']
        (Path(folder) / "note.typ").write_text("\n\n".join(out), encoding="utf-8")
        data: bytes = typst.compile(str(Path(folder) / "note.typ"))
    return data


def photo_jpeg() -> bytes:
    """A JPEG photograph with no writing in it (pdftoppm renders it from a PDF)."""
    width, height = 600, 400
    pixels = bytearray((x // 3 + y // 4) % 256 for y in range(height) for x in range(width))
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "shades.png").write_bytes(png(width, height, pixels))
        (Path(folder) / "photo.typ").write_text(
            '#set page(width: 15cm, height: 10cm, margin: 0pt)\n#image("shades.png", width: 100%)',
            encoding="utf-8",
        )
        (Path(folder) / "photo.pdf").write_bytes(typst.compile(str(Path(folder) / "photo.typ")))
        subprocess.run(["pdftoppm", "-jpeg", "-r", "60", "-singlefile",
                        str(Path(folder) / "photo.pdf"), str(Path(folder) / "photo")],
                       check=True, timeout=60)
        return (Path(folder) / "photo.jpg").read_bytes()
