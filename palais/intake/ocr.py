"""OCR of scanned notes: PDF pages without a text layer, and PNG, JPEG or TIFF images.

Missions send signed and stamped scans. Each page is rendered by poppler's
``pdftoppm`` at :data:`DPI` (an image file is read as it is) and read by
Tesseract (Debian's ``tesseract-ocr`` with the six languages' data, installed by
scripts/setup.sh). Tesseract's script detection (``--psm 0``) on the first page
decides which language data the pages are read with (:data:`SCRIPTS`): Latin
text is read with English, French and Spanish together, so accents survive, and
the other scripts with English beside their own data, for the English annex or
quotation a note in Arabic, Russian or Chinese often carries.

Both are separate programs, each run under a time limit per page
(:data:`SECONDS_PER_PAGE`), a limit for the whole file (:data:`SECONDS_PER_FILE`)
and an address-space cap (``prlimit``), so a hostile file costs at most those;
pages are rendered no larger than an A3 sheet at 300 dpi whatever size the PDF
claims. The words Tesseract gives (with their confidence and position, its TSV
output) are set back into lines, indented as on the page, with a blank line
between paragraphs, so the parser reads a scan as it reads a text file.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import median

from palais.errors import ParseError

DPI = 300
"""Resolution pages are rendered at: Tesseract reads best at 300 dpi."""
MAX_PIXELS = 3508 * 4961
"""An A3 sheet at 300 dpi: larger pages are rendered at a lower resolution."""
SECONDS_PER_PAGE = 30.0
"""Rendering or reading one page longer than this stops the file: a page takes ~3 s."""
SECONDS_PER_FILE = 180.0
MAX_PAGES = 40
"""Pages read from one scan: a note and its annex; longer files are cut (and said so)."""
MEMORY_BYTES = 2 * 1024**3
"""Address space of each program run."""
LOW_CONFIDENCE = 60.0
"""Words read with less confidence (0-100) are doubtful: a field read from them is marked."""
SCRIPTS = {"Latin": "eng+fra+spa", "Cyrillic": "rus+eng", "Arabic": "ara+eng",
           "Han": "chi_sim+eng", "HanS": "chi_sim+eng", "HanT": "chi_sim+eng"}
"""Tesseract's script names -> the language data to read them with."""
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_CJK_SPACE = re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}])")
"""Tesseract spaces Chinese characters apart; Chinese writes none."""


@dataclass(frozen=True, slots=True)
class OcrText:
    """The text read from a scan, page by page, with Tesseract's confidence."""

    pages: tuple[str, ...]
    confidence: float
    doubtful: frozenset[str]
    script: str


def available() -> bool:
    return shutil.which("tesseract") is not None and shutil.which("pdftoppm") is not None


@contextlib.contextmanager
def _scratch(data: bytes, name: str, filename: str) -> Iterator[tuple[Path, float]]:
    """The file written to a folder removed afterwards, and the deadline of its OCR."""
    if not available():
        raise ParseError(
            "%(name)s is a scanned image: reading it needs Tesseract and poppler "
            "(scripts/setup.sh installs tesseract-ocr and poppler-utils)",
            name=name,
        )
    deadline = time.monotonic() + SECONDS_PER_FILE
    with tempfile.TemporaryDirectory(prefix="palais-ocr-") as folder:
        path = Path(folder) / filename
        path.write_bytes(data)
        yield path, deadline


def read_scanned_pdf(data: bytes, name: str) -> OcrText:
    """OCR every page of an image-only PDF (up to :data:`MAX_PAGES`)."""
    with _scratch(data, name, "in.pdf") as (pdf, deadline):
        sizes = _page_sizes(pdf, name, deadline)
        images = []
        for number, (width, height) in enumerate(sizes[:MAX_PAGES], start=1):
            dpi = _dpi(width, height)
            stem = pdf.parent / f"p{number}"
            _run(["pdftoppm", "-r", str(dpi), "-gray", "-f", str(number), "-l", str(number),
                  "-singlefile", str(pdf), str(stem)], name, f"rendering page {number}", deadline)
            images.append(stem.with_suffix(".pgm"))
        return _read_images(images, name, deadline)


def read_image(data: bytes, name: str) -> OcrText:
    """OCR a PNG, JPEG or TIFF image (every page of a multi-page TIFF)."""
    with _scratch(data, name, "in.img") as (image, deadline):
        return _read_images([image], name, deadline)


def _dpi(width_pt: float, height_pt: float) -> int:
    pixels = (width_pt / 72 * DPI) * (height_pt / 72 * DPI)
    if pixels <= MAX_PIXELS:
        return DPI
    return max(1, int(DPI * (MAX_PIXELS / pixels) ** 0.5))


_PAGE_SIZE = re.compile(r"^Page\s+\d+\s+size:\s+([\d.]+)\s+x\s+([\d.]+)", re.MULTILINE)


def _page_sizes(pdf: Path, name: str, deadline: float) -> list[tuple[float, float]]:
    out = _run(["pdfinfo", "-f", "1", "-l", str(MAX_PAGES), str(pdf)], name, "reading the PDF",
               deadline)
    sizes = [(float(w), float(h)) for w, h in _PAGE_SIZE.findall(out)]
    if not sizes:
        raise ParseError("%(name)s: the PDF shows no page to read", name=name)
    return sizes


def _read_images(images: Sequence[Path], name: str, deadline: float) -> OcrText:
    script = _script(images[0], name, deadline)
    languages = SCRIPTS.get(script, "eng+fra+spa")
    pages: list[str] = []
    confidences: list[float] = []
    doubtful: set[str] = set()
    for number, image in enumerate(images, start=1):
        tsv = _run(["tesseract", str(image), "stdout", "-l", languages, "--psm", "3", "tsv"],
                   name, f"reading page {number}", deadline)
        for page in _pages_of(tsv, confidences, doubtful):
            pages.append(_CJK_SPACE.sub("", page) if script.startswith("Han") else page)
    if not any(p.strip() for p in pages):
        raise ParseError("%(name)s: OCR found no text on the scanned pages (a blank or "
                         "unreadable scan?)", name=name)
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    return OcrText(tuple(pages), round(mean, 1), frozenset(doubtful), script)


def _script(image: Path, name: str, deadline: float) -> str:
    """The script Tesseract sees on the page ("Latin", "Arabic"...); Latin when unsure."""
    try:
        out = _run(["tesseract", str(image), "stdout", "--psm", "0", "-l", "osd"], name,
                   "finding the script", deadline)
    except ParseError:
        return "Latin"  # too little text for script detection: read it as Latin
    m = re.search(r"^Script:\s*(\w+)", out, re.MULTILINE)
    return m[1] if m else "Latin"


def _pages_of(tsv: str, confidences: list[float], doubtful: set[str]) -> list[str]:
    """Lines set back from Tesseract's words (see the module docstring)."""
    words: dict[int, dict[tuple[int, int, int], list[tuple[int, str]]]] = {}
    widths: list[float] = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) != 12 or cells[0] != "5" or not cells[11].strip():
            continue
        page, block, par, line = (int(c) for c in cells[1:5])
        left, width, conf, text = int(cells[6]), int(cells[8]), float(cells[10]), cells[11]
        words.setdefault(page, {}).setdefault((block, par, line), []).append((left, text))
        widths.append(width / max(len(text), 1))
        if conf >= 0:
            confidences.append(conf)
            if conf < LOW_CONFIDENCE:
                doubtful.add(text)
    char = median(widths) if widths else 20.0
    pages = []
    for page in sorted(words):
        lines = words[page]
        margin = min(ws[0][0] for ws in lines.values())
        out: list[str] = []
        last_par: tuple[int, int] | None = None
        for key in sorted(lines):
            ws = lines[key]
            if last_par is not None and key[:2] != last_par:
                out.append("")
            last_par = key[:2]
            indent = round((ws[0][0] - margin) / char) if char else 0
            out.append(" " * min(indent, 80) + " ".join(t for _, t in ws))
        pages.append("\n".join(out))
    return pages


def _run(command: list[str], name: str, what: str, deadline: float) -> str:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise ParseError(
            "%(name)s: OCR took longer than %(SECONDS_PER_FILE)s s and was stopped",
            name=name, SECONDS_PER_FILE=format(SECONDS_PER_FILE, 'g'),
        )
    limit = min(SECONDS_PER_PAGE, remaining)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    capped = ["prlimit", f"--as={MEMORY_BYTES}", "--", *command] if shutil.which("prlimit") \
        else command
    try:
        done = subprocess.run(capped, capture_output=True, timeout=limit, env=env, check=False)
    except subprocess.TimeoutExpired as exc:
        raise ParseError(
            "%(name)s: %(what)s took longer than %(limit)s s and was stopped (a damaged or "
            "hostile file?)",
            name=name, what=what, limit=format(limit, 'g'),
        ) from exc
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise ParseError(
            "%(name)s: OCR failed while %(what)s: %(value)s",
            name=name, what=what, value=detail[0][:200],
        )
    return done.stdout.decode("utf-8", "replace")
