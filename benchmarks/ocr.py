"""OCR time per A4 page at 300 dpi, on one core, and what the scan gives against its text.

Usage: python benchmarks/ocr.py [--runs R]

Makes the scanned note of each text fixture of tests/fixtures/notes_as_sent (typeset
on A4, rendered at 300 dpi, skewed and specked: tests/support/notes.py), then reads
each scan R times through ``palais.intake.read_bytes`` (pdftoppm, Tesseract's
script detection, Tesseract in the script's languages; every program limited to
one thread with ``OMP_THREAD_LIMIT=1``). Reports per language the median seconds
per page, wall clock and CPU time of the child processes, and the reference
measured in the same run: rendering the page alone (``pdftoppm``), so the ratio
says what reading costs over merely producing the image. Also reports the share
of the text version's fields the scan gives.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from palais.intake import read_bytes  # noqa: E402
from palais.parse import parse_source  # noqa: E402
from palais.records import to_record  # noqa: E402
from tests.support.notes import NAMES, note_text, scanned_pdf  # noqa: E402

FIELDS = ("doc_date", "sender_state", "reference", "addressee", "session", "agenda_items",
          "language")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(work: object) -> tuple[float, float, object]:
    wall, cpu = time.perf_counter(), _children_cpu()
    result = work()  # type: ignore[operator]
    return time.perf_counter() - wall, _children_cpu() - cpu, result


def render_only(pdf: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "in.pdf").write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "300", "-gray", "-singlefile",
                        str(Path(folder) / "in.pdf"), str(Path(folder) / "p")], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ["OMP_THREAD_LIMIT"] = "1"
    walls: list[float] = []
    cpus: list[float] = []
    refs: list[float] = []
    right = total = 0
    print(f"{'note':<32}{'wall s':>8}{'cpu s':>8}{'render s':>10}{'fields':>8}")
    for name in NAMES:
        pdf = scanned_pdf(name)
        text = to_record(parse_source(read_bytes(note_text(name).encode(), f"{name}.txt")))
        runs = [timed(lambda pdf=pdf, name=name: read_bytes(pdf, f"{name}.pdf"))
                for _ in range(args.runs)]
        ref = statistics.median(timed(lambda pdf=pdf: render_only(pdf))[0]
                                for _ in range(args.runs))
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        scanned = to_record(parse_source(runs[0][2]))  # type: ignore[arg-type]
        ok = sum(scanned[f] == text[f] for f in FIELDS)
        right, total = right + ok, total + len(FIELDS)
        walls.append(wall)
        cpus.append(cpu)
        refs.append(ref)
        print(f"{name:<32}{wall:>8.2f}{cpu:>8.2f}{ref:>10.2f}{ok:>5}/{len(FIELDS)}")
    print(f"median per A4 page: {statistics.median(walls):.2f} s wall, "
          f"{statistics.median(cpus):.2f} s CPU; rendering alone {statistics.median(refs):.2f} s "
          f"(ratio {statistics.median(walls) / statistics.median(refs):.1f}); "
          f"max {max(walls):.2f} s wall")
    print(f"fields the scan gives as its text version does: {right}/{total} "
          f"({100 * right / total:.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
