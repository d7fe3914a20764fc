"""PDF composition speed: palais (Typst) against LibreOffice, measured in one run.

Usage: python benchmarks/compose.py [--sample N] [--runs R] [--lo-runs R]

What is timed, for one bundled sample document (all six language versions):

1. in-process: ``compose`` + ``render(..., Format.PDF)`` for the six languages,
   after a warm-up, R times (each run's paragraphs made new, see ``varied``); the
   median of the six together and of each version;
2. whole process: ``palais compose RECORD.json --all -o DIR`` once (six languages,
   all four formats, interpreter start-up included);
3. the reference, LibreOffice converting an equivalent DOCX of each version (same
   text, A4, Noto fonts, annex on a new page, written with python-docx) to a tagged
   PDF, as palais's are:
   a headless one-shot ``soffice --headless --convert-to pdf`` per version, and
   a warm server (``soffice --accept=...``) driven through python3-uno, where
   each version is loaded and exported R times after a warm-up.

The whole benchmark is pinned to one CPU (``sched_setaffinity``; child processes
inherit it), so "on one core" holds for Typst and LibreOffice alike.

LibreOffice is needed only here. On Debian::

    apt-get install -y --no-install-recommends libreoffice-writer-nogui python3-uno

(python3-uno belongs to the system Python, /usr/bin/python3, which runs the UNO
client; the project's virtual environment does not need it.)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from palais import samples
from palais.compose import compose, render
from palais.compose.version import ComposedVersion
from palais.languages import Language
from palais.model import Document, Format

TARGET_ALL_SIX_MS = 150.0
# palais's PDFs are tagged (Typst's default), so LibreOffice is asked for tagged PDF too.
TAGGED_PDF = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
TARGET_RATIO = 8.0

UNO_CLIENT = r"""
import json, statistics, sys, time
import uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p

port, runs, paths = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]

def server_cpu():
    # CPU seconds used so far by the soffice.bin listening on our port (from /proc).
    import os
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmd = open(f"/proc/{pid}/cmdline", "rb").read()
            if b"soffice.bin" in cmd and f"port={port};".encode() in cmd:
                fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
                return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            continue
    sys.exit("cannot find the LibreOffice server process")
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext(
    "com.sun.star.bridge.UnoUrlResolver", local)
for _ in range(200):
    try:
        ctx = resolver.resolve(
            f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
        break
    except Exception:
        time.sleep(0.1)
else:
    sys.exit("LibreOffice did not accept a connection")
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)

def convert(path):
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0,
                                       (prop("Hidden", True),))
    tagged = uno.Any("[]com.sun.star.beans.PropertyValue", (prop("UseTaggedPDF", True),))
    doc.storeToURL(uno.systemPathToFileUrl(path[:-5] + ".pdf"),
                   (prop("FilterName", "writer_pdf_Export"), prop("FilterData", tagged)))
    doc.close(True)

for path in paths:  # warm-up: load filters and fonts once
    convert(path)
times = {}
for path in paths:
    walls = []
    cpu = server_cpu()
    for _ in range(runs):
        start = time.perf_counter(); convert(path); walls.append(time.perf_counter() - start)
    times[path] = {"wall": walls, "cpu": (server_cpu() - cpu) / runs}
print(json.dumps(times))
"""


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def varied(version: ComposedVersion, run: int) -> ComposedVersion:
    """``version`` with every paragraph made unique to ``run``.

    Typst memoises layout within a compiler: the same paragraphs typeset again
    would be answered from that cache and flatter the figure. A real run of
    documents shares no paragraphs, so none may be shared here either.
    """
    tag = f" [{run}]"
    return replace(
        version,
        paragraphs=tuple(p + tag for p in version.paragraphs),
        annexes=tuple(
            replace(a, paragraphs=tuple(p + tag for p in a.paragraphs)) for a in version.annexes
        ),
        job_number=f"GE.19-{10000 + run}",
    )


@dataclass
class Times:
    """Wall-clock and CPU seconds of repeated measurements."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def median(self) -> tuple[float, float]:
        return statistics.median(self.wall), statistics.median(self.cpu)


def timed_versions(doc: Document, runs: int, first_run: int) -> tuple[Times, dict[str, Times]]:
    """Compose and render the six versions ``runs`` times, each run's text new to the
    compiler; the times of each run (all six) and of each version."""
    totals = Times()
    per = {lang.value: Times() for lang in Language}
    for run in range(first_run, first_run + runs):
        begin, begin_cpu = time.perf_counter(), time.process_time()
        for lang in Language:
            start, start_cpu = time.perf_counter(), time.process_time()
            render(varied(compose(doc, lang), run), Format.PDF)
            per[lang.value].wall.append(time.perf_counter() - start)
            per[lang.value].cpu.append(time.process_time() - start_cpu)
        totals.wall.append(time.perf_counter() - begin)
        totals.cpu.append(time.process_time() - begin_cpu)
    return totals, per


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def whole_process(record_path: Path, out: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one ``palais compose RECORD --all`` process."""
    palais = Path(sys.executable).with_name("palais")
    start, cpu = time.perf_counter(), children_cpu()
    subprocess.run([str(palais), "compose", str(record_path), "--all", "-o", str(out)],
                   check=True, capture_output=True)
    return time.perf_counter() - start, children_cpu() - cpu


def write_docx(version: ComposedVersion, path: Path) -> None:
    """A DOCX laid out as palais's PDF of ``version``: A4 and the same margins, the
    symbol and the masthead lines, justified paragraphs with the same indents, the
    job number in the first page's footer, the symbol and a PAGE field on later
    pages, each annex after a page break, right-to-left paragraphs for Arabic.
    (python-docx writes no footnotes part, so the note is a 9 pt paragraph.)"""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    font = {Language.AR: "Noto Naskh Arabic", Language.ZH: "Noto Serif CJK SC"}
    d = docx.Document()
    section = d.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.6)
    section.left_margin, section.right_margin = Cm(2.3), Cm(1.9)
    section.different_first_page_header_footer = True
    section.first_page_footer.paragraphs[0].text = version.job_number or ""
    section.header.paragraphs[0].text = version.symbol or ""
    page = section.footer.paragraphs[0].add_run()._r
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        el = OxmlElement("w:fldChar" if kind else "w:instrText")
        if kind:
            el.set(qn("w:fldCharType"), kind)
        else:
            el.text = text
        page.append(el)

    def para(text: str, lang: Language, rtl: bool, *, bold: bool = False, size: int = 10,
             body: bool = False, indent: bool = False):
        p = d.add_paragraph()
        if rtl:
            p._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
        if body:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            p.paragraph_format.first_line_indent = Cm(1.25)
        if body or indent:
            p.paragraph_format.left_indent = Cm(1.25)
        run = p.add_run(text)
        run.bold, run.font.size = bold, Pt(size)
        run.font.name = font.get(lang, "Noto Serif")
        fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:cs"), font.get(lang, "Noto Serif"))
        fonts.set(qn("w:eastAsia"), font.get(lang, "Noto Serif"))
        props = run._r.get_or_add_rPr()
        if bold:  # bold and size of complex-script (Arabic) text are separate properties
            props.append(OxmlElement("w:bCs"))
        size_cs = OxmlElement("w:szCs")
        size_cs.set(qn("w:val"), str(size * 2))
        props.append(size_cs)
        if rtl:
            props.append(OxmlElement("w:rtl"))
        return p

    lang, rtl = version.language, version.direction == "rtl"
    if version.symbol:
        para(version.symbol, Language.EN, False, bold=True, size=17).alignment = (
            WD_ALIGN_PARAGRAPH.RIGHT)
    for line in (version.distribution, version.issue_date, version.language_line,
                 version.original_line):
        if line:
            para(line, Language.EN, False).paragraph_format.left_indent = Cm(13)
    for line in (version.body, version.session, version.session_dates, version.agenda):
        if line:
            para(line, lang, rtl, bold=line == version.body)
    if version.agenda_title:
        para(version.agenda_title, lang, rtl, bold=True)
    para(version.title, lang, rtl, bold=True, size=12, indent=True)
    for text in version.paragraphs:
        para(text, lang, rtl, body=True)
    for note in version.footnotes:
        para(f"{note.marker} {note.text}", lang, rtl, size=9, indent=True)
    for annex in version.annexes:
        alang, artl = annex.language or lang, annex.direction == "rtl"
        para("", alang, False).runs[0].add_break(WD_BREAK.PAGE)
        para(annex.heading, alang, artl, bold=True, size=12, indent=True)
        if annex.subtitle:
            para(annex.subtitle, alang, artl, bold=True, size=11, indent=True)
        for text in annex.paragraphs:
            para(text, alang, artl, body=True)
    d.save(str(path))


def one_shot(soffice: str, docx_path: Path, profile: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one ``soffice --headless --convert-to pdf`` process."""
    start, cpu = time.perf_counter(), children_cpu()
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", TAGGED_PDF, "--outdir", str(docx_path.parent), str(docx_path)],
                   check=True, capture_output=True)
    return time.perf_counter() - start, children_cpu() - cpu


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def warm_server(
    soffice: str, paths: list[Path], runs: int, profile: Path
) -> dict[str, dict[str, Any]]:
    """Per DOCX: wall times of each conversion by a warm server, and the server's CPU
    seconds per conversion (averaged over the runs: /proc counts in clock ticks)."""
    port = free_port()
    server = subprocess.Popen(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible",
         "--nologo", "--norestore", f"--accept=socket,host=127.0.0.1,port={port};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        done = subprocess.run(["/usr/bin/python3", "-c", UNO_CLIENT, str(port), str(runs),
                               *map(str, paths)], check=True, capture_output=True, text=True)
        times: dict[str, dict[str, Any]] = json.loads(done.stdout)
        return times
    finally:
        server.terminate()
        server.wait(timeout=30)


def require_libreoffice() -> str:
    soffice = shutil.which("soffice")
    has_uno = subprocess.run(["/usr/bin/python3", "-c", "import uno"],
                             capture_output=True).returncode == 0
    if not soffice or not has_uno:
        sys.exit("LibreOffice and python3-uno are needed for the reference: "
                 "apt-get install -y --no-install-recommends libreoffice-writer-nogui python3-uno")
    return soffice


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", type=int, default=0, help="index into palais.samples.NAMES")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--lo-runs", type=int, default=10)
    args = ap.parse_args()
    soffice = require_libreoffice()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    load_before = os.getloadavg()[0]

    name = samples.NAMES[args.sample]
    doc = samples.load()[args.sample]
    timed_versions(doc, 3, 0)  # warm-up: compiler, fonts, conventions
    totals, per = timed_versions(doc, args.runs, 3)

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        record_path = tmp / name
        record_path.write_text(json.dumps(samples.record(name), ensure_ascii=False), "utf-8")
        process = whole_process(record_path, tmp / "out")
        docx_paths = []
        for lang in Language:
            path = tmp / f"{lang.value}.docx"
            write_docx(compose(doc, lang), path)
            docx_paths.append(path)
        profile = tmp / "lo-profile"
        one_shot(soffice, docx_paths[0], profile)  # the first start creates the profile
        shots = {p.stem: one_shot(soffice, p, profile) for p in docx_paths}
        warm = {Path(p).stem: t for p, t in
                warm_server(soffice, docx_paths, args.lo_runs, profile).items()}

    print(f"sample {name}; {args.runs} runs in-process after 3 warm-up runs, {args.lo_runs} "
          f"per version on the warm LibreOffice server; one CPU; load average "
          f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after")
    print("| version | palais compose+PDF ms (wall / CPU) | LibreOffice warm server ms "
          "(wall / server CPU) | LibreOffice one-shot ms (wall / CPU) "
          "| ratio warm LO / palais (wall / CPU) |")
    print("|---|---|---|---|---|")
    ratios = []
    for lang in Language:
        wall, cpu = per[lang.value].median()
        lo_wall, lo_cpu = statistics.median(warm[lang.value]["wall"]), warm[lang.value]["cpu"]
        shot_wall, shot_cpu = shots[lang.value]
        ratio = (lo_wall / wall, lo_cpu / cpu)
        ratios.append(ratio)
        print(f"| {lang.value} | {ms(wall)} / {ms(cpu)} | {ms(lo_wall)} / {ms(lo_cpu)} "
              f"| {ms(shot_wall)} / {ms(shot_cpu)} | {ratio[0]:.1f} / {ratio[1]:.1f} |")
    wall, cpu = totals.median()
    print(f"all six in-process: median {ms(wall)} ms wall, {ms(cpu)} ms CPU "
          f"(wall runs: {', '.join(str(ms(t)) for t in sorted(totals.wall))}); "
          f"target < {TARGET_ALL_SIX_MS} ms: {verdict(ms(cpu) < TARGET_ALL_SIX_MS)} "
          f"on CPU time, {verdict(ms(wall) < TARGET_ALL_SIX_MS)} on wall time")
    print(f"palais compose --all (one whole process, 6 languages x 4 formats): "
          f"{ms(process[0])} ms wall, {ms(process[1])} ms CPU")
    print(f"LibreOffice one-shot, six versions: {ms(sum(w for w, _ in shots.values()))} ms wall")
    worst_wall, worst_cpu = min(r[0] for r in ratios), min(r[1] for r in ratios)
    print(f"smallest per-version ratio: {worst_wall:.1f} on wall time, {worst_cpu:.1f} on CPU "
          f"time; target >= {TARGET_RATIO}: {verdict(worst_wall >= TARGET_RATIO)} on wall, "
          f"{verdict(worst_cpu >= TARGET_RATIO)} on CPU")


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


if __name__ == "__main__":
    main()
