"""PDF manifestation of a language version, typeset by Typst in the UN's layout.

The layout lives in ``templates/un-document.typ``; this module only hands it the
composed version as JSON (``sys.inputs``), so text from a record is never
spliced into Typst markup and cannot change the layout or run code.

Typst was chosen over WeasyPrint and LibreOffice by measurement (see
``docs/decisions.md``): one reused :class:`typst.Compiler` keeps the parsed
template and the loaded fonts between documents, so a version costs a few
milliseconds in-process. Fonts are the Debian Noto packages that the project's
set-up installs (``fonts-noto-core`` for Latin, Cyrillic and Arabic,
``fonts-noto-cjk`` for Chinese); they are found under the standard font
directories and embedded (subset) in every PDF.
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import typst

from palais.compose.version import ComposedFootnote, ComposedVersion
from palais.errors import CompositionError

__all__ = ["FONT_FILES", "PdfRenderer", "find_font_dirs", "render"]

_HYPHENATED = frozenset({"en", "fr", "es", "ru"})
"""Languages whose justified cover lines Typst hyphenates by the language's own
patterns; Arabic and Chinese do not break words at a line end. Annexes, reproduced
as received, are set without hyphenation: a break inside a capitalised compound
("GeoPro-/Mining") could not be told from the sender's own hyphen when the text is
read back."""

TEMPLATES = Path(__file__).parent / "templates"
TEMPLATE = TEMPLATES / "un-document.typ"

FONT_FILES: dict[str, str] = {
    "NotoSerif-Regular.ttf": "fonts-noto-core",
    "NotoSerif-Bold.ttf": "fonts-noto-core",
    "NotoNaskhArabic-Regular.ttf": "fonts-noto-core",
    "NotoNaskhArabic-Bold.ttf": "fonts-noto-core",
    "NotoSerifCJK-Regular.ttc": "fonts-noto-cjk",
    "NotoSerifCJK-Bold.ttc": "fonts-noto-cjk",
}
"""The font files the template names, with the Debian package that installs each."""

FONT_ROOTS: tuple[Path, ...] = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))
"""Where Debian (and a local administrator) install fonts."""


def find_font_dirs(roots: Iterable[Path] = FONT_ROOTS) -> tuple[Path, ...]:
    """The directories holding :data:`FONT_FILES`, or CompositionError naming what is missing.

    Only those directories are given to Typst, so a compiler loads the fonts it
    needs rather than every font of the machine.
    """
    found: dict[str, Path] = {}
    for root in roots:
        if not root.is_dir():
            continue
        for path in root.rglob("*"):
            if path.name in FONT_FILES and path.name not in found:
                found[path.name] = path.parent
    missing = sorted(set(FONT_FILES) - set(found))
    if missing:
        packages = sorted({FONT_FILES[name] for name in missing})
        raise CompositionError(
            "cannot typeset PDF: font files missing: "
            + ", ".join(missing)
            + " (install the Debian packages "
            + " and ".join(packages)
            + ", e.g. by running scripts/setup.sh)"
        )
    return tuple(dict.fromkeys(found[name] for name in FONT_FILES))


class PdfRenderer:
    """Renders composed versions to PDF with one reused Typst compiler.

    Building the compiler reads the template and indexes the fonts (about a
    tenth of a second); each later document reuses both. Typst compilers are
    not meant to be shared by threads at once, so calls are serialised.
    """

    def __init__(self, font_dirs: Sequence[Path] | None = None) -> None:
        dirs = tuple(font_dirs) if font_dirs is not None else find_font_dirs()
        self._compiler = typst.Compiler(
            input=str(TEMPLATE),
            root=str(TEMPLATES),
            font_paths=[str(d) for d in dirs],
            ignore_system_fonts=True,
        )
        self._lock = threading.Lock()

    def render(self, version: ComposedVersion) -> bytes:
        """The PDF bytes of ``version`` (identical bytes for identical input)."""
        fields = template_data(version)
        _check_unicode(fields, "version")
        data = json.dumps(fields, ensure_ascii=False)
        try:
            with self._lock:
                pdf = self._compiler.compile(sys_inputs={"data": data})
        except typst.TypstError as exc:
            raise CompositionError(f"typesetting the PDF failed: {exc}") from exc
        if not isinstance(pdf, bytes):
            raise CompositionError("typesetting the PDF produced no document")
        return pdf


@cache
def _shared_renderer() -> PdfRenderer:
    return PdfRenderer()


def render(version: ComposedVersion) -> bytes:
    """The PDF of ``version``, through a renderer shared by the whole process."""
    return _shared_renderer().render(version)


def template_data(version: ComposedVersion) -> dict[str, Any]:
    """The JSON object ``un-document.typ`` reads: every string final, with its direction.

    Footnote markers stay where the composed text prints them; the text around
    them is cut into runs so the template can attach each note at its marker.
    """
    cover_dir = version.direction
    notes = _NotePlacer(version.footnotes)
    title_runs = notes.place(version.title)
    paragraphs = [notes.place(p) for p in version.paragraphs]
    # A note whose marker the text does not print belongs to the title, where
    # the UN puts document-wide notes ("Reissued for technical reasons").
    title_runs += notes.remaining_as_runs()
    return {
        "lang": version.language.value,
        "dir": cover_dir,
        "symbol": version.symbol,
        "job_number": version.job_number,
        "barcode": version.barcode,
        "hyphenate": version.language.value in _HYPHENATED,
        "title": version.title,
        "organization": version.organization,
        "organ": version.organ,
        "masthead": [
            _line(text)
            for text in (
                version.distribution,
                version.issue_date,
                version.language_line,
                version.original_line,
            )
            if text
        ],
        "cover": [
            text
            for text in (version.body, version.session, version.session_dates)
            if text
        ],
        "agenda": version.agenda,
        "agenda_title": version.agenda_title,
        "title_runs": title_runs,
        "heading": version.heading,
        "corrections": [{"lead": c.lead, "text": c.text} for c in version.corrections],
        "paragraphs": paragraphs,
        "annexes": [
            {
                "lang": (annex.language.value if annex.language else version.language.value),
                "dir": annex.direction,
                "heading": annex.heading,
                "subtitle": annex.subtitle,
                "paragraphs": [[{"text": p}] for p in annex.paragraphs],
            }
            for annex in version.annexes
        ],
    }


def _check_unicode(value: Any, where: str) -> None:
    """Refuse text that is not Unicode scalar values (a lone surrogate, which a JSON
    record can spell as "\\ud800"), naming the field, before the typesetter sees it."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise CompositionError(
                f"{where} holds an invalid character (lone surrogate "
                f"U+{ord(value[exc.start]):04X} at position {exc.start}): it cannot be printed"
            ) from exc
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_unicode(item, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _check_unicode(item, f"{where}[{i}]")


def _line(text: str) -> dict[str, str]:
    """A masthead line with its own direction: Arabic versions print these in English."""
    return {"text": text, "dir": _direction(text)}


def _direction(text: str) -> str:
    """"rtl" when the first strongly directional character is right to left."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


class _NotePlacer:
    """Finds each footnote's marker in the cover text, in order, and cuts runs there.

    A marker counts only right after a printed character and not inside a run
    of the same sign, so the "*" of "annex thereto*" is found but a "1" inside
    "2019" is not.
    """

    def __init__(self, footnotes: Sequence[ComposedFootnote]) -> None:
        self.unplaced = list(footnotes)

    def place(self, text: str) -> list[dict[str, str]]:
        runs: list[dict[str, str]] = []
        start = 0
        while self.unplaced:
            note = self.unplaced[0]
            match = _marker_pattern(note.marker).search(text, start)
            if not match:
                break
            runs.append({"text": text[start : match.start()]})
            runs.append({"note": note.marker, "text": note.text})
            start = match.end()
            self.unplaced.pop(0)
        runs.append({"text": text[start:]})
        return runs

    def remaining_as_runs(self) -> list[dict[str, str]]:
        runs = [{"note": n.marker, "text": n.text} for n in self.unplaced]
        self.unplaced.clear()
        return runs


@cache
def _marker_pattern(marker: str) -> re.Pattern[str]:
    sign = re.escape(marker)
    if marker.isdigit():
        # A numbered note follows a word, never a number or a symbol's slash.
        return re.compile(rf"(?<=[^\s\d/.\-]){sign}(?!\d)")
    edge = re.escape(marker[-1])
    return re.compile(rf"(?<=[^\s{edge}]){sign}(?!{edge})")
