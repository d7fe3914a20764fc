"""Read and parse many files in parallel: the seam bulk ingest is built on.

``parse_files`` takes paths and yields one :class:`Outcome` per file, a
Document or the reason it failed, so a caller (``palais ingest`` today, the
registry's bulk import later) decides what to do with each. It lives in the
parse stage because it runs intake then parse, and a stage only calls the
stages before it.

Files are spread over worker processes (parsing is pure Python, so threads
would share one core). One file never stops the batch: every exception in a
worker becomes that file's failure. A file that takes longer than ``timeout``
seconds is stopped by an alarm in its worker and reported as timed out.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from palais.errors import PalaisError, ParseError
from palais.intake import read_path
from palais.model import Document
from palais.parse import parse_text

SUFFIXES = (".txt", ".pdf", ".docx")
"""What a folder is searched for; a file named on its own is read whatever its name."""

DEFAULT_TIMEOUT = 60.0


@dataclass(frozen=True, slots=True)
class Outcome:
    """One file's result: ``document`` when it parsed (and ``text``, the text read from the
    file), else ``error`` says why not."""

    path: str
    sha256: str | None = None
    media_type: str | None = None
    document: Document | None = None
    error: str | None = None
    text: str | None = None

    @property
    def ok(self) -> bool:
        return self.document is not None


def collect(paths: Iterable[Path], suffixes: Iterable[str] = SUFFIXES) -> list[Path]:
    """Files named, and files under folders named (recursively, by suffix), in sorted order.

    A path that does not exist is a ParseError before any work starts: a typo
    should not pass for an empty batch.
    """
    wanted = tuple(s.lower() for s in suffixes)
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in wanted
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.exists():
            found.append(path)
        else:
            raise ParseError("%(path)s does not exist", path=path)
    return list(dict.fromkeys(found))


def parse_file(path: Path, timeout: float = DEFAULT_TIMEOUT) -> Outcome:
    """Read and parse one file within ``timeout`` seconds; never raises.

    The alarm needs the main thread of a process (as in a worker of
    :func:`parse_files`); called from another thread, the file is read without
    a time limit.
    """
    timed = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGALRM, _on_alarm) if timed else None
    if timed:
        signal.setitimer(signal.ITIMER_REAL, timeout)
    src = None
    try:
        src = read_path(path)
        document = parse_text(src.text, pages=src.pages, source_name=src.name)
        return Outcome(str(path), src.sha256, src.media_type, document, text=src.text)
    except _TimedOut:
        return _failed(path, src, f"took longer than {timeout:g} s; stopped")
    except PalaisError as exc:
        return _failed(path, src, exc.detail)
    except Exception as exc:  # one bad file must not stop the batch
        return _failed(path, src, f"internal error {type(exc).__name__}: {exc}")
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def parse_files(
    paths: Iterable[Path], *, workers: int | None = None, timeout: float = DEFAULT_TIMEOUT,
    window: int | None = None,
) -> Iterator[Outcome]:
    """Outcomes of ``paths`` as they finish (not in input order), over ``workers`` processes.

    At most ``window`` files (default: four per worker) are in flight: enough to keep
    every core busy without queueing a million futures for a large folder. A caller
    that spends time on each batch of outcomes (storing them) passes a window larger
    than its batch, so the workers go on parsing meanwhile.
    """
    workers = workers or os.cpu_count() or 1
    window = window or 4 * workers
    pending: set[Future[Outcome]] = set()
    todo = iter(paths)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for path in todo:
            pending.add(pool.submit(parse_file, path, timeout))
            if len(pending) >= window:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (f.result() for f in done)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            yield from (f.result() for f in done)


class _TimedOut(BaseException):
    """Raised by the alarm; a BaseException so no ``except Exception`` in a reader swallows it."""


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _TimedOut


def _failed(path: Path, src: object, reason: str) -> Outcome:
    sha256 = getattr(src, "sha256", None)
    return Outcome(str(path), sha256, getattr(src, "media_type", None), error=reason)
