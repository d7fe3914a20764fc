"""Highlighted snippets, made in Python from the original text for both engines.

Engines highlight what they indexed, and what is indexed here is normalised
terms ("resolu", "كلبجار", "人权"), not what a reader should see; PostgreSQL's
``ts_headline`` and tantivy's snippet generator would both have to re-parse the
original text with rules other than ours. So a snippet is cut here: each word
of the original text is normalised as the index normalises it and compared with
the query's terms for that language. Every piece of text is HTML-escaped and
only the ``<mark>`` elements added here are markup, so a document's own text can
never inject HTML into the results page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup, escape

from palais.languages import Language
from palais.search.normalise import fold, is_han, stem, words
from palais.search.query import Clause

SNIPPET_CHARS = 240
_LEAD_CHARS = 60
_SPACES = re.compile(r"\s+")
_SCAN_CHARS = 40_000
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A word as printed: letters and digits with their combining marks and tatweel.
_SURFACE = re.compile(rf"[{_HAN}]+|(?:[^\W_{_HAN}]|[\u0300-\u036f\u0640\u064b-\u065f\u0670])+")


@dataclass(frozen=True, slots=True)
class Snippet:
    html: Markup
    matches: int


def snippet(
    text: str, lang: Language, clauses: tuple[Clause, ...], needles: tuple[str, ...]
) -> Snippet:
    """The passage of ``text`` with the most of the query's words, those words marked.

    Chinese typed together matches a text holding each pair of its characters, not
    necessarily the whole run (:mod:`palais.search.query`): a text without the run has
    the pairs marked instead."""
    spans = _matches(text[:_SCAN_CHARS], lang, clauses, needles)
    if not spans and any(len(n) > 2 for n in needles):
        spans = _matches(text[:_SCAN_CHARS], lang, clauses, _pairs(needles))
    if not spans:
        return Snippet(_cut(text, 0, []), 0)
    start = _best_start(spans)
    return Snippet(_cut(text, start, spans), len(spans))


def _matches(
    text: str, lang: Language, clauses: tuple[Clause, ...], needles: tuple[str, ...]
) -> list[tuple[int, int]]:
    """Spans of the words that match, from the first match to one snippet's length after it."""
    exact = {t for c in clauses for a in c.alternatives for t in a.terms}
    prefixes = tuple(a.terms[-1] for c in clauses for a in c.alternatives if a.prefix)
    spans: list[tuple[int, int]] = []
    for m in _SURFACE.finditer(text):
        s, word = m.start(), m.group()
        if spans and s > spans[0][0] + SNIPPET_CHARS:
            break
        if is_han(word):
            run = fold(word)
            for needle in needles:
                spans.extend((s + i, s + i + len(needle)) for i in _occurrences(run, needle))
        else:
            term = _term(word, lang)
            if term and (term in exact or term.startswith(prefixes)):
                spans.append((s, m.end()))
    return sorted(set(spans))


@lru_cache(maxsize=200_000)
def _term(surface: str, lang: Language) -> str:
    """The index term of one printed word (cached: texts repeat their words)."""
    found = words(surface)
    return stem(found[:1], lang)[0] if found else ""


def _pairs(needles: tuple[str, ...]) -> tuple[str, ...]:
    """Each needle's pairs of characters (the index's bigrams), each once."""
    return tuple(dict.fromkeys(n[i : i + 2] for n in needles for i in range(len(n) - 1)))


def _occurrences(run: str, needle: str) -> list[int]:
    out, i = [], run.find(needle)
    while i >= 0:
        out.append(i)
        i = run.find(needle, i + len(needle))
    return out


def _best_start(spans: list[tuple[int, int]]) -> int:
    """Start of the window of SNIPPET_CHARS holding the most matches, a little before them."""
    best, best_count, j = spans[0][0], 0, 0
    for i, (s, _) in enumerate(spans):
        j = max(j, i)
        while j + 1 < len(spans) and spans[j + 1][1] - s <= SNIPPET_CHARS - _LEAD_CHARS:
            j += 1
        if j - i + 1 > best_count:
            best, best_count = s, j - i + 1
    return max(0, best - _LEAD_CHARS)


def _cut(text: str, start: int, spans: list[tuple[int, int]]) -> Markup:
    """Text from ``start`` (moved to a word boundary) for SNIPPET_CHARS, matches marked."""
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + SNIPPET_CHARS // 2 else end
    out: list[Markup] = [Markup("…")] if start > 0 else []
    position = start
    for s, e in spans:
        if s < position or e > end:
            continue
        out.append(escape(_squash(text[position:s])))
        out.append(Markup("<mark>{}</mark>").format(text[s:e]))
        position = e
    out.append(escape(_squash(text[position:end])))
    if end < len(text):
        out.append(Markup("…"))
    return Markup("").join(out)


def _squash(piece: str) -> str:
    """Line breaks and runs of spaces of the extracted text read as one space."""
    return _SPACES.sub(" ", piece)
