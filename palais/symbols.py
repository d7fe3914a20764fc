"""UN document symbols: parse, validate, format, order.

A symbol is the identity of a document across its six language versions
(``A/HRC/41/G/7``). The Human Rights Council family is parsed strictly, because
palais allocates these symbols and must never produce or accept a malformed one:

    A/HRC/<s>/<n>          sessional document of session <s>
    A/HRC/<s>/G/<n>        communication from a Government (note verbale, letter)
    A/HRC/<s>/NGO/<n>      written statement of a non-governmental organization
    A/HRC/<s>/L.<n>        draft (limited distribution)
    A/HRC/RES/<s>/<n>      resolution
    A/HRC/DEC/<s>/<n>      decision
    A/HRC/PRST/<s>/<n>     President's statement

where <s> is a regular session number or ``S-<n>`` for a special session, followed
by modifiers ``/Rev.N`` (revision), ``/Add.N`` (addendum) and ``/Corr.N``
(corrigendum). Each modifier appears at most once and a corrigendum comes last;
revision and addendum may come in either order because both exist in UN practice
(``.../Add.1/Rev.1`` revises an addendum, ``.../Rev.1/Add.1`` adds to a
revision). Source: Dag Hammarskjöld Library, "UN Documentation: Document
symbols", https://research.un.org/en/docs/symbols.

Symbols of other series (``A/75/123``, ``S/2008/108``, ``E/CN.4/2005/10``,
``CERD/C/SR.1523``, and other A/HRC sub-series such as working groups) are
accepted by a general grammar (slash-separated components of capitals, digits,
dots and hyphens) so the archive can hold what a researcher meets next to
Council documents; their parts are not interpreted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from palais.errors import InvalidSymbol, Phrase, phrase

__all__ = ["Category", "Modifier", "ModifierKind", "Symbol"]


class Category(StrEnum):
    """The kind of an HRC symbol, read from its distinctive component."""

    SESSIONAL = "sessional"
    GOVERNMENT = "G"
    NGO = "NGO"
    LIMITED = "L"
    RESOLUTION = "RES"
    DECISION = "DEC"
    PRESIDENT_STATEMENT = "PRST"
    OTHER = "other"  # any other series, or an A/HRC sub-series not interpreted here


class ModifierKind(StrEnum):
    REVISION = "Rev"
    ADDENDUM = "Add"
    CORRIGENDUM = "Corr"


@dataclass(frozen=True, slots=True)
class Modifier:
    kind: ModifierKind
    number: int

    def __str__(self) -> str:
        return f"{self.kind.value}.{self.number}"


_NUMBER = r"[1-9][0-9]{0,5}"
_SESSION = rf"(?:S-)?{_NUMBER}"
_HRC = re.compile(
    rf"""A/HRC/
    (?:
        (?P<act>RES|DEC|PRST)/(?P<act_session>{_SESSION})/(?P<act_number>{_NUMBER})
      | (?P<session>{_SESSION})/
        (?:
            G/(?P<g>{_NUMBER})
          | NGO/(?P<ngo>{_NUMBER})
          | L\.(?P<l>{_NUMBER})
          | (?P<n>{_NUMBER})
        )
    )
    (?P<mods>(?:/[A-Za-z]+\.[0-9]+)*)
    """,
    re.VERBOSE,
)
_MODIFIER = re.compile(rf"(Rev|Add|Corr)\.({_NUMBER})")
_COMPONENT = re.compile(r"[A-Z][A-Z0-9]*(?:[.\-][A-Z0-9]+)*|[0-9]+(?:[.\-][A-Z0-9]+)*")
_OTHER_MODIFIER = re.compile(rf"(?:Rev|Add|Corr|Amend)\.{_NUMBER}|Summary")
_MAX_LENGTH = 120


@dataclass(frozen=True, slots=True)
class Symbol:
    """A parsed document symbol. ``str(symbol)`` gives back the canonical text.

    For HRC symbols the named parts are filled in; for other series only
    ``text`` and ``modifiers`` are.
    """

    text: str
    category: Category
    session: int | None = None
    special_session: bool = False
    number: int | None = None
    modifiers: tuple[Modifier, ...] = ()

    @classmethod
    def parse(cls, value: str) -> Symbol:
        """Parse ``value`` (surrounding white space allowed), or raise InvalidSymbol."""
        if not isinstance(value, str):
            raise InvalidSymbol(repr(value), phrase("a symbol must be text"))
        text = value.strip()
        if not text:
            raise InvalidSymbol(value, phrase("empty"))
        if len(text) > _MAX_LENGTH:
            raise InvalidSymbol(
                text[:40] + "…", phrase("longer than %(n)s characters", n=_MAX_LENGTH)
            )
        if text.startswith("A/HRC/"):
            match = _HRC.fullmatch(text)
            if match:
                return cls._from_hrc_match(text, match)
            if _strict_hrc_prefix(text):
                raise InvalidSymbol(text, _hrc_reason(text))
        return cls._general(text)

    @classmethod
    def parse_any_case(cls, value: str) -> Symbol:
        """Parse ``value`` written in any case (``a/hrc/41/g/7/corr.1``): series in capitals,
        modifiers as the UN writes them; the canonical symbol, or InvalidSymbol as
        :meth:`parse` raises it for the text as typed."""
        try:
            return cls.parse(value)
        except InvalidSymbol as first:
            try:
                return cls.parse(canonical_case(value))
            except InvalidSymbol:
                raise first from None

    @classmethod
    def _from_hrc_match(cls, text: str, m: re.Match[str]) -> Symbol:
        session_text = m["act_session"] or m["session"]
        special = session_text.startswith("S-")
        session = int(session_text.removeprefix("S-"))
        if m["act"]:
            category, number = Category(m["act"]), m["act_number"]
        elif m["g"]:
            category, number = Category.GOVERNMENT, m["g"]
        elif m["ngo"]:
            category, number = Category.NGO, m["ngo"]
        elif m["l"]:
            category, number = Category.LIMITED, m["l"]
        else:
            category, number = Category.SESSIONAL, m["n"]
        modifiers = _parse_modifiers(text, m["mods"])
        return cls(text, category, session, special, int(number), modifiers)

    @classmethod
    def _general(cls, text: str) -> Symbol:
        components = text.split("/")
        if len(components) < 2:
            raise InvalidSymbol(
                text, phrase("a symbol has at least two components separated by '/'")
            )
        if not re.fullmatch(r"[A-Z]+(?:\.[0-9]+)?", components[0]):
            raise InvalidSymbol(text, phrase(
                "the series component %(component)r is not a UN series", component=components[0]
            ))
        modifiers: list[Modifier] = []
        after_modifier = False  # Amend.N and Summary end the document part too
        for component in components[1:]:
            if _OTHER_MODIFIER.fullmatch(component):
                after_modifier = True
                m = _MODIFIER.fullmatch(component)
                if m:
                    modifiers.append(Modifier(ModifierKind(m[1]), int(m[2])))
                continue
            if after_modifier:
                raise InvalidSymbol(
                    text, phrase("component %(component)r after a modifier", component=component)
                )
            if not _COMPONENT.fullmatch(component):
                raise InvalidSymbol(text, phrase(
                    "component %(component)r is not valid in a symbol", component=component
                ))
        return cls(text, Category.OTHER, modifiers=tuple(modifiers))

    @classmethod
    def hrc(
        cls,
        session: int,
        number: int,
        category: Category = Category.SESSIONAL,
        *,
        special: bool = False,
        modifiers: tuple[Modifier, ...] = (),
    ) -> Symbol:
        """Build an HRC symbol from its parts (the registry allocates them this way)."""
        s = f"S-{session}" if special else str(session)
        match category:
            case Category.SESSIONAL:
                base = f"A/HRC/{s}/{number}"
            case Category.GOVERNMENT | Category.NGO:
                base = f"A/HRC/{s}/{category.value}/{number}"
            case Category.LIMITED:
                base = f"A/HRC/{s}/L.{number}"
            case Category.RESOLUTION | Category.DECISION | Category.PRESIDENT_STATEMENT:
                base = f"A/HRC/{category.value}/{s}/{number}"
            case _:
                raise InvalidSymbol(str(category), phrase("not an HRC category with a number"))
        return cls.parse(base + "".join(f"/{m}" for m in modifiers))

    def __str__(self) -> str:
        return self.text

    @property
    def is_hrc(self) -> bool:
        return self.category is not Category.OTHER

    @property
    def base(self) -> Symbol:
        """The symbol of the original document, without any modifier."""
        if not self.modifiers:
            return self
        text = self.text
        for modifier in self.modifiers:
            text = text.replace(f"/{modifier}", "", 1)
        return Symbol.parse(text)

    def with_modifier(self, kind: ModifierKind, number: int) -> Symbol:
        """The symbol of a corrigendum, revision or addendum of this document."""
        return Symbol.parse(f"{self.text}/{kind.value}.{number}")

    def modifier(self, kind: ModifierKind) -> int | None:
        """The number of the modifier of this kind, if the symbol has one."""
        return next((m.number for m in self.modifiers if m.kind is kind), None)

    def sort_key(self) -> tuple[object, ...]:
        """Numeric order: A/HRC/41/G/2 before A/HRC/41/G/10, originals before corrigenda."""
        return tuple(
            (0, int(piece), "") if piece.isdigit() else (1, 0, piece)
            for piece in re.split(r"([0-9]+)", self.text)
            if piece
        )

    def __lt__(self, other: Symbol) -> bool:
        return self.sort_key() < other.sort_key()

    def uri_slug(self) -> str:
        """The symbol as one path segment: slashes become hyphens (Akoma Ntoso URIs)."""
        return self.text.replace("/", "-")


def canonical_case(text: str) -> str:
    """``text`` in the case symbols are written in: capitals, modifiers ``Add.``/``Corr.``/
    ``Rev.`` (for symbols, and the beginnings of symbols, typed in any case)."""
    upper = text.strip().upper()
    return re.sub(
        r"(?<=/)(ADD|CORR|REV)\.", lambda m: m.group(1).capitalize() + ".", upper
    )


def sort_text(symbol: str) -> str:
    """A text that sorts as symbols do (numbers by value), for engines sorting strings."""
    return re.sub(r"[0-9]+", lambda m: m.group().zfill(8), symbol)


def _parse_modifiers(text: str, mods: str) -> tuple[Modifier, ...]:
    modifiers: list[Modifier] = []
    for piece in mods.split("/")[1:]:
        m = _MODIFIER.fullmatch(piece)
        if not m:
            raise InvalidSymbol(text, phrase(
                "%(piece)r is not a modifier (Rev.N, Add.N or Corr.N)", piece=piece
            ))
        kind = ModifierKind(m[1])
        if any(existing.kind is kind for existing in modifiers):
            raise InvalidSymbol(
                text, phrase("modifier %(kind)s. appears twice", kind=kind.value)
            )
        if modifiers and modifiers[-1].kind is ModifierKind.CORRIGENDUM:
            raise InvalidSymbol(text, phrase("a corrigendum (Corr.N) must be the last modifier"))
        modifiers.append(Modifier(kind, int(m[2])))
    return tuple(modifiers)


def _strict_hrc_prefix(text: str) -> bool:
    """True for A/HRC/ symbols whose shape palais interprets (and so must validate)."""
    third = text.split("/")[2] if text.count("/") >= 2 else ""
    return third in ("RES", "DEC", "PRST", "") or bool(re.fullmatch(r"(?:S-)?[0-9]+.*", third))


def _hrc_reason(text: str) -> Phrase:
    parts = text.split("/")
    if len(parts) < 4:
        return phrase("an HRC symbol needs a session and a number, e.g. A/HRC/41/G/7")
    session_part = parts[3] if parts[2] in ("RES", "DEC", "PRST") else parts[2]
    if not re.fullmatch(_SESSION, session_part):
        return phrase(
            "%(part)r is not a session (a number, or S-<n> for a special session)",
            part=session_part,
        )
    rest = "/".join(parts[4:] if parts[2] in ("RES", "DEC", "PRST") else parts[3:])
    if re.search(r"(?:^|/)0[0-9]*(?:/|$)|\.0", rest):
        return phrase("numbers start at 1 and have no leading zero")
    return phrase(
        "%(rest)r after the session is not a document number, G/<n>, NGO/<n> or L.<n> "
        "followed by Rev.N, Add.N or Corr.N modifiers", rest=rest,
    )
