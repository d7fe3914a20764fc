"""Whole numbers typed by people: ASCII digits only, within what a store can hold.

``str.isdigit`` accepts every Unicode digit (``"²"``, ``"①"``, Arabic-Indic
digits in some forms) that ``int()`` then refuses, and Python's integers have
no bound while a search engine's and a database's do. Filters, form fields and
path parameters therefore read numbers here: anything else is InvalidInput
(a 4xx), never an exception deeper down.
"""

from __future__ import annotations

import re

from palais.errors import InvalidInput

LARGEST = 2**31 - 1
"""The largest number any field holds (a 32-bit signed integer, as PostgreSQL's INTEGER)."""

_ASCII_DIGITS = re.compile(r"[0-9]{1,10}")


def whole_number(text: str, what: str, largest: int = LARGEST) -> int:
    """``text`` as a number from 0 to ``largest``; InvalidInput naming ``what`` otherwise."""
    value = text.strip()
    if not _ASCII_DIGITS.fullmatch(value) or int(value) > largest:
        raise InvalidInput(
            "%(what)s must be a whole number from 0 to %(largest)s, got %(text)r",
            what=what, largest=largest, text=text,
        )
    return int(value)
