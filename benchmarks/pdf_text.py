"""PDF text extraction for the parser: fields right and time per document, by extractor.

Usage: python benchmarks/pdf_text.py [--runs R]

Each seed's hand-written golden record is typeset as a UN note (header, bold
justified title, justified paragraphs, footnote at the page bottom, annex on a
new page) with typst, the way tests/intake does. Each extractor's text is
parsed, and the cover fields are compared with the golden record: 13 fields a
seed, plus whether the cover paragraphs and the annex paragraphs come out as
printed. Time is the median of R extractions of one document; the reference in
the same run is poppler's ``pdftotext`` (when installed), so the ratio says
what the pure-Python reader costs over the C one.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pdfminer.high_level import extract_text
from pdfminer.layout import LAParams

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from palais.intake import read_bytes  # noqa: E402
from palais.intake.pdf import read_with_pdfminer  # noqa: E402
from palais.parse import parse_text  # noqa: E402
from palais.records import to_record  # noqa: E402
from tests.intake.documents import SEED_NAMES, golden, note_pdf  # noqa: E402

FIELDS = ("symbol", "body", "session", "session_dates", "agenda_items", "doc_type", "doc_date",
          "sender_state", "addressee", "language", "original_language", "title",
          "reproduced_as_received")


def _poppler(layout: bool) -> Callable[[Path], list[str]]:
    def run(path: Path) -> list[str]:
        args = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), str(path), "-"]
        return subprocess.run(args, capture_output=True, check=True).stdout.decode().split("\f")
    return run


def _pdfminer_defaults(path: Path) -> list[str]:
    return extract_text(str(path), laparams=LAParams()).split("\f")


def _intake(path: Path) -> list[str]:
    src = read_bytes(path.read_bytes(), path.name)
    return list(src.pages or (src.text,))


def _intake_fallback(path: Path) -> list[str]:
    return list(read_with_pdfminer(path.read_bytes(), path.name))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    extractors: dict[str, Callable[[Path], list[str]]] = {
        "palais.intake.read_bytes": _intake,
        "intake fallback (pdfminer.six, char_margin 5)": _intake_fallback,
        "pdfminer.six defaults": _pdfminer_defaults,
    }
    if shutil.which("pdftotext"):
        extractors["pdftotext"] = _poppler(False)
        extractors["pdftotext -layout"] = _poppler(True)
    with tempfile.TemporaryDirectory() as tmp:
        pdfs = {}
        for name in SEED_NAMES:
            pdfs[name] = Path(tmp) / f"{name}.pdf"
            pdfs[name].write_bytes(note_pdf(name))
        results = {label: _measure(fn, pdfs, args.runs) for label, fn in extractors.items()}
    reference = results.get("pdftotext", (0, 0, 0, 0, 0.0))[4]
    print(f"{'extractor':45} fields  cover  annex  ms/doc  ratio")
    for label, (right, total, cover, annex, ms) in results.items():
        ratio = f"{ms / reference:5.1f}x" if reference else "  -"
        print(f"{label:45} {right:2}/{total:2}  {cover}/{len(SEED_NAMES)}    {annex}/"
              f"{len(SEED_NAMES)}    {ms:6.1f}  {ratio}")


def _measure(
    extract: Callable[[Path], list[str]], pdfs: dict[str, Path], runs: int
) -> tuple[int, int, int, int, float]:
    right = total = cover = annex = 0
    times = []
    for name, pdf in pdfs.items():
        expected = golden(name)
        for _ in range(runs):
            start = time.perf_counter()
            pages = extract(pdf)
            times.append(time.perf_counter() - start)
        record = to_record(parse_text("\f".join(pages), pages=pages))
        right += sum(record[f] == expected[f] for f in FIELDS)
        total += len(FIELDS)
        cover += record["paragraphs"] == expected["paragraphs"]
        annex += [a["paragraphs"] for a in record["annexes"]] == [
            a["paragraphs"] for a in expected["annexes"]]
    return right, total, cover, annex, statistics.median(times) * 1000


if __name__ == "__main__":
    main()
