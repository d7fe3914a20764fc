"""How well palais reads notes verbales as missions send them, against expected fields.

Usage: python benchmarks/mission_notes.py FOLDER   (FOLDER holds expected.jsonl and
docs/: text, Word, PDF and scanned files, one note each). Every file goes through
the path a mission's upload takes (intake, OCR where the file is an image, parse,
compose); for each note the script counts

* field accuracy: sender_state, doc_date, reference, addressee, session,
  agenda_items, language, original_language, has_annex, annex_language;
* UN title exactness: the English title the cover would carry;
* paragraphs kept: each expected substantive paragraph is a cover paragraph
  (compared without white space and bidi controls), and nothing else is;
* dropped parts leaked: the closing formula or the reference line printed anywhere
  on the composed cover of the note's own language.

Prints the tallies and every miss; exits 0.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from palais import intake
from palais.compose import compose
from palais.compose.formulaic import standard_title, title_is_standard
from palais.languages import Language
from palais.model import Document
from palais.parse import parse_source
from palais.records import to_record

FIELDS = ("sender_state", "doc_date", "reference", "addressee", "session", "agenda_items",
          "language", "original_language", "has_annex", "annex_language")
_ADDRESSEES = {"OHCHR": "OHCHR", "PHRC": "HRC-President"}
_INVISIBLE = re.compile(r"[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]+")


def _squash(text: str) -> str:
    return _INVISIBLE.sub("", text)


def actual(record: dict[str, Any], field: str) -> object:
    match field:
        case "addressee":
            return _ADDRESSEES.get(record["addressee"], record["addressee"])
        case "agenda_items":
            return record["agenda_items"] or None
        case "has_annex":
            return bool(record["annexes"])
        case "annex_language":
            return record["annexes"][0]["language"] if record["annexes"] else None
        case "original_language":
            return record["original_language"]
        case _:
            return record[field]


def english_title(doc: Document) -> str | None:
    if doc.language is Language.EN:
        return doc.title
    return standard_title(doc, Language.EN) if title_is_standard(doc) else None


def leaked(doc: Document, exp: dict[str, Any]) -> list[str]:
    if doc.language is None or doc.title is None or doc.doc_date is None:
        return []
    version = compose(doc, doc.language)
    printed = _squash(" ".join([version.title or "", *version.paragraphs,
                                *(f.text for f in version.footnotes)]))
    out = []
    for part in ("closing_formula", "reference_line"):
        if exp.get(part) and _squash(exp[part]) in printed:
            out.append(part)
    return out


def main(folder: Path) -> int:
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses: list[str] = []
    seconds: list[float] = []
    for line in (folder / "expected.jsonl").read_text(encoding="utf-8").splitlines():
        exp = json.loads(line)
        began = time.perf_counter()
        doc = parse_source(intake.read_path(folder / "docs" / exp["file"]))
        seconds.append(time.perf_counter() - began)
        record = to_record(doc)
        expected = {**exp, "original_language": exp["language"]}
        for field in FIELDS:
            got, want = actual(record, field), expected.get(field)
            ok = got == want
            tally[field][0] += ok
            tally[field][1] += 1
            if not ok:
                misses.append(f"{exp['file']} {field}: expected {want!r}, got {got!r}")
        title = english_title(doc)
        tally["un_title_en"][0] += title == exp["un_title_en"]
        tally["un_title_en"][1] += 1
        if title != exp["un_title_en"]:
            misses.append(f"{exp['file']} un_title_en: got {title!r}")
        kept = [_squash(p) for p in doc.paragraphs]
        want_kept = [_squash(p) for p in exp["substantive_paragraphs"]]
        right = sum(p in kept for p in want_kept)
        tally["paragraphs kept"][0] += right
        tally["paragraphs kept"][1] += len(want_kept)
        extra = [p for p in doc.paragraphs if _squash(p) not in want_kept]
        tally["no extra paragraph"][0] += not extra
        tally["no extra paragraph"][1] += 1
        if right < len(want_kept) or extra:
            misses.append(f"{exp['file']} paragraphs: {right}/{len(want_kept)} kept, "
                          f"extra {[p[:60] for p in extra]}")
        leaks = leaked(doc, exp)
        tally["nothing leaked"][0] += not leaks
        tally["nothing leaked"][1] += 1
        if leaks:
            misses.append(f"{exp['file']} leaked on the cover: {', '.join(leaks)}")
    print(f"{'measure':<22}{'right':>7}{'of':>5}{'%':>8}")
    for name, (right, of) in tally.items():
        print(f"{name:<22}{right:>7}{of:>5}{100 * right / of:>8.1f}")
    fields_right = sum(tally[f][0] for f in FIELDS)
    fields_of = sum(tally[f][1] for f in FIELDS)
    print(f"{'fields overall':<22}{fields_right:>7}{fields_of:>5}"
          f"{100 * fields_right / fields_of:>8.1f}")
    print(f"seconds per note: median {sorted(seconds)[len(seconds) // 2]:.2f}, "
          f"max {max(seconds):.2f}")
    for miss in misses:
        print("MISS", miss)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(Path(sys.argv[1])))
