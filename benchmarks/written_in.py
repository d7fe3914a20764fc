"""The language check of translations on real text: wrong refusals and wrong acceptances.

    python benchmarks/written_in.py CORPUS [--runs 3]

CORPUS is a folder of UN document texts with ``expected.jsonl`` naming each
file's language (the development corpus). Every line of 4 to 60 words of each
text is a stand-in for a translated passage: checked for its own language it
should pass (a refusal there is a wrong refusal), checked for each of the five
other languages it should be refused (an acceptance is a wrong acceptance).
Lines of another script than their file's (a Latin symbol or name list in an
Arabic text, the hosting site's navigation) are counted apart, as they are not
passages in the file's language. The time per check is the median of ``--runs``
runs; the reference, in the same run, is the script test alone (no lingua).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import Counter
from pathlib import Path

from palais.errors import InvalidInput
from palais.languages import Language
from palais.parse.written_in import _SCRIPT_OF, check_written_in, script_of


def lines_of(folder: Path) -> list[tuple[Language, str]]:
    found = []
    for line in (folder / "expected.jsonl").read_text().splitlines():
        meta = json.loads(line)
        lang = Language.parse(meta["language"])
        text = (folder / "docs" / meta["file"]).read_text(errors="replace")
        for raw in text.splitlines():
            words = raw.split()
            if 4 <= len(words) <= 60 and any(c.isalpha() for c in raw):
                found.append((lang, " ".join(words)))
    return found


def own_script(lang: Language, text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return sum(script_of(c) == _SCRIPT_OF[lang] for c in letters) >= 0.5 * len(letters)


def passes(text: str, lang: Language) -> bool:
    try:
        check_written_in(text, lang)
    except InvalidInput:
        return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    lines = lines_of(args.corpus)
    in_script = [(lang, t) for lang, t in lines if own_script(lang, t)]
    wrong_refusals: Counter[Language] = Counter()
    wrong_acceptances: Counter[tuple[Language, Language]] = Counter()
    examples = []
    for lang, text in in_script:
        if not passes(text, lang):
            wrong_refusals[lang] += 1
            examples.append((lang.value, text[:80]))
        for other in Language:
            if other is not lang and passes(text, other):
                wrong_acceptances[(lang, other)] += 1
    checks = [(lang, t) for lang, t in in_script]
    times, reference = [], []
    for _ in range(args.runs):
        start = time.perf_counter()
        for lang, text in checks:
            passes(text, lang)
        times.append((time.perf_counter() - start) / len(checks) * 1e6)
        start = time.perf_counter()
        for lang, text in checks:
            own_script(lang, text)
        reference.append((time.perf_counter() - start) / len(checks) * 1e6)
    by_lang = Counter(lang for lang, _ in in_script)
    print(f"{len(lines)} lines of 4-60 words, {len(in_script)} in their file's script")
    for lang in Language:
        print(f"  {lang.value}: {by_lang[lang]} lines, wrongly refused {wrong_refusals[lang]}")
    print(f"wrong acceptances ({sum(by_lang.values()) * 5} checks against another language): "
          f"{sum(wrong_acceptances.values())}")
    for (lang, other), n in sorted(wrong_acceptances.items()):
        print(f"  {lang.value} text accepted as {other.value}: {n}")
    for lang, text in examples[:10]:
        print(f"  refused {lang}: {text}")
    print(f"time per check: median {statistics.median(times):.0f} us; script test alone "
          f"{statistics.median(reference):.0f} us (ratio "
          f"{statistics.median(times) / statistics.median(reference):.1f})")


if __name__ == "__main__":
    main()
