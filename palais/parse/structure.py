"""Stages 3 and 4: blocks, then the document tree.

``build_tree`` reads normalised :class:`~palais.parse.layout.Line` values and
writes a :class:`Tree`: the cover's header lines (body, session, dates, agenda
item), the agenda title, the document title, the cover paragraphs, footnotes
(lines opening with a ``*`` marker after the body, to the end of their page) and
each annex (heading, subtitle, paragraphs). Header lines are recognised one
printed line at a time before paragraphs are joined, because UN covers set each
of them on its own line. ``render`` prints the tree for ``palais parse --emit tree``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from palais.parse.layout import (
    OPENINGS,
    Line,
    double_spaced,
    indented,
    join_block,
    join_paragraphs,
    ragged_end,
    right_to_left,
)
from palais.parse.patterns import (
    AGENDA,
    ANNEX_HEADING,
    DATE,
    DATE_RANGE,
    FOOTNOTE,
    SESSION,
    SESSION_WORD,
    TYPE_TITLE,
)

_HEADER_SCAN = 40
"""Cover headers sit in the first printed lines; looking further only finds body text."""


@dataclass(slots=True)
class AnnexNode:
    heading: str
    page: int = 1
    subtitle: str | None = None
    paragraphs: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Tree:
    """The intermediate tree: what the structure stage saw, before any field is read."""

    header: list[tuple[str, str]] = field(default_factory=list)
    agenda_title: str | None = None
    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    footnotes: list[tuple[str, str]] = field(default_factory=list)
    annexes: list[AnnexNode] = field(default_factory=list)
    spaced: bool = False
    pages: int = 1
    sent: list[tuple[str, str]] = field(default_factory=list)
    """A note as sent: each paragraph with the part it is (palais.parse.as_sent)."""


def _header_kind(text: str) -> str | None:
    if len(text) > 120:
        return None
    if len(text) < 60 and SESSION_WORD.search(text) and SESSION.search(text):
        return "session"
    if AGENDA.match(text):
        return "agenda"
    if len(text) < 60 and (DATE_RANGE.search(text) or DATE.fullmatch(text.removesuffix(" года"))):
        return "dates"
    return None


def build_tree(lines: Sequence[Line]) -> Tree:
    """Recognise header, title, paragraphs, footnotes and annexes (see module docstring)."""
    tree = Tree(spaced=double_spaced(lines), pages=max((ln.page for ln in lines), default=1))
    annex_at = next((i for i, ln in enumerate(lines) if ANNEX_HEADING.match(ln.text)), len(lines))
    cover = list(lines[:annex_at])
    start = _read_header(cover, tree)
    body: list[Line] = []
    note_page: int | None = None  # the page of the footnote being read
    for line in cover[start:]:
        marker = FOOTNOTE.match(line.text)
        if marker and body:
            tree.footnotes.append((marker[1], marker[2]))
            note_page = line.page
        elif note_page is not None and line.page != note_page:
            # Notes sit at the foot of their page: the next page goes on with the text.
            note_page = None
            body.append(line)
        elif tree.footnotes and not marker and line.indent >= 1 and not body:
            continue
        elif note_page is not None:
            marker_text, note = tree.footnotes[-1]
            tree.footnotes[-1] = (marker_text, f"{note} {line.text}")
        else:
            body.append(line)
    blocks = join_paragraphs(body, spaced=tree.spaced)
    at = next((i for i, b in enumerate(blocks[:6]) if TYPE_TITLE.search(b[:80])), None)
    if at is not None:
        # Blocks before a communication's title are first-page lines the header missed.
        tree.header += [("block", b) for b in blocks[:at]]
        tree.title = blocks[at]
        blocks = blocks[at + 1 :]
    elif blocks and tree.header and len(blocks) > 1 and not blocks[0].endswith("."):
        tree.title = blocks.pop(0)
    tree.paragraphs = blocks
    if annex_at < len(lines):
        tree.annexes = _read_annexes(lines[annex_at:], tree.spaced)
    return tree


def _read_header(cover: Sequence[Line], tree: Tree) -> int:
    """Consume the header lines; returns the index of the first line after them."""
    last = -1
    for i, line in enumerate(cover[:_HEADER_SCAN]):
        if TYPE_TITLE.search(line.text[:80]) or OPENINGS.match(line.text):
            break
        kind = _header_kind(line.text)
        if kind:
            tree.header.append((kind, line.text))
            last = i
        elif last < 0 and i < 3 and len(line.text) < 80 and not line.text.endswith("."):
            tree.header.append(("body", line.text))
    if last < 0:
        tree.header = []
        return 0
    if tree.header and tree.header[-1][0] == "agenda":
        title_lines: list[Line] = []
        j = last + 1
        while j < len(cover) and (not title_lines or _goes_on(cover[j], cover[last], tree.spaced)):
            if TYPE_TITLE.search(cover[j].text[:80]):
                break
            title_lines.append(cover[j])
            j += 1
            if title_lines[-1].text.endswith((".", ":")):
                break
        if title_lines and j < len(cover):
            tree.agenda_title = " ".join(ln.text for ln in title_lines)
            return j
    return last + 1


def _goes_on(line: Line, agenda: Line, spaced: bool) -> bool:
    """Whether ``line`` continues the agenda title printed under the ``agenda`` line:
    it is not indented past that line, or, set right to left (where the left indentation
    says nothing), no blank line comes before it in text that is not double spaced."""
    if right_to_left(line.text):
        return spaced or not line.gap_before
    return not indented(line, agenda.indent)


def _read_annexes(lines: Sequence[Line], spaced: bool) -> list[AnnexNode]:
    starts = [i for i, ln in enumerate(lines) if ANNEX_HEADING.match(ln.text)]
    annexes: list[AnnexNode] = []
    for k, begin in enumerate(starts):
        chunk = lines[begin : starts[k + 1] if k + 1 < len(starts) else len(lines)]
        heading = [chunk[0]]
        i = 1
        while (i < len(chunk) and not chunk[i].gap_before
               and not indented(chunk[i], chunk[0].indent)):
            heading.append(chunk[i])
            i += 1
        blocks = join_paragraphs(chunk[i:], spaced=spaced)
        # A subtitle printed under the heading with no blank line between them.
        cut = ragged_end(heading)
        node = AnnexNode(join_block(heading[:cut]), page=chunk[0].page)
        if cut < len(heading):
            node.subtitle = join_block(heading[cut:])
        elif i < len(chunk) and blocks and indented(chunk[i],
                                                    min(ln.indent for ln in chunk[i:])):
            node.subtitle = blocks.pop(0)
        node.paragraphs = blocks
        annexes.append(node)
    return annexes


def render(tree: Tree) -> str:
    """The tree as indented text, one node a line (``palais parse --emit tree``)."""
    spaced = "yes" if tree.spaced else "no"
    out = [f"document (pages: {tree.pages}, double spaced: {spaced})", "  cover"]
    if tree.sent:
        out[1] = "  note as sent"
        return "\n".join(out + [f"    {kind}: {_short(text)}" for kind, text in tree.sent])
    out += [f"    header.{kind}: {text}" for kind, text in tree.header]
    if tree.agenda_title:
        out.append(f"    agenda_title: {tree.agenda_title}")
    if tree.title:
        out.append(f"    title: {tree.title}")
    out += [f"    paragraph[{i}]: {_short(p)}" for i, p in enumerate(tree.paragraphs, 1)]
    out += [f"    footnote {m}: {_short(t)}" for m, t in tree.footnotes]
    for n, annex in enumerate(tree.annexes, 1):
        out.append(f"  annex[{n}] (page {annex.page}): {_short(annex.heading)}")
        if annex.subtitle:
            out.append(f"    subtitle: {_short(annex.subtitle)}")
        out += [f"    paragraph[{i}]: {_short(p)}" for i, p in enumerate(annex.paragraphs, 1)]
    return "\n".join(out)


def _short(text: str, limit: int = 100) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


__all__ = ["AnnexNode", "Tree", "build_tree", "render"]
