"""What a translator's pages show of a submission: names, titles, context, passages.

The registry speaks of passages by key (``cover.paragraph.1``) and of a title
in the cover's language; a translator reads "Paragraph 1 of the note" and the
title in the language they translate into where it is already known (the
conventions write a standard title in every language; a free title once it
is translated), else the original, marked as such. Beside the passages the
page shows the whole note and its annexes, as the mission sent them, so a
passage is never translated out of its context.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from palais.compose import formulaic
from palais.compose.passages import TITLE, passages, translation
from palais.languages import Language
from palais.model import Document, Part
from palais.titles import ShownTitle, title_for

Gettext = Callable[[str], str]
_NUMBERED = re.compile(r"^cover\.(paragraph|footnote)\.(\d+)$")
_CORRECTION = re.compile(r"^correction\.(\d+)\.(old|new)$")


def passage_name(key: str, _: Gettext) -> str:
    """A passage named in words: "Paragraph 1 of the note" for ``cover.paragraph.1``."""
    if key == TITLE:
        return _("Title of the note")
    correction = _CORRECTION.match(key)
    if correction is not None:
        number, side = correction.groups()
        if side == "new":
            return _("Correction %(n)s: the new text") % {"n": number}
        return _("Correction %(n)s: the words replaced") % {"n": number}
    match = _NUMBERED.match(key)
    if match is None:
        return key
    kind, number = match.groups()
    if kind == "paragraph":
        return _("Paragraph %(n)s of the note") % {"n": number}
    return _("Footnote %(n)s of the note") % {"n": number}


def shown_title(doc: Document, lang: Language) -> ShownTitle | None:
    """The title in ``lang`` where it is known yet, else the original, marked."""
    known = (
        formulaic.standard_title(doc, lang)
        if formulaic.title_is_standard(doc)
        else translation(doc, TITLE, lang)
    )
    titles = {lang: known} if known else {}
    return title_for(titles, lang, doc.title, doc.language)


@dataclass(frozen=True, slots=True)
class PassageView:
    """One passage as the work page shows it, with what was typed and what is offered."""

    key: str
    name: str
    original: str
    saved: str | None
    draft: str
    formula: str | None
    memory: Sequence[Any] = ()
    error: str | None = None

    @property
    def anchor(self) -> str:
        return "p-" + self.key.replace(".", "-")


@dataclass(frozen=True, slots=True)
class Context:
    """The note and its annexes as received, each paragraph with its passage key (if any)."""

    language: Language | None
    paragraphs: Sequence[tuple[str | None, str]]
    annexes: Sequence[Part] = field(default_factory=tuple)


def context_of(doc: Document) -> Context:
    keys = {p.key for p in passages(doc)}
    numbered = [
        (key if (key := f"cover.paragraph.{n}") in keys else None, text)
        for n, text in enumerate(doc.paragraphs, 1)
    ]
    return Context(doc.language, numbered, doc.annexes)


def passage_views(
    doc: Document,
    lang: Language,
    _: Gettext,
    memory: Mapping[str, Sequence[Any]],
    drafts: Mapping[str, str],
    errors: Mapping[str, str],
) -> list[PassageView]:
    """The passages of ``doc`` to translate into ``lang``; a draft (typed but refused, or a
    suggestion taken) wins over the saved text in the field."""
    views = []
    for passage in passages(doc):
        saved = translation(doc, passage.key, lang)
        views.append(PassageView(
            passage.key, passage_name(passage.key, _), passage.original, saved,
            drafts.get(passage.key, saved or ""), passage.suggestions.get(lang),
            memory.get(passage.key, ()), errors.get(passage.key),
        ))
    return views
