"""The text layer of a PDF, page by page: poppler's ``pdftotext -layout``, else pdfminer.six.

Both were measured on the seeds typeset as PDFs (``benchmarks/pdf_text.py``,
docs/decisions.md): with the parser as it now stands both give every cover
field, and ``pdftotext`` does it seven to nine times faster and keeps
right-to-left text in logical order (:mod:`palais.intake.poppler`), so it reads
every PDF where it is installed (scripts/setup.sh installs poppler-utils).
pdfminer.six, a Python dependency every installation has, reads PDFs where
poppler is missing, except right-to-left ones, which it would give reversed.

A PDF is a program of sorts, and a damaged or hostile one can keep pdfminer
busy for hours or fill the memory (fuzzing found a font whose width table
spans four billion characters). So pdfminer runs in a helper process (this
module run with ``python -m``) with a memory cap, and a PDF that takes longer
than :data:`SECONDS` gets the helper killed and is a ParseError; the next PDF
starts a fresh helper. One helper serves each process in turn, so its start-up
is paid once, not per file; a plain ``subprocess`` (not multiprocessing) keeps
it safe in a threaded web server and independent of the caller's main module.
``pdftotext`` is a separate program with its own time limit already. Word
files go through the same helper (:mod:`palais.intake.word`): a small .docx can
unpack to a hundred megabytes of XML that python-docx would hold and walk for
a minute, so it gets the same time and memory bounds.
"""

from __future__ import annotations

import io
import json
import logging
import os
import resource
import select
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

from pdfminer.converter import TextConverter
from pdfminer.layout import LAParams
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage

from palais.errors import ParseError
from palais.intake.ligatures import respellings, respelt
from palais.intake.poppler import (
    has_right_to_left,
    ligatures_in_order,
    read_pdf_logical,
    reverses_ligatures,
)
from palais.intake.text import tidy

MAX_CHARS = 400_000
"""Pages are read until this much text is held: the parser reads no further."""

LIGATURE_PAGES = 50
"""Pages whose glyphs are read to respell reversed ligatures (a note and its annexes)."""

SECONDS = 30.0
"""Time one PDF may take; a 100-page report takes a few seconds."""

MEMORY_BYTES = 1024**3
"""Address space of the helper process: far above a real PDF's needs."""

LAPARAMS = LAParams(char_margin=5.0)
"""Justified lines spread words apart; with pdfminer's default margin (2 character
widths) a bold justified title falls apart into scattered boxes. 5 keeps such a
line whole while two columns far apart stay separate (measured: docs/decisions.md)."""


def read_pdf(data: bytes, name: str) -> tuple[str, ...]:
    """The text of each page (all blank for an image-only PDF, which intake reads by OCR);
    ParseError for a damaged, locked or runaway PDF."""
    if shutil.which("pdftotext"):
        pages = read_pdf_logical(data, name)
        if reverses_ligatures(pages):
            pages = _ligatures_respelt(data, name, pages)
            pages = tuple(ligatures_in_order(page) for page in pages)
    else:
        pages = read_with_pdfminer(data, name)
        if has_right_to_left(pages):
            pages = read_pdf_logical(data, name)  # refused, saying what to install
    return pages


def _ligatures_respelt(data: bytes, name: str, pages: tuple[str, ...]) -> tuple[str, ...]:
    """pdftotext's pages with the words whose lam-alef ligatures it reversed spelt from the
    glyphs (:mod:`palais.intake.ligatures`); as read when pdfminer cannot read the file."""
    try:
        return respelt(pages, read_in_helper(data, name, "ligatures"))
    except ParseError:
        return pages


def read_with_pdfminer(data: bytes, name: str) -> tuple[str, ...]:
    """The text of each page through pdfminer.six in the helper process."""
    return read_in_helper(data, name, "pdf")


def read_in_helper(data: bytes, name: str, kind: str) -> tuple[str, ...]:
    """The pages of a ``kind`` ("pdf" or "docx") file, read in the bounded helper process."""
    outcome = _helper.read(data, name, kind)
    if isinstance(outcome, str):
        raise ParseError(outcome)
    return outcome


_KINDS = {"pdf": "PDF", "docx": "Word file", "ligatures": "PDF"}


def extract_pages(data: bytes, name: str) -> tuple[str, ...]:
    """What the helper does for :func:`read_with_pdfminer`: pdfminer over the bytes, here."""
    pages: list[str] = []
    out = io.StringIO()
    try:
        manager = PDFResourceManager(caching=True)
        device = TextConverter(manager, out, laparams=LAPARAMS)
        interpreter = PDFPageInterpreter(manager, device)
        held = 0
        for page in PDFPage.get_pages(io.BytesIO(data), caching=True):
            interpreter.process_page(page)
            text = out.getvalue()
            out.seek(0)
            out.truncate()
            pages.append(tidy(text.replace("\f", "")))
            held += len(text)
            if held >= MAX_CHARS:
                break
    except Exception as exc:
        # pdfminer meets every kind of damage in untrusted files and raises whatever
        # its code ran into (KeyError, TypeError, its own PDF*Error, MemoryError ...):
        # all of them mean this file cannot be read, which is what ParseError says.
        raise ParseError("%(name)s is a damaged or unreadable PDF: %(reason)s", name=name,
                         reason=_reason(exc)) from exc
    return tuple(pages)


class _Helper:
    """The helper process of this process: started when first needed, killed when stuck.

    Requests are one JSON header line (name, size) and the PDF's bytes; the
    answer is one JSON line with the pages or the reason they cannot be read.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None

    def forget(self) -> None:
        """In a forked child: the parent's helper and lock are not this process's."""
        self._lock = threading.Lock()
        self._process = None

    def read(self, data: bytes, name: str, kind: str) -> tuple[str, ...] | str:
        with self._lock:
            try:
                return self._exchange(data, name, kind)
            except BaseException:
                # Stuck, dead, or interrupted halfway by a caller's own time limit: the
                # helper may be mid-answer, so it cannot serve the next file.
                self._stop()
                raise

    def _exchange(self, data: bytes, name: str, kind: str) -> tuple[str, ...] | str:
        process = self._start()
        assert process.stdin is not None and process.stdout is not None
        header = json.dumps({"name": name, "size": len(data), "kind": kind}).encode() + b"\n"
        label = _KINDS[kind]
        try:
            process.stdin.write(header + data)
            process.stdin.flush()
        except OSError as exc:
            raise ParseError(
                "%(name)s: the %(label)s reader could not be started: %(exc)s",
                name=name, label=label, exc=exc,
            ) from exc
        line = _read_line(process.stdout, time.monotonic() + SECONDS)
        if line is None:
            raise ParseError(
                "%(name)s: reading the %(label)s took longer than %(SECONDS)s s and was stopped "
                "(a damaged or hostile file?)",
                name=name, label=label, SECONDS=format(SECONDS, 'g'),
            )
        if not line:
            raise ParseError(
                "%(name)s: the %(label)s reader stopped on this file (it needed more than "
                "%(value)s MB or crashed)",
                name=name, label=label, value=MEMORY_BYTES >> 20,
            )
        answer = json.loads(line)
        return tuple(answer["pages"]) if "pages" in answer else str(answer["error"])

    def _start(self) -> subprocess.Popen[bytes]:
        if self._process is not None and self._process.poll() is None:
            return self._process
        root = str(Path(__file__).resolve().parent.parent.parent)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            p for p in (root, os.environ.get("PYTHONPATH")) if p)}
        self._process = subprocess.Popen(
            [sys.executable, "-m", "palais.intake.pdf"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
        )
        return self._process

    def _stop(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            for pipe in (self._process.stdin, self._process.stdout):
                if pipe is not None:
                    pipe.close()
        self._process = None


def _read_line(pipe: IO[bytes], deadline: float) -> bytes | None:
    """One line from ``pipe`` by ``deadline``: None when time ran out, b"" at end of file."""
    fd = pipe.fileno()
    chunks: list[bytes] = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
            return None
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            return b""
        chunks.append(chunk)
        if chunk.endswith(b"\n"):
            return b"".join(chunks)


def _respellings(data: bytes, name: str) -> tuple[str, ...]:
    """What the helper does for the "ligatures" kind (:mod:`palais.intake.ligatures`)."""
    try:
        return respellings(data, LIGATURE_PAGES)
    except Exception as exc:  # as in extract_pages: any damage means "cannot be read"
        raise ParseError("%(name)s is a damaged or unreadable PDF: %(reason)s", name=name,
                         reason=_reason(exc)) from exc


def _reason(exc: Exception) -> str:
    name = type(exc).__name__
    if "Password" in name or "Encrypt" in name:
        return "it is locked with a password"
    detail = str(exc)[:200]
    return f"{name}: {detail}" if detail else name


def _serve() -> None:
    """The helper's loop: read requests on stdin, answer on stdout, until stdin closes."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    logging.getLogger("pdfminer").setLevel(logging.CRITICAL)
    requests, answers = sys.stdin.buffer, sys.stdout.buffer
    while header := requests.readline():
        request = json.loads(header)
        data = requests.read(request["size"])
        extract = extract_pages
        if request.get("kind") == "docx":
            from palais.intake.word import extract_docx as extract
        elif request.get("kind") == "ligatures":
            extract = _respellings
        try:
            answer: dict[str, object] = {"pages": extract(data, request["name"])}
        except ParseError as exc:
            answer = {"error": exc.detail}
        answers.write(json.dumps(answer).encode() + b"\n")
        answers.flush()


_helper = _Helper()
os.register_at_fork(after_in_child=_helper.forget)

if __name__ == "__main__":
    _serve()
