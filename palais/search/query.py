"""What a reader typed, as clauses both engines can run.

A query is a list of *clauses* that must all match, in one language version of
a document. A clause is a bare word, a "quoted phrase", or a place name; each
clause has one or more *alternatives* (a place name has one per spelling, from
``data/toponyms.yaml``), and an alternative is a sequence of terms that must
appear one after another. A bare run of three or more Chinese characters is the
exception: like bare words in other scripts, its terms (the run's bigrams) must
all appear, in any order; quoted, it is a phrase. That is how Lucene reads CJK
bigrams (``autoGeneratePhraseQueries`` off), and it spares reading every position
of every bigram of a pasted sentence in each of its documents. Words ending in
``*``, Chinese single characters and place names match as prefixes (the last
term), so "Кельбаджар" also finds the adjective "Кельбаджарского".

Between clauses, ``OR`` makes one clause of its neighbours (either satisfies
it); a clause written with a leading ``-`` excludes the documents any version of
which it matches; ``field:value`` (``symbol:``, ``state:``, ``session:``,
``agenda:``, ``year:``) narrows like a facet, a symbol ending in ``*`` by its
beginning. The syntax, with tested examples, is on the search help page.

Terms depend on the language field searched (stemming is per language), so
:meth:`Query.clauses` compiles the same parsed query once per field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from palais.errors import InvalidInput
from palais.languages import Language
from palais.search.normalise import han_terms, is_han, stem, words

MAX_QUERY_CHARS = 500
# A token: an optionally negated "phrase", or a run of non-space characters.
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
# Query fields -> the search filter they set.
FIELDS = {
    "symbol": "symbol", "state": "sender", "session": "session", "agenda": "agenda_item",
    "year": "year",
}
_FIELD = re.compile(r"(?i)^(" + "|".join(FIELDS) + r"):(\S+)$")


@dataclass(frozen=True, slots=True)
class Alternative:
    """Terms that must follow one another (or, not ``ordered``, all appear in any order);
    the last one as a prefix when ``prefix``."""

    terms: tuple[str, ...]
    prefix: bool = False
    ordered: bool = True


@dataclass(frozen=True, slots=True)
class Clause:
    """Any one of its alternatives satisfies the clause."""

    alternatives: tuple[Alternative, ...]


@dataclass(frozen=True, slots=True)
class _Spelling:
    """One way of writing a clause before stemming: folded words.

    A reader's ``word*`` is ``literal``: the prefix is what was typed, never
    stemmed (the French stem of "rés" is "re"); a place name's prefix is its
    stem, which every inflected form of it begins with.
    """

    words: tuple[str, ...]
    prefix: bool
    literal: bool = False
    ordered: bool = True


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query, independent of language until :meth:`clauses` is asked."""

    parts: tuple[tuple[_Spelling, ...], ...]
    excluded: tuple[tuple[_Spelling, ...], ...] = ()
    fields: tuple[tuple[str, str], ...] = ()  # (search filter, value) from field:value

    @property
    def empty(self) -> bool:
        """No words to match (fields and exclusions alone list documents by date)."""
        return not self.parts

    def exclusions(self, lang: Language) -> tuple[Clause, ...]:
        """The excluded clauses as terms of ``lang``'s field."""
        return Query(self.excluded).clauses(lang)

    def clauses(self, lang: Language) -> tuple[Clause, ...]:
        """The clauses as terms of ``lang``'s field."""
        return tuple(
            Clause(tuple(dict.fromkeys(_compile(s, lang) for s in spellings)))
            for spellings in self.parts
        )

    def needles(self) -> tuple[str, ...]:
        """Folded Chinese strings of the query, for highlighting inside Han runs."""
        return tuple(w for spellings in self.parts for s in spellings for w in s.words if is_han(w))


def parse_query(text: str) -> Query:
    """Read a query: words, "phrases", ``word*`` prefixes, ``OR``, ``-exclusions`` and
    ``field:value``; place names expanded to their spellings."""
    if len(text) > MAX_QUERY_CHARS:
        raise InvalidInput(
            "a search query is at most %(MAX_QUERY_CHARS)s characters",
            MAX_QUERY_CHARS=MAX_QUERY_CHARS,
        )
    parts: list[tuple[_Spelling, ...]] = []
    excluded: list[tuple[_Spelling, ...]] = []
    fields: list[tuple[str, str]] = []
    joins: set[int] = set()  # part i is one clause with part i - 1 (an OR between them)
    run: list[str] = []  # bare words not yet read (a place name may span several)

    def flush() -> None:
        parts.extend(_bare(" ".join(run)))
        run.clear()

    for match in _TOKEN.finditer(text):
        negated, phrase, bare = match.group(1), match.group(2), match.group(3)
        if phrase is not None:
            flush()
            found = tuple(words(phrase))
            if found:
                (excluded if negated else parts).append((_Spelling(found, False),))
        elif bare == "OR":
            flush()
            if parts:
                joins.add(len(parts))
        elif bare.startswith("-") and len(bare) > 1:
            flush()
            excluded.extend(_bare(bare[1:]))
        elif field := _FIELD.match(bare):
            flush()
            fields.append((FIELDS[field.group(1).lower()], field.group(2)))
        else:
            run.append(bare)
    flush()
    for i in sorted((j for j in joins if j < len(parts)), reverse=True):
        parts[i - 1 : i + 1] = [tuple(dict.fromkeys(parts[i - 1] + parts[i]))]
    return Query(tuple(parts), tuple(excluded), tuple(fields))


def _bare(text: str) -> list[tuple[_Spelling, ...]]:
    """Bare words, one clause each, except runs that spell a known place."""
    out: list[tuple[_Spelling, ...]] = []
    tokens = [(tuple(words(raw)), raw.endswith("*")) for raw in text.split()]
    found = [(w, star) for ws, star in tokens for w in ws]
    i = 0
    while i < len(found):
        place = _match_place([w for w, _ in found[i:]])
        if place is not None:
            length, spellings = place
            out.append(spellings)
            i += length
            continue
        word, star = found[i]
        han = is_han(word)
        out.append((
            _Spelling(
                (word,), star or (han and len(word) == 1), star,
                ordered=not (han and len(word) > 2 and not star),
            ),
        ))
        i += 1
    return out


def _compile(spelling: _Spelling, lang: Language) -> Alternative:
    plain = iter(
        stem([w for w in spelling.words if not is_han(w)], None if spelling.literal else lang)
    )
    out: list[str] = []
    for word in spelling.words:
        if is_han(word):
            out.extend(han_terms(word)[:-1] if len(word) > 1 else [word])
        else:
            out.append(next(plain))
    last = spelling.words[-1]
    prefix = spelling.prefix and (not is_han(last) or len(last) == 1)
    if not spelling.ordered:
        return Alternative(tuple(dict.fromkeys(out)), prefix, ordered=False)
    return Alternative(tuple(out), prefix)


def _match_form(ws: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """How a place's words are compared: Cyrillic words by their Russian stem."""
    return tuple(stem([w], Language.RU)[0] if re.search("[а-я]", w) else w for w in ws)


def _match_place(ws: list[str]) -> tuple[int, tuple[_Spelling, ...]] | None:
    """The longest known place name at the start of ``ws``: its length and spellings."""
    places, longest = _places()
    for length in range(min(longest, len(ws)), 0, -1):
        key = places.get(_match_form(ws[:length]))
        if key is not None:
            return length, key
    return None


@cache
def _places() -> tuple[dict[tuple[str, ...], tuple[_Spelling, ...]], int]:
    """Every variant's match form -> all spellings of its place; the longest variant."""
    data = yaml.safe_load(
        resources.files("palais.search").joinpath("data/toponyms.yaml").read_text("utf-8")
    )
    table: dict[tuple[str, ...], tuple[_Spelling, ...]] = {}
    longest = 1
    for entry in data:
        variants = [tuple(words(v)) for v in entry["variants"]]
        spellings = tuple(_Spelling(v, True) for v in dict.fromkeys(variants))
        for v in variants:
            table[_match_form(v)] = spellings
            longest = max(longest, len(v))
    return table, longest
