"""Field accuracy of the parser on a folder of real UN texts with expected metadata.

Usage: python benchmarks/real_corpus.py CORPUS_DIR   (CORPUS_DIR holds expected.jsonl
and docs/*.txt). For each field of expected.jsonl that is not null, counts whether
the parser's record has the same value; prints accuracy per field, per language
and overall, and lists the misses.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from palais.parse import parse_text
from palais.records import to_record

FIELDS = ("symbol", "body_code", "session", "session_dates", "agenda_items", "doc_type",
          "doc_date", "sender_iso3", "language", "original_language", "annex_language",
          "reproduced_as_received")


def actual(record: dict, field: str) -> object:
    match field:
        case "body_code":
            return record["body"]
        case "sender_iso3":
            return record["sender_state"]
        case "annex_language":
            return record["annexes"][0]["language"] if record["annexes"] else None
        case _:
            return record[field]


def main(folder: Path) -> int:
    per_field: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    per_lang: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for line in (folder / "expected.jsonl").read_text(encoding="utf-8").splitlines():
        exp = json.loads(line)
        text = (folder / "docs" / exp["file"]).read_text(encoding="utf-8")
        record = to_record(parse_text(text, source_name=exp["file"]))
        for field in FIELDS:
            want = exp.get(field)
            if want is None:
                continue
            got = actual(record, field)
            ok = got == want
            for tally in (per_field[field], per_lang[exp["language"]]):
                tally[0] += ok
                tally[1] += 1
            if not ok:
                misses.append(f"{exp['file']} {field}: expected {want!r}, got {got!r}")
    total = [sum(v[0] for v in per_field.values()), sum(v[1] for v in per_field.values())]
    print(f"{'field':<24}{'right':>7}{'of':>5}{'%':>8}")
    for name in FIELDS:
        right, of = per_field[name]
        if of:
            print(f"{name:<24}{right:>7}{of:>5}{100 * right / of:>8.1f}")
    print()
    for lang, (right, of) in sorted(per_lang.items()):
        print(f"language {lang:<15}{right:>7}{of:>5}{100 * right / of:>8.1f}")
    print(f"\n{'all fields':<24}{total[0]:>7}{total[1]:>5}{100 * total[0] / total[1]:>8.1f}\n")
    print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
